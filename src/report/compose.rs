//! Turns a [`Report`] into blocks of positioned rows: the visual design of the PDF.
//!
//! Page 1 opens with the title, a two-column header, the recommendation and score, the
//! interviewer's summary, the competency chart and the question overview; one section per
//! question follows, then the general notes and, when asked for, the private notes.

mod front;
mod kit;
mod packet;
mod packet_panel;
mod question;

pub use kit::{KIT_TITLE, fill_with_lines};
pub use packet::{
    PACKET_TITLE, agreement_text, cell_text, date_range, gap_reasons, score_text, shared_heading,
};

use super::content::{self, Report};
use super::fonts::{Fonts, Style};
use super::inline;
use super::layout::{Block, Frame, Item, Page, Row, Rule, text_line};
use super::paragraph::Direction;
use super::style::{self as s, Colour};
use super::wrap::{self, Line, Span};

/// Space between the two header columns and between table columns.
const GUTTER: f32 = 24.0;
const CELL_GAP: f32 = 10.0;
/// Width of the header's label column.
const LABEL_WIDTH: f32 = 66.0;
/// Indent of list text after its mark.
const LIST_INDENT: f32 = 16.0;

/// Lays out the blocks of `report`.
pub fn compose(report: &Report, fonts: &mut Fonts<'_>, frame: Frame) -> Vec<Block> {
    let mut composer = Composer {
        fonts,
        left: frame.left(),
        width: frame.body_width(),
        blocks: Vec::new(),
    };
    composer.title(report);
    composer.header(report);
    composer.verdict(report);
    composer.heading("Interviewer’s summary");
    composer.text_or(&report.summary, "No summary written.");
    composer.competencies(report);
    composer.overview(report);
    if !report.questions.is_empty() {
        composer.heading("Questions in detail");
        let total = report.questions.len();
        for (index, question) in report.questions.iter().enumerate() {
            composer.question(question, total, index > 0);
        }
    }
    composer.heading("General notes");
    composer.text_or(&report.general_notes, "No general notes.");
    if let Some(private) = &report.private_notes {
        composer.heading("Private notes");
        let caption = "For the interviewer only: included in this export on request.";
        let rows = composer.rows(
            &[Span::new(caption, Style::Regular, s::SECONDARY)],
            s::SMALL_SIZE,
            composer.left,
            composer.width,
        );
        composer.push(Block {
            keep_with_next: true,
            ..Block::whole(rows, 0.0)
        });
        composer.paragraphs(private, s::BODY_SIZE, s::TEXT, 4.0);
    }
    composer.blocks
}

/// Lays out the debrief packet's own pages (before the evaluations in full), with, for each
/// block, the panelists whose ratings it shows.
pub fn packet(
    debrief: &crate::domain::Debrief,
    zone: &jiff::tz::TimeZone,
    fonts: &mut Fonts<'_>,
    frame: Frame,
) -> (Vec<Block>, Vec<Vec<usize>>) {
    let mut composer = Composer {
        fonts,
        left: frame.left(),
        width: frame.body_width(),
        blocks: Vec::new(),
    };
    let mut tags = Vec::new();
    composer.packet(debrief, zone, &mut tags);
    tags.resize(composer.blocks.len(), Vec::new());
    (composer.blocks, tags)
}

/// Lays out an interview kit: the cover, then each question's blocks, then the closing page,
/// each a list of blocks that starts on a new page.
pub fn kit(
    plan: &crate::domain::InterviewPlan,
    entries: &[crate::domain::ResolvedEntry],
    fonts: &mut Fonts<'_>,
    frame: Frame,
) -> Vec<Vec<Block>> {
    let mut composer = Composer {
        fonts,
        left: frame.left(),
        width: frame.body_width(),
        blocks: Vec::new(),
    };
    let mut sections = Vec::new();
    composer.kit_cover(plan, entries);
    sections.push(std::mem::take(&mut composer.blocks));
    for (index, entry) in entries.iter().enumerate() {
        composer.kit_question(index + 1, entries.len(), entry);
        sections.push(std::mem::take(&mut composer.blocks));
    }
    composer.kit_closing();
    sections.push(composer.blocks);
    sections
}

