//! The laid-out document: pages of positioned text lines and shapes, before they become PDF
//! operations, and the pagination that produces them.
//!
//! Coordinates are in points from the top-left corner of the page, y growing downwards, as a
//! reader sees the page. The drawing step flips them for PDF.

use std::collections::BTreeSet;
use std::ops::Range;

use super::fonts::{Fonts, Slot};
use super::style::{self, Colour};
use super::wrap::Line;

/// Paper sizes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0 * style::MM, 297.0 * style::MM),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// A glyph with its position on the line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedGlyph {
    /// Glyph id in the run's font (0 is the missing-glyph box).
    pub gid: u16,
    /// Where the glyph is drawn: points from the page's left edge (from the line's left edge
    /// before the line is placed).
    pub x: f32,
    /// How far above the baseline it is drawn (marks stacked by the font).
    pub rise: f32,
    /// How far the pen moves after it, in points, as shaped (kerning included).
    pub advance: f32,
    /// Start of the characters it stands for, as a byte offset in the line's text; the glyphs
    /// of one cluster share this range.
    pub start: u32,
    /// End of those characters.
    pub end: u32,
}

/// A run of glyphs in one font and colour.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// Which font draws it (see [`Layout::fonts`]).
    pub slot: Slot,
    /// Fill colour.
    pub colour: Colour,
    /// The glyphs, in the order the font's shaping put them (left to right on the page).
    pub glyphs: Vec<PlacedGlyph>,
}

/// A clickable web address on a line.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// Left edge, in points (from the page's left edge once the line is placed).
    pub x: f32,
    /// Width of the address's glyphs on this line.
    pub width: f32,
    /// What a click opens.
    pub target: String,
}

/// One line of text, positioned.
#[derive(Clone, Debug, PartialEq)]
pub struct TextLine {
    /// Left edge of the first glyph.
    pub x: f32,
    /// Top of the line box.
    pub top: f32,
    /// Height of the line box (type size × line height).
    pub height: f32,
    /// The baseline the glyphs sit on.
    pub baseline: f32,
    /// Width of the drawn text.
    pub width: f32,
    /// Type size in points.
    pub size: f32,
    /// The text as typed (logical order), which copying from the PDF gives back.
    pub text: String,
    /// Whether this is the page footer rather than body text.
    pub footer: bool,
    /// The glyph runs, in the order of the text.
    pub runs: Vec<Run>,
    /// Web addresses on the line; each becomes a link over the line box.
    pub links: Vec<Link>,
}

impl TextLine {
    /// Right edge of the drawn text.
    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    /// Bottom of the line box.
    pub fn bottom(&self) -> f32 {
        self.top + self.height
    }
}

/// A rectangle, optionally with rounded corners.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub top: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
    /// Corner radius (0 for square corners).
    pub radius: f32,
    /// Fill colour, if filled.
    pub fill: Option<Colour>,
    /// Outline colour and thickness, if outlined.
    pub stroke: Option<(Colour, f32)>,
}

/// A straight line.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Start.
    pub from: (f32, f32),
    /// End.
    pub to: (f32, f32),
    /// Thickness.
    pub thickness: f32,
    /// Colour.
    pub colour: Colour,
}

/// Something drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A line of text.
    Text(TextLine),
    /// A filled or outlined rectangle.
    Shape(Shape),
    /// A straight line.
    Rule(Rule),
}

impl Item {
    fn shift(&mut self, dy: f32) {
        match self {
            Item::Text(line) => {
                line.top += dy;
                line.baseline += dy;
            }
            Item::Shape(shape) => shape.top += dy,
            Item::Rule(rule) => {
                rule.from.1 += dy;
                rule.to.1 += dy;
            }
        }
    }
}

/// One page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// What is drawn on it, in drawing order.
    pub items: Vec<Item>,
}

impl Page {
    /// The text lines on the page.
    pub fn lines(&self) -> impl Iterator<Item = &TextLine> {
        self.items.iter().filter_map(|item| match item {
            Item::Text(line) => Some(line),
            _ => None,
        })
    }
}

/// A laid-out document.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// Margin on every side, in points.
    pub margin: f32,
    /// Lowest y body text may reach; the footer lives below it, inside the margins.
    pub body_bottom: f32,
    /// The pages.
    pub pages: Vec<Page>,
    /// Characters no available font has; drawn as missing-glyph boxes.
    pub missing_characters: BTreeSet<char>,
    /// The family name of each font, indexed by [`Run::slot`].
    pub fonts: Vec<String>,
}

