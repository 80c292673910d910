//! Tracing problems back to where they are written: serde keeps no positions once a file is
//! parsed, so the source text is searched for the field a problem names.

use crate::domain::validate::{Problem, Subject};

/// 1-based line and column (in characters) of byte offset `at` in `text`.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let at = floor_char_boundary(text, at);
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

pub fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Byte offset where a problem's field is written, found by searching the source text.
///
/// This is a best effort: serde does not keep positions after parsing, but ids are unique
/// and fields are named, so the owner's `id: "..."` and then the field name find the spot.
pub fn locate(text: &str, problem: &Problem) -> Option<usize> {
    let field = problem.field.field.name();
    let (start, end) = match &problem.subject {
        Subject::File => return find_field(text, 0, text.len(), field),
        Subject::Question { id, occurrence } | Subject::Answer { id, occurrence, .. } => {
            // Questions may share an id (that is one of the errors); count to the right one.
            let start = find_id(text, id, *occurrence)?;
            let end = text[start..]
                .find("\n")
                .and_then(|line_end| {
                    let from = start + line_end;
                    find_field(text, from, text.len(), "id")
                })
                .unwrap_or(text.len());
            (start, end)
        }
        Subject::Entry(n) => {
            let entries = find_field(text, 0, text.len(), "entries")?;
            let start = find_entry(text, entries, *n)?;
            let end = find_entry(text, start + 1, 1).unwrap_or(text.len());
            (start, end)
        }
    };
    if field == "id" {
        return Some(start);
    }
    // Fields may come before `id` in a hand-written question, so look back to its opening
    // parenthesis too.
    let opening = text[..start].rfind('(').unwrap_or(start);
    find_field(text, opening, end, field).or(Some(start))
}

/// Offset of the `n`-th (1-based) plan entry's `question:` at or after `from`: the one whose
/// value is `FromPack(` or `Custom(`, not the `question:` inside `FromPack(...)`.
fn find_entry(text: &str, mut from: usize, n: usize) -> Option<usize> {
    let mut seen = 0;
    while let Some(at) = find_field(text, from, text.len(), "question") {
        let value = text[at + "question".len()..]
            .trim_start()
            .trim_start_matches(':')
            .trim_start();
        if value.starts_with("FromPack") || value.starts_with("Custom") {
            seen += 1;
            if seen == n {
                return Some(at);
            }
        }
        from = at + 1;
    }
    None
}

/// Offset of `id: "ID"` in `text`, after skipping `skip` earlier uses.
fn find_id(text: &str, id: &str, mut skip: usize) -> Option<usize> {
    let quoted = format!("\"{id}\"");
    let mut from = 0;
    while let Some(found) = text[from..].find(&quoted) {
        let at = from + found;
        if text[..at].trim_end().ends_with(':')
            && text[..at]
                .trim_end()
                .trim_end_matches(':')
                .trim_end()
                .ends_with("id")
        {
            if skip == 0 {
                return find_field(text, text[..at].rfind("id")?, at + 1, "id");
            }
            skip -= 1;
        }
        from = at + quoted.len();
    }
    None
}

/// Offset of `name:` written as a field in `text[from..to]`.
pub fn find_field(text: &str, from: usize, to: usize, name: &str) -> Option<usize> {
    let to = floor_char_boundary(text, to);
    let from = floor_char_boundary(text, from.min(to));
    let region = &text[from..to];
    let mut offset = 0;
    while let Some(found) = region[offset..].find(name) {
        let at = offset + found;
        let before_ok = region[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let after_ok = region[at + name.len()..].trim_start().starts_with(':');
        if before_ok && after_ok {
            return Some(from + at);
        }
        offset = at + name.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters() {
        let text = "ab\nγδε\nx";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 3 + "γδ".len()), (2, 3));
        assert_eq!(line_column(text, text.len()), (3, 2));
    }

    #[test]
    fn fields_are_found_as_whole_words() {
        let text = "(key_points: [], id: \"a\", prompt: \"p\")";
        assert_eq!(find_field(text, 0, text.len(), "id"), text.find("id:"));
        assert_eq!(find_id(text, "a", 0), text.find("id:"));
        assert_eq!(find_field(text, 0, text.len(), "points"), None);
    }
}