/// Where a line in a column from `x`, `width` wide, starts: right-to-left paragraphs are
/// right-aligned.
fn aligned(line: &Line, x: f32, width: f32) -> f32 {
    if line.rtl {
        x + (width - line.width).max(0.0)
    } else {
        x
    }
}

struct Composer<'f, 'a> {
    fonts: &'f mut Fonts<'a>,
    left: f32,
    width: f32,
    blocks: Vec<Block>,
}

impl Composer<'_, '_> {
    fn push(&mut self, block: Block) {
        if !block.rows.is_empty() {
            self.blocks.push(block);
        }
    }

    fn wrap(&mut self, spans: &[Span<'_>], size: f32, width: f32) -> Vec<Line> {
        wrap::wrap(self.fonts, spans, size, width)
    }

    fn item(&self, line: &Line, x: f32, top: f32, size: f32) -> Item {
        Item::Text(text_line(self.fonts, line, x, top, size))
    }

    /// One row per wrapped line.
    fn rows(&mut self, spans: &[Span<'_>], size: f32, x: f32, width: f32) -> Vec<Row> {
        self.rows_in(spans, size, x, width, Direction::Auto)
    }

    /// One row per wrapped line, the paragraph reading in `direction` (see [`wrap::wrap_in`]).
    fn rows_in(
        &mut self,
        spans: &[Span<'_>],
        size: f32,
        x: f32,
        width: f32,
        direction: Direction,
    ) -> Vec<Row> {
        let lines = wrap::wrap_in(self.fonts, spans, size, width, direction);
        lines
            .iter()
            .map(|line| Row {
                height: size * s::LINE_HEIGHT,
                items: vec![self.item(line, aligned(line, x, width), 0.0, size)],
            })
            .collect()
    }

    /// Wrapped lines stacked from `top` at `x`; returns the items and the height used.
    fn stack(
        &mut self,
        spans: &[Span<'_>],
        size: f32,
        x: f32,
        top: f32,
        width: f32,
    ) -> (Vec<Item>, f32) {
        let lines = self.wrap(spans, size, width);
        let step = size * s::LINE_HEIGHT;
        let items = lines
            .iter()
            .enumerate()
            .map(|(i, line)| self.item(line, aligned(line, x, width), top + step * i as f32, size))
            .collect();
        (items, step * lines.len() as f32)
    }

    /// How far down a line of `small` text must start to share a baseline with a line of
    /// `large` text starting at the same top.
    fn baseline_shift(&self, small: f32, large: f32) -> f32 {
        let per_point = (s::LINE_HEIGHT - self.fonts.ascender - self.fonts.descender) / 2.0
            + self.fonts.ascender;
        per_point * (large - small)
    }

    fn width_of(&mut self, text: &str, style: Style, size: f32) -> f32 {
        wrap::width_of(self.fonts, &[Span::new(text, style, s::TEXT)], size)
    }

    /// `text` as spans, with `code` between backticks set in the monospace face (without the
    /// backticks) and the rest in `style`: for prompts and rubric text, where inline code is
    /// common.
    fn with_code<'t>(text: &'t str, style: Style, colour: Colour) -> Vec<Span<'t>> {
        inline::code_pieces(text)
            .into_iter()
            .map(|piece| {
                let style = if piece.code { Style::Code } else { style };
                Span::new(piece.text, style, colour)
            })
            .collect()
    }

    /// A rounded box outlined in a colour with `text` in it in bold at a size (`style`), its
    /// right edge at `right`,
    /// centred in the band from `top`, `band` high: the marks for drafts and broken seals.
    fn outlined_badge(
        &mut self,
        text: &str,
        style: (Colour, f32),
        right: f32,
        top: f32,
        band: f32,
    ) -> Vec<Item> {
        let (shape, label) = badge(self.fonts, text, style, right, top, band);
        vec![shape, label]
    }

    /// A row that is just a thin rule, `at` points below its top.
    fn rule_row(&self, at: f32, height: f32) -> Row {
        Row {
            height,
            items: vec![self.rule(at)],
        }
    }

    fn rule(&self, y: f32) -> Item {
        Item::Rule(Rule {
            from: (self.left, y),
            to: (self.left + self.width, y),
            thickness: 0.6,
            colour: s::RULE,
        })
    }

    fn heading(&mut self, text: &str) {
        let mut rows = self.rows(
            &[Span::new(text, Style::Bold, s::TEXT)],
            s::HEADING_SIZE,
            self.left,
            self.width,
        );
        if let Some(last) = rows.last_mut() {
            last.height += 3.0;
        }
        self.push(Block {
            keep_with_next: true,
            ..Block::whole(rows, s::HEADING_GAP)
        });
    }

    /// A small bold heading inside a question section.
    fn subheading(&mut self, spans: &[Span<'_>]) {
        let mut rows = self.rows(spans, s::SMALL_SIZE, self.left, self.width);
        if let Some(last) = rows.last_mut() {
            last.height += 1.0;
        }
        self.push(Block {
            keep_with_next: true,
            ..Block::whole(rows, 9.0)
        });
    }

    /// `text` as paragraphs, or `empty` in secondary text when there is none.
    fn text_or(&mut self, text: &str, empty: &str) {
        if text.trim().is_empty() {
            let rows = self.rows(
                &[Span::new(empty, Style::Regular, s::SECONDARY)],
                s::BODY_SIZE,
                self.left,
                self.width,
            );
            self.push(Block::flowing(rows, 0.0));
        } else {
            self.paragraphs(text, s::BODY_SIZE, s::TEXT, 0.0);
        }
    }

    /// Free text exactly as typed: blank lines separate paragraphs, single line breaks stay
    /// line breaks, leading spaces stay.
    fn paragraphs(&mut self, text: &str, size: f32, colour: Colour, first_gap: f32) {
        let mut rows: Vec<Row> = Vec::new();
        let mut gap = first_gap;
        for line in text.lines() {
            if line.trim().is_empty() {
                if !rows.is_empty() {
                    self.push(Block::flowing(std::mem::take(&mut rows), gap));
                    gap = s::PARAGRAPH_GAP;
                }
                continue;
            }
            let wrapped = self.rows(
                &[Span::new(line, Style::Regular, colour)],
                size,
                self.left,
                self.width,
            );
            rows.extend(wrapped);
        }
        if !rows.is_empty() {
            self.push(Block::flowing(rows, gap));
        }
    }
}

/// Adds "candidate · Onsite evaluation · sealed … · page X of Y" to the foot of every page,
/// centred in the band below the body: `name`, then `suffix(page index, page count)`. A very
/// long name is shortened so the rest always shows. A page with characters no font could draw
/// says so above its footer, so a reader knows the empty boxes stand for something.
pub fn footers(
    pages: &mut [Page],
    candidate: &str,
    suffix: &dyn Fn(usize, usize) -> String,
    fonts: &mut Fonts<'_>,
    frame: Frame,
) {
    let total = pages.len();
    let size = s::FOOTER_SIZE;
    let top = frame.height - s::MARGIN - size * s::LINE_HEIGHT;
    let name_width = wrap::width_of(
        fonts,
        &[Span::new(candidate, Style::Regular, s::SECONDARY)],
        size,
    );
    for (index, page) in pages.iter_mut().enumerate() {
        let missing = boxes_on(page);
        let suffix = suffix(index, total);
        let suffix_spans = [Span::new(&suffix, Style::Regular, s::SECONDARY)];
        let suffix_width = wrap::width_of(fonts, &suffix_spans, size);
        let room = (frame.body_width() - suffix_width).max(0.0);
        let name_spans = [Span::new(candidate, Style::Regular, s::SECONDARY)];
        let mut line = if name_width <= room {
            wrap::one_line(fonts, &name_spans, size, Direction::LeftToRight)
        } else {
            wrap::shortened(fonts, &name_spans, size, room, 1)
                .into_iter()
                .next()
                .unwrap_or_default()
        };
        // "name · Onsite evaluation · …" is an English sentence whatever the name.
        line.rtl = false;
        line.append(wrap::one_line(
            fonts,
            &suffix_spans,
            size,
            Direction::LeftToRight,
        ));
        let x = frame.left() + (frame.body_width() - line.width).max(0.0) / 2.0;
        let mut text = text_line(fonts, &line, x, top, size);
        text.footer = true;
        page.items.push(Item::Text(text));
        if missing > 0 {
            let note = content::missing_note(missing);
            let note_size = s::FOOTER_SIZE - 1.0;
            let line = wrap::one_line(
                fonts,
                &[Span::new(&note, Style::Regular, s::SECONDARY)],
                note_size,
                Direction::LeftToRight,
            );
            let x = frame.left() + (frame.body_width() - line.width).max(0.0) / 2.0;
            let mut text = text_line(fonts, &line, x, top - note_size * s::LINE_HEIGHT, note_size);
            text.footer = true;
            page.items.push(Item::Text(text));
        }
    }
}

/// Size of the text in a mark's badge.
const BADGE_SIZE: f32 = 8.5;

/// A rounded box outlined in `colour` with `text` in bold, right edge at `right`, centred in
/// the band from `top`, `band` high; the text is shortened to fit the body width.
fn badge(
    fonts: &mut Fonts<'_>,
    text: &str,
    (colour, size): (Colour, f32),
    right: f32,
    top: f32,
    band: f32,
) -> (Item, Item) {
    const PAD: f32 = 7.0;
    let spans = [Span::new(text, Style::Bold, colour)];
    let room = (right - s::MARGIN - 2.0 * PAD).max(10.0);
    let line = wrap::shortened(fonts, &spans, size, room, 1)
        .into_iter()
        .next()
        .unwrap_or_default();
    let height = size * s::LINE_HEIGHT + 4.0;
    let width = line.width + 2.0 * PAD;
    let x = right - width;
    let box_top = top + (band - height).max(0.0) / 2.0;
    let shape = Item::Shape(super::layout::Shape {
        x,
        top: box_top,
        width,
        height,
        radius: 4.0,
        fill: None,
        stroke: Some((colour, 1.0)),
    });
    let text = text_line(fonts, &line, x + PAD, box_top + 2.0, size);
    (shape, Item::Text(text))
}

/// A mark at the top of a page: a draft in the packet, a broken seal on the pages that show
/// that interviewer's ratings.
#[derive(Clone, Debug, PartialEq)]
pub struct PageMark {
    /// What it says.
    pub text: String,
    /// Its colour: secondary for a draft, the error red for a broken seal.
    pub colour: Colour,
}

/// Draws each page's marks in the top margin, right-aligned, one per line going up from the
/// body; they are furniture like the footer, so copying the body text leaves them out.
pub fn page_marks(
    pages: &mut [Page],
    marks: &[Vec<PageMark>],
    fonts: &mut Fonts<'_>,
    frame: Frame,
) {
    let band = BADGE_SIZE * s::LINE_HEIGHT + 6.0;
    for (page, marks) in pages.iter_mut().zip(marks) {
        for (index, mark) in marks.iter().enumerate() {
            let top = frame.top - band * (index as f32 + 1.0) - 2.0;
            let right = frame.left() + frame.body_width();
            let style = (mark.colour, BADGE_SIZE);
            let (shape, text) = badge(fonts, &mark.text, style, right, top, band);
            page.items.push(shape);
            if let Item::Text(mut line) = text {
                line.footer = true;
                page.items.push(Item::Text(line));
            }
        }
    }
}

/// How many characters on `page` are drawn as missing-glyph boxes.
fn boxes_on(page: &Page) -> usize {
    page.lines()
        .flat_map(|line| &line.runs)
        .map(|run| {
            let mut clusters: Vec<u32> = run
                .glyphs
                .iter()
                .filter(|glyph| glyph.gid == 0)
                .map(|glyph| glyph.start)
                .collect();
            clusters.dedup();
            clusters.len()
        })
        .sum()
}
