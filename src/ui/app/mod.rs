//! The app shell: owns the state and runs one frame — input → views → actions → saving.
//! [`OnsiteApp::show`] is the whole frame, so tests drive it with `egui_kittest` exactly as
//! eframe does.
//!
//! Each family of [`Action`]s is applied by its own module, beside the state it changes:
//! `plan` (the plan builder), `session` (the running interview: clock, autosave, start, open,
//! resume), `records` (evaluation files and exports), `packs` (import, editing, saving,
//! backups); `commands` turns shortcuts into actions and `eframe` wraps the app for the real
//! window.

mod access;
mod commands;
mod committee;
mod eframe;
mod packs;
mod plan;
mod records;
mod session;
mod top_bar;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Duration;

use ::eframe::egui;

pub use self::eframe::{EframeApp, open_library, persistence_path};
use super::action::{Action, PackAction, PlanAction, RecordAction};
use super::dialogs::{self, Dialog};
use super::export::RunningExport;
use super::notices::NoticeKind;
use super::state::{AppState, Screen, Settings, ThemeChoice};
use super::theme;
use super::{home, interview, notices, packs as packs_screen, plan_builder, review, settings};
use crate::storage::autosave::Autosaver;
use crate::storage::{self, FileKind, Library};

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
    /// Exports under way.
    exports: Vec<RunningExport>,
    /// Debrief packets and interview kits being written.
    committee_jobs: Vec<super::committee::RunningCommittee>,
    /// Set once the user chose to close despite (or after saving) unsaved changes.
    quitting: bool,
    /// egui time of the last key, click or pointer move.
    last_input: f64,
    /// Whether the text cursor is set to blink now.
    cursor_blinks: bool,
    /// Evaluations no longer open whose last save failed (the saver keeps trying).
    failing_elsewhere: BTreeSet<PathBuf>,
    /// Conflict copies already named in a notice.
    conflict_copies: BTreeSet<PathBuf>,
    /// The pack files as they were when the window lost focus.
    pack_stamps: Option<Vec<storage::FileStamp>>,
}

/// Seconds an information notice stays.
const NOTICE_SECONDS: f64 = 6.0;

/// Error notices shown at once, newest kept.
const MAX_ERRORS_SHOWN: usize = 3;

