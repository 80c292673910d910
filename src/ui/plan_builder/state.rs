//! The plan builder's state and the changes its actions make to the plan.

use std::path::PathBuf;

use crate::domain::{InterviewPlan, PlanEntry, PlanQuestion, Question, QuestionRef, Rubric};
use crate::search::{Filter, Hit, QuestionKey};
use crate::storage::PackEntry;

/// A question being written inline in the plan builder.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomDraft {
    /// The prompt.
    pub prompt: String,
    /// Key points, one per line.
    pub key_points: String,
    /// Time budget.
    pub minutes: u32,
}

impl Default for CustomDraft {
    fn default() -> Self {
        Self {
            prompt: String::new(),
            key_points: String::new(),
            minutes: 10,
        }
    }
}

impl CustomDraft {
    /// The question this draft describes, with the standard rubric.
    pub fn to_question(&self, id: String) -> Question {
        let mut question = Question::new(id, self.prompt.trim(), self.minutes.max(1));
        question.key_points = self
            .key_points
            .lines()
            .map(|line| line.trim().trim_start_matches(['-', '*', '•']).trim())
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect();
        question.rubric = Some(Rubric::standard());
        question.competency = "Custom".to_owned();
        question
    }
}

/// The plan builder's state.
pub struct PlanBuilder {
    /// The plan being built.
    pub plan: InterviewPlan,
    /// Where the plan is saved, once it is.
    pub path: Option<PathBuf>,
    /// Changes not saved to `path` yet.
    pub unsaved: bool,
    /// Search box and filters.
    pub filter: Filter,
    /// The filter the current `results` were computed for.
    pub results_for: Option<Filter>,
    /// Matching questions, best first.
    pub results: Vec<QuestionKey>,
    /// The same matches with where their words matched, for highlighting.
    pub hits: Vec<Hit>,
    /// The question previewed in the library list.
    pub selected: Option<QuestionKey>,
    /// The selected plan entry.
    pub selected_entry: Option<usize>,
    /// The inline "add your own question" form, when open.
    pub custom: Option<CustomDraft>,
    /// Ask the search box for focus on the next frame.
    pub focus_search: bool,
}

impl PlanBuilder {
    /// An empty builder for a new plan.
    pub fn new(interviewer_role: &str) -> Self {
        Self::with_plan(
            InterviewPlan::new("New interview plan", interviewer_role),
            None,
        )
    }

    /// A builder on `plan`, saved at `path` if it is.
    pub fn with_plan(plan: InterviewPlan, path: Option<PathBuf>) -> Self {
        Self {
            plan,
            path,
            unsaved: false,
            filter: Filter::default(),
            results_for: None,
            results: Vec::new(),
            hits: Vec::new(),
            selected: None,
            selected_entry: None,
            custom: None,
            focus_search: true,
        }
    }

    /// Appends the library question at `key` to the plan; returns false (and changes
    /// nothing) when that question is not found or is in the plan already.
    pub fn add(&mut self, key: QuestionKey, packs: &[PackEntry]) -> bool {
        let Some(reference) = reference_of(key, packs) else {
            return false;
        };
        if self.plan.contains(&reference) {
            return false;
        }
        self.push(PlanQuestion::FromPack(reference));
        true
    }

    /// Appends the inline custom question, if its prompt is written; returns whether it did.
    pub fn add_custom(&mut self) -> bool {
        let Some(draft) = self.custom.take() else {
            return false;
        };
        if draft.prompt.trim().is_empty() {
            self.custom = Some(draft);
            return false;
        }
        let id = self.plan.new_custom_id(&draft.prompt);
        self.push(PlanQuestion::Custom(Box::new(draft.to_question(id))));
        true
    }

    fn push(&mut self, question: PlanQuestion) {
        self.plan.entries.push(PlanEntry {
            question,
            minutes: None,
        });
        self.selected_entry = Some(self.plan.entries.len() - 1);
        self.unsaved = true;
    }

    /// Removes entry `index`.
    pub fn remove(&mut self, index: usize) {
        let entries = &mut self.plan.entries;
        if index < entries.len() {
            entries.remove(index);
            self.selected_entry = if entries.is_empty() {
                None
            } else {
                Some(index.min(entries.len() - 1))
            };
            self.unsaved = true;
        }
    }

    /// Moves entry `from` to position `to`.
    pub fn move_entry(&mut self, from: usize, to: usize) {
        let entries = &mut self.plan.entries;
        if from < entries.len() && to < entries.len() && from != to {
            let entry = entries.remove(from);
            entries.insert(to, entry);
            self.selected_entry = Some(to);
            self.unsaved = true;
        }
    }

    /// Whether the library question at `key` is in the plan already.
    pub fn has(&self, key: QuestionKey, packs: &[PackEntry]) -> bool {
        reference_of(key, packs).is_some_and(|reference| self.plan.contains(&reference))
    }
}

/// The pack and question ids of the library question at `key`.
pub fn reference_of(key: QuestionKey, packs: &[PackEntry]) -> Option<QuestionRef> {
    let entry = packs.get(key.pack)?;
    let question = entry.pack.questions.get(key.question)?;
    Some(QuestionRef {
        pack: entry.pack.id.clone(),
        question: question.id.clone(),
    })
}
