//! Dialogs over the window: start the interview, confirm a delete, export, import previews and
//! conflicts, unsaved pack changes, and typing a path where no file dialog is available.

use std::path::PathBuf;

use eframe::egui;

use super::action::{Action, ImportChoice, InterviewAction, PackAction, PlanAction, RecordAction};
use super::state::AppState;
use super::theme;

/// What a typed path is for, in the path dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Import a question pack from this file.
    ImportPack,
    /// Import questions from this Markdown or text document.
    ImportDocument,
}

/// A dialog over the window.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// Ask for the candidate's name before an interview starts.
    StartInterview {
        /// The candidate's name.
        candidate: String,
        /// The role, prefilled from the plan.
        role: String,
    },
    /// Ask before handing the evaluation in, naming the recommendation being submitted.
    ConfirmSubmit {
        /// The recommendation chosen.
        recommendation: crate::domain::Recommendation,
    },
    /// Correct the candidate's name or the role of the open evaluation.
    EditCandidate {
        /// The candidate's name, as typed.
        candidate: String,
        /// The role, as typed.
        role: String,
    },
    /// Confirm deleting an evaluation.
    ConfirmDelete {
        /// Its file.
        path: PathBuf,
        /// Its candidate, to name in the question.
        candidate: String,
    },
    /// Export an evaluation as a PDF.
    Export {
        /// The evaluation file.
        source: PathBuf,
        /// Where to write the file, as typed or picked.
        target: String,
        /// PDF or Markdown.
        format: crate::report::ExportFormat,
        /// Paper size of a PDF.
        paper: crate::report::Paper,
        /// Whether to include private notes.
        include_private_notes: bool,
    },
    /// Questions read from a document, shown before anything is saved.
    ImportPreview {
        /// The document.
        source: PathBuf,
        /// The pack made from it.
        pack: Box<crate::domain::QuestionPack>,
        /// What was found, counted: questions, follow-ups, rubrics, warnings.
        tally: crate::import::Tally,
        /// What the importer could not place or had to guess, one line each.
        warnings: Vec<String>,
    },
    /// An imported pack has an id already in the library.
    ImportConflict {
        /// The pack being imported.
        pack: Box<crate::domain::QuestionPack>,
        /// The user file with that id, or `None` when the id is a bundled pack's.
        existing: Option<PathBuf>,
        /// Files still to import after this one.
        remaining: Vec<PathBuf>,
    },
    /// The pack editor has unsaved changes: save, discard or stay.
    UnsavedPack {
        /// What to do once the question is answered (unless the answer is to stay).
        then: Box<super::action::Action>,
    },
    /// Save a copy of the edited pack somewhere (RON, or Markdown for a `.md` name).
    ExportPack {
        /// The path typed or picked.
        target: String,
    },
    /// Where to write the debrief packet of the chosen evaluations, and how.
    Debrief {
        /// The path typed or picked.
        target: String,
        /// PDF or Markdown.
        format: crate::report::ExportFormat,
        /// Paper size of a PDF.
        paper: crate::report::Paper,
    },
    /// Where to print the plan being built as an interview kit.
    Kit {
        /// The path typed or picked.
        target: String,
        /// Paper size.
        paper: crate::report::Paper,
    },
    /// Type a path (always offered beside the native dialog, which may be unavailable).
    Path {
        /// What the path is for.
        purpose: PathPurpose,
        /// The path typed so far.
        text: String,
    },
}

