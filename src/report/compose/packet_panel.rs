//! The debrief packet's later pages: the gaps nobody covered, the questions several
//! interviewers asked side by side, and every interviewer's summary.

use super::Composer;
use super::packet::{NOTES_INDENT, gap_reasons, score_text, shared_heading};
use crate::domain::debrief::Debrief;
use crate::domain::scoring;
use crate::report::content;
use crate::report::fonts::Style;
use crate::report::layout::Block;
use crate::report::paragraph::Direction;
use crate::report::style::{self as s, Colour};
use crate::report::wrap::Span;

impl Composer<'_, '_> {
    pub(super) fn gaps(&mut self, debrief: &Debrief) {
        self.heading("Gaps");
        if debrief.gaps.is_empty() {
            self.text_or(
                "",
                "None: every competency the plans cover has at least one rating.",
            );
            return;
        }
        let intro = "Competencies the plans cover that nobody rated:";
        let rows = self.rows(
            &[Span::new(intro, Style::Regular, s::TEXT)],
            s::BODY_SIZE,
            self.left,
            self.width,
        );
        self.push(Block {
            keep_with_next: true,
            ..Block::whole(rows, 0.0)
        });
        for gap in &debrief.gaps {
            let reasons = gap_reasons(debrief, &gap.cells);
            let text = format!("{} — {reasons}", gap.competency);
            self.list_item("•", s::TEXT, &text, s::TEXT);
        }
    }

    pub(super) fn side_by_side(&mut self, debrief: &Debrief, tags: &mut Vec<Vec<usize>>) {
        self.heading("Side by side");
        if debrief.shared_questions.is_empty() {
            self.text_or("", "No question was asked by more than one interviewer.");
            tags.resize(self.blocks.len(), Vec::new());
            return;
        }
        let caption = "Questions more than one interviewer asked, the widest spread of ratings \
                       first, with each interviewer’s outcome and notes.";
        let rows = self.rows(
            &[Span::new(caption, Style::Regular, s::SECONDARY)],
            s::SMALL_SIZE,
            self.left,
            self.width,
        );
        self.push(Block {
            keep_with_next: true,
            ..Block::whole(rows, 0.0)
        });
        tags.resize(self.blocks.len(), Vec::new());
        for (index, question) in debrief.shared_questions.iter().enumerate() {
            let heading = shared_heading(question);
            self.question_heading(&heading, index > 0, 8.0);
            self.prompt(&question.prompt, s::BODY_SIZE + 0.5, true);
            tags.resize(self.blocks.len(), Vec::new());
            for entry in &question.answers {
                let Some(panelist) = debrief.panelists.get(entry.panelist) else {
                    continue;
                };
                let outcome = content::outcome_label(&entry.answer);
                let covered = if entry.answer.question.key_points.is_empty()
                    || entry.answer.outcome == crate::domain::Outcome::NotAsked
                {
                    String::new()
                } else {
                    format!(
                        "   ·   {} of {} key points covered",
                        entry.answer.covered.len(),
                        entry.answer.question.key_points.len()
                    )
                };
                let spans = [
                    Span::new(&panelist.label, Style::Bold, s::TEXT),
                    Span::new("   ", Style::Regular, s::TEXT),
                    Span::new(&outcome, Style::Bold, outcome_colour(&entry.answer)),
                    Span::new(&covered, Style::Regular, s::SECONDARY),
                ];
                let rows = self.rows_in(
                    &spans,
                    s::BODY_SIZE,
                    self.left,
                    self.width,
                    Direction::LeftToRight,
                );
                self.push(Block {
                    keep_with_next: true,
                    ..Block::whole(rows, 8.0)
                });
                let skipped = entry.answer.outcome == crate::domain::Outcome::NotAsked;
                if !(skipped && entry.answer.notes.trim().is_empty()) {
                    self.indented(NOTES_INDENT, |composer| {
                        composer.text_or(&entry.answer.notes, "No notes.");
                    });
                }
                tags.resize(self.blocks.len(), vec![entry.panelist]);
            }
        }
    }

    pub(super) fn summaries(&mut self, debrief: &Debrief, tags: &mut Vec<Vec<usize>>) {
        self.heading("Summaries");
        tags.resize(self.blocks.len(), Vec::new());
        for (index, panelist) in debrief.panelists.iter().enumerate() {
            let recommendation = content::recommendation_label(panelist.recommendation);
            let score = score_text(panelist.score);
            let colour = panelist
                .recommendation
                .map_or(s::SECONDARY, s::recommendation_colour);
            let detail = format!("   ·   {score}");
            let spans = [
                Span::new(&panelist.label, Style::Bold, s::TEXT),
                Span::new("   ", Style::Regular, s::TEXT),
                Span::new(recommendation, Style::Bold, colour),
                Span::new(&detail, Style::Regular, s::SECONDARY),
            ];
            let rows = self.rows(&spans, s::BODY_SIZE + 0.5, self.left, self.width);
            self.push(Block {
                keep_with_next: true,
                ..Block::whole(rows, if index > 0 { 12.0 } else { 2.0 })
            });
            self.indented(NOTES_INDENT, |composer| {
                composer.text_or(&panelist.evaluation.summary, "No summary written.");
            });
            tags.resize(self.blocks.len(), vec![index]);
        }
    }

    /// Runs `compose` with the body narrowed by `indent` on the left.
    pub(super) fn indented(&mut self, indent: f32, compose: impl FnOnce(&mut Self)) {
        let (left, width) = (self.left, self.width);
        self.left += indent;
        self.width -= indent;
        compose(self);
        self.left = left;
        self.width = width;
    }
}

/// An outcome's colour: text for a rating, secondary for the rest.
fn outcome_colour(answer: &crate::domain::Answer) -> Colour {
    if scoring::answer_score(answer).is_some() {
        s::TEXT
    } else {
        s::SECONDARY
    }
}
