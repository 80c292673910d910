//! Home: start a new interview, resume one in progress, find past evaluations.

use eframe::egui;

use super::action::{Action, PlanAction, RecordAction};
use super::dialogs::Dialog;
use super::shortcuts::Command;
use super::state::{AppState, EvaluationListing};
use super::{theme, widgets};
use crate::domain::EvaluationStatus;

/// Draws the home screen.
pub fn home_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        // A readable column in the middle of wide windows.
        let width = ui.available_width().min(980.0);
        let left = (ui.available_width() - width) / 2.0;
        ui.horizontal(|ui| {
            ui.add_space(left);
            ui.vertical(|ui| {
                ui.set_width(width);
                home_column_ui(ui, state, actions);
            });
        });
    });
}

fn home_column_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.add_space(16.0);
    ui.heading("Interviews");
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let new = egui::Button::new(
            egui::RichText::new("New interview")
                .strong()
                .color(egui::Color32::WHITE),
        )
        .fill(theme::ACCENT)
        .min_size(egui::vec2(0.0, 32.0));
        if ui
            .add(new)
            .on_hover_text(format!(
                "Build a plan from the question packs ({})",
                Command::NewPlan.hint(ui.ctx())
            ))
            .clicked()
        {
            actions.push(Action::Plan(PlanAction::New));
        }
        if state.is_loading_packs() {
            ui.weak("Reading question packs…");
        } else {
            ui.weak(format!(
                "{} questions in {} packs",
                state.index.len(),
                state.packs.len()
            ));
        }
    });

    let running: Vec<&EvaluationListing> = state
        .evaluations
        .iter()
        .filter(|l| l.status == EvaluationStatus::InProgress)
        .collect();
    if !running.is_empty() {
        ui.add_space(16.0);
        ui.heading("In progress");
        for listing in running {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    // Room for the date and the two buttons; names and roles share the rest.
                    let room = (ui.available_width() - 330.0).max(160.0);
                    let name = egui::Label::new(egui::RichText::new(&listing.candidate).strong());
                    widgets::clipped(ui, name, room * 0.45);
                    widgets::clipped(ui, egui::Label::new(&listing.role), room * 0.55);
                    ui.weak(widgets::date(listing.started_at));
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.button("Review").clicked() {
                            actions
                                .push(Action::Record(RecordAction::Review(listing.path.clone())));
                        }
                        if ui.button("Resume").clicked() {
                            actions
                                .push(Action::Record(RecordAction::Resume(listing.path.clone())));
                        }
                    });
                });
            });
        }
    }

    if !state.plans.is_empty() {
        ui.add_space(16.0);
        ui.heading("Saved plans");
        egui::Grid::new("plans")
            .num_columns(4)
            .striped(true)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                for (path, plan) in &state.plans {
                    ui.strong(&plan.title);
                    ui.label(&plan.role);
                    ui.weak(format!(
                        "{} questions · {} min",
                        plan.entries.len(),
                        plan.total_minutes(&state.packs)
                    ));
                    ui.horizontal(|ui| {
                        if ui.button("Start…").clicked() {
                            actions.push(Action::Plan(PlanAction::Load(path.clone())));
                            actions.push(Action::Open(Dialog::StartInterview {
                                candidate: String::new(),
                                role: plan.role.clone(),
                            }));
                        }
                        if ui.button("Edit").clicked() {
                            actions.push(Action::Plan(PlanAction::Load(path.clone())));
                        }
                    });
                    ui.end_row();
                }
            });
    }

    ui.add_space(16.0);
    ui.heading("Past evaluations");
    debrief_bar_ui(ui, state, actions);
    let past: Vec<&EvaluationListing> = state
        .evaluations
        .iter()
        .filter(|l| l.status == EvaluationStatus::Submitted)
        .collect();
    if past.is_empty() {
        ui.weak("Submitted evaluations will be listed here.");
    } else {
        // Room for the date, seal, recommendation and buttons; names and roles share the rest,
        // so the buttons stay on screen whatever the names.
        let room = (ui.available_width() - 650.0).max(200.0);
        egui::Grid::new("evaluations")
            .num_columns(6)
            .striped(true)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                // Every row here is submitted: the seal says whether it still is as handed in.
                for header in ["Candidate", "Role", "Date", "Seal", "Recommendation", ""] {
                    ui.weak(header);
                }
                ui.end_row();
                for listing in past {
                    ui.horizontal(|ui| {
                        let mut chosen = state.debrief_files.contains(&listing.path);
                        let tick = ui.add(egui::Checkbox::without_text(&mut chosen));
                        let name = format!("Choose {} for the debrief", listing.candidate);
                        tick.widget_info(|| {
                            egui::WidgetInfo::selected(egui::Role::CheckBox, true, chosen, &name)
                        });
                        if tick
                            .on_hover_text("Choose for the debrief packet")
                            .changed()
                        {
                            actions.push(
                                RecordAction::ChooseForDebrief(listing.path.clone(), chosen).into(),
                            );
                        }
                        let name =
                            egui::Label::new(egui::RichText::new(&listing.candidate).strong());
                        widgets::clipped(ui, name, room * 0.45);
                    });
                    widgets::clipped(ui, egui::Label::new(&listing.role), room * 0.55);
                    ui.label(widgets::date(listing.started_at));
                    widgets::seal_ui(ui, &listing.seal);
                    match listing.recommendation {
                        Some(recommendation) => widgets::recommendation_badge(ui, recommendation),
                        None => {
                            ui.weak("—");
                        }
                    }
                    ui.horizontal(|ui| {
                        if ui.button("Open").clicked() {
                            actions
                                .push(Action::Record(RecordAction::Review(listing.path.clone())));
                        }
                        if ui.button("Export…").clicked() {
                            actions
                                .push(Action::Record(RecordAction::Export(listing.path.clone())));
                        }
                        if ui
                            .button(egui::RichText::new("Delete…").color(theme::colours(ui).red))
                            .clicked()
                        {
                            actions.push(Action::Open(Dialog::ConfirmDelete {
                                path: listing.path.clone(),
                                candidate: listing.candidate.clone(),
                            }));
                        }
                    });
                    ui.end_row();
                }
            });
    }
}

/// What is chosen for a debrief, and the button that makes the packet.
fn debrief_bar_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    let chosen = &state.debrief_files;
    ui.horizontal_wrapped(|ui| {
        let ready = !chosen.is_empty();
        if ui
            .add_enabled(ready, egui::Button::new(format!("Debrief ({})…", chosen.len())))
            .on_hover_text("One packet for the hiring committee from the chosen evaluations")
            .on_disabled_hover_text("Tick the panel's evaluations of one candidate first")
            .clicked()
        {
            actions.push(RecordAction::Debrief.into());
        }
        if ready {
            if ui.button("Clear").clicked() {
                for path in chosen {
                    actions.push(RecordAction::ChooseForDebrief(path.clone(), false).into());
                }
            }
        } else {
            ui.weak("Tick the panel's evaluations of one candidate, or drop the files other interviewers shared on the window.");
        }
    });
    // Files from outside the library (shared by the rest of the panel) are listed here, since
    // no row below shows them.
    for path in chosen {
        if state
            .evaluations
            .iter()
            .any(|listing| listing.path == *path)
        {
            continue;
        }
        ui.horizontal(|ui| {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            );
            ui.label(format!("Shared file: {name}"))
                .on_hover_text(path.display().to_string());
            if ui
                .small_button("✖")
                .on_hover_text("Leave out of the debrief")
                .clicked()
            {
                actions.push(RecordAction::ChooseForDebrief(path.clone(), false).into());
            }
        });
    }
}
