//! Review: every answer in one table, live scores, the recommendation and summary, submit.

use eframe::egui;

use super::action::{Action, InterviewAction, RecordAction};
use super::dialogs::Dialog;
use super::session::Session;
use super::state::{AppState, Screen};
use super::{theme, widgets};
use crate::domain::scoring::{self, SCALE_MAX};
use crate::domain::{Evaluation, Outcome, Recommendation};
use crate::report::format::{clock, time_against_budget};

/// Draws the review screen.
pub fn review_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    let Some(session) = &mut state.session else {
        widgets::empty_screen(ui, "Open an evaluation from Home to review it.", actions);
        return;
    };
    let seal = session.seal_state();
    header_ui(ui, &session.path, &session.evaluation, &seal, actions);
    ui.separator();
    let mut split = session.review_split;
    let mut parts = (&mut *session, &mut *actions);
    widgets::split_columns(
        ui,
        "review",
        &mut split,
        (360.0, 300.0),
        &mut parts,
        |ui, (session, actions)| {
            egui::ScrollArea::vertical()
                .id_salt(("answers-scroll", &session.path))
                .auto_shrink([false, false])
                .show(ui, |ui| answers_ui(ui, session, actions));
        },
        |ui, (session, actions)| {
            egui::ScrollArea::vertical()
                .id_salt(("verdict-scroll", &session.path))
                .auto_shrink([false, false])
                .show(ui, |ui| verdict_ui(ui, session, actions));
        },
    );
    session.review_split = split;
}

fn header_ui(
    ui: &mut egui::Ui,
    path: &std::path::Path,
    evaluation: &Evaluation,
    seal: &crate::domain::SealState,
    actions: &mut Vec<Action>,
) {
    widgets::split_row(
        ui,
        "review-header",
        actions,
        |ui, actions| {
            widgets::candidate_heading(ui, evaluation, actions);
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
        },
        |ui, actions| {
            if ui.button("Export…").clicked() {
                actions.push(RecordAction::Export(path.to_owned()).into());
            }
            if evaluation.is_submitted()
                && ui
                    .button("Share for debrief…")
                    .on_hover_text(
                        "A copy for whoever runs the debrief: without your private notes, sealed",
                    )
                    .clicked()
            {
                actions.push(RecordAction::Share(path.to_owned()).into());
            }
            if evaluation.is_submitted() {
                if ui.button("Reopen for changes").clicked() {
                    actions.push(InterviewAction::Reopen.into());
                }
                widgets::seal_ui(ui, seal);
                ui.label(format!(
                    "Submitted {}",
                    widgets::date(evaluation.submitted_at)
                ));
            } else if ui.button("◀ Back to interview").clicked() {
                actions.push(Action::Go(Screen::Interview));
            }
        },
    );
}

/// Every answer as a row: number, prompt and outcome, with key points, time and the first
/// line of the notes below; a click on the prompt opens its notes and key points for edits.
fn answers_ui(ui: &mut egui::Ui, session: &mut Session, actions: &mut Vec<Action>) {
    let read_only = session.evaluation.is_submitted();
    let mut open = session.review_open;
    let mut edited = false;
    let palette = theme::colours(ui);
    for (index, answer) in session.evaluation.answers.iter_mut().enumerate() {
        let unrated = answer.outcome == Outcome::Unrated;
        egui::Frame::new()
            .inner_margin(egui::Margin::symmetric(4, 4))
            .fill(if index % 2 == 1 {
                ui.visuals().faint_bg_color
            } else {
                egui::Color32::TRANSPARENT
            })
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                // The outcome at the end of the line, the prompt cut to the room left.
                ui.horizontal(|ui| {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        outcome_combo(ui, index, answer, read_only, actions);
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                            let number = egui::RichText::new(format!("{}.", index + 1));
                            ui.label(if unrated {
                                number.color(palette.red).strong()
                            } else {
                                number
                            });
                            let prompt = crate::domain::first_line(&answer.question.prompt);
                            let toggle = ui
                                .add(
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
                        });
                    });
                });
                let first_note = answer
                    .notes
                    .lines()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("no notes");
                ui.horizontal(|ui| {
                    let colour = theme::timer_colour(ui, answer.seconds, answer.question.minutes);
                    ui.label(
                        egui::RichText::new(time_against_budget(
                            answer.seconds,
                            answer.question.minutes,
                        ))
                        .small()
                        .color(colour),
                    );
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(format!(
                                "· key points {}/{} · {first_note}",
                                answer.covered.len(),
                                answer.question.key_points.len()
                            ))
                            .small()
                            .weak(),
                        )
                        .truncate(),
                    );
                });
                if open == Some(index) {
                    edited |= answer_details_ui(ui, index, answer, read_only, actions);
                }
            });
    }
    session.review_open = open;
    if edited {
        actions.push(InterviewAction::Edited.into());
    }
}

