//! Plan builder: search the packs on the left, preview in the middle, the plan on the right.

use eframe::egui;

mod preview;
mod results;
mod state;

pub use preview::preview_ui;
pub use state::{CustomDraft, PlanBuilder, reference_of};

use super::action::{Action, PlanAction};
use super::dialogs::{Dialog, labelled_field};
use super::shortcuts::Command;
use super::state::AppState;
use crate::domain::{PlanQuestion, first_line, lookup};

/// Draws the plan builder.
pub fn plan_builder_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    refresh_results(state);
    header_ui(ui, state, actions);
    ui.separator();
    egui::Panel::left("library")
        .resizable(true)
        .default_size(ui.available_width() * 0.36)
        .min_size(260.0)
        .show(ui, |ui| results::library_ui(ui, state, actions));
    egui::Panel::right("plan")
        .resizable(true)
        .default_size(ui.available_width() * 0.38)
        .min_size(280.0)
        .show(ui, |ui| plan_ui(ui, state, actions));
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("preview")
            .show(ui, |ui| {
                let selected = state.builder.selected;
                match selected.and_then(|key| Some((key, state.question(key)?))) {
                    Some((key, question)) => {
                        let title = state
                            .packs
                            .get(key.pack)
                            .map_or("", |e| e.pack.title.as_str());
                        let marks =
                            state
                                .index
                                .highlights(question, title, &state.builder.filter.query);
                        preview_ui(ui, question, &marks);
                    }
                    None => {
                        ui.add_space(24.0);
                        ui.vertical_centered(|ui| ui.weak("Select a question to see it here."));
                    }
                }
            });
    });
}

/// Recomputes the search results when the query or filters changed (not every frame).
fn refresh_results(state: &mut AppState) {
    let builder = &mut state.builder;
    if builder.results_for.as_ref() != Some(&builder.filter) {
        let query_changed = builder
            .results_for
            .as_ref()
            .is_none_or(|old| old.query != builder.filter.query);
        builder.hits = state.index.search(&builder.filter);
        builder.results = builder.hits.iter().map(|hit| hit.key).collect();
        builder.results_for = Some(builder.filter.clone());
        // A new query starts from its best hit: Down and Enter then mean "the top result",
        // never the question that happened to be selected before.
        if query_changed
            || builder
                .selected
                .is_none_or(|key| !builder.results.contains(&key))
        {
            builder.selected = builder.results.first().copied();
        }
    }
}

fn header_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    let total = state.builder.plan.total_minutes(&state.packs);
    let builder = &mut state.builder;
    ui.horizontal(|ui| {
        let title_label = ui.label("Plan");
        let title = ui
            .add(egui::TextEdit::singleline(&mut builder.plan.title).desired_width(260.0))
            .labelled_by(title_label.id);
        let role_label = ui.label("Role");
        let role = ui
            .add(
                egui::TextEdit::singleline(&mut builder.plan.role)
                    .hint_text("e.g. Senior Backend Engineer")
                    .desired_width(220.0),
            )
            .labelled_by(role_label.id);
        if title.changed() || role.changed() {
            builder.unsaved = true;
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let can_start = !builder.plan.entries.is_empty();
            if ui
                .add_enabled(can_start, egui::Button::new("Start interview…"))
                .clicked()
            {
                actions.push(Action::Open(Dialog::StartInterview {
                    candidate: String::new(),
                    role: builder.plan.role.clone(),
                }));
            }
            let save_label = if builder.unsaved || builder.path.is_none() {
                "Save plan"
            } else {
                "Saved"
            };
            if ui
                .button(save_label)
                .on_hover_text(Command::SavePlan.hint(ui.ctx()))
                .clicked()
            {
                actions.push(Action::Plan(PlanAction::Save));
            }
            ui.weak(format!(
                "{} questions · {total} min planned",
                builder.plan.entries.len()
            ));
        });
    });
}

