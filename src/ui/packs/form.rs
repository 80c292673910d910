//! The pack editor's forms: the pack's own fields and every field of the selected question,
//! with validation problems shown under the field they belong to.

use eframe::egui;

use super::editor::{PackEditor, parse_tags};
use crate::domain::limits::{MAX_MINUTES, MAX_WEIGHT, MIN_WEIGHT};
use crate::domain::validate::{Field, Problem};
use crate::domain::{Level, Question, QuestionField, Rubric, RubricLevel};
use crate::ui::theme;

/// The pack's title, id, author, tags and description.
pub(super) fn pack_fields_ui(ui: &mut egui::Ui, editor: &mut PackEditor, now: f64) {
    let mut changed = None;
    egui::Grid::new("pack-fields")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for (field, label) in [("title", "Title"), ("id", "Id"), ("author", "Author")] {
                let label = ui.label(label);
                let text = match field {
                    "title" => &mut editor.pack.title,
                    "id" => &mut editor.pack.id,
                    _ => &mut editor.pack.author,
                };
                if ui
                    .add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
                    .labelled_by(label.id)
                    .changed()
                {
                    changed = Some(Field::Other(field));
                }
                ui.end_row();
            }
            if let Some(tags) = tags_field(ui, &mut editor.tags_text) {
                editor.pack.tags = tags;
                changed = Some(Field::Other("tags"));
            }
            ui.end_row();
        });
    let label = ui.label("Description");
    if ui
        .add(
            egui::TextEdit::multiline(&mut editor.pack.description)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
        .changed()
    {
        changed = Some(Field::Other("description"));
    }
    for field in ["id", "title"] {
        problems_ui(ui, &editor.pack_problems(field));
    }
    if let Some(field) = changed {
        editor.changed(field, now);
    }
}

/// Problems shown in red under the field they belong to.
fn problems_ui(ui: &mut egui::Ui, problems: &[&Problem]) {
    for problem in problems {
        ui.colored_label(
            theme::colours(ui).red,
            format!("{}: {}", problem.field, problem.message),
        );
    }
}

