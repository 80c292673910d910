//! Markdown leaves → draft: which leaves start questions, which group them, and where
//! everything else belongs.
//!
//! One model of the document serves every shape a question bank comes in ([`plan`] decides the
//! role of each heading and list up front, [`Walk`] then places every leaf):
//!
//! - a heading that reads like a question ("What is a closure", "12. What's the output?") or
//!   that introduces a body at the level where such headings sit is a question; its body is the
//!   answer, whatever headings the answer uses for its own parts ("#### Answer: D");
//! - a heading over a list of questions (or over question headings) is a category: it tags the
//!   questions under it and is never one itself; the list's items are the questions and their
//!   nested items the follow-ups;
//! - `<summary>` text is a question and the rest of its `<details>` the answer;
//! - paragraphs that start with "Q:", "Question:", "**1. …**" start questions where no heading
//!   question is open;
//! - page furniture (tables of contents, badges, "⬆ Back to top", link-only lines, comments)
//!   is left out with one warning per kind, and sections such as "Contributing" or "License"
//!   are kept in the pack's description, never in a question.

use std::collections::{HashMap, HashSet};

use super::draft::{Block, BlockKind, Draft, DraftQuestion, Opener};
use super::furniture::Furniture;
use super::labels::{self, Label, Target};
use super::markdown::{ItemMark, Leaf, LeafKind};
use super::paragraphs::{has_prompt_label, is_paragraph_question, split_bold_question};
use super::place::{place, split_at_labels};
use super::plan::{Plan, Role, level, plan};
use super::shapes::{category_name, is_option, looks_like_question, names_a_category, undecorated};
use super::table::QuestionColumns;
use super::warning::Dropped;
use super::words::{Marker, strip_marker};
use crate::domain::QuestionField;

/// Builds the draft from the leaves of a Markdown document.
pub(crate) fn outline(leaves: Vec<Leaf>, draft: Draft) -> Draft {
    let plan = plan(&leaves);
    let first = Walk::new(draft.clone(), false).run(&leaves, &plan);
    if !first.questions.is_empty() || plan.strict {
        return first;
    }
    // No question in any shape: read every top-level list item as one, as a person would read
    // a file that is a title and a list.
    let second = Walk::new(draft, true).run(&leaves, &plan);
    if second.questions.is_empty() {
        first
    } else {
        second
    }
}

/// How the current question was started, which decides what may start the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    Heading(u8),
    Summary,
    /// A list item at this depth.
    Item(usize),
    Paragraph,
    /// A row of a table of questions.
    Row,
}

/// Where the walk is when no question is open.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Place {
    /// Before anything: text goes to the pack's description.
    Preamble,
    /// Under a category or a section heading: its text is kept in the description under it.
    Under {
        line: usize,
        name: String,
        blocks: Vec<Block>,
        lists: bool,
    },
    /// In a question.
    Question(Origin),
}

/// The state of one pass over the leaves.
struct Walk {
    draft: Draft,
    /// Read every top-level list item as a question.
    every_list: bool,
    place: Place,
    current: Option<DraftQuestion>,
    categories: Vec<(u8, String)>,
    /// Open `<details>` blocks.
    details: usize,
    /// The number the next numbered list question should have.
    expected: Option<u64>,
    furniture: HashMap<Furniture, Dropped>,
    /// Category headings that read like questions.
    asking_categories: Dropped,
    /// Question numbers taken off the prompts ("12.", "Q3:").
    numbers: Dropped,
    /// Header rows of tables that are not tables of questions.
    table_headers: Dropped,
    /// The table of questions being read: its list id and columns.
    question_table: Option<(usize, QuestionColumns)>,
    /// Category and section headings: line, name and text as written, so one with nothing
    /// under it is reported rather than lost.
    headings: Vec<(usize, String, String)>,
    /// See [`Plan::strict`].
    strict: bool,
}

impl Walk {
    fn new(draft: Draft, every_list: bool) -> Self {
        Self {
            draft,
            every_list,
            place: Place::Preamble,
            current: None,
            categories: Vec::new(),
            details: 0,
            expected: None,
            furniture: HashMap::new(),
            asking_categories: Dropped::default(),
            numbers: Dropped::default(),
            table_headers: Dropped::default(),
            question_table: None,
            headings: Vec::new(),
            strict: false,
        }
    }