/// Shows the open dialog, if any.
pub fn dialog_ui(ctx: &egui::Context, state: &mut AppState, actions: &mut Vec<Action>) {
    let AppState {
        dialog,
        settings,
        no_file_chooser,
        debrief_files,
        ..
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
                        actions.push(Action::Plan(PlanAction::Start {
                            candidate: candidate.clone(),
                            role: role.clone(),
                        }));
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::ConfirmSubmit { recommendation } => {
                ui.heading(format!("Submit with “{}”?", recommendation.label()));
                ui.add_space(4.0);
                ui.label(
                    "The evaluation becomes read-only and goes to the hiring committee as it is. \
                     You can reopen it for changes later; the reopening is recorded.",
                );
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let fill = theme::recommendation_colour(*recommendation);
                    let submit = egui::Button::new(
                        egui::RichText::new(format!("Submit “{}”", recommendation.label()))
                            .strong()
                            .color(theme::text_on(fill)),
                    )
                    .fill(fill);
                    if ui.add(submit).clicked() {
                        actions.push(InterviewAction::Submit.into());
                    }
                    let cancel = ui.button("Go back");
                    if !ui.memory(|m| m.focused().is_some()) {
                        // Enter or Space on the focused default never hands anything in.
                        cancel.request_focus();
                    }
                    if cancel.clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::EditCandidate { candidate, role } => {
                ui.heading("Candidate and role");
                ui.add_space(8.0);
                let focus = !ui.memory(|m| m.focused().is_some());
                let (submitted, _) = labelled_field(ui, "Candidate", candidate, focus);
                let (role_submitted, _) = labelled_field(ui, "Role", role, false);
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let ready = !candidate.trim().is_empty();
                    let save = ui.add_enabled(ready, egui::Button::new("Save"));
                    if save.clicked() || (ready && (submitted || role_submitted)) {
                        actions.push(
                            InterviewAction::SetCandidate {
                                candidate: candidate.clone(),
                                role: role.clone(),
                            }
                            .into(),
                        );
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
                        .add(egui::Button::new(egui::RichText::new("Delete").color(theme::colours(ui).red)))
                        .clicked()
                    {
                        actions.push(Action::Record(RecordAction::Delete(path.clone())));
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::Export {
                target,
                format,
                paper,
                include_private_notes,
                ..
            } => {
                ui.heading("Export evaluation");
                ui.add_space(4.0);
                ui.horizontal(|ui| {
                    ui.label("Format");
                    for choice in crate::report::ExportFormat::ALL {
                        if ui
                            .selectable_value(format, choice, choice.label())
                            .changed()
                        {
                            *target = super::export::with_extension_for(target, choice);
                        }
                    }
                });
                let (submitted, _) = labelled_field(ui, "Save as", target, false);
                let filters = [(format.label(), format.extension())];
                browse_save_ui(ui, target, "Export evaluation", &filters, no_file_chooser);
                ui.add_space(4.0);
                if *format == crate::report::ExportFormat::Pdf {
                    paper_ui(ui, paper);
                }
                if format.can_include_private_notes() {
                    ui.checkbox(include_private_notes, "Include my private notes");
                } else {
                    *include_private_notes = false;
                    ui.weak(
                        "Without your private notes; its seal still shows whether it was changed after you submitted it.",
                    );
                }
                export_buttons(ui, target, submitted, RecordAction::RunExport.into(), actions);
            }
            Dialog::ImportPreview {
                source,
                pack,
                tally,
                warnings,
            } => {
                ui.set_width(620.0);
                ui.heading("Import from a document");
                ui.weak(source.display().to_string());
                ui.add_space(4.0);
                ui.label(format!("“{}” (id `{}`)", pack.title, pack.id));
                ui.strong(tally.to_string());
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
                    ui.colored_label(theme::colours(ui).amber, format!("{} warnings", warnings.len()));
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
                        actions.push(Action::Packs(PackAction::AcceptPreview));
                    }
                    if ui
                        .add_enabled(any, egui::Button::new("Open in editor first"))
                        .clicked()
                    {
                        actions.push(Action::Packs(PackAction::EditPreview));
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
                        actions.push(Action::Packs(PackAction::ResolveImport(ImportChoice::KeepBoth)));
                    }
                    let replace = ui
                        .add_enabled(existing.is_some(), egui::Button::new("Replace"))
                        .on_hover_text("Replace your pack; the old file is kept in packs/backups")
                        .on_disabled_hover_text("Bundled packs cannot be replaced");
                    if replace.clicked() {
                        actions.push(Action::Packs(PackAction::ResolveImport(ImportChoice::Replace)));
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::Packs(PackAction::ResolveImport(ImportChoice::Cancel)));
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
                        actions.push(Action::Packs(PackAction::SaveThen(then.clone())));
                    }
                    if ui.button("Discard changes").clicked() {
                        actions.push(Action::Packs(PackAction::DiscardThen(then.clone())));
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
                let filters = [("Onsite pack", "ron"), ("Markdown", "md")];
                browse_save_ui(ui, target, "Export pack", &filters, no_file_chooser);
                export_buttons(ui, target, submitted, Action::Packs(PackAction::RunExport), actions);
            }
            Dialog::Debrief {
                target,
                format,
                paper,
            } => {
                ui.heading("Debrief packet");
                ui.add_space(4.0);
                ui.label(format!(
                    "Combines {} evaluations of one candidate: who said what, where the panel \
                     disagrees, what nobody covered, then each evaluation in full. Private notes \
                     are never included.",
                    debrief_files.len()
                ));
                ui.horizontal(|ui| {
                    ui.label("Format");
                    for choice in [crate::report::ExportFormat::Pdf, crate::report::ExportFormat::Markdown] {
                        if ui.selectable_value(format, choice, choice.label()).changed() {
                            *target = super::export::with_extension_for(target, choice);
                        }
                    }
                });
                let (submitted, _) = labelled_field(ui, "Save as", target, false);
                let filters = [(format.label(), format.extension())];
                browse_save_ui(ui, target, "Debrief packet", &filters, no_file_chooser);
                if *format == crate::report::ExportFormat::Pdf {
                    paper_ui(ui, paper);
                }
                export_buttons(ui, target, submitted, RecordAction::RunDebrief.into(), actions);
            }
            Dialog::Kit { target, paper } => {
                ui.heading("Print interview kit");
                ui.add_space(4.0);
                ui.label(
                    "A PDF of this plan to prepare with or to interview on paper: each question \
                     with its purpose, key points to tick, follow-ups, red flags, the rubric and \
                     lined space for notes.",
                );
                let (submitted, _) = labelled_field(ui, "Save as", target, false);
                browse_save_ui(ui, target, "Interview kit", &[("PDF", "pdf")], no_file_chooser);
                paper_ui(ui, paper);
                export_buttons(ui, target, submitted, PlanAction::RunKit.into(), actions);
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
                            PathPurpose::ImportPack => Action::Packs(PackAction::Import(paths)),
                            PathPurpose::ImportDocument => match paths.into_iter().next() {
                                Some(path) => Action::Packs(PackAction::ImportDocument(path)),
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

/// The paper size choice of a PDF.
fn paper_ui(ui: &mut egui::Ui, paper: &mut crate::report::Paper) {
    ui.horizontal(|ui| {
        ui.label("Paper");
        ui.selectable_value(paper, crate::report::Paper::A4, "A4");
        ui.selectable_value(paper, crate::report::Paper::Letter, "US Letter");
    });
}

/// A "Browse…" button that puts the file picked in the system's save dialog into `target`.
/// Without a desktop portal (or zenity) the system dialog returns at once as if cancelled:
/// then the button goes, once and for all, and the dialog says to type the path.
fn browse_save_ui(
    ui: &mut egui::Ui,
    target: &mut String,
    title: &str,
    filters: &[(&str, &str)],
    no_file_chooser: &mut bool,
) {
    if *no_file_chooser {
        ui.weak("No file chooser is available on this system: type the path above.");
        return;
    }
    if !ui.button("Browse…").clicked() {
        return;
    }
    let current = PathBuf::from(target.as_str());
    let mut dialog = rfd::FileDialog::new().set_title(title);
    for (name, extension) in filters {
        dialog = dialog.add_filter(*name, &[*extension]);
    }
    if let Some(folder) = current.parent().filter(|f| f.is_dir()) {
        dialog = dialog.set_directory(folder);
    }
    if let Some(name) = current.file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    let asked = std::time::Instant::now();
    match dialog.save_file() {
        Some(picked) => *target = picked.display().to_string(),
        // Nobody cancels a file dialog within a quarter of a second.
        None if asked.elapsed() < std::time::Duration::from_millis(250) => {
            *no_file_chooser = true;
        }
        None => {}
    }
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
