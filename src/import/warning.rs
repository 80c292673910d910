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
}

impl ImportWarning {
    /// A warning about the document as a whole or text outside any question.
    pub(crate) fn document(line: usize, kind: WarningKind, message: impl Into<String>) -> Self {
        Self {
            line,
            question: None,
            kind,
            message: message.into(),
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
}
