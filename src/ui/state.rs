//! The application state, owned in one place ([`AppState`]). Views read it and queue
//! [`Action`](super::action::Action)s; the app applies them after the frame.

use std::path::PathBuf;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::search::{Filter, QuestionIndex, QuestionKey};
use crate::domain::{
    Evaluation, EvaluationStatus, InterviewPlan, Question, Recommendation, Rubric,
};
use crate::storage::autosave::Debounce;
use crate::storage::{Library, Loaded, PackEntry};

/// The screens of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Start, resume and find past interviews.
    Home,
    /// Pick and order questions.
    PlanBuilder,
    /// One question at a time, with notes, rubric and timer.
    Interview,
    /// Check every answer, decide and submit.
    Review,
    /// Browse and edit question packs.
    Packs,
    /// Theme, zoom, interviewer name.
    Settings,
}

/// Theme preference.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Always dark.
    Dark,
    /// Always light.
    Light,
}

/// What is remembered between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The interviewer's name, filled into new evaluations.
    pub interviewer: String,
    /// Light, dark or system theme.
    pub theme: ThemeChoice,
    /// Zoom factor (1 = 100 %).
    pub zoom: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            interviewer: String::new(),
            theme: ThemeChoice::System,
            zoom: 1.0,
        }
    }
}

/// One past or running evaluation, as listed on the home screen.
#[derive(Clone, Debug, PartialEq)]
pub struct EvaluationListing {
    /// Its file.
    pub path: PathBuf,
    /// The candidate.
    pub candidate: String,
    /// The role.
    pub role: String,
    /// When it started.
    pub started_at: Option<Timestamp>,
    /// In progress or submitted.
    pub status: EvaluationStatus,
    /// The verdict, if any.
    pub recommendation: Option<Recommendation>,
}

impl EvaluationListing {
    /// The listing of `evaluation` stored at `path`.
    pub fn of(path: PathBuf, evaluation: &Evaluation) -> Self {
        Self {
            path,
            candidate: evaluation.candidate.clone(),
            role: evaluation.role.clone(),
            started_at: evaluation.started_at,
            status: evaluation.status,
            recommendation: evaluation.recommendation,
        }
    }
}

/// A question being written inline in the plan builder.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomDraft {
    /// The prompt.
    pub prompt: String,
    /// Key points, one per line.
    pub key_points: String,
    /// Time budget.
    pub minutes: u32,
}

impl Default for CustomDraft {
    fn default() -> Self {
        Self {
            prompt: String::new(),
            key_points: String::new(),
            minutes: 10,
        }
    }
}

impl CustomDraft {
    /// The question this draft describes, with the standard rubric.
    pub fn to_question(&self, id: String) -> Question {
        let mut question = Question::new(id, self.prompt.trim(), self.minutes.max(1));
        question.key_points = self
            .key_points
            .lines()
            .map(|line| line.trim().trim_start_matches(['-', '*', '•']).trim())
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect();
        question.rubric = Some(Rubric::standard());
        question.competency = "Custom".to_owned();
        question
    }
}

/// The plan builder's state.
pub struct PlanBuilder {
    /// The plan being built.
    pub plan: InterviewPlan,
    /// Where the plan is saved, once it is.
    pub path: Option<PathBuf>,
    /// Changes not saved to `path` yet.
    pub unsaved: bool,
    /// Search box and filters.
    pub filter: Filter,
    /// The filter the current `results` were computed for.
    pub results_for: Option<Filter>,
    /// Matching questions, best first.
    pub results: Vec<QuestionKey>,
    /// The question previewed in the library list.
    pub selected: Option<QuestionKey>,
    /// The selected plan entry.
    pub selected_entry: Option<usize>,
    /// The inline "add your own question" form, when open.
    pub custom: Option<CustomDraft>,
    /// Ask the search box for focus on the next frame.
    pub focus_search: bool,
}

impl PlanBuilder {
    /// An empty builder for a new plan.
    pub fn new(interviewer_role: &str) -> Self {
        Self {
            plan: InterviewPlan::new("New interview plan", interviewer_role),
            path: None,
            unsaved: false,
            filter: Filter::default(),
            results_for: None,
            results: Vec::new(),
            selected: None,
            selected_entry: None,
            custom: None,
            focus_search: true,
        }
    }
}

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
    /// Whether the purpose is unfolded.
    pub show_purpose: bool,
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
            show_purpose: true,
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
}

/// How bad a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something went well (import done, file exported).
    Info,
    /// Something failed; the text says what and where.
    Error,
}

