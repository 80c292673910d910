//! Markdown leaves → draft: which leaves start questions, and where everything else belongs.
//!
//! Questions are found in one of four ways, tried in order:
//! 1. headings that look like questions (numbered, or ending with `?`) and the other headings
//!    of their level;
//! 2. the items of a top-level numbered list whose numbers follow on from question to question;
//! 3. the headings of the highest level, when no heading looks like a question;
//! 4. paragraphs that start with a question number ("**1. …**", "Q1: …").
//!
//! A heading that is a label ("Why we ask", "Red flags") never starts a question.

use std::collections::HashSet;

use super::draft::{Block, BlockKind, Body, Draft, DraftQuestion, Opener};
use super::labels::{self, Label};
use super::markdown::{Break, ItemMark, Leaf, LeafKind};
use super::warning::{ImportWarning, WarningKind};
use super::words::{excerpt, strip_marker};

/// What a leaf does in the outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// The document's title.
    Title,
    /// Starts a question.
    Start,
    /// A heading that ends the question before it (a group heading such as "Databases").
    Closer,
    /// Belongs to whatever comes before it.
    Content,
}

/// Builds the draft from the leaves of a Markdown document.
pub(crate) fn outline(leaves: Vec<Leaf>) -> Draft {
    let roles = roles(&leaves);
    let mut draft = Draft::default();
    let mut current: Option<DraftQuestion> = None;
    let mut left_out = LeftOut::default();
    let mut seen_question = false;
    for (leaf, role) in leaves.into_iter().zip(roles) {
        match role {
            Role::Title => draft.title = Some(leaf.text),
            Role::Start => {
                left_out.flush(&mut draft.warnings, seen_question, true);
                draft.questions.extend(current.take());
                let title = match strip_marker(&leaf.text) {
                    Some((_, rest)) => rest.to_owned(),
                    None => leaf.text,
                };
                current = Some(DraftQuestion {
                    line: leaf.line,
                    title,
                    body: Body::default(),
                });
                seen_question = true;
            }
            Role::Closer => {
                draft.questions.extend(current.take());
                left_out.add(&leaf);
            }
            Role::Content => match current.as_mut() {
                Some(question) => place(&mut question.body, leaf, false),
                None if !seen_question
                    && draft.title.is_some()
                    && preamble_accepts(&draft.preamble, &leaf) =>
                {
                    place(&mut draft.preamble, leaf, true);
                }
                None => left_out.add(&leaf),
            },
        }
    }
    draft.questions.extend(current);
    left_out.flush(&mut draft.warnings, seen_question, false);
    draft
}

/// Text outside every question, reported in one warning per stretch.
#[derive(Default)]
struct LeftOut {
    first: Option<(usize, String)>,
    blocks: usize,
}

impl LeftOut {
    fn add(&mut self, leaf: &Leaf) {
        if self.first.is_none() {
            self.first = Some((leaf.line, excerpt(&leaf.text)));
        }
        self.blocks += 1;
    }

    fn flush(
        &mut self,
        warnings: &mut Vec<ImportWarning>,
        after_question: bool,
        before_question: bool,
    ) {
        let Some((line, text)) = self.first.take() else {
            return;
        };
        let place = match (after_question, before_question) {
            (false, true) => "before the first question",
            (false, false) => "outside any question",
            (true, true) => "between questions",
            (true, false) => "after the last question",
        };
        let more = match self.blocks {
            1 => String::new(),
            n => format!(" and {} more block(s)", n - 1),
        };
        warnings.push(ImportWarning::document(
            line,
            WarningKind::LeftOut,
            format!("text {place} left out: {text}{more}"),
        ));
        self.blocks = 0;
    }
}

fn is_heading(leaf: &Leaf) -> bool {
    matches!(leaf.kind, LeafKind::Heading(_))
}

fn level(leaf: &Leaf) -> u8 {
    match leaf.kind {
        LeafKind::Heading(level) => level,
        _ => u8::MAX,
    }
}

/// A heading that names a part of a question rather than a question.
fn is_label_heading(leaf: &Leaf) -> bool {
    is_heading(leaf) && strip_marker(&leaf.text).is_none() && labels::exact(&leaf.text).is_some()
}

fn looks_like_question(text: &str) -> bool {
    strip_marker(text).is_some() || text.trim_end().ends_with('?')
}

