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

/// The label of each file in messages and in the packet: its name, or the path as given when
/// two files share a name.
pub fn file_labels(paths: &[std::path::PathBuf]) -> Vec<String> {
    let name = |path: &std::path::Path| {
        path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    paths
        .iter()
        .map(|path| {
            let own = name(path);
            let shared = paths.iter().filter(|other| name(other) == own).count() > 1;
            if shared {
                path.display().to_string()
            } else {
                own
            }
        })
        .collect()
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

/// A name folded for comparison: decomposed, combining marks dropped, the Latin letters
/// whose stroke or ligature no decomposition removes written plainly (ł, ø, đ, ß, æ …),
/// lowercase, runs of spaces made one. "Zoë  Łukasiewicz" and "zoe lukasiewicz" fold alike,
/// as an interviewer typing on a keyboard without those letters would write the name.
pub fn fold_name(name: &str) -> String {
    let mut bare = String::with_capacity(name.len());
    for c in name
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .flat_map(char::to_lowercase)
    {
        match c {
            'ł' => bare.push('l'),
            'ø' => bare.push('o'),
            'đ' | 'ð' => bare.push('d'),
            'ħ' => bare.push('h'),
            'ı' => bare.push('i'),
            'ŧ' => bare.push('t'),
            'ß' => bare.push_str("ss"),
            'æ' => bare.push_str("ae"),
            'œ' => bare.push_str("oe"),
            'þ' => bare.push_str("th"),
            c => bare.push(c),
        }
    }
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
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

mod grid;
#[cfg(test)]
mod tests;

use self::grid::{grid, shared_questions, spread};
