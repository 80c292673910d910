//! Everything a view can ask for. Views push actions while drawing; the app applies them after
//! the frame, so drawing never changes what it is drawing and flows can be tested as data.

use std::path::PathBuf;

use super::search::QuestionKey;
use super::state::{Dialog, NotesTab, Screen, ThemeChoice};
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
    /// Ask for pack files to import (native dialog, with a typed path as fallback).
    BrowseImport,
    /// Import these pack files.
    ImportPacks(Vec<PathBuf>),
    /// Answer the question asked when an imported pack's id is already taken.
    ResolveImport(ImportChoice),

    /// Start a new, empty plan.
    NewPlan,
    /// Open a saved plan in the builder.
    LoadPlan(PathBuf),
    /// Save the plan being built.
    SavePlan,
    /// Append a library question to the plan.
    AddToPlan(QuestionKey),
    /// Append the inline custom question to the plan.
    AddCustomQuestion,
    /// Remove a plan entry.
    RemoveEntry(usize),
    /// Move a plan entry from one position to another.
    MoveEntry {
        /// Current position.
        from: usize,
        /// New position.
        to: usize,
    },
    /// Start an interview for the plan in the builder.
    StartInterview {
        /// The candidate's name.
        candidate: String,
        /// The role.
        role: String,
    },

    /// Open any Onsite file: an evaluation (resume or review), a plan (builder) or a pack
    /// (import).
    OpenFile(PathBuf),
    /// Continue an interview in progress.
    Resume(PathBuf),
    /// Open an evaluation on the review screen.
    OpenEvaluation(PathBuf),
    /// Ask where to export an evaluation as a PDF.
    ExportPdf(PathBuf),
    /// Export now, with the dialog's choices.
    RunExport,
    /// Open a file with the system's viewer.
    OpenExternally(PathBuf),
    /// Delete an evaluation file (after confirmation).
    DeleteEvaluation(PathBuf),

    /// Show question `n` (0-based) of the interview.
    GoToQuestion(usize),
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
    EndInterview,
    /// Set the recommendation.
    SetRecommendation(Option<Recommendation>),
    /// Hand the evaluation in.
    Submit,
    /// Make a submitted evaluation editable again.
    Reopen,

    /// Start a new, empty pack in the editor.
    NewPack,
    /// Open the pack at this index of the library in the editor.
    OpenPack(usize),
    /// Copy the open pack into a new, editable user pack.
    DuplicatePack,
    /// Save the edited pack.
    SavePack,
    /// Ask where to export the edited pack.
    ExportPackDialog,
    /// Write the edited pack to the path in the export dialog.
    RunPackExport,
    /// Undo the last change in the pack editor.
    Undo,
    /// Redo the last undone change in the pack editor.
    Redo,
    /// Throw away the pack editor's unsaved changes, then do the action.
    DiscardPackChanges(Box<Action>),
    /// Save the pack editor's changes, then do the action.
    SavePackThen(Box<Action>),
    /// Close the window (after the unsaved-changes question).
    Quit,
    /// Pick a Markdown or text document to import as a pack.
    BrowseDocumentImport,
    /// Read this document into a pack and show the preview.
    ImportDocument(PathBuf),
    /// Save the previewed pack into the library.
    AcceptImportPreview,
    /// Open the previewed pack in the editor without saving it.
    EditImportPreview,

    /// Change the theme.
    SetTheme(ThemeChoice),
    /// Change the zoom factor.
    SetZoom(f32),
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
