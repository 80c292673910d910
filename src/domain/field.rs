//! The fields of a question as a type: one place that knows each field's name in the file, its
//! label for people and its help text.
//!
//! Validation problems, the pack editor, error positions, the importer's labels and the
//! Markdown export all name fields through [`QuestionField`], so adding a field to
//! [`Question`] is a change the compiler walks you through (see `docs/adding-a-field.md`).

use super::Question;

/// One field of a [`Question`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuestionField {
    /// `id`: the slug that identifies the question in its pack.
    Id,
    /// `prompt`: the question as put to the candidate.
    Prompt,
    /// `purpose`: why we ask it.
    Purpose,
    /// `key_points`: what a strong answer covers.
    KeyPoints,
    /// `rubric`: the anchored scale.
    Rubric,
    /// `guidance`: how to probe and rate, as free text.
    Guidance,
    /// `follow_ups`: questions to probe deeper.
    FollowUps,
    /// `red_flags`: warning signs in an answer.
    RedFlags,
    /// `competency`: the skill assessed.
    Competency,
    /// `level`: the seniority aimed at.
    Level,
    /// `tags`: search tags.
    Tags,
    /// `minutes`: the time budget.
    Minutes,
    /// `weight`: relative weight in the overall score.
    Weight,
}

/// How a field's value is shaped, for forms and readers that treat kinds alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldShape {
    /// One line of text.
    Line,
    /// Text that may span paragraphs.
    Text,
    /// A list of text items.
    List,
    /// The rubric's levels.
    Rubric,
    /// One of the [`Level`](super::Level)s.
    Choice,
    /// A number.
    Number,
}

impl QuestionField {
    /// Every field, in the order they are written in a file.
    pub const ALL: [QuestionField; 13] = [
        QuestionField::Id,
        QuestionField::Prompt,
        QuestionField::Purpose,
        QuestionField::KeyPoints,
        QuestionField::Rubric,
        QuestionField::Guidance,
        QuestionField::FollowUps,
        QuestionField::RedFlags,
        QuestionField::Competency,
        QuestionField::Level,
        QuestionField::Tags,
        QuestionField::Minutes,
        QuestionField::Weight,
    ];

    /// The field's name in a RON file, e.g. `key_points`.
    pub fn serde_name(self) -> &'static str {
        match self {
            QuestionField::Id => "id",
            QuestionField::Prompt => "prompt",
            QuestionField::Purpose => "purpose",
            QuestionField::KeyPoints => "key_points",
            QuestionField::Rubric => "rubric",
            QuestionField::Guidance => "guidance",
            QuestionField::FollowUps => "follow_ups",
            QuestionField::RedFlags => "red_flags",
            QuestionField::Competency => "competency",
            QuestionField::Level => "level",
            QuestionField::Tags => "tags",
            QuestionField::Minutes => "minutes",
            QuestionField::Weight => "weight",
        }
    }

    /// The field whose file name is `name`, if any.
    pub fn from_serde_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|field| field.serde_name() == name)
    }

    /// The name shown to people, e.g. "Key points".
    pub fn label(self) -> &'static str {
        match self {
            QuestionField::Id => "Id",
            QuestionField::Prompt => "Prompt",
            QuestionField::Purpose => "Why we ask",
            QuestionField::KeyPoints => "Key points",
            QuestionField::Rubric => "Rubric",
            QuestionField::Guidance => "Guidance",
            QuestionField::FollowUps => "Follow-ups",
            QuestionField::RedFlags => "Red flags",
            QuestionField::Competency => "Competency",
            QuestionField::Level => "Level",
            QuestionField::Tags => "Tags",
            QuestionField::Minutes => "Minutes",
            QuestionField::Weight => "Weight",
        }
    }

    /// One sentence on what belongs in the field, for the editor's tooltips.
    pub fn help(self) -> &'static str {
        match self {
            QuestionField::Id => {
                "A short slug, unique in the pack: lowercase letters, digits and hyphens."
            }
            QuestionField::Prompt => "The question as you put it to the candidate.",
            QuestionField::Purpose => "What the answer tells you about the candidate.",
            QuestionField::KeyPoints => {
                "What a strong answer covers, one checkable point per item."
            }
            QuestionField::Rubric => {
                "What an answer at each level sounds like, written for this question."
            }
            QuestionField::Guidance => {
                "How to probe, which hints are fair, and when to record No evidence."
            }
            QuestionField::FollowUps => "Questions that probe deeper or test a failure mode.",
            QuestionField::RedFlags => "Warning signs to tick when you hear them.",
            QuestionField::Competency => "The skill assessed, from the shared vocabulary.",
            QuestionField::Level => "The seniority the question and its anchors are aimed at.",
            QuestionField::Tags => "Words people search for, separated by commas.",
            QuestionField::Minutes => "The time budget for the question in an interview.",
            QuestionField::Weight => "How much the question counts in the overall score.",
        }
    }

    /// How the field's value is shaped.
    pub fn shape(self) -> FieldShape {
        match self {
            QuestionField::Id | QuestionField::Competency | QuestionField::Tags => FieldShape::Line,
            QuestionField::Prompt | QuestionField::Purpose | QuestionField::Guidance => {
                FieldShape::Text
            }
            QuestionField::KeyPoints | QuestionField::FollowUps | QuestionField::RedFlags => {
                FieldShape::List
            }
            QuestionField::Rubric => FieldShape::Rubric,
            QuestionField::Level => FieldShape::Choice,
            QuestionField::Minutes | QuestionField::Weight => FieldShape::Number,
        }
    }

    /// The question's text for a [`FieldShape::Line`] or [`FieldShape::Text`] field (tags are
    /// a list and have none).
    pub fn text(self, question: &Question) -> Option<&str> {
        let text = match self {
            QuestionField::Id => &question.id,
            QuestionField::Prompt => &question.prompt,
            QuestionField::Purpose => &question.purpose,
            QuestionField::Guidance => &question.guidance,
            QuestionField::Competency => &question.competency,
            _ => return None,
        };
        Some(text)
    }

    /// Mutable access to a text field of `question`, as [`QuestionField::text`].
    pub fn text_mut(self, question: &mut Question) -> Option<&mut String> {
        let text = match self {
            QuestionField::Id => &mut question.id,
            QuestionField::Prompt => &mut question.prompt,
            QuestionField::Purpose => &mut question.purpose,
            QuestionField::Guidance => &mut question.guidance,
            QuestionField::Competency => &mut question.competency,
            _ => return None,
        };
        Some(text)
    }

    /// The question's items for a [`FieldShape::List`] field, or its tags.
    pub fn items(self, question: &Question) -> Option<&[String]> {
        let items = match self {
            QuestionField::KeyPoints => &question.key_points,
            QuestionField::FollowUps => &question.follow_ups,
            QuestionField::RedFlags => &question.red_flags,
            QuestionField::Tags => &question.tags,
            _ => return None,
        };
        Some(items)
    }

    /// Mutable access to a list field of `question`, as [`QuestionField::items`].
    pub fn items_mut(self, question: &mut Question) -> Option<&mut Vec<String>> {
        let items = match self {
            QuestionField::KeyPoints => &mut question.key_points,
            QuestionField::FollowUps => &mut question.follow_ups,
            QuestionField::RedFlags => &mut question.red_flags,
            QuestionField::Tags => &mut question.tags,
            _ => return None,
        };
        Some(items)
    }

    /// Whether `question` leaves this field at its empty or default value (a file omits it).
    pub fn is_unset(self, question: &Question) -> bool {
        // Destructured so that a new field of `Question` cannot be forgotten here.
        let Question {
            id,
            prompt,
            purpose,
            key_points,
            rubric,
            guidance,
            follow_ups,
            red_flags,
            competency,
            level,
            tags,
            minutes: _,
            weight,
        } = question;
        match self {
            QuestionField::Id => id.is_empty(),
            QuestionField::Prompt => prompt.is_empty(),
            QuestionField::Purpose => purpose.is_empty(),
            QuestionField::KeyPoints => key_points.is_empty(),
            QuestionField::Rubric => rubric.is_none(),
            QuestionField::Guidance => guidance.is_empty(),
            QuestionField::FollowUps => follow_ups.is_empty(),
            QuestionField::RedFlags => red_flags.is_empty(),
            QuestionField::Competency => competency.is_empty(),
            QuestionField::Level => *level == super::Level::Any,
            QuestionField::Tags => tags.is_empty(),
            // Minutes are required; a file always has them.
            QuestionField::Minutes => false,
            QuestionField::Weight => *weight == 1.0,
        }
    }
}

