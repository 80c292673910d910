//! The bar across the top: app name, navigation, import, settings and whether the open
//! evaluation is saved.

use eframe::egui;

use crate::ui::action::{Action, PackAction};
use crate::ui::session::Session;
use crate::ui::shortcuts::Command;
use crate::ui::state::{AppState, Screen};
use crate::ui::theme;

/// Draws the top bar.
pub(super) fn top_bar_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
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
                    actions.push(PackAction::BrowseImport.into());
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
        ui.colored_label(theme::colours(ui).red, "⚠ Not saved — retrying")
            .on_hover_text(error);
    } else if session.is_saved() {
        ui.weak("✔ Saved");
    } else {
        ui.weak("Saving…");
    }
}
