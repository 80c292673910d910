//! The evaluation open on the interview and review screens, with what the window needs to save
//! it: revisions, the save debounce, the last save error and the running clock.

use std::path::PathBuf;

use crate::domain::{Evaluation, SealState};
use crate::storage::autosave::Debounce;

/// Which notes the interview screen's editor shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NotesTab {
    /// Notes on the current question.
    #[default]
    Question,
    /// Notes on the whole interview.
    General,
    /// Notes that stay out of exports.
    Private,
}

/// The evaluation being taken or reviewed, with its saving state.
pub struct Session {
    /// Its file.
    pub path: PathBuf,
    /// The evaluation itself.
    pub evaluation: Evaluation,
    /// Bumped on every change.
    pub revision: u64,
    /// The last revision confirmed on disk.
    pub saved_revision: u64,
    /// When to save next.
    pub debounce: Debounce,
    /// The last save error, shown until a save succeeds.
    pub save_error: Option<String>,
    /// When to try again after a failed save (egui time).
    pub retry_at: Option<f64>,
    /// When the last save was handed over (egui time).
    pub last_save_at: f64,
    /// While the clock runs: the egui time the current question was opened and the seconds it
    /// already had.
    pub clock: Option<(f64, u64)>,
    /// Which notes the editor shows.
    pub notes_tab: NotesTab,
    /// Put the cursor in the notes editor on the next frame.
    pub focus_notes: bool,
    /// The question whose details are open on the review screen.
    pub review_open: Option<usize>,
    /// Whether "why we ask" is unfolded, once the interviewer chose (else it depends on the
    /// window's height).
    pub show_purpose: Option<bool>,
    /// Whether the key points are unfolded, once the interviewer chose (else they fold only
    /// when the rubric would be out of sight).
    pub show_key_points: Option<bool>,
    /// The question column's share of the interview screen's width.
    pub split: f32,
    /// The answers column's share of the review screen's width.
    pub review_split: f32,
    /// The seal's state, with the revision it was worked out for (hashing every frame
    /// would be wasted work).
    seal: Option<(u64, SealState)>,
}

impl Session {
    /// A session for `evaluation` stored at `path` (already saved).
    pub fn new(path: PathBuf, evaluation: Evaluation) -> Self {
        Self {
            path,
            evaluation,
            revision: 0,
            saved_revision: 0,
            debounce: Debounce::default(),
            save_error: None,
            retry_at: None,
            last_save_at: 0.0,
            clock: None,
            notes_tab: NotesTab::Question,
            focus_notes: true,
            review_open: None,
            show_purpose: None,
            show_key_points: None,
            split: 0.5,
            review_split: 0.6,
            seal: None,
        }
    }

    /// Records a change at egui time `now`, to be saved soon.
    pub fn touch(&mut self, now: f64) {
        self.revision += 1;
        self.debounce.edited(now);
    }

    /// Whether every change is on disk.
    pub fn is_saved(&self) -> bool {
        self.saved_revision == self.revision
    }

    /// What the seal says about the evaluation as it is now.
    pub fn seal_state(&mut self) -> SealState {
        match &self.seal {
            Some((revision, state)) if *revision == self.revision => state.clone(),
            _ => {
                let state = self.evaluation.seal_state();
                self.seal = Some((self.revision, state.clone()));
                state
            }
        }
    }

    /// Changes the evaluation (unless it is submitted, and so read-only) and records the
    /// change at `now`.
    pub fn edit(&mut self, now: f64, change: impl FnOnce(&mut Evaluation)) {
        if !self.evaluation.is_submitted() {
            change(&mut self.evaluation);
            self.touch(now);
        }
    }
}
