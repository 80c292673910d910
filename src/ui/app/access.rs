//! A window whose library is open in another Onsite window: it shows everything, changes
//! nothing, and says so in a banner that stays until this window may write again.
//!
//! Two windows writing one evaluation lose each other's words (issue 11), so the second
//! window is read-only at the storage layer already. This module makes that visible and
//! refuses, before any typing, every action whose result could not be saved: a note typed
//! into a window that cannot save it would be lost as surely as an overwritten one.

use ::eframe::egui;

use super::OnsiteApp;
use crate::storage::ReadOnlyReason;
use crate::ui::action::{Action, PackAction, PlanAction, RecordAction};
use crate::ui::dialogs::Dialog;
use crate::ui::state::AppState;
use crate::ui::{theme, widgets};

/// Why this window may not change the library, if so.
pub(super) fn read_only_reason(state: &AppState) -> Option<&ReadOnlyReason> {
    state.library.as_ref()?.read_only_reason()
}

/// Whether `action` starts work that ends in a write to the library: an interview, a
/// review, a plan, a pack or an import, or deleting a file. Exports and shared copies go
/// where the user points, so they stay allowed (storage still refuses a path inside the
/// library).
fn needs_to_write(action: &Action) -> bool {
    match action {
        Action::Open(dialog) => matches!(dialog, Dialog::StartInterview { .. }),
        Action::Plan(action) => matches!(action, PlanAction::Save | PlanAction::Start { .. }),
        Action::Record(action) => matches!(
            action,
            RecordAction::Resume(_) | RecordAction::Review(_) | RecordAction::Delete(_)
        ),
        Action::Packs(action) => matches!(
            action,
            PackAction::BrowseImport
                | PackAction::Import(_)
                | PackAction::ResolveImport(_)
                | PackAction::BrowseDocument
                | PackAction::ImportDocument(_)
                | PackAction::AcceptPreview
                | PackAction::EditPreview
                | PackAction::New
                | PackAction::Duplicate
                | PackAction::Save
                | PackAction::SaveThen(_)
        ),
        _ => false,
    }
}

impl OnsiteApp {
    /// `true` (with a notice saying why) when the library is read-only here and `action`
    /// would need to write to it.
    pub(super) fn refuse_while_read_only(&mut self, action: &Action) -> bool {
        needs_to_write(action) && self.refuse_if_read_only()
    }

    /// `true` (with a notice saying why) when the library is read-only here: for work that
    /// would write to it, found out after the action (an evaluation opened by file).
    pub(super) fn refuse_if_read_only(&mut self) -> bool {
        let Some(reason) = read_only_reason(&self.state) else {
            return false;
        };
        let text = format!(
            "This window is read-only: {reason}. Work there, or close it and choose Try again."
        );
        self.state.error(text);
        true
    }

    /// Tries to take the library's lock again (the other window may have closed).
    pub(super) fn retry_lock(&mut self) {
        let Some(library) = &self.state.library else {
            return;
        };
        match library.reopen_locked() {
            Ok(reopened) if !reopened.is_read_only() => {
                self.state.library = Some(reopened);
                // The saver holds the library it was started with: start a new one.
                self.autosaver = None;
                self.state.reload_records();
                self.state
                    .info("This window can save now: the other window has closed.");
            }
            Ok(reopened) => {
                let reason = reopened
                    .read_only_reason()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                self.state.library = Some(reopened);
                self.state.error(format!("Still read-only: {reason}."));
            }
            Err(error) => self
                .state
                .error(format!("Cannot open the library folder: {error}")),
        }
    }
}

/// The banner under the top bar while the library is read-only here.
pub(super) fn read_only_banner_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    let Some(reason) = read_only_reason(state) else {
        return;
    };
    egui::Panel::top("read-only").show(ui, |ui| {
        ui.add_space(4.0);
        let colour = theme::colours(ui).amber;
        egui::Frame::new()
            .stroke(egui::Stroke::new(1.5, colour))
            .corner_radius(4.0)
            .inner_margin(egui::Margin::symmetric(8, 6))
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.colored_label(colour, egui::RichText::new("🔒 Read-only").strong());
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                        if ui
                            .button("Try again")
                            .on_hover_text("Take over the library if the other window has closed")
                            .clicked()
                        {
                            actions.push(Action::RetryLock);
                        }
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Min), |ui| {
                            ui.add(
                                egui::Label::new(format!(
                                    "{}. You can read packs, plans and evaluations here; \
                                     interviews, plans and packs change in that window only, \
                                     so no note is ever written twice.",
                                    widgets::sentence(&reason.to_string())
                                ))
                                .wrap(),
                            );
                        });
                    });
                });
            });
        ui.add_space(4.0);
    });
}
