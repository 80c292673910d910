//! The app: owns the state, runs one frame (input → views → actions → saving), and applies
//! actions. [`OnsiteApp::show`] is the whole frame, so tests drive it with `egui_kittest`
//! exactly as eframe does.

use std::path::PathBuf;
use std::time::Duration;

use eframe::egui;
use jiff::Timestamp;

use super::action::{Action, ImportChoice};
use super::export::{self, RunningExport};
use super::pack_editor::{PackEditor, SaveTarget};
use super::shortcuts::{Command, Scope};
use super::state::{
    AppState, Dialog, NotesTab, NoticeKind, PathPurpose, Screen, Session, Settings, ThemeChoice,
};
use super::{home, interview, notices, packs, plan_builder, review, settings, theme};
use crate::domain::{
    Evaluation, EvaluationStatus, Outcome, PlanEntry, PlanQuestion, QuestionPack, QuestionRef,
    slugify,
};
use crate::storage::autosave::Autosaver;
use crate::storage::{self, FileKind, Library, load};

/// Key under which settings are kept in eframe's storage.
const SETTINGS_KEY: &str = "onsite-settings";

/// How long closing the window waits for the last save.
const CLOSE_FLUSH: Duration = Duration::from_secs(5);

/// Seconds between retries of a failed save.
const RETRY_SECONDS: f64 = 2.0;

/// Seconds between saves caused only by the running clock.
const CLOCK_SAVE_SECONDS: f64 = 10.0;

/// The application.
pub struct OnsiteApp {
    /// Everything shown and edited.
    pub state: AppState,
    actions: Vec<Action>,
    autosaver: Option<Autosaver>,
    was_focused: bool,
    styled: bool,
    /// egui time of the last frame, for work done between frames (closing, flushing).
    last_now: f64,
    /// PDF exports under way.
    exports: Vec<RunningExport>,
    /// Set once the user chose to close despite (or after saving) unsaved changes.
    quitting: bool,
}

impl OnsiteApp {
    /// An app over `library` (bundled packs only when `None`) with remembered `settings`.
    pub fn new(library: Option<Library>, settings: Settings) -> Self {
        Self::with_state(AppState::load(library, settings))
    }

    /// Like [`OnsiteApp::new`], but packs are read after the window is up (see
    /// [`AppState::load_in_background`]): the real window uses this so start-up stays quick
    /// with a large library.
    pub fn new_in_background(library: Option<Library>, settings: Settings) -> Self {
        Self::with_state(AppState::load_in_background(library, settings))
    }

    fn with_state(state: AppState) -> Self {
        Self {
            state,
            actions: Vec::new(),
            autosaver: None,
            was_focused: true,
            styled: false,
            last_now: 0.0,
            exports: Vec::new(),
            quitting: false,
        }
    }

