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

use std::collections::HashMap;

use super::draft::{Block, BlockKind, Draft, DraftQuestion, Opener};
use super::furniture::{Furniture, mark_furniture};
use super::labels::{self, Label, Target};
use super::markdown::{ItemMark, Leaf, LeafKind};
use super::place::{place, split_at_labels};
use super::shapes::{
    category_name, is_document_section, is_option, looks_like_question, names_a_category,
    undecorated,
};
use super::warning::Dropped;
use super::words::{Marker, strip_marker};
use crate::domain::QuestionField;

/// What a leaf does in the outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// The document's title.
    Title,
    /// Page furniture, left out.
    Furniture(Furniture),
    /// A heading that starts a question.
    Question,
    /// A heading that groups questions.
    Category,
    /// A heading of a part of the document that holds no questions ("License").
    Section,
    /// A heading below the question level: a part of the question it is in, else a category.
    Sub,
    /// A `<summary>` that is a question.
    Summary,
    /// Anything else: placed where the walk is.
    Content,
}

/// What the text under a heading (up to the next heading that is not a label) holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Body {
    Empty,
    /// A list of questions, or `<summary>` questions.
    Questions,
    /// Anything else: an answer, an introduction.
    Text,
}

/// The roles of the leaves and which lists hold questions.
pub(crate) struct Plan {
    pub roles: Vec<Role>,
    /// Lists (by id) whose items read as questions.
    pub question_lists: HashMap<usize, bool>,
    /// The document is Onsite's own export (`report::pack_markdown`): only its numbered `##`
    /// headings start questions and no text is furniture, so every pack reads back exactly.
    pub strict: bool,
}

/// Whether the leaves are Onsite's own export: a `#` title, description paragraphs, then the
/// pack's fields as a list starting with `**Id:**`.
fn own_export(leaves: &[Leaf]) -> bool {
    let Some((first, rest)) = leaves.split_first() else {
        return false;
    };
    if first.kind != LeafKind::Heading(1) {
        return false;
    }
    rest.iter()
        .find(|leaf| {
            leaf.item.is_some()
                || leaf.depth > 0
                || !matches!(leaf.kind, LeafKind::Paragraph | LeafKind::Verbatim)
        })
        .is_some_and(|leaf| leaf.depth == 1 && leaf.lead.as_deref() == Some("Id:"))
}

/// The roles in Onsite's own export.
fn strict_plan(leaves: &[Leaf]) -> Plan {
    let roles = leaves
        .iter()
        .enumerate()
        .map(|(i, leaf)| match leaf.kind {
            LeafKind::Heading(1) if i == 0 => Role::Title,
            LeafKind::Heading(2)
                if matches!(strip_marker(&leaf.text), Some((Marker::Number(_), _))) =>
            {
                Role::Question
            }
            _ => Role::Content,
        })
        .collect();
    Plan {
        roles,
        question_lists: HashMap::new(),
        strict: true,
    }
}

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

fn is_label_heading(leaf: &Leaf) -> bool {
    matches!(leaf.kind, LeafKind::Heading(_))
        && strip_marker(&leaf.text).is_none()
        && labels::heading(&leaf.text).is_some_and(|(label, rest)| {
            rest.split_whitespace().count() <= 3 || label.field() == Some(Target::Answer)
        })
}

fn level(leaf: &Leaf) -> u8 {
    match leaf.kind {
        LeafKind::Heading(level) => level,
        _ => u8::MAX,
    }
}

/// Whether a `<summary>` names a part ("Answer", "Show solution", "Example") rather than asks.
fn is_part_summary(text: &str) -> bool {
    labels::exact(text).is_some()
        || (!looks_like_question(text) && text.split_whitespace().count() <= 3)
}

/// Whether a heading's text counts as numbered: a marker, or a numbered list item around it.
fn numbered(leaf: &Leaf) -> bool {
    strip_marker(&leaf.text).is_some() || matches!(leaf.item, Some(ItemMark::Number(_)))
}

