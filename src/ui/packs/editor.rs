//! The pack editor's state: the pack being edited, where it saves, undo and redo, and the
//! validation problems shown next to the fields. Kept apart from the view so the editing rules
//! can be tested without a window.

use std::path::PathBuf;

use crate::domain::validate::{Field, Problem, Subject, validate_pack};
use crate::domain::{Question, QuestionField, QuestionPack, Rubric, unique_id};
use crate::ui::action::QuestionEdit;

/// Edits closer together than this (seconds) in the same field form one undo step, so undo
/// takes back a phrase rather than a letter.
const MERGE_SECONDS: f64 = 1.5;

/// Most undo steps kept.
const HISTORY_LIMIT: usize = 200;

/// Where the pack being edited is saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveTarget {
    /// A new pack, not saved yet: Save picks `packs/<id>.ron`.
    New,
    /// The user pack file it was opened from.
    File(PathBuf),
    /// A bundled pack, shown read-only.
    Bundled,
}

/// The pack editor.
pub struct PackEditor {
    /// The pack as edited.
    pub pack: QuestionPack,
    /// Where Save writes.
    pub target: SaveTarget,
    /// The question shown in the form.
    pub selected: usize,
    /// Changes since the last save.
    pub unsaved: bool,
    /// Problems found by validation, refreshed after every change.
    pub problems: Vec<Problem>,
    /// Pack tags as typed (comma-separated).
    pub tags_text: String,
    /// The selected question's tags as typed.
    pub question_tags_text: String,
    undo: Vec<(QuestionPack, usize)>,
    redo: Vec<(QuestionPack, usize)>,
    /// The pack as of the last recorded change, so the next change can be undone to it.
    committed: QuestionPack,
    /// The field and time of the last change, for merging keystrokes into one step.
    last_edit: Option<(Field, f64)>,
}

impl PackEditor {
    /// Opens `pack` for editing (read-only when bundled).
    pub fn open(pack: QuestionPack, target: SaveTarget) -> Self {
        let mut editor = Self {
            committed: pack.clone(),
            pack,
            target,
            selected: 0,
            unsaved: false,
            problems: Vec::new(),
            tags_text: String::new(),
            question_tags_text: String::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            last_edit: None,
        };
        editor.refresh();
        editor
    }

    /// Whether the pack may be changed.
    pub fn is_read_only(&self) -> bool {
        self.target == SaveTarget::Bundled
    }

    /// Records that the pack was changed in `field` at time `now` (after the change). The state
    /// before the change becomes an undo step unless it continues the previous edit.
    pub fn changed(&mut self, field: impl Into<Field>, now: f64) {
        let field = field.into();
        let continues = self
            .last_edit
            .as_ref()
            .is_some_and(|(last, at)| *last == field && now - at < MERGE_SECONDS);
        if continues {
            self.redo.clear();
        } else {
            self.push_undo(self.selected);
        }
        self.last_edit = Some((field, now));
        self.record();
    }

    /// Applies a structural change (add, delete, move...) as one undo step.
    pub fn apply(&mut self, change: impl FnOnce(&mut QuestionPack, &mut usize)) {
        let selected_before = self.selected;
        change(&mut self.pack, &mut self.selected);
        self.push_undo(selected_before);
        self.last_edit = None;
        self.record();
        self.sync_drafts();
    }

