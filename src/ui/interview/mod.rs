//! Interview: one question at a time — prompt, purpose, key points, rubric cards, follow-ups —
//! beside a notes editor that has the keyboard, a per-question timer and a pacing bar.

use eframe::egui;

mod notes;

pub use notes::{insert_line_at_cursor, notes_id};

use super::action::{Action, InterviewAction};
use super::shortcuts::Command;
use super::state::AppState;
use super::{theme, widgets};
use crate::domain::{Answer, Evaluation, Outcome};
use crate::report::format::clock;

/// Draws the interview screen.
pub fn interview_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    let Some(session) = &mut state.session else {
        widgets::empty_screen(ui, "No interview is running.", actions);
        return;
    };
    let evaluation = &session.evaluation;
    let current = evaluation
        .current
        .min(evaluation.answers.len().saturating_sub(1));
    header_ui(ui, evaluation, current, actions);
    ui.add_space(4.0);
    strip_ui(ui, evaluation, current, actions);
    ui.separator();
    let Some(answer) = evaluation.answers.get(current) else {
        ui.label("This interview has no questions.");
        return;
    };
    let mut show_purpose = session.show_purpose;
    let width = ui.available_width();
    egui::Panel::left("question")
        .resizable(true)
        .default_size((width * 0.5).max(320.0))
        .min_size(300.0)
        .max_size(width * 0.7)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt(("question-scroll", current))
                .show(ui, |ui| {
                    question_ui(ui, answer, current, &mut show_purpose, actions)
                });
        });
    session.show_purpose = show_purpose;
    egui::CentralPanel::default().show(ui, |ui| notes::notes_ui(ui, session, current, actions));
}

fn header_ui(
    ui: &mut egui::Ui,
    evaluation: &Evaluation,
    current: usize,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        widgets::candidate_name(ui, &evaluation.candidate);
        if !evaluation.role.is_empty() {
            ui.weak(&evaluation.role);
        }
        ui.separator();
        ui.label(format!(
            "Question {} of {}",
            current + 1,
            evaluation.answers.len()
        ));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("End interview")
                .on_hover_text(Command::EndInterview.hint(ui.ctx()))
                .clicked()
            {
                actions.push(Action::Interview(InterviewAction::End));
            }
            pacing_ui(ui, evaluation);
        });
    });
}

/// Elapsed time against the whole plan, so the interviewer can see when to move on.
fn pacing_ui(ui: &mut egui::Ui, evaluation: &Evaluation) {
    let planned: u64 = evaluation
        .answers
        .iter()
        .map(|a| u64::from(a.question.minutes) * 60)
        .sum();
    let spent = evaluation.seconds_spent();
    let fraction = if planned == 0 {
        0.0
    } else {
        spent as f32 / planned as f32
    };
    let colour = if spent > planned {
        theme::RED
    } else if fraction >= 0.8 {
        theme::AMBER
    } else {
        theme::ACCENT
    };
    ui.add(
        egui::ProgressBar::new(fraction.min(1.0))
            .desired_width(220.0)
            .fill(colour)
            .text(format!("{} of {} planned", clock(spent), clock(planned))),
    )
    .on_hover_text("Time spent on questions against the planned total");
}

/// One chip per question, showing its state; a click jumps to it.
fn strip_ui(ui: &mut egui::Ui, evaluation: &Evaluation, current: usize, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (index, answer) in evaluation.answers.iter().enumerate() {
            let (icon, state) = match answer.outcome {
                _ if index == current => ("", "current"),
                Outcome::Rated(_) => ("✔", "rated"),
                Outcome::NotAsked => ("–", "not asked"),
                Outcome::NoEvidence => ("?", "no evidence"),
                Outcome::Unrated if answer.seconds > 0 || !answer.notes.is_empty() => {
                    ("○", "visited, unrated")
                }
                Outcome::Unrated => ("", "not reached"),
            };
            let text = format!("{} {icon}", index + 1);
            let mut button = egui::Button::new(egui::RichText::new(text).small())
                .corner_radius(10.0)
                .min_size(egui::vec2(36.0, 20.0));
            if index == current {
                button = button.fill(theme::ACCENT);
            } else if matches!(answer.outcome, Outcome::Rated(_)) {
                button = button.fill(ui.visuals().widgets.inactive.bg_fill);
            } else {
                button = button.fill(egui::Color32::TRANSPARENT);
            }
            let hover = format!(
                "{}. {} — {state}",
                index + 1,
                crate::domain::first_line(&answer.question.prompt)
            );
            if ui.add(button).on_hover_text(hover).clicked() {
                actions.push(Action::Interview(InterviewAction::GoTo(index)));
            }
        }
    });
}

