//! What the importer reports back: text it left out, text it could not place in a field, and
//! values it had to change.

use std::fmt;

/// What a warning is about, so a preview can group or mark warnings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WarningKind {
    /// Text that is not in the pack at all (page furniture, text outside every question).
    LeftOut,
    /// Text that fits no field and was kept in the question's `guidance`.
    KeptInGuidance,
    /// A value the importer changed or filled in (a renamed id, a missing rubric level).
    Adjusted,
    /// The document has no questions.
    NoQuestions,
}

/// One thing the importer could not take over exactly as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportWarning {
    /// The 1-based line of the document the warning is about.
    pub line: usize,
    /// The id of the question it concerns, if it concerns one.
    pub question: Option<String>,
    /// What kind of warning this is.
    pub kind: WarningKind,
    /// What happened, in words a person can act on.
    pub message: String,
    /// The text the warning left out of the pack, as read, so a preview can show it and nothing
    /// disappears unseen; empty when nothing was left out.
    pub dropped: Vec<String>,
}

impl ImportWarning {
    /// A warning about the document as a whole or text outside any question.
    pub(crate) fn document(line: usize, kind: WarningKind, message: impl Into<String>) -> Self {
        Self {
            line,
            question: None,
            kind,
            message: message.into(),
            dropped: Vec::new(),
        }
    }

    /// A warning about one question.
    pub(crate) fn question(
        line: usize,
        id: &str,
        kind: WarningKind,
        message: impl Into<String>,
    ) -> Self {
        Self {
            line,
            question: Some(id.to_owned()),
            kind,
            message: message.into(),
            dropped: Vec::new(),
        }
    }
}

/// Blocks of one kind left out of the pack, gathered into one warning ("12 table-of-contents
/// lines left out (lines 5–40)").
#[derive(Clone, Debug, Default)]
pub(crate) struct Dropped {
    lines: Vec<usize>,
    texts: Vec<String>,
}

/// Most line numbers written out in a summary warning; the rest are counted.
const LINES_SHOWN: usize = 12;

impl Dropped {
    /// Adds a block that starts at `line`.
    pub(crate) fn add(&mut self, line: usize, text: impl Into<String>) {
        self.lines.push(line);
        self.texts.push(text.into());
    }

    /// The warning, when anything was added: `count` and `noun` ("table-of-contents line") make
    /// "12 table-of-contents lines", `why` follows it.
    pub(crate) fn warning(self, noun: &str, why: &str) -> Option<ImportWarning> {
        let first = *self.lines.first()?;
        let count = self.lines.len();
        let plural = if count == 1 { "" } else { "s" };
        Some(ImportWarning {
            dropped: self.texts,
            ..ImportWarning::document(
                first,
                WarningKind::LeftOut,
                format!("{count} {noun}{plural} {why} ({})", line_list(&self.lines)),
            )
        })
    }
}

/// "line 4", "lines 4, 9 and 12", "lines 4, 9, … and 40 more".
pub(crate) fn line_list(lines: &[usize]) -> String {
    match lines {
        [] => String::new(),
        [one] => format!("line {one}"),
        _ if lines.len() <= LINES_SHOWN => {
            let (last, rest) = lines.split_last().unwrap_or((&0, &[]));
            let rest: Vec<String> = rest.iter().map(ToString::to_string).collect();
            format!("lines {} and {last}", rest.join(", "))
        }
        _ => {
            let shown: Vec<String> = lines[..LINES_SHOWN]
                .iter()
                .map(ToString::to_string)
                .collect();
            format!(
                "lines {}, … and {} more",
                shown.join(", "),
                lines.len() - LINES_SHOWN
            )
        }
    }
}

/// Shows the question (if any) and the message, but not the line: each caller puts the line
/// where its own format wants it (the CLI prints `FILE:LINE: …`).
impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.question {
            Some(id) => write!(f, "question `{id}`: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_the_question_but_not_the_line() {
        let warning = ImportWarning::question(7, "caching", WarningKind::Adjusted, "renamed");
        assert_eq!(warning.to_string(), "question `caching`: renamed");
        let warning = ImportWarning::document(1, WarningKind::NoQuestions, "no questions");
        assert_eq!(warning.to_string(), "no questions");
    }

    #[test]
    fn dropped_blocks_make_one_warning() {
        let mut dropped = Dropped::default();
        assert!(dropped.clone().warning("badge line", "left out").is_none());
        dropped.add(3, "![build](x)");
        dropped.add(4, "![docs](y)");
        let warning = dropped.warning("badge line", "left out").unwrap();
        assert_eq!(warning.line, 3);
        assert_eq!(warning.message, "2 badge lines left out (lines 3 and 4)");
        assert_eq!(warning.dropped, ["![build](x)", "![docs](y)"]);
        let many: Vec<usize> = (1..=14).collect();
        assert_eq!(
            line_list(&many),
            "lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, … and 2 more"
        );
    }
}
