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
                    ui.strong(&listing.candidate);
                    ui.label(&listing.role);
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
    let past: Vec<&EvaluationListing> = state
        .evaluations
        .iter()
        .filter(|l| l.status == EvaluationStatus::Submitted)
        .collect();
    if past.is_empty() {
        ui.weak("Submitted evaluations will be listed here.");
    } else {
        egui::Grid::new("evaluations")
            .num_columns(6)
            .striped(true)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                for header in ["Candidate", "Role", "Date", "Status", "Recommendation", ""] {
                    ui.weak(header);
                }
                ui.end_row();
                for listing in past {
                    ui.strong(&listing.candidate);
                    ui.label(&listing.role);
                    ui.label(widgets::date(listing.started_at));
                    ui.horizontal(|ui| {
                        ui.label(listing.status.label());
                        widgets::seal_ui(ui, &listing.seal);
                    });
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
