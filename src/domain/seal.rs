//! Seals: a submitted evaluation carries a SHA-256 hash of everything the committee sees, so
//! anyone can tell whether it was changed after it was handed in.
//!
//! The hash is over a canonical form — the committee-visible fields serialised compactly in a
//! fixed order — not over the file's text, so re-saving, reformatting or hand-indenting the
//! file keeps the seal, and the private notes (which never leave the interviewer) and the
//! question on screen are left out, so sharing without them keeps it too.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::scoring;
use super::{Answer, Evaluation, EvaluationStatus, Outcome, Recommendation};

/// One handing-in of an evaluation: when, and the seal of what was handed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// When it was submitted.
    pub at: Timestamp,
    /// The SHA-256 of the canonical form, as 64 lowercase hex digits.
    pub seal: String,
}

/// What a seal says about an evaluation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealState {
    /// Not submitted (a draft, or reopened since).
    NotSubmitted,
    /// Submitted by a version of Onsite that did not seal yet.
    Unsealed {
        /// When it was submitted, if the file says.
        at: Option<Timestamp>,
    },
    /// The content is exactly what was submitted.
    Intact {
        /// When it was submitted.
        at: Timestamp,
        /// The seal.
        seal: String,
    },
    /// Something the committee sees was changed after it was submitted.
    Changed {
        /// When it was submitted.
        at: Timestamp,
    },
}

impl SealState {
    /// Whether a reader can rely on the content being what was submitted.
    pub fn is_intact(&self) -> bool {
        matches!(self, SealState::Intact { .. })
    }
}

/// The committee-visible part of an evaluation, in the order it is hashed. Field order and
/// names are part of the seal: change them and every existing seal breaks.
#[derive(Serialize)]
struct Canonical<'a> {
    candidate: &'a str,
    role: &'a str,
    interviewer: &'a str,
    plan_title: &'a str,
    started_at: Option<Timestamp>,
    ended_at: Option<Timestamp>,
    answers: &'a [Answer],
    recommendation: Option<Recommendation>,
    summary: &'a str,
    general_notes: &'a str,
}

/// The canonical form of `evaluation`: the bytes its seal is a hash of.
pub fn canonical_form(evaluation: &Evaluation) -> Vec<u8> {
    let Evaluation {
        format: _,
        candidate,
        role,
        interviewer,
        plan_title,
        started_at,
        ended_at,
        status: _,
        submitted_at: _,
        submissions: _,
        reopened_at: _,
        answers,
        current: _,
        recommendation,
        summary,
        general_notes,
        // Never seen by the committee, so never sealed: they can be left out of a shared copy.
        private_notes: _,
    } = evaluation;
    let canonical = Canonical {
        candidate,
        role,
        interviewer,
        plan_title,
        started_at: *started_at,
        ended_at: *ended_at,
        answers,
        recommendation: *recommendation,
        summary,
        general_notes,
    };
    // Plain RON of plain data cannot fail to serialise; should it ever, an empty form gives a
    // seal that no content matches, so the evaluation reads as changed rather than intact.
    ron::to_string(&canonical)
        .map(String::into_bytes)
        .unwrap_or_default()
}

