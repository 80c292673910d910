//! Small widgets shared by several screens.

use eframe::egui;
use jiff::Timestamp;

use super::theme;
use crate::domain::{Outcome, Recommendation};

/// A coloured badge with the recommendation's words (colour is never the only signal).
pub fn recommendation_badge(ui: &mut egui::Ui, recommendation: Recommendation) {
    let fill = theme::recommendation_colour(recommendation);
    let text = egui::RichText::new(recommendation.label())
        .color(theme::text_on(fill))
        .strong();
    egui::Frame::new()
        .fill(fill)
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

/// The candidate's name and role heading the interview and review screens, with a button to
/// correct them while the evaluation is not submitted.
pub fn candidate_heading(
    ui: &mut egui::Ui,
    evaluation: &crate::domain::Evaluation,
    actions: &mut Vec<super::action::Action>,
) {
    candidate_name(ui, &evaluation.candidate);
    if !evaluation.role.is_empty() {
        ui.weak(&evaluation.role);
    }
    if !evaluation.is_submitted()
        && ui
            .small_button("✏")
            .on_hover_text("Correct the candidate's name or role")
            .clicked()
    {
        actions.push(super::action::Action::Open(
            super::dialogs::Dialog::EditCandidate {
                candidate: evaluation.candidate.clone(),
                role: evaluation.role.clone(),
            },
        ));
    }
}

/// The candidate's name in large type, as it heads the interview and review screens.
pub fn candidate_name(ui: &mut egui::Ui, candidate: &str) {
    ui.label(
        egui::RichText::new(candidate)
            .size(theme::BODY * 1.3)
            .strong(),
    );
}

/// A row with `left` widgets at the start and `right` widgets at the end when both fit in the
/// width; otherwise `right` goes on a line of its own under `left` (and each side wraps), so no
/// control is ever drawn over another or past the edge, whatever the window's width.
///
/// The sides' widths are measured as they are drawn and remembered under `id_salt`, so the
/// choice made in one frame uses the widths of the frame before (egui lays out in one pass).
///
/// `with` is handed to both sides in turn (the actions list, say), which closures that both
/// borrow it mutably could not share.
pub fn split_row<T: ?Sized>(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    with: &mut T,
    left: impl FnOnce(&mut egui::Ui, &mut T),
    right: impl FnOnce(&mut egui::Ui, &mut T),
) {
    let id = ui.scope_id().with(("split-row", id_salt));
    let gap = ui.spacing().item_spacing.x * 2.0;
    let measured: Option<(f32, f32)> = ui.data(|data| data.get_temp(id));
    let available = ui.available_width();
    let fits = measured.is_none_or(|(l, r)| l + r + gap <= available);
    let (left_width, right_width) = if fits {
        ui.horizontal(|ui| {
            let left_width = ui
                .horizontal(|ui| {
                    left(ui, with);
                    ui.min_rect().width()
                })
                .inner;
            let right_width = ui
                .with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    right(ui, with);
                    ui.min_rect().width()
                })
                .inner;
            (left_width, right_width)
        })
        .inner
    } else {
        let left_width = ui
            .horizontal_wrapped(|ui| {
                left(ui, with);
                ui.min_rect().width()
            })
            .inner;
        let right_width = ui
            .horizontal_wrapped(|ui| {
                right(ui, with);
                ui.min_rect().width()
            })
            .inner;
        (left_width, right_width)
    };
    ui.data_mut(|data| data.insert_temp(id, (left_width, right_width)));
}

