//! The debrief: several interviewers' evaluations of one candidate, put together for the hiring
//! committee. Who recommended what, where the panel agrees and where it splits, what nobody
//! covered, and the questions more than one interviewer asked, side by side.
//!
//! Pure data: [`assemble`] takes the evaluations (each with a label, usually its file name) and
//! returns a [`Debrief`] the report layer draws. The private notes are dropped on the way in, so
//! nothing built from a debrief can show them.

use std::fmt;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::scoring;
use super::{Answer, Evaluation, Outcome, QuestionRef, Recommendation, SealState};

/// Two score averages closer than this are the same: averages are sums of small fractions.
const SAME: f64 = 1e-9;

/// How far apart (on the common 1–4 scale) two ratings must be for the panel to count as split:
/// two rubric levels, such as "Partial" against "Strong".
pub const SPLIT_SPREAD: f64 = 2.0;

/// One evaluation in the debrief, with what the committee needs to know about it first.
#[derive(Clone, Debug, PartialEq)]
pub struct Panelist {
    /// Where the evaluation came from (the file name), to tell files apart in messages.
    pub file: String,
    /// The interviewer's name as written, or "Unnamed interviewer".
    pub name: String,
    /// The name used in tables: `name`, with the file added when two panelists share a name.
    pub label: String,
    /// The overall recommendation, if one was chosen.
    pub recommendation: Option<Recommendation>,
    /// The overall weighted score on the common scale, if anything is rated.
    pub score: Option<f64>,
    /// What the seal says about the evaluation.
    pub seal: SealState,
    /// Whether the evaluation is not submitted (a draft, or reopened since).
    pub draft: bool,
    /// The evaluation as shared for the debrief: the private notes already removed.
    pub evaluation: Evaluation,
}

impl Panelist {
    /// Whether the seal says the content was changed after submission.
    pub fn seal_broken(&self) -> bool {
        matches!(self.seal, SealState::Changed { .. })
    }
}

/// What one panelist's interview says about one competency.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell {
    /// Rated: the weighted average of their rated questions on the common 1–4 scale.
    Rated {
        /// The average.
        average: f64,
        /// How many of their questions on the competency are rated.
        questions: usize,
    },
    /// Asked, but the answers gave no evidence either way.
    NoEvidence,
    /// Their questions on it were skipped.
    NotAsked,
    /// Their questions on it are not rated yet (a draft).
    Unrated,
    /// None of their questions assesses it.
    NotCovered,
}

impl Cell {
    /// The average, when rated.
    pub fn average(self) -> Option<f64> {
        match self {
            Cell::Rated { average, .. } => Some(average),
            _ => None,
        }
    }

    /// How the cell reads when it holds no rating.
    pub fn label(self) -> &'static str {
        match self {
            Cell::Rated { .. } => "rated",
            Cell::NoEvidence => "no evidence",
            Cell::NotAsked => "not asked",
            Cell::Unrated => "not rated yet",
            Cell::NotCovered => "—",
        }
    }
}

/// How much the panel agrees on a competency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    /// Ratings at least [`SPLIT_SPREAD`] apart.
    Split,
    /// Ratings apart, but by less than [`SPLIT_SPREAD`].
    Close,
    /// Two or more panelists gave the same rating.
    Agree,
    /// Only one panelist rated it.
    OneRating,
    /// Nobody rated it: a gap.
    NotRated,
}

impl Agreement {
    /// The word shown in the grid.
    pub fn label(self) -> &'static str {
        match self {
            Agreement::Split => "Split",
            Agreement::Close => "Close",
            Agreement::Agree => "Agree",
            Agreement::OneRating => "One rating",
            Agreement::NotRated => "Not rated",
        }
    }
}

/// One competency across the panel.
#[derive(Clone, Debug, PartialEq)]
pub struct GridRow {
    /// The competency's name, as the first evaluation that assesses it writes it.
    pub competency: String,
    /// One cell per panelist, in the panelists' order.
    pub cells: Vec<Cell>,
    /// Highest average minus lowest among the panelists who rated it; `None` if nobody did.
    pub spread: Option<f64>,
    /// Whether the panelists who rated it split between yes and no in their recommendations.
    pub split_yes_no: bool,
}

