//! The interview kit: a plan printed for preparing or for interviewing on paper. A cover with
//! the agenda and lines for who and when, one page (or more) per question with boxes to tick
//! and lined space for notes, and a last page for the recommendation and summary.

use super::{CELL_GAP, Composer, LIST_INDENT, aligned};
use crate::domain::{InterviewPlan, Outcome, Recommendation, ResolvedEntry, scoring};
use crate::report::fonts::Style;
use crate::report::format;
use crate::report::layout::{Block, Frame, Item, Page, Row, Rule, Shape};
use crate::report::style::{self as s, Colour};
use crate::report::wrap::{self, Span};

/// The kit's title.
pub const KIT_TITLE: &str = "Interview kit";

/// Side of a tick box.
const BOX: f32 = 8.5;
/// Distance between the writing lines.
const LINE_SPACING: f32 = 21.0;
/// Fewest writing lines under a question; with less room left, the notes go on a page of
/// their own.
const MIN_LINES: usize = 6;

/// The total time of `entries` in words: "1 h 15 min".
pub fn total_time(entries: &[ResolvedEntry]) -> String {
    let minutes: u64 = entries.iter().map(|e| u64::from(e.question.minutes)).sum();
    format::duration(minutes * 60)
}

impl Composer<'_, '_> {
    pub(super) fn kit_cover(&mut self, plan: &InterviewPlan, entries: &[ResolvedEntry]) {
        let mut rows = self.rows(
            &[Span::new(KIT_TITLE, Style::Bold, s::TEXT)],
            s::TITLE_SIZE,
            self.left,
            self.width,
        );
        let title = if plan.title.trim().is_empty() {
            "Untitled plan"
        } else {
            plan.title.trim()
        };
        rows.extend(self.rows(
            &[Span::new(title, Style::Bold, s::SECONDARY)],
            s::HEADING_SIZE,
            self.left,
            self.width,
        ));
        let count = match entries.len() {
            1 => "1 question".to_owned(),
            n => format!("{n} questions"),
        };
        let role = if plan.role.trim().is_empty() {
            "no role named"
        } else {
            plan.role.trim()
        };
        let facts = format!("{role}  ·  {}  ·  {count}", total_time(entries));
        rows.extend(self.rows(
            &[Span::new(&facts, Style::Regular, s::TEXT)],
            s::BODY_SIZE,
            self.left,
            self.width,
        ));
        rows.push(self.rule_row(10.0, 14.0));
        self.push(Block::whole(rows, 0.0));
        if !plan.description.trim().is_empty() {
            self.paragraphs(&plan.description, s::BODY_SIZE, s::SECONDARY, 0.0);
        }

        let mut rows = Vec::new();
        for label in ["Candidate", "Interviewer", "Date"] {
            rows.push(self.write_in(label));
        }
        self.push(Block::whole(rows, 14.0));

        self.heading("Agenda");
        self.agenda(entries);
        let how = "On each question page: tick the key points as the candidate covers them and \
                   any red flag you see, tick one rubric level (or “not asked” / “no \
                   evidence”: those are not low scores), and write what was said on the \
                   lines. The last page is for your recommendation and summary.";
        let rows = self.rows(
            &[Span::new(how, Style::Regular, s::SECONDARY)],
            s::SMALL_SIZE,
            self.left,
            self.width,
        );
        self.push(Block::whole(rows, 10.0));
    }

    /// "Label ________": a label and a line to write on.
    fn write_in(&mut self, label: &str) -> Row {
        let size = s::BODY_SIZE;
        let (mut items, _) = self.stack(
            &[Span::new(label, Style::Regular, s::SECONDARY)],
            size,
            self.left,
            6.0,
            90.0,
        );
        let height = 6.0 + size * s::LINE_HEIGHT + 8.0;
        items.push(Item::Rule(Rule {
            from: (self.left + 80.0, height - 6.0),
            to: (self.left + self.width, height - 6.0),
            thickness: 0.6,
            colour: s::SECONDARY,
        }));
        Row { height, items }
    }

