//! Semantic checks that go beyond what the file syntax can express.
//!
//! Each check returns every problem it finds (not just the first), each naming the question or
//! entry and the field, so a person can fix a hand-written file in one pass. The same checks
//! serve file loading, the CLI and the in-app editor.

use std::collections::HashMap;
use std::fmt;

use super::{
    Answer, Evaluation, EvaluationStatus, InterviewPlan, Outcome, PlanQuestion, Question,
    QuestionPack, Rubric, is_slug,
};

/// Longest time budget accepted for one question, in minutes.
pub const MAX_MINUTES: u32 = 240;

/// Largest weight accepted for one question.
pub const MAX_WEIGHT: f64 = 100.0;

/// The message of a question id used twice in a pack.
pub const DUPLICATE_ID: &str = "is used by more than one question in this pack";

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

fn subject_occurrence(subject: &Subject) -> usize {
    match subject {
        Subject::Question { occurrence, .. } | Subject::Answer { occurrence, .. } => *occurrence,
        Subject::File | Subject::Entry(_) => 0,
    }
}

/// One semantic problem: where it is, which field, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is.
    pub subject: Subject,
    /// The field at fault, as written in the file (e.g. `prompt`, `rubric[2].score`).
    pub field: String,
    /// What is wrong, in words a person can act on.
    pub message: String,
}