/// The seal of `evaluation` as it is now: SHA-256 of its canonical form, in lowercase hex.
pub fn seal_of(evaluation: &Evaluation) -> String {
    let digest = Sha256::digest(canonical_form(evaluation));
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The first twelve hex digits of a seal in three groups, as printed in a PDF's footer.
pub fn short_seal(seal: &str) -> String {
    let digits: Vec<&str> = [0..4, 4..8, 8..12]
        .into_iter()
        .filter_map(|range| seal.get(range))
        .collect();
    digits.join("·")
}

/// Whether `seal` looks like one: 64 lowercase hex digits.
pub fn is_seal(seal: &str) -> bool {
    seal.len() == 64
        && seal
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl Evaluation {
    /// What must still be done before the evaluation can be submitted, in words, or `Ok`.
    /// The window and `onsite submit` apply the same rules.
    pub fn submit_blockers(&self) -> Result<(), String> {
        let mut missing = Vec::new();
        let unrated = scoring::completeness(&self.answers).unrated.len();
        if unrated > 0 {
            missing.push(if unrated == 1 {
                "1 question needs an outcome".to_owned()
            } else {
                format!("{unrated} questions need an outcome")
            });
        }
        if self.recommendation.is_none() {
            missing.push("choose a recommendation".to_owned());
        }
        if self.summary.trim().is_empty() {
            missing.push("write a summary".to_owned());
        }
        if missing.is_empty() {
            Ok(())
        } else {
            Err(missing.join(", "))
        }
    }

    /// Hands the evaluation in at `now` and seals it, if nothing blocks it (see
    /// [`Evaluation::submit_blockers`]). The submission joins the history kept in the file.
    pub fn submit(&mut self, now: Timestamp) -> Result<(), String> {
        if self.is_submitted() {
            return Err("it is already submitted".to_owned());
        }
        self.submit_blockers()?;
        self.ended_at.get_or_insert(now);
        self.status = EvaluationStatus::Submitted;
        self.submitted_at = Some(now);
        let seal = seal_of(self);
        self.submissions.push(Submission { at: now, seal });
        Ok(())
    }

    /// Makes a submitted evaluation editable again, recording when; the next submission seals
    /// again, and the history of earlier ones stays.
    pub fn reopen(&mut self, now: Timestamp) {
        if self.is_submitted() {
            self.status = EvaluationStatus::InProgress;
            self.reopened_at.push(now);
        }
    }

    /// What the seal says: intact, changed since it was submitted, or why there is none.
    pub fn seal_state(&self) -> SealState {
        if !self.is_submitted() {
            return SealState::NotSubmitted;
        }
        match self.submissions.last() {
            None => SealState::Unsealed {
                at: self.submitted_at,
            },
            Some(last) if last.seal == seal_of(self) => SealState::Intact {
                at: last.at,
                seal: last.seal.clone(),
            },
            Some(last) => SealState::Changed { at: last.at },
        }
    }

    /// A copy to share for a debrief: everything the committee sees, the private notes left
    /// out. Its seal verifies exactly as the original's does.
    pub fn shared_copy(&self) -> Evaluation {
        Evaluation {
            private_notes: String::new(),
            ..self.clone()
        }
    }

    /// Whether every answer has an outcome other than "unrated" (used by readers that only
    /// count finished evaluations).
    pub fn is_fully_rated(&self) -> bool {
        self.answers.iter().all(|a| a.outcome != Outcome::Unrated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Question;

    fn ready() -> Evaluation {
        let mut evaluation = Evaluation::new("Ada Lovelace", "Engineer");
        evaluation.started_at = Some(Timestamp::from_second(1_790_000_000).unwrap_or_default());
        let mut answer = Answer::new(Question::new("q", "Why?", 10), None);
        answer.outcome = Outcome::Rated(3);
        answer.notes = "Good reasons.".into();
        evaluation.answers.push(answer);
        evaluation.recommendation = Some(Recommendation::Yes);
        evaluation.summary = "Hire.".into();
        evaluation.private_notes = "Ask about the gap.".into();
        evaluation
    }

    fn at(second: i64) -> Timestamp {
        Timestamp::from_second(second).unwrap_or_default()
    }

    #[test]
    fn submitting_seals_and_any_visible_edit_breaks_the_seal() {
        let mut evaluation = ready();
        assert_eq!(evaluation.seal_state(), SealState::NotSubmitted);
        evaluation.submit(at(1_790_003_600)).unwrap_or_default();
        let SealState::Intact { seal, .. } = evaluation.seal_state() else {
            panic!("not sealed: {:?}", evaluation.seal_state());
        };
        assert!(is_seal(&seal));
        assert_eq!(evaluation.submissions.len(), 1);

        let edits: [fn(&mut Evaluation); 6] = [
            |e| e.answers[0].notes.push('!'),
            |e| e.answers[0].outcome = Outcome::Rated(4),
            |e| e.summary = "No hire.".into(),
            |e| e.recommendation = Some(Recommendation::No),
            |e| e.general_notes = "late".into(),
            |e| e.candidate = "Someone else".into(),
        ];
        for edit in edits {
            let mut changed = evaluation.clone();
            edit(&mut changed);
            assert!(matches!(changed.seal_state(), SealState::Changed { .. }));
        }
        // The private notes and the question on screen are not sealed.
        let mut private = evaluation.clone();
        private.private_notes = "Rewritten".into();
        private.current = 0;
        assert!(private.seal_state().is_intact());
        assert!(evaluation.shared_copy().seal_state().is_intact());
        assert!(evaluation.shared_copy().private_notes.is_empty());
    }

    #[test]
    fn reopening_keeps_the_history_and_the_next_submit_seals_again() {
        let mut evaluation = ready();
        evaluation.submit(at(1_790_003_600)).unwrap_or_default();
        evaluation.reopen(at(1_790_007_200));
        assert_eq!(evaluation.seal_state(), SealState::NotSubmitted);
        evaluation.summary = "Hire, strongly.".into();
        evaluation.submit(at(1_790_010_800)).unwrap_or_default();
        assert_eq!(evaluation.submissions.len(), 2);
        assert_ne!(
            evaluation.submissions[0].seal,
            evaluation.submissions[1].seal
        );
        assert!(evaluation.seal_state().is_intact());
        assert_eq!(evaluation.reopened_at.len(), 1);
    }

    #[test]
    fn submit_needs_the_same_things_as_the_window() {
        let mut evaluation = ready();
        evaluation.summary.clear();
        evaluation.answers[0].outcome = Outcome::Unrated;
        assert_eq!(
            evaluation.submit(at(1)),
            Err("1 question needs an outcome, write a summary".to_owned())
        );
        assert!(!evaluation.is_submitted());
        let mut old = ready();
        old.status = EvaluationStatus::Submitted;
        old.submitted_at = Some(at(5));
        assert_eq!(old.seal_state(), SealState::Unsealed { at: Some(at(5)) });
    }

    #[test]
    fn the_short_form_is_three_groups() {
        let seal = "0123456789abcdef".repeat(4);
        assert_eq!(short_seal(&seal), "0123·4567·89ab");
        assert!(is_seal(&seal));
        assert!(!is_seal("XYZ"));
    }
}