    fn agenda(&mut self, entries: &[ResolvedEntry]) {
        if entries.is_empty() {
            self.text_or("", "This plan has no questions.");
            return;
        }
        let size = s::SMALL_SIZE;
        let number_width = 14.0;
        let fixed = [number_width, 0.0, 96.0, 44.0, 52.0];
        let question_width = self.width - fixed.iter().sum::<f32>() - 4.0 * CELL_GAP;
        let mut x = self.left;
        let columns: Vec<(f32, f32)> = fixed
            .iter()
            .enumerate()
            .map(|(i, &w)| {
                let width = if i == 1 { question_width } else { w };
                let column = (x, width);
                x += width + CELL_GAP;
                column
            })
            .collect();
        let padding = 4.0;
        let titles = ["#", "Question", "Competency", "Minutes", "Starts at"];
        let right_aligned = |index: usize| index >= 3;
        let mut header_items = Vec::new();
        for (index, (&(x, width), title)) in columns.iter().zip(titles).enumerate() {
            let lines = self.wrap(&[Span::new(title, Style::Bold, s::SECONDARY)], size, width);
            for line in lines.iter().take(1) {
                let x = if right_aligned(index) {
                    x + width - line.width
                } else {
                    x
                };
                header_items.push(self.item(line, x, padding, size));
            }
        }
        let height = padding * 2.0 + size * s::LINE_HEIGHT;
        header_items.push(self.rule(height - 0.5));
        let header = Row {
            height,
            items: header_items,
        };
        let mut rows = vec![header.clone()];
        let mut start = 0u64;
        for (index, entry) in entries.iter().enumerate() {
            let question = &entry.question;
            let number = (index + 1).to_string();
            let minutes = question.minutes.to_string();
            let starts = format::clock(start * 60);
            start += u64::from(question.minutes);
            let cells: [(Vec<Span<'_>>, usize); 5] = [
                (vec![Span::new(&number, Style::Regular, s::SECONDARY)], 1),
                (
                    Self::with_code(&question.prompt, Style::Regular, s::TEXT),
                    2,
                ),
                (
                    vec![Span::new(
                        scoring::competency_of_question(question),
                        Style::Regular,
                        s::TEXT,
                    )],
                    2,
                ),
                (vec![Span::new(&minutes, Style::Regular, s::TEXT)], 1),
                (vec![Span::new(&starts, Style::Regular, s::TEXT)], 1),
            ];
            let mut items = Vec::new();
            let mut used = 1;
            for (index, (&(x, width), (spans, max_lines))) in columns.iter().zip(cells).enumerate()
            {
                let lines = wrap::shortened(self.fonts, &spans, size, width, max_lines);
                used = used.max(lines.len());
                for (i, line) in lines.iter().enumerate() {
                    let x = if right_aligned(index) {
                        x + width - line.width
                    } else {
                        aligned(line, x, width)
                    };
                    items.push(self.item(
                        line,
                        x,
                        padding + size * s::LINE_HEIGHT * i as f32,
                        size,
                    ));
                }
            }
            let height = padding * 2.0 + size * s::LINE_HEIGHT * used as f32;
            items.push(self.rule(height - 0.5));
            rows.push(Row { height, items });
        }
        self.push(Block {
            header: Some(header),
            ..Block::flowing(rows, 2.0)
        });
    }

    /// The page (or pages) of one question.
    pub(super) fn kit_question(&mut self, number: usize, total: usize, entry: &ResolvedEntry) {
        let question = &entry.question;
        let competency = scoring::competency_of_question(question);
        let title = format!("Question {number} of {total} · {competency}");
        let budget = format!("{} min", question.minutes);
        let (mut items, height) = self.stack(
            &[Span::new(&title, Style::Bold, s::TEXT)],
            s::HEADING_SIZE,
            self.left,
            0.0,
            self.width - 70.0,
        );
        let budget_width = self.width_of(&budget, Style::Bold, s::HEADING_SIZE);
        let (budget_items, _) = self.stack(
            &[Span::new(&budget, Style::Bold, s::SECONDARY)],
            s::HEADING_SIZE,
            self.left + self.width - budget_width,
            0.0,
            budget_width + 1.0,
        );
        items.extend(budget_items);
        let mut rows = vec![Row {
            height: height + 4.0,
            items,
        }];
        rows.push(self.rule_row(2.0, 10.0));
        self.push(Block {
            keep_with_next: true,
            ..Block::whole(rows, 0.0)
        });

        self.prompt(&question.prompt, s::BODY_SIZE + 1.5, false);

        if !question.purpose.trim().is_empty() {
            self.subheading(&[Span::new("Why we ask", Style::Bold, s::TEXT)]);
            self.paragraphs(&question.purpose, s::BODY_SIZE, s::SECONDARY, 0.0);
        }
        if !question.key_points.is_empty() {
            self.subheading(&[
                Span::new("Key points", Style::Bold, s::TEXT),
                Span::new(
                    "  ·  tick what the answer covers",
                    Style::Regular,
                    s::SECONDARY,
                ),
            ]);
            for point in &question.key_points {
                self.tick_item(&Self::with_code(point, Style::Regular, s::TEXT));
            }
        }
        if !question.follow_ups.is_empty() {
            self.subheading(&[Span::new("Follow-ups", Style::Bold, s::TEXT)]);
            for follow_up in &question.follow_ups {
                self.list_item("•", s::SECONDARY, follow_up, s::TEXT);
            }
        }
        if !question.red_flags.is_empty() {
            self.subheading(&[
                Span::new("Red flags", Style::Bold, s::TEXT),
                Span::new("  ·  tick any you see", Style::Regular, s::SECONDARY),
            ]);
            for flag in &question.red_flags {
                self.tick_item(&Self::with_code(flag, Style::Regular, s::TEXT));
            }
        }
        self.subheading(&[
            Span::new("Rating", Style::Bold, s::TEXT),
            Span::new("  ·  tick one", Style::Regular, s::SECONDARY),
        ]);
        let rubric = question.rubric.clone().unwrap_or_default();
        for level in &rubric.levels {
            let label = if level.label.trim().is_empty() {
                format!("{}", level.score)
            } else {
                format!("{} · {}", level.score, level.label.trim())
            };
            let mut spans = vec![
                Span::new(&label, Style::Bold, s::TEXT),
                Span::new("   ", Style::Regular, s::TEXT),
            ];
            spans.extend(Self::with_code(
                level.anchor.trim(),
                Style::Regular,
                s::SECONDARY,
            ));
            self.tick_item(&spans);
        }
        self.absent_boxes();
        if !question.guidance.trim().is_empty() {
            self.subheading(&[Span::new("Rating guidance", Style::Bold, s::TEXT)]);
            self.paragraphs(&question.guidance, s::BODY_SIZE, s::SECONDARY, 0.0);
        }
        let time = format!("Time spent  ________  of {} min", question.minutes);
        let rows = self.rows(
            &[Span::new(&time, Style::Regular, s::SECONDARY)],
            s::SMALL_SIZE,
            self.left,
            self.width,
        );
        self.push(Block::whole(rows, 10.0));
        self.subheading(&[Span::new("Notes", Style::Bold, s::TEXT)]);
        self.writing_lines(MIN_LINES);
    }

    /// The last page: the recommendation to tick and lines for the summary.
    pub(super) fn kit_closing(&mut self) {
        self.heading("Recommendation");
        let rows = self.rows(
            &[Span::new(
                "Tick one. There is no middle: decide which way the evidence leans.",
                Style::Regular,
                s::SECONDARY,
            )],
            s::SMALL_SIZE,
            self.left,
            self.width,
        );
        self.push(Block {
            keep_with_next: true,
            ..Block::whole(rows, 0.0)
        });
        let line = s::BODY_SIZE * s::LINE_HEIGHT;
        let mut items = Vec::new();
        let step = self.width / Recommendation::ALL.len() as f32;
        for (index, recommendation) in Recommendation::ALL.iter().enumerate() {
            let x = self.left + step * index as f32;
            items.push(tick_box(x, (line - BOX) / 2.0 + 6.0));
            let (label, _) = self.stack(
                &[Span::new(recommendation.label(), Style::Bold, s::TEXT)],
                s::BODY_SIZE,
                x + BOX + 6.0,
                6.0,
                step - BOX - 10.0,
            );
            items.extend(label);
        }
        self.push(Block::whole(
            vec![Row {
                height: line + 12.0,
                items,
            }],
            4.0,
        ));
        self.heading("Summary for the hiring committee");
        self.writing_lines(MIN_LINES);
    }

    /// A list entry with a box to tick in the margin and `spans` wrapped beside it.
    fn tick_item(&mut self, spans: &[Span<'_>]) {
        let mut rows = self.rows(
            spans,
            s::BODY_SIZE,
            self.left + LIST_INDENT,
            self.width - LIST_INDENT,
        );
        let line = s::BODY_SIZE * s::LINE_HEIGHT;
        if let Some(first) = rows.first_mut() {
            first
                .items
                .push(tick_box(self.left + 1.0, (line - BOX) / 2.0));
        }
        self.push(Block::flowing(rows, 3.0));
    }

    /// "□ Not asked   □ No evidence" on one line.
    fn absent_boxes(&mut self) {
        let line = s::BODY_SIZE * s::LINE_HEIGHT;
        let mut items = Vec::new();
        let mut x = self.left + 1.0;
        for outcome in [Outcome::NotAsked, Outcome::NoEvidence] {
            items.push(tick_box(x, (line - BOX) / 2.0));
            let label = outcome.label();
            let (text, _) = self.stack(
                &[Span::new(label, Style::Regular, s::SECONDARY)],
                s::BODY_SIZE,
                x + LIST_INDENT - 1.0,
                0.0,
                140.0,
            );
            items.extend(text);
            x += LIST_INDENT + self.width_of(label, Style::Regular, s::BODY_SIZE) + 24.0;
        }
        self.push(Block::whole(
            vec![Row {
                height: line,
                items,
            }],
            5.0,
        ));
    }

    /// `count` ruled lines to write on, kept together with what comes before them.
    fn writing_lines(&mut self, count: usize) {
        let rows = (0..count)
            .map(|_| Row {
                height: LINE_SPACING,
                items: vec![writing_line(self.left, self.width, LINE_SPACING - 0.5)],
            })
            .collect();
        self.push(Block::whole(rows, 0.0));
    }
}

/// An empty box to tick, at `x`, `top`.
fn tick_box(x: f32, top: f32) -> Item {
    Item::Shape(Shape {
        x,
        top,
        width: BOX,
        height: BOX,
        radius: 1.5,
        fill: None,
        stroke: Some((s::SECONDARY, 0.8)),
    })
}

fn writing_line(left: f32, width: f32, y: f32) -> Item {
    Item::Rule(Rule {
        from: (left, y),
        to: (left + width, y),
        thickness: 0.5,
        colour: WRITING_LINE,
    })
}

/// The colour of lines to write on: the rules' grey, which prints faint but visible.
const WRITING_LINE: Colour = s::RULE;

/// Fills the rest of `page` below everything on it with lines to write on, so notes have the
/// whole page.
pub fn fill_with_lines(page: &mut Page, frame: Frame) {
    let bottom = page
        .items
        .iter()
        .map(|item| match item {
            Item::Text(line) => line.bottom(),
            Item::Shape(shape) => shape.top + shape.height,
            Item::Rule(rule) => rule.from.1.max(rule.to.1),
        })
        .fold(frame.top, f32::max);
    let mut y = bottom + LINE_SPACING;
    // The last line stays clear of the footer.
    while y <= frame.bottom - 6.0 {
        page.items
            .push(writing_line(frame.left(), frame.body_width(), y));
        y += LINE_SPACING;
    }
}