/// A dismissible message at the top of the window.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Unique id, for dismissing.
    pub id: u64,
    /// Info or error.
    pub kind: NoticeKind,
    /// The message (may have several lines).
    pub text: String,
    /// A button offered with the message: its label and what it does.
    pub button: Option<(String, super::action::Action)>,
}

/// What a typed path is for, in the path dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Import a question pack from this file.
    ImportPack,
    /// Import questions from this Markdown or text document.
    ImportDocument,
}

/// A dialog over the window.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// Ask for the candidate's name before an interview starts.
    StartInterview {
        /// The candidate's name.
        candidate: String,
        /// The role, prefilled from the plan.
        role: String,
    },
    /// Confirm deleting an evaluation.
    ConfirmDelete {
        /// Its file.
        path: PathBuf,
        /// Its candidate, to name in the question.
        candidate: String,
    },
    /// Export an evaluation as a PDF.
    Export {
        /// The evaluation file.
        source: PathBuf,
        /// Where to write the PDF, as typed or picked.
        target: String,
        /// Paper size.
        paper: crate::report::Paper,
        /// Whether to include private notes.
        include_private_notes: bool,
    },
    /// Questions read from a document, shown before anything is saved.
    ImportPreview {
        /// The document.
        source: PathBuf,
        /// The pack made from it.
        pack: Box<crate::domain::QuestionPack>,
        /// What the importer could not place or had to guess, one line each.
        warnings: Vec<String>,
    },
    /// An imported pack has an id already in the library.
    ImportConflict {
        /// The pack being imported.
        pack: Box<crate::domain::QuestionPack>,
        /// The user file with that id, or `None` when the id is a bundled pack's.
        existing: Option<PathBuf>,
        /// Files still to import after this one.
        remaining: Vec<PathBuf>,
    },
    /// The pack editor has unsaved changes: save, discard or stay.
    UnsavedPack {
        /// What to do once the question is answered (unless the answer is to stay).
        then: Box<super::action::Action>,
    },
    /// Save a copy of the edited pack somewhere (RON, or Markdown for a `.md` name).
    ExportPack {
        /// The path typed or picked.
        target: String,
    },
    /// Type a path (always offered beside the native dialog, which may be unavailable).
    Path {
        /// What the path is for.
        purpose: PathPurpose,
        /// The path typed so far.
        text: String,
    },
}

/// Everything the window shows and edits.
pub struct AppState {
    /// The user's library, if it could be opened.
    pub library: Option<Library>,
    /// Bundled and user packs.
    pub packs: Vec<PackEntry>,
    /// Search over `packs`.
    pub index: QuestionIndex,
    /// Saved plans.
    pub plans: Vec<(PathBuf, InterviewPlan)>,
    /// Past and running evaluations, newest first.
    pub evaluations: Vec<EvaluationListing>,
    /// The screen shown.
    pub screen: Screen,
    /// Remembered settings.
    pub settings: Settings,
    /// The plan builder.
    pub builder: PlanBuilder,
    /// The evaluation open in the interview or review screens.
    pub session: Option<Session>,
    /// Messages at the top of the window.
    pub notices: Vec<Notice>,
    /// The dialog shown, if any.
    pub dialog: Option<Dialog>,
    /// The pack open on the packs screen.
    pub pack_editor: Option<super::pack_editor::PackEditor>,
    /// Packs being read in the background at start-up.
    catalog_loading: Option<std::sync::mpsc::Receiver<Catalog>>,
    next_notice: u64,
}

/// Every pack with its search index, read together.
struct Catalog {
    packs: Vec<PackEntry>,
    index: QuestionIndex,
    errors: Vec<String>,
}

impl Catalog {
    /// Reads bundled and user packs and indexes them.
    fn load(library: Option<&Library>) -> Self {
        let loaded = match library {
            Some(library) => library.packs(),
            None => crate::storage::bundled_packs(),
        };
        let index = QuestionIndex::new(&loaded.items);
        Self {
            errors: loaded.errors.iter().map(ToString::to_string).collect(),
            packs: loaded.items,
            index,
        }
    }
}

impl AppState {
    /// Loads packs, plans and evaluations from `library` (bundled packs only without one).
    pub fn load(library: Option<Library>, settings: Settings) -> Self {
        let mut state = Self::empty(library, settings);
        state.reload();
        state
    }

