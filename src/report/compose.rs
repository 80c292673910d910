//! Turns a [`Report`] into blocks of positioned rows: the visual design of the PDF.
//!
//! Page 1 opens with the title, a two-column header, the recommendation and score, the
//! interviewer's summary, the competency chart and the question overview; one section per
//! question follows, then the general notes and, when asked for, the private notes.

use super::content::{self, KeyPoint, QuestionSection, Report};
use super::fonts::{Fonts, Style};
use super::format;
use super::layout::{Block, Frame, Item, Page, Row, Rule, Shape, text_line};
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
        let lines = self.wrap(spans, size, width);
        lines
            .iter()
            .map(|line| Row {
                height: size * s::LINE_HEIGHT,
                items: vec![self.item(line, x, 0.0, size)],
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
            .map(|(i, line)| self.item(line, x, top + step * i as f32, size))
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
        wrap::atoms(self.fonts, &[Span::new(text, style, s::TEXT)], size)
            .iter()
            .map(|atom| atom.width)
            .sum()
    }

    fn title(&mut self, report: &Report) {
        let mut rows = self.rows(
            &[Span::new(content::TITLE, Style::Bold, s::TEXT)],
            s::TITLE_SIZE,
            self.left,
            self.width,
        );
        if !report.plan_title.is_empty() {
            rows.extend(self.rows(
                &[Span::new(&report.plan_title, Style::Regular, s::SECONDARY)],
                s::BODY_SIZE,
                self.left,
                self.width,
            ));
        }
        rows.push(self.rule_row(10.0, 14.0));
        self.push(Block::whole(rows, 0.0));
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

    fn header(&mut self, report: &Report) {
        let column = (self.width - GUTTER) / 2.0;
        let value_width = column - LABEL_WIDTH;
        let shift = self.baseline_shift(s::SMALL_SIZE, s::BODY_SIZE);
        let count = report.header.iter().map(Vec::len).max().unwrap_or(0);
        let mut rows = Vec::new();
        for index in 0..count {
            let mut items = Vec::new();
            let mut height: f32 = 0.0;
            for (side, fields) in report.header.iter().enumerate() {
                let Some(field) = fields.get(index) else {
                    continue;
                };
                let x = self.left + side as f32 * (column + GUTTER);
                let (labels, _) = self.stack(
                    &[Span::new(field.label, Style::Regular, s::SECONDARY)],
                    s::SMALL_SIZE,
                    x,
                    shift,
                    LABEL_WIDTH - 6.0,
                );
                let (values, used) = self.stack(
                    &[Span::new(&field.value, Style::Regular, s::TEXT)],
                    s::BODY_SIZE,
                    x + LABEL_WIDTH,
                    0.0,
                    value_width,
                );
                items.extend(labels);
                items.extend(values);
                height = height.max(used);
            }
            rows.push(Row {
                height: height + 3.0,
                items,
            });
        }
        self.push(Block::whole(rows, 0.0));
    }

    /// Recommendation badge, overall score and outcome counts, side by side under small labels.
    fn verdict(&mut self, report: &Report) {
        const BADGE_SIZE: f32 = 10.5;
        const BADGE_HEIGHT: f32 = 22.0;
        const SCORE_SIZE: f32 = 16.0;
        let score_x = self.left + 168.0;
        let counts_x = self.left + 288.0;
        let counts_width = self.left + self.width - counts_x;
        let label_height = s::SMALL_SIZE * s::LINE_HEIGHT;
        let mut items = Vec::new();
        for (x, label) in [
            (self.left, "Recommendation"),
            (score_x, "Overall score"),
            (counts_x, "Outcomes"),
        ] {
            let (label, _) = self.stack(
                &[Span::new(label, Style::Regular, s::SECONDARY)],
                s::SMALL_SIZE,
                x,
                0.0,
                self.width,
            );
            items.extend(label);
        }
        let top = label_height + 4.0;

        let text = content::recommendation_label(report.recommendation);
        let (fill, stroke, ink) = match report.recommendation {
            Some(recommendation) => (
                Some(s::recommendation_colour(recommendation)),
                None,
                s::WHITE,
            ),
            None => (None, Some((s::SECONDARY, 0.8)), s::SECONDARY),
        };
        let text_width = self.width_of(text, Style::Bold, BADGE_SIZE);
        let badge_width = (text_width + 22.0).min(score_x - self.left - 12.0);
        items.push(Item::Shape(Shape {
            x: self.left,
            top,
            width: badge_width,
            height: BADGE_HEIGHT,
            radius: 5.0,
            fill,
            stroke,
        }));
        let line_height = BADGE_SIZE * s::LINE_HEIGHT;
        let (label, _) = self.stack(
            &[Span::new(text, Style::Bold, ink)],
            BADGE_SIZE,
            self.left + (badge_width - text_width).max(0.0) / 2.0,
            top + (BADGE_HEIGHT - line_height) / 2.0,
            badge_width,
        );
        items.extend(label);

        let score = report.score.map(format::score);
        let (score_text, score_colour) = match &score {
            Some(score) => (score.as_str(), s::TEXT),
            None => ("not scored", s::SECONDARY),
        };
        let score_line = SCORE_SIZE * s::LINE_HEIGHT;
        let (score_items, _) = self.stack(
            &[Span::new(score_text, Style::Bold, score_colour)],
            SCORE_SIZE,
            score_x,
            top + (BADGE_HEIGHT - score_line) / 2.0,
            counts_x - score_x - 8.0,
        );
        items.extend(score_items);

        let counts = content::counts_line(&report.completeness);
        let counts_line = s::SMALL_SIZE * s::LINE_HEIGHT;
        let lines = self.wrap(
            &[Span::new(&counts, Style::Regular, s::TEXT)],
            s::SMALL_SIZE,
            counts_width,
        );
        let block_height = counts_line * lines.len() as f32;
        let counts_top = top + ((BADGE_HEIGHT - block_height) / 2.0).max(0.0);
        for (i, line) in lines.iter().enumerate() {
            items.push(self.item(
                line,
                counts_x,
                counts_top + counts_line * i as f32,
                s::SMALL_SIZE,
            ));
        }
        let height = top + BADGE_HEIGHT.max(block_height);
        self.push(Block::whole(vec![Row { height, items }], 18.0));
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

    fn competencies(&mut self, report: &Report) {
        const BAR_HEIGHT: f32 = 7.0;
        const VALUE_WIDTH: f32 = 56.0;
        self.heading("Competencies");
        if report.competencies.is_empty() {
            self.text_or("", "No questions in this evaluation.");
            return;
        }
        let widest = report
            .competencies
            .iter()
            .map(|c| self.width_of(&c.competency, Style::Regular, s::BODY_SIZE))
            .fold(0.0, f32::max);
        let label_width = widest.clamp(60.0, self.width * 0.32);
        let track_x = self.left + label_width + 12.0;
        let track_width = self.left + self.width - VALUE_WIDTH - 10.0 - track_x;
        let line = s::BODY_SIZE * s::LINE_HEIGHT;
        let mut rows = Vec::new();
        for competency in &report.competencies {
            let (mut items, height) = self.stack(
                &[Span::new(&competency.competency, Style::Regular, s::TEXT)],
                s::BODY_SIZE,
                self.left,
                0.0,
                label_width,
            );
            let bar_top = (line - BAR_HEIGHT) / 2.0;
            items.push(Item::Shape(Shape {
                x: track_x,
                top: bar_top,
                width: track_width,
                height: BAR_HEIGHT,
                radius: BAR_HEIGHT / 2.0,
                fill: Some(s::TRACK),
                stroke: None,
            }));
            let (value, value_style, value_colour) = match competency.average {
                Some(average) => {
                    let fraction = (average / crate::domain::scoring::SCALE_MAX).clamp(0.0, 1.0);
                    items.push(Item::Shape(Shape {
                        x: track_x,
                        top: bar_top,
                        width: (track_width * fraction as f32).max(BAR_HEIGHT),
                        height: BAR_HEIGHT,
                        radius: BAR_HEIGHT / 2.0,
                        fill: Some(s::BAR),
                        stroke: None,
                    }));
                    (format::score(average), Style::Bold, s::TEXT)
                }
                None => ("not rated".to_owned(), Style::Regular, s::SECONDARY),
            };
            let (value_items, _) = self.stack(
                &[Span::new(&value, value_style, value_colour)],
                s::SMALL_SIZE,
                track_x + track_width + 10.0,
                self.baseline_shift(s::SMALL_SIZE, s::BODY_SIZE),
                VALUE_WIDTH,
            );
            items.extend(value_items);
            rows.push(Row {
                height: height.max(line) + 5.0,
                items,
            });
        }
        self.push(Block::whole(rows, 2.0));
        let caption = "Average rating per competency on the 1–4 scale. Questions not asked or \
                       without evidence are left out, not counted as low scores.";
        let rows = self.rows(
            &[Span::new(caption, Style::Regular, s::SECONDARY)],
            s::SMALL_SIZE,
            self.left,
            self.width,
        );
        self.push(Block::whole(rows, 2.0));
    }

    fn overview(&mut self, report: &Report) {
        self.heading("Question overview");
        if report.overview.is_empty() {
            self.text_or("", "No questions in this evaluation.");
            return;
        }
        let size = s::SMALL_SIZE;
        let number_width = 16.0;
        let competency_width = 90.0;
        let outcome_width = 92.0;
        let time_width = 66.0;
        let question_width = self.width
            - number_width
            - competency_width
            - outcome_width
            - time_width
            - 4.0 * CELL_GAP;
        let columns = {
            let mut x = self.left;
            let mut out = Vec::new();
            for width in [
                number_width,
                question_width,
                competency_width,
                outcome_width,
                time_width,
            ] {
                out.push((x, width));
                x += width + CELL_GAP;
            }
            out
        };
        let padding = 4.0;
        let header = {
            let mut items = Vec::new();
            let titles = ["#", "Question", "Competency", "Outcome", "Time / budget"];
            for (index, (&(x, width), title)) in columns.iter().zip(titles).enumerate() {
                let lines = self.wrap(&[Span::new(title, Style::Bold, s::SECONDARY)], size, width);
                for line in lines.iter().take(1) {
                    let x = if index == 4 {
                        x + width - line.width
                    } else {
                        x
                    };
                    items.push(self.item(line, x, padding, size));
                }
            }
            let height = padding * 2.0 + size * s::LINE_HEIGHT;
            items.push(self.rule(height - 0.5));
            Row { height, items }
        };
        let mut rows = vec![header.clone()];
        for row in &report.overview {
            let number = row.number.to_string();
            let cells: [(&str, Style, Colour, usize); 5] = [
                (&number, Style::Regular, s::SECONDARY, 1),
                (&row.prompt, Style::Regular, s::TEXT, 2),
                (&row.competency, Style::Regular, s::TEXT, 2),
                (&row.outcome, Style::Regular, s::TEXT, 3),
                (&row.time, Style::Regular, s::TEXT, 1),
            ];
            let mut items = Vec::new();
            let mut lines_used = 1;
            for (index, (&(x, width), (text, style, colour, max_lines))) in
                columns.iter().zip(cells).enumerate()
            {
                let atoms = wrap::atoms(self.fonts, &[Span::new(text, style, colour)], size);
                let lines = wrap::wrap_shortened(self.fonts, &atoms, width, max_lines, style, size);
                lines_used = lines_used.max(lines.len());
                for (i, line) in lines.iter().enumerate() {
                    let x = if index == 4 {
                        x + width - line.width
                    } else {
                        x
                    };
                    let top = padding + size * s::LINE_HEIGHT * i as f32;
                    items.push(self.item(line, x, top, size));
                }
            }
            let height = padding * 2.0 + size * s::LINE_HEIGHT * lines_used as f32;
            items.push(self.rule(height - 0.5));
            rows.push(Row { height, items });
        }
        self.push(Block {
            header: Some(header),
            ..Block::flowing(rows, 2.0)
        });
    }

    fn question(&mut self, question: &QuestionSection, total: usize, rule_above: bool) {
        // Heading: a thin rule between questions, then "Question 3 of 6 · Competency".
        let title = format!(
            "Question {} of {total} · {}",
            question.number, question.competency
        );
        let offset = if rule_above { 12.0 } else { 0.0 };
        let (mut items, height) = self.stack(
            &[Span::new(&title, Style::Bold, s::TEXT)],
            s::QUESTION_SIZE,
            self.left,
            offset,
            self.width,
        );
        if rule_above {
            items.push(self.rule(0.0));
        }
        self.push(Block {
            keep_with_next: true,
            ..Block::whole(
                vec![Row {
                    height: offset + height + 2.0,
                    items,
                }],
                if rule_above { 14.0 } else { 6.0 },
            )
        });

        let prompt = if question.prompt.trim().is_empty() {
            "(no prompt)"
        } else {
            question.prompt.trim()
        };
        let rows = self.rows(
            &[Span::new(prompt, Style::Regular, s::TEXT)],
            s::BODY_SIZE + 0.5,
            self.left,
            self.width,
        );
        self.push(Block {
            keep_with_next: true,
            ..Block::flowing(rows, 0.0)
        });

        let spans = [
            Span::new("Outcome  ", Style::Regular, s::SECONDARY),
            Span::new(&question.outcome, Style::Bold, s::TEXT),
            Span::new("      Time / budget  ", Style::Regular, s::SECONDARY),
            Span::new(&question.time, Style::Regular, s::TEXT),
        ];
        let rows = self.rows(&spans, s::SMALL_SIZE + 0.5, self.left, self.width);
        self.push(Block {
            keep_with_next: question.anchor.is_some(),
            ..Block::whole(rows, 5.0)
        });

        if let Some(anchor) = &question.anchor {
            let mut rows = self.rows(
                &[Span::new(anchor, Style::Regular, s::SECONDARY)],
                s::SMALL_SIZE,
                self.left + 10.0,
                self.width - 10.0,
            );
            for row in &mut rows {
                // One bar segment per line, so the bar follows the anchor across a page break.
                row.items.push(Item::Rule(Rule {
                    from: (self.left + 2.0, 0.0),
                    to: (self.left + 2.0, row.height),
                    thickness: 2.0,
                    colour: s::RULE,
                }));
            }
            self.push(Block::flowing(rows, 3.0));
        }

        if !question.key_points.is_empty() {
            let covered = question.key_points.iter().filter(|p| p.covered).count();
            let counts = format!("  ·  {covered} of {} covered", question.key_points.len());
            self.subheading(&[
                Span::new("Key points", Style::Bold, s::TEXT),
                Span::new(&counts, Style::Regular, s::SECONDARY),
            ]);
            for point in &question.key_points {
                self.key_point(point);
            }
        }

        if !question.red_flags.is_empty() {
            self.subheading(&[Span::new("Red flags observed", Style::Bold, s::TEXT)]);
            for flag in &question.red_flags {
                self.list_item("•", s::TEXT, flag, s::TEXT);
            }
        }

        self.subheading(&[Span::new("Notes", Style::Bold, s::TEXT)]);
        if question.notes.trim().is_empty() {
            let rows = self.rows(
                &[Span::new("No notes.", Style::Regular, s::SECONDARY)],
                s::BODY_SIZE,
                self.left,
                self.width,
            );
            self.push(Block::flowing(rows, 0.0));
        } else {
            self.paragraphs(&question.notes, s::BODY_SIZE, s::TEXT, 0.0);
        }
    }

    fn key_point(&mut self, point: &KeyPoint) {
        let (colour, mark, word) = if point.covered {
            (s::TEXT, '✓', "Covered: ")
        } else {
            (s::SECONDARY, '✗', "Not covered: ")
        };
        if self.fonts.bundled_has(mark, Style::Regular) {
            self.list_item(&mark.to_string(), colour, &point.text, colour);
        } else {
            // Without the marks, say it in words so the list still reads unambiguously.
            let rows = self.rows(
                &[
                    Span::new(word, Style::Bold, colour),
                    Span::new(&point.text, Style::Regular, colour),
                ],
                s::BODY_SIZE,
                self.left,
                self.width,
            );
            self.push(Block::flowing(rows, 2.0));
        }
    }

    /// A list entry: `mark` in the margin, `text` wrapped with a hanging indent.
    fn list_item(&mut self, mark: &str, mark_colour: Colour, text: &str, colour: Colour) {
        let mut rows = self.rows(
            &[Span::new(text, Style::Regular, colour)],
            s::BODY_SIZE,
            self.left + LIST_INDENT,
            self.width - LIST_INDENT,
        );
        let (mark_items, _) = self.stack(
            &[Span::new(mark, Style::Bold, mark_colour)],
            s::BODY_SIZE,
            self.left + 2.0,
            0.0,
            LIST_INDENT,
        );
        if let Some(first) = rows.first_mut() {
            first.items.extend(mark_items);
        }
        self.push(Block::flowing(rows, 2.0));
    }
}

/// Adds "candidate · Onsite evaluation · page X of Y" to the foot of every page, centred in
/// the band below the body. A very long name is shortened so the page number always shows.
pub fn footers(pages: &mut [Page], candidate: &str, fonts: &mut Fonts<'_>, frame: Frame) {
    let total = pages.len();
    let size = s::FOOTER_SIZE;
    let top = frame.height - s::MARGIN - size * s::LINE_HEIGHT;
    for (index, page) in pages.iter_mut().enumerate() {
        let full = content::footer(candidate, index + 1, total);
        let suffix = full.get(candidate.len()..).unwrap_or_default();
        let suffix = wrap::atoms(
            fonts,
            &[Span::new(suffix, Style::Regular, s::SECONDARY)],
            size,
        );
        let suffix_width: f32 = suffix.iter().map(|atom| atom.width).sum();
        let name = wrap::atoms(
            fonts,
            &[Span::new(candidate, Style::Regular, s::SECONDARY)],
            size,
        );
        let room = (frame.body_width() - suffix_width).max(0.0);
        let mut line = if name.iter().map(|atom| atom.width).sum::<f32>() <= room {
            Line::from_atoms(name)
        } else {
            wrap::wrap_shortened(fonts, &name, room, 1, Style::Regular, size)
                .into_iter()
                .next()
                .unwrap_or_default()
        };
        for atom in suffix {
            line.push(atom);
        }
        let x = frame.left() + (frame.body_width() - line.width).max(0.0) / 2.0;
        let mut text = text_line(fonts, &line, x, top, size);
        text.footer = true;
        page.items.push(Item::Text(text));
    }
}
