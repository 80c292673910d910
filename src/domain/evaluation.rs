//! Evaluations: what happened in one interview, question by question, and the verdict.

use std::collections::BTreeSet;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::seal::Submission;
use super::{FORMAT_VERSION, InterviewPlan, Question, QuestionPack, QuestionRef, Rubric};

/// Whether the interviewer is still working on an evaluation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum EvaluationStatus {
    /// Being taken or reviewed; editable.
    #[default]
    InProgress,
    /// Handed in; read-only until reopened.
    Submitted,
}

impl EvaluationStatus {
    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            EvaluationStatus::InProgress => "In progress",
            EvaluationStatus::Submitted => "Submitted",
        }
    }
}

/// The overall hiring recommendation, on a four-point scale with no middle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Recommendation {
    /// Clear evidence against hiring.
    StrongNo,
    /// Leaning against hiring.
    No,
    /// Leaning towards hiring.
    Yes,
    /// Clear evidence for hiring.
    StrongYes,
}

impl Recommendation {
    /// Every recommendation, from most negative to most positive.
    pub const ALL: [Recommendation; 4] = [
        Recommendation::StrongNo,
        Recommendation::No,
        Recommendation::Yes,
        Recommendation::StrongYes,
    ];

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Recommendation::StrongNo => "Strong no",
            Recommendation::No => "No",
            Recommendation::Yes => "Yes",
            Recommendation::StrongYes => "Strong yes",
        }
    }
}

/// What came of one question.
///
/// "Not asked" and "no evidence" are not low scores: they are left out of every average.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// Not rated yet.
    #[default]
    Unrated,
    /// Rated at the rubric level with this score.
    Rated(u8),
    /// The question was skipped.
    NotAsked,
    /// Asked, but the answer gave nothing to rate either way.
    NoEvidence,
}

impl Outcome {
    /// The name shown to people (for a rating, the level label is usually better).
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Unrated => "Unrated",
            Outcome::Rated(_) => "Rated",
            Outcome::NotAsked => "Not asked",
            Outcome::NoEvidence => "No evidence",
        }
    }
}

/// One question as it was asked, and what the interviewer recorded about the answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// A full copy of the question as asked, rubric resolved, so later pack edits never change
    /// a finished evaluation. Its `minutes` is the budget for this interview.
    pub question: Question,
    /// The pack question this was copied from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<QuestionRef>,
    /// The rating, or why there is none.
    #[serde(default)]
    pub outcome: Outcome,
    /// Indices of the key points the candidate covered.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub covered: BTreeSet<usize>,
    /// Indices of the question's red flags that showed up in the answer.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub red_flags_seen: BTreeSet<usize>,
    /// The interviewer's notes, verbatim.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Seconds spent on the question.
    #[serde(default)]
    pub seconds: u64,
}

impl Answer {
    /// A fresh, unrated answer to `question`.
    pub fn new(question: Question, source: Option<QuestionRef>) -> Self {
        Self {
            question,
            source,
            outcome: Outcome::Unrated,
            covered: BTreeSet::new(),
            red_flags_seen: BTreeSet::new(),
            notes: String::new(),
            seconds: 0,
        }
    }

    /// The rubric this answer is rated on (the standard scale if the copy lacks one).
    pub fn rubric(&self) -> Rubric {
        self.question.rubric.clone().unwrap_or_default()
    }
}

/// The record of one interview: who, when, every answer, and the recommendation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// File format version; see [`FORMAT_VERSION`].
    pub format: u32,
    /// The candidate's name.
    pub candidate: String,
    /// The role interviewed for.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// The interviewer's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub interviewer: String,
    /// Title of the plan the interview followed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub plan_title: String,
    /// When the interview started.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::time::optional"
    )]
    pub started_at: Option<Timestamp>,
    /// When the interview ended.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::time::optional"
    )]
    pub ended_at: Option<Timestamp>,
    /// In progress or submitted.
    #[serde(default)]
    pub status: EvaluationStatus,
    /// When the evaluation was last submitted.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::time::optional"
    )]
    pub submitted_at: Option<Timestamp>,
    /// Every submission, oldest first, each with the seal of what was handed in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub submissions: Vec<Submission>,
    /// Every time a submitted evaluation was reopened for changes.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::time::list"
    )]
    pub reopened_at: Vec<Timestamp>,
    /// The questions, in the order they were planned.
    #[serde(deserialize_with = "super::bounded::answers")]
    pub answers: Vec<Answer>,
    /// Index of the question on screen, so a resumed interview continues where it stopped.
    #[serde(default)]
    pub current: usize,
    /// The overall recommendation, once decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommendation: Option<Recommendation>,
    /// The interviewer's summary for the hiring committee.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Notes that belong to no single question.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub general_notes: String,
    /// Notes for the interviewer only; left out of exports unless asked for.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub private_notes: String,
}

impl Evaluation {
    /// A new, empty evaluation with the current format version.
    pub fn new(candidate: impl Into<String>, role: impl Into<String>) -> Self {
        Self {
            format: FORMAT_VERSION,
            candidate: candidate.into(),
            role: role.into(),
            interviewer: String::new(),
            plan_title: String::new(),
            started_at: None,
            ended_at: None,
            status: EvaluationStatus::InProgress,
            submitted_at: None,
            submissions: Vec::new(),
            reopened_at: Vec::new(),
            answers: Vec::new(),
            current: 0,
            recommendation: None,
            summary: String::new(),
            general_notes: String::new(),
            private_notes: String::new(),
        }
    }

