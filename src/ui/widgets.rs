//! Small widgets shared by several screens.

use eframe::egui;
use jiff::Timestamp;

use super::theme;
use crate::domain::{Outcome, Recommendation};

/// A coloured badge with the recommendation's words (colour is never the only signal).
pub fn recommendation_badge(ui: &mut egui::Ui, recommendation: Recommendation) {
    let text = egui::RichText::new(recommendation.label())
        .color(egui::Color32::WHITE)
        .strong();
    egui::Frame::new()
        .fill(theme::recommendation_colour(recommendation))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(8, 2))
        .show(ui, |ui| ui.label(text));
}

/// A timestamp as a local date, e.g. `2026-11-28 14:05`, or a dash.
pub fn date(at: Option<Timestamp>) -> String {
    at.map_or_else(
        || "—".to_owned(),
        |at| {
            at.to_zoned(jiff::tz::TimeZone::system())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        },
    )
}

/// The words for an outcome, using the rubric label for a rating when given.
pub fn outcome_text(outcome: Outcome, label: Option<&str>) -> String {
    match (outcome, label) {
        (Outcome::Rated(score), Some(label)) => format!("{score} · {label}"),
        (Outcome::Rated(score), None) => format!("Rated {score}"),
        (other, _) => other.label().to_owned(),
    }
}

/// A horizontal bar on a light track, filled to `fraction` (0–1); the same shape as the PDF's
/// competency bars.
pub fn score_bar(ui: &mut egui::Ui, fraction: f32, width: f32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 10.0), egui::Sense::hover());
    let painter = ui.painter();
    painter.rect_filled(rect, 5.0, ui.visuals().extreme_bg_color);
    let fraction = fraction.clamp(0.0, 1.0);
    if fraction > 0.0 {
        let mut filled = rect;
        filled.set_width(rect.width() * fraction);
        painter.rect_filled(filled, 5.0, theme::ACCENT);
    }
}

/// A question's prompt in large type with its competency, level and budget below.
pub fn question_heading(ui: &mut egui::Ui, question: &crate::domain::Question, scale: f32) {
    ui.add_space(4.0);
    ui.label(
        egui::RichText::new(&question.prompt)
            .size(theme::BODY * scale)
            .strong(),
    );
    ui.weak(format!(
        "{} · {} · {} min",
        crate::domain::scoring::competency_of_question(question),
        question.level.label(),
        question.minutes
    ));
}

/// A centred message for a screen with nothing to show, with a way back Home.
pub fn empty_screen(ui: &mut egui::Ui, message: &str, actions: &mut Vec<super::action::Action>) {
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.label(message);
        if ui.button("Go to Home").clicked() {
            actions.push(super::action::Action::Go(super::state::Screen::Home));
        }
    });
}

/// The candidate's name in large type, as it heads the interview and review screens.
pub fn candidate_name(ui: &mut egui::Ui, candidate: &str) {
    ui.label(
        egui::RichText::new(candidate)
            .size(theme::BODY * 1.3)
            .strong(),
    );
}
