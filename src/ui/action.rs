//! Everything a view can ask for. Views push actions while drawing; the app applies them after
//! the frame, so drawing never changes what it is drawing and flows can be tested as data.
//!
//! Actions come in families, each applied by one function beside the state it changes:
//! [`PlanAction`] by the plan builder, [`InterviewAction`] by the session, [`RecordAction`]
//! (evaluation files) and [`PackAction`] by the app's modules of the same names.

use std::path::PathBuf;

use super::dialogs::Dialog;
use super::search::QuestionKey;
use super::session::NotesTab;
use super::state::{Screen, ThemeChoice};
use crate::domain::{Outcome, Recommendation};

/// A request from a view.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show a screen.
    Go(Screen),
    /// Open a dialog.
    Open(Dialog),
    /// Close the dialog.
    CloseDialog,
    /// Remove a notice.
    Dismiss(u64),
    /// Open any Onsite file: an evaluation (resume or review), a plan (builder), a pack
    /// (import) or a document (import preview).
    OpenFile(PathBuf),
    /// Change the theme.
    SetTheme(ThemeChoice),
    /// Change the zoom factor.
    SetZoom(f32),
    /// Close the window (after the unsaved-changes question).
    Quit,
    /// Try to take the library's lock again (a read-only window whose other window closed).
    RetryLock,
    /// Building the interview plan.
    Plan(PlanAction),
    /// Taking, reviewing and submitting the open evaluation.
    Interview(InterviewAction),
    /// Evaluation files: resume, review, export, delete.
    Record(RecordAction),
    /// Question packs: import, edit, save, export.
    Packs(PackAction),
}

/// Building the interview plan.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanAction {
    /// Start a new, empty plan.
    New,
    /// Open a saved plan in the builder.
    Load(PathBuf),
    /// Save the plan being built.
    Save,
    /// Append a library question to the plan (unless it is in it already).
    Add(QuestionKey),
    /// Append the inline custom question to the plan.
    AddCustom,
    /// Remove a plan entry.
    Remove(usize),
    /// Move a plan entry from one position to another.
    Move {
        /// Current position.
        from: usize,
        /// New position.
        to: usize,
    },
    /// Start an interview for the plan in the builder.
    Start {
        /// The candidate's name.
        candidate: String,
        /// The role.
        role: String,
    },
    /// Ask where to print the plan as an interview kit.
    PrintKit,
    /// Print the kit as the dialog says.
    RunKit,
}

/// Taking, reviewing and submitting the open evaluation.
#[derive(Clone, Debug, PartialEq)]
pub enum InterviewAction {
    /// Show question `n` (0-based) of the interview.
    GoTo(usize),
    /// Set the outcome of question `n`.
    SetOutcome(usize, Outcome),
    /// Rate the current question at the n-th rubric level (1-based), or clear with 0.
    RateCurrent(u8),
    /// Toggle "not asked" on the current question.
    ToggleNotAsked,
    /// Toggle "no evidence" on the current question.
    ToggleNoEvidence,
    /// Tick or untick a key point of question `n`.
    ToggleKeyPoint(usize, usize),
    /// Tick or untick an observed red flag of question `n`.
    ToggleRedFlag(usize, usize),
    /// Insert a `[mm:ss]` line into the current question's notes.
    InsertTimestamp,
    /// Switch the notes editor.
    ShowNotes(NotesTab),
    /// A text field of the evaluation was edited in place.
    Edited,
    /// Stop the interview and go to the review.
    End,
    /// Set the recommendation.
    SetRecommendation(Option<Recommendation>),
    /// Hand the evaluation in.
    Submit,
    /// Make a submitted evaluation editable again.
    Reopen,
    /// Correct the candidate's name and the role (until the evaluation is submitted).
    SetCandidate {
        /// The candidate's name.
        candidate: String,
        /// The role.
        role: String,
    },
}

/// Evaluation files.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordAction {
    /// Continue an interview in progress.
    Resume(PathBuf),
    /// Open an evaluation on the review screen.
    Review(PathBuf),
    /// Ask where to export an evaluation.
    Export(PathBuf),
    /// Ask where to write an evaluation's shared copy for the debrief.
    Share(PathBuf),
    /// Export now, with the dialog's choices.
    RunExport,
    /// Open a file with the system's viewer.
    OpenExternally(PathBuf),
    /// Delete an evaluation file (after confirmation).
    Delete(PathBuf),
    /// Choose (or un-choose) an evaluation file for the debrief packet.
    ChooseForDebrief(PathBuf, bool),
    /// Ask where to write the debrief packet of the chosen evaluations.
    Debrief,
    /// Write the packet as the dialog says.
    RunDebrief,
}

/// Question packs.
#[derive(Clone, Debug, PartialEq)]
pub enum PackAction {
    /// Ask for pack files to import (native dialog, with a typed path as fallback).
    BrowseImport,
    /// Import these pack files.
    Import(Vec<PathBuf>),
    /// Answer the question asked when an imported pack's id is already taken.
    ResolveImport(ImportChoice),
    /// Pick a Markdown or text document to import as a pack.
    BrowseDocument,
    /// Read this document into a pack and show the preview.
    ImportDocument(PathBuf),
    /// Save the previewed pack into the library.
    AcceptPreview,
    /// Open the previewed pack in the editor without saving it.
    EditPreview,
    /// Start a new, empty pack in the editor.
    New,
    /// Open the pack at this index of the library in the editor.
    Open(usize),
    /// Copy the open pack into a new, editable user pack.
    Duplicate,
    /// Save the edited pack.
    Save,
    /// Save the pack editor's changes, then do the action.
    SaveThen(Box<Action>),
    /// Throw away the pack editor's unsaved changes, then do the action.
    DiscardThen(Box<Action>),
    /// Undo the last change in the pack editor.
    Undo,
    /// Redo the last undone change in the pack editor.
    Redo,
    /// Change the edited pack's questions (add, duplicate, delete, move).
    Edit(QuestionEdit),
    /// Ask where to export the edited pack.
    ExportDialog,
    /// Write the edited pack to the path in the export dialog.
    RunExport,
}

/// A structural change to the edited pack's list of questions, applied as one undo step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionEdit {
    /// Add a new, empty question after the last.
    Add,
    /// Copy the selected question below it.
    Duplicate,
    /// Delete the selected question.
    Delete,
    /// Move the selected question one place up.
    Up,
    /// Move the selected question one place down.
    Down,
}

/// What to do with an imported pack whose id is already in the library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportChoice {
    /// Import it under a new id, beside the existing one.
    KeepBoth,
    /// Replace the existing file, keeping a backup copy.
    Replace,
    /// Do not import it.
    Cancel,
}

impl From<PlanAction> for Action {
    fn from(action: PlanAction) -> Self {
        Action::Plan(action)
    }
}

impl From<InterviewAction> for Action {
    fn from(action: InterviewAction) -> Self {
        Action::Interview(action)
    }
}

impl From<RecordAction> for Action {
    fn from(action: RecordAction) -> Self {
        Action::Record(action)
    }
}

impl From<PackAction> for Action {
    fn from(action: PackAction) -> Self {
        Action::Packs(action)
    }
}
