//! Semantic checks that go beyond what the file syntax can express.
//!
//! Each check returns every problem it finds (not just the first), each naming the question or
//! entry and the field, so a person can fix a hand-written file in one pass. The same checks
//! serve file loading, the CLI and the in-app editor. Sizes are capped at what a person could
//! write ([`super::limits`]), so whatever validates can also be saved and read back. A list
//! over its cap is reported once and only its first items (up to the cap) are checked one by
//! one, so a hostile file with a million bad items costs no more than one at the cap.

use std::collections::HashMap;

pub use super::limits::{MAX_MINUTES, MAX_WEIGHT, MIN_WEIGHT};
pub use super::problem::{Field, FieldPath, Problem, Subject};

use super::QuestionField as Q;
use super::limits::{
    MAX_ANSWER_SECONDS, MAX_ENTRIES, MAX_HISTORY, MAX_ITEM_CHARS, MAX_LIST_ITEMS, MAX_NAME_CHARS,
    MAX_NOTES_CHARS, MAX_PROMPT_CHARS, MAX_QUESTIONS, MAX_RUBRIC_LEVELS, MAX_TEXT_CHARS,
    MIN_RUBRIC_LEVELS, too_long,
};
use super::problem::shorten;
use super::{
    Answer, Evaluation, EvaluationStatus, InterviewPlan, Outcome, PlanQuestion, Question,
    QuestionPack, Rubric, is_slug,
};

/// The message of a question id used twice in a pack.
pub const DUPLICATE_ID: &str = "is used by more than one question in this pack";

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Adds a problem when `text` is over `limit` characters.
fn check_length(
    text: &str,
    limit: usize,
    subject: &Subject,
    field: impl Into<FieldPath>,
    problems: &mut Vec<Problem>,
) {
    if too_long(text, limit) {
        problems.push(Problem::new(
            subject,
            field,
            format!(
                "is {} characters long; the limit is {limit}",
                text.chars().count()
            ),
        ));
    }
}

/// Adds a problem when a list has more than `limit` items.
fn check_count(
    count: usize,
    limit: usize,
    noun: &str,
    subject: &Subject,
    field: impl Into<FieldPath>,
    problems: &mut Vec<Problem>,
) {
    if count > limit {
        problems.push(Problem::new(
            subject,
            field,
            format!("has {count} {noun}; the limit is {limit}"),
        ));
    }
}

fn check_id(id: &str, subject: &Subject, field: impl Into<FieldPath>, problems: &mut Vec<Problem>) {
    if !is_slug(id) {
        problems.push(Problem::new(
            subject,
            field,
            format!(
                "`{}` is not a valid id: use lowercase letters, digits and hyphens (at most 64)",
                shorten(id)
            ),
        ));
    }
}

/// Checks a pack: ids, required text, rubrics, budgets, weights and sizes.
pub fn validate_pack(pack: &QuestionPack) -> Vec<Problem> {
    let mut problems = Vec::new();
    let file = Subject::File;
    check_id(&pack.id, &file, "id", &mut problems);
    if blank(&pack.title) {
        problems.push(Problem::new(&file, "title", "must not be empty"));
    }
    check_length(&pack.title, MAX_NAME_CHARS, &file, "title", &mut problems);
    check_length(&pack.author, MAX_NAME_CHARS, &file, "author", &mut problems);
    check_length(
        &pack.description,
        MAX_TEXT_CHARS,
        &file,
        "description",
        &mut problems,
    );
    check_tags(&pack.tags, &file, Field::Other("tags"), &mut problems);
    if let Some(rubric) = &pack.default_rubric {
        check_rubric(rubric, &file, Field::Other("default_rubric"), &mut problems);
    }
    check_count(
        pack.questions.len(),
        MAX_QUESTIONS,
        "questions",
        &file,
        "questions",
        &mut problems,
    );
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for question in pack.questions.iter().take(MAX_QUESTIONS) {
        let occurrence = seen.entry(question.id.as_str()).or_insert(0);
        let subject = Subject::Question {
            id: question.id.clone(),
            occurrence: *occurrence,
        };
        *occurrence += 1;
        if subject.occurrence() > 0 {
            problems.push(Problem::new(&subject, Q::Id, DUPLICATE_ID));
        }
        check_question(question, &subject, &mut problems);
    }
    problems
}

fn check_tags(tags: &[String], subject: &Subject, field: Field, problems: &mut Vec<Problem>) {
    check_count(
        tags.len(),
        MAX_LIST_ITEMS,
        "tags",
        subject,
        FieldPath::whole(field),
        problems,
    );
    for (i, tag) in tags.iter().enumerate().take(MAX_LIST_ITEMS) {
        check_length(
            tag,
            MAX_NAME_CHARS,
            subject,
            FieldPath::item(field, i + 1),
            problems,
        );
    }
}

