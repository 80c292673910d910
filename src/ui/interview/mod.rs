//! Interview: one question at a time — prompt, purpose, key points, rubric cards, follow-ups —
//! beside a notes editor that has the keyboard, a per-question timer and a pacing bar.
//!
//! The two columns share the width by a fraction the interviewer can drag; on short windows
//! "why we ask" starts folded and the key points fold when the rubric would otherwise be out
//! of sight, so rating never needs scrolling.

use eframe::egui;

mod notes;

pub use notes::{insert_line_at_cursor, notes_id};

use super::action::{Action, InterviewAction};
use super::session::Session;
use super::shortcuts::Command;
use super::state::AppState;
use super::{theme, widgets};
use crate::domain::{Answer, Evaluation, Outcome};
use crate::report::format::clock;

/// Windows shorter than this start with "why we ask" folded.
const TALL_WINDOW: f32 = 900.0;

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
    if evaluation.answers.is_empty() {
        ui.label("This interview has no questions.");
        return;
    }
    let mut split = session.split;
    let tall = ui.ctx().content_rect().height() >= TALL_WINDOW;
    let mut parts = (&mut *session, &mut *actions);
    widgets::split_columns(
        ui,
        "interview",
        &mut split,
        (300.0, 340.0),
        &mut parts,
        |ui, (session, actions)| question_column_ui(ui, session, current, tall, actions),
        |ui, (session, actions)| notes::notes_ui(ui, session, current, actions),
    );
    session.split = split;
}

fn header_ui(
    ui: &mut egui::Ui,
    evaluation: &Evaluation,
    current: usize,
    actions: &mut Vec<Action>,
) {
    widgets::split_row(
        ui,
        "interview-header",
        actions,
        |ui, actions| {
            widgets::candidate_heading(ui, evaluation, actions);
            ui.separator();
            ui.label(format!(
                "Question {} of {}",
                current + 1,
                evaluation.answers.len()
            ));
        },
        |ui, actions| {
            if ui
                .button("End interview")
                .on_hover_text(Command::EndInterview.hint(ui.ctx()))
                .clicked()
            {
                actions.push(InterviewAction::End.into());
            }
            pacing_ui(ui, evaluation);
        },
    );
}

/// Elapsed time against the whole plan, so the interviewer can see when to move on. The
/// figures stand beside the bar, never on it, so they read in both themes.
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
    let palette = theme::colours(ui);
    let (fill, text) = if spent > planned {
        (theme::RED, palette.red)
    } else if fraction >= 0.8 {
        (theme::AMBER, palette.amber)
    } else {
        (theme::ACCENT, ui.visuals().text_color())
    };
    // Laid out right to left: the bar first, then its figures to its left.
    widgets::progress_bar(ui, fraction, 120.0, fill);
    ui.label(
        egui::RichText::new(format!("{} of {} planned", clock(spent), clock(planned))).color(text),
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
            let chip = index == current;
            let mut text = egui::RichText::new(format!("{} {icon}", index + 1)).small();
            let fill = if chip {
                text = text.color(theme::text_on(theme::ACCENT)).strong();
                theme::ACCENT
            } else if matches!(answer.outcome, Outcome::Rated(_)) {
                ui.visuals().widgets.inactive.weak_bg_fill
            } else {
                egui::Color32::TRANSPARENT
            };
            let button = egui::Button::new(text)
                .selected(chip)
                .fill(fill)
                .corner_radius(10.0)
                .min_size(egui::vec2(36.0, 20.0));
            let hover = format!(
                "{}. {} — {state}",
                index + 1,
                crate::domain::first_line(&answer.question.prompt)
            );
            if ui.add(button).on_hover_text(hover).clicked() {
                actions.push(InterviewAction::GoTo(index).into());
            }
        }
    });
}

