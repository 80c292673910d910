//! The notes editor of the interview screen: the timer, not-asked / no-evidence, previous and
//! next, the three notes tabs and the editor itself, which has the keyboard.

use eframe::egui;

use crate::domain::Outcome;
use crate::report::format::time_against_budget;
use crate::ui::action::{Action, InterviewAction};
use crate::ui::session::{NotesTab, Session};
use crate::ui::shortcuts::Command;
use crate::ui::{theme, widgets};

/// The timer and buttons over the notes, the tabs, and the editor.
pub(super) fn notes_ui(
    ui: &mut egui::Ui,
    session: &mut Session,
    current: usize,
    actions: &mut Vec<Action>,
) {
    let evaluation = &session.evaluation;
    let Some(answer) = evaluation.answers.get(current) else {
        return;
    };
    widgets::split_row(
        ui,
        "notes-toolbar",
        actions,
        |ui, actions| {
            let colour = theme::timer_colour(ui, answer.seconds, answer.question.minutes);
            ui.label(
                egui::RichText::new(format!(
                    "⏱ {}",
                    time_against_budget(answer.seconds, answer.question.minutes)
                ))
                .size(theme::BODY * 1.2)
                .color(colour),
            )
            .on_hover_text("Time on this question against its budget");
            for (outcome, command, action) in [
                (
                    Outcome::NotAsked,
                    Command::ToggleNotAsked,
                    InterviewAction::ToggleNotAsked,
                ),
                (
                    Outcome::NoEvidence,
                    Command::ToggleNoEvidence,
                    InterviewAction::ToggleNoEvidence,
                ),
            ] {
                let on = answer.outcome == outcome;
                if ui
                    .add(egui::Button::selectable(on, command.label()))
                    .on_hover_text(command.hint(ui.ctx()))
                    .clicked()
                {
                    actions.push(action.into());
                }
            }
        },
        |ui, actions| {
            let last = current + 1 >= evaluation.answers.len();
            if ui
                .add_enabled(!last, egui::Button::new("Next ▶"))
                .on_hover_text(Command::NextQuestion.hint(ui.ctx()))
                .clicked()
            {
                actions.push(InterviewAction::GoTo(current + 1).into());
            }
            if ui
                .add_enabled(current > 0, egui::Button::new("◀ Previous"))
                .on_hover_text(Command::PreviousQuestion.hint(ui.ctx()))
                .clicked()
            {
                actions.push(InterviewAction::GoTo(current.saturating_sub(1)).into());
            }
        },
    );
    ui.add_space(4.0);
    widgets::split_row(
        ui,
        "notes-tabs",
        actions,
        |ui, actions| {
            ui.weak("Notes:");
            for (tab, command, label) in [
                (
                    NotesTab::Question,
                    Command::QuestionNotes,
                    format!("Question {}", current + 1),
                ),
                (
                    NotesTab::General,
                    Command::GeneralNotes,
                    "General".to_owned(),
                ),
                (
                    NotesTab::Private,
                    Command::PrivateNotes,
                    "🔒 Private".to_owned(),
                ),
            ] {
                if ui
                    .add(egui::Button::selectable(session.notes_tab == tab, label))
                    .on_hover_text(command.hint(ui.ctx()))
                    .clicked()
                {
                    actions.push(InterviewAction::ShowNotes(tab).into());
                }
            }
        },
        |ui, _| {
            ui.small(format!(
                "{} inserts a timestamp",
                Command::InsertTimestamp.hint(ui.ctx())
            ));
        },
    );
    let path = &session.path;
    let (id, hint, label) = match session.notes_tab {
        NotesTab::Question => (
            notes_id(path, NotesTab::Question, current),
            "Notes on the answer — saved as you type",
            "Question notes",
        ),
        NotesTab::General => (
            notes_id(path, NotesTab::General, 0),
            "Notes on the whole interview",
            "General notes",
        ),
        NotesTab::Private => (
            notes_id(path, NotesTab::Private, 0),
            "Only for you — left out of exports unless you ask",
            "Private notes",
        ),
    };
    let label = ui.add(egui::Label::new(egui::RichText::new(label).small().weak()));
    let focus = std::mem::take(&mut session.focus_notes);
    let evaluation = &mut session.evaluation;
    let read_only = evaluation.is_submitted();
    let text = match session.notes_tab {
        NotesTab::Question => match evaluation.answers.get_mut(current) {
            Some(answer) => &mut answer.notes,
            None => return,
        },
        NotesTab::General => &mut evaluation.general_notes,
        NotesTab::Private => &mut evaluation.private_notes,
    };
    let editor = egui::TextEdit::multiline(text)
        .id(id)
        .hint_text(hint)
        .interactive(!read_only)
        .desired_width(f32::INFINITY)
        .desired_rows(8)
        // Tab moves on to the next control instead of typing a tab into the notes.
        .lock_focus(false);
    let response = egui::ScrollArea::vertical()
        .id_salt(("notes-scroll", id))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_sized(ui.available_size(), editor)
                .labelled_by(label.id)
        })
        .inner;
    if focus {
        response.request_focus();
    }
    if response.changed() {
        actions.push(Action::Interview(InterviewAction::Edited));
    }
}

/// The id of a notes editor, so focus and the cursor can be set from outside. It names the
/// evaluation file, so a cursor or scroll position never carries over to another interview.
pub fn notes_id(path: &std::path::Path, tab: NotesTab, question: usize) -> egui::Id {
    egui::Id::unique(("notes", path, tab as u8, question))
}

/// Inserts `text` at the start of a new line at the cursor of the current question's notes
/// (at the end if the editor has no cursor yet), and puts the cursor after it.
pub fn insert_line_at_cursor(ctx: &egui::Context, session: &mut Session, text: &str) {
    let current = session.evaluation.current;
    let Some(answer) = session.evaluation.answers.get_mut(current) else {
        return;
    };
    let notes = &mut answer.notes;
    let id = notes_id(&session.path, NotesTab::Question, current);
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    let char_count = notes.chars().count();
    let at_char = state
        .cursor
        .char_range()
        .map_or(char_count, |range| range.primary.index.0.min(char_count));
    let at_byte = notes
        .char_indices()
        .nth(at_char)
        .map_or(notes.len(), |(byte, _)| byte);
    let needs_break = at_byte > 0 && !notes[..at_byte].ends_with('\n');
    let inserted = if needs_break {
        format!("\n{text}")
    } else {
        text.to_owned()
    };
    notes.insert_str(at_byte, &inserted);
    let cursor = egui::text::CCursor::new(at_char + inserted.chars().count());
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::one(cursor)));
    egui::TextEdit::store_state(ctx, id, state);
}
