//! Packs: the list of question packs and the pack editor (metadata, question list, question
//! form). Bundled packs open read-only with "Duplicate to edit".

use eframe::egui;

mod editor;
mod form;

pub use editor::{PackEditor, SaveTarget, parse_tags};

use super::action::{Action, PackAction, QuestionEdit};
use super::shortcuts::Command;
use super::state::AppState;
use super::theme;
use crate::storage::PackOrigin;

/// Draws the packs screen.
pub fn packs_ui(ui: &mut egui::Ui, state: &mut AppState, now: f64, actions: &mut Vec<Action>) {
    egui::Panel::left("pack-list")
        .resizable(true)
        .default_size(240.0)
        .min_size(200.0)
        .show(ui, |ui| pack_list_ui(ui, state, actions));
    let competencies: Vec<String> = state.vocabulary.names().map(str::to_owned).collect();
    let Some(editor) = &mut state.pack_editor else {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            ui.weak("Choose a pack to see or edit it, or start a new one.");
        });
        return;
    };
    editor_header_ui(ui, editor, actions);
    ui.separator();
    egui::Panel::left("question-list")
        .resizable(true)
        .default_size(300.0)
        .min_size(220.0)
        .show(ui, |ui| question_list_ui(ui, editor, actions));
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt(("question-form", &editor.pack.id, editor.selected))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_enabled_ui(!editor.is_read_only(), |ui| {
                    egui::CollapsingHeader::new(egui::RichText::new("Pack details").strong())
                        .id_salt(("pack-details", &editor.pack.id))
                        .default_open(editor.pack.questions.len() <= 1)
                        .show(ui, |ui| form::pack_fields_ui(ui, editor, now));
                    ui.separator();
                    form::question_form_ui(ui, editor, &competencies, now);
                });
            });
    });
}

fn pack_list_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.add_space(4.0);
    ui.heading("Packs");
    ui.horizontal_wrapped(|ui| {
        if ui.button("New pack").clicked() {
            actions.push(Action::Packs(PackAction::New));
        }
        if ui.button("Import from document…").clicked() {
            actions.push(Action::Packs(PackAction::BrowseDocument));
        }
    });
    ui.separator();
    let open_id = state
        .pack_editor
        .as_ref()
        .map(|e| (&e.target, e.pack.id.as_str()));
    egui::ScrollArea::vertical()
        .id_salt("packs")
        .show(ui, |ui| {
            for (index, entry) in state.packs.iter().enumerate() {
                let selected = open_id.is_some_and(|(target, id)| {
                    id == entry.pack.id
                        && match (&entry.origin, target) {
                            (PackOrigin::Bundled, SaveTarget::Bundled) => true,
                            (PackOrigin::User(path), SaveTarget::File(open)) => path == open,
                            _ => false,
                        }
                });
                let kind = if entry.is_bundled() {
                    "bundled"
                } else {
                    "yours"
                };
                let text = format!(
                    "{}\n{} questions · {kind}",
                    entry.pack.title,
                    entry.pack.questions.len()
                );
                if ui
                    .add(
                        egui::Button::selectable(selected, text)
                            .min_size(egui::vec2(ui.available_width(), 0.0)),
                    )
                    .clicked()
                {
                    actions.push(Action::Packs(PackAction::Open(index)));
                }
            }
        });
}

fn editor_header_ui(ui: &mut egui::Ui, editor: &mut PackEditor, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(&editor.pack.title)
                .size(theme::BODY * 1.3)
                .strong(),
        );
        if editor.is_read_only() {
            ui.weak("Bundled packs are read-only.");
            if ui.button("Duplicate to edit").clicked() {
                actions.push(Action::Packs(PackAction::Duplicate));
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if !editor.is_read_only() {
                let save = if editor.unsaved { "Save" } else { "Saved" };
                if ui
                    .add_enabled(editor.problems.is_empty(), egui::Button::new(save))
                    .on_hover_text(Command::SavePack.hint(ui.ctx()))
                    .on_disabled_hover_text("Fix the problems marked in red first")
                    .clicked()
                {
                    actions.push(Action::Packs(PackAction::Save));
                }
            }
            if ui
                .button("Export…")
                .on_hover_text("Save a copy as a .ron or Markdown file")
                .clicked()
            {
                actions.push(Action::Packs(PackAction::ExportDialog));
            }
            if ui
                .add_enabled(editor.can_redo(), egui::Button::new("Redo"))
                .on_hover_text(Command::Redo.hint(ui.ctx()))
                .clicked()
            {
                actions.push(Action::Packs(PackAction::Redo));
            }
            if ui
                .add_enabled(editor.can_undo(), egui::Button::new("Undo"))
                .on_hover_text(Command::Undo.hint(ui.ctx()))
                .clicked()
            {
                actions.push(Action::Packs(PackAction::Undo));
            }
            if !editor.problems.is_empty() {
                let count = editor.problems.len();
                ui.colored_label(
                    theme::colours(ui).red,
                    if count == 1 {
                        "1 problem".to_owned()
                    } else {
                        format!("{count} problems")
                    },
                )
                .on_hover_text(
                    editor
                        .problems
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            }
        });
    });
}

fn question_list_ui(ui: &mut egui::Ui, editor: &mut PackEditor, actions: &mut Vec<Action>) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.strong(format!("Questions ({})", editor.pack.questions.len()));
    });
    if !editor.is_read_only() {
        ui.horizontal_wrapped(|ui| {
            let has = !editor.pack.questions.is_empty();
            let index = editor.selected;
            let last = editor.pack.questions.len().saturating_sub(1);
            for (edit, label, enabled) in [
                (QuestionEdit::Add, "Add", true),
                (QuestionEdit::Duplicate, "Duplicate", has),
                (QuestionEdit::Delete, "Delete", has),
                (QuestionEdit::Up, "Up", has && index > 0),
                (QuestionEdit::Down, "Down", has && index < last),
            ] {
                if ui.add_enabled(enabled, egui::Button::new(label)).clicked() {
                    actions.push(PackAction::Edit(edit).into());
                }
            }
        });
    }
    ui.add_space(4.0);
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt("pack-questions")
        .show(ui, |ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            for (index, question) in editor.pack.questions.iter().enumerate() {
                let mut text = egui::RichText::new(format!(
                    "{}. {}",
                    index + 1,
                    if question.prompt.trim().is_empty() {
                        "(no prompt yet)"
                    } else {
                        crate::domain::first_line(&question.prompt)
                    }
                ));
                if editor.question_has_problems(index) {
                    text = text.color(theme::colours(ui).red);
                }
                if ui
                    .add(
                        egui::Button::selectable(editor.selected == index, text)
                            .min_size(egui::vec2(ui.available_width(), 0.0)),
                    )
                    .clicked()
                {
                    clicked = Some(index);
                }
            }
        });
    if let Some(index) = clicked {
        editor.select(index);
    }
}