fn plan_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading("Interview plan");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .add_enabled(
                    !state.builder.plan.entries.is_empty(),
                    egui::Button::new("Print kit…"),
                )
                .on_hover_text("The plan as a PDF, to prepare with or to interview on paper")
                .clicked()
            {
                actions.push(Action::Plan(PlanAction::PrintKit));
            }
        });
    });
    let AppState { builder, packs, .. } = state;
    if builder.plan.entries.is_empty() {
        ui.weak("Add questions with the button, a double-click, or Enter.");
    }
    if let Some(key) = builder.selected {
        let already = packs.get(key.pack).is_some_and(|entry| {
            let Some(q) = entry.pack.questions.get(key.question) else { return false };
            builder.plan.entries.iter().any(|e| {
                matches!(&e.question, PlanQuestion::FromPack(r) if r.pack == entry.pack.id && r.question == q.id)
            })
        });
        let label = if already {
            "Add selected again"
        } else {
            "Add selected question"
        };
        if ui
            .button(label)
            .on_hover_text(format!("Enter or {}", Command::AddToPlan.hint(ui.ctx())))
            .clicked()
        {
            actions.push(Action::Plan(PlanAction::Add(key)));
        }
    }
    ui.add_space(4.0);
    let mut minutes_changed = false;
    egui::ScrollArea::vertical()
        .id_salt("plan-entries")
        .max_height(ui.available_height() - 150.0)
        .show(ui, |ui| {
            let count = builder.plan.entries.len();
            for index in 0..count {
                let question = lookup(&builder.plan.entries[index].question, packs)
                    .map(|(q, _)| (first_line(&q.prompt).to_owned(), q.minutes));
                let selected = builder.selected_entry == Some(index);
                let row = egui::Frame::new()
                    .inner_margin(egui::Margin::symmetric(4, 2))
                    .corner_radius(4.0)
                    .stroke(if selected {
                        egui::Stroke::new(1.0, super::theme::colours(ui).accent)
                    } else {
                        egui::Stroke::NONE
                    })
                    .show(ui, |ui| {
                        ui.horizontal(|ui| {
                            let handle_id = egui::Id::unique(("plan-entry", index));
                            ui.dnd_drag_source(handle_id, index, |ui| {
                                ui.label("☰")
                                    .on_hover_text("Drag to reorder (or Alt+Up / Alt+Down)");
                            });
                            ui.label(format!("{}.", index + 1));
                            let (prompt, default_minutes) = question.unwrap_or_else(|| {
                                (
                                    "Missing question — it is no longer in the library".to_owned(),
                                    10,
                                )
                            });
                            let entry = &mut builder.plan.entries[index];
                            ui.with_layout(
                                egui::Layout::right_to_left(egui::Align::Center),
                                |ui| {
                                    if ui
                                        .small_button("✖")
                                        .on_hover_text("Remove from plan")
                                        .clicked()
                                    {
                                        actions.push(Action::Plan(PlanAction::Remove(index)));
                                    }
                                    let mut minutes = entry.minutes.unwrap_or(default_minutes);
                                    let minutes_label = ui.weak("min");
                                    let drag = ui
                                        .add(egui::DragValue::new(&mut minutes).range(1..=240))
                                        .labelled_by(minutes_label.id);
                                    if drag.changed() {
                                        entry.minutes =
                                            (minutes != default_minutes).then_some(minutes);
                                        minutes_changed = true;
                                    }
                                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                                    if ui
                                        .add(egui::Label::new(prompt).sense(egui::Sense::click()))
                                        .clicked()
                                    {
                                        builder.selected_entry = Some(index);
                                    }
                                },
                            );
                        });
                    });
                let response = row.response;
                if let Some(from) = response.dnd_release_payload::<usize>() {
                    actions.push(Action::Plan(PlanAction::Move {
                        from: *from,
                        to: index,
                    }));
                } else if response.dnd_hover_payload::<usize>().is_some() {
                    ui.painter().hline(
                        response.rect.x_range(),
                        response.rect.top(),
                        egui::Stroke::new(2.0, super::theme::colours(ui).accent),
                    );
                }
            }
        });
    if minutes_changed {
        builder.unsaved = true;
    }
    ui.separator();
    let mut cancel = false;
    match &mut builder.custom {
        None => {
            if ui.button("Add your own question").clicked() {
                builder.custom = Some(CustomDraft::default());
            }
        }
        Some(draft) => cancel = custom_question_ui(ui, draft, actions),
    }
    if cancel {
        builder.custom = None;
    }
}

/// The inline form; returns whether it was cancelled.
fn custom_question_ui(
    ui: &mut egui::Ui,
    draft: &mut CustomDraft,
    actions: &mut Vec<Action>,
) -> bool {
    let mut cancel = false;
    ui.strong("Your own question");
    labelled_field(ui, "Question", &mut draft.prompt, false);
    let points_label = ui.label("Key points (one per line, optional)");
    ui.add(
        egui::TextEdit::multiline(&mut draft.key_points)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(points_label.id);
    ui.horizontal(|ui| {
        let minutes_label = ui.label("Minutes");
        ui.add(egui::DragValue::new(&mut draft.minutes).range(1..=240))
            .labelled_by(minutes_label.id);
        let ready = !draft.prompt.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new("Add to plan"))
            .clicked()
        {
            actions.push(Action::Plan(PlanAction::AddCustom));
        }
        if ui.button("Cancel").clicked() {
            cancel = true;
        }
    });
    cancel
}