/// The question column: scrolls on its own, and starts at the top for every question of
/// every interview (its scroll position is kept per evaluation file and question).
fn question_column_ui(
    ui: &mut egui::Ui,
    session: &mut Session,
    current: usize,
    tall: bool,
    actions: &mut Vec<Action>,
) {
    let Some(answer) = session.evaluation.answers.get(current) else {
        return;
    };
    let fold_id = egui::Id::unique(("fold", &session.path, current));
    let mut fold: Fold = ui.data(|data| data.get_temp(fold_id)).unwrap_or_default();
    let viewport = ui.available_height();
    // Short of room, "why we ask" folds first, then the key points.
    let mut show_purpose = session
        .show_purpose
        .unwrap_or_else(|| tall && !fold.hidden_with(viewport, true, true));
    let show_points = session
        .show_key_points
        .unwrap_or_else(|| !fold.hidden_with(viewport, show_purpose, true));
    let mut toggled_points = false;
    egui::ScrollArea::vertical()
        .id_salt(("question-scroll", &session.path, current))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let top = ui.min_rect().top();
            let question = &answer.question;
            widgets::question_heading(ui, question, 1.5);
            if !question.purpose.is_empty() {
                let before = ui.min_rect().bottom();
                ui.add_space(6.0);
                let header = egui::CollapsingHeader::new(egui::RichText::new("Why we ask").weak())
                    .id_salt(("purpose", current))
                    .open(Some(show_purpose))
                    .show(ui, |ui| {
                        ui.label(
                            egui::RichText::new(&question.purpose)
                                .color(ui.visuals().weak_text_color()),
                        );
                    });
                if header.header_response.clicked() {
                    show_purpose = !show_purpose;
                    session.show_purpose = Some(show_purpose);
                }
                if header.fully_open() || header.fully_closed() {
                    let height = ui.min_rect().bottom() - before;
                    fold.purpose.measured(header.fully_open(), height);
                }
            }
            if !question.key_points.is_empty() {
                let before = ui.min_rect().bottom();
                toggled_points = key_points_ui(ui, answer, current, show_points, actions);
                let height = ui.min_rect().bottom() - before;
                fold.key_points.measured(show_points, height);
            }
            heading(ui, "Rubric");
            rubric_ui(ui, answer, actions);
            fold.rubric_bottom = ui.min_rect().bottom() - top;
            follow_ups_ui(ui, answer, current, actions);
            ui.add_space(12.0);
        });
    if toggled_points {
        session.show_key_points = Some(!show_points);
    }
    ui.data_mut(|data| data.insert_temp(fold_id, fold));
}

/// The height of a part of the question column folded and unfolded, as last drawn.
#[derive(Clone, Copy, Debug, Default)]
struct Part {
    open: Option<f32>,
    folded: Option<f32>,
    /// Whether it was open when last drawn.
    was_open: bool,
}

impl Part {
    fn measured(&mut self, open: bool, height: f32) {
        if open {
            self.open = Some(height);
        } else {
            self.folded = Some(height);
        }
        self.was_open = open;
    }

    /// How much taller the column would be with the part `open` than as last drawn.
    fn change(&self, open: bool) -> f32 {
        match (self.was_open, open) {
            (true, false) => self.folded.zip(self.open).map_or(0.0, |(f, o)| f - o),
            (false, true) => self.open.zip(self.folded).map_or(0.0, |(o, f)| o - f),
            _ => 0.0,
        }
    }
}

/// What the question column measured last frame, to decide what folds.
#[derive(Clone, Copy, Debug, Default)]
struct Fold {
    purpose: Part,
    key_points: Part,
    /// Where the rubric ended, from the top of the column (0 until measured).
    rubric_bottom: f32,
}

impl Fold {
    /// Whether the rubric would end below the column's visible height with the purpose and
    /// the key points open or not, computed from the heights drawn (so the answer does not
    /// flip from one frame to the next).
    fn hidden_with(&self, viewport: f32, purpose: bool, points: bool) -> bool {
        if self.rubric_bottom == 0.0 {
            return false;
        }
        let bottom =
            self.rubric_bottom + self.purpose.change(purpose) + self.key_points.change(points);
        bottom > viewport
    }
}

