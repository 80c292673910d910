//! Scoring: pure arithmetic over an evaluation's answers.
//!
//! Only rated answers count. "Not asked" and "no evidence" are absences of evidence, not low
//! scores, so they are left out of every average rather than counted as zero.

use super::{Answer, Outcome};

/// The top of the common scale every score is reported on (the standard rubric is 1–4).
pub const SCALE_MAX: f64 = 4.0;

/// Competency name used for questions that do not name one.
pub const GENERAL_COMPETENCY: &str = "General";

/// The score of one answer on the common 1–[`SCALE_MAX`] scale, or `None` when it is not rated
/// (or rated at a score its rubric does not have).
pub fn answer_score(answer: &Answer) -> Option<f64> {
    match answer.outcome {
        Outcome::Rated(score) => answer.rubric().normalise(score),
        Outcome::Unrated | Outcome::NotAsked | Outcome::NoEvidence => None,
    }
}

/// The weight an answer carries; non-finite or non-positive weights count as zero.
fn weight(answer: &Answer) -> f64 {
    let weight = answer.question.weight;
    if weight.is_finite() && weight > 0.0 {
        weight
    } else {
        0.0
    }
}

/// Weighted mean of the rated answers among `answers`, or `None` if none is rated.
fn weighted_mean<'a>(answers: impl IntoIterator<Item = &'a Answer>) -> Option<f64> {
    let (sum, total_weight) = answers
        .into_iter()
        .filter_map(|a| Some((answer_score(a)?, weight(a))))
        .fold((0.0, 0.0), |(sum, total), (score, w)| {
            (sum + score * w, total + w)
        });
    (total_weight > 0.0).then(|| sum / total_weight)
}

/// The overall weighted score on the common scale, or `None` if nothing is rated.
pub fn overall_score(answers: &[Answer]) -> Option<f64> {
    weighted_mean(answers)
}

/// The average for one competency.
#[derive(Clone, Debug, PartialEq)]
pub struct CompetencyScore {
    /// The competency's name ([`GENERAL_COMPETENCY`] for questions without one).
    pub competency: String,
    /// Weighted average on the common scale, `None` if none of its questions is rated.
    pub average: Option<f64>,
    /// How many of its questions are rated.
    pub rated: usize,
    /// How many questions assess it.
    pub questions: usize,
}

/// The competency of an answer's question, with the fallback for questions that name none.
pub fn competency_of(answer: &Answer) -> &str {
    competency_of_question(&answer.question)
}

/// A question's competency, or [`GENERAL_COMPETENCY`] when it names none.
pub fn competency_of_question(question: &crate::domain::Question) -> &str {
    let name = question.competency.trim();
    if name.is_empty() {
        GENERAL_COMPETENCY
    } else {
        name
    }
}

/// Per-competency averages, in the order each competency first appears.
pub fn competency_scores(answers: &[Answer]) -> Vec<CompetencyScore> {
    let mut names: Vec<&str> = Vec::new();
    for answer in answers {
        let name = competency_of(answer);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
        .into_iter()
        .map(|name| {
            let group: Vec<&Answer> = answers
                .iter()
                .filter(|a| competency_of(a) == name)
                .collect();
            CompetencyScore {
                competency: name.to_owned(),
                average: weighted_mean(group.iter().copied()),
                rated: group.iter().filter(|a| answer_score(a).is_some()).count(),
                questions: group.len(),
            }
        })
        .collect()
}

/// How far an evaluation is from being fully scored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Completeness {
    /// Number of questions.
    pub total: usize,
    /// Questions rated on their rubric.
    pub rated: usize,
    /// Questions marked not asked.
    pub not_asked: usize,
    /// Questions marked asked but without evidence.
    pub no_evidence: usize,
    /// Indices of the questions that still need an outcome.
    pub unrated: Vec<usize>,
}

impl Completeness {
    /// True when every question has an outcome (a rating, not asked, or no evidence).
    pub fn is_complete(&self) -> bool {
        self.unrated.is_empty()
    }
}

