//! What an import found, in numbers: printed by the CLI and shown by the import preview before
//! anything is saved.

use std::fmt;

use super::Imported;

/// Counts of what an import found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Questions in the pack.
    pub questions: usize,
    /// Follow-up questions over all questions.
    pub follow_ups: usize,
    /// Questions with a rubric of their own (and the pack's default rubric, if it has one).
    pub rubrics: usize,
    /// Warnings: text left out, kept in guidance, or values changed.
    pub warnings: usize,
}

impl Tally {
    /// The counts of an import.
    pub fn of(imported: &Imported) -> Self {
        let questions = &imported.pack.questions;
        Self {
            questions: questions.len(),
            follow_ups: questions.iter().map(|q| q.follow_ups.len()).sum(),
            rubrics: questions.iter().filter(|q| q.rubric.is_some()).count()
                + usize::from(imported.pack.default_rubric.is_some()),
            warnings: imported.warnings.len(),
        }
    }
}

fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// "42 questions · 17 follow-ups · 3 rubrics · 5 warnings".
impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} · {} · {} · {}",
            counted(self.questions, "question", "questions"),
            counted(self.follow_ups, "follow-up", "follow-ups"),
            counted(self.rubrics, "rubric", "rubrics"),
            counted(self.warnings, "warning", "warnings"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line() {
        let tally = Tally {
            questions: 42,
            follow_ups: 17,
            rubrics: 1,
            warnings: 5,
        };
        assert_eq!(
            tally.to_string(),
            "42 questions · 17 follow-ups · 1 rubric · 5 warnings"
        );
    }
}