    /// Queues an action as if a view had asked for it (used by tests and the menu).
    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// Runs one frame inside `ui`.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.styled {
            theme::install(&ctx);
            apply_theme(&ctx, self.state.settings.theme);
            ctx.set_zoom_factor(self.state.settings.zoom);
            self.styled = true;
        }
        let now = ctx.input(|i| i.time);
        self.last_now = now;
        if self.autosaver.is_none() {
            self.autosaver = start_autosaver(&mut self.state, &ctx);
        }
        if !self.state.poll_catalog() {
            // Only during start-up; a few polls until the packs arrive.
            ctx.request_repaint_after(Duration::from_millis(30));
        }
        self.collect_save_reports();
        self.collect_exports();
        self.collect_dropped_files(&ctx);
        self.handle_shortcuts(&ctx);
        self.tick_clock(now);

        let mut actions = std::mem::take(&mut self.actions);
        top_bar(ui, &self.state, &mut actions);
        notices::notices_ui(ui, &self.state, &mut actions);
        egui::CentralPanel::default().show(ui, |ui| match self.state.screen {
            Screen::Home => home::home_ui(ui, &self.state, &mut actions),
            Screen::PlanBuilder => plan_builder::plan_builder_ui(ui, &mut self.state, &mut actions),
            Screen::Interview => interview::interview_ui(ui, &mut self.state, now, &mut actions),
            Screen::Review => review::review_ui(ui, &mut self.state, &mut actions),
            Screen::Settings => settings::settings_ui(ui, &mut self.state, &mut actions),
            Screen::Packs => packs::packs_ui(ui, &mut self.state, now, &mut actions),
        });
        notices::dialog_ui(&ctx, &mut self.state, &mut actions);

        if !actions.is_empty() {
            // Actions change what is drawn; show the result without waiting for an event.
            ctx.request_repaint();
        }
        for action in actions {
            self.apply(action, &ctx, now);
        }
        self.autosave(&ctx, now);
    }

    /// Whether `action` would leave the pack editor with changes not saved.
    fn leaves_unsaved_pack(&self, action: &Action) -> bool {
        let unsaved = self
            .state
            .pack_editor
            .as_ref()
            .is_some_and(|editor| editor.unsaved && !editor.is_read_only());
        unsaved
            && match action {
                Action::Go(screen) => *screen != Screen::Packs,
                Action::NewPack | Action::OpenPack(_) | Action::Quit => true,
                Action::Resume(_) | Action::OpenEvaluation(_) | Action::NewPlan => true,
                _ => false,
            }
    }

    /// Applies one action to the state.
    fn apply(&mut self, action: Action, ctx: &egui::Context, now: f64) {
        if self.leaves_unsaved_pack(&action) {
            self.state.dialog = Some(Dialog::UnsavedPack {
                then: Box::new(action),
            });
            return;
        }
        let state = &mut self.state;
        match action {
            Action::Go(screen) => self.go(screen, now),
            Action::Open(dialog) => state.dialog = Some(dialog),
            Action::CloseDialog => state.dialog = None,
            Action::Dismiss(id) => state.notices.retain(|n| n.id != id),
            Action::BrowseImport => {
                // Without a desktop portal rfd returns at once as if cancelled, so typing a
                // path is always offered too.
                let picked = rfd::FileDialog::new()
                    .set_title("Import question packs")
                    .add_filter("Onsite pack", &["ron"])
                    .pick_files();
                match picked {
                    Some(paths) if !paths.is_empty() => self.import_packs(&paths),
                    _ => {
                        self.state.dialog = Some(Dialog::Path {
                            purpose: PathPurpose::ImportPack,
                            text: String::new(),
                        });
                    }
                }
            }
            Action::ImportPacks(paths) => self.import_packs(&paths),
            Action::ResolveImport(choice) => self.resolve_import(choice),
            Action::NewPlan => {
                state.builder = super::state::PlanBuilder::new("");
                state.screen = Screen::PlanBuilder;
            }
            Action::LoadPlan(path) => match load::<crate::domain::InterviewPlan>(&path) {
                Ok(plan) => {
                    state.builder = super::state::PlanBuilder::new("");
                    state.builder.plan = plan;
                    state.builder.path = Some(path);
                    state.screen = Screen::PlanBuilder;
                }
                Err(error) => state.error(error.to_string()),
            },
            Action::SavePlan => self.save_plan(),
            Action::AddToPlan(key) => {
                let reference = state.packs.get(key.pack).and_then(|entry| {
                    let question = entry.pack.questions.get(key.question)?;
                    Some(QuestionRef {
                        pack: entry.pack.id.clone(),
                        question: question.id.clone(),
                    })
                });
                if let Some(reference) = reference {
                    state.builder.plan.entries.push(PlanEntry {
                        question: PlanQuestion::FromPack(reference),
                        minutes: None,
                    });
                    state.builder.selected_entry = Some(state.builder.plan.entries.len() - 1);
                    state.builder.unsaved = true;
                }
            }
            Action::AddCustomQuestion => {
                if let Some(draft) = state.builder.custom.take() {
                    if draft.prompt.trim().is_empty() {
                        state.builder.custom = Some(draft);
                        return;
                    }
                    let taken: Vec<&str> = state
                        .builder
                        .plan
                        .entries
                        .iter()
                        .filter_map(|e| match &e.question {
                            PlanQuestion::Custom(q) => Some(q.id.as_str()),
                            PlanQuestion::FromPack(_) => None,
                        })
                        .collect();
                    let base = slugify(&draft.prompt, "custom");
                    let base: String = base.chars().take(40).collect();
                    let base = base.trim_end_matches('-').to_owned();
                    let id = (1..)
                        .map(|n| {
                            if n == 1 {
                                base.clone()
                            } else {
                                format!("{base}-{n}")
                            }
                        })
                        .find(|id| !taken.contains(&id.as_str()))
                        .unwrap_or(base);
                    state.builder.plan.entries.push(PlanEntry {
                        question: PlanQuestion::Custom(Box::new(draft.to_question(id))),
                        minutes: None,
                    });
                    state.builder.selected_entry = Some(state.builder.plan.entries.len() - 1);
                    state.builder.unsaved = true;
                }
            }
            Action::RemoveEntry(index) => {
                let entries = &mut state.builder.plan.entries;
                if index < entries.len() {
                    entries.remove(index);
                    state.builder.selected_entry = if entries.is_empty() {
                        None
                    } else {
                        Some(index.min(entries.len() - 1))
                    };
                    state.builder.unsaved = true;
                }
            }
            Action::MoveEntry { from, to } => {
                let entries = &mut state.builder.plan.entries;
                if from < entries.len() && to < entries.len() && from != to {
                    let entry = entries.remove(from);
                    entries.insert(to, entry);
                    state.builder.selected_entry = Some(to);
                    state.builder.unsaved = true;
                }
            }
            Action::StartInterview { candidate, role } => {
                self.start_interview(candidate, role, now)
            }
            Action::OpenFile(path) if is_document(&path) => {
                self.read_document(path);
            }
            Action::OpenFile(path) => {
                let kind = storage::format::read_text(&path)
                    .map(|text| storage::format::sniff_kind(&text));
                match kind {
                    Ok(Some(FileKind::Evaluation)) => {
                        self.open_evaluation(path, Screen::Interview, now);
                    }
                    Ok(Some(FileKind::Plan)) => self.actions.push(Action::LoadPlan(path)),
                    Ok(Some(FileKind::Pack)) => self.import_packs(&[path]),
                    Ok(Some(FileKind::Vocabulary)) => state.error(format!(
                        "{}: a competency vocabulary; Onsite uses the bundled one, so there is nothing to open",
                        path.display()
                    )),
                    Ok(None) => state.error(format!(
                        "{}: not an Onsite file (it should start with `QuestionPack(`, `InterviewPlan(` or `Evaluation(`)",
                        path.display()
                    )),
                    Err(error) => state.error(error.to_string()),
                }
            }
            Action::Resume(path) => self.open_evaluation(path, Screen::Interview, now),
            Action::OpenEvaluation(path) => self.open_evaluation(path, Screen::Review, now),
            Action::ExportPdf(source) => {
                let name = self
                    .evaluation_at(&source)
                    .map(|evaluation| export::suggested_file_name(&evaluation));
                match name {
                    Ok(name) => {
                        self.state.dialog = Some(Dialog::Export {
                            source,
                            target: export::default_folder().join(name).display().to_string(),
                            paper: crate::report::Paper::A4,
                            include_private_notes: false,
                        });
                    }
                    Err(error) => self.state.error(error),
                }
            }
            Action::RunExport => {
                let Some(Dialog::Export {
                    source,
                    target,
                    paper,
                    include_private_notes,
                }) = self.state.dialog.take()
                else {
                    return;
                };
                let evaluation = match self.evaluation_at(&source) {
                    Ok(evaluation) => evaluation,
                    Err(error) => return self.state.error(error),
                };
                let target = PathBuf::from(target.trim());
                match RunningExport::start(ctx, evaluation, target, paper, include_private_notes) {
                    Ok(running) => self.exports.push(running),
                    Err(error) => self
                        .state
                        .error(format!("Cannot start the export: {error}")),
                }
            }
            Action::OpenExternally(path) => {
                if let Err(error) = export::open_with_system(&path) {
                    state.error(format!("{}: could not open: {error}", path.display()));
                }
            }
            Action::DeleteEvaluation(path) => {
                state.dialog = None;
                if state.session.as_ref().is_some_and(|s| s.path == path) {
                    state.session = None;
                }
                match std::fs::remove_file(&path) {
                    Ok(()) => {
                        state.evaluations.retain(|l| l.path != path);
                        state.info("Evaluation deleted.");
                    }
                    Err(error) => {
                        state.error(format!("{}: could not delete: {error}", path.display()));
                    }
                }
            }
            Action::GoToQuestion(index) => self.go_to_question(index, now),
            Action::SetOutcome(index, outcome) => {
                self.edit(now, |evaluation| {
                    if let Some(answer) = evaluation.answers.get_mut(index) {
                        answer.outcome = outcome;
                    }
                });
            }
            Action::RateCurrent(level) => {
                self.edit(now, |evaluation| {
                    let Some(answer) = evaluation.answers.get_mut(evaluation.current) else {
                        return;
                    };
                    answer.outcome = if level == 0 {
                        Outcome::Unrated
                    } else {
                        match answer.rubric().levels.get(usize::from(level) - 1) {
                            Some(rubric_level) => Outcome::Rated(rubric_level.score),
                            None => answer.outcome,
                        }
                    };
                });
            }
            Action::ToggleNotAsked => self.toggle_current(now, Outcome::NotAsked),
            Action::ToggleNoEvidence => self.toggle_current(now, Outcome::NoEvidence),
            Action::ToggleKeyPoint(question, point) => self.edit(now, |evaluation| {
                if let Some(answer) = evaluation.answers.get_mut(question)
                    && point < answer.question.key_points.len()
                    && !answer.covered.remove(&point)
                {
                    answer.covered.insert(point);
                }
            }),
            Action::ToggleRedFlag(question, flag) => self.edit(now, |evaluation| {
                if let Some(answer) = evaluation.answers.get_mut(question)
                    && flag < answer.question.red_flags.len()
                    && !answer.red_flags_seen.remove(&flag)
                {
                    answer.red_flags_seen.insert(flag);
                }
            }),
            Action::InsertTimestamp => {
                if let Some(session) = &mut state.session {
                    let seconds = session
                        .evaluation
                        .answers
                        .get(session.evaluation.current)
                        .map_or(0, |a| a.seconds);
                    session.notes_tab = NotesTab::Question;
                    session.focus_notes = true;
                    let stamp = format!("[{:02}:{:02}] ", seconds / 60, seconds % 60);
                    interview::insert_line_at_cursor(ctx, session, &stamp);
                    session.touch(now);
                }
            }
            Action::ShowNotes(tab) => {
                if let Some(session) = &mut state.session {
                    session.notes_tab = tab;
                    session.focus_notes = true;
                }
            }
            Action::Edited => {
                if let Some(session) = &mut state.session {
                    session.touch(now);
                }
            }
            Action::EndInterview => {
                self.edit(now, |evaluation| {
                    if evaluation.ended_at.is_none() {
                        evaluation.ended_at = Some(Timestamp::now());
                    }
                });
                self.go(Screen::Review, now);
                self.save_now(now);
            }
            Action::SetRecommendation(recommendation) => {
                self.edit(now, |evaluation| evaluation.recommendation = recommendation);
            }
            Action::Submit => {
                let Some(session) = &state.session else {
                    return;
                };
                if let Err(missing) = review::submit_blockers(&session.evaluation) {
                    state.error(format!("Cannot submit yet: {missing}."));
                    return;
                }
                self.edit(now, |evaluation| {
                    evaluation.status = EvaluationStatus::Submitted;
                    evaluation.submitted_at = Some(Timestamp::now());
                    if evaluation.ended_at.is_none() {
                        evaluation.ended_at = evaluation.submitted_at;
                    }
                });
                self.save_now(now);
                self.state.info("Evaluation submitted.");
            }
            Action::Reopen => {
                if let Some(session) = &mut state.session {
                    session.evaluation.status = EvaluationStatus::InProgress;
                    session.evaluation.reopened_at.push(Timestamp::now());
                    session.touch(now);
                }
                self.save_now(now);
            }
            Action::NewPack => {
                let mut pack =
                    QuestionPack::new(self.unused_pack_id("my-questions"), "My questions");
                pack.author = self.state.settings.interviewer.clone();
                let mut editor = PackEditor::open(pack, SaveTarget::New);
                let question = editor.new_question();
                editor.apply(|pack, selected| {
                    pack.questions.push(question);
                    *selected = 0;
                });
                self.state.pack_editor = Some(editor);
                self.state.screen = Screen::Packs;
            }
            Action::OpenPack(index) => {
                if let Some(entry) = state.packs.get(index) {
                    let target = match &entry.origin {
                        storage::PackOrigin::Bundled => SaveTarget::Bundled,
                        storage::PackOrigin::User(path) => SaveTarget::File(path.clone()),
                    };
                    state.pack_editor = Some(PackEditor::open(entry.pack.clone(), target));
                    state.screen = Screen::Packs;
                }
            }
            Action::DuplicatePack => {
                let Some(editor) = &self.state.pack_editor else {
                    return;
                };
                let mut pack = editor.pack.clone();
                pack.id = self.unused_pack_id(&format!("{}-copy", pack.id));
                pack.title = format!("{} (copy)", pack.title);
                let mut editor = PackEditor::open(pack, SaveTarget::New);
                editor.unsaved = true;
                self.state.pack_editor = Some(editor);
            }
            Action::SavePack => {
                self.save_pack();
            }
            Action::SavePackThen(then) => {
                self.state.dialog = None;
                if self.save_pack() {
                    self.apply(*then, ctx, now);
                }
            }
            Action::DiscardPackChanges(then) => {
                self.state.dialog = None;
                if let Some(editor) = &mut self.state.pack_editor {
                    editor.unsaved = false;
                }
                self.state.pack_editor = None;
                self.apply(*then, ctx, now);
            }
            Action::Undo => {
                if let Some(editor) = &mut state.pack_editor {
                    editor.undo();
                }
            }
            Action::Redo => {
                if let Some(editor) = &mut state.pack_editor {
                    editor.redo();
                }
            }
            Action::ExportPackDialog => {
                if let Some(editor) = &state.pack_editor {
                    let name = format!("{}.ron", slugify(&editor.pack.id, "pack"));
                    state.dialog = Some(Dialog::ExportPack {
                        target: export::default_folder().join(name).display().to_string(),
                    });
                }
            }
            Action::RunPackExport => self.export_pack(),
            Action::Quit => {
                self.quitting = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Action::BrowseDocumentImport => {
                // As with packs: without a desktop portal rfd returns at once, so typing a
                // path is always offered.
                let picked = rfd::FileDialog::new()
                    .set_title("Import questions from a document")
                    .add_filter("Markdown or text", &["md", "markdown", "txt", "text"])
                    .pick_file();
                match picked {
                    Some(path) => self.actions.push(Action::ImportDocument(path)),
                    None => {
                        self.state.dialog = Some(Dialog::Path {
                            purpose: PathPurpose::ImportDocument,
                            text: String::new(),
                        });
                    }
                }
            }
            Action::ImportDocument(path) => self.read_document(path),
            Action::AcceptImportPreview => {
                if let Some(Dialog::ImportPreview { pack, .. }) = self.state.dialog.take() {
                    self.import_pack(*pack, Vec::new());
                }
            }
            Action::EditImportPreview => {
                if let Some(Dialog::ImportPreview { pack, .. }) = self.state.dialog.take() {
                    let mut pack = *pack;
                    pack.id = self.unused_pack_id(&pack.id);
                    let mut editor = PackEditor::open(pack, SaveTarget::New);
                    editor.unsaved = true;
                    self.state.pack_editor = Some(editor);
                    self.state.screen = Screen::Packs;
                }
            }
            Action::SetTheme(choice) => {
                state.settings.theme = choice;
                apply_theme(ctx, choice);
            }
            Action::SetZoom(zoom) => {
                let zoom = zoom.clamp(0.5, 3.0);
                state.settings.zoom = zoom;
                ctx.set_zoom_factor(zoom);
            }
        }
    }

    /// Changes the session's evaluation (unless submitted) and schedules a save.
    fn edit(&mut self, now: f64, change: impl FnOnce(&mut Evaluation)) {
        if let Some(session) = &mut self.state.session
            && !session.evaluation.is_submitted()
        {
            change(&mut session.evaluation);
            session.touch(now);
        }
    }

    fn toggle_current(&mut self, now: f64, outcome: Outcome) {
        self.edit(now, |evaluation| {
            if let Some(answer) = evaluation.answers.get_mut(evaluation.current) {
                answer.outcome = if answer.outcome == outcome {
                    Outcome::Unrated
                } else {
                    outcome
                };
            }
        });
    }

    fn go(&mut self, screen: Screen, now: f64) {
        if self.state.screen == Screen::Interview && screen != Screen::Interview {
            self.stop_clock(now);
            self.save_now(now);
        }
        if screen == Screen::Interview
            && let Some(session) = &mut self.state.session
        {
            session.focus_notes = true;
        }
        self.state.screen = screen;
    }

    fn go_to_question(&mut self, index: usize, now: f64) {
        let Some(session) = &mut self.state.session else {
            return;
        };
        if index >= session.evaluation.answers.len() || index == session.evaluation.current {
            return;
        }
        self.stop_clock(now);
        if let Some(session) = &mut self.state.session {
            session.evaluation.current = index;
            session.notes_tab = NotesTab::Question;
            session.focus_notes = true;
            session.touch(now);
        }
        // A question change is a natural pause: save at once.
        self.save_now(now);
    }

    /// Adds the running question's time to its answer and stops the clock.
    fn stop_clock(&mut self, now: f64) {
        self.tick_clock(now);
        if let Some(session) = &mut self.state.session {
            session.clock = None;
        }
    }

    /// Keeps the current answer's `seconds` up to date while the interview screen is shown.
    fn tick_clock(&mut self, now: f64) {
        let on_interview = self.state.screen == Screen::Interview;
        let Some(session) = &mut self.state.session else {
            return;
        };
        if !on_interview || session.evaluation.is_submitted() {
            session.clock = None;
            return;
        }
        let current = session.evaluation.current;
        let Some(answer) = session.evaluation.answers.get_mut(current) else {
            return;
        };
        let (started, base) = *session.clock.get_or_insert((now, answer.seconds));
        let seconds = base + (now - started).max(0.0) as u64;
        if seconds != answer.seconds {
            answer.seconds = seconds;
            // Time alone is saved now and then (every save carries it anyway); notes and
            // ratings are saved within a second.
            if !session.debounce.is_pending() && now - session.last_save_at >= CLOCK_SAVE_SECONDS {
                session.touch(now);
            }
        }
    }

    fn start_interview(&mut self, candidate: String, role: String, now: f64) {
        let state = &mut self.state;
        let candidate = candidate.trim().to_owned();
        if candidate.is_empty() {
            state.error("Enter the candidate's name to start the interview.");
            return;
        }
        let Some(library) = &state.library else {
            state.error("The library folder is not available, so the interview could not be saved. Check Settings.");
            return;
        };
        let plan = &state.builder.plan;
        let mut evaluation =
            match Evaluation::from_plan(plan, &state.packs, candidate, Timestamp::now()) {
                Ok(evaluation) => evaluation,
                Err(missing) => {
                    let names: Vec<String> = missing
                        .iter()
                        .map(|r| format!("{}/{}", r.pack, r.question))
                        .collect();
                    state.error(format!(
                        "These questions are no longer in the library: {}",
                        names.join(", ")
                    ));
                    return;
                }
            };
        if evaluation.answers.is_empty() {
            state.error("Add at least one question to the plan first.");
            return;
        }
        evaluation.role = role.trim().to_owned();
        evaluation.interviewer = state.settings.interviewer.trim().to_owned();
        let path = library.new_evaluation_path(&evaluation);
        if let Err(error) = library.save_evaluation(&path, &evaluation) {
            state.error(error.to_string());
            return;
        }
        state.update_listing(&path, &evaluation);
        state.session = Some(Session::new(path, evaluation));
        state.dialog = None;
        self.go(Screen::Interview, now);
    }

    fn open_evaluation(&mut self, path: PathBuf, screen: Screen, now: f64) {
        if self.state.session.as_ref().is_some_and(|s| s.path == path) {
            self.go(screen, now);
            return;
        }
        self.stop_clock(now);
        self.save_now(now);
        match load::<Evaluation>(&path) {
            Ok(evaluation) => {
                let screen = if evaluation.is_submitted() {
                    Screen::Review
                } else {
                    screen
                };
                self.state.session = Some(Session::new(path, evaluation));
                self.go(screen, now);
            }
            Err(error) => self.state.error(error.to_string()),
        }
    }

    /// A pack id based on `base` that no loaded pack uses.
    fn unused_pack_id(&self, base: &str) -> String {
        let base = slugify(base, "pack");
        (1..)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|id| self.state.packs.iter().all(|entry| entry.pack.id != *id))
            .unwrap_or(base)
    }

    /// Saves the edited pack; returns whether it was saved.
    fn save_pack(&mut self) -> bool {
        let state = &mut self.state;
        let Some(editor) = &state.pack_editor else {
            return false;
        };
        let result = pack_save_path(state, editor).and_then(|path| {
            storage::save(&path, &editor.pack, storage::Visibility::Shared)
                .map(|()| path)
                .map_err(|error| error.to_string())
        });
        match result {
            Ok(path) => {
                if let Some(editor) = &mut state.pack_editor {
                    editor.saved(SaveTarget::File(path));
                }
                state.reload();
                state.info("Pack saved.");
                true
            }
            Err(message) => {
                state.error(message);
                false
            }
        }
    }

    fn export_pack(&mut self) {
        let state = &mut self.state;
        let Some(Dialog::ExportPack { target }) = state.dialog.take() else {
            return;
        };
        let Some(editor) = &state.pack_editor else {
            return;
        };
        let path = PathBuf::from(target.trim());
        let is_markdown = path.extension().is_some_and(|ext| {
            ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown")
        });
        let result = if is_markdown {
            let text = crate::report::pack_to_markdown(&editor.pack);
            storage::write_atomic(&path, text.as_bytes(), storage::Visibility::Shared)
                .map_err(|error| format!("{}: could not write: {error}", path.display()))
        } else {
            storage::save(&path, &editor.pack, storage::Visibility::Shared)
                .map_err(|e| e.to_string())
        };
        match result {
            Ok(()) => state.info(format!("Exported the pack to {}.", path.display())),
            Err(error) => state.error(error),
        }
    }

    fn save_plan(&mut self) {
        let state = &mut self.state;
        let Some(library) = &state.library else {
            state.error("The library folder is not available; the plan was not saved.");
            return;
        };
        let builder = &mut state.builder;
        let path = builder
            .path
            .clone()
            .unwrap_or_else(|| library.new_plan_path(&builder.plan));
        match library.save_plan(&path, &builder.plan) {
            Ok(()) => {
                builder.path = Some(path.clone());
                builder.unsaved = false;
                let plan = builder.plan.clone();
                match state.plans.iter_mut().find(|(p, _)| *p == path) {
                    Some(existing) => existing.1 = plan,
                    None => state.plans.push((path, plan)),
                }
                state.info("Plan saved.");
            }
            Err(error) => state.error(error.to_string()),
        }
    }

    /// Imports pack files one by one. A pack whose id is taken stops the run with a question
    /// (keep both, replace, cancel); the rest continue once it is answered.
    fn import_packs(&mut self, paths: &[PathBuf]) {
        self.state.dialog = None;
        for (index, path) in paths.iter().enumerate() {
            match load::<QuestionPack>(path) {
                Ok(pack) => {
                    if !self.import_pack(pack, paths[index + 1..].to_vec()) {
                        return;
                    }
                }
                Err(error) => self.state.error(error.to_string()),
            }
        }
    }

    /// Reads a Markdown or text document into a pack and shows the preview; nothing is saved
    /// until the preview is accepted.
    fn read_document(&mut self, path: PathBuf) {
        let (text, replaced) = match storage::format::read_document(&path) {
            Ok(read) => read,
            Err(error) => return self.state.error(error.to_string()),
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let imported =
            crate::import::from_document(&name, &text, &crate::import::ImportOptions::default());
        let mut warnings: Vec<String> = imported
            .warnings
            .iter()
            .map(|warning| format!("{name}:{}: {warning}", warning.line))
            .collect();
        if replaced {
            warnings.insert(0, format!("{name}: {}", storage::format::NOT_UTF8_REPLACED));
        }
        self.state.dialog = Some(Dialog::ImportPreview {
            source: path,
            pack: Box::new(imported.pack),
            warnings,
        });
    }

    /// Adds `pack` to the library, or asks what to do if its id is taken. Returns false when it
    /// asked (the import continues with `remaining` after the answer).
    fn import_pack(&mut self, pack: QuestionPack, remaining: Vec<PathBuf>) -> bool {
        let taken = self
            .state
            .packs
            .iter()
            .find(|entry| entry.pack.id == pack.id)
            .map(|entry| match &entry.origin {
                storage::PackOrigin::Bundled => None,
                storage::PackOrigin::User(path) => Some(path.clone()),
            });
        match taken {
            Some(existing) => {
                self.state.dialog = Some(Dialog::ImportConflict {
                    pack: Box::new(pack),
                    existing,
                    remaining,
                });
                false
            }
            None => {
                self.save_imported(&pack, None);
                true
            }
        }
    }

    /// Saves an imported pack as a new file, or over `replace` after backing that file up.
    fn save_imported(&mut self, pack: &QuestionPack, replace: Option<PathBuf>) {
        let state = &mut self.state;
        let Some(library) = &state.library else {
            state.error("The library folder is not available; nothing was imported.");
            return;
        };
        let result = match replace {
            Some(path) => backup_pack(library, &path).and_then(|backup| {
                storage::save(&path, pack, storage::Visibility::Shared)
                    .map(|()| {
                        format!(
                            "Replaced {} (the old file is kept as {}).",
                            pack.title,
                            backup.display()
                        )
                    })
                    .map_err(|error| error.to_string())
            }),
            None => library
                .save_pack(pack)
                .map(|_| format!("Imported {}.", pack.title))
                .map_err(|error| error.to_string()),
        };
        match result {
            Ok(message) => {
                state.reload();
                state.info(message);
            }
            Err(error) => state.error(error),
        }
    }

    fn resolve_import(&mut self, choice: ImportChoice) {
        let Some(Dialog::ImportConflict {
            pack,
            existing,
            remaining,
        }) = self.state.dialog.take()
        else {
            return;
        };
        let mut pack = *pack;
        match choice {
            ImportChoice::KeepBoth => {
                pack.id = self.unused_pack_id(&pack.id);
                self.save_imported(&pack, None);
            }
            ImportChoice::Replace => match existing {
                Some(path) => self.save_imported(&pack, Some(path)),
                None => self
                    .state
                    .error("A bundled pack cannot be replaced; keep both instead."),
            },
            ImportChoice::Cancel => {}
        }
        if choice != ImportChoice::Cancel {
            self.import_packs(&remaining);
        }
    }

    fn collect_save_reports(&mut self) {
        let Some(autosaver) = &self.autosaver else {
            return;
        };
        let reports = autosaver.reports();
        if reports.is_empty() {
            return;
        }
        let Some(session) = &mut self.state.session else {
            return;
        };
        for report in reports {
            if report.path != session.path {
                continue;
            }
            match report.result {
                Ok(_) => {
                    session.saved_revision = session.saved_revision.max(report.revision);
                    session.save_error = None;
                    session.retry_at = None;
                }
                Err(error) => {
                    session.save_error = Some(error.to_string());
                    session.retry_at = Some(session.last_save_at + RETRY_SECONDS);
                }
            }
        }
        let (path, evaluation) = (session.path.clone(), session.evaluation.clone());
        self.state.update_listing(&path, &evaluation);
    }

    /// The evaluation stored at `path`: the open session's copy (with changes not yet on disk)
    /// when it is the one open, else read from the file.
    fn evaluation_at(&self, path: &std::path::Path) -> Result<Evaluation, String> {
        match &self.state.session {
            Some(session) if session.path == path => Ok(session.evaluation.clone()),
            _ => load::<Evaluation>(path).map_err(|error| error.to_string()),
        }
    }

    fn collect_exports(&mut self) {
        let mut finished = Vec::new();
        self.exports.retain(|running| match running.poll() {
            Some(report) => {
                finished.push(report);
                false
            }
            None => true,
        });
        for report in finished {
            match report.result {
                Ok(pages) => {
                    let mut text = format!("Exported {} ({pages} pages).", report.path.display());
                    if !report.missing_characters.is_empty() {
                        let list: String = report.missing_characters.iter().collect();
                        text.push_str(&format!(
                            " No installed font can draw these characters, so they show as boxes: {list}"
                        ));
                    }
                    self.state.notice_with_button(
                        NoticeKind::Info,
                        text,
                        Some(("Open".to_owned(), Action::OpenExternally(report.path))),
                    );
                }
                Err(error) => self.state.error(format!("Export failed: {error}")),
            }
        }
    }

    fn collect_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_owned())
                .collect()
        });
        if !dropped.is_empty() {
            self.actions.push(Action::ImportPacks(dropped));
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        if self.state.dialog.is_some() {
            return;
        }
        let typing = ctx.egui_wants_keyboard_input();
        let scope = match self.state.screen {
            Screen::Home => Some(Scope::Home),
            Screen::PlanBuilder => Some(Scope::PlanBuilder),
            Screen::Interview => Some(Scope::Interview),
            Screen::Packs => Some(Scope::PackEditor),
            Screen::Review | Screen::Settings => None,
        };
        let mut commands = Command::in_scope(Scope::Global);
        if let Some(scope) = scope {
            commands.extend(Command::in_scope(scope));
        }
        for command in commands {
            if command.consume(ctx, typing) {
                self.run_command(command);
            }
        }
    }

    fn run_command(&mut self, command: Command) {
        let state = &self.state;
        let action = match command {
            Command::ZoomIn => Action::SetZoom(state.settings.zoom + 0.1),
            Command::ZoomOut => Action::SetZoom(state.settings.zoom - 0.1),
            Command::ImportPack => Action::BrowseImport,
            Command::Settings => Action::Go(Screen::Settings),
            Command::NewPlan => Action::NewPlan,
            Command::FocusSearch => {
                self.state.builder.focus_search = true;
                return;
            }
            Command::AddToPlan => match state.builder.selected {
                Some(key) => Action::AddToPlan(key),
                None => return,
            },
            Command::MoveEntryUp | Command::MoveEntryDown => {
                let Some(from) = state.builder.selected_entry else {
                    return;
                };
                let to = if command == Command::MoveEntryUp {
                    from.checked_sub(1)
                } else {
                    Some(from + 1).filter(|to| *to < state.builder.plan.entries.len())
                };
                match to {
                    Some(to) => Action::MoveEntry { from, to },
                    None => return,
                }
            }
            Command::SavePlan => Action::SavePlan,
            Command::Rate(level) => Action::RateCurrent(level),
            Command::ClearRating => Action::RateCurrent(0),
            Command::NextQuestion | Command::PreviousQuestion => {
                let Some(session) = &state.session else {
                    return;
                };
                let current = session.evaluation.current;
                let target = if command == Command::NextQuestion {
                    current + 1
                } else {
                    match current.checked_sub(1) {
                        Some(previous) => previous,
                        None => return,
                    }
                };
                Action::GoToQuestion(target)
            }
            Command::InsertTimestamp => Action::InsertTimestamp,
            Command::ToggleNotAsked => Action::ToggleNotAsked,
            Command::ToggleNoEvidence => Action::ToggleNoEvidence,
            Command::QuestionNotes => Action::ShowNotes(NotesTab::Question),
            Command::GeneralNotes => Action::ShowNotes(NotesTab::General),
            Command::PrivateNotes => Action::ShowNotes(NotesTab::Private),
            Command::EndInterview => Action::EndInterview,
            Command::SavePack => Action::SavePack,
            Command::Undo => Action::Undo,
            Command::Redo => Action::Redo,
        };
        self.actions.push(action);
    }

    /// Hands the session to the autosaver when a save is due, and schedules the next frame.
    fn autosave(&mut self, ctx: &egui::Context, now: f64) {
        let focused = ctx.input(|i| i.viewport().focused.unwrap_or(true));
        if self.was_focused && !focused {
            // Losing focus often means the lid is closing: save now.
            self.save_now(now);
        }
        self.was_focused = focused;

        let Some(session) = &mut self.state.session else {
            return;
        };
        if let Some(retry_at) = session.retry_at
            && now >= retry_at
            && !session.is_saved()
        {
            session.retry_at = None;
            session.debounce.edited(now - 1.0);
        }
        match session.debounce.due_in(now) {
            Some(wait) if wait <= 0.0 => self.save_now(now),
            Some(wait) => ctx.request_repaint_after(Duration::from_secs_f64(wait)),
            None => {}
        }
        if let Some(session) = &self.state.session {
            if let Some(retry_at) = session.retry_at {
                ctx.request_repaint_after(Duration::from_secs_f64((retry_at - now).max(0.05)));
            }
            if let Some((started, _)) = session.clock {
                // One repaint a second, on the second, keeps the timer honest without
                // busy-looping.
                let fraction = (now - started).max(0.0).fract();
                ctx.request_repaint_after(Duration::from_secs_f64((1.0 - fraction).max(0.05)));
            }
        }
    }

    /// Queues a save of the session now, if anything changed since the last one.
    fn save_now(&mut self, now: f64) {
        let Some(session) = &mut self.state.session else {
            return;
        };
        session.debounce.clear();
        if session.is_saved() {
            return;
        }
        session.last_save_at = now;
        let Some(autosaver) = &self.autosaver else {
            session.save_error = Some("saving is not available".into());
            return;
        };
        if let Err(message) = autosaver.save(
            session.path.clone(),
            session.evaluation.clone(),
            session.revision,
        ) {
            session.save_error = Some(message);
        }
    }

    /// Waits until saves already handed to the background thread are on disk, without
    /// starting a new one (tests use it to model a crash right after an autosave).
    pub fn wait_for_saves(&mut self) -> bool {
        let flushed = self
            .autosaver
            .as_ref()
            .is_none_or(|saver| saver.flush(CLOSE_FLUSH));
        self.collect_save_reports();
        flushed
    }

    /// Saves everything and waits for the disk (on close, and in tests).
    pub fn flush(&mut self) -> bool {
        self.save_now(self.last_now);
        self.wait_for_saves()
    }
}