/// Checks one question's fields; used for pack questions, custom plan questions and answers.
pub fn check_question(question: &Question, subject: &Subject, problems: &mut Vec<Problem>) {
    check_id(&question.id, subject, Q::Id, problems);
    if blank(&question.prompt) {
        problems.push(Problem::new(subject, Q::Prompt, "must not be empty"));
    }
    check_length(
        &question.prompt,
        MAX_PROMPT_CHARS,
        subject,
        Q::Prompt,
        problems,
    );
    for (field, text, limit) in [
        (Q::Purpose, &question.purpose, MAX_TEXT_CHARS),
        (Q::Guidance, &question.guidance, MAX_TEXT_CHARS),
        (Q::Competency, &question.competency, MAX_NAME_CHARS),
    ] {
        check_length(text, limit, subject, field, problems);
    }
    check_minutes(question.minutes, subject, Q::Minutes, problems);
    if !(question.weight.is_finite()
        && question.weight >= MIN_WEIGHT
        && question.weight <= MAX_WEIGHT)
    {
        problems.push(Problem::new(
            subject,
            Q::Weight,
            format!("must be a number from {MIN_WEIGHT} to {MAX_WEIGHT}"),
        ));
    }
    for field in [Q::KeyPoints, Q::FollowUps, Q::RedFlags] {
        let items = field.items(question).unwrap_or_default();
        check_count(
            items.len(),
            MAX_LIST_ITEMS,
            "items",
            subject,
            field,
            problems,
        );
        for (i, item) in items.iter().enumerate().take(MAX_LIST_ITEMS) {
            if blank(item) {
                problems.push(Problem::new(
                    subject,
                    FieldPath::item(field, i + 1),
                    "must not be empty",
                ));
            }
            check_length(
                item,
                MAX_ITEM_CHARS,
                subject,
                FieldPath::item(field, i + 1),
                problems,
            );
        }
    }
    check_tags(&question.tags, subject, Field::Question(Q::Tags), problems);
    if let Some(rubric) = &question.rubric {
        check_rubric(rubric, subject, Field::Question(Q::Rubric), problems);
    }
}

