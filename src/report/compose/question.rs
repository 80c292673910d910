//! One section per question: heading, prompt, outcome with its rubric anchor, key points,
//! red flags and notes.

use super::{Composer, LIST_INDENT};
use crate::report::content::{self, KeyPoint, QuestionSection};
use crate::report::fonts::Style;
use crate::report::layout::{Block, Item, Row, Rule};
use crate::report::paragraph::Direction;
use crate::report::style::{self as s, Colour};
use crate::report::wrap::Span;

impl Composer<'_, '_> {
    pub(super) fn question(&mut self, question: &QuestionSection, total: usize, rule_above: bool) {
        // Heading: a thin rule between questions, then "Question 3 of 6 · Competency".
        let title = format!(
            "Question {} of {total} · {}",
            question.number, question.competency
        );
        self.question_heading(&title, rule_above, 6.0);

        self.prompt(&question.prompt, s::BODY_SIZE + 0.5, true);

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
                &Self::with_code(anchor, Style::Regular, s::SECONDARY),
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
            let counts = format!(
                "  ·  {covered} of {} covered, the others not mentioned",
                question.key_points.len()
            );
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

    /// A key point: ✓ when the candidate covered it, a hollow circle (not a cross) when not:
    /// an unticked point is one the answer did not mention, not one it failed.
    fn key_point(&mut self, point: &KeyPoint) {
        let (colour, mark, word) = if point.covered {
            (s::TEXT, content::COVERED_MARK, "Covered: ")
        } else {
            (s::SECONDARY, content::NOT_MENTIONED_MARK, "Not mentioned: ")
        };
        if self.fonts.bundled_has(mark, Style::Regular) {
            self.list_item(&mark.to_string(), colour, &point.text, colour);
        } else {
            // Without the marks, say it in words so the list still reads unambiguously.
            let mut spans = vec![Span::new(word, Style::Bold, colour)];
            spans.extend(Self::with_code(&point.text, Style::Regular, colour));
            let rows = self.rows(&spans, s::BODY_SIZE, self.left, self.width);
            self.push(Block::flowing(rows, 2.0));
        }
    }

    /// A question's heading in bold, under a thin rule when `rule_above` (between questions),
    /// kept with what follows; `gap` above it when there is no rule.
    pub(super) fn question_heading(&mut self, title: &str, rule_above: bool, gap: f32) {
        let offset = if rule_above { 12.0 } else { 0.0 };
        let (mut items, height) = self.stack(
            &[Span::new(title, Style::Bold, s::TEXT)],
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
                if rule_above { 14.0 } else { gap },
            )
        });
    }

    /// A question's prompt (or "(no prompt)"), with its inline code, at `size`; kept with
    /// what follows when `keep_with_next`.
    pub(super) fn prompt(&mut self, prompt: &str, size: f32, keep_with_next: bool) {
        let prompt = if prompt.trim().is_empty() {
            "(no prompt)"
        } else {
            prompt.trim()
        };
        let rows = self.rows(
            &Self::with_code(prompt, Style::Regular, s::TEXT),
            size,
            self.left,
            self.width,
        );
        self.push(Block {
            keep_with_next,
            ..Block::flowing(rows, 0.0)
        });
    }

    /// A list entry: `mark` in the margin, `text` wrapped with a hanging indent.
    pub(super) fn list_item(
        &mut self,
        mark: &str,
        mark_colour: Colour,
        text: &str,
        colour: Colour,
    ) {
        self.list_item_in(mark, mark_colour, text, colour, Direction::Auto);
    }

    /// Like [`Self::list_item`], the text reading in `direction`.
    pub(super) fn list_item_in(
        &mut self,
        mark: &str,
        mark_colour: Colour,
        text: &str,
        colour: Colour,
        direction: Direction,
    ) {
        let mut rows = self.rows_in(
            &Self::with_code(text, Style::Regular, colour),
            s::BODY_SIZE,
            self.left + LIST_INDENT,
            self.width - LIST_INDENT,
            direction,
        );
        let (mark_items, _) = self.stack(
            &[Span::new(mark, Style::Regular, mark_colour)],
            s::BODY_SIZE,
            self.left + 2.0,
            0.0,
            LIST_INDENT,
        );
        if let Some(first) = rows.first_mut() {
            // The mark first, so text copied from the PDF reads "• item", not "item line •".
            first.items.splice(0..0, mark_items);
        }
        self.push(Block::flowing(rows, 2.0));
    }
}