/// Decides the role of every leaf.
pub(crate) fn plan(leaves: &[Leaf]) -> Plan {
    if own_export(leaves) {
        return strict_plan(leaves);
    }
    let mut roles = vec![Role::Content; leaves.len()];
    mark_furniture(leaves, &mut roles);
    let headings: Vec<usize> = (0..leaves.len())
        .filter(|&i| {
            roles[i] == Role::Content
                && matches!(leaves[i].kind, LeafKind::Heading(_))
                && !is_label_heading(&leaves[i])
        })
        .collect();
    let title = headings.first().copied().filter(|&first| {
        let others = &headings[1..];
        let deeper = others
            .iter()
            .all(|&i| level(&leaves[i]) > level(&leaves[first]));
        deeper && (!looks_like_question(&leaves[first].text) || !others.is_empty())
    });
    if let Some(title) = title {
        roles[title] = Role::Title;
    }
    let candidates: Vec<usize> = headings.into_iter().filter(|&i| Some(i) != title).collect();
    let bodies: Vec<Body> = candidates
        .iter()
        .map(|&i| body(leaves, &roles, i))
        .collect();
    let asks: Vec<bool> = candidates
        .iter()
        .map(|&i| looks_like_question(&leaves[i].text))
        .collect();

    // The question level: where most headings ask, else where most headings introduce text.
    let mut asking = [0usize; 7];
    let mut texts = [0usize; 7];
    let mut numbered_at = [0usize; 7];
    for (k, &i) in candidates.iter().enumerate() {
        let at = usize::from(level(&leaves[i]).min(6));
        if asks[k] && bodies[k] != Body::Questions {
            asking[at] += 1;
            if numbered(&leaves[i]) {
                numbered_at[at] += 1;
            }
        }
        if bodies[k] == Body::Text && !is_document_section(&leaves[i].text) {
            texts[at] += 1;
        }
    }
    let pick = |counts: &[usize; 7], deeper_wins: bool| {
        (1..=6)
            .filter(|&l| counts[l] > 0)
            .max_by_key(|&l| (counts[l], if deeper_wins { l } else { 7 - l }))
    };
    let question_level = pick(&asking, true).or_else(|| pick(&texts, false));
    // When nearly every asking heading is numbered, an unnumbered one at that level is not a
    // question ("### Conclusion" among "### 12. …").
    let numbered_level =
        question_level.is_some_and(|l| asking[l] >= 3 && numbered_at[l] * 10 >= asking[l] * 9);

    for (k, &i) in candidates.iter().enumerate() {
        let leaf = &leaves[i];
        let at = usize::from(level(leaf).min(6));
        roles[i] = if is_document_section(&leaf.text) {
            Role::Section
        } else if asks[k] && bodies[k] != Body::Questions {
            Role::Question
        } else if bodies[k] == Body::Questions {
            Role::Category
        } else if Some(at) == question_level {
            let next_deeper = candidates
                .get(k + 1)
                .is_some_and(|&n| level(&leaves[n]) > level(leaf));
            if (numbered_level && !numbered(leaf)) || (bodies[k] == Body::Empty && next_deeper) {
                Role::Category
            } else {
                Role::Question
            }
        } else if question_level.is_some_and(|l| at > l) {
            Role::Sub
        } else {
            Role::Category
        };
    }
    for (i, leaf) in leaves.iter().enumerate() {
        if leaf.kind == LeafKind::Summary
            && roles[i] == Role::Content
            && !is_part_summary(&leaf.text)
        {
            roles[i] = Role::Summary;
        }
    }
    Plan {
        roles,
        question_lists: question_lists(leaves),
        strict: false,
    }
}

/// What the text under the heading at `at` holds.
fn body(leaves: &[Leaf], roles: &[Role], at: usize) -> Body {
    let mut lists: HashMap<usize, (usize, usize)> = HashMap::new();
    let mut summaries = 0;
    let mut text = 0;
    let name_groups = names_a_category(&labels::normalise(&leaves[at].text));
    for (i, leaf) in leaves.iter().enumerate().skip(at + 1) {
        if matches!(roles[i], Role::Furniture(_)) {
            continue;
        }
        if matches!(leaf.kind, LeafKind::Heading(_)) && !is_label_heading(leaf) {
            break;
        }
        match leaf.kind {
            // `<summary>` questions right under the heading make it a category; after text
            // they are questions of their own, past the heading's body.
            LeafKind::Summary if !is_part_summary(&leaf.text) && text == 0 && lists.is_empty() => {
                summaries += 1;
            }
            LeafKind::Summary if !is_part_summary(&leaf.text) && summaries == 0 => break,
            LeafKind::Summary if !is_part_summary(&leaf.text) => summaries += 1,
            LeafKind::Paragraph if leaf.item.is_some() && !is_option(&leaf.text) => {
                let entry = lists.entry(leaf.list).or_insert((0, 0));
                entry.0 += 1;
                entry.1 += usize::from(looks_like_question(&leaf.text));
            }
            LeafKind::DetailsEnd => {}
            _ => text += 1,
        }
    }
    let (items, asking) = lists
        .values()
        .fold((0, 0), |(n, q), (items, asking)| (n + items, q + asking));
    let listed = items > 0 && (asking * 2 > items || (name_groups && text <= 1));
    if summaries > 0 || (listed && items >= text) {
        Body::Questions
    } else if text > 0 || items > 0 {
        Body::Text
    } else {
        Body::Empty
    }
}