/// A paragraph that is only a label ("Key points:", "**Red flags**"): a list right after it
/// belongs to it.
fn is_lone_label(leaf: &Leaf) -> bool {
    if is_label_heading(leaf) {
        return true;
    }
    leaf.kind == LeafKind::Paragraph
        && leaf.item.is_none()
        && (labels::alone(&leaf.text).is_some()
            || labels::exact(&leaf.text).is_some()
            || leaf.lead.as_deref().is_some_and(|lead| {
                labels::bold(&leaf.text, lead, true).is_some_and(|(_, rest)| rest.is_empty())
            }))
}

fn roles(leaves: &[Leaf]) -> Vec<Role> {
    let mut roles = vec![Role::Content; leaves.len()];
    let headings: Vec<usize> = (0..leaves.len())
        .filter(|&i| is_heading(&leaves[i]) && !is_label_heading(&leaves[i]))
        .collect();
    let title = headings.first().copied().filter(|&first| {
        let others = &headings[1..];
        others
            .iter()
            .all(|&i| level(&leaves[i]) > level(&leaves[first]))
            && (!looks_like_question(&leaves[first].text) || !others.is_empty())
    });
    if let Some(title) = title {
        roles[title] = Role::Title;
    }
    let candidates: Vec<usize> = headings
        .iter()
        .copied()
        .filter(|&i| Some(i) != title)
        .collect();

    if let Some(&first) = candidates
        .iter()
        .find(|&&i| looks_like_question(&leaves[i].text))
    {
        let question_level = level(&leaves[first]);
        let numbered = strip_marker(&leaves[first].text).is_some();
        for &i in &candidates {
            let leaf = &leaves[i];
            let starts = level(leaf) == question_level
                && i >= first
                && (!numbered || strip_marker(&leaf.text).is_some());
            if starts {
                roles[i] = Role::Start;
            } else if level(leaf) <= question_level {
                roles[i] = Role::Closer;
            }
        }
        return roles;
    }

    let listed = list_questions(leaves, title);
    if !listed.is_empty() {
        for &i in &candidates {
            roles[i] = Role::Closer;
        }
        for i in listed {
            roles[i] = Role::Start;
        }
        return roles;
    }

    if let Some(top) = candidates.iter().map(|&i| level(&leaves[i])).min() {
        for &i in &candidates {
            if level(&leaves[i]) == top {
                roles[i] = Role::Start;
            }
        }
        return roles;
    }

    for (i, leaf) in leaves.iter().enumerate() {
        if leaf.kind == LeafKind::Paragraph
            && leaf.depth == 0
            && roles[i] == Role::Content
            && strip_marker(&leaf.text).is_some()
        {
            roles[i] = Role::Start;
        }
    }
    roles
}

/// The leaves that start questions in a numbered list: the first item of a top-level numbered
/// list counts when its number follows the last question's (any number after a heading), and
/// not when a label stands right before it (then the list belongs to the label); the rest of
/// an accepted list follows its first item.
fn list_questions(leaves: &[Leaf], title: Option<usize>) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut accepted = HashSet::new();
    let mut rejected = HashSet::new();
    let mut expected: Option<u64> = None;
    let mut after_label = false;
    for (i, leaf) in leaves.iter().enumerate() {
        if is_heading(leaf) && !is_label_heading(leaf) && Some(i) != title {
            expected = None;
        }
        if leaf.depth == 1
            && let Some(ItemMark::Number(n)) = leaf.item
        {
            let take = if accepted.contains(&leaf.list) {
                true
            } else if rejected.contains(&leaf.list) {
                false
            } else if expected.is_none_or(|e| e == n) && !after_label {
                accepted.insert(leaf.list);
                true
            } else {
                rejected.insert(leaf.list);
                false
            };
            if take {
                starts.push(i);
                expected = Some(n.saturating_add(1));
            }
        }
        after_label = is_lone_label(leaf);
    }
    starts
}

/// Whether a leaf before the first question belongs to the pack: description paragraphs,
/// labelled pack fields and the lists under them.
fn preamble_accepts(preamble: &Body, leaf: &Leaf) -> bool {
    match leaf.kind {
        LeafKind::Heading(_) => is_label_heading(leaf),
        LeafKind::Code => false,
        LeafKind::Paragraph if leaf.item.is_none() && leaf.depth == 0 => true,
        LeafKind::Paragraph => {
            preamble.opener().is_some()
                || leaf
                    .lead
                    .as_deref()
                    .is_some_and(|lead| labels::bold(&leaf.text, lead, false).is_some())
        }
    }
}

