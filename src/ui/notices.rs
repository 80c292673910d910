//! Notices: dismissible messages at the top of the window.

use eframe::egui;

use super::action::Action;
use super::state::AppState;
use super::theme;

/// How bad a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something went well (import done, file exported).
    Info,
    /// Something failed; the text says what and where.
    Error,
    /// Something went through but needs reading (a packet with drafts in it); stays, like an
    /// error, until dismissed.
    Warning,
}

/// A dismissible message at the top of the window.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Unique id, for dismissing.
    pub id: u64,
    /// Info or error.
    pub kind: NoticeKind,
    /// The message (may have several lines).
    pub text: String,
    /// A button offered with the message: its label and what it does.
    pub button: Option<(String, super::action::Action)>,
    /// When it was first shown (egui time), for taking information notices away.
    pub shown_at: Option<f64>,
}

/// Shows the notices, newest last, each with a close button.
pub fn notices_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    if state.notices.is_empty() {
        return;
    }
    egui::Panel::top("notices").show(ui, |ui| {
        ui.add_space(4.0);
        for notice in &state.notices {
            let colour = match notice.kind {
                NoticeKind::Info => theme::colours(ui).green,
                NoticeKind::Error => theme::colours(ui).red,
                NoticeKind::Warning => theme::colours(ui).amber,
            };
            egui::Frame::new()
                .stroke(egui::Stroke::new(1.0, colour))
                .corner_radius(4.0)
                .inner_margin(egui::Margin::symmetric(8, 4))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        let icon = match notice.kind {
                            NoticeKind::Info => "✔",
                            NoticeKind::Error | NoticeKind::Warning => "⚠",
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
