//! The state the whole window shares ([`AppState`]): the library in memory, the screen, the
//! settings, notices and the dialog, and each screen's own state (the plan builder, the
//! session, the pack editor), which lives beside its screen. Views read it and queue
//! [`Action`](super::action::Action)s; the app applies them after the frame.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use std::sync::mpsc::{Receiver, TryRecvError};

use super::dialogs::Dialog;
use super::notices::{Notice, NoticeKind};
use super::packs::PackEditor;
use super::plan_builder::PlanBuilder;
use super::search::{QuestionIndex, QuestionKey};
use super::session::Session;
use crate::domain::{
    CompetencyVocabulary, Evaluation, EvaluationStatus, InterviewPlan, Question, QuestionPack,
    Recommendation, SealState,
};
use crate::storage::{Library, Loaded, PackEntry, PackOrigin};

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
    /// Whether its seal still matches (for submitted ones).
    pub seal: SealState,
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
            seal: evaluation.seal_state(),
        }
    }
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
    /// Evaluation files chosen for a debrief packet: ticked on Home or dropped on the window
    /// (the shared files of other interviewers), in the order chosen.
    pub debrief_files: Vec<PathBuf>,
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
    pub pack_editor: Option<PackEditor>,
    /// The competency vocabulary packs share (offered in the pack editor).
    pub vocabulary: CompetencyVocabulary,
    /// Set when the system's file dialog turned out to be missing (no desktop portal):
    /// dialogs then ask for typed paths only.
    pub no_file_chooser: bool,
    /// Packs being read, or the index being rebuilt, in the background.
    catalog_loading: Option<Receiver<Catalog>>,
    /// Bumped whenever `packs` changes, so an index built for older packs is not installed.
    packs_generation: u64,
    /// The packs changed while a background job was running: index again when it is done.
    reindex_wanted: bool,
    next_notice: u64,
}

/// What a background job over the packs produced.
struct Catalog {
    /// The packs read from disk; `None` when only the index was rebuilt.
    packs: Option<Vec<PackEntry>>,
    /// The index, built for packs of `generation`.
    index: QuestionIndex,
    /// Which `packs_generation` the index was built for.
    generation: u64,
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
            packs: Some(loaded.items),
            index,
            generation: 0,
        }
    }

    /// Indexes packs already in memory, as of `generation`.
    fn index(packs: &[PackEntry], generation: u64) -> Self {
        Self {
            packs: None,
            index: QuestionIndex::new(packs),
            generation,
            errors: Vec::new(),
        }
    }
}

/// Runs `make` on a background thread and hands back a receiver for its result; `None` if no
/// thread could be started.
fn in_background(make: impl FnOnce() -> Catalog + Send + 'static) -> Option<Receiver<Catalog>> {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("onsite-packs".into())
        .spawn(move || {
            // The window may be gone by the time the packs are ready; then no one waits.
            let _ = sender.send(make());
        })
        .ok()
        .map(|_| receiver)
}

impl AppState {
    /// Loads packs, plans and evaluations from `library` (bundled packs only without one).
    pub fn load(library: Option<Library>, settings: Settings) -> Self {
        let mut state = Self::empty(library, settings);
        state.install_catalog(Catalog::load(state.library.as_ref()));
        state.reload_records();
        state
    }

    /// Like [`AppState::load`], but the packs are read and indexed on a background thread, so
    /// a large library does not delay the first frame; [`AppState::poll_catalog`] picks them
    /// up. Plans and evaluations (the home screen) are read at once.
    pub fn load_in_background(library: Option<Library>, settings: Settings) -> Self {
        let mut state = Self::empty(library, settings);
        state.reload_records();
        let library = state.library.clone();
        match in_background(move || Catalog::load(library.as_ref())) {
            Some(receiver) => state.catalog_loading = Some(receiver),
            None => state.install_catalog(Catalog::load(state.library.as_ref())),
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
            vocabulary: crate::storage::bundled_vocabulary().unwrap_or(CompetencyVocabulary {
                format: crate::domain::FORMAT_VERSION,
                competencies: Vec::new(),
            }),
            no_file_chooser: false,
            debrief_files: Vec::new(),
            catalog_loading: None,
            packs_generation: 0,
            reindex_wanted: false,
            next_notice: 0,
        }
    }

    /// Whether the packs are still being read or indexed in the background.
    pub fn is_loading_packs(&self) -> bool {
        self.catalog_loading.is_some()
    }

    /// Installs the packs once the background work has finished; returns whether it has.
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
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                // The thread died: index here rather than be left without search.
                self.catalog_loading = None;
                self.install_catalog(Catalog::index(&self.packs, self.packs_generation));
                true
            }
        }
    }

    fn install_catalog(&mut self, catalog: Catalog) {
        if let Some(packs) = catalog.packs {
            // Keys into the old list would point at the wrong questions.
            self.builder.selected = None;
            self.packs = packs;
            self.packs_generation += 1;
            self.index = catalog.index;
        } else if catalog.generation == self.packs_generation {
            self.index = catalog.index;
        } else {
            self.reindex_wanted = true;
        }
        self.builder.results_for = None;
        for error in catalog.errors {
            self.error(error);
        }
        if std::mem::take(&mut self.reindex_wanted) {
            self.reindex();
        }
    }

    /// Puts the user pack just written at `path` into the library in memory, in place of the
    /// copy read from that file (or after the others if it is new), without re-reading any
    /// file; the search index is rebuilt in the background.
    pub fn install_user_pack(&mut self, path: PathBuf, pack: QuestionPack) {
        let origin = PackOrigin::User(path);
        let entry = PackEntry::new(pack, origin.clone());
        match self.packs.iter_mut().find(|e| e.origin == origin) {
            Some(existing) => *existing = entry,
            None => self.packs.push(entry),
        }
        self.packs_generation += 1;
        self.builder.selected = None;
        self.builder.results_for = None;
        self.reindex();
    }

    /// Takes the user pack read from `path` out of the library (its file is gone).
    pub fn remove_user_pack(&mut self, path: &Path) -> bool {
        let origin = PackOrigin::User(path.to_owned());
        let before = self.packs.len();
        self.packs.retain(|entry| entry.origin != origin);
        if self.packs.len() == before {
            return false;
        }
        self.packs_generation += 1;
        self.builder.selected = None;
        self.builder.results_for = None;
        self.reindex();
        true
    }

    /// Rebuilds the search index over the packs in memory, off the UI thread (after the job
    /// already running, if one is).
    fn reindex(&mut self) {
        if self.catalog_loading.is_some() {
            self.reindex_wanted = true;
            return;
        }
        // Packs are shared, so the snapshot is cheap whatever the library's size.
        let snapshot = self.packs.clone();
        let generation = self.packs_generation;
        match in_background(move || Catalog::index(&snapshot, generation)) {
            Some(receiver) => self.catalog_loading = Some(receiver),
            None => self.install_catalog(Catalog::index(&self.packs, generation)),
        }
    }

    /// Re-reads plans and evaluations (after taking the library over from another window,
    /// which may have changed them).
    pub(crate) fn reload_records(&mut self) {
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
        self.notice_with_button(NoticeKind::Error, text.into(), None);
    }

    /// Shows an information notice.
    pub fn info(&mut self, text: impl Into<String>) {
        self.notice_with_button(NoticeKind::Info, text.into(), None);
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
            shown_at: None,
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
