//! Putting a leaf into a question's body (or the pack's preamble): a label opens a section,
//! anything else is text of the section that is open.

use super::draft::{Block, BlockKind, Body, Opener};
use super::labels::{self, Label};
use super::markdown::{Break, Leaf, LeafKind};
use super::words::strip_marker;

/// A leaf as a block of text, for text kept outside questions.
pub(crate) fn as_block(leaf: Leaf) -> Block {
    let kind = match leaf.kind {
        LeafKind::Code => BlockKind::Code,
        LeafKind::Verbatim => BlockKind::Verbatim,
        _ if leaf.item.is_some() => BlockKind::Item,
        _ => BlockKind::Paragraph,
    };
    Block {
        lead: leaf.lead,
        ..Block::new(leaf.line, kind, leaf.depth, leaf.text)
    }
}

/// Puts a leaf into a question's (or the preamble's) body.
pub(crate) fn place(body: &mut Body, leaf: Leaf, preamble: bool) {
    match leaf.kind {
        LeafKind::Heading(_) | LeafKind::Summary => {
            let (label, rest) = labels::heading(&leaf.text)
                .filter(|_| strip_marker(&leaf.text).is_none())
                .unwrap_or((Label::Unknown(leaf.text), String::new()));
            body.open(label, leaf.line, Opener::Heading);
            if !rest.is_empty() {
                body.push(Block::new(leaf.line, BlockKind::Paragraph, 0, rest));
            }
        }
        LeafKind::Code | LeafKind::Verbatim => body.push(as_block(leaf)),
        LeafKind::Paragraph => {
            let plain = !preamble && body.opener() != Some(Opener::Heading);
            for part in split_at_labels(leaf, plain) {
                place_paragraph(body, part, preamble);
            }
        }
        // Furniture and markers never hold text of a question; a table's header is reported
        // by the outline.
        LeafKind::DetailsEnd | LeafKind::Comment | LeafKind::BackToTop | LeafKind::TableHead => {}
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
pub(crate) fn split_at_labels(leaf: Leaf, plain: bool) -> Vec<Leaf> {
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
        links,
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
                links: links.clone(),
                cells: Vec::new(),
            });
        }
    }
    parts
}

/// The label a paragraph or item starts with, if it may open a section here. Under a heading,
/// and before the first question, only bold labels count, so ordinary text that happens to
/// start with "Time:" stays text. List items carry labels only as siblings of other labelled
/// items (or before any section), never inside a list that a label introduced; a one-letter
/// label ("A: …") is a quiz option there, not an answer.
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
    let short = |label: &Label| label.name().chars().count() <= 1;
    if let Some(lead) = lead
        && let Some((label, rest)) = labels::bold(text, lead, !is_item)
        && !(is_item && short(&label))
    {
        return Some((label, rest.to_owned()));
    }
    if preamble || opener == Some(Opener::Heading) {
        return None;
    }
    if let Some((label, rest)) = labels::leading(text)
        && !(is_item && short(&label))
    {
        return Some((label, rest.to_owned()));
    }
    if !is_item && let Some(label) = labels::alone(text).or_else(|| labels::exact(text)) {
        return Some((label, String::new()));
    }
    None
}