/// Counts outcomes and lists the questions still unrated.
pub fn completeness(answers: &[Answer]) -> Completeness {
    let mut result = Completeness {
        total: answers.len(),
        ..Completeness::default()
    };
    for (index, answer) in answers.iter().enumerate() {
        match answer.outcome {
            Outcome::Rated(_) if answer_score(answer).is_some() => result.rated += 1,
            Outcome::Rated(_) | Outcome::Unrated => result.unrated.push(index),
            Outcome::NotAsked => result.not_asked += 1,
            Outcome::NoEvidence => result.no_evidence += 1,
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Question, Rubric, RubricLevel};

    fn answer(competency: &str, outcome: Outcome, weight: f64) -> Answer {
        let mut question = Question::new("q", "?", 5);
        question.competency = competency.into();
        question.weight = weight;
        question.rubric = Some(Rubric::standard());
        let mut answer = Answer::new(question, None);
        answer.outcome = outcome;
        answer
    }

    #[test]
    fn not_asked_and_no_evidence_are_not_low_scores() {
        let answers = [
            answer("API", Outcome::Rated(4), 1.0),
            answer("API", Outcome::NotAsked, 1.0),
            answer("API", Outcome::NoEvidence, 1.0),
            answer("API", Outcome::Unrated, 1.0),
        ];
        assert_eq!(overall_score(&answers), Some(4.0));
        let scores = competency_scores(&answers);
        assert_eq!(scores.len(), 1);
        assert_eq!(scores[0].average, Some(4.0));
        assert_eq!(scores[0].rated, 1);
        assert_eq!(scores[0].questions, 4);
    }

    #[test]
    fn weights_shift_the_overall_score() {
        let answers = [
            answer("A", Outcome::Rated(4), 3.0),
            answer("B", Outcome::Rated(2), 1.0),
        ];
        // (4*3 + 2*1) / 4 = 3.5
        assert_eq!(overall_score(&answers), Some(3.5));
        let equal = [
            answer("A", Outcome::Rated(4), 1.0),
            answer("B", Outcome::Rated(2), 1.0),
        ];
        assert_eq!(overall_score(&equal), Some(3.0));
    }

    #[test]
    fn competencies_keep_first_appearance_order_and_name_the_unnamed() {
        let answers = [
            answer("Design", Outcome::Rated(3), 1.0),
            answer("", Outcome::Rated(1), 1.0),
            answer("Design", Outcome::Rated(2), 1.0),
        ];
        let scores = competency_scores(&answers);
        let names: Vec<_> = scores.iter().map(|s| s.competency.as_str()).collect();
        assert_eq!(names, ["Design", GENERAL_COMPETENCY]);
        assert_eq!(scores[0].average, Some(2.5));
        assert_eq!(scores[1].average, Some(1.0));
    }

    #[test]
    fn nothing_rated_means_no_score() {
        let answers = [answer("A", Outcome::NotAsked, 1.0)];
        assert_eq!(overall_score(&answers), None);
        assert_eq!(overall_score(&[]), None);
        assert_eq!(competency_scores(&answers)[0].average, None);
    }

    #[test]
    fn zero_or_invalid_weights_do_not_divide_by_zero() {
        let answers = [answer("A", Outcome::Rated(3), 0.0)];
        assert_eq!(overall_score(&answers), None);
        let answers = [
            answer("A", Outcome::Rated(3), f64::NAN),
            answer("A", Outcome::Rated(1), 1.0),
        ];
        assert_eq!(overall_score(&answers), Some(1.0));
    }

    #[test]
    fn different_scales_are_averaged_on_the_common_scale() {
        let mut five = answer("A", Outcome::Rated(5), 1.0);
        let mut levels = Rubric::standard().levels;
        levels.push(RubricLevel {
            score: 5,
            label: "Exceptional".into(),
            anchor: String::new(),
        });
        five.question.rubric = Some(Rubric { levels });
        let answers = [five, answer("A", Outcome::Rated(2), 1.0)];
        assert_eq!(overall_score(&answers), Some(3.0));
    }

    #[test]
    fn completeness_counts_each_outcome() {
        let answers = [
            answer("A", Outcome::Rated(3), 1.0),
            answer("A", Outcome::Unrated, 1.0),
            answer("A", Outcome::NotAsked, 1.0),
            answer("A", Outcome::NoEvidence, 1.0),
            answer("A", Outcome::Rated(9), 1.0),
        ];
        let c = completeness(&answers);
        assert_eq!((c.total, c.rated, c.not_asked, c.no_evidence), (5, 1, 1, 1));
        assert_eq!(c.unrated, vec![1, 4]);
        assert!(!c.is_complete());
        assert!(completeness(&answers[..1]).is_complete());
    }
}