/// Puts a leaf into a question's (or the preamble's) body: a label opens a section, anything
/// else is text of the section that is open.
fn place(body: &mut Body, leaf: Leaf, preamble: bool) {
    match leaf.kind {
        LeafKind::Heading(_) => {
            let label = labels::exact(&leaf.text)
                .filter(|_| strip_marker(&leaf.text).is_none())
                .unwrap_or(Label::Unknown(leaf.text));
            body.open(label, leaf.line, Opener::Heading);
        }
        LeafKind::Code => body.push(Block::new(
            leaf.line,
            BlockKind::Code,
            leaf.depth,
            leaf.text,
        )),
        LeafKind::Paragraph => {
            let plain = !preamble && body.opener() != Some(Opener::Heading);
            for part in split_at_labels(leaf, plain) {
                place_paragraph(body, part, preamble);
            }
        }
    }
}

fn place_paragraph(body: &mut Body, leaf: Leaf, preamble: bool) {
    let Leaf {
        line,
        text,
        lead,
        depth,
        item,
        ..
    } = leaf;
    let is_item = item.is_some();
    match find_label(&text, lead.as_deref(), is_item, body.opener(), preamble) {
        Some((label, rest)) => {
            let opener = if is_item {
                Opener::Item
            } else {
                Opener::Paragraph
            };
            body.open(label, line, opener);
            if !rest.is_empty() {
                body.push(Block::new(line, BlockKind::Paragraph, 0, rest));
            }
        }
        None => {
            let kind = if is_item {
                BlockKind::Item
            } else {
                BlockKind::Paragraph
            };
            body.push(Block {
                lead,
                ..Block::new(line, kind, depth, text)
            });
        }
    }
}

/// Splits a paragraph where one of its lines starts with a label, so "**Competency:** X" and
/// "**Level:** Y" written on consecutive lines become two labelled parts. Plain "Label:" lines
/// count only where plain labels do (`plain`).
fn split_at_labels(leaf: Leaf, plain: bool) -> Vec<Leaf> {
    let starts_label = |line: &Break| {
        let rest = &leaf.text[line.at..];
        line.lead
            .as_deref()
            .is_some_and(|lead| labels::bold(rest, lead, true).is_some())
            || (plain && labels::leading(rest).is_some())
    };
    let cuts: Vec<Break> = leaf
        .breaks
        .iter()
        .filter(|b| starts_label(b))
        .cloned()
        .collect();
    if cuts.is_empty() {
        return vec![leaf];
    }
    let Leaf {
        line,
        kind,
        text: whole,
        lead,
        depth,
        item,
        list,
        ..
    } = leaf;
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    let mut head = (line, lead, item);
    let mut from = 0;
    for cut in cuts.into_iter().map(Some).chain([None]) {
        let end = cut.as_ref().map_or(whole.len(), |cut| cut.at);
        let text = whole[from..end].trim().to_owned();
        from = end;
        let (line, lead, item) = std::mem::replace(
            &mut head,
            cut.map_or((line, None, None), |cut| (cut.line, cut.lead, None)),
        );
        if !text.is_empty() {
            parts.push(Leaf {
                line,
                kind,
                text,
                lead,
                breaks: Vec::new(),
                depth,
                item,
                list,
            });
        }
    }
    parts
}

/// The label a paragraph or item starts with, if it may open a section here. Under a heading,
/// and before the first question, only bold labels count, so ordinary text that happens to
/// start with "Time:" stays text. List items carry labels only as siblings of other labelled
/// items (or before any section), never inside a list that a label introduced.
fn find_label(
    text: &str,
    lead: Option<&str>,
    is_item: bool,
    opener: Option<Opener>,
    preamble: bool,
) -> Option<(Label, String)> {
    if is_item && !matches!(opener, None | Some(Opener::Item)) {
        return None;
    }
    if let Some(lead) = lead
        && let Some((label, rest)) = labels::bold(text, lead, !is_item)
    {
        return Some((label, rest.to_owned()));
    }
    if preamble || opener == Some(Opener::Heading) {
        return None;
    }
    if let Some((label, rest)) = labels::leading(text) {
        return Some((label, rest.to_owned()));
    }
    if !is_item && let Some(label) = labels::alone(text).or_else(|| labels::exact(text)) {
        return Some((label, String::new()));
    }
    None
}