    fn run(mut self, leaves: &[Leaf], plan: &Plan) -> Draft {
        self.strict = plan.strict;
        for (leaf, &role) in leaves.iter().zip(&plan.roles) {
            self.leaf(leaf.clone(), role, plan);
        }
        self.finish_question();
        self.finish_place();
        self.report_empty_headings();
        for furniture in Furniture::ALL {
            if let Some(warning) = self
                .furniture
                .remove(&furniture)
                .and_then(|dropped| dropped.warning(furniture.noun(), "left out as page furniture"))
            {
                self.draft.warnings.push(warning);
            }
        }
        let numbers = std::mem::take(&mut self.numbers);
        self.draft
            .warnings
            .extend(numbers.warning("question number", "left out of the prompts"));
        let headers = std::mem::take(&mut self.table_headers);
        self.draft
            .warnings
            .extend(headers.warning("table header row", "left out: it only names the columns"));
        let asking = std::mem::take(&mut self.asking_categories);
        if let Some(mut warning) = asking.warning(
            "heading that looks like a question",
            "read as a category, as a list of questions follows it",
        ) {
            // The headings are kept as tags; the warning only names them.
            warning.kind = super::WarningKind::Adjusted;
            warning.dropped.clear();
            self.draft.warnings.push(warning);
        }
        self.draft
    }

    /// Names, in one warning, the category and section headings that neither tag a question
    /// nor head text kept in the description.
    fn report_empty_headings(&mut self) {
        let kept: HashSet<usize> = self.draft.kept.iter().map(|(line, _, _)| *line).collect();
        let tags: HashSet<&str> = self
            .draft
            .questions
            .iter()
            .flat_map(|question| question.categories.iter().map(String::as_str))
            .collect();
        let mut empty = Dropped::default();
        for (line, name, text) in &self.headings {
            if !kept.contains(line) && !tags.contains(name.as_str()) {
                empty.add(*line, text.clone());
            }
        }
        self.draft
            .warnings
            .extend(empty.warning("heading", "left out: nothing is under it"));
    }

    fn drop(&mut self, furniture: Furniture, leaf: &Leaf) {
        self.furniture
            .entry(furniture)
            .or_default()
            .add(leaf.line, leaf.text.clone());
    }

    fn leaf(&mut self, leaf: Leaf, role: Role, plan: &Plan) {
        if self.details > 0 && matches!(role, Role::Category | Role::Sub | Role::Section) {
            // Inside a collapsed answer every heading is part of the answer.
            return self.content(leaf, plan);
        }
        match role {
            Role::Title if self.strict => self.draft.title = Some(leaf.text),
            Role::Title => self.draft.title = Some(undecorated(&leaf.text)),
            Role::Furniture(furniture) => self.drop(furniture, &leaf),
            Role::Question => {
                let level = level(&leaf);
                self.close_categories(level);
                let mut question =
                    self.start(leaf.line, &leaf.text, leaf.item, Origin::Heading(level));
                question.links = leaf.links.targets;
                self.current = Some(question);
            }
            Role::Summary => {
                self.details += 1;
                let mut question = self.start(leaf.line, &leaf.text, leaf.item, Origin::Summary);
                question.links = leaf.links.targets;
                self.current = Some(question);
            }
            Role::Category | Role::Section => {
                let level = level(&leaf);
                self.close_categories(level);
                self.finish_question();
                self.finish_place();
                let name = category_name(&leaf.text);
                if role == Role::Category {
                    if looks_like_question(&leaf.text) {
                        self.asking_categories.add(leaf.line, name.clone());
                    }
                    self.categories.push((level, name.clone()));
                }
                let lists = role == Role::Category && names_a_category(&labels::normalise(&name));
                self.headings
                    .push((leaf.line, name.clone(), leaf.text.clone()));
                self.place = Place::Under {
                    line: leaf.line,
                    name,
                    blocks: Vec::new(),
                    lists,
                };
                self.expected = None;
            }
            Role::Sub if self.current.is_some() => self.content(leaf, plan),
            Role::Sub => {
                self.leaf(leaf, Role::Category, plan);
            }
            Role::Content => self.content(leaf, plan),
        }
    }

    fn close_categories(&mut self, level: u8) {
        while self.categories.last().is_some_and(|(l, _)| *l >= level) {
            self.categories.pop();
        }
    }

    /// Ends the open question and starts a new one titled `text`; `item` is the mark of the
    /// list item it is written in, if any. A question number, in the text or as the item's
    /// number, is left out of the title and noted for the summary warning.
    fn start(
        &mut self,
        line: usize,
        text: &str,
        item: Option<ItemMark>,
        origin: Origin,
    ) -> DraftQuestion {
        self.finish_question();
        self.finish_place();
        self.place = Place::Question(origin);
        let text = if self.strict {
            text.to_owned()
        } else {
            undecorated(text).trim_end_matches(['*', ' ']).to_owned()
        };
        let text = text.as_str();
        let marker = strip_marker(text);
        if !self.strict {
            // `rest` ends the text, so the marker is what comes before it.
            let written = marker.map(|(_, rest)| {
                let cut = text.len().saturating_sub(rest.len());
                text.get(..cut).unwrap_or("").trim()
            });
            match (written, item) {
                (Some(written), _) => self.numbers.add(line, written),
                (None, Some(ItemMark::Number(n))) => self.numbers.add(line, format!("{n}.")),
                (None, _) => {}
            }
        }
        let title = match marker {
            Some((Marker::Number(n), rest)) => {
                self.expected = Some(u64::from(n).saturating_add(1));
                rest.to_owned()
            }
            Some((_, rest)) => rest.to_owned(),
            None => text.to_owned(),
        };
        DraftQuestion {
            categories: self
                .categories
                .iter()
                .map(|(_, name)| name.clone())
                .collect(),
            ..DraftQuestion::new(line, title)
        }
    }