fn question_ui(
    ui: &mut egui::Ui,
    answer: &Answer,
    index: usize,
    show_purpose: &mut bool,
    actions: &mut Vec<Action>,
) {
    let question = &answer.question;
    widgets::question_heading(ui, question, 1.5);
    if !question.purpose.is_empty() {
        ui.add_space(6.0);
        let header = egui::CollapsingHeader::new(egui::RichText::new("Why we ask").weak())
            .id_salt("purpose")
            .open(Some(*show_purpose))
            .show(ui, |ui| {
                ui.label(
                    egui::RichText::new(&question.purpose).color(ui.visuals().weak_text_color()),
                );
            });
        if header.header_response.clicked() {
            *show_purpose = !*show_purpose;
        }
    }

    if !question.key_points.is_empty() {
        heading(
            ui,
            &format!(
                "Key points ({} of {})",
                answer.covered.len(),
                question.key_points.len()
            ),
        );
        for (point_index, point) in question.key_points.iter().enumerate() {
            let mut covered = answer.covered.contains(&point_index);
            if ui.checkbox(&mut covered, point).changed() {
                actions.push(Action::Interview(InterviewAction::ToggleKeyPoint(
                    index,
                    point_index,
                )));
            }
        }
    }

    heading(ui, "Rubric");
    rubric_ui(ui, answer, actions);

    if !question.follow_ups.is_empty() {
        heading(ui, "Follow-ups");
        for follow_up in &question.follow_ups {
            ui.horizontal_top(|ui| {
                ui.weak("•");
                ui.label(follow_up);
            });
        }
    }
    if !question.red_flags.is_empty() {
        heading(ui, "Red flags (tick if observed)");
        for (flag_index, flag) in question.red_flags.iter().enumerate() {
            let mut seen = answer.red_flags_seen.contains(&flag_index);
            if ui.checkbox(&mut seen, flag).changed() {
                actions.push(Action::Interview(InterviewAction::ToggleRedFlag(
                    index, flag_index,
                )));
            }
        }
    }
    ui.add_space(12.0);
}

fn heading(ui: &mut egui::Ui, text: &str) {
    ui.add_space(10.0);
    ui.label(egui::RichText::new(text).strong());
}

/// The rubric as cards, one per level; the chosen one is outlined in the accent colour.
fn rubric_ui(ui: &mut egui::Ui, answer: &Answer, actions: &mut Vec<Action>) {
    let rubric = answer.rubric();
    let count = rubric.levels.len().max(1);
    // One row of cards when each gets a readable width, else one card per line.
    let columns = if ui.available_width() / count as f32 >= 150.0 {
        count
    } else {
        1
    };
    let mut cards = vec![Vec::new(); columns];
    for (position, level) in rubric.levels.iter().enumerate() {
        cards[position % columns].push((position, level));
    }
    ui.columns(columns, |uis| {
        for (ui, column) in uis.iter_mut().zip(cards) {
            for (position, level) in column {
                rubric_card_ui(ui, answer, position, level, actions);
            }
        }
    });
}

/// One rubric level: score and label with its shortcut, then the anchor text. Clicking the
/// card rates at this level (again to clear).
fn rubric_card_ui(
    ui: &mut egui::Ui,
    answer: &Answer,
    position: usize,
    level: &crate::domain::RubricLevel,
    actions: &mut Vec<Action>,
) {
    let chosen = answer.outcome == Outcome::Rated(level.score);
    let stroke = if chosen {
        egui::Stroke::new(2.0, theme::ACCENT)
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    let card = egui::Frame::new()
        .stroke(stroke)
        .corner_radius(6.0)
        .inner_margin(egui::Margin::same(8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.strong(format!("{} {}", level.score, level.label));
                if let Ok(nth) = u8::try_from(position + 1)
                    && nth <= 4
                {
                    let hint = Command::Rate(nth).hint(ui.ctx());
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.small(hint);
                    });
                }
            });
            // `columns` justifies its children; the anchor reads better ragged-right.
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.add(egui::Label::new(egui::RichText::new(&level.anchor).small()).wrap());
            });
        });
    let response = ui
        .interact(
            card.response.rect,
            ui.scope_id().with(("rubric-card", position)),
            egui::Sense::click(),
        )
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    response.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::Role::RadioButton,
            true,
            chosen,
            format!("Rate {} {}", level.score, level.label),
        )
    });
    if response.clicked() {
        actions.push(if chosen {
            Action::Interview(InterviewAction::RateCurrent(0))
        } else {
            Action::Interview(InterviewAction::RateCurrent(
                u8::try_from(position + 1).unwrap_or(u8::MAX),
            ))
        });
    }
}