impl GridRow {
    /// How many panelists rated it.
    pub fn raters(&self) -> usize {
        self.cells.iter().filter(|c| c.average().is_some()).count()
    }

    /// How much the panel agrees.
    pub fn agreement(&self) -> Agreement {
        match (self.raters(), self.spread) {
            (0, _) | (_, None) => Agreement::NotRated,
            (1, _) => Agreement::OneRating,
            (_, Some(spread)) if spread >= SPLIT_SPREAD - SAME => Agreement::Split,
            (_, Some(spread)) if spread > SAME => Agreement::Close,
            _ => Agreement::Agree,
        }
    }
}

/// A competency the plans cover that nobody rated, and why each panelist did not.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    /// The competency.
    pub competency: String,
    /// One cell per panelist (none of them rated).
    pub cells: Vec<Cell>,
}

/// One panelist's answer to a question several panelists asked.
#[derive(Clone, Debug, PartialEq)]
pub struct PanelAnswer {
    /// Index into [`Debrief::panelists`].
    pub panelist: usize,
    /// The answer: outcome, key points, notes.
    pub answer: Answer,
}

/// A question more than one panelist asked, with everyone's outcome and notes.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedQuestion {
    /// The prompt, as the first panelist asked it.
    pub prompt: String,
    /// Its competency.
    pub competency: String,
    /// Each panelist's answer, in the panelists' order.
    pub answers: Vec<PanelAnswer>,
}

impl SharedQuestion {
    /// How many panelists asked it (an answer marked "not asked" does not count).
    pub fn askers(&self) -> usize {
        let mut who: Vec<usize> = self
            .answers
            .iter()
            .filter(|a| a.answer.outcome != Outcome::NotAsked)
            .map(|a| a.panelist)
            .collect();
        who.dedup();
        who.len()
    }

    /// Highest score minus lowest among the rated answers, 0 with fewer than two.
    pub fn spread(&self) -> f64 {
        let scores: Vec<f64> = self
            .answers
            .iter()
            .filter_map(|a| scoring::answer_score(&a.answer))
            .collect();
        spread(&scores).unwrap_or(0.0)
    }
}

/// Something the committee should know before reading the packet.
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// Two or more evaluations are by the same interviewer.
    SameInterviewer {
        /// The interviewer.
        interviewer: String,
        /// The files.
        files: Vec<String>,
    },
    /// An evaluation is not submitted.
    Draft {
        /// The file.
        file: String,
        /// Its interviewer.
        interviewer: String,
    },
    /// An evaluation was changed after it was submitted.
    SealBroken {
        /// The file.
        file: String,
        /// Its interviewer.
        interviewer: String,
        /// When it was submitted.
        submitted_at: Timestamp,
    },
    /// An evaluation was submitted before seals existed, so changes cannot be detected.
    Unsealed {
        /// The file.
        file: String,
        /// Its interviewer.
        interviewer: String,
    },
    /// The evaluations name different roles for the candidate.
    DifferentRoles {
        /// Each distinct role with the first file that names it.
        roles: Vec<(String, String)>,
    },
}

impl Warning {
    /// The warning in words, with dates in `zone`.
    pub fn describe(&self, zone: &TimeZone) -> String {
        match self {
            Warning::SameInterviewer { interviewer, files } => format!(
                "{} evaluations are by {interviewer} ({})",
                files.len(),
                files.join(", ")
            ),
            Warning::Draft { file, interviewer } => {
                format!("{interviewer}’s evaluation ({file}) is a draft: it is not submitted")
            }
            Warning::SealBroken {
                file,
                interviewer,
                submitted_at,
            } => format!(
                "{interviewer}’s evaluation ({file}) was changed since it was submitted on {}",
                day(*submitted_at, zone)
            ),
            Warning::Unsealed { file, interviewer } => format!(
                "{interviewer}’s evaluation ({file}) was submitted before seals existed, so \
                 later changes cannot be detected"
            ),
            Warning::DifferentRoles { roles } => {
                let list: Vec<String> = roles
                    .iter()
                    .map(|(file, role)| format!("“{role}” in {file}"))
                    .collect();
                format!("the evaluations name different roles: {}", list.join(", "))
            }
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(&TimeZone::UTC))
    }
}

