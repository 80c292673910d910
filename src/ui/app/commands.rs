//! Keyboard shortcuts → actions. Which keys do what is declared once, in `ui::shortcuts`;
//! this is where a pressed shortcut becomes the action it stands for on the screen shown.

use eframe::egui;

use super::OnsiteApp;
use crate::ui::action::{Action, InterviewAction, PackAction, PlanAction};
use crate::ui::session::NotesTab;
use crate::ui::shortcuts::{Command, Scope};
use crate::ui::state::Screen;

impl OnsiteApp {
    /// Consumes the shortcuts pressed this frame and queues their actions.
    pub(super) fn handle_shortcuts(&mut self, ctx: &egui::Context, now: f64) {
        if self.state.dialog.is_some() {
            return;
        }
        let typing = ctx.egui_wants_keyboard_input();
        let scope = match self.state.screen {
            Screen::Home => Some(Scope::Home),
            Screen::PlanBuilder => Some(Scope::PlanBuilder),
            Screen::Interview => Some(Scope::Interview),
            Screen::Packs => Some(Scope::PackEditor),
            Screen::Review | Screen::Settings => None,
        };
        let mut commands = Command::in_scope(Scope::Global);
        if let Some(scope) = scope {
            commands.extend(Command::in_scope(scope));
        }
        for command in commands {
            if command.consume(ctx, typing)
                && let Some(action) = self.action_for(command)
            {
                if action == Action::Interview(InterviewAction::InsertTimestamp) {
                    // Before the notes editor reads this frame's typing, so keys typed right
                    // after Ctrl+T land after the stamp, not before it.
                    self.apply(action, ctx, now);
                } else {
                    self.actions.push(action);
                }
            }
        }
    }

    /// The action a command stands for now, if it has one (e.g. no "next question" on the
    /// last).
    fn action_for(&mut self, command: Command) -> Option<Action> {
        let state = &self.state;
        let action: Action = match command {
            Command::ZoomIn => Action::SetZoom(state.settings.zoom + 0.1),
            Command::ZoomOut => Action::SetZoom(state.settings.zoom - 0.1),
            Command::ImportPack => PackAction::BrowseImport.into(),
            Command::Settings => Action::Go(Screen::Settings),
            Command::NewPlan => PlanAction::New.into(),
            Command::FocusSearch => {
                self.state.builder.focus_search = true;
                return None;
            }
            Command::AddToPlan => PlanAction::Add(state.builder.selected?).into(),
            Command::MoveEntryUp | Command::MoveEntryDown => {
                let from = state.builder.selected_entry?;
                let to = if command == Command::MoveEntryUp {
                    from.checked_sub(1)?
                } else {
                    Some(from + 1).filter(|to| *to < state.builder.plan.entries.len())?
                };
                PlanAction::Move { from, to }.into()
            }
            Command::SavePlan => PlanAction::Save.into(),
            Command::Rate(level) => InterviewAction::RateCurrent(level).into(),
            Command::ClearRating => InterviewAction::RateCurrent(0).into(),
            Command::ToggleKeyPoint(point) => {
                let current = state.session.as_ref()?.evaluation.current;
                InterviewAction::ToggleKeyPoint(current, usize::from(point).checked_sub(1)?).into()
            }
            Command::NextQuestion | Command::PreviousQuestion => {
                let current = state.session.as_ref()?.evaluation.current;
                let target = if command == Command::NextQuestion {
                    current + 1
                } else {
                    current.checked_sub(1)?
                };
                InterviewAction::GoTo(target).into()
            }
            Command::InsertTimestamp => InterviewAction::InsertTimestamp.into(),
            Command::ToggleNotAsked => InterviewAction::ToggleNotAsked.into(),
            Command::ToggleNoEvidence => InterviewAction::ToggleNoEvidence.into(),
            Command::QuestionNotes => InterviewAction::ShowNotes(NotesTab::Question).into(),
            Command::GeneralNotes => InterviewAction::ShowNotes(NotesTab::General).into(),
            Command::PrivateNotes => InterviewAction::ShowNotes(NotesTab::Private).into(),
            Command::EndInterview => InterviewAction::End.into(),
            Command::SavePack => PackAction::Save.into(),
            Command::Undo => PackAction::Undo.into(),
            Command::Redo => PackAction::Redo.into(),
        };
        Some(action)
    }
}