impl std::fmt::Display for QuestionField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.serde_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Level, Rubric};

    /// A question with every field set away from its default, so serde writes every field.
    fn full_question() -> Question {
        let mut question = Question::new("q", "Prompt?", 12);
        question.purpose = "Why".into();
        question.key_points = vec!["Point".into()];
        question.rubric = Some(Rubric::standard());
        question.guidance = "Probe".into();
        question.follow_ups = vec!["And?".into()];
        question.red_flags = vec!["Flag".into()];
        question.competency = "Skill".into();
        question.level = Level::Senior;
        question.tags = vec!["tag".into()];
        question.weight = 2.0;
        question
    }

    #[test]
    fn every_serialised_field_has_a_variant_in_file_order() {
        let text = ron::to_string(&full_question()).unwrap_or_default();
        let mut names = Vec::new();
        let mut depth = 0usize;
        let mut in_string = false;
        let mut word = String::new();
        for c in text.chars() {
            match c {
                '"' => in_string = !in_string,
                _ if in_string => {}
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                ':' if depth == 1 => names.push(std::mem::take(&mut word)),
                c if c.is_alphanumeric() || c == '_' => word.push(c),
                _ => word.clear(),
            }
        }
        let expected: Vec<&str> = QuestionField::ALL.iter().map(|f| f.serde_name()).collect();
        assert_eq!(names, expected);
    }

    #[test]
    fn names_round_trip_and_accessors_agree_with_the_shape() {
        let mut question = full_question();
        for field in QuestionField::ALL {
            assert_eq!(
                QuestionField::from_serde_name(field.serde_name()),
                Some(field)
            );
            assert!(!field.label().is_empty() && !field.help().is_empty());
            let has_text = field.text(&question).is_some();
            assert_eq!(has_text, field.text_mut(&mut question).is_some());
            assert_eq!(
                has_text,
                matches!(field.shape(), FieldShape::Line | FieldShape::Text)
                    && field != QuestionField::Tags
            );
            assert_eq!(
                field.items(&question).is_some(),
                matches!(field.shape(), FieldShape::List) || field == QuestionField::Tags
            );
            assert!(!field.is_unset(&question));
        }
        assert_eq!(QuestionField::from_serde_name("promt"), None);
        let empty = Question::new("", "", 5);
        assert!(QuestionField::Guidance.is_unset(&empty));
        assert!(QuestionField::Weight.is_unset(&empty));
    }
}