/// A date as the committee reads it: "24 Nov 2026".
pub fn day(at: Timestamp, zone: &TimeZone) -> String {
    at.to_zoned(zone.clone()).strftime("%-d %b %Y").to_string()
}

/// Why the evaluations cannot make one debrief.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DebriefError {
    /// No evaluations were given.
    #[error("no evaluations to combine")]
    Empty,
    /// The evaluations are of different candidates.
    #[error("{}", different_candidates(first, others))]
    DifferentCandidates {
        /// The first file and its candidate.
        first: (String, String),
        /// Every file whose candidate differs from the first's, with that candidate.
        others: Vec<(String, String)>,
    },
}

fn different_candidates(first: &(String, String), others: &[(String, String)]) -> String {
    let list: Vec<String> = others
        .iter()
        .map(|(file, name)| format!("{file} is about “{name}”"))
        .collect();
    format!(
        "these evaluations are of different candidates: {} is about “{}”, but {}",
        first.0,
        first.1,
        list.join(", ")
    )
}

/// The panel's recommendations counted: how many said each, most common first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecommendationSpread {
    /// Each recommendation given, with how many gave it; most common first, ties most
    /// positive first.
    pub counts: Vec<(Recommendation, usize)>,
    /// Panelists who have not chosen one.
    pub undecided: usize,
}

impl fmt::Display for RecommendationSpread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = self
            .counts
            .iter()
            .map(|(rec, n)| format!("{n} {}", rec.label().to_lowercase()))
            .collect();
        if self.undecided > 0 {
            parts.push(format!("{} undecided", self.undecided));
        }
        f.write_str(&parts.join(" · "))
    }
}

/// Everything the debrief packet shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Debrief {
    /// The candidate, as the first evaluation writes the name.
    pub candidate: String,
    /// The role, from the first evaluation that names one.
    pub role: String,
    /// When the first interview started.
    pub first: Option<Timestamp>,
    /// When the last interview ended.
    pub last: Option<Timestamp>,
    /// One per evaluation, in the order given.
    pub panelists: Vec<Panelist>,
    /// The recommendations counted.
    pub spread: RecommendationSpread,
    /// Every competency the evaluations assess, widest disagreement first.
    pub grid: Vec<GridRow>,
    /// Competencies the plans cover that nobody rated.
    pub gaps: Vec<Gap>,
    /// Questions more than one panelist asked, most contested first.
    pub shared_questions: Vec<SharedQuestion>,
    /// What to know before reading.
    pub warnings: Vec<Warning>,
}

impl Debrief {
    /// Whether any evaluation in the packet is a draft.
    pub fn has_drafts(&self) -> bool {
        self.panelists.iter().any(|p| p.draft)
    }
}

