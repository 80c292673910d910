//! What a report says, independent of how it is drawn.
//!
//! The PDF and the Markdown export both render this one model, so they cannot drift apart in
//! content: a field added here shows up in both or fails to compile in both.

use jiff::tz::TimeZone;

use crate::domain::scoring::{self, CompetencyScore, Completeness};
use crate::domain::seal::short_seal;
use crate::domain::{Answer, Evaluation, Outcome, Recommendation, SealState};

use super::ReportOptions;
use super::format;

/// The document title.
pub const TITLE: &str = "Interview evaluation";

/// One label and its value in the header.
#[derive(Clone, Debug)]
pub struct Field {
    /// What the value is ("Candidate").
    pub label: &'static str,
    /// The value, never empty ("not recorded" stands in).
    pub value: String,
}

/// One row of the question overview table.
#[derive(Clone, Debug)]
pub struct OverviewRow {
    /// 1-based position.
    pub number: usize,
    /// The full prompt; the table shortens it to two lines.
    pub prompt: String,
    /// The competency assessed.
    pub competency: String,
    /// The outcome in words, with the level label for a rated answer.
    pub outcome: String,
    /// Time spent against the budget.
    pub time: String,
}

/// A key point and whether the candidate covered it.
#[derive(Clone, Debug)]
pub struct KeyPoint {
    /// The key point as written in the question.
    pub text: String,
    /// Whether the interviewer ticked it.
    pub covered: bool,
}

/// Everything reported about one question.
#[derive(Clone, Debug)]
pub struct QuestionSection {
    /// 1-based position.
    pub number: usize,
    /// The competency assessed.
    pub competency: String,
    /// The question as asked.
    pub prompt: String,
    /// The outcome in words ("Solid (3 of 4)", "Not asked").
    pub outcome: String,
    /// The rubric anchor of the chosen level, when rated and asked for.
    pub anchor: Option<String>,
    /// Time spent against the budget.
    pub time: String,
    /// The question's key points, each with its mark.
    pub key_points: Vec<KeyPoint>,
    /// The red flags the interviewer saw.
    pub red_flags: Vec<String>,
    /// The interviewer's notes, verbatim.
    pub notes: String,
}

/// A report, ready to be drawn.
#[derive(Clone, Debug)]
pub struct Report {
    /// The candidate's name, also used in the footer.
    pub candidate: String,
    /// The plan the interview followed, if named.
    pub plan_title: String,
    /// Header fields, left column then right column.
    pub header: [Vec<Field>; 2],
    /// The overall recommendation, if decided.
    pub recommendation: Option<Recommendation>,
    /// The overall weighted score, if anything is rated.
    pub score: Option<f64>,
    /// Outcome counts.
    pub completeness: Completeness,
    /// The interviewer's summary.
    pub summary: String,
    /// Per-competency averages.
    pub competencies: Vec<CompetencyScore>,
    /// The overview table.
    pub overview: Vec<OverviewRow>,
    /// One section per question.
    pub questions: Vec<QuestionSection>,
    /// Notes that belong to no single question.
    pub general_notes: String,
    /// Private notes, only when the options ask for them.
    pub private_notes: Option<String>,
    /// What the seal says, as the footer prints it ("sealed 3f2a·9c1d·0b7e").
    pub seal: String,
    /// The mark beside the title when the evaluation is not what the committee should rely on:
    /// a draft, or changed after it was submitted.
    pub title_mark: Option<TitleMark>,
}

/// A mark beside the title of page 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleMark {
    /// Not submitted.
    Draft,
    /// Changed since it was submitted.
    Changed,
}

impl TitleMark {
    /// The words of the mark.
    pub fn label(self) -> &'static str {
        match self {
            TitleMark::Draft => "Draft · not submitted",
            TitleMark::Changed => "Changed after submission",
        }
    }
}

/// What a seal says, in the words of the footer: "sealed 3f2a·9c1d·0b7e", "not submitted —
/// draft", "changed since it was submitted on 24 Nov 2026" or "submitted before seals
/// existed".
pub fn seal_text(state: &SealState, zone: &TimeZone) -> String {
    match state {
        SealState::NotSubmitted => "not submitted — draft".to_owned(),
        SealState::Unsealed { .. } => "submitted before seals existed".to_owned(),
        SealState::Intact { seal, .. } => format!("sealed {}", short_seal(seal)),
        SealState::Changed { at } => format!(
            "changed since it was submitted on {}",
            crate::domain::debrief::day(*at, zone)
        ),
    }
}

/// The mark of a key point the candidate covered.
pub const COVERED_MARK: char = '✓';
/// The mark of a key point the answer did not mention: neutral, since an unticked point is
/// not a failed one.
pub const NOT_MENTIONED_MARK: char = '○';

/// Text shown for something the evaluation does not record.
pub const NOT_RECORDED: &str = "not recorded";

fn or_not_recorded(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        NOT_RECORDED.to_owned()
    } else {
        text.to_owned()
    }
}

/// The badge text for a recommendation, or for its absence.
pub fn recommendation_label(recommendation: Option<Recommendation>) -> &'static str {
    recommendation.map_or("No recommendation yet", Recommendation::label)
}

/// The outcome of an answer in words; a rating names its rubric level.
pub fn outcome_label(answer: &Answer) -> String {
    match answer.outcome {
        Outcome::Rated(score) => {
            let rubric = answer.rubric();
            let top = rubric.range().map_or(score, |(_, max)| max);
            match rubric.level(score) {
                Some(level) if !level.label.trim().is_empty() => {
                    format!("{} ({score} of {top})", level.label.trim())
                }
                _ => format!("Rated {score} of {top}"),
            }
        }
        Outcome::Unrated => "Not rated yet".to_owned(),
        Outcome::NotAsked | Outcome::NoEvidence => answer.outcome.label().to_owned(),
    }
}

