//! Front matter: the `---` YAML or `+++` TOML block static-site generators put at the top of a
//! page. Its title and description belong to the pack, its tags to the pack's tags; nothing in
//! it is ever a question. Only flat `key: value` (or `key = value`) entries and simple lists are
//! read, which is what such blocks hold; anything else is named in a warning.

use super::markdown::FrontMatter;
use super::warning::{ImportWarning, WarningKind};

/// What a front matter block gives the pack.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct FrontFields {
    /// `title`.
    pub title: Option<String>,
    /// `description`, `summary` or `excerpt`.
    pub description: Option<String>,
    /// `tags`, `keywords` or `categories`.
    pub tags: Vec<String>,
    /// Everything else, as one warning.
    pub warning: Option<ImportWarning>,
}

/// Reads a front matter block.
pub(crate) fn read(front: &FrontMatter) -> FrontFields {
    let mut fields = FrontFields::default();
    let mut left_out: Vec<String> = Vec::new();
    let mut dropped: Vec<String> = Vec::new();
    let separator = if front.toml { '=' } else { ':' };
    let mut list_key: Option<String> = None;
    for line in front.text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(item) = trimmed.strip_prefix("- ")
            && let Some(key) = &list_key
        {
            if is_tags(key) {
                fields.tags.push(unquoted(item));
            } else {
                dropped.push(line.to_owned());
            }
            continue;
        }
        let Some((key, value)) = trimmed.split_once(separator) else {
            dropped.push(line.to_owned());
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        list_key = value.is_empty().then(|| key.clone());
        match key.as_str() {
            "title" if !value.is_empty() => fields.title = Some(unquoted(value)),
            "description" | "summary" | "excerpt" if !value.is_empty() => {
                fields.description = Some(unquoted(value));
            }
            key if is_tags(key) => fields.tags.extend(list(value)),
            _ => {
                if !left_out.contains(&key) {
                    left_out.push(key.clone());
                }
                dropped.push(line.to_owned());
            }
        }
    }
    if !dropped.is_empty() {
        let names = if left_out.is_empty() {
            String::new()
        } else {
            format!(": {}", left_out.join(", "))
        };
        fields.warning = Some(ImportWarning {
            dropped,
            ..ImportWarning::document(
                front.line,
                WarningKind::LeftOut,
                format!("front matter entries left out{names}"),
            )
        });
    }
    fields
}

fn is_tags(key: &str) -> bool {
    matches!(
        key,
        "tags" | "keywords" | "categories" | "category" | "topics"
    )
}

/// `"a"` or `'a'` → `a`.
fn unquoted(value: &str) -> String {
    let value = value.trim();
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|rest| rest.strip_suffix(quote))
        {
            return inner.to_owned();
        }
    }
    value.to_owned()
}

/// `[a, "b"]` or `a, b` → the items.
fn list(value: &str) -> Vec<String> {
    let inner = value
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
        .unwrap_or(value);
    inner
        .split(',')
        .map(unquoted)
        .filter(|item| !item.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_and_toml() {
        let yaml = FrontMatter {
            line: 1,
            toml: false,
            text: "title: \"Frontend loop\"\nlayout: post\ntags:\n  - css\n  - html\ndescription: For phone screens\n"
                .into(),
        };
        let fields = read(&yaml);
        assert_eq!(fields.title.as_deref(), Some("Frontend loop"));
        assert_eq!(fields.description.as_deref(), Some("For phone screens"));
        assert_eq!(fields.tags, ["css", "html"]);
        let warning = fields.warning.unwrap();
        assert_eq!(warning.message, "front matter entries left out: layout");
        assert_eq!(warning.dropped, ["layout: post"]);

        let toml = FrontMatter {
            line: 1,
            toml: true,
            text: "title = 'Ops'\ntags = [\"linux\", \"dns\"]\n".into(),
        };
        let fields = read(&toml);
        assert_eq!(fields.title.as_deref(), Some("Ops"));
        assert_eq!(fields.tags, ["linux", "dns"]);
        assert_eq!(fields.warning, None);
    }
}