/// Every field of the selected question.
pub(super) fn question_form_ui(
    ui: &mut egui::Ui,
    editor: &mut PackEditor,
    competencies: &[String],
    now: f64,
) {
    let index = editor.selected;
    if editor.pack.questions.get(index).is_none() {
        ui.add_space(16.0);
        ui.weak("This pack has no questions yet. Add one on the left.");
        return;
    }
    let mut changed: Option<QuestionField> = None;
    let problems_for = |editor: &PackEditor, field: QuestionField| -> Vec<String> {
        editor
            .question_problems(field)
            .iter()
            .map(|p| format!("{}: {}", p.field, p.message))
            .collect()
    };
    let show = |ui: &mut egui::Ui, messages: Vec<String>| {
        for message in messages {
            ui.colored_label(theme::colours(ui).red, message);
        }
    };

    ui.add_space(4.0);
    let messages = problems_for(editor, QuestionField::Prompt);
    let Some(question) = editor.pack.questions.get_mut(index) else {
        return;
    };
    if multiline_field(ui, "Prompt", &mut question.prompt, 2) {
        changed = Some(QuestionField::Prompt);
    }
    show(ui, messages);

    // One field a row, labels in the first column: readable at any width, and each number
    // field under its own id so a value typed into one never lands in another.
    egui::Grid::new(("question-fields", index))
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label("Id");
            if ui
                .add(egui::TextEdit::singleline(&mut question.id).desired_width(f32::INFINITY))
                .labelled_by(label.id)
                .on_hover_text(QuestionField::Id.help())
                .changed()
            {
                changed = Some(QuestionField::Id);
            }
            ui.end_row();
            let minutes = egui::DragValue::new(&mut question.minutes).range(1..=MAX_MINUTES);
            if number_row(ui, QuestionField::Minutes, index, minutes) {
                changed = Some(QuestionField::Minutes);
            }
            let weight = egui::DragValue::new(&mut question.weight)
                .range(MIN_WEIGHT..=MAX_WEIGHT)
                .speed(0.1)
                .max_decimals(1);
            if number_row(ui, QuestionField::Weight, index, weight) {
                changed = Some(QuestionField::Weight);
            }
            let label = ui.label("Level");
            egui::ComboBox::from_id_salt(("level", index))
                .selected_text(question.level.label())
                .show_ui(ui, |ui| {
                    for level in Level::ALL {
                        if ui
                            .selectable_value(&mut question.level, level, level.label())
                            .changed()
                        {
                            changed = Some(QuestionField::Level);
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Competency");
            ui.horizontal_wrapped(|ui| {
                if ui
                    .add(egui::TextEdit::singleline(&mut question.competency).desired_width(200.0))
                    .labelled_by(label.id)
                    .on_hover_text(QuestionField::Competency.help())
                    .changed()
                {
                    changed = Some(QuestionField::Competency);
                }
                egui::ComboBox::from_id_salt(("competency-pick", index))
                    .selected_text("Pick…")
                    .show_ui(ui, |ui| {
                        for competency in competencies {
                            if ui
                                .selectable_label(question.competency == *competency, competency)
                                .clicked()
                            {
                                question.competency.clone_from(competency);
                                changed = Some(QuestionField::Competency);
                            }
                        }
                    })
                    .response
                    .on_hover_text("Choose from the competency vocabulary the packs share");
            });
            ui.end_row();
            if let Some(tags) = tags_field(ui, &mut editor.question_tags_text) {
                question.tags = tags;
                changed = Some(QuestionField::Tags);
            }
            ui.end_row();
        });
    if !question.competency.trim().is_empty() && !competencies.contains(&question.competency) {
        ui.colored_label(
            theme::colours(ui).amber,
            format!(
                "“{}” is not in the competency vocabulary, so its scores will not line up with other packs'.",
                question.competency.trim()
            ),
        );
    }

    if multiline_field(ui, "Why we ask", &mut question.purpose, 2) {
        changed = Some(QuestionField::Purpose);
    }
    if list_editor(ui, "Key points", "key-points", &mut question.key_points) {
        changed = Some(QuestionField::KeyPoints);
    }
    if rubric_editor(ui, question) {
        changed = Some(QuestionField::Rubric);
    }
    if multiline_field(ui, "Rating guidance (free text)", &mut question.guidance, 2) {
        changed = Some(QuestionField::Guidance);
    }
    if list_editor(ui, "Follow-ups", "follow-ups", &mut question.follow_ups) {
        changed = Some(QuestionField::FollowUps);
    }
    if list_editor(ui, "Red flags", "red-flags", &mut question.red_flags) {
        changed = Some(QuestionField::RedFlags);
    }
    if let Some(field) = changed {
        editor.changed(field, now);
    }
    for field in [
        QuestionField::Id,
        QuestionField::Minutes,
        QuestionField::Weight,
        QuestionField::KeyPoints,
        QuestionField::Rubric,
        QuestionField::FollowUps,
        QuestionField::RedFlags,
    ] {
        show(ui, problems_for(editor, field));
    }
}

/// A grid row with the field's label and a number field under an id of its own (so a value
/// typed into one number field never lands in another); returns whether it changed.
fn number_row(
    ui: &mut egui::Ui,
    field: QuestionField,
    question: usize,
    value: egui::DragValue<'_>,
) -> bool {
    let label = ui.label(field.label());
    let changed = ui
        .push_id((field, question), |ui| ui.add(value))
        .inner
        .labelled_by(label.id)
        .on_hover_text(field.help())
        .changed();
    ui.end_row();
    changed
}

/// A "Tags" label and a comma-separated text field; the tags when the text changed.
fn tags_field(ui: &mut egui::Ui, text: &mut String) -> Option<Vec<String>> {
    let label = ui.label("Tags");
    ui.add(
        egui::TextEdit::singleline(text)
            .hint_text("comma, separated")
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id)
    .changed()
    .then(|| parse_tags(text))
}

fn multiline_field(ui: &mut egui::Ui, label: &str, text: &mut String, rows: usize) -> bool {
    ui.add_space(6.0);
    let label = ui.strong(label);
    ui.add(
        egui::TextEdit::multiline(text)
            .desired_rows(rows)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id)
    .changed()
}

/// One line per item with a remove button, and an add button. Returns whether anything
/// changed.
fn list_editor(ui: &mut egui::Ui, title: &str, id: &str, items: &mut Vec<String>) -> bool {
    let mut changed = false;
    ui.add_space(6.0);
    ui.strong(title);
    let mut remove = None;
    for (index, item) in items.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let label = ui.weak(format!("{}.", index + 1));
            let width = ui.available_width() - 48.0;
            changed |= ui
                .add(
                    egui::TextEdit::multiline(item)
                        .id_salt((id, index))
                        .desired_rows(1)
                        .lock_focus(false)
                        .desired_width(width),
                )
                .labelled_by(label.id)
                .changed();
            if ui
                .small_button("✖")
                .on_hover_text(format!("Remove {title} item {}", index + 1))
                .clicked()
            {
                remove = Some(index);
            }
        });
    }
    if let Some(index) = remove {
        items.remove(index);
        changed = true;
    }
    if ui
        .small_button(format!("+ Add to {}", title.to_lowercase()))
        .clicked()
    {
        items.push(String::new());
        changed = true;
    }
    changed
}

fn rubric_editor(ui: &mut egui::Ui, question: &mut Question) -> bool {
    let mut changed = false;
    ui.add_space(6.0);
    ui.strong("Rubric");
    let mut own = question.rubric.is_some();
    if ui
        .checkbox(
            &mut own,
            "This question has its own anchored rubric (else the pack's scale)",
        )
        .changed()
    {
        question.rubric = own.then(Rubric::standard);
        changed = true;
    }
    let Some(rubric) = &mut question.rubric else {
        return changed;
    };
    let mut remove = None;
    for (index, level) in rubric.levels.iter_mut().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label("Score");
                changed |= ui
                    .add(egui::DragValue::new(&mut level.score).range(0..=255))
                    .labelled_by(label.id)
                    .changed();
                let label = ui.label("Label");
                changed |= ui
                    .add(
                        egui::TextEdit::singleline(&mut level.label)
                            .id_salt(("level-label", index))
                            .desired_width(140.0),
                    )
                    .labelled_by(label.id)
                    .changed();
                if ui
                    .small_button("✖")
                    .on_hover_text(format!("Remove level {}", index + 1))
                    .clicked()
                {
                    remove = Some(index);
                }
            });
            let label = ui.weak("What an answer at this level sounds like");
            changed |= ui
                .add(
                    egui::TextEdit::multiline(&mut level.anchor)
                        .id_salt(("level-anchor", index))
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id)
                .changed();
        });
    }
    if let Some(index) = remove {
        rubric.levels.remove(index);
        changed = true;
    }
    if ui.small_button("+ Add level").clicked() {
        let score = rubric
            .levels
            .last()
            .map_or(1, |l| l.score.saturating_add(1));
        rubric.levels.push(RubricLevel {
            score,
            label: String::new(),
            anchor: String::new(),
        });
        changed = true;
    }
    changed
}
