//! Every keyboard shortcut, declared once, with the screen it works on.
//!
//! Views show the hints from here and the app consumes the keys from here, so the labels can
//! never drift from the behaviour; a test fails when two commands that can be active at the
//! same time share a key.

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

/// Where a command's shortcut is active.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// On every screen.
    Global,
    /// On the home screen.
    Home,
    /// In the plan builder.
    PlanBuilder,
    /// During the interview.
    Interview,
    /// In the pack editor.
    PackEditor,
}

/// A command that has a keyboard shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Make everything larger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Import a question pack from a file.
    ImportPack,
    /// Open the settings.
    Settings,
    /// Start building a new interview plan.
    NewPlan,
    /// Put the cursor in the question search box.
    FocusSearch,
    /// Add the selected question to the plan.
    AddToPlan,
    /// Move the selected plan entry up.
    MoveEntryUp,
    /// Move the selected plan entry down.
    MoveEntryDown,
    /// Save the plan.
    SavePlan,
    /// Rate the current answer at rubric level 1–4 (the n-th level).
    Rate(u8),
    /// Remove the current rating.
    ClearRating,
    /// Tick or untick key point 1–9 of the current question.
    ToggleKeyPoint(u8),
    /// Go to the next question.
    NextQuestion,
    /// Go to the previous question.
    PreviousQuestion,
    /// Insert a `[mm:ss]` line into the notes.
    InsertTimestamp,
    /// Mark the question as not asked (again to undo).
    ToggleNotAsked,
    /// Mark the question as asked without evidence (again to undo).
    ToggleNoEvidence,
    /// Show the notes of the current question.
    QuestionNotes,
    /// Show the general notes.
    GeneralNotes,
    /// Show the private notes.
    PrivateNotes,
    /// End the interview and go to the review.
    EndInterview,
    /// Save the pack being edited.
    SavePack,
    /// Undo the last change to the pack.
    Undo,
    /// Redo the last undone change.
    Redo,
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const fn alt(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::ALT, key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const DIGITS: [Key; 10] = [
    Key::Num0,
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

impl Command {
    /// Every command, for menus, help and the clash test.
    pub const ALL: [Command; 36] = [
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ImportPack,
        Command::Settings,
        Command::NewPlan,
        Command::FocusSearch,
        Command::AddToPlan,
        Command::MoveEntryUp,
        Command::MoveEntryDown,
        Command::SavePlan,
        Command::Rate(1),
        Command::Rate(2),
        Command::Rate(3),
        Command::Rate(4),
        Command::ClearRating,
        Command::ToggleKeyPoint(1),
        Command::ToggleKeyPoint(2),
        Command::ToggleKeyPoint(3),
        Command::ToggleKeyPoint(4),
        Command::ToggleKeyPoint(5),
        Command::ToggleKeyPoint(6),
        Command::ToggleKeyPoint(7),
        Command::ToggleKeyPoint(8),
        Command::ToggleKeyPoint(9),
        Command::NextQuestion,
        Command::PreviousQuestion,
        Command::InsertTimestamp,
        Command::ToggleNotAsked,
        Command::ToggleNoEvidence,
        Command::QuestionNotes,
        Command::GeneralNotes,
        Command::PrivateNotes,
        Command::EndInterview,
        Command::SavePack,
        Command::Undo,
        Command::Redo,
    ];

    /// Where the shortcut works.
    pub fn scope(self) -> Scope {
        match self {
            Command::ZoomIn | Command::ZoomOut | Command::ImportPack | Command::Settings => {
                Scope::Global
            }
            Command::NewPlan => Scope::Home,
            Command::FocusSearch
            | Command::AddToPlan
            | Command::MoveEntryUp
            | Command::MoveEntryDown
            | Command::SavePlan => Scope::PlanBuilder,
            Command::Rate(_)
            | Command::ClearRating
            | Command::ToggleKeyPoint(_)
            | Command::NextQuestion
            | Command::PreviousQuestion
            | Command::InsertTimestamp
            | Command::ToggleNotAsked
            | Command::ToggleNoEvidence
            | Command::QuestionNotes
            | Command::GeneralNotes
            | Command::PrivateNotes
            | Command::EndInterview => Scope::Interview,
            Command::SavePack | Command::Undo | Command::Redo => Scope::PackEditor,
        }
    }

    /// The shortcut that works even while typing.
    pub fn shortcut(self) -> KeyboardShortcut {
        match self {
            Command::ZoomIn => cmd(Key::Plus),
            Command::ZoomOut => cmd(Key::Minus),
            Command::ImportPack => cmd(Key::O),
            Command::Settings => cmd(Key::Comma),
            Command::NewPlan => cmd(Key::N),
            Command::FocusSearch => cmd(Key::F),
            Command::AddToPlan => cmd(Key::Enter),
            Command::MoveEntryUp => alt(Key::ArrowUp),
            Command::MoveEntryDown => alt(Key::ArrowDown),
            Command::SavePlan => cmd(Key::S),
            Command::Rate(level) => cmd(DIGITS[usize::from(level.min(4))]),
            Command::ClearRating => cmd(Key::Num0),
            Command::ToggleKeyPoint(point) => alt(DIGITS[usize::from(point.clamp(1, 9))]),
            Command::NextQuestion => cmd(Key::ArrowRight),
            Command::PreviousQuestion => cmd(Key::ArrowLeft),
            Command::InsertTimestamp => cmd(Key::T),
            Command::ToggleNotAsked => cmd_shift(Key::N),
            Command::ToggleNoEvidence => cmd_shift(Key::E),
            Command::QuestionNotes => cmd_shift(Key::Q),
            Command::GeneralNotes => cmd_shift(Key::G),
            Command::PrivateNotes => cmd_shift(Key::P),
            Command::EndInterview => cmd_shift(Key::R),
            Command::SavePack => cmd(Key::S),
            Command::Undo => cmd(Key::Z),
            Command::Redo => cmd_shift(Key::Z),
        }
    }

    /// Another chord for the same command, e.g. Ctrl+= for zoom in on keyboards where `+`
    /// needs Shift.
    pub fn alternative_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Command::ZoomIn => Some(cmd(Key::Equals)),
            Command::Redo => Some(cmd(Key::Y)),
            _ => None,
        }
    }

    /// A second shortcut that only works when no text field has the keyboard (so plain keys
    /// are not stolen from typing).
    pub fn bare_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Command::Rate(level) => Some(plain(DIGITS[usize::from(level.min(4))])),
            Command::ClearRating => Some(plain(Key::Num0)),
            Command::AddToPlan => Some(plain(Key::Enter)),
            _ => None,
        }
    }

    /// What the command does, for buttons, menus and tooltips.
    pub fn label(self) -> String {
        match self {
            Command::ZoomIn => "Zoom in".into(),
            Command::ZoomOut => "Zoom out".into(),
            Command::ImportPack => "Import pack…".into(),
            Command::Settings => "Settings".into(),
            Command::NewPlan => "New interview".into(),
            Command::FocusSearch => "Search questions".into(),
            Command::AddToPlan => "Add to plan".into(),
            Command::MoveEntryUp => "Move up".into(),
            Command::MoveEntryDown => "Move down".into(),
            Command::SavePlan => "Save plan".into(),
            Command::Rate(level) => format!("Rate level {level}"),
            Command::ClearRating => "Clear rating".into(),
            Command::ToggleKeyPoint(point) => format!("Tick key point {point}"),
            Command::NextQuestion => "Next question".into(),
            Command::PreviousQuestion => "Previous question".into(),
            Command::InsertTimestamp => "Insert timestamp".into(),
            Command::ToggleNotAsked => "Not asked".into(),
            Command::ToggleNoEvidence => "No evidence".into(),
            Command::QuestionNotes => "Question notes".into(),
            Command::GeneralNotes => "General notes".into(),
            Command::PrivateNotes => "Private notes".into(),
            Command::EndInterview => "End interview".into(),
            Command::SavePack => "Save pack".into(),
            Command::Undo => "Undo".into(),
            Command::Redo => "Redo".into(),
        }
    }

    /// The shortcut as shown to people, e.g. `Ctrl+2`.
    pub fn hint(self, ctx: &egui::Context) -> String {
        ctx.format_shortcut(&self.shortcut())
    }

    /// Whether this command's key was pressed this frame; consumes the key if so.
    /// `typing` is true while a text field has the keyboard.
    pub fn consume(self, ctx: &egui::Context, typing: bool) -> bool {
        ctx.input_mut(|input| {
            input.consume_shortcut(&self.shortcut())
                || self
                    .alternative_shortcut()
                    .is_some_and(|other| input.consume_shortcut(&other))
                || (!typing
                    && self
                        .bare_shortcut()
                        .is_some_and(|bare| input.consume_shortcut(&bare)))
        })
    }

    /// The commands active in `scope`, most specific shortcuts first so that Ctrl+Shift+N is
    /// not taken for Ctrl+N.
    pub fn in_scope(scope: Scope) -> Vec<Command> {
        let mut commands: Vec<Command> = Self::ALL
            .into_iter()
            .filter(|c| c.scope() == scope)
            .collect();
        commands.sort_by_key(|c| std::cmp::Reverse(modifier_count(c.shortcut().modifiers)));
        commands
    }
}

