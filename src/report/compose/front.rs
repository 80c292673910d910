//! Page 1 of the report: title, header, verdict, competency chart and question overview.

use super::{CELL_GAP, Composer, GUTTER, LABEL_WIDTH, aligned};
use crate::report::content::{self, Report};
use crate::report::fonts::Style;
use crate::report::format;
use crate::report::layout::{Block, Item, Row, Shape};
use crate::report::style as s;
use crate::report::wrap::{self, Span};

impl Composer<'_, '_> {
    pub(super) fn title(&mut self, report: &Report) {
        let mut rows = self.rows(
            &[Span::new(content::TITLE, Style::Bold, s::TEXT)],
            s::TITLE_SIZE,
            self.left,
            self.width,
        );
        if let (Some(mark), Some(first)) = (report.title_mark, rows.first_mut()) {
            let colour = match mark {
                content::TitleMark::Draft => s::TEXT,
                content::TitleMark::Changed => s::ERROR,
            };
            let height = first.height;
            let right = self.left + self.width;
            let badge = self.outlined_badge(mark.label(), (colour, 11.0), right, 0.0, height);
            first.items.extend(badge);
        }
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

    pub(super) fn header(&mut self, report: &Report) {
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
                let colour = if field.value == content::NOT_RECORDED {
                    s::SECONDARY
                } else {
                    s::TEXT
                };
                let (values, used) = self.stack(
                    &[Span::new(&field.value, Style::Regular, colour)],
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
    pub(super) fn verdict(&mut self, report: &Report) {
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

    pub(super) fn competencies(&mut self, report: &Report) {
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

    pub(super) fn overview(&mut self, report: &Report) {
        self.heading("Question overview");
        if report.overview.is_empty() {
            self.text_or("", "No questions in this evaluation.");
            return;
        }
        let size = s::SMALL_SIZE;
        let widest_number = report.overview.len().to_string();
        let number_width = self
            .width_of(&widest_number, Style::Regular, size)
            .max(12.0);
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
            let cells: [(Vec<Span<'_>>, usize); 5] = [
                (vec![Span::new(&number, Style::Regular, s::SECONDARY)], 1),
                (Self::with_code(&row.prompt, Style::Regular, s::TEXT), 2),
                (vec![Span::new(&row.competency, Style::Regular, s::TEXT)], 2),
                (vec![Span::new(&row.outcome, Style::Regular, s::TEXT)], 3),
                (vec![Span::new(&row.time, Style::Regular, s::TEXT)], 1),
            ];
            let mut items = Vec::new();
            let mut lines_used = 1;
            for (index, (&(x, width), (spans, max_lines))) in columns.iter().zip(cells).enumerate()
            {
                let lines = wrap::shortened(self.fonts, &spans, size, width, max_lines);
                lines_used = lines_used.max(lines.len());
                for (i, line) in lines.iter().enumerate() {
                    let x = if index == 4 {
                        x + width - line.width
                    } else {
                        aligned(line, x, width)
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
}