/// The key points and notes of one answer, for corrections; returns whether the notes changed.
fn answer_details_ui(
    ui: &mut egui::Ui,
    index: usize,
    answer: &mut crate::domain::Answer,
    read_only: bool,
    actions: &mut Vec<Action>,
) -> bool {
    let mut edited = false;
    ui.add_space(4.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.add(egui::Label::new(egui::RichText::new(&answer.question.prompt).strong()).wrap());
        for (point, text) in answer.question.key_points.iter().enumerate() {
            let mut covered = answer.covered.contains(&point);
            if ui
                .add_enabled(!read_only, egui::Checkbox::new(&mut covered, text))
                .changed()
            {
                actions.push(InterviewAction::ToggleKeyPoint(index, point).into());
            }
        }
        let label = ui.label(egui::RichText::new("Notes").small().weak());
        edited = ui
            .add(
                egui::TextEdit::multiline(&mut answer.notes)
                    .interactive(!read_only)
                    .lock_focus(false)
                    .desired_rows(6)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
            .changed();
    });
    edited
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
        egui::RichText::new(current).color(theme::colours(ui).red)
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
            let label_width = (ui.available_width() * 0.4).clamp(80.0, 180.0);
            ui.add_sized(
                [label_width, 18.0],
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
        let palette = theme::colours(ui);
        for recommendation in Recommendation::ALL {
            let chosen = evaluation.recommendation == Some(recommendation);
            let fill = theme::recommendation_colour(recommendation);
            // Unchosen, the word is in a shade of its colour that reads on the panel.
            let text_colour = match recommendation {
                Recommendation::StrongNo => palette.red,
                Recommendation::No => palette.amber,
                Recommendation::Yes | Recommendation::StrongYes => palette.green,
            };
            let text = egui::RichText::new(recommendation.label())
                .strong()
                .color(if chosen {
                    theme::text_on(fill)
                } else {
                    text_colour
                });
            let button = egui::Button::selectable(chosen, text)
                .fill(if chosen {
                    fill
                } else {
                    egui::Color32::TRANSPARENT
                })
                .stroke(egui::Stroke::new(1.0, text_colour));
            if ui.add_enabled(!read_only, button).clicked() {
                actions.push(
                    InterviewAction::SetRecommendation(if chosen {
                        None
                    } else {
                        Some(recommendation)
                    })
                    .into(),
                );
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
                .lock_focus(false)
                .desired_rows(6)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(summary_label.id)
        .changed();
    ui.add_space(6.0);
    let general_label = ui.strong("General notes");
    edited |= ui
        .add(
            egui::TextEdit::multiline(&mut evaluation.general_notes)
                .interactive(!read_only)
                .hint_text("Notes on the whole interview (exported)")
                .lock_focus(false)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(general_label.id)
        .changed();
    ui.add_space(6.0);
    let private_label = ui.label("🔒 Private notes (not exported)");
    edited |= ui
        .add(
            egui::TextEdit::multiline(&mut evaluation.private_notes)
                .interactive(!read_only)
                .lock_focus(false)
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
        let blockers = evaluation.submit_blockers();
        let submit = ui.add_enabled(
            blockers.is_ok(),
            egui::Button::new(egui::RichText::new("Submit evaluation").strong())
                .min_size(egui::vec2(160.0, 30.0)),
        );
        if submit.clicked()
            && let Some(recommendation) = evaluation.recommendation
        {
            actions.push(Action::Open(Dialog::ConfirmSubmit { recommendation }));
        }
        if let Err(missing) = blockers {
            ui.colored_label(
                theme::colours(ui).amber,
                format!("Before submitting: {missing}."),
            );
        }
    }
}
