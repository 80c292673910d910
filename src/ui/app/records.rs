//! Evaluation files: resuming and reviewing them, exporting them for the committee, deleting.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::OnsiteApp;
use crate::domain::Evaluation;
use crate::report::{ExportFormat, Paper};
use crate::storage::load;
use crate::ui::action::RecordAction;
use crate::ui::dialogs::Dialog;
use crate::ui::export::{self, ExportRequest};
use crate::ui::state::Screen;

impl OnsiteApp {
    /// Applies one action on evaluation files.
    pub(super) fn apply_record(&mut self, action: RecordAction, ctx: &egui::Context, now: f64) {
        match action {
            RecordAction::Resume(path) => self.open_evaluation(path, Screen::Interview, now),
            RecordAction::Review(path) => self.open_evaluation(path, Screen::Review, now),
            RecordAction::Export(source) => self.ask_export(source, ExportFormat::Pdf),
            RecordAction::Share(source) => self.ask_export(source, ExportFormat::Shared),
            RecordAction::RunExport => self.run_export(ctx),
            RecordAction::OpenExternally(path) => {
                if let Err(error) = export::open_with_system(&path) {
                    self.state
                        .error(format!("{}: could not open: {error}", path.display()));
                }
            }
            RecordAction::Delete(path) => self.delete_evaluation(&path),
            RecordAction::ChooseForDebrief(path, chosen) => self.choose_for_debrief(path, chosen),
            RecordAction::Debrief => self.ask_debrief(),
            RecordAction::RunDebrief => self.run_debrief(ctx),
        }
    }

    fn ask_export(&mut self, source: PathBuf, format: ExportFormat) {
        match self.evaluation_at(&source) {
            Ok(evaluation) => {
                let name = export::suggested_file_name(&evaluation, format);
                self.state.dialog = Some(Dialog::Export {
                    source,
                    target: export::default_folder().join(name).display().to_string(),
                    format,
                    paper: Paper::A4,
                    include_private_notes: false,
                });
            }
            Err(error) => self.state.error(error),
        }
    }

    fn run_export(&mut self, ctx: &egui::Context) {
        let Some(Dialog::Export {
            source,
            target,
            format,
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
        let request = ExportRequest {
            source,
            evaluation,
            path: PathBuf::from(target.trim()),
            format,
            paper,
            include_private_notes,
        };
        match export::start_export(ctx, request) {
            Ok(running) => self.exports.push(running),
            Err(error) => self
                .state
                .error(format!("Cannot start the export: {error}")),
        }
    }

    fn delete_evaluation(&mut self, path: &Path) {
        let state = &mut self.state;
        state.dialog = None;
        if state.session.as_ref().is_some_and(|s| s.path == path) {
            state.session = None;
        }
        match std::fs::remove_file(path) {
            Ok(()) => {
                state.evaluations.retain(|l| l.path != path);
                state.debrief_files.retain(|chosen| chosen != path);
                state.info("Evaluation deleted.");
            }
            Err(error) => {
                state.error(format!("{}: could not delete: {error}", path.display()));
            }
        }
    }

    /// The evaluation stored at `path`: the open session's copy (with changes not yet on disk)
    /// when it is the one open, else read from the file.
    fn evaluation_at(&self, path: &Path) -> Result<Evaluation, String> {
        match &self.state.session {
            Some(session) if session.path == path => Ok(session.evaluation.clone()),
            _ => load::<Evaluation>(path).map_err(|error| error.to_string()),
        }
    }
}
