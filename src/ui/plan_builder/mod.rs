//! Plan builder: search the packs on the left, preview in the middle, the plan on the right.

use eframe::egui;

mod state;

pub use state::{CustomDraft, PlanBuilder, reference_of};

use super::action::{Action, PlanAction};
use super::dialogs::{Dialog, labelled_field};
use super::shortcuts::Command;
use super::state::AppState;
use crate::domain::{Level, PlanQuestion, Question, first_line, lookup};

/// Height of one row of the question list; fixed so the list can be virtualised.
const ROW_HEIGHT: f32 = 40.0;

/// Draws the plan builder.
pub fn plan_builder_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    refresh_results(state);
    header_ui(ui, state, actions);
    ui.separator();
    egui::Panel::left("library")
        .resizable(true)
        .default_size(ui.available_width() * 0.36)
        .min_size(260.0)
        .show(ui, |ui| library_ui(ui, state, actions));
    egui::Panel::right("plan")
        .resizable(true)
        .default_size(ui.available_width() * 0.38)
        .min_size(280.0)
        .show(ui, |ui| plan_ui(ui, state, actions));
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("preview")
            .show(ui, |ui| {
                match state.builder.selected.and_then(|key| state.question(key)) {
                    Some(question) => preview_ui(ui, question),
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
        builder.results = state
            .index
            .search(&builder.filter)
            .into_iter()
            .map(|hit| hit.key)
            .collect();
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

fn library_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    ui.add_space(4.0);
    let loading_packs = state.is_loading_packs();
    let builder = &mut state.builder;
    let search_label = ui.label("Search");
    let search = ui
        .add(
            egui::TextEdit::singleline(&mut builder.filter.query)
                .hint_text(format!(
                    "prompt, tag, competency ({})",
                    Command::FocusSearch.hint(ui.ctx())
                ))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(search_label.id);
    if builder.focus_search {
        search.request_focus();
        builder.focus_search = false;
    }
    // Arrows move through the results and Enter adds, without leaving the search box.
    if search.has_focus() || !ui.ctx().egui_wants_keyboard_input() {
        let (up, down) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
            )
        });
        move_selection(builder, up, down);
    }
    if search.lost_focus()
        && ui.input(|i| i.key_pressed(egui::Key::Enter))
        && let Some(key) = builder.selected
    {
        actions.push(Action::Plan(PlanAction::Add(key)));
        builder.focus_search = true;
    }

    ui.horizontal_wrapped(|ui| {
        let pack_text = builder
            .filter
            .pack
            .and_then(|i| state.packs.get(i))
            .map_or("All packs".to_owned(), |e| e.pack.title.clone());
        egui::ComboBox::from_label("Pack")
            .selected_text(pack_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut builder.filter.pack, None, "All packs");
                for (i, entry) in state.packs.iter().enumerate() {
                    let label = if entry.is_bundled() {
                        entry.pack.title.clone()
                    } else {
                        format!("{} (yours)", entry.pack.title)
                    };
                    ui.selectable_value(&mut builder.filter.pack, Some(i), label);
                }
            });
        let competency_text = builder
            .filter
            .competency
            .clone()
            .unwrap_or_else(|| "All competencies".to_owned());
        egui::ComboBox::from_label("Competency")
            .selected_text(competency_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut builder.filter.competency, None, "All competencies");
                for competency in state.index.competencies() {
                    ui.selectable_value(
                        &mut builder.filter.competency,
                        Some(competency.clone()),
                        competency,
                    );
                }
            });
        let level_text = builder.filter.level.map_or("All levels", Level::label);
        egui::ComboBox::from_label("Level")
            .selected_text(level_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut builder.filter.level, None, "All levels");
                for level in Level::ALL {
                    ui.selectable_value(&mut builder.filter.level, Some(level), level.label());
                }
            });
    });
    ui.weak(if loading_packs {
        "Reading question packs…".to_owned()
    } else {
        format!(
            "{} of {} questions",
            builder.results.len(),
            state.index.len()
        )
    });
    ui.separator();

    let results = &builder.results;
    let selected = builder.selected;
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt("results")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, results.len(), |ui, rows| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            for &key in &results[rows] {
                let Some(entry) = state.packs.get(key.pack) else {
                    continue;
                };
                let Some(question) = entry.pack.questions.get(key.question) else {
                    continue;
                };
                let response =
                    result_row_ui(ui, question, &entry.pack.title, selected == Some(key));
                if response.double_clicked() {
                    actions.push(Action::Plan(PlanAction::Add(key)));
                } else if response.clicked() {
                    clicked = Some(key);
                }
            }
        });
    if let Some(key) = clicked {
        builder.selected = Some(key);
    }
}