/// Whether `path` names a Markdown or text document (to import) rather than an Onsite file.
fn is_document(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            ["md", "markdown", "txt", "text"].contains(&ext.to_ascii_lowercase().as_str())
        })
}

/// Copies a user pack file into `packs/backups/` before it is replaced; returns the copy.
fn backup_pack(library: &Library, path: &std::path::Path) -> Result<PathBuf, String> {
    let folder = library.packs_dir().join("backups");
    std::fs::create_dir_all(&folder)
        .map_err(|error| format!("{}: cannot create: {error}", folder.display()))?;
    let stem = path
        .file_stem()
        .map_or_else(|| "pack".to_owned(), |s| s.to_string_lossy().into_owned());
    let stamp = Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    let backup = folder.join(format!("{stem}-{stamp}.ron"));
    std::fs::copy(path, &backup)
        .map(|_| backup.clone())
        .map_err(|error| format!("{}: cannot back up: {error}", path.display()))
}

/// Where the edited pack should be saved, or why it cannot be.
fn pack_save_path(state: &AppState, editor: &PackEditor) -> Result<PathBuf, String> {
    if editor.is_read_only() {
        return Err("Bundled packs are read-only; use Duplicate to edit.".into());
    }
    if !editor.problems.is_empty() {
        return Err("The pack has problems (marked in red); fix them before saving.".into());
    }
    let Some(library) = &state.library else {
        return Err("The library folder is not available; the pack was not saved.".into());
    };
    match &editor.target {
        SaveTarget::File(path) => Ok(path.clone()),
        SaveTarget::New | SaveTarget::Bundled => {
            if state
                .packs
                .iter()
                .any(|entry| entry.pack.id == editor.pack.id)
            {
                return Err(format!(
                    "A pack with id `{}` already exists; choose another id.",
                    editor.pack.id
                ));
            }
            Ok(library.packs_dir().join(format!("{}.ron", editor.pack.id)))
        }
    }
}

