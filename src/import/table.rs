//! Tables of questions: a header with a question column (`| # | Question | Answer |`) makes
//! each row a question, its other cells the parts named by their column.

use super::labels::{self, Label, Target, normalise};
use crate::domain::QuestionField;

/// The columns of a table of questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct QuestionColumns {
    /// The column that holds the question.
    pub question: usize,
    /// A column of question numbers ("#", "No."), left out of the pack with one warning.
    pub number: Option<usize>,
    /// Every other column with a label made of its name.
    pub parts: Vec<(usize, Label)>,
}

/// Names of a column of question numbers, normalised ("#" normalises to nothing).
const NUMBER_COLUMNS: [&str; 8] = ["", "no", "nr", "num", "number", "s no", "sr no", "sl no"];

impl QuestionColumns {
    /// The columns a header names, when one of them holds questions and another something
    /// about them (a one-column table of questions reads as a list).
    pub(crate) fn of(header: &[String]) -> Option<Self> {
        if header.len() < 2 {
            return None;
        }
        let prompt = Some(Target::Field(QuestionField::Prompt));
        let question = header
            .iter()
            .position(|name| labels::field_for(name) == prompt)
            .or_else(|| {
                header.iter().position(|name| {
                    labels::field_for(name).is_none()
                        && normalise(name)
                            .split(' ')
                            .any(|word| word == "question" || word == "questions")
                })
            })?;
        let mut number = None;
        let mut parts = Vec::new();
        for (i, name) in header.iter().enumerate() {
            if i == question {
                continue;
            }
            let key = normalise(name);
            if number.is_none() && NUMBER_COLUMNS.contains(&key.as_str()) {
                number = Some(i);
                continue;
            }
            let label = match labels::field_for(name) {
                Some(target) => Label::Known(target, name.clone()),
                None if key
                    .split(' ')
                    .any(|w| matches!(w, "answer" | "answers" | "solution" | "explanation")) =>
                {
                    Label::Known(Target::Answer, name.clone())
                }
                None => Label::Unknown(name.clone()),
            };
            parts.push((i, label));
        }
        Some(Self {
            question,
            number,
            parts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_owned()).collect()
    }

    #[test]
    fn a_question_column_makes_a_table_of_questions() {
        let columns = QuestionColumns::of(&header(&["#", "Question", "Answer"])).unwrap();
        assert_eq!(columns.question, 1);
        assert_eq!(columns.number, Some(0));
        assert_eq!(columns.parts[0].1.field(), Some(Target::Answer));
        let columns = QuestionColumns::of(&header(&[
            "Interview questions",
            "What a good answer covers",
        ]))
        .unwrap();
        assert_eq!(columns.question, 0);
        assert_eq!(columns.parts[0].1.field(), Some(Target::Answer));
        let columns =
            QuestionColumns::of(&header(&["Question", "Follow-up questions", "Level"])).unwrap();
        assert_eq!(
            columns.parts[0].1.field(),
            Some(Target::Field(QuestionField::FollowUps))
        );
        assert_eq!(
            columns.parts[1].1.field(),
            Some(Target::Field(QuestionField::Level))
        );
        assert_eq!(
            QuestionColumns::of(&header(&["Score", "Level", "Anchor"])),
            None
        );
        assert_eq!(QuestionColumns::of(&header(&["Point", "Detail"])), None);
        assert_eq!(QuestionColumns::of(&header(&["Question"])), None);
    }
}
