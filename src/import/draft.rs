//! The shape both readers (Markdown and plain text) produce: questions made of labelled
//! sections of text blocks, before any field is filled. Sharing it keeps the rules that turn
//! text into fields in one place, `build`.

use super::labels::{Label, Target};
use super::warning::ImportWarning;

/// Deepest list indentation written into guidance text; deeper items are not indented further
/// so that absurdly nested lists cannot blow up the text.
const MAX_INDENT: usize = 8;

/// What a block of text was in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// A paragraph (after a blank line, or a Markdown paragraph).
    Paragraph,
    /// A further line of the paragraph before it (plain text keeps line breaks).
    Line,
    /// A list item; the block's `depth` is 1 for a top-level list.
    Item,
    /// A code block, as a fenced block.
    Code,
    /// Text written exactly (a `verbatim` block of Onsite's own export).
    Verbatim,
}

/// A block of text and where it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Block {
    /// 1-based line where the block starts.
    pub line: usize,
    /// What it was.
    pub kind: BlockKind,
    /// Nesting depth in lists (0 outside lists).
    pub depth: usize,
    /// The text, trimmed.
    pub text: String,
    /// Bold or emphasised text the block starts with, as it appears at the start of `text`.
    pub lead: Option<String>,
}

impl Block {
    /// A block with no lead.
    pub(crate) fn new(line: usize, kind: BlockKind, depth: usize, text: impl Into<String>) -> Self {
        Self {
            line,
            kind,
            depth,
            text: text.into(),
            lead: None,
        }
    }
}

/// What opened a section; it decides which labels may open the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Opener {
    /// A heading: only bold labels and headings end it, so plain text under it is never
    /// mistaken for a label.
    Heading,
    /// A labelled paragraph or line.
    Paragraph,
    /// A labelled list item; sibling items may carry labels too.
    Item,
    /// Opened by the importer itself, such as the follow-ups of a listed question.
    Auto,
}

/// A labelled part of a question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Section {
    /// The label.
    pub label: Label,
    /// Line of the label.
    pub line: usize,
    /// What opened it.
    pub opener: Opener,
    /// Its text.
    pub blocks: Vec<Block>,
}

/// A question's text (or the pack's, before the first question): unlabelled blocks first, then
/// labelled sections.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Body {
    /// Blocks before the first label.
    pub intro: Vec<Block>,
    /// Labelled sections in document order.
    pub sections: Vec<Section>,
}

impl Body {
    /// Starts a section; the blocks that follow go into it.
    pub(crate) fn open(&mut self, label: Label, line: usize, opener: Opener) {
        self.sections.push(Section {
            label,
            line,
            opener,
            blocks: Vec::new(),
        });
    }

    /// Adds a block to the open section, or to the intro when none is open.
    pub(crate) fn push(&mut self, block: Block) {
        match self.sections.last_mut() {
            Some(section) => section.blocks.push(block),
            None => self.intro.push(block),
        }
    }

    /// The last block added, so a wrapped line can be joined to it.
    pub(crate) fn last_block_mut(&mut self) -> Option<&mut Block> {
        match self.sections.last_mut() {
            Some(section) => section.blocks.last_mut(),
            None => self.intro.last_mut(),
        }
    }

    /// What opened the current section, if one is open.
    pub(crate) fn opener(&self) -> Option<Opener> {
        self.sections.last().map(|section| section.opener)
    }

    /// Whether any section fills `field`.
    pub(crate) fn has(&self, field: Target) -> bool {
        self.sections
            .iter()
            .any(|section| section.label.field() == Some(field))
    }
}

/// A question as found in the document, before its fields are filled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DraftQuestion {
    /// Line where the question starts.
    pub line: usize,
    /// The heading or numbered line, without its number.
    pub title: String,
    /// Everything under it.
    pub body: Body,
    /// The category headings above it, outermost first ("Payments team", "Coding").
    pub categories: Vec<String>,
    /// Link targets of its heading, kept in the guidance.
    pub links: Vec<String>,
}

impl DraftQuestion {
    /// A question starting at `line` with this title and nothing under it yet.
    pub(crate) fn new(line: usize, title: impl Into<String>) -> Self {
        Self {
            line,
            title: title.into(),
            body: Body::default(),
            categories: Vec::new(),
            links: Vec::new(),
        }
    }
}

/// A whole document as found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Draft {
    /// The document's title, if it has one.
    pub title: Option<String>,
    /// The title its front matter gives, which wins over a heading.
    pub front_title: Option<String>,
    /// The description its front matter gives, first in the pack's description.
    pub front_description: Option<String>,
    /// Tags its front matter gives.
    pub front_tags: Vec<String>,
    /// Text outside every question that is kept in the pack's description after the preamble:
    /// introductions of categories and sections such as "Contributing": line, heading, text.
    pub kept: Vec<(usize, String, String)>,
    /// Text before the first question that belongs to the pack (description, pack labels).
    pub preamble: Body,
    /// The questions in order.
    pub questions: Vec<DraftQuestion>,
    /// What the reader left out.
    pub warnings: Vec<ImportWarning>,
}

/// Blocks as one text, keeping their shape: paragraphs apart, lines and list items on their
/// own lines.
pub(crate) fn prose(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut previous: Option<BlockKind> = None;
    for block in blocks {
        if let Some(previous) = previous {
            let together = matches!(
                (previous, block.kind),
                (_, BlockKind::Line) | (BlockKind::Item, BlockKind::Item)
            );
            out.push_str(if together { "\n" } else { "\n\n" });
        }
        if block.kind == BlockKind::Item {
            out.push_str(&"  ".repeat(block.depth.saturating_sub(1).min(MAX_INDENT)));
            out.push_str("- ");
        }
        out.push_str(&block.text);
        previous = Some(block.kind);
    }
    out
}

/// Blocks as one line of text, for single values such as a competency.
pub(crate) fn flat(blocks: &[Block]) -> String {
    blocks
        .iter()
        .flat_map(|block| block.text.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_keeps_the_shape() {
        let blocks = [
            Block::new(1, BlockKind::Paragraph, 0, "One"),
            Block::new(2, BlockKind::Line, 0, "two"),
            Block::new(4, BlockKind::Item, 1, "a"),
            Block::new(5, BlockKind::Item, 2, "b"),
            Block::new(7, BlockKind::Paragraph, 0, "End"),
        ];
        assert_eq!(prose(&blocks), "One\ntwo\n\n- a\n  - b\n\nEnd");
        assert_eq!(flat(&blocks), "One two a b End");
    }
}
