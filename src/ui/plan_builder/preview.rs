//! The plan builder's preview: the whole question, with the searched words highlighted.

use eframe::egui;

use super::results::highlighted_job;
use crate::domain::Question;
use crate::search::{Highlight, SearchField, ranges_in};
use crate::ui::theme;

/// The full question: prompt, purpose, key points, rubric anchors, follow-ups, red flags, with
/// the words the search matched (`marks`) highlighted.
pub fn preview_ui(ui: &mut egui::Ui, question: &Question, marks: &[Highlight]) {
    ui.add_space(4.0);
    let prompt: Vec<_> = ranges_in(marks, SearchField::Prompt, 0).collect();
    let font = egui::FontId::proportional(theme::BODY * 1.3);
    let colour = ui.visuals().strong_text_color();
    ui.add(
        egui::Label::new(highlighted_job(
            ui,
            &question.prompt,
            &prompt,
            font,
            colour,
            false,
        ))
        .wrap(),
    );
    ui.weak(format!(
        "{} · {} · {} min",
        crate::domain::scoring::competency_of_question(question),
        question.level.label(),
        question.minutes
    ));
    if !question.purpose.is_empty() {
        section(ui, "Why we ask");
        marked_label(ui, &question.purpose, marks, SearchField::Purpose, 0);
    }
    marked_list(
        ui,
        "Key points",
        &question.key_points,
        marks,
        SearchField::KeyPoints,
    );
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
    marked_list(
        ui,
        "Follow-ups",
        &question.follow_ups,
        marks,
        SearchField::FollowUps,
    );
    list_section(ui, "Red flags", &question.red_flags);
    if !question.tags.is_empty() {
        section(ui, "Tags");
        ui.horizontal_wrapped(|ui| {
            for (item, tag) in question.tags.iter().enumerate() {
                marked_label(ui, tag, marks, SearchField::Tags, item);
            }
        });
    }
}

/// A wrapped label with the matched words of item `item` of `field` highlighted.
fn marked_label(
    ui: &mut egui::Ui,
    text: &str,
    marks: &[Highlight],
    field: SearchField,
    item: usize,
) {
    let ranges: Vec<_> = ranges_in(marks, field, item).collect();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let colour = ui.visuals().text_color();
    ui.add(egui::Label::new(highlighted_job(ui, text, &ranges, font, colour, false)).wrap());
}

/// A titled bullet list whose items have their matched words highlighted.
fn marked_list(
    ui: &mut egui::Ui,
    title: &str,
    items: &[String],
    marks: &[Highlight],
    field: SearchField,
) {
    if items.is_empty() {
        return;
    }
    section(ui, title);
    for (item, text) in items.iter().enumerate() {
        ui.horizontal_top(|ui| {
            ui.label("•");
            marked_label(ui, text, marks, field, item);
        });
    }
}

/// A section title.
fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(10.0);
    ui.label(egui::RichText::new(title).strong());
}

/// A titled bullet list.
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