/// The counts line under the score: "4 rated · 1 not asked · 0 no evidence · 1 unrated".
///
/// Each number is tied to its word with no-break spaces, so a wrapped line never strands a
/// number from what it counts.
pub fn counts_line(completeness: &Completeness) -> String {
    format!(
        "{}\u{a0}rated · {}\u{a0}not\u{a0}asked · {}\u{a0}no\u{a0}evidence · {}\u{a0}unrated",
        completeness.rated,
        completeness.not_asked,
        completeness.no_evidence,
        completeness.unrated.len()
    )
}

/// The note above the footer of a page where `count` characters are drawn as empty boxes.
pub fn missing_note(count: usize) -> String {
    let characters = if count == 1 {
        "character"
    } else {
        "characters"
    };
    format!(
        "{count} {characters} on this page could not be drawn: no font on the exporting computer has them."
    )
}

/// The footer of page `page` of `pages` of an evaluation whose seal reads `seal`.
pub fn footer(candidate: &str, seal: &str, page: usize, pages: usize) -> String {
    format!("{candidate}{}", footer_suffix(seal, page, pages))
}

/// The footer after the candidate's name.
pub fn footer_suffix(seal: &str, page: usize, pages: usize) -> String {
    format!(" · Onsite evaluation · {seal} · page {page} of {pages}")
}

impl Report {
    /// Gathers what the report says about `evaluation`.
    pub fn new(evaluation: &Evaluation, options: &ReportOptions) -> Self {
        let zone = &options.time_zone;
        let seal = evaluation.seal_state();
        let status = match (evaluation.status, evaluation.submitted_at) {
            (crate::domain::EvaluationStatus::Submitted, Some(at)) => {
                format!("Submitted {}", format::date_time(at, zone))
            }
            (crate::domain::EvaluationStatus::InProgress, _) => "In progress (draft)".to_owned(),
            (status, _) => status.label().to_owned(),
        };
        let status = if matches!(seal, SealState::Changed { .. }) {
            format!("{status}; changed since")
        } else {
            status
        };
        let field = |label, value| Field { label, value };
        let header = [
            vec![
                field("Candidate", or_not_recorded(&evaluation.candidate)),
                field("Role", or_not_recorded(&evaluation.role)),
                field("Status", status),
            ],
            vec![
                field("Interviewer", or_not_recorded(&evaluation.interviewer)),
                field(
                    "Date",
                    format::interview_date(evaluation.started_at, evaluation.ended_at, zone),
                ),
                field("Duration", format::duration(evaluation.duration_seconds())),
            ],
        ];
        let answers = &evaluation.answers;
        Self {
            candidate: or_not_recorded(&evaluation.candidate),
            plan_title: evaluation.plan_title.trim().to_owned(),
            header,
            recommendation: evaluation.recommendation,
            score: scoring::overall_score(answers),
            completeness: scoring::completeness(answers),
            summary: evaluation.summary.clone(),
            competencies: scoring::competency_scores(answers),
            overview: answers
                .iter()
                .enumerate()
                .map(|(index, answer)| OverviewRow {
                    number: index + 1,
                    prompt: answer.question.prompt.clone(),
                    competency: scoring::competency_of(answer).to_owned(),
                    outcome: outcome_label(answer),
                    time: format::time_against_budget(answer.seconds, answer.question.minutes),
                })
                .collect(),
            questions: answers
                .iter()
                .enumerate()
                .map(|(index, answer)| section(index, answer, options))
                .collect(),
            general_notes: evaluation.general_notes.clone(),
            private_notes: (options.include_private_notes
                && !evaluation.private_notes.trim().is_empty())
            .then(|| evaluation.private_notes.clone()),
            seal: seal_text(&seal, zone),
            title_mark: match seal {
                SealState::NotSubmitted => Some(TitleMark::Draft),
                SealState::Changed { .. } => Some(TitleMark::Changed),
                SealState::Unsealed { .. } | SealState::Intact { .. } => None,
            },
        }
    }
}

fn section(index: usize, answer: &Answer, options: &ReportOptions) -> QuestionSection {
    let question = &answer.question;
    let anchor = match answer.outcome {
        Outcome::Rated(score) if options.include_rubric_anchor => answer
            .rubric()
            .level(score)
            .map(|level| level.anchor.trim().to_owned())
            .filter(|anchor| !anchor.is_empty()),
        _ => None,
    };
    QuestionSection {
        number: index + 1,
        competency: scoring::competency_of(answer).to_owned(),
        prompt: question.prompt.clone(),
        outcome: outcome_label(answer),
        anchor,
        time: format::time_against_budget(answer.seconds, question.minutes),
        // A question that was not asked has nothing to tick: listing its key points as "not
        // covered" would read as a failing answer.
        key_points: question
            .key_points
            .iter()
            .filter(|_| answer.outcome != Outcome::NotAsked)
            .enumerate()
            .map(|(i, text)| KeyPoint {
                text: text.clone(),
                covered: answer.covered.contains(&i),
            })
            .collect(),
        red_flags: answer
            .red_flags_seen
            .iter()
            .filter_map(|&i| question.red_flags.get(i).cloned())
            .collect(),
        notes: answer.notes.clone(),
    }
}
