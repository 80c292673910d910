//! Settings: theme, zoom, the interviewer's name, and where the library lives.

use eframe::egui;

use super::action::Action;
use super::shortcuts::Command;
use super::state::{AppState, ThemeChoice};

/// Draws the settings screen.
pub fn settings_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    egui::ScrollArea::vertical()
        .id_salt("settings")
        .auto_shrink([false, false])
        .show(ui, |ui| settings_column_ui(ui, state, actions));
}

fn settings_column_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    ui.add_space(8.0);
    ui.heading("Settings");
    ui.add_space(8.0);
    egui::Grid::new("settings")
        .num_columns(2)
        .spacing([16.0, 10.0])
        .show(ui, |ui| {
            let name_label = ui.label("Your name");
            ui.add(
                egui::TextEdit::singleline(&mut state.settings.interviewer)
                    .hint_text("Shown on evaluations you take")
                    .desired_width(280.0),
            )
            .labelled_by(name_label.id);
            ui.end_row();

            ui.label("Theme");
            ui.horizontal(|ui| {
                for (choice, label) in [
                    (ThemeChoice::System, "Follow system"),
                    (ThemeChoice::Light, "Light"),
                    (ThemeChoice::Dark, "Dark"),
                ] {
                    if ui
                        .selectable_label(state.settings.theme == choice, label)
                        .clicked()
                    {
                        actions.push(Action::SetTheme(choice));
                    }
                }
            });
            ui.end_row();

            ui.label("Zoom");
            ui.horizontal(|ui| {
                if ui
                    .button("−")
                    .on_hover_text(format!(
                        "{} ({})",
                        Command::ZoomOut.label(),
                        Command::ZoomOut.hint(ui.ctx())
                    ))
                    .clicked()
                {
                    actions.push(Action::SetZoom(state.settings.zoom - 0.1));
                }
                ui.label(format!("{:.0} %", state.settings.zoom * 100.0));
                if ui
                    .button("+")
                    .on_hover_text(format!(
                        "{} ({})",
                        Command::ZoomIn.label(),
                        Command::ZoomIn.hint(ui.ctx())
                    ))
                    .clicked()
                {
                    actions.push(Action::SetZoom(state.settings.zoom + 0.1));
                }
                if ui.button("Reset").clicked() {
                    actions.push(Action::SetZoom(1.0));
                }
            });
            ui.end_row();

            ui.label("Library folder");
            match &state.library {
                Some(library) => {
                    ui.add(egui::Label::new(library.root().display().to_string()).selectable(true));
                }
                None => {
                    ui.colored_label(
                        super::theme::colours(ui).red,
                        "Not available — set ONSITE_HOME to a writable folder",
                    );
                }
            }
            ui.end_row();
        });

    ui.add_space(16.0);
    ui.heading("Keyboard shortcuts");
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for command in Command::ALL {
                ui.label(command.label());
                let mut keys = command.hint(ui.ctx());
                if let Some(bare) = command.bare_shortcut() {
                    keys.push_str(&format!("  or  {}", ui.ctx().format_shortcut(&bare)));
                }
                ui.monospace(keys);
                ui.end_row();
            }
        });
}