impl Layout {
    /// The body text of the document, line by line, pages in order (footers left out, so text
    /// that runs over a page break reads on).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for page in &self.pages {
            for line in page.lines().filter(|line| !line.footer) {
                out.push_str(&line.text);
                out.push('\n');
            }
        }
        out
    }
}

/// A slice of a block that is never split across pages: one line of a paragraph, one table
/// row. Items are positioned relative to the row's top.
#[derive(Clone, Debug, Default)]
pub struct Row {
    /// Height the row takes.
    pub height: f32,
    /// What the row draws.
    pub items: Vec<Item>,
}

/// A run of rows that belong together, with the rules for breaking pages around it.
#[derive(Clone, Debug, Default)]
pub struct Block {
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
    /// Space above the block, dropped at the top of a page.
    pub space_before: f32,
    /// Whether the block should be kept whole on one page when it fits (otherwise it may break
    /// between any two rows, leaving at least two rows on each side where it can).
    pub keep_together: bool,
    /// Whether the block must start on the same page as the beginning of the next block
    /// (headings).
    pub keep_with_next: bool,
    /// A row repeated at the top of each page the block continues on (a table's header).
    pub header: Option<Row>,
}

impl Block {
    /// A block of `rows` that may break between rows.
    pub fn flowing(rows: Vec<Row>, space_before: f32) -> Self {
        Self {
            rows,
            space_before,
            ..Self::default()
        }
    }

    /// A block of `rows` kept on one page.
    pub fn whole(rows: Vec<Row>, space_before: f32) -> Self {
        Self {
            rows,
            space_before,
            keep_together: true,
            ..Self::default()
        }
    }

    fn height(&self) -> f32 {
        self.rows.iter().map(|row| row.height).sum()
    }

    /// The height that must fit at the bottom of a page for the block to start there.
    fn opening_height(&self) -> f32 {
        if self.keep_together || self.keep_with_next {
            self.height()
        } else {
            self.rows.iter().take(2).map(|row| row.height).sum()
        }
    }
}

/// Turns a wrapped line into a text line at `x`, with its box starting at `top`.
pub fn text_line(fonts: &Fonts<'_>, line: &Line, x: f32, top: f32, size: f32) -> TextLine {
    let height = size * style::LINE_HEIGHT;
    // Centre the body font's ascender-to-descender box in the line box.
    let glyph_box = (fonts.ascender + fonts.descender) * size;
    let baseline = top + (height - glyph_box) / 2.0 + fonts.ascender * size;
    let runs = line
        .runs
        .iter()
        .map(|run| Run {
            glyphs: run
                .glyphs
                .iter()
                .map(|glyph| PlacedGlyph {
                    x: glyph.x + x,
                    ..*glyph
                })
                .collect(),
            ..run.clone()
        })
        .collect();
    let links = line
        .links
        .iter()
        .map(|link| Link {
            x: link.x + x,
            ..link.clone()
        })
        .collect();
    TextLine {
        x,
        top,
        height,
        baseline,
        width: line.width,
        size,
        text: line.text.clone(),
        footer: false,
        runs,
        links,
    }
}

/// Page geometry shared by pagination and the footer.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Top of the body.
    pub top: f32,
    /// Bottom of the body.
    pub bottom: f32,
}

impl Frame {
    /// The frame of a page of `paper`.
    pub fn new(paper: Paper) -> Self {
        let (width, height) = paper.size();
        Self {
            width,
            height,
            top: style::MARGIN,
            bottom: height - style::MARGIN - style::FOOTER_BAND,
        }
    }

    /// Left edge of the body.
    pub fn left(&self) -> f32 {
        style::MARGIN
    }

    /// Width of the body.
    pub fn body_width(&self) -> f32 {
        self.width - 2.0 * style::MARGIN
    }
}

/// Flows `blocks` onto pages.
pub fn paginate(blocks: &[Block], frame: Frame) -> Vec<Page> {
    paginate_spans(blocks, frame).0
}