    /// Like [`AppState::load`], but the packs are read and indexed on a background thread, so
    /// a large library does not delay the first frame; [`AppState::poll_catalog`] picks them
    /// up. Plans and evaluations (the home screen) are read at once.
    pub fn load_in_background(library: Option<Library>, settings: Settings) -> Self {
        let mut state = Self::empty(library, settings);
        state.reload_records();
        let (sender, receiver) = std::sync::mpsc::channel();
        let library = state.library.clone();
        let spawned = std::thread::Builder::new()
            .name("onsite-packs".into())
            .spawn(move || {
                // The window may be gone by the time the packs are read; then no one waits.
                let _ = sender.send(Catalog::load(library.as_ref()));
            });
        match spawned {
            Ok(_) => state.catalog_loading = Some(receiver),
            Err(_) => state.install_catalog(Catalog::load(state.library.as_ref())),
        }
        state
    }

    fn empty(library: Option<Library>, settings: Settings) -> Self {
        Self {
            library,
            packs: Vec::new(),
            index: QuestionIndex::new(&[]),
            plans: Vec::new(),
            evaluations: Vec::new(),
            screen: Screen::Home,
            settings,
            builder: PlanBuilder::new(""),
            session: None,
            notices: Vec::new(),
            dialog: None,
            pack_editor: None,
            catalog_loading: None,
            next_notice: 0,
        }
    }

    /// Whether the packs are still being read in the background.
    pub fn is_loading_packs(&self) -> bool {
        self.catalog_loading.is_some()
    }

    /// Installs the packs once the background reading has finished; returns whether it has.
    pub fn poll_catalog(&mut self) -> bool {
        let Some(receiver) = &self.catalog_loading else {
            return true;
        };
        match receiver.try_recv() {
            Ok(catalog) => {
                self.catalog_loading = None;
                self.install_catalog(catalog);
                true
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => false,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.catalog_loading = None;
                let catalog = Catalog::load(self.library.as_ref());
                self.install_catalog(catalog);
                true
            }
        }
    }

    /// Re-reads the library; files that fail to load are reported as notices.
    pub fn reload(&mut self) {
        self.install_catalog(Catalog::load(self.library.as_ref()));
        self.reload_records();
    }

    fn install_catalog(&mut self, catalog: Catalog) {
        self.packs = catalog.packs;
        self.index = catalog.index;
        self.builder.results_for = None;
        for error in catalog.errors {
            self.error(error);
        }
    }

    /// Re-reads plans and evaluations.
    fn reload_records(&mut self) {
        let (plans, evaluations) = match &self.library {
            Some(library) => (library.plans(), library.evaluations()),
            None => (Loaded::default(), Loaded::default()),
        };
        let errors: Vec<String> = plans
            .errors
            .iter()
            .chain(&evaluations.errors)
            .map(ToString::to_string)
            .collect();
        self.plans = plans.items;
        let mut listings: Vec<EvaluationListing> = evaluations
            .items
            .iter()
            .map(|(path, evaluation)| EvaluationListing::of(path.clone(), evaluation))
            .collect();
        listings.sort_by_key(|l| std::cmp::Reverse(l.started_at));
        self.evaluations = listings;
        for error in errors {
            self.error(error);
        }
    }

    /// Shows an error notice.
    pub fn error(&mut self, text: impl Into<String>) {
        self.notice(NoticeKind::Error, text.into());
    }

    /// Shows an information notice.
    pub fn info(&mut self, text: impl Into<String>) {
        self.notice(NoticeKind::Info, text.into());
    }

    fn notice(&mut self, kind: NoticeKind, text: String) {
        self.notice_with_button(kind, text, None);
    }

    /// Shows a notice with a button, e.g. "Open" after an export.
    pub fn notice_with_button(
        &mut self,
        kind: NoticeKind,
        text: String,
        button: Option<(String, super::action::Action)>,
    ) {
        self.next_notice += 1;
        self.notices.push(Notice {
            id: self.next_notice,
            kind,
            text,
            button,
        });
    }

    /// The question at `key`, if it still exists.
    pub fn question(&self, key: QuestionKey) -> Option<&Question> {
        self.packs.get(key.pack)?.pack.questions.get(key.question)
    }

    /// Updates the listing of an evaluation after it changed.
    pub fn update_listing(&mut self, path: &std::path::Path, evaluation: &Evaluation) {
        let listing = EvaluationListing::of(path.to_owned(), evaluation);
        match self.evaluations.iter_mut().find(|l| l.path == path) {
            Some(existing) => *existing = listing,
            None => self.evaluations.insert(0, listing),
        }
    }
}
