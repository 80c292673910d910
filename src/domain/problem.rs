//! Validation problems: where in a file a problem is, which field, and what is wrong.

use std::fmt;

use super::QuestionField;

/// What part of a file a problem is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The file's top-level fields.
    File,
    /// A question of a pack, by id; `occurrence` tells apart questions that share an id
    /// (0 for the first with that id).
    Question {
        /// The question's id.
        id: String,
        /// How many earlier questions have the same id.
        occurrence: usize,
    },
    /// An entry of a plan, by 1-based position.
    Entry(usize),
    /// An answer of an evaluation, by 1-based position and question id.
    Answer {
        /// 1-based position.
        number: usize,
        /// The id of the question asked.
        id: String,
        /// How many earlier answers are to a question with the same id.
        occurrence: usize,
    },
}

impl Subject {
    /// How many earlier questions or answers share this one's id (0 for other subjects).
    pub fn occurrence(&self) -> usize {
        match self {
            Subject::Question { occurrence, .. } | Subject::Answer { occurrence, .. } => {
                *occurrence
            }
            Subject::File | Subject::Entry(_) => 0,
        }
    }
}

/// The field a problem is about: one of a question's, or another field of the file, plan
/// entry or answer by its name in the file (`title`, `candidate`, `outcome`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// A field of a question: in a pack, a plan's custom question, or an answer's copy.
    Question(QuestionField),
    /// Any other field, named as in the file.
    Other(&'static str),
}

impl Field {
    /// The field's name in the file.
    pub fn name(self) -> &'static str {
        match self {
            Field::Question(field) => field.serde_name(),
            Field::Other(name) => name,
        }
    }
}

impl From<QuestionField> for Field {
    fn from(field: QuestionField) -> Self {
        Field::Question(field)
    }
}

/// A field, and within it the list item (1-based) and part of the item, as in
/// `rubric[2].score`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldPath {
    /// The field.
    pub field: Field,
    /// The 1-based item of a list field, if the problem is in one item.
    pub item: Option<usize>,
    /// The part of that item (`score`, `label`, …), if the problem is in one part.
    pub part: Option<&'static str>,
}

impl FieldPath {
    /// The whole of `field`.
    pub fn whole(field: impl Into<Field>) -> Self {
        Self {
            field: field.into(),
            item: None,
            part: None,
        }
    }

    /// Item `item` (1-based) of `field`.
    pub fn item(field: impl Into<Field>, item: usize) -> Self {
        Self {
            item: Some(item),
            ..Self::whole(field)
        }
    }

    /// Part `part` of item `item` (1-based) of `field`.
    pub fn part(field: impl Into<Field>, item: usize, part: &'static str) -> Self {
        Self {
            part: Some(part),
            ..Self::item(field, item)
        }
    }

    /// The question field this path is in, if it is in one.
    pub fn question_field(&self) -> Option<QuestionField> {
        match self.field {
            Field::Question(field) => Some(field),
            Field::Other(_) => None,
        }
    }
}

impl From<QuestionField> for FieldPath {
    fn from(field: QuestionField) -> Self {
        Self::whole(field)
    }
}

impl From<&'static str> for FieldPath {
    fn from(name: &'static str) -> Self {
        Self::whole(Field::Other(name))
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.field.name())?;
        if let Some(item) = self.item {
            write!(f, "[{item}]")?;
        }
        if let Some(part) = self.part {
            write!(f, ".{part}")?;
        }
        Ok(())
    }
}

/// One semantic problem: where it is, which field, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is.
    pub subject: Subject,
    /// The field at fault (displayed as written in the file, e.g. `rubric[2].score`).
    pub field: FieldPath,
    /// What is wrong, in words a person can act on.
    pub message: String,
}

impl Problem {
    /// A problem with `field` of `subject`.
    pub fn new(subject: &Subject, field: impl Into<FieldPath>, message: impl Into<String>) -> Self {
        Self {
            subject: subject.clone(),
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::File => Ok(()),
            Subject::Question { id, .. } => write!(f, "question `{}`, ", shorten(id)),
            Subject::Entry(n) => write!(f, "entry {n}, "),
            Subject::Answer { number, id, .. } => {
                write!(f, "answer {number} (question `{}`), ", shorten(id))
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}field `{}`: {}",
            self.subject, self.field, self.message
        )
    }
}

/// Longest piece of a file's own text (an id, a title) quoted in a message; a hostile file
/// can hold megabytes of it.
pub const QUOTE_CHARS: usize = 60;

/// `text` cut to [`QUOTE_CHARS`] characters with an ellipsis, and control characters shown
/// escaped, so a message quoting a file stays one readable line and cannot drive a terminal.
pub fn shorten(text: &str) -> String {
    let mut out = String::new();
    for (count, c) in text.chars().enumerate() {
        if count == QUOTE_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_display_as_written_in_the_file() {
        assert_eq!(
            FieldPath::part(QuestionField::Rubric, 2, "score").to_string(),
            "rubric[2].score"
        );
        assert_eq!(
            FieldPath::item(QuestionField::KeyPoints, 1).to_string(),
            "key_points[1]"
        );
        assert_eq!(FieldPath::from("title").to_string(), "title");
        assert_eq!(
            FieldPath::from(QuestionField::FollowUps).question_field(),
            Some(QuestionField::FollowUps)
        );
    }

    #[test]
    fn quoted_text_is_short_and_has_no_control_characters() {
        assert_eq!(shorten("plain"), "plain");
        assert_eq!(shorten("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        let long = shorten(&"x".repeat(10_000));
        assert_eq!(long.chars().count(), QUOTE_CHARS + 1);
        assert!(long.ends_with('…'));
    }
}
