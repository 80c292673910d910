//! Review: every answer in one table, live scores, the recommendation and summary, submit.

use eframe::egui;

use super::action::{Action, InterviewAction, RecordAction};
use super::session::Session;
use super::state::{AppState, Screen};
use super::{theme, widgets};
use crate::domain::scoring::{self, SCALE_MAX};
use crate::domain::{Evaluation, Outcome, Recommendation};
use crate::report::format::{clock, time_against_budget};

/// Why the evaluation cannot be submitted yet, in words, or `Ok` when it can.
pub fn submit_blockers(evaluation: &Evaluation) -> Result<(), String> {
    let mut missing = Vec::new();
    let unrated = scoring::completeness(&evaluation.answers).unrated.len();
    if unrated > 0 {
        missing.push(if unrated == 1 {
            "1 question needs an outcome".to_owned()
        } else {
            format!("{unrated} questions need an outcome")
        });
    }
    if evaluation.recommendation.is_none() {
        missing.push("choose a recommendation".to_owned());
    }
    if evaluation.summary.trim().is_empty() {
        missing.push("write a summary".to_owned());
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(missing.join(", "))
    }
}

/// Draws the review screen.
pub fn review_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    let Some(session) = &mut state.session else {
        widgets::empty_screen(ui, "Open an evaluation from Home to review it.", actions);
        return;
    };
    header_ui(ui, &session.path, &session.evaluation, actions);
    ui.separator();
    egui::Panel::right("verdict")
        .resizable(true)
        .default_size(360.0)
        .min_size(300.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("verdict-scroll")
                .show(ui, |ui| verdict_ui(ui, session, actions));
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("answers-scroll")
            .show(ui, |ui| answers_ui(ui, session, actions));
    });
}

fn header_ui(
    ui: &mut egui::Ui,
    path: &std::path::Path,
    evaluation: &Evaluation,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        widgets::candidate_name(ui, &evaluation.candidate);
        ui.weak(&evaluation.role);
        ui.separator();
        ui.weak(format!(
            "{} · {} · {}",
            widgets::date(evaluation.started_at),
            clock(evaluation.duration_seconds()),
            if evaluation.interviewer.is_empty() {
                "—"
            } else {
                &evaluation.interviewer
            }
        ));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Export PDF…").clicked() {
                actions.push(Action::Record(RecordAction::Export(path.to_owned())));
            }
            if evaluation.is_submitted() {
                if ui.button("Reopen for changes").clicked() {
                    actions.push(Action::Interview(InterviewAction::Reopen));
                }
                ui.colored_label(
                    theme::GREEN,
                    format!("✔ Submitted {}", widgets::date(evaluation.submitted_at)),
                );
            } else if ui.button("◀ Back to interview").clicked() {
                actions.push(Action::Go(Screen::Interview));
            }
        });
    });
}

fn answers_ui(ui: &mut egui::Ui, session: &mut Session, actions: &mut Vec<Action>) {
    let read_only = session.evaluation.is_submitted();
    let mut open = session.review_open;
    let mut edited = false;
    egui::Grid::new("answers")
        .num_columns(6)
        .striped(true)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            for header in ["#", "Question", "Outcome", "Key points", "Time", "Notes"] {
                ui.weak(header);
            }
            ui.end_row();
            for (index, answer) in session.evaluation.answers.iter().enumerate() {
                let unrated = answer.outcome == Outcome::Unrated;
                let number = egui::RichText::new(format!("{}", index + 1));
                ui.label(if unrated {
                    number.color(theme::RED).strong()
                } else {
                    number
                });
                let prompt = answer.question.prompt.lines().next().unwrap_or_default();
                let width = (ui.available_width() * 0.45).clamp(160.0, 360.0);
                let toggle = ui
                    .add_sized(
                        [width, 18.0],
                        egui::Label::new(prompt)
                            .truncate()
                            .sense(egui::Sense::click()),
                    )
                    .on_hover_text("Show notes and key points");
                if toggle.clicked() {
                    open = if open == Some(index) {
                        None
                    } else {
                        Some(index)
                    };
                }
                outcome_combo(ui, index, answer, read_only, actions);
                ui.label(format!(
                    "{}/{}",
                    answer.covered.len(),
                    answer.question.key_points.len()
                ));
                let colour = theme::timer_colour(ui, answer.seconds, answer.question.minutes);
                ui.colored_label(
                    colour,
                    time_against_budget(answer.seconds, answer.question.minutes),
                );
                let first = answer
                    .notes
                    .lines()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("—");
                ui.add(egui::Label::new(egui::RichText::new(first).weak()).truncate());
                ui.end_row();
            }
        });
    if let Some(index) = open
        && let Some(answer) = session.evaluation.answers.get_mut(index)
    {
        ui.add_space(8.0);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.strong(format!("{}. {}", index + 1, answer.question.prompt));
            for (point, text) in answer.question.key_points.iter().enumerate() {
                let mut covered = answer.covered.contains(&point);
                if ui
                    .add_enabled(!read_only, egui::Checkbox::new(&mut covered, text))
                    .changed()
                {
                    actions.push(Action::Interview(InterviewAction::ToggleKeyPoint(
                        index, point,
                    )));
                }
            }
            let label = ui.label(egui::RichText::new("Notes").small().weak());
            let response = ui
                .add(
                    egui::TextEdit::multiline(&mut answer.notes)
                        .interactive(!read_only)
                        .desired_rows(6)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            edited |= response.changed();
        });
    }
    session.review_open = open;
    if edited {
        actions.push(Action::Interview(InterviewAction::Edited));
    }
}