    fn finish_question(&mut self) {
        if let Some(question) = self.current.take() {
            self.draft.questions.push(question);
        }
    }

    /// Keeps the text under a category or section heading in the pack's description.
    fn finish_place(&mut self) {
        if let Place::Under {
            line, name, blocks, ..
        } = std::mem::replace(&mut self.place, Place::Preamble)
            && !blocks.is_empty()
        {
            let text = super::draft::prose(&blocks);
            self.draft.kept.push((line, name, text));
        }
    }

    /// Whether `leaf` starts a list question here.
    fn starts_list_question(&self, leaf: &Leaf, plan: &Plan) -> bool {
        let Some(mark) = leaf.item else {
            return false;
        };
        if self.strict
            || leaf.kind != LeafKind::Paragraph
            || is_option(&leaf.text)
            || starts_with_label(leaf)
        {
            return false;
        }
        let listed = plan
            .question_lists
            .get(&leaf.list)
            .copied()
            .unwrap_or(false);
        let follows_on = matches!(mark, ItemMark::Number(n) if Some(n) == self.expected);
        match &self.place {
            Place::Preamble => leaf.depth == 1 && (listed || self.every_list),
            Place::Under { lists, .. } => {
                leaf.depth == 1 && (listed || *lists || self.every_list || follows_on)
            }
            Place::Question(Origin::Item(depth)) => {
                leaf.depth == *depth
                    && (listed || self.every_list || follows_on)
                    && !self.after_lone_label()
            }
            Place::Question(Origin::Paragraph) => leaf.depth == 1 && listed,
            Place::Question(_) => false,
        }
    }

    /// Whether the open question's last section is a label with nothing under it yet, which a
    /// list right after it belongs to ("Key points:" then a numbered list).
    fn after_lone_label(&self) -> bool {
        self.current.as_ref().is_some_and(|question| {
            question
                .body
                .sections
                .last()
                .is_some_and(|section| section.blocks.is_empty())
        })
    }

    /// Whether a paragraph starts a question here: "Q: …", "Question 3: …", "**1. …**", or a
    /// bold question of its own, where no heading question is open.
    fn starts_paragraph_question(&self, leaf: &Leaf) -> bool {
        if self.strict || !is_paragraph_question(leaf) {
            return false;
        }
        if matches!(
            self.place,
            Place::Question(Origin::Heading(_) | Origin::Summary)
        ) {
            // Under a heading that names a question, "Question: …" is its prompt; under one
            // that already asks, a "Q: …" is the next question.
            return has_prompt_label(leaf)
                && self
                    .current
                    .as_ref()
                    .is_some_and(|question| looks_like_question(&question.title));
        }
        true
    }

    /// Reads a table's header: the columns of a table of questions, or a header left out.
    /// A table inside a labelled part of a question ("### Follow-ups") is that part's text,
    /// whatever its header says.
    fn table_head(&mut self, leaf: &Leaf, plan: &Plan) {
        let in_part = self.current.as_ref().is_some_and(|question| {
            question
                .body
                .sections
                .last()
                .is_some_and(|section| section.opener != Opener::Auto)
        });
        match plan.question_tables.get(&leaf.list) {
            Some(columns) if !in_part => {
                self.question_table = Some((leaf.list, columns.clone()));
            }
            _ => self.table_headers.add(leaf.line, leaf.text.clone()),
        }
    }

    /// Starts the question a row of a table of questions holds, when its question cell has
    /// text; its other cells are the parts their columns name.
    fn start_row(&mut self, leaf: &Leaf) -> bool {
        let Some((_, columns)) = self.question_table.clone() else {
            return false;
        };
        let Some(prompt) = leaf
            .cells
            .get(columns.question)
            .filter(|cell| !cell.trim().is_empty())
        else {
            return false;
        };
        let mut question = self.start(leaf.line, prompt, None, Origin::Row);
        if let Some(number) = columns
            .number
            .and_then(|i| leaf.cells.get(i))
            .filter(|cell| !cell.is_empty())
        {
            self.numbers.add(leaf.line, number.clone());
        }
        for (i, label) in &columns.parts {
            let Some(cell) = leaf.cells.get(*i).filter(|cell| !cell.is_empty()) else {
                continue;
            };
            question.body.open(label.clone(), leaf.line, Opener::Auto);
            question
                .body
                .push(Block::new(leaf.line, BlockKind::Paragraph, 0, cell.clone()));
        }
        self.current = Some(question);
        true
    }

