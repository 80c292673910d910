//! Reading field values from blocks of text: list entries, tags, levels, weights, and text
//! kept under its label.

use std::collections::HashSet;

use super::draft::{Block, BlockKind};
use super::labels::normalise;
use super::words::split_points;
use crate::domain::Level;
use crate::domain::validate::{MAX_WEIGHT, MIN_WEIGHT};

/// Text kept under its label: "Notes: …", or the label on its own line before longer text.
pub(super) fn labelled(name: &str, text: &str) -> String {
    // A list starts on a line of its own, like longer text.
    if text.contains('\n') || text.starts_with("- ") {
        format!("{name}:\n{text}")
    } else {
        format!("{name}: {text}")
    }
}

pub(super) fn append(field: &mut String, text: String) {
    if text.trim().is_empty() {
        return;
    }
    if !field.is_empty() {
        field.push_str("\n\n");
    }
    field.push_str(&text);
}

/// List items as they are; prose split into points. A paragraph that continues a list item
/// (a loose item's second paragraph) stays with that item.
pub(super) fn items(blocks: &[Block]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut item_depth = None;
    for block in blocks {
        match block.kind {
            BlockKind::Item => {
                out.push(block.text.clone());
                item_depth = Some(block.depth);
            }
            BlockKind::Paragraph if block.depth > 0 && item_depth == Some(block.depth) => {
                if let Some(last) = out.last_mut() {
                    last.push_str("\n\n");
                    last.push_str(&block.text);
                }
            }
            BlockKind::Code | BlockKind::Verbatim => {
                out.push(block.text.clone());
                item_depth = None;
            }
            BlockKind::Paragraph | BlockKind::Line => {
                out.extend(split_points(&block.text));
                item_depth = None;
            }
        }
    }
    out.retain(|item| !item.trim().is_empty());
    out
}

pub(super) fn add_tags(tags: &mut Vec<String>, blocks: &[Block]) {
    let mut known: HashSet<String> = tags.iter().cloned().collect();
    for block in blocks {
        if block.kind == BlockKind::Verbatim {
            // Written exactly by the export: one tag, as it is.
            if known.insert(block.text.clone()) {
                tags.push(block.text.clone());
            }
            continue;
        }
        let pieces: Vec<&str> = match block.kind {
            BlockKind::Item => vec![block.text.as_str()],
            _ => block.text.split([',', ';', '\n']).collect(),
        };
        for tag in pieces.into_iter().map(str::trim).filter(|t| !t.is_empty()) {
            if known.insert(tag.to_owned()) {
                tags.push(tag.to_owned());
            }
        }
    }
}

/// A one-line value (an author, a competency): the text written exactly when it is one
/// `verbatim` block, else its words on one line.
pub(super) fn value(blocks: &[Block]) -> String {
    match blocks {
        [block] if block.kind == BlockKind::Verbatim => block.text.clone(),
        _ => super::draft::flat(blocks),
    }
}

pub(super) fn parse_level(text: &str) -> Option<Level> {
    match normalise(text).as_str() {
        "any" | "any level" | "all" | "all levels" => Some(Level::Any),
        "junior" | "entry" | "entry level" | "graduate" => Some(Level::Junior),
        "mid" | "mid level" | "intermediate" | "middle" => Some(Level::Mid),
        "senior" => Some(Level::Senior),
        "staff" | "principal" | "staff plus" => Some(Level::Staff),
        _ => None,
    }
}

pub(super) fn parse_weight(text: &str) -> Option<f64> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|w| w.is_finite() && (MIN_WEIGHT..=MAX_WEIGHT).contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_weights() {
        assert_eq!(parse_level("Mid-level"), Some(Level::Mid));
        assert_eq!(parse_level("Any level"), Some(Level::Any));
        assert_eq!(parse_level("wizard"), None);
        assert_eq!(parse_weight("2.5"), Some(2.5));
        assert_eq!(parse_weight("NaN"), None);
        assert_eq!(parse_weight("0"), None);
    }

    #[test]
    fn loose_items_keep_their_paragraphs() {
        let blocks = [
            Block::new(1, BlockKind::Item, 1, "First"),
            Block::new(3, BlockKind::Paragraph, 1, "more about it"),
            Block::new(5, BlockKind::Paragraph, 0, "Second; third."),
        ];
        assert_eq!(
            items(&blocks),
            vec!["First\n\nmore about it", "Second", "third"]
        );
    }
}