    fn push_undo(&mut self, selected: usize) {
        self.undo.push((self.committed.clone(), selected));
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Makes the current pack the base of the next undo step and re-validates.
    fn record(&mut self) {
        self.committed = self.pack.clone();
        self.unsaved = true;
        self.problems = validate_pack(&self.pack);
    }

    /// Takes back the last change.
    pub fn undo(&mut self) -> bool {
        self.move_in_history(true)
    }

    /// Puts back the last change taken back.
    pub fn redo(&mut self) -> bool {
        self.move_in_history(false)
    }

    /// Swaps the pack for the newest one on the undo (`back`) or redo history, keeping the
    /// current one on the other; false when that history is empty.
    fn move_in_history(&mut self, back: bool) -> bool {
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some((pack, selected)) = from.pop() else {
            return false;
        };
        to.push((std::mem::replace(&mut self.pack, pack), self.selected));
        self.selected = selected;
        self.after_history_move();
        true
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn after_history_move(&mut self) {
        self.committed = self.pack.clone();
        self.last_edit = None;
        self.unsaved = true;
        self.refresh();
    }

    /// Marks the pack saved at `target`.
    pub fn saved(&mut self, target: SaveTarget) {
        self.target = target;
        self.unsaved = false;
    }

    /// Re-validates and re-reads the text drafts from the pack.
    pub fn refresh(&mut self) {
        self.problems = validate_pack(&self.pack);
        self.selected = self
            .selected
            .min(self.pack.questions.len().saturating_sub(1));
        self.sync_drafts();
    }

    /// Re-reads the tag drafts, e.g. after undo or a change of question.
    pub fn sync_drafts(&mut self) {
        self.tags_text = self.pack.tags.join(", ");
        self.question_tags_text = self
            .pack
            .questions
            .get(self.selected)
            .map(|q| q.tags.join(", "))
            .unwrap_or_default();
    }

    /// Selects question `index`.
    pub fn select(&mut self, index: usize) {
        if index < self.pack.questions.len() {
            self.selected = index;
            self.last_edit = None;
            self.sync_drafts();
        }
    }

    /// The problems of the pack's own fields (`field` = e.g. `id`, `title`).
    pub fn pack_problems(&self, field: &str) -> Vec<&Problem> {
        self.problems
            .iter()
            .filter(|p| p.subject == Subject::File && p.field.field.name() == field)
            .collect()
    }

    /// How validation names the question at `index` (ids may repeat, so it counts them).
    fn subject_of(&self, index: usize) -> Option<Subject> {
        let question = self.pack.questions.get(index)?;
        let occurrence = self.pack.questions[..index]
            .iter()
            .filter(|q| q.id == question.id)
            .count();
        Some(Subject::Question {
            id: question.id.clone(),
            occurrence,
        })
    }

    /// The problems of the selected question's `field`, including those of its items.
    pub fn question_problems(&self, field: QuestionField) -> Vec<&Problem> {
        let Some(subject) = self.subject_of(self.selected) else {
            return Vec::new();
        };
        self.problems
            .iter()
            .filter(|p| p.subject == subject && p.field.question_field() == Some(field))
            .collect()
    }

    /// Whether the question at `index` has any problem (for a mark in the list).
    pub fn question_has_problems(&self, index: usize) -> bool {
        self.subject_of(index)
            .is_some_and(|subject| self.problems.iter().any(|p| p.subject == subject))
    }

    /// A fresh question id not used in the pack yet.
    pub fn fresh_id(&self, base: &str) -> String {
        unique_id(base, |id| self.pack.question(id).is_some())
    }

    /// Makes a structural change to the list of questions, as one undo step.
    pub fn edit_questions(&mut self, edit: QuestionEdit) {
        let index = self.selected;
        let count = self.pack.questions.len();
        match edit {
            QuestionEdit::Add => {
                let question = self.new_question();
                self.apply(|pack, selected| {
                    pack.questions.push(question);
                    *selected = pack.questions.len() - 1;
                });
            }
            QuestionEdit::Duplicate => {
                if let Some(mut copy) = self.pack.questions.get(index).cloned() {
                    copy.id = self.fresh_id(&format!("{}-copy", copy.id));
                    self.apply(|pack, selected| {
                        pack.questions.insert(index + 1, copy);
                        *selected = index + 1;
                    });
                }
            }
            QuestionEdit::Delete if index < count => self.apply(|pack, selected| {
                pack.questions.remove(index);
                *selected = index.min(pack.questions.len().saturating_sub(1));
            }),
            QuestionEdit::Up if index > 0 && index < count => self.apply(|pack, selected| {
                pack.questions.swap(index, index - 1);
                *selected = index - 1;
            }),
            QuestionEdit::Down if index + 1 < count => self.apply(|pack, selected| {
                pack.questions.swap(index, index + 1);
                *selected = index + 1;
            }),
            QuestionEdit::Delete | QuestionEdit::Up | QuestionEdit::Down => {}
        }
    }

    /// Forgets the undo history and the unsaved mark, e.g. once a new pack is set up.
    pub fn forget_history(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.committed = self.pack.clone();
        self.last_edit = None;
    }

    /// A new, empty question with the standard rubric, ready to fill in.
    pub fn new_question(&self) -> Question {
        let mut question = Question::new(self.fresh_id("new-question"), "", 10);
        question.rubric = Some(Rubric::standard());
        question
    }
}

/// Splits comma-separated tags, trimmed, empty ones dropped.
pub fn parse_tags(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn editor() -> PackEditor {
        let mut pack = QuestionPack::new("team", "Team");
        pack.questions.push(Question::new("a", "First?", 5));
        pack.questions.push(Question::new("b", "Second?", 5));
        PackEditor::open(pack, SaveTarget::New)
    }

    #[test]
    fn keystrokes_in_one_field_undo_together() {
        let mut editor = editor();
        for (i, text) in ["F", "Fi", "Fir"].into_iter().enumerate() {
            editor.pack.questions[0].prompt = text.into();
            editor.changed(QuestionField::Prompt, i as f64 * 0.2);
        }
        editor.pack.questions[0].purpose = "Why".into();
        editor.changed(QuestionField::Purpose, 1.0);
        assert!(editor.undo());
        assert_eq!(editor.pack.questions[0].purpose, "");
        assert_eq!(editor.pack.questions[0].prompt, "Fir");
        assert!(editor.undo());
        assert_eq!(editor.pack.questions[0].prompt, "First?");
        assert!(!editor.undo());
        assert!(editor.redo());
        assert!(editor.redo());
        assert_eq!(editor.pack.questions[0].purpose, "Why");
        assert!(!editor.redo());
    }

    #[test]
    fn a_pause_starts_a_new_undo_step_and_a_new_change_clears_redo() {
        let mut editor = editor();
        editor.pack.questions[0].prompt = "One".into();
        editor.changed(QuestionField::Prompt, 0.0);
        editor.pack.questions[0].prompt = "One two".into();
        editor.changed(QuestionField::Prompt, 5.0);
        assert!(editor.undo());
        assert_eq!(editor.pack.questions[0].prompt, "One");
        editor.pack.questions[0].prompt = "Other".into();
        editor.changed(QuestionField::Prompt, 9.0);
        assert!(!editor.can_redo());
    }

    #[test]
    fn structural_changes_are_single_steps_and_restore_the_selection() {
        let mut editor = editor();
        editor.select(1);
        editor.apply(|pack, selected| {
            pack.questions.remove(*selected);
            *selected = 0;
        });
        assert_eq!(editor.pack.questions.len(), 1);
        assert!(editor.undo());
        assert_eq!(editor.pack.questions.len(), 2);
        assert_eq!(editor.selected, 1);
    }

    #[test]
    fn problems_are_found_per_field() {
        let mut editor = editor();
        editor.pack.questions[0].prompt = " ".into();
        editor.pack.questions[0].rubric = Some(Rubric { levels: vec![] });
        editor.changed(QuestionField::Prompt, 0.0);
        assert_eq!(editor.question_problems(QuestionField::Prompt).len(), 1);
        assert_eq!(editor.question_problems(QuestionField::Rubric).len(), 1);
        assert!(editor.question_problems(QuestionField::Purpose).is_empty());
        assert!(editor.question_has_problems(0));
        assert!(!editor.question_has_problems(1));
        editor.pack.id = "Not A Slug".into();
        editor.changed(Field::Other("id"), 1.0);
        assert_eq!(editor.pack_problems("id").len(), 1);
    }

    #[test]
    fn new_questions_get_unused_ids() {
        let mut editor = editor();
        let first = editor.new_question();
        assert_eq!(first.id, "new-question");
        editor.apply(|pack, _| pack.questions.push(first));
        assert_eq!(editor.new_question().id, "new-question-2");
        assert_eq!(parse_tags(" a, ,b ,"), ["a", "b"]);
    }
}