fn outcome_combo(
    ui: &mut egui::Ui,
    index: usize,
    answer: &crate::domain::Answer,
    read_only: bool,
    actions: &mut Vec<Action>,
) {
    let rubric = answer.rubric();
    let label_of = |outcome: Outcome| match outcome {
        Outcome::Rated(score) => {
            widgets::outcome_text(outcome, rubric.level(score).map(|l| l.label.as_str()))
        }
        other => widgets::outcome_text(other, None),
    };
    let mut choices: Vec<Outcome> = rubric
        .levels
        .iter()
        .map(|l| Outcome::Rated(l.score))
        .collect();
    choices.extend([Outcome::NotAsked, Outcome::NoEvidence, Outcome::Unrated]);
    let current = label_of(answer.outcome);
    let text = if answer.outcome == Outcome::Unrated {
        egui::RichText::new(current).color(theme::RED)
    } else {
        egui::RichText::new(current)
    };
    ui.add_enabled_ui(!read_only, |ui| {
        egui::ComboBox::from_id_salt(("outcome", index))
            .selected_text(text)
            .width(150.0)
            .show_ui(ui, |ui| {
                for choice in choices {
                    if ui
                        .selectable_label(answer.outcome == choice, label_of(choice))
                        .clicked()
                    {
                        actions.push(Action::Interview(InterviewAction::SetOutcome(
                            index, choice,
                        )));
                    }
                }
            })
            .response
            .on_hover_text(format!("Outcome of question {}", index + 1));
    });
}

fn verdict_ui(ui: &mut egui::Ui, session: &mut Session, actions: &mut Vec<Action>) {
    let evaluation = &mut session.evaluation;
    let read_only = evaluation.is_submitted();
    ui.add_space(4.0);
    ui.heading("Scores");
    let overall = scoring::overall_score(&evaluation.answers);
    ui.label(
        egui::RichText::new(match overall {
            Some(score) => format!("{score:.1} / {SCALE_MAX:.0}"),
            None => "Not rated yet".to_owned(),
        })
        .size(theme::BODY * 1.6)
        .strong(),
    );
    let completeness = scoring::completeness(&evaluation.answers);
    ui.weak(format!(
        "{} rated · {} not asked · {} no evidence · {} unrated",
        completeness.rated,
        completeness.not_asked,
        completeness.no_evidence,
        completeness.unrated.len()
    ));
    ui.add_space(6.0);
    for competency in scoring::competency_scores(&evaluation.answers) {
        ui.horizontal(|ui| {
            ui.add_sized(
                [130.0, 18.0],
                egui::Label::new(&competency.competency).truncate(),
            );
            let (fraction, text) = match competency.average {
                Some(average) => ((average / SCALE_MAX) as f32, format!("{average:.1}")),
                None => (0.0, "not rated".to_owned()),
            };
            widgets::score_bar(ui, fraction, 120.0);
            ui.label(text);
        });
    }

    ui.add_space(12.0);
    ui.heading("Recommendation");
    ui.horizontal_wrapped(|ui| {
        for recommendation in Recommendation::ALL {
            let chosen = evaluation.recommendation == Some(recommendation);
            let colour = theme::recommendation_colour(recommendation);
            let text = egui::RichText::new(recommendation.label())
                .strong()
                .color(if chosen { egui::Color32::WHITE } else { colour });
            let button = egui::Button::selectable(chosen, text)
                .fill(if chosen {
                    colour
                } else {
                    egui::Color32::TRANSPARENT
                })
                .stroke(egui::Stroke::new(1.0, colour));
            if ui.add_enabled(!read_only, button).clicked() {
                actions.push(Action::Interview(InterviewAction::SetRecommendation(
                    if chosen { None } else { Some(recommendation) },
                )));
            }
        }
    });

    ui.add_space(8.0);
    let mut edited = false;
    let summary_label = ui.strong("Summary for the hiring committee");
    edited |= ui
        .add(
            egui::TextEdit::multiline(&mut evaluation.summary)
                .interactive(!read_only)
                .hint_text("Strengths, concerns, and the evidence behind your recommendation")
                .desired_rows(6)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(summary_label.id)
        .changed();
    ui.add_space(6.0);
    let private_label = ui.label("🔒 Private notes (not exported)");
    edited |= ui
        .add(
            egui::TextEdit::multiline(&mut evaluation.private_notes)
                .interactive(!read_only)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(private_label.id)
        .changed();
    if edited {
        actions.push(Action::Interview(InterviewAction::Edited));
    }

    ui.add_space(12.0);
    if !read_only {
        let blockers = submit_blockers(evaluation);
        let submit = ui.add_enabled(
            blockers.is_ok(),
            egui::Button::new(egui::RichText::new("Submit evaluation").strong())
                .min_size(egui::vec2(160.0, 30.0)),
        );
        if submit.clicked() {
            actions.push(Action::Interview(InterviewAction::Submit));
        }
        if let Err(missing) = blockers {
            ui.colored_label(theme::AMBER, format!("Before submitting: {missing}."));
        }
    }
}