    /// Starts an evaluation that follows `plan`, copying every question as it stands now.
    ///
    /// Returns the references that could not be found if the plan points at missing questions.
    pub fn from_plan<P: AsRef<QuestionPack>>(
        plan: &InterviewPlan,
        packs: &[P],
        candidate: impl Into<String>,
        started_at: Timestamp,
    ) -> Result<Self, Vec<QuestionRef>> {
        let entries = plan.resolve(packs)?;
        let mut evaluation = Self::new(candidate, plan.role.clone());
        evaluation.plan_title = plan.title.clone();
        evaluation.started_at = Some(started_at);
        evaluation.answers = entries
            .into_iter()
            .map(|entry| Answer::new(entry.question, entry.source))
            .collect();
        Ok(evaluation)
    }

    /// The answer on screen, if the evaluation has any.
    pub fn current_answer(&self) -> Option<&Answer> {
        self.answers.get(self.current)
    }

    /// Rates the current answer at the `nth` level (1-based) of its rubric, or clears the
    /// rating with 0. A level the rubric does not have changes nothing.
    pub fn rate_current(&mut self, nth: u8) {
        let Some(answer) = self.answers.get_mut(self.current) else {
            return;
        };
        answer.outcome = if nth == 0 {
            Outcome::Unrated
        } else {
            match answer.rubric().levels.get(usize::from(nth) - 1) {
                Some(level) => Outcome::Rated(level.score),
                None => answer.outcome,
            }
        };
    }

    /// Sets the current answer's outcome to `outcome`, or back to unrated if it already is.
    pub fn toggle_current(&mut self, outcome: Outcome) {
        if let Some(answer) = self.answers.get_mut(self.current) {
            answer.outcome = if answer.outcome == outcome {
                Outcome::Unrated
            } else {
                outcome
            };
        }
    }

    /// Sets the outcome of answer `index`.
    pub fn set_outcome(&mut self, index: usize, outcome: Outcome) {
        if let Some(answer) = self.answers.get_mut(index) {
            answer.outcome = outcome;
        }
    }

    /// Ticks or unticks key point `point` of answer `index`.
    pub fn toggle_key_point(&mut self, index: usize, point: usize) {
        if let Some(answer) = self.answers.get_mut(index)
            && point < answer.question.key_points.len()
            && !answer.covered.remove(&point)
        {
            answer.covered.insert(point);
        }
    }

    /// Ticks or unticks observed red flag `flag` of answer `index`.
    pub fn toggle_red_flag(&mut self, index: usize, flag: usize) {
        if let Some(answer) = self.answers.get_mut(index)
            && flag < answer.question.red_flags.len()
            && !answer.red_flags_seen.remove(&flag)
        {
            answer.red_flags_seen.insert(flag);
        }
    }

    /// Whether the evaluation has been handed in (and is therefore read-only).
    pub fn is_submitted(&self) -> bool {
        self.status == EvaluationStatus::Submitted
    }

    /// Total seconds spent across all questions.
    pub fn seconds_spent(&self) -> u64 {
        // Saturating: a hand-edited file may hold absurd times, and a sum that wraps would
        // report a long interview as a short one.
        self.answers
            .iter()
            .fold(0u64, |total, answer| total.saturating_add(answer.seconds))
    }

    /// Length of the interview: end minus start when both are known, else the time logged on
    /// questions.
    pub fn duration_seconds(&self) -> u64 {
        match (self.started_at, self.ended_at) {
            (Some(start), Some(end)) if end >= start => {
                u64::try_from(end.as_second() - start.as_second()).unwrap_or(0)
            }
            _ => self.seconds_spent(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{PlanEntry, PlanQuestion};

    #[test]
    fn from_plan_freezes_a_copy_of_each_question() {
        let mut pack = QuestionPack::new("p", "P");
        pack.questions
            .push(Question::new("q", "Original prompt", 10));
        let mut plan = InterviewPlan::new("Plan", "Engineer");
        plan.entries.push(PlanEntry {
            question: PlanQuestion::FromPack(QuestionRef {
                pack: "p".into(),
                question: "q".into(),
            }),
            minutes: None,
        });
        let evaluation =
            Evaluation::from_plan(&plan, &[pack.clone()], "Ada", Timestamp::UNIX_EPOCH).unwrap();
        pack.questions[0].prompt = "Edited later".into();
        assert_eq!(evaluation.answers[0].question.prompt, "Original prompt");
        assert_eq!(evaluation.role, "Engineer");
        assert_eq!(evaluation.answers[0].outcome, Outcome::Unrated);
    }

    #[test]
    fn duration_prefers_wall_clock() {
        let mut evaluation = Evaluation::new("Ada", "");
        evaluation
            .answers
            .push(Answer::new(Question::new("q", "?", 5), None));
        evaluation.answers[0].seconds = 90;
        assert_eq!(evaluation.duration_seconds(), 90);
        evaluation.started_at = Some(Timestamp::from_second(1_000).unwrap());
        evaluation.ended_at = Some(Timestamp::from_second(4_600).unwrap());
        assert_eq!(evaluation.duration_seconds(), 3_600);
    }
}