/// Flows `blocks` onto pages, and says for each block which pages its rows landed on (as a
/// range of page indices), so marks that belong to a block's content can follow it.
pub fn paginate_spans(blocks: &[Block], frame: Frame) -> (Vec<Page>, Vec<Range<usize>>) {
    let mut pages = vec![Page::default()];
    let mut spans = Vec::with_capacity(blocks.len());
    let mut y = frame.top;
    for (index, block) in blocks.iter().enumerate() {
        let gap = if y > frame.top {
            block.space_before
        } else {
            0.0
        };
        if y > frame.top && y + gap + chain_height(blocks, index) > frame.bottom {
            pages.push(Page::default());
            y = frame.top;
        } else {
            y += gap;
        }
        let count = block.rows.len();
        let mut first = pages.len() - 1;
        for (row_index, row) in block.rows.iter().enumerate() {
            let fits = |height: f32| y + height <= frame.bottom;
            // Keep the last two rows of a longer block together, so a page never starts with
            // a block's lone last line (a widow).
            let widow = row_index + 2 == count
                && row_index >= 2
                && fits(row.height)
                && !fits(row.height + block.rows[row_index + 1].height);
            if y > frame.top && (!fits(row.height) || widow) {
                pages.push(Page::default());
                y = frame.top;
                if let Some(header) = &block.header {
                    place(&mut pages, header, y);
                    y += header.height;
                }
            }
            if row_index == 0 {
                first = pages.len() - 1;
            }
            place(&mut pages, row, y);
            y += row.height;
        }
        spans.push(first..pages.len());
    }
    (pages, spans)
}

/// Height needed at the bottom of a page for `blocks[index]` to start there: its opening,
/// plus the openings of the blocks it must stay with.
fn chain_height(blocks: &[Block], index: usize) -> f32 {
    let mut height = 0.0;
    let mut i = index;
    while let Some(block) = blocks.get(i) {
        if i > index {
            height += block.space_before;
        }
        height += block.opening_height();
        if !block.keep_with_next {
            break;
        }
        i += 1;
    }
    height
}

fn place(pages: &mut [Page], row: &Row, y: f32) {
    if let Some(page) = pages.last_mut() {
        for item in &row.items {
            let mut item = item.clone();
            item.shift(y);
            page.items.push(item);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(height: f32) -> Row {
        Row {
            height,
            items: vec![Item::Rule(Rule {
                from: (0.0, 0.0),
                to: (1.0, 0.0),
                thickness: 1.0,
                colour: style::RULE,
            })],
        }
    }

    fn frame() -> Frame {
        Frame {
            width: 100.0,
            height: 100.0,
            top: 0.0,
            bottom: 100.0,
        }
    }

    fn rows_per_page(pages: &[Page]) -> Vec<usize> {
        pages.iter().map(|page| page.items.len()).collect()
    }

    #[test]
    fn headings_move_to_the_next_page_with_their_text() {
        let filler = Block::flowing(vec![row(10.0); 8], 0.0);
        let heading = Block {
            keep_with_next: true,
            ..Block::whole(vec![row(10.0)], 0.0)
        };
        let text = Block::flowing(vec![row(10.0); 5], 0.0);
        let pages = paginate(&[filler, heading, text], frame());
        // The heading plus two lines of text do not fit under the filler: all move on.
        assert_eq!(rows_per_page(&pages), [8, 6]);
    }

    #[test]
    fn paragraphs_leave_no_widow() {
        let filler = Block::flowing(vec![row(10.0); 5], 0.0);
        let text = Block::flowing(vec![row(10.0); 6], 0.0);
        let pages = paginate(&[filler, text], frame());
        // Five rows would fit, leaving one alone on page two; four go, two follow.
        assert_eq!(rows_per_page(&pages), [9, 2]);
    }

    #[test]
    fn table_headers_repeat() {
        let table = Block {
            header: Some(row(10.0)),
            ..Block::flowing(vec![row(10.0); 15], 0.0)
        };
        let pages = paginate(&[table], frame());
        assert_eq!(rows_per_page(&pages), [10, 6]);
    }

    #[test]
    fn spans_say_which_pages_each_block_is_on() {
        let first = Block::flowing(vec![row(10.0); 8], 0.0);
        let second = Block::flowing(vec![row(10.0); 6], 0.0);
        let third = Block::whole(vec![row(10.0); 2], 0.0);
        let (pages, spans) = paginate_spans(&[first, second, third], frame());
        assert_eq!(pages.len(), 2);
        assert_eq!(spans, [0..1, 0..2, 1..2]);
    }
}