/// Which lists read as lists of questions: most items ask, and none is a quiz option.
fn question_lists(leaves: &[Leaf]) -> HashMap<usize, bool> {
    let mut counts: HashMap<usize, (usize, usize, bool)> = HashMap::new();
    for leaf in leaves {
        if leaf.item.is_none() || !matches!(leaf.kind, LeafKind::Paragraph) {
            continue;
        }
        let entry = counts.entry(leaf.list).or_insert((0, 0, false));
        entry.0 += 1;
        entry.1 += usize::from(looks_like_question(&leaf.text));
        entry.2 |= is_option(&leaf.text);
    }
    counts
        .into_iter()
        .map(|(list, (items, asking, options))| (list, !options && asking * 2 > items))
        .collect()
}

/// How the current question was started, which decides what may start the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    Heading(u8),
    Summary,
    /// A list item at this depth.
    Item(usize),
    Paragraph,
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
        for furniture in Furniture::ALL {
            if let Some(warning) = self
                .furniture
                .remove(&furniture)
                .and_then(|dropped| dropped.warning(furniture.noun(), "left out as page furniture"))
            {
                self.draft.warnings.push(warning);
            }
        }
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
                let mut question = self.start(leaf.line, &leaf.text, Origin::Heading(level));
                question.links = leaf.links.targets;
                self.current = Some(question);
            }
            Role::Summary => {
                self.details += 1;
                let mut question = self.start(leaf.line, &leaf.text, Origin::Summary);
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

    /// Ends the open question and starts a new one titled `text`.
    fn start(&mut self, line: usize, text: &str, origin: Origin) -> DraftQuestion {
        self.finish_question();
        self.finish_place();
        self.place = Place::Question(origin);
        let text = if self.strict {
            text.to_owned()
        } else {
            undecorated(text).trim_end_matches(['*', ' ']).to_owned()
        };
        let text = text.as_str();
        let title = match strip_marker(text) {
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
        if self.strict || leaf.kind != LeafKind::Paragraph || leaf.item.is_some() || leaf.depth != 0
        {
            return false;
        }
        let prompt_label = leaf
            .lead
            .as_deref()
            .and_then(|lead| labels::bold(&leaf.text, lead, false))
            .or_else(|| labels::leading(&leaf.text))
            .is_some_and(|(label, _)| label.field() == Some(Target::Field(QuestionField::Prompt)));
        let marked = strip_marker(&leaf.text)
            .is_some_and(|(marker, _)| matches!(marker, Marker::Named(_)) || leaf.lead.is_some());
        let bold_question = leaf.lead.as_deref() == Some(leaf.text.as_str())
            && leaf.text.trim_end_matches('*').ends_with('?');
        if matches!(
            self.place,
            Place::Question(Origin::Heading(_) | Origin::Summary)
        ) {
            // Under a heading that names a question, "Question: …" is its prompt; under one
            // that already asks, a "Q: …" is the next question.
            return prompt_label
                && self
                    .current
                    .as_ref()
                    .is_some_and(|question| looks_like_question(&question.title));
        }
        prompt_label || marked || bold_question
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
        if self.starts_list_question(&leaf, plan) {
            let depth = leaf.depth;
            let mut question = self.start(leaf.line, &leaf.text, Origin::Item(depth));
            if let Some(ItemMark::Number(n)) = leaf.item {
                self.expected = Some(n.saturating_add(1));
            }
            question.line = leaf.line;
            self.current = Some(question);
            return;
        }
        if self.starts_paragraph_question(&leaf) {
            let mut parts = split_at_labels(leaf, true).into_iter();
            let Some(first) = parts.next() else { return };
            let text = match labels::bold(&first.text, first.lead.as_deref().unwrap_or(""), false)
                .or_else(|| labels::leading(&first.text))
            {
                Some((label, rest))
                    if label.field() == Some(Target::Field(QuestionField::Prompt)) =>
                {
                    rest.to_owned()
                }
                _ => first.text.clone(),
            };
            let question = self.start(first.line, &text, Origin::Paragraph);
            self.current = Some(question);
            for part in parts {
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
                {
                    // Nested items under a listed question are its follow-ups.
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