/// A name folded for comparison: decomposed, combining marks dropped, lowercase, runs of
/// spaces made one. "Zoë  Núñez" and "zoe nunez" fold alike.
pub fn fold_name(name: &str) -> String {
    let bare: String = name.nfd().filter(|&c| !is_combining_mark(c)).collect();
    bare.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Puts `evaluations` (each with a label, usually its file name) together into a debrief.
///
/// Refuses evaluations of different candidates (names compared without case and accents).
/// Drafts, broken seals, missing seals, one interviewer twice and differing roles are warned
/// about, not refused: the committee decides what to make of them.
pub fn assemble(evaluations: Vec<(String, Evaluation)>) -> Result<Debrief, DebriefError> {
    let Some((first_file, first)) = evaluations.first() else {
        return Err(DebriefError::Empty);
    };
    let candidate = first.candidate.trim().to_owned();
    let wanted = fold_name(&first.candidate);
    let others: Vec<(String, String)> = evaluations
        .iter()
        .filter(|(_, e)| fold_name(&e.candidate) != wanted)
        .map(|(file, e)| (file.clone(), e.candidate.trim().to_owned()))
        .collect();
    if !others.is_empty() {
        return Err(DebriefError::DifferentCandidates {
            first: (first_file.clone(), candidate),
            others,
        });
    }

    let panelists = panelists(evaluations);
    let mut warnings = Vec::new();
    same_interviewers(&panelists, &mut warnings);
    for panelist in &panelists {
        let (file, interviewer) = (panelist.file.clone(), panelist.name.clone());
        match panelist.seal {
            SealState::NotSubmitted => warnings.push(Warning::Draft { file, interviewer }),
            SealState::Changed { at } => warnings.push(Warning::SealBroken {
                file,
                interviewer,
                submitted_at: at,
            }),
            SealState::Unsealed { .. } => warnings.push(Warning::Unsealed { file, interviewer }),
            SealState::Intact { .. } => {}
        }
    }
    let mut roles: Vec<(String, String)> = Vec::new();
    for panelist in &panelists {
        let role = panelist.evaluation.role.trim();
        if !role.is_empty() && !roles.iter().any(|(_, r)| fold_name(r) == fold_name(role)) {
            roles.push((panelist.file.clone(), role.to_owned()));
        }
    }
    let role = roles.first().map(|(_, r)| r.clone()).unwrap_or_default();
    if roles.len() > 1 {
        warnings.push(Warning::DifferentRoles { roles });
    }

    let evaluations = panelists.iter().map(|p| &p.evaluation);
    let first = evaluations
        .clone()
        .filter_map(|e| e.started_at.or(e.ended_at))
        .min();
    let last = evaluations
        .filter_map(|e| e.ended_at.or(e.started_at))
        .max();
    let (grid, gaps) = grid(&panelists);
    Ok(Debrief {
        candidate,
        role,
        first,
        last,
        spread: recommendation_spread(&panelists),
        grid,
        gaps,
        shared_questions: shared_questions(&panelists),
        panelists,
        warnings,
    })
}

fn panelists(evaluations: Vec<(String, Evaluation)>) -> Vec<Panelist> {
    let names: Vec<String> = evaluations
        .iter()
        .map(|(_, e)| {
            let name = e.interviewer.trim();
            if name.is_empty() {
                "Unnamed interviewer".to_owned()
            } else {
                name.to_owned()
            }
        })
        .collect();
    evaluations
        .into_iter()
        .zip(&names)
        .map(|((file, evaluation), name)| {
            let shared = names
                .iter()
                .filter(|other| fold_name(other) == fold_name(name))
                .count()
                > 1;
            Panelist {
                label: if shared {
                    format!("{name} ({file})")
                } else {
                    name.clone()
                },
                name: name.clone(),
                recommendation: evaluation.recommendation,
                score: scoring::overall_score(&evaluation.answers),
                seal: evaluation.seal_state(),
                draft: !evaluation.is_submitted(),
                // Dropped here, before anything else sees the evaluation.
                evaluation: evaluation.shared_copy(),
                file,
            }
        })
        .collect()
}

fn same_interviewers(panelists: &[Panelist], warnings: &mut Vec<Warning>) {
    let mut seen: Vec<String> = Vec::new();
    for panelist in panelists {
        if panelist.evaluation.interviewer.trim().is_empty() {
            continue;
        }
        let key = fold_name(&panelist.name);
        if seen.contains(&key) {
            continue;
        }
        let files: Vec<String> = panelists
            .iter()
            .filter(|p| !p.evaluation.interviewer.trim().is_empty() && fold_name(&p.name) == key)
            .map(|p| p.file.clone())
            .collect();
        if files.len() > 1 {
            warnings.push(Warning::SameInterviewer {
                interviewer: panelist.name.clone(),
                files,
            });
        }
        seen.push(key);
    }
}

fn recommendation_spread(panelists: &[Panelist]) -> RecommendationSpread {
    let mut counts: Vec<(Recommendation, usize)> = Recommendation::ALL
        .iter()
        .rev()
        .map(|&rec| {
            let n = panelists
                .iter()
                .filter(|p| p.recommendation == Some(rec))
                .count();
            (rec, n)
        })
        .filter(|&(_, n)| n > 0)
        .collect();
    // Stable: equal counts stay most positive first.
    counts.sort_by_key(|count| std::cmp::Reverse(count.1));
    RecommendationSpread {
        counts,
        undecided: panelists
            .iter()
            .filter(|p| p.recommendation.is_none())
            .count(),
    }
}

/// The side a recommendation falls on: `Some(true)` for hire, `Some(false)` for no hire.
fn hires(recommendation: Option<Recommendation>) -> Option<bool> {
    recommendation.map(|r| matches!(r, Recommendation::Yes | Recommendation::StrongYes))
}

fn spread(values: &[f64]) -> Option<f64> {
    let max = values.iter().copied().reduce(f64::max)?;
    let min = values.iter().copied().reduce(f64::min)?;
    Some(max - min)
}

/// What `answers` (one panelist's, on one competency) say, as a grid cell.
fn cell(answers: &[&Answer]) -> Cell {
    if answers.is_empty() {
        return Cell::NotCovered;
    }
    let owned: Vec<Answer> = answers.iter().map(|a| (*a).clone()).collect();
    let rated = owned
        .iter()
        .filter(|a| scoring::answer_score(a).is_some())
        .count();
    match scoring::overall_score(&owned) {
        Some(average) => Cell::Rated {
            average,
            questions: rated,
        },
        None if answers.iter().any(|a| a.outcome == Outcome::NoEvidence) => Cell::NoEvidence,
        None if answers.iter().all(|a| a.outcome == Outcome::NotAsked) => Cell::NotAsked,
        None => Cell::Unrated,
    }
}

fn grid(panelists: &[Panelist]) -> (Vec<GridRow>, Vec<Gap>) {
    // Competencies in order of first appearance, matched without case or accents.
    let mut names: Vec<(String, String)> = Vec::new();
    for panelist in panelists {
        for answer in &panelist.evaluation.answers {
            let name = scoring::competency_of(answer);
            let key = fold_name(name);
            if !names.iter().any(|(k, _)| *k == key) {
                names.push((key, name.to_owned()));
            }
        }
    }
    let mut rows: Vec<GridRow> = names
        .into_iter()
        .map(|(key, competency)| {
            let cells: Vec<Cell> = panelists
                .iter()
                .map(|p| {
                    let answers: Vec<&Answer> = p
                        .evaluation
                        .answers
                        .iter()
                        .filter(|a| fold_name(scoring::competency_of(a)) == key)
                        .collect();
                    cell(&answers)
                })
                .collect();
            let averages: Vec<f64> = cells.iter().filter_map(|c| c.average()).collect();
            let sides: Vec<bool> = cells
                .iter()
                .zip(panelists)
                .filter(|(c, _)| c.average().is_some())
                .filter_map(|(_, p)| hires(p.recommendation))
                .collect();
            GridRow {
                competency,
                spread: spread(&averages),
                split_yes_no: sides.contains(&true) && sides.contains(&false),
                cells,
            }
        })
        .collect();
    // Widest disagreement first; then a yes/no split; then the more raters; nobody-rated last.
    rows.sort_by(|a, b| {
        let spread = |row: &GridRow| row.spread.unwrap_or(-1.0);
        spread(b)
            .total_cmp(&spread(a))
            .then(b.split_yes_no.cmp(&a.split_yes_no))
            .then(b.raters().cmp(&a.raters()))
            .then_with(|| fold_name(&a.competency).cmp(&fold_name(&b.competency)))
    });
    let gaps = rows
        .iter()
        .filter(|row| row.spread.is_none())
        .map(|row| Gap {
            competency: row.competency.clone(),
            cells: row.cells.clone(),
        })
        .collect();
    (rows, gaps)
}

/// What makes two answers the same question: the pack question they were copied from, else
/// the prompt with its spacing and case folded.
#[derive(Clone, Debug, PartialEq, Eq)]
enum QuestionKey {
    Source(QuestionRef),
    Prompt(String),
}

fn shared_questions(panelists: &[Panelist]) -> Vec<SharedQuestion> {
    let mut groups: Vec<(Vec<QuestionKey>, SharedQuestion)> = Vec::new();
    for (index, panelist) in panelists.iter().enumerate() {
        for answer in &panelist.evaluation.answers {
            let prompt = QuestionKey::Prompt(fold_name(&answer.question.prompt));
            let keys: Vec<QuestionKey> = match &answer.source {
                Some(source) => vec![QuestionKey::Source(source.clone()), prompt],
                None => vec![prompt],
            };
            // A pack question matches by its source; a custom one by its prompt, which also
            // finds the pack question it was copied from.
            let found = match &answer.source {
                Some(source) => groups
                    .iter()
                    .position(|(k, _)| k.contains(&QuestionKey::Source(source.clone()))),
                None => groups.iter().position(|(k, _)| k.contains(&keys[0])),
            };
            let entry = PanelAnswer {
                panelist: index,
                answer: answer.clone(),
            };
            match found {
                Some(at) => {
                    let (group_keys, group) = &mut groups[at];
                    for key in keys {
                        if !group_keys.contains(&key) {
                            group_keys.push(key);
                        }
                    }
                    group.answers.push(entry);
                }
                None => groups.push((
                    keys,
                    SharedQuestion {
                        prompt: answer.question.prompt.trim().to_owned(),
                        competency: scoring::competency_of(answer).to_owned(),
                        answers: vec![entry],
                    },
                )),
            }
        }
    }
    let mut shared: Vec<SharedQuestion> = groups
        .into_iter()
        .map(|(_, group)| group)
        .filter(|group| group.askers() > 1)
        .collect();
    // Stable: questions the panel rated alike keep the plans' order.
    shared.sort_by(|a, b| b.spread().total_cmp(&a.spread()));
    shared
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Question;

    fn answer(id: &str, competency: &str, outcome: Outcome) -> Answer {
        let mut question = Question::new(id, format!("Prompt of {id}"), 10);
        question.competency = competency.into();
        let mut answer = Answer::new(
            question,
            Some(QuestionRef {
                pack: "p".into(),
                question: id.into(),
            }),
        );
        answer.outcome = outcome;
        answer
    }

    fn evaluation(interviewer: &str, ratings: [u8; 2], rec: Recommendation) -> Evaluation {
        let mut e = Evaluation::new("Zoë Núñez", "Engineer");
        e.interviewer = interviewer.into();
        e.answers
            .push(answer("a", "Design", Outcome::Rated(ratings[0])));
        e.answers
            .push(answer("b", "Operations", Outcome::Rated(ratings[1])));
        e.recommendation = Some(rec);
        e.summary = "Summary.".into();
        e.private_notes = format!("secret of {interviewer}");
        e
    }

    #[test]
    fn names_fold_case_accents_and_spacing() {
        assert_eq!(fold_name("  Zoë   NÚÑEZ "), "zoe nunez");
        assert_eq!(fold_name("Zoe Nunez"), fold_name("zoë núñez"));
        assert_ne!(fold_name("Zoe Nunez"), fold_name("Zoe Nunes"));
    }

    #[test]
    fn the_split_competency_comes_first_and_private_notes_are_gone() {
        let debrief = assemble(vec![
            (
                "a.ron".into(),
                evaluation("Ann", [3, 1], Recommendation::Yes),
            ),
            (
                "b.ron".into(),
                evaluation("Bo", [3, 4], Recommendation::StrongYes),
            ),
            ("c.ron".into(), evaluation("Cy", [3, 2], Recommendation::No)),
        ])
        .unwrap();
        let order: Vec<&str> = debrief.grid.iter().map(|r| r.competency.as_str()).collect();
        assert_eq!(order, ["Operations", "Design"]);
        assert_eq!(debrief.grid[0].agreement(), Agreement::Split);
        assert_eq!(debrief.grid[0].spread, Some(3.0));
        assert!(debrief.grid[0].split_yes_no);
        assert_eq!(debrief.grid[1].agreement(), Agreement::Agree);
        assert_eq!(debrief.spread.to_string(), "1 strong yes · 1 yes · 1 no");
        assert!(debrief.gaps.is_empty());
        assert_eq!(debrief.shared_questions.len(), 2);
        assert_eq!(debrief.shared_questions[0].prompt, "Prompt of b");
        assert!(
            debrief
                .panelists
                .iter()
                .all(|p| p.evaluation.private_notes.is_empty())
        );
        // Three drafts.
        assert_eq!(debrief.warnings.len(), 3);
        assert!(debrief.has_drafts());
    }

    #[test]
    fn different_candidates_are_refused_naming_both() {
        let mut other = evaluation("Bo", [1, 1], Recommendation::No);
        other.candidate = "Someone Else".into();
        let mut same = evaluation("Cy", [1, 1], Recommendation::No);
        same.candidate = "ZOE nunez".into();
        let error = assemble(vec![
            (
                "a.ron".into(),
                evaluation("Ann", [1, 1], Recommendation::No),
            ),
            ("c.ron".into(), same),
            ("b.ron".into(), other),
        ])
        .unwrap_err();
        assert_eq!(
            error,
            DebriefError::DifferentCandidates {
                first: ("a.ron".into(), "Zoë Núñez".into()),
                others: vec![("b.ron".into(), "Someone Else".into())],
            }
        );
        let message = error.to_string();
        assert!(message.contains("a.ron") && message.contains("Someone Else"));
        assert_eq!(assemble(Vec::new()), Err(DebriefError::Empty));
    }

    #[test]
    fn warnings_name_the_interviewer_twice_and_the_seals() {
        let at = Timestamp::from_second(1_790_000_000).unwrap();
        let mut sealed = evaluation("Ann", [3, 3], Recommendation::Yes);
        sealed.submit(at).unwrap();
        let mut changed = evaluation("ANN", [2, 2], Recommendation::No);
        changed.submit(at).unwrap();
        changed.summary = "Edited later.".into();
        let debrief = assemble(vec![("a.ron".into(), sealed), ("b.ron".into(), changed)]).unwrap();
        assert_eq!(
            debrief.warnings[0],
            Warning::SameInterviewer {
                interviewer: "Ann".into(),
                files: vec!["a.ron".into(), "b.ron".into()],
            }
        );
        assert_eq!(
            debrief.warnings[1],
            Warning::SealBroken {
                file: "b.ron".into(),
                interviewer: "ANN".into(),
                submitted_at: at,
            }
        );
        assert_eq!(debrief.warnings.len(), 2);
        assert_eq!(debrief.panelists[1].label, "ANN (b.ron)");
        assert!(debrief.panelists[1].seal_broken());
        assert!(!debrief.has_drafts());
    }

    #[test]
    fn gaps_are_competencies_nobody_rated_and_cells_say_why() {
        let mut one = evaluation("Ann", [3, 3], Recommendation::Yes);
        one.answers.push(answer("c", "Security", Outcome::NotAsked));
        let mut two = evaluation("Bo", [3, 3], Recommendation::Yes);
        two.answers
            .push(answer("d", "security", Outcome::NoEvidence));
        let three = evaluation("Cy", [3, 3], Recommendation::Yes);
        let debrief = assemble(vec![
            ("a".into(), one),
            ("b".into(), two),
            ("c".into(), three),
        ])
        .unwrap();
        assert_eq!(debrief.gaps.len(), 1);
        assert_eq!(debrief.gaps[0].competency, "Security");
        assert_eq!(
            debrief.gaps[0].cells,
            [Cell::NotAsked, Cell::NoEvidence, Cell::NotCovered]
        );
        assert_eq!(
            debrief.grid.last().map(GridRow::agreement),
            Some(Agreement::NotRated)
        );
    }

    #[test]
    fn custom_questions_match_by_prompt() {
        let mut one = evaluation("Ann", [3, 3], Recommendation::Yes);
        let mut custom = answer("x", "Culture", Outcome::Rated(2));
        custom.source = None;
        custom.question.prompt = "Why  us?".into();
        one.answers.push(custom.clone());
        let mut two = evaluation("Bo", [3, 3], Recommendation::Yes);
        custom.question.prompt = "why us?".into();
        custom.outcome = Outcome::Rated(4);
        two.answers.push(custom);
        let debrief = assemble(vec![("a".into(), one), ("b".into(), two)]).unwrap();
        assert_eq!(debrief.shared_questions.len(), 3);
        assert_eq!(debrief.shared_questions[0].prompt, "Why  us?");
        assert_eq!(debrief.shared_questions[0].spread(), 2.0);
        assert_eq!(debrief.shared_questions[0].askers(), 2);

        // A question both skipped was asked by nobody: it is not shown side by side.
        let mut one = evaluation("Ann", [3, 3], Recommendation::Yes);
        one.answers[1].outcome = Outcome::NotAsked;
        let mut two = evaluation("Bo", [3, 3], Recommendation::Yes);
        two.answers[1].outcome = Outcome::NotAsked;
        let debrief = assemble(vec![("a".into(), one), ("b".into(), two)]).unwrap();
        let prompts: Vec<&str> = debrief
            .shared_questions
            .iter()
            .map(|q| q.prompt.as_str())
            .collect();
        assert_eq!(prompts, ["Prompt of a"]);
    }
}