impl Problem {
    fn new(subject: &Subject, field: impl Into<String>, message: impl Into<String>) -> Self {
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
            Subject::Question { id, .. } => write!(f, "question `{id}`, "),
            Subject::Entry(n) => write!(f, "entry {n}, "),
            Subject::Answer { number, id, .. } => write!(f, "answer {number} (question `{id}`), "),
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

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Checks a pack: ids, required text, rubrics, budgets and weights.
pub fn validate_pack(pack: &QuestionPack) -> Vec<Problem> {
    let mut problems = Vec::new();
    let file = Subject::File;
    if !is_slug(&pack.id) {
        problems.push(Problem::new(
            &file,
            "id",
            format!(
                "`{}` is not a valid id: use lowercase letters, digits and hyphens",
                pack.id
            ),
        ));
    }
    if blank(&pack.title) {
        problems.push(Problem::new(&file, "title", "must not be empty"));
    }
    if let Some(rubric) = &pack.default_rubric {
        check_rubric(rubric, &file, "default_rubric", &mut problems);
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for question in &pack.questions {
        let occurrence = seen.entry(question.id.as_str()).or_insert(0);
        let subject = Subject::Question {
            id: question.id.clone(),
            occurrence: *occurrence,
        };
        *occurrence += 1;
        if subject_occurrence(&subject) > 0 {
            problems.push(Problem::new(&subject, "id", DUPLICATE_ID));
        }
        check_question(question, &subject, &mut problems);
    }
    problems
}

/// Checks one question's fields; used for pack questions, custom plan questions and answers.
pub fn check_question(question: &Question, subject: &Subject, problems: &mut Vec<Problem>) {
    if !is_slug(&question.id) {
        problems.push(Problem::new(
            subject,
            "id",
            format!(
                "`{}` is not a valid id: use lowercase letters, digits and hyphens",
                question.id
            ),
        ));
    }
    if blank(&question.prompt) {
        problems.push(Problem::new(subject, "prompt", "must not be empty"));
    }
    check_minutes(question.minutes, subject, "minutes", problems);
    if !(question.weight.is_finite() && question.weight > 0.0 && question.weight <= MAX_WEIGHT) {
        problems.push(Problem::new(
            subject,
            "weight",
            format!("must be a number above 0 and at most {MAX_WEIGHT}"),
        ));
    }
    for (field, items) in [
        ("key_points", &question.key_points),
        ("follow_ups", &question.follow_ups),
        ("red_flags", &question.red_flags),
    ] {
        for (i, item) in items.iter().enumerate() {
            if blank(item) {
                problems.push(Problem::new(
                    subject,
                    format!("{field}[{}]", i + 1),
                    "must not be empty",
                ));
            }
        }
    }
    if let Some(rubric) = &question.rubric {
        check_rubric(rubric, subject, "rubric", problems);
    }
}

fn check_minutes(minutes: u32, subject: &Subject, field: &str, problems: &mut Vec<Problem>) {
    if minutes == 0 {
        problems.push(Problem::new(subject, field, "must be at least 1 minute"));
    } else if minutes > MAX_MINUTES {
        problems.push(Problem::new(
            subject,
            field,
            format!("{minutes} minutes is more than the limit of {MAX_MINUTES}"),
        ));
    }
}

/// Checks a rubric: at least one level, strictly increasing scores, every level labelled.
pub fn check_rubric(rubric: &Rubric, subject: &Subject, field: &str, problems: &mut Vec<Problem>) {
    if rubric.levels.is_empty() {
        problems.push(Problem::new(subject, field, "has no levels"));
        return;
    }
    for (i, level) in rubric.levels.iter().enumerate() {
        if blank(&level.label) {
            problems.push(Problem::new(
                subject,
                format!("{field}[{}].label", i + 1),
                "must not be empty",
            ));
        }
        if let Some(previous) = i.checked_sub(1).and_then(|p| rubric.levels.get(p))
            && level.score <= previous.score
        {
            problems.push(Problem::new(
                subject,
                format!("{field}[{}].score", i + 1),
                format!(
                    "scores must increase from level to level, but {} follows {}",
                    level.score, previous.score
                ),
            ));
        }
    }
}

/// Checks a plan. With `packs`, also checks that every referenced question exists.
pub fn validate_plan(plan: &InterviewPlan, packs: Option<&[QuestionPack]>) -> Vec<Problem> {
    let mut problems = Vec::new();
    if blank(&plan.title) {
        problems.push(Problem::new(&Subject::File, "title", "must not be empty"));
    }
    for (i, entry) in plan.entries.iter().enumerate() {
        let subject = Subject::Entry(i + 1);
        if let Some(minutes) = entry.minutes {
            check_minutes(minutes, &subject, "minutes", &mut problems);
        }
        match &entry.question {
            PlanQuestion::Custom(question) => check_question(question, &subject, &mut problems),
            PlanQuestion::FromPack(reference) => {
                let Some(packs) = packs else { continue };
                match packs.iter().find(|p| p.id == reference.pack) {
                    None => problems.push(Problem::new(
                        &subject,
                        "question",
                        format!("no pack with id `{}` is available", reference.pack),
                    )),
                    Some(pack) if pack.question(&reference.question).is_none() => {
                        problems.push(Problem::new(
                            &subject,
                            "question",
                            format!(
                                "pack `{}` has no question `{}`",
                                reference.pack, reference.question
                            ),
                        ));
                    }
                    Some(_) => {}
                }
            }
        }
    }
    problems
}

/// Checks an evaluation: each answer's frozen question, that ratings exist on their rubric,
/// that checklist indices are in range, and that a submitted evaluation has a verdict.
pub fn validate_evaluation(evaluation: &Evaluation) -> Vec<Problem> {
    let mut problems = Vec::new();
    let file = Subject::File;
    if blank(&evaluation.candidate) {
        problems.push(Problem::new(&file, "candidate", "must not be empty"));
    }
    if let (Some(start), Some(end)) = (evaluation.started_at, evaluation.ended_at)
        && end < start
    {
        problems.push(Problem::new(&file, "ended_at", "is before started_at"));
    }
    if evaluation.status == EvaluationStatus::Submitted && evaluation.recommendation.is_none() {
        problems.push(Problem::new(
            &file,
            "recommendation",
            "a submitted evaluation needs a recommendation",
        ));
    }
    if evaluation.current > 0 && evaluation.current >= evaluation.answers.len() {
        problems.push(Problem::new(
            &file,
            "current",
            format!(
                "points at question {} but there are only {}",
                evaluation.current.saturating_add(1),
                evaluation.answers.len()
            ),
        ));
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, answer) in evaluation.answers.iter().enumerate() {
        let occurrence = seen.entry(answer.question.id.as_str()).or_insert(0);
        let subject = Subject::Answer {
            number: i + 1,
            id: answer.question.id.clone(),
            occurrence: *occurrence,
        };
        *occurrence += 1;
        check_answer(answer, &subject, &mut problems);
    }
    problems
}

fn check_answer(answer: &Answer, subject: &Subject, problems: &mut Vec<Problem>) {
    check_question(&answer.question, subject, problems);
    if let Outcome::Rated(score) = answer.outcome
        && answer.rubric().level(score).is_none()
    {
        problems.push(Problem::new(
            subject,
            "outcome",
            format!("score {score} is not a level of the question's rubric"),
        ));
    }
    for (field, indices, len) in [
        ("covered", &answer.covered, answer.question.key_points.len()),
        (
            "red_flags_seen",
            &answer.red_flags_seen,
            answer.question.red_flags.len(),
        ),
    ] {
        if let Some(bad) = indices.iter().find(|&&i| i >= len) {
            problems.push(Problem::new(
                subject,
                field,
                format!(
                    "index {bad} is out of range: the question has {len} items (counted from 0)"
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{PlanEntry, QuestionRef, Recommendation, RubricLevel};

    fn valid_pack() -> QuestionPack {
        let mut pack = QuestionPack::new("backend", "Backend");
        let mut q = Question::new("cache", "How do you cache?", 10);
        q.key_points = vec!["Invalidation".into()];
        pack.questions.push(q);
        pack.questions
            .push(Question::new("rest", "Design an API.", 15));
        pack
    }

    fn rendered(problems: &[Problem]) -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_valid_pack_has_no_problems() {
        assert_eq!(validate_pack(&valid_pack()), vec![]);
    }

    #[test]
    fn pack_problems_name_question_and_field() {
        let mut pack = valid_pack();
        pack.id = "Back End".into();
        pack.questions[1].id = "cache".into();
        pack.questions[1].prompt = "  ".into();
        pack.questions[1].minutes = 0;
        pack.questions[0].key_points.push(String::new());
        pack.questions[0].weight = -1.0;
        let text = rendered(&validate_pack(&pack));
        assert!(
            text.iter()
                .any(|t| t.starts_with("field `id`: `Back End` is not a valid id"))
        );
        assert!(
            text.contains(
                &"question `cache`, field `id`: is used by more than one question in this pack"
                    .to_owned()
            )
        );
        assert!(text.contains(&"question `cache`, field `prompt`: must not be empty".to_owned()));
        assert!(
            text.contains(
                &"question `cache`, field `minutes`: must be at least 1 minute".to_owned()
            )
        );
        assert!(
            text.contains(&"question `cache`, field `key_points[2]`: must not be empty".to_owned())
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("question `cache`, field `weight`"))
        );
    }

    #[test]
    fn rubric_needs_levels_and_increasing_scores() {
        let mut pack = valid_pack();
        pack.questions[0].rubric = Some(Rubric { levels: vec![] });
        let mut levels = Rubric::standard().levels;
        levels[2].score = 2;
        levels.push(RubricLevel {
            score: 9,
            label: " ".into(),
            anchor: String::new(),
        });
        pack.questions[1].rubric = Some(Rubric { levels });
        let text = rendered(&validate_pack(&pack));
        assert!(text.contains(&"question `cache`, field `rubric`: has no levels".to_owned()));
        assert!(text.contains(
            &"question `rest`, field `rubric[3].score`: scores must increase from level to level, but 2 follows 2"
                .to_owned()
        ));
        assert!(
            text.contains(
                &"question `rest`, field `rubric[5].label`: must not be empty".to_owned()
            )
        );
    }

    #[test]
    fn plan_references_are_checked_against_packs() {
        let mut plan = InterviewPlan::new("Plan", "");
        for (pack, question) in [("backend", "cache"), ("backend", "nope"), ("frontend", "x")] {
            plan.entries.push(PlanEntry {
                question: PlanQuestion::FromPack(QuestionRef {
                    pack: pack.into(),
                    question: question.into(),
                }),
                minutes: Some(0),
            });
        }
        assert_eq!(
            validate_plan(&plan, None).len(),
            3,
            "without packs only the minutes are checked"
        );
        let text = rendered(&validate_plan(&plan, Some(&[valid_pack()])));
        assert!(text.contains(
            &"entry 2, field `question`: pack `backend` has no question `nope`".to_owned()
        ));
        assert!(text.contains(
            &"entry 3, field `question`: no pack with id `frontend` is available".to_owned()
        ));
        assert!(text.contains(&"entry 1, field `minutes`: must be at least 1 minute".to_owned()));
    }

    #[test]
    fn evaluation_checks_ratings_indices_and_verdict() {
        let mut evaluation = Evaluation::new("Ada", "Engineer");
        let mut answer = Answer::new(valid_pack().questions[0].clone(), None);
        answer.outcome = Outcome::Rated(7);
        answer.covered.insert(1);
        evaluation.answers.push(answer);
        evaluation.status = EvaluationStatus::Submitted;
        let text = rendered(&validate_evaluation(&evaluation));
        assert!(text.contains(&"answer 1 (question `cache`), field `outcome`: score 7 is not a level of the question's rubric".to_owned()));
        assert!(text.iter().any(|t| {
            t.starts_with("answer 1 (question `cache`), field `covered`: index 1 is out of range")
        }));
        assert!(text.contains(
            &"field `recommendation`: a submitted evaluation needs a recommendation".to_owned()
        ));

        evaluation.answers[0].outcome = Outcome::Rated(3);
        evaluation.answers[0].covered.clear();
        evaluation.recommendation = Some(Recommendation::Yes);
        assert_eq!(validate_evaluation(&evaluation), vec![]);
    }
}