/// The key points as a checklist, or folded to one line; returns whether the fold was toggled.
fn key_points_ui(
    ui: &mut egui::Ui,
    answer: &Answer,
    index: usize,
    open: bool,
    actions: &mut Vec<Action>,
) -> bool {
    let points = &answer.question.key_points;
    ui.add_space(10.0);
    let shortcut = if points.len() > 1 {
        format!(
            "{}…{}",
            Command::ToggleKeyPoint(1).hint(ui.ctx()),
            Command::ToggleKeyPoint(points.len().min(9) as u8).hint(ui.ctx())
        )
    } else {
        Command::ToggleKeyPoint(1).hint(ui.ctx())
    };
    let title = if open {
        format!(
            "⏷ Key points ({} of {})",
            answer.covered.len(),
            points.len()
        )
    } else {
        format!(
            "⏵ Key points ({} of {}) · {shortcut} ticks one",
            answer.covered.len(),
            points.len()
        )
    };
    let toggled = ui
        .add(egui::Button::new(egui::RichText::new(title).strong()).frame(false))
        .on_hover_text(format!(
            "{} the list; tick a point with {shortcut}",
            if open { "Fold" } else { "Unfold" }
        ))
        .clicked();
    if open {
        for (point_index, point) in points.iter().enumerate() {
            let mut covered = answer.covered.contains(&point_index);
            let mut checkbox = ui.checkbox(&mut covered, point);
            if let Ok(nth) = u8::try_from(point_index + 1)
                && nth <= 9
            {
                checkbox = checkbox.on_hover_text(Command::ToggleKeyPoint(nth).hint(ui.ctx()));
            }
            if checkbox.changed() {
                actions.push(InterviewAction::ToggleKeyPoint(index, point_index).into());
            }
        }
    }
    toggled
}

fn follow_ups_ui(ui: &mut egui::Ui, answer: &Answer, index: usize, actions: &mut Vec<Action>) {
    let question = &answer.question;
    if !question.follow_ups.is_empty() {
        heading(ui, "Follow-ups");
        for follow_up in &question.follow_ups {
            ui.horizontal_top(|ui| {
                ui.weak("•");
                ui.add(egui::Label::new(follow_up).wrap());
            });
        }
    }
    if !question.red_flags.is_empty() {
        heading(ui, "Red flags (tick if observed)");
        for (flag_index, flag) in question.red_flags.iter().enumerate() {
            let mut seen = answer.red_flags_seen.contains(&flag_index);
            if ui.checkbox(&mut seen, flag).changed() {
                actions.push(InterviewAction::ToggleRedFlag(index, flag_index).into());
            }
        }
    }
}

fn heading(ui: &mut egui::Ui, text: &str) {
    ui.add_space(10.0);
    ui.label(egui::RichText::new(text).strong());
}

/// The rubric as cards, one per level; the chosen one is outlined in the accent colour.
fn rubric_ui(ui: &mut egui::Ui, answer: &Answer, actions: &mut Vec<Action>) {
    let rubric = answer.rubric();
    let count = rubric.levels.len().max(1);
    // One row of cards when each gets a readable width, else two per row, else one.
    let width = ui.available_width();
    let columns = [count, count.div_ceil(2), 1]
        .into_iter()
        .find(|columns| width / *columns as f32 >= 150.0)
        .unwrap_or(1);
    for row in rubric.levels.chunks(columns).enumerate() {
        let (row_index, levels) = row;
        ui.columns(columns, |uis| {
            for (column, (ui, level)) in uis.iter_mut().zip(levels).enumerate() {
                rubric_card_ui(ui, answer, row_index * columns + column, level, actions);
            }
        });
    }
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
        egui::Stroke::new(2.0, theme::colours(ui).accent)
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
        actions.push(
            if chosen {
                InterviewAction::RateCurrent(0)
            } else {
                InterviewAction::RateCurrent(u8::try_from(position + 1).unwrap_or(u8::MAX))
            }
            .into(),
        );
    }
}