/// Seconds after the last input that the text cursor keeps blinking.
const BLINK_SECONDS: f64 = 4.0;

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
            committee_jobs: Vec::new(),
            quitting: false,
            last_input: 0.0,
            cursor_blinks: true,
            failing_elsewhere: BTreeSet::new(),
            conflict_copies: BTreeSet::new(),
            pack_stamps: None,
        }
    }

    /// Queues an action as if a view had asked for it (used by tests and the menu).
    pub fn push(&mut self, action: impl Into<Action>) {
        self.actions.push(action.into());
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
            self.autosaver = self.start_autosaver(&ctx);
        }
        if !self.state.poll_catalog() {
            // Only while packs are being read; a few polls until they arrive.
            ctx.request_repaint_after(Duration::from_millis(30));
        }
        self.collect_save_reports();
        self.collect_exports();
        self.collect_committee_jobs();
        self.collect_dropped_files(&ctx);
        self.handle_shortcuts(&ctx, now);
        self.tick_clock(now);

        let mut actions = std::mem::take(&mut self.actions);
        top_bar::top_bar_ui(ui, &self.state, &mut actions);
        access::read_only_banner_ui(ui, &self.state, &mut actions);
        notices::notices_ui(ui, &self.state, &mut actions);
        let state = &mut self.state;
        egui::CentralPanel::default().show(ui, |ui| match state.screen {
            Screen::Home => home::home_ui(ui, state, &mut actions),
            Screen::PlanBuilder => plan_builder::plan_builder_ui(ui, state, &mut actions),
            Screen::Interview => interview::interview_ui(ui, state, &mut actions),
            Screen::Review => review::review_ui(ui, state, &mut actions),
            Screen::Settings => settings::settings_ui(ui, state, &mut actions),
            Screen::Packs => packs_screen::packs_ui(ui, state, now, &mut actions),
        });
        dialogs::dialog_ui(&ctx, &mut self.state, &mut actions);
        theme::focus_ring(&ctx);
        self.expire_notices(now, &ctx);
        self.settle_cursor(&ctx, now);

        if !actions.is_empty() {
            // Actions change what is drawn; show the result without waiting for an event.
            ctx.request_repaint();
        }
        for action in actions {
            self.apply(action, &ctx, now);
        }
        self.autosave(&ctx, now);
    }

    /// Applies one action to the state: each family by the module that owns it.
    fn apply(&mut self, action: Action, ctx: &egui::Context, now: f64) {
        if self.leaves_unsaved_pack(&action) {
            self.state.dialog = Some(Dialog::UnsavedPack {
                then: Box::new(action),
            });
            return;
        }
        if self.refuse_while_read_only(&action) {
            return;
        }
        match action {
            Action::Go(screen) => self.go(screen, now),
            Action::Open(dialog) => self.state.dialog = Some(dialog),
            Action::CloseDialog => self.state.dialog = None,
            Action::Dismiss(id) => self.state.notices.retain(|n| n.id != id),
            Action::OpenFile(path) => self.open_file(path, now),
            Action::SetTheme(choice) => {
                self.state.settings.theme = choice;
                apply_theme(ctx, choice);
            }
            Action::SetZoom(zoom) => {
                let zoom = zoom.clamp(0.5, 3.0);
                self.state.settings.zoom = zoom;
                ctx.set_zoom_factor(zoom);
            }
            Action::RetryLock => self.retry_lock(),
            Action::Quit => {
                self.quitting = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Action::Plan(action) => self.apply_plan(action, ctx, now),
            Action::Interview(action) => self.apply_interview(action, ctx, now),
            Action::Record(action) => self.apply_record(action, ctx, now),
            Action::Packs(action) => self.apply_packs(action, ctx, now),
        }
    }

    /// Shows `screen`; leaving the interview stops its clock and saves.
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

    /// Opens a file by what it is: an evaluation, a plan, a pack or a document to import.
    fn open_file(&mut self, path: PathBuf, now: f64) {
        if is_document(&path) {
            return self.read_document(path);
        }
        let kind = storage::format::read_text(&path).map(|text| storage::format::sniff_kind(&text));
        match kind {
            Ok(Some(FileKind::Evaluation)) => self.open_evaluation(path, Screen::Interview, now),
            Ok(Some(FileKind::Plan)) => self.load_plan(path),
            Ok(Some(FileKind::Pack)) => self.import_packs(&[path]),
            Ok(Some(FileKind::Vocabulary)) => self.state.error(format!(
                "{}: a competency vocabulary; Onsite uses the bundled one, so there is nothing to open",
                path.display()
            )),
            Ok(None) => self.state.error(format!(
                "{}: not an Onsite file (it should start with `QuestionPack(`, `InterviewPlan(` or `Evaluation(`)",
                path.display()
            )),
            Err(error) => self.state.error(error.to_string()),
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
        if !dropped.is_empty() && !self.drop_for_debrief(&dropped) {
            self.actions.push(PackAction::Import(dropped).into());
        }
    }

    /// Picks up finished exports and says how they went.
    fn collect_exports(&mut self) {
        for report in crate::ui::background::Background::finished(&mut self.exports) {
            match report.result {
                Ok(pages) => {
                    let mut text = match pages {
                        Some(pages) => {
                            format!("Exported {} ({pages} pages).", report.path.display())
                        }
                        None => format!("Exported {}.", report.path.display()),
                    };
                    if !report.missing_characters.is_empty() {
                        let list: String = report.missing_characters.iter().collect();
                        text.push_str(&format!(
                            " No installed font can draw these characters, so they show as boxes: {list}"
                        ));
                    }
                    self.state.notice_with_button(
                        NoticeKind::Info,
                        text,
                        Some((
                            "Open".to_owned(),
                            RecordAction::OpenExternally(report.path).into(),
                        )),
                    );
                }
                Err(error) => {
                    self.state.error(format!("Export failed: {error}"));
                    // Ask again with everything as it was typed, so only the cause needs fixing.
                    if self.state.dialog.is_none() {
                        self.state.dialog = Some(Dialog::Export {
                            source: report.source,
                            target: report.path.display().to_string(),
                            format: report.format,
                            paper: report.paper,
                            include_private_notes: report.include_private_notes,
                        });
                    }
                }
            }
        }
    }

    /// Takes away information notices a while after they appeared (errors and warnings stay
    /// until dismissed), and keeps only the newest few, so they never push the screen down.
    fn expire_notices(&mut self, now: f64, ctx: &egui::Context) {
        let notices = &mut self.state.notices;
        for notice in notices.iter_mut() {
            notice.shown_at.get_or_insert(now);
        }
        notices.retain(|notice| {
            notice.kind != NoticeKind::Info
                || notice.shown_at.is_none_or(|at| now - at < NOTICE_SECONDS)
        });
        let infos = notices
            .iter()
            .filter(|n| n.kind == NoticeKind::Info)
            .count();
        let mut extra = infos.saturating_sub(1);
        notices.retain(|notice| {
            if notice.kind == NoticeKind::Info && extra > 0 {
                extra -= 1;
                return false;
            }
            true
        });
        let errors = notices
            .iter()
            .filter(|n| n.kind == NoticeKind::Error)
            .count();
        let mut extra = errors.saturating_sub(MAX_ERRORS_SHOWN);
        notices.retain(|notice| {
            if notice.kind == NoticeKind::Error && extra > 0 {
                extra -= 1;
                return false;
            }
            true
        });
        if let Some(next) = notices
            .iter()
            .filter(|n| n.kind == NoticeKind::Info)
            .filter_map(|n| n.shown_at)
            .map(|at| at + NOTICE_SECONDS - now)
            .reduce(f64::min)
        {
            ctx.request_repaint_after(Duration::from_secs_f64(next.max(0.05)));
        }
    }

    /// The text cursor blinks only while the interviewer is typing or has just been: a
    /// cursor blinking in a focused notes field forever would keep the window repainting
    /// (and the laptop's battery draining) all interview long.
    fn settle_cursor(&mut self, ctx: &egui::Context, now: f64) {
        let active = ctx.input(|i| !i.events.is_empty() || i.pointer.is_moving());
        if active {
            self.last_input = now;
        }
        let blink = now - self.last_input < BLINK_SECONDS;
        if blink != self.cursor_blinks {
            self.cursor_blinks = blink;
            ctx.all_styles_mut(|style| style.visuals.text_cursor.blink = blink);
        }
        // Only a focused text field has a cursor; otherwise nothing needs to change later.
        if blink && ctx.egui_wants_keyboard_input() {
            ctx.request_repaint_after(Duration::from_secs_f64(
                (self.last_input + BLINK_SECONDS - now).max(0.05),
            ));
        }
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
                Action::Quit | Action::OpenFile(_) => true,
                Action::Packs(PackAction::New | PackAction::Open(_)) => true,
                Action::Record(RecordAction::Resume(_) | RecordAction::Review(_)) => true,
                Action::Plan(PlanAction::New) => true,
                _ => false,
            }
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

fn apply_theme(ctx: &egui::Context, choice: ThemeChoice) {
    ctx.set_theme(match choice {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
        ThemeChoice::Light => egui::ThemePreference::Light,
    });
}