fn start_autosaver(state: &mut AppState, ctx: &egui::Context) -> Option<Autosaver> {
    // A finished save wakes the UI so "Saved" or an error shows at once.
    let ctx = ctx.clone();
    match Autosaver::for_library(state.library.clone(), move || ctx.request_repaint()) {
        Ok(saver) => Some(saver),
        Err(error) => {
            state.error(format!("Cannot start saving in the background: {error}"));
            None
        }
    }
}

fn apply_theme(ctx: &egui::Context, choice: ThemeChoice) {
    ctx.set_theme(match choice {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
        ThemeChoice::Light => egui::ThemePreference::Light,
    });
}

/// The bar across the top: app name, navigation, import and settings.
fn top_bar(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    egui::Panel::top("top-bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.strong("Onsite");
            ui.separator();
            let screens = [
                (Screen::Home, "Home"),
                (Screen::PlanBuilder, "Plan"),
                (Screen::Interview, "Interview"),
                (Screen::Review, "Review"),
                (Screen::Packs, "Packs"),
            ];
            for (screen, label) in screens {
                let enabled = match screen {
                    Screen::Interview => state
                        .session
                        .as_ref()
                        .is_some_and(|s| !s.evaluation.is_submitted()),
                    Screen::Review => state.session.is_some(),
                    _ => true,
                };
                let selected = state.screen == screen;
                if ui
                    .add_enabled(enabled, egui::Button::selectable(selected, label))
                    .clicked()
                {
                    actions.push(Action::Go(screen));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let settings =
                    egui::Button::selectable(state.screen == Screen::Settings, "Settings");
                if ui
                    .add(settings)
                    .on_hover_text(Command::Settings.hint(ui.ctx()))
                    .clicked()
                {
                    actions.push(Action::Go(Screen::Settings));
                }
                if ui
                    .button(Command::ImportPack.label())
                    .on_hover_text(Command::ImportPack.hint(ui.ctx()))
                    .clicked()
                {
                    actions.push(Action::BrowseImport);
                }
                if let Some(session) = &state.session {
                    save_status_ui(ui, session);
                }
            });
        });
    });
}

