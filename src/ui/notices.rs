//! Notices (dismissible messages at the top) and dialogs (start interview, confirm delete,
//! type a path).

use std::path::PathBuf;

use eframe::egui;

use super::action::{Action, ImportChoice};
use super::state::{AppState, Dialog, NoticeKind, PathPurpose};
use super::theme;

/// Shows the notices, newest last, each with a close button.
pub fn notices_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    if state.notices.is_empty() {
        return;
    }
    egui::Panel::top("notices").show(ui, |ui| {
        ui.add_space(4.0);
        for notice in &state.notices {
            let colour = match notice.kind {
                NoticeKind::Info => theme::GREEN,
                NoticeKind::Error => theme::RED,
            };
            egui::Frame::new()
                .stroke(egui::Stroke::new(1.0, colour))
                .corner_radius(4.0)
                .inner_margin(egui::Margin::symmetric(8, 4))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        let icon = match notice.kind {
                            NoticeKind::Info => "✔",
                            NoticeKind::Error => "⚠",
                        };
                        ui.colored_label(colour, icon);
                        ui.add(egui::Label::new(&notice.text).wrap());
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                            if ui.small_button("✖").on_hover_text("Dismiss").clicked() {
                                actions.push(Action::Dismiss(notice.id));
                            }
                            if let Some((label, action)) = &notice.button
                                && ui.small_button(label).clicked()
                            {
                                actions.push(action.clone());
                            }
                        });
                    });
                });
        }
        ui.add_space(4.0);
    });
}