/// Two columns side by side with a divider between them that can be dragged. The split is
/// kept as a fraction of the width (`fraction`, 0–1), so it follows the window when it is
/// resized, and neither column gets narrower than its minimum while the window allows it.
///
/// `with` is handed to both columns in turn, as in [`split_row`].
pub fn split_columns<T: ?Sized>(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    fraction: &mut f32,
    (min_left, min_right): (f32, f32),
    with: &mut T,
    left: impl FnOnce(&mut egui::Ui, &mut T),
    right: impl FnOnce(&mut egui::Ui, &mut T),
) {
    let rect = ui.available_rect_before_wrap();
    let gap = 12.0;
    let usable = (rect.width() - gap).max(0.0);
    let (low, high) = if min_left + min_right <= usable {
        (min_left, usable - min_right)
    } else {
        (usable * 0.4, usable * 0.4)
    };
    let left_width = (usable * fraction.clamp(0.0, 1.0)).clamp(low, high.max(low));
    let left_rect = egui::Rect::from_min_size(rect.min, egui::vec2(left_width, rect.height()));
    let divider = egui::Rect::from_min_size(
        egui::pos2(left_rect.right(), rect.top()),
        egui::vec2(gap, rect.height()),
    );
    let right_rect = egui::Rect::from_min_max(egui::pos2(divider.right(), rect.top()), rect.max);

    let response = ui
        .interact(
            divider,
            ui.scope_id().with(("split-columns", id_salt)),
            egui::Sense::drag(),
        )
        .on_hover_cursor(egui::CursorIcon::ResizeHorizontal);
    if response.dragged() && usable > 0.0 {
        *fraction = ((left_width + response.drag_delta().x) / usable).clamp(0.2, 0.8);
    }
    let stroke = if response.hovered() || response.dragged() {
        ui.visuals().widgets.hovered.bg_stroke
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    ui.painter()
        .vline(divider.center().x, divider.y_range(), stroke);

    let mut left_ui = ui.new_child(egui::UiBuilder::new().max_rect(left_rect));
    left_ui.set_clip_rect(left_rect.intersect(ui.clip_rect()));
    left(&mut left_ui, with);
    let mut right_ui = ui.new_child(egui::UiBuilder::new().max_rect(right_rect));
    right_ui.set_clip_rect(right_rect.intersect(ui.clip_rect()));
    right(&mut right_ui, with);
    ui.advance_cursor_after_rect(rect);
}

/// A thin progress bar on a light track, filled to `fraction` (0–1) in `fill`; any figures go
/// beside it, never on it.
pub fn progress_bar(ui: &mut egui::Ui, fraction: f32, width: f32, fill: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 8.0), egui::Sense::hover());
    let painter = ui.painter();
    painter.rect_filled(rect, 4.0, ui.visuals().widgets.inactive.weak_bg_fill);
    let fraction = fraction.clamp(0.0, 1.0);
    if fraction > 0.0 {
        let mut filled = rect;
        filled.set_width(rect.width() * fraction);
        painter.rect_filled(filled, 4.0, fill);
    }
}

/// A seal's state in a few words, coloured by what it means for the reader, with the details
/// on hover.
pub fn seal_ui(ui: &mut egui::Ui, seal: &crate::domain::SealState) {
    use crate::domain::SealState;
    let palette = theme::colours(ui);
    match seal {
        SealState::NotSubmitted => {}
        SealState::Unsealed { .. } => {
            ui.weak("not sealed")
                .on_hover_text("Submitted by a version of Onsite before seals existed");
        }
        SealState::Intact { at, seal } => {
            ui.colored_label(palette.green, "✔ sealed")
                .on_hover_text(format!(
                    "Unchanged since it was submitted on {} (seal {})",
                    date(Some(*at)),
                    crate::domain::seal::short_seal(seal)
                ));
        }
        SealState::Changed { at } => {
            ui.colored_label(palette.red, "⚠ changed after submission")
                .on_hover_text(format!(
                    "What the committee reads was changed after it was submitted on {}",
                    date(Some(*at))
                ));
        }
    }
}

/// `text` with its first letter in capitals: the library's messages are written to follow
/// "error: " on a command line, and the window shows them as sentences.
pub fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// `label` at most `width` wide, left-aligned, shortened with "…" when longer (the whole text
/// shows on hover): for names and roles in rows that must keep their buttons on screen.
pub fn clipped(ui: &mut egui::Ui, label: egui::Label, width: f32) -> egui::Response {
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(
        egui::vec2(width, height),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_max_width(width);
            ui.add(label.truncate())
        },
    )
    .inner
}