/// "Saved" / "Saving…" / the save error, so the interviewer can trust their notes are safe.
fn save_status_ui(ui: &mut egui::Ui, session: &Session) {
    if let Some(error) = &session.save_error {
        ui.colored_label(theme::RED, "⚠ Not saved — retrying")
            .on_hover_text(error);
    } else if session.is_saved() {
        ui.weak("✔ Saved");
    } else {
        ui.weak("Saving…");
    }
}

/// The eframe integration: settings persistence and the final save on close.
pub struct EframeApp {
    app: OnsiteApp,
}

impl EframeApp {
    /// Creates the app, restoring settings from eframe's storage.
    pub fn new(cc: &eframe::CreationContext<'_>, library: Option<Library>) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, SETTINGS_KEY))
            .unwrap_or_default();
        Self {
            app: OnsiteApp::new_in_background(library, settings),
        }
    }
}

impl EframeApp {
    /// Queues an action for the first frame.
    pub fn push(&mut self, action: Action) {
        self.app.push(action);
    }

    /// The app's state, e.g. to report a start-up problem.
    pub fn state_mut(&mut self) -> &mut AppState {
        &mut self.app.state
    }
}

impl eframe::App for EframeApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let closing = ui.ctx().input(|i| i.viewport().close_requested());
        if closing && !self.app.quitting && self.app.leaves_unsaved_pack(&Action::Quit) {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.app.push(Action::Quit);
        }
        self.app.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.app.state.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.app.stop_clock(self.app.last_now);
        self.app.flush();
    }
}

/// Opens the library, or explains why it could not (the app still runs with bundled packs).
pub fn open_library() -> (Option<Library>, Option<String>) {
    match Library::open_default_locked() {
        Ok(library) => (Some(library), None),
        Err(error) => (
            None,
            Some(format!("Cannot open the library folder: {error}")),
        ),
    }
}

/// Where eframe keeps window geometry and settings: inside the library, so a portable install
/// (`ONSITE_HOME`) carries them along.
pub fn persistence_path(library: Option<&Library>) -> Option<PathBuf> {
    library.map(|library| library.root().join("window.ron"))
}