/// Shows the open dialog, if any.
pub fn dialog_ui(ctx: &egui::Context, state: &mut AppState, actions: &mut Vec<Action>) {
    let AppState {
        dialog, settings, ..
    } = state;
    let Some(dialog) = dialog else {
        return;
    };
    let modal = egui::Modal::new(egui::Id::unique("dialog")).show(ctx, |ui| {
        ui.set_width(420.0);
        match dialog {
            Dialog::StartInterview { candidate, role } => {
                ui.heading("Start the interview");
                ui.add_space(8.0);
                let focus = !ui.memory(|m| m.focused().is_some());
                let (submitted, _) = labelled_field(ui, "Candidate", candidate, focus);
                let (role_submitted, _) = labelled_field(ui, "Role", role, false);
                // Remembered for the next interview (it is a setting).
                let (name_submitted, _) =
                    labelled_field(ui, "Interviewer (you)", &mut settings.interviewer, false);
                let role_submitted = role_submitted || name_submitted;
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let ready = !candidate.trim().is_empty();
                    let start = ui.add_enabled(ready, egui::Button::new("Start interview"));
                    if start.clicked() || (ready && (submitted || role_submitted)) {
                        actions.push(Action::StartInterview {
                            candidate: candidate.clone(),
                            role: role.clone(),
                        });
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::ConfirmDelete { path, candidate } => {
                ui.heading("Delete this evaluation?");
                ui.add_space(4.0);
                ui.label(format!(
                    "The evaluation of {candidate} will be removed from your library. This cannot be undone."
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui
                        .add(egui::Button::new(egui::RichText::new("Delete").color(theme::RED)))
                        .clicked()
                    {
                        actions.push(Action::DeleteEvaluation(path.clone()));
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::Export {
                target,
                paper,
                include_private_notes,
                ..
            } => {
                ui.heading("Export PDF");
                ui.add_space(4.0);
                let (submitted, _) = labelled_field(ui, "Save as", target, false);
                ui.horizontal(|ui| {
                    if ui.button("Browse…").clicked() {
                        // Without a desktop portal rfd returns at once as if cancelled; the
                        // typed path above always works.
                        let current = PathBuf::from(target.as_str());
                        let mut dialog = rfd::FileDialog::new()
                            .set_title("Export PDF")
                            .add_filter("PDF", &["pdf"]);
                        if let Some(folder) = current.parent().filter(|f| f.is_dir()) {
                            dialog = dialog.set_directory(folder);
                        }
                        if let Some(name) = current.file_name() {
                            dialog = dialog.set_file_name(name.to_string_lossy());
                        }
                        if let Some(picked) = dialog.save_file() {
                            *target = picked.display().to_string();
                        }
                    }
                });
                ui.add_space(4.0);
                ui.horizontal(|ui| {
                    ui.label("Paper");
                    ui.selectable_value(paper, crate::report::Paper::A4, "A4");
                    ui.selectable_value(paper, crate::report::Paper::Letter, "US Letter");
                });
                ui.checkbox(include_private_notes, "Include my private notes");
                export_buttons(ui, target, submitted, Action::RunExport, actions);
            }
            Dialog::ImportPreview {
                source,
                pack,
                warnings,
            } => {
                ui.set_width(620.0);
                ui.heading("Import from a document");
                ui.weak(source.display().to_string());
                ui.add_space(4.0);
                ui.label(format!(
                    "“{}” (id `{}`): {} questions found.",
                    pack.title,
                    pack.id,
                    pack.questions.len()
                ));
                egui::ScrollArea::vertical()
                    .id_salt("preview-questions")
                    .max_height(240.0)
                    .show(ui, |ui| {
                        for (index, question) in pack.questions.iter().enumerate() {
                            ui.horizontal_top(|ui| {
                                ui.weak(format!("{}.", index + 1));
                                ui.add(egui::Label::new(&question.prompt).wrap());
                            });
                            ui.weak(format!(
                                "    {} key points · {} · {} follow-ups · {} red flags · {} min",
                                question.key_points.len(),
                                if question.rubric.is_some() { "anchored rubric" } else { "standard scale" },
                                question.follow_ups.len(),
                                question.red_flags.len(),
                                question.minutes
                            ));
                        }
                    });
                if !warnings.is_empty() {
                    ui.add_space(6.0);
                    ui.colored_label(theme::AMBER, format!("{} warnings", warnings.len()));
                    egui::ScrollArea::vertical()
                        .id_salt("preview-warnings")
                        .max_height(160.0)
                        .show(ui, |ui| {
                            for warning in warnings.iter() {
                                ui.add(egui::Label::new(warning).wrap());
                            }
                        });
                }
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let any = !pack.questions.is_empty();
                    if ui.add_enabled(any, egui::Button::new("Import")).clicked() {
                        actions.push(Action::AcceptImportPreview);
                    }
                    if ui
                        .add_enabled(any, egui::Button::new("Open in editor first"))
                        .clicked()
                    {
                        actions.push(Action::EditImportPreview);
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::ImportConflict { pack, existing, .. } => {
                ui.heading("This pack is already in your library");
                ui.add_space(4.0);
                ui.label(format!(
                    "“{}” has the id `{}`, which a pack in your library already uses.",
                    pack.title, pack.id
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui
                        .button("Keep both")
                        .on_hover_text("Import it under a new id")
                        .clicked()
                    {
                        actions.push(Action::ResolveImport(ImportChoice::KeepBoth));
                    }
                    let replace = ui
                        .add_enabled(existing.is_some(), egui::Button::new("Replace"))
                        .on_hover_text("Replace your pack; the old file is kept in packs/backups")
                        .on_disabled_hover_text("Bundled packs cannot be replaced");
                    if replace.clicked() {
                        actions.push(Action::ResolveImport(ImportChoice::Replace));
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::ResolveImport(ImportChoice::Cancel));
                    }
                });
            }
            Dialog::UnsavedPack { then } => {
                ui.heading("Save changes to this pack?");
                ui.add_space(4.0);
                ui.label("The pack you are editing has changes that are not saved.");
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        actions.push(Action::SavePackThen(then.clone()));
                    }
                    if ui.button("Discard changes").clicked() {
                        actions.push(Action::DiscardPackChanges(then.clone()));
                    }
                    if ui.button("Keep editing").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::ExportPack { target } => {
                ui.heading("Export pack");
                ui.add_space(4.0);
                ui.label("A .ron file can be shared and imported; a .md file is readable Markdown.");
                let (submitted, _) = labelled_field(ui, "Save as", target, false);
                if ui.button("Browse…").clicked() {
                    let current = PathBuf::from(target.as_str());
                    let mut dialog = rfd::FileDialog::new()
                        .set_title("Export pack")
                        .add_filter("Onsite pack", &["ron"])
                        .add_filter("Markdown", &["md"]);
                    if let Some(name) = current.file_name() {
                        dialog = dialog.set_file_name(name.to_string_lossy());
                    }
                    if let Some(picked) = dialog.save_file() {
                        *target = picked.display().to_string();
                    }
                }
                export_buttons(ui, target, submitted, Action::RunPackExport, actions);
            }
            Dialog::Path { purpose, text } => {
                let (title, help, button) = match purpose {
                    PathPurpose::ImportPack => (
                        "Import question packs",
                        "Type the path of a .ron pack file (several paths may be separated by new lines), or drop files on the window.",
                        "Import",
                    ),
                    PathPurpose::ImportDocument => (
                        "Import from a document",
                        "Type the path of a Markdown (.md) or text (.txt) document with your questions.",
                        "Read document",
                    ),
                };
                ui.heading(title);
                ui.add_space(4.0);
                ui.label(help);
                let focus = !ui.memory(|m| m.focused().is_some());
                let (submitted, _) = labelled_field(ui, "Path", text, focus);
                ui.horizontal(|ui| {
                    let paths: Vec<PathBuf> = text
                        .lines()
                        .map(str::trim)
                        .filter(|line| !line.is_empty())
                        .map(PathBuf::from)
                        .collect();
                    let ready = !paths.is_empty();
                    if ui.add_enabled(ready, egui::Button::new(button)).clicked()
                        || (ready && submitted)
                    {
                        actions.push(match purpose {
                            PathPurpose::ImportPack => Action::ImportPacks(paths),
                            PathPurpose::ImportDocument => match paths.into_iter().next() {
                                Some(path) => Action::ImportDocument(path),
                                None => Action::CloseDialog,
                            },
                        });
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
        }
    });
    if modal.should_close() {
        actions.push(Action::CloseDialog);
    }
}

/// A label and a one-line text field tied to it (so screen readers and tests find the field
/// by its label). Returns whether Enter was pressed in it and its response.
pub fn labelled_field(
    ui: &mut egui::Ui,
    label: &str,
    text: &mut String,
    focus: bool,
) -> (bool, egui::Response) {
    let label = ui.label(label);
    let response = ui
        .add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    if focus {
        response.request_focus();
    }
    let submitted = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    (submitted, response)
}

/// The Export and Cancel buttons of an export dialog: Export (or Enter in the path field,
/// `submitted`) pushes `export` once a target path is typed.
fn export_buttons(
    ui: &mut egui::Ui,
    target: &str,
    submitted: bool,
    export: Action,
    actions: &mut Vec<Action>,
) {
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let ready = !target.trim().is_empty();
        if ui.add_enabled(ready, egui::Button::new("Export")).clicked() || (ready && submitted) {
            actions.push(export);
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::CloseDialog);
        }
    });
}