fn check_minutes(
    minutes: u32,
    subject: &Subject,
    field: impl Into<FieldPath>,
    problems: &mut Vec<Problem>,
) {
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

/// Checks a rubric: two to ten levels, strictly increasing scores, every level labelled.
pub fn check_rubric(rubric: &Rubric, subject: &Subject, field: Field, problems: &mut Vec<Problem>) {
    if rubric.levels.is_empty() {
        problems.push(Problem::new(
            subject,
            FieldPath::whole(field),
            "has no levels",
        ));
        return;
    }
    if rubric.levels.len() < MIN_RUBRIC_LEVELS {
        problems.push(Problem::new(
            subject,
            FieldPath::whole(field),
            "has one level; a rubric needs at least two to tell answers apart",
        ));
    }
    check_count(
        rubric.levels.len(),
        MAX_RUBRIC_LEVELS,
        "levels",
        subject,
        FieldPath::whole(field),
        problems,
    );
    for (i, level) in rubric.levels.iter().enumerate().take(MAX_RUBRIC_LEVELS) {
        if blank(&level.label) {
            problems.push(Problem::new(
                subject,
                FieldPath::part(field, i + 1, "label"),
                "must not be empty",
            ));
        }
        check_length(
            &level.label,
            MAX_NAME_CHARS,
            subject,
            FieldPath::part(field, i + 1, "label"),
            problems,
        );
        check_length(
            &level.anchor,
            MAX_TEXT_CHARS,
            subject,
            FieldPath::part(field, i + 1, "anchor"),
            problems,
        );
        if let Some(previous) = i.checked_sub(1).and_then(|p| rubric.levels.get(p))
            && level.score <= previous.score
        {
            problems.push(Problem::new(
                subject,
                FieldPath::part(field, i + 1, "score"),
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
    let file = Subject::File;
    if blank(&plan.title) {
        problems.push(Problem::new(&file, "title", "must not be empty"));
    }
    check_length(&plan.title, MAX_NAME_CHARS, &file, "title", &mut problems);
    check_length(&plan.role, MAX_NAME_CHARS, &file, "role", &mut problems);
    check_length(
        &plan.description,
        MAX_TEXT_CHARS,
        &file,
        "description",
        &mut problems,
    );
    check_count(
        plan.entries.len(),
        MAX_ENTRIES,
        "entries",
        &file,
        "entries",
        &mut problems,
    );
    for (i, entry) in plan.entries.iter().enumerate().take(MAX_ENTRIES) {
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
                        format!(
                            "no pack with id `{}` is available",
                            shorten(&reference.pack)
                        ),
                    )),
                    Some(pack) if pack.question(&reference.question).is_none() => {
                        problems.push(Problem::new(
                            &subject,
                            "question",
                            format!(
                                "pack `{}` has no question `{}`",
                                shorten(&reference.pack),
                                shorten(&reference.question)
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
/// that checklist indices and times are in range, and that a submitted evaluation has a
/// verdict.
pub fn validate_evaluation(evaluation: &Evaluation) -> Vec<Problem> {
    let mut problems = Vec::new();
    let file = Subject::File;
    if blank(&evaluation.candidate) {
        problems.push(Problem::new(&file, "candidate", "must not be empty"));
    }
    for (field, text, limit) in [
        ("candidate", &evaluation.candidate, MAX_NAME_CHARS),
        ("role", &evaluation.role, MAX_NAME_CHARS),
        ("interviewer", &evaluation.interviewer, MAX_NAME_CHARS),
        ("plan_title", &evaluation.plan_title, MAX_NAME_CHARS),
        ("summary", &evaluation.summary, MAX_TEXT_CHARS),
        ("general_notes", &evaluation.general_notes, MAX_NOTES_CHARS),
        ("private_notes", &evaluation.private_notes, MAX_NOTES_CHARS),
    ] {
        check_length(text, limit, &file, field, &mut problems);
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
    check_count(
        evaluation.submissions.len(),
        MAX_HISTORY,
        "submissions",
        &file,
        "submissions",
        &mut problems,
    );
    for (i, submission) in evaluation.submissions.iter().enumerate() {
        if !super::seal::is_seal(&submission.seal) {
            problems.push(Problem::new(
                &file,
                FieldPath::part(Field::Other("submissions"), i + 1, "seal"),
                "is not a seal: 64 lowercase hexadecimal digits",
            ));
        }
    }
    check_count(
        evaluation.reopened_at.len(),
        MAX_HISTORY,
        "reopenings",
        &file,
        "reopened_at",
        &mut problems,
    );
    check_count(
        evaluation.answers.len(),
        MAX_ENTRIES,
        "answers",
        &file,
        "answers",
        &mut problems,
    );
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
    for (i, answer) in evaluation.answers.iter().enumerate().take(MAX_ENTRIES) {
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
    check_length(&answer.notes, MAX_NOTES_CHARS, subject, "notes", problems);
    if answer.seconds > MAX_ANSWER_SECONDS {
        problems.push(Problem::new(
            subject,
            "seconds",
            format!(
                "{} seconds is more than a day (the limit is {MAX_ANSWER_SECONDS})",
                answer.seconds
            ),
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

    #[test]
    fn sizes_a_person_could_not_write_are_refused() {
        let mut pack = valid_pack();
        pack.questions[0].key_points = vec!["point".into(); MAX_LIST_ITEMS + 1];
        pack.questions[0].prompt = "x".repeat(MAX_PROMPT_CHARS + 1);
        pack.title = "t".repeat(MAX_NAME_CHARS + 1);
        let text = rendered(&validate_pack(&pack));
        assert!(text.contains(&format!(
            "question `cache`, field `key_points`: has {} items; the limit is {MAX_LIST_ITEMS}",
            MAX_LIST_ITEMS + 1
        )));
        assert!(
            text.iter().any(
                |t| t.starts_with("question `cache`, field `prompt`: is 10001 characters long")
            )
        );
        assert!(text.iter().any(|t| t.starts_with("field `title`: is 301")));
    }

    #[test]
    fn a_rubric_needs_two_levels_and_times_stay_under_a_day() {
        let mut pack = valid_pack();
        pack.questions[0].rubric = Some(Rubric {
            levels: vec![RubricLevel {
                score: 200,
                label: "Only".into(),
                anchor: String::new(),
            }],
        });
        let text = rendered(&validate_pack(&pack));
        assert!(
            text.iter()
                .any(|t| t.starts_with("question `cache`, field `rubric`: has one level"))
        );

        let mut evaluation = Evaluation::new("Ada", "");
        let mut answer = Answer::new(valid_pack().questions[1].clone(), None);
        answer.seconds = u64::MAX;
        evaluation.answers.push(answer);
        let text = rendered(&validate_evaluation(&evaluation));
        assert!(text.iter().any(|t| t.starts_with(
            "answer 1 (question `rest`), field `seconds`: 18446744073709551615 seconds is more than a day"
        )));
    }

    #[test]
    fn a_list_far_over_its_cap_is_reported_once_not_item_by_item() {
        let mut pack = valid_pack();
        let bad = Question::new("Not An Id", "", 0);
        pack.questions = vec![bad; MAX_QUESTIONS * 3];
        let problems = validate_pack(&pack);
        let counted = problems
            .iter()
            .filter(|p| p.message.contains("the limit is"))
            .count();
        assert_eq!(counted, 1);
        // Only the questions up to the cap are checked one by one.
        assert!(
            problems.len() <= 1 + MAX_QUESTIONS * 4,
            "{}",
            problems.len()
        );
    }

    #[test]
    fn long_hostile_ids_are_quoted_short() {
        let mut pack = valid_pack();
        pack.id = "\u{1b}]0;pwned\u{7}".to_owned() + &"x".repeat(10_000);
        let text = rendered(&validate_pack(&pack));
        let message = text.iter().find(|t| t.starts_with("field `id`")).unwrap();
        assert!(message.len() < 200, "{message}");
        assert!(!message.contains('\u{1b}'), "{message}");
    }
}