/// One result: the prompt on the first line, competency · level · minutes · pack below, both
/// cut to the width (the full text is in the preview). Drawn by hand so every row has the
/// same height, which keeps the list virtualised.
fn result_row_ui(
    ui: &mut egui::Ui,
    question: &Question,
    pack_title: &str,
    selected: bool,
) -> egui::Response {
    let size = egui::vec2(
        ui.available_width(),
        ROW_HEIGHT - ui.spacing().item_spacing.y,
    );
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let first_line = first_line(&question.prompt);
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, first_line));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.visuals();
    let painter = ui.painter();
    if selected {
        painter.rect_filled(rect, 4.0, visuals.selection.bg_fill);
    } else if response.hovered() {
        painter.rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let (strong, weak) = if selected {
        (
            visuals.selection.stroke.color,
            visuals.selection.stroke.color,
        )
    } else {
        (visuals.strong_text_color(), visuals.weak_text_color())
    };
    let inner = rect.shrink2(egui::vec2(8.0, 2.0));
    let line = |text: &str, style: egui::TextStyle, colour: egui::Color32| {
        let mut job = egui::text::LayoutJob::simple_singleline(
            text.to_owned(),
            style.resolve(ui.style()),
            colour,
        );
        job.wrap = egui::text::TextWrapping::truncate_at_width(inner.width());
        ui.painter().layout_job(job)
    };
    let competency = crate::domain::scoring::competency_of_question(question);
    let meta = format!(
        "{competency} · {} · {} min · {pack_title}",
        question.level.label(),
        question.minutes
    );
    let top = line(first_line, egui::TextStyle::Body, strong);
    let bottom = line(&meta, egui::TextStyle::Small, weak);
    let top_height = top.size().y;
    painter.galley(inner.left_top(), top, strong);
    painter.galley(
        inner.left_top() + egui::vec2(0.0, top_height + 1.0),
        bottom,
        weak,
    );
    response
}

fn move_selection(builder: &mut PlanBuilder, up: bool, down: bool) {
    if !(up || down) || builder.results.is_empty() {
        return;
    }
    let current = builder
        .selected
        .and_then(|key| builder.results.iter().position(|k| *k == key));
    let next = match (current, down) {
        (None, _) => 0,
        (Some(i), true) => (i + 1).min(builder.results.len() - 1),
        (Some(i), false) => i.saturating_sub(1),
    };
    builder.selected = builder.results.get(next).copied();
}

/// The full question: prompt, purpose, key points, rubric anchors, follow-ups, red flags.
pub fn preview_ui(ui: &mut egui::Ui, question: &Question) {
    super::widgets::question_heading(ui, question, 1.3);
    if !question.purpose.is_empty() {
        section(ui, "Why we ask");
        ui.label(&question.purpose);
    }
    list_section(ui, "Key points", &question.key_points);
    let rubric = question.rubric.clone().unwrap_or_default();
    section(ui, "Rubric");
    for level in &rubric.levels {
        ui.horizontal_top(|ui| {
            ui.strong(format!("{} {}", level.score, level.label));
            ui.add(egui::Label::new(&level.anchor).wrap());
        });
    }
    if !question.guidance.is_empty() {
        section(ui, "Guidance");
        ui.label(&question.guidance);
    }
    list_section(ui, "Follow-ups", &question.follow_ups);
    list_section(ui, "Red flags", &question.red_flags);
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(10.0);
    ui.label(egui::RichText::new(title).strong());
}

fn list_section(ui: &mut egui::Ui, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    section(ui, title);
    for item in items {
        ui.horizontal_top(|ui| {
            ui.label("•");
            ui.add(egui::Label::new(item).wrap());
        });
    }
}

fn plan_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    ui.add_space(4.0);
    ui.heading("Interview plan");
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