    fn content(&mut self, leaf: Leaf, plan: &Plan) {
        if leaf.kind == LeafKind::DetailsEnd {
            self.details = self.details.saturating_sub(1);
            return;
        }
        if leaf.kind == LeafKind::Summary {
            // A part such as "Answer": it opens a collapsed part of the question.
            self.details += 1;
        }
        if leaf.kind == LeafKind::TableHead {
            return self.table_head(&leaf, plan);
        }
        if leaf.item.is_some()
            && leaf.kind == LeafKind::Paragraph
            && self
                .question_table
                .as_ref()
                .is_some_and(|(list, _)| *list == leaf.list)
            && self.start_row(&leaf)
        {
            return;
        }
        if self.starts_list_question(&leaf, plan) {
            let depth = leaf.depth;
            // "- **What is a mutex?** A lock …": the bold question, then its answer.
            let (title, answer) = match split_bold_question(&leaf) {
                Some((title, answer)) => (title, Some(answer)),
                None => (leaf.text.clone(), None),
            };
            let mut question = self.start(leaf.line, &title, leaf.item, Origin::Item(depth));
            if let Some(ItemMark::Number(n)) = leaf.item {
                self.expected = Some(n.saturating_add(1));
            }
            question.line = leaf.line;
            self.current = Some(question);
            if let Some(answer) = answer {
                self.content(answer, plan);
            }
            return;
        }
        if self.starts_paragraph_question(&leaf) {
            let mut parts = split_at_labels(leaf, true).into_iter();
            let Some(first) = parts.next() else { return };
            let mut answer = None;
            let text = match labels::bold(&first.text, first.lead.as_deref().unwrap_or(""), false)
                .or_else(|| labels::leading(&first.text))
            {
                Some((label, rest))
                    if label.field() == Some(Target::Field(QuestionField::Prompt)) =>
                {
                    rest.to_owned()
                }
                _ => match split_bold_question(&first) {
                    Some((question, rest)) => {
                        answer = Some(rest);
                        question
                    }
                    None => first.text.clone(),
                },
            };
            let question = self.start(first.line, &text, None, Origin::Paragraph);
            self.current = Some(question);
            for part in answer.into_iter().chain(parts) {
                self.content(part, plan);
            }
            return;
        }
        match (&mut self.place, self.current.as_mut()) {
            (Place::Question(origin), Some(question)) => {
                let origin = *origin;
                if let Origin::Item(depth) = origin
                    && leaf.item.is_some()
                    && leaf.depth > depth
                    && leaf.kind == LeafKind::Paragraph
                    && question
                        .body
                        .sections
                        .iter()
                        .all(|s| s.opener == Opener::Auto)
                    && !starts_with_label(&leaf)
                    && !is_option(&leaf.text)
                {
                    // Nested items under a listed question are its follow-ups (quiz options,
                    // "a) …", stay options).
                    if question.body.sections.is_empty() {
                        question.body.open(
                            Label::Known(
                                Target::Field(QuestionField::FollowUps),
                                "Follow-ups".into(),
                            ),
                            leaf.line,
                            Opener::Auto,
                        );
                    }
                    question.body.push(Block {
                        lead: leaf.lead.clone(),
                        ..Block::new(leaf.line, BlockKind::Item, 1, leaf.text)
                    });
                    return;
                }
                place(&mut question.body, leaf, false);
            }
            (Place::Preamble, _) => {
                if leaf.links.only && leaf.kind == LeafKind::Paragraph {
                    return self.drop(Furniture::Links, &leaf);
                }
                if matches!(leaf.kind, LeafKind::Summary | LeafKind::Heading(_)) {
                    let block = Block::new(leaf.line, BlockKind::Paragraph, 0, leaf.text);
                    self.draft.preamble.push(block);
                    return;
                }
                place(&mut self.draft.preamble, leaf, true);
            }
            (Place::Under { blocks, .. }, _) => {
                if leaf.links.only && leaf.kind == LeafKind::Paragraph {
                    return self.drop(Furniture::Links, &leaf);
                }
                blocks.push(super::place::as_block(leaf));
            }
            (Place::Question(_), None) => {
                self.place = Place::Preamble;
                self.content(leaf, plan);
            }
        }
    }
}

/// Whether a list item starts with a label ("Purpose: …", "**Key points:**").
fn starts_with_label(leaf: &Leaf) -> bool {
    leaf.lead
        .as_deref()
        .is_some_and(|lead| labels::bold(&leaf.text, lead, true).is_some())
        || labels::leading(&leaf.text).is_some_and(|(label, _)| label.name().chars().count() > 1)
}