fn modifier_count(modifiers: Modifiers) -> u8 {
    u8::from(modifiers.alt)
        + u8::from(modifiers.shift)
        + u8::from(modifiers.command || modifiers.ctrl)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlap(a: Scope, b: Scope) -> bool {
        a == b || a == Scope::Global || b == Scope::Global
    }

    /// A shortcut `pattern` fires for `pressed` if egui's logical matching says so.
    fn fires(pattern: &KeyboardShortcut, pressed: &KeyboardShortcut) -> bool {
        pattern.logical_key == pressed.logical_key
            && pressed.modifiers.matches_logically(pattern.modifiers)
    }

    fn all_keys(command: Command) -> Vec<KeyboardShortcut> {
        std::iter::once(command.shortcut())
            .chain(command.alternative_shortcut())
            .chain(command.bare_shortcut())
            .collect()
    }

    #[test]
    fn no_two_active_commands_share_a_key() {
        for (i, a) in Command::ALL.iter().enumerate() {
            for b in &Command::ALL[i + 1..] {
                if !overlap(a.scope(), b.scope()) {
                    continue;
                }
                for ka in all_keys(*a) {
                    for kb in all_keys(*b) {
                        assert!(
                            ka != kb,
                            "{a:?} and {b:?} both use {ka:?} in overlapping scopes"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn more_specific_shortcuts_are_consumed_first() {
        // egui ignores Shift and Alt when the pattern does not mention them, so a Ctrl+N
        // pattern would also fire for Ctrl+Shift+N. Within a scope, the longer chord must come
        // first whenever one pattern would fire for the other's keys.
        for scope in [
            Scope::Global,
            Scope::Home,
            Scope::PlanBuilder,
            Scope::Interview,
            Scope::PackEditor,
        ] {
            let ordered = Command::in_scope(scope);
            for (i, earlier) in ordered.iter().enumerate() {
                for later in &ordered[i + 1..] {
                    assert!(
                        !fires(&earlier.shortcut(), &later.shortcut()),
                        "{earlier:?} would swallow {later:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_command_is_listed_once_with_a_label() {
        for (i, command) in Command::ALL.iter().enumerate() {
            assert!(!command.label().is_empty());
            assert!(
                !Command::ALL[i + 1..].contains(command),
                "{command:?} listed twice"
            );
        }
    }
}
