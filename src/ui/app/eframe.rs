//! The eframe integration: settings persistence, the unsaved-pack question on close, and the
//! final save.

use std::path::PathBuf;

use eframe::egui;

use super::OnsiteApp;
use crate::storage::Library;
use crate::ui::action::Action;
use crate::ui::state::{AppState, Settings};

/// Key under which settings are kept in eframe's storage.
const SETTINGS_KEY: &str = "onsite-settings";

/// The app as eframe runs it.
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

    /// Queues an action for the first frame.
    pub fn push(&mut self, action: impl Into<Action>) {
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

    /// Only what a user expects to survive a restart is kept (settings, and eframe's window
    /// geometry): no scroll positions, cursors or panel widths of an earlier interview.
    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.app.state.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.app.close();
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
