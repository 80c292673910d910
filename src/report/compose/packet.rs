//! The debrief packet's own pages: who said what, the competency grid, the gaps and the
//! questions several interviewers asked, side by side. Each evaluation in full follows, set by
//! the evaluation's own composer.

use jiff::tz::TimeZone;

use super::{CELL_GAP, Composer, GUTTER, LABEL_WIDTH, aligned};
use crate::domain::debrief::{self, Agreement, Cell, Debrief, GridRow, Panelist, SharedQuestion};
use crate::domain::{Recommendation, SealState};
use crate::report::content::{self, seal_text};
use crate::report::fonts::Style;
use crate::report::format;
use crate::report::layout::{Block, Item, Row, Shape};
use crate::report::paragraph::Direction;
use crate::report::style::{self as s, Colour};
use crate::report::wrap::{self, Span};

/// The packet's title.
pub const PACKET_TITLE: &str = "Debrief packet";

/// Indent of an interviewer's notes under their name in the side-by-side section.
pub(super) const NOTES_INDENT: f32 = 12.0;
/// Inner padding of table rows.
pub(super) const PADDING: f32 = 4.0;

/// The days the interviews took place: "24 Nov 2026", or "24 Nov 2026 – 26 Nov 2026".
pub fn date_range(debrief: &Debrief, zone: &TimeZone) -> String {
    match (debrief.first, debrief.last) {
        (Some(first), Some(last)) => {
            let (from, to) = (debrief::day(first, zone), debrief::day(last, zone));
            if from == to {
                from
            } else {
                format!("{from} – {to}")
            }
        }
        (Some(at), None) | (None, Some(at)) => debrief::day(at, zone),
        (None, None) => content::NOT_RECORDED.to_owned(),
    }
}

/// A grid cell in words: "3.5", "not asked", "no evidence", "—".
pub fn cell_text(cell: Cell) -> String {
    match cell {
        Cell::Rated { average, .. } => format!("{average:.1}"),
        other => other.label().to_owned(),
    }
}

/// The agreement column of a grid row: "Split · 3.0 apart", "Agree", …
pub fn agreement_text(row: &GridRow) -> String {
    let agreement = row.agreement();
    match (agreement, row.spread) {
        (Agreement::Split | Agreement::Close, Some(spread)) => {
            format!("{} · {spread:.1} apart", agreement.label())
        }
        _ => agreement.label().to_owned(),
    }
}

/// Why nobody rated a gap: "Ann: not asked · Bo: no evidence".
pub fn gap_reasons(debrief: &Debrief, cells: &[Cell]) -> String {
    let reasons: Vec<String> = cells
        .iter()
        .zip(&debrief.panelists)
        .filter(|(cell, _)| **cell != Cell::NotCovered)
        .map(|(cell, panelist)| format!("{}: {}", panelist.label, cell.label()))
        .collect();
    reasons.join(" · ")
}

/// The heading line of a shared question: "API design · asked by 3 · ratings 3.0 apart".
pub fn shared_heading(question: &SharedQuestion) -> String {
    let spread = question.spread();
    let mut heading = format!("{} · asked by {}", question.competency, question.askers());
    if spread > 0.0 {
        heading.push_str(&format!(" · ratings {spread:.1} apart"));
    }
    heading
}

/// The score of a panelist in words.
pub fn score_text(score: Option<f64>) -> String {
    score.map_or_else(|| "not scored".to_owned(), format::score)
}

impl Composer<'_, '_> {
    /// Page 1 onwards: everything before the evaluations in full. `tags` gets, for each block
    /// pushed, the panelists whose ratings it shows.
    pub(super) fn packet(
        &mut self,
        debrief: &Debrief,
        zone: &TimeZone,
        tags: &mut Vec<Vec<usize>>,
    ) {
        let everyone: Vec<usize> = (0..debrief.panelists.len()).collect();
        self.packet_title(debrief, zone);
        self.panel_spread(debrief);
        self.heading("Who said what");
        self.who_said_what(debrief, zone);
        tags.resize(self.blocks.len(), everyone.clone());
        if !debrief.warnings.is_empty() {
            self.heading("Before you read");
            for warning in &debrief.warnings {
                // Onsite's sentence around the names: left to right whatever the names are.
                let text = warning.describe(zone);
                self.list_item_in("!", s::ERROR, &text, s::TEXT, Direction::LeftToRight);
            }
        }
        tags.resize(self.blocks.len(), Vec::new());
        self.heading("Competency grid");
        self.grid(debrief);
        tags.resize(self.blocks.len(), everyone);
        self.gaps(debrief);
        tags.resize(self.blocks.len(), Vec::new());
        self.side_by_side(debrief, tags);
        self.summaries(debrief, tags);
    }

    fn packet_title(&mut self, debrief: &Debrief, zone: &TimeZone) {
        let mut rows = self.rows(
            &[Span::new(PACKET_TITLE, Style::Bold, s::TEXT)],
            s::TITLE_SIZE,
            self.left,
            self.width,
        );
        let caption = "Every interviewer’s feedback on one candidate, disagreement first. \
                       Private notes are never included.";
        rows.extend(self.rows(
            &[Span::new(caption, Style::Regular, s::SECONDARY)],
            s::BODY_SIZE,
            self.left,
            self.width,
        ));
        rows.push(self.rule_row(10.0, 14.0));
        self.push(Block::whole(rows, 0.0));

        let or_not = |text: &str| {
            if text.trim().is_empty() {
                content::NOT_RECORDED.to_owned()
            } else {
                text.trim().to_owned()
            }
        };
        let panel = match debrief.panelists.len() {
            1 => "1 interviewer".to_owned(),
            n => format!("{n} interviewers"),
        };
        let columns = [
            [
                ("Candidate", or_not(&debrief.candidate)),
                ("Role", or_not(&debrief.role)),
            ],
            [("Dates", date_range(debrief, zone)), ("Panel", panel)],
        ];
        let column = (self.width - GUTTER) / 2.0;
        let shift = self.baseline_shift(s::SMALL_SIZE, s::BODY_SIZE);
        let mut rows = Vec::new();
        for index in 0..2 {
            let mut items = Vec::new();
            let mut height: f32 = 0.0;
            for (side, fields) in columns.iter().enumerate() {
                let (label, value) = &fields[index];
                let x = self.left + side as f32 * (column + GUTTER);
                let (labels, _) = self.stack(
                    &[Span::new(label, Style::Regular, s::SECONDARY)],
                    s::SMALL_SIZE,
                    x,
                    shift,
                    LABEL_WIDTH - 6.0,
                );
                let (values, used) = self.stack(
                    &[Span::new(value, Style::Regular, s::TEXT)],
                    s::BODY_SIZE,
                    x + LABEL_WIDTH,
                    0.0,
                    column - LABEL_WIDTH,
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

    /// "The panel": a bar cut into one segment per panelist, coloured by recommendation, and
    /// the counts in words beside it.
    fn panel_spread(&mut self, debrief: &Debrief) {
        const BAR_WIDTH: f32 = 150.0;
        const BAR_HEIGHT: f32 = 10.0;
        let label_height = s::SMALL_SIZE * s::LINE_HEIGHT;
        let (mut items, _) = self.stack(
            &[Span::new("The panel", Style::Regular, s::SECONDARY)],
            s::SMALL_SIZE,
            self.left,
            0.0,
            self.width,
        );
        let top = label_height + 4.0;
        let text_size = s::BODY_SIZE + 2.0;
        let line = text_size * s::LINE_HEIGHT;
        let total = debrief.panelists.len().max(1) as f32;
        let mut x = self.left;
        let mut segments: Vec<(Option<Recommendation>, usize)> = debrief
            .spread
            .counts
            .iter()
            .map(|&(rec, n)| (Some(rec), n))
            .collect();
        segments.push((None, debrief.spread.undecided));
        for (rec, n) in segments.into_iter().filter(|&(_, n)| n > 0) {
            let width = BAR_WIDTH * n as f32 / total;
            items.push(Item::Shape(Shape {
                x,
                top: top + (line - BAR_HEIGHT) / 2.0,
                // A hairline of white between segments keeps equal colours countable.
                width: (width - 1.5).max(1.0),
                height: BAR_HEIGHT,
                radius: 2.0,
                fill: Some(rec.map_or(s::TRACK, s::recommendation_colour)),
                stroke: None,
            }));
            x += width;
        }
        let words = debrief.spread.to_string();
        let (text, height) = self.stack(
            &[Span::new(&words, Style::Bold, s::TEXT)],
            text_size,
            self.left + BAR_WIDTH + 14.0,
            top,
            self.width - BAR_WIDTH - 14.0,
        );
        items.extend(text);
        self.push(Block::whole(
            vec![Row {
                height: top + height.max(line),
                items,
            }],
            14.0,
        ));
    }

    /// A small recommendation badge at `x`, `top`: filled in its colour with white words, or
    /// outlined when none is chosen. Returns the items and the badge's height.
    fn small_badge(
        &mut self,
        recommendation: Option<Recommendation>,
        x: f32,
        top: f32,
        room: f32,
    ) -> (Vec<Item>, f32) {
        const SIZE: f32 = 8.5;
        let height = SIZE * s::LINE_HEIGHT + 5.0;
        let text = content::recommendation_label(recommendation);
        let (fill, stroke, ink) = match recommendation {
            Some(rec) => (Some(s::recommendation_colour(rec)), None, s::WHITE),
            None => (None, Some((s::SECONDARY, 0.8)), s::SECONDARY),
        };
        let lines = wrap::shortened(
            self.fonts,
            &[Span::new(text, Style::Bold, ink)],
            SIZE,
            room - 14.0,
            1,
        );
        let width = lines.first().map_or(0.0, |l| l.width) + 14.0;
        let mut items = vec![Item::Shape(Shape {
            x,
            top,
            width,
            height,
            radius: 4.0,
            fill,
            stroke,
        })];
        for line in &lines {
            items.push(self.item(line, x + 7.0, top + 2.5, SIZE));
        }
        (items, height)
    }

    /// Column positions from widths, left to right with [`CELL_GAP`] between.
    fn columns(&self, widths: &[f32]) -> Vec<(f32, f32)> {
        let mut x = self.left;
        widths
            .iter()
            .map(|&width| {
                let column = (x, width);
                x += width + CELL_GAP;
                column
            })
            .collect()
    }

    /// A table header row: bold secondary titles over `columns`, a rule below.
    fn table_header(&mut self, columns: &[(f32, f32)], titles: &[&str], max_lines: usize) -> Row {
        let size = s::SMALL_SIZE;
        let mut items = Vec::new();
        let mut used = 1;
        for (&(x, width), title) in columns.iter().zip(titles) {
            let lines = wrap::shortened(
                self.fonts,
                &[Span::new(title, Style::Bold, s::SECONDARY)],
                size,
                width,
                max_lines,
            );
            used = used.max(lines.len());
            for (i, line) in lines.iter().enumerate() {
                items.push(self.item(line, x, PADDING + size * s::LINE_HEIGHT * i as f32, size));
            }
        }
        let height = PADDING * 2.0 + size * s::LINE_HEIGHT * used as f32;
        items.push(self.rule(height - 0.5));
        Row { height, items }
    }

    fn who_said_what(&mut self, debrief: &Debrief, zone: &TimeZone) {
        let size = s::SMALL_SIZE;
        let columns = self.columns(&[150.0, 104.0, 56.0, self.width - 310.0 - 3.0 * CELL_GAP]);
        let header = self.table_header(
            &columns,
            &["Interviewer", "Recommendation", "Score", "Seal"],
            1,
        );
        let mut rows = vec![header.clone()];
        for panelist in &debrief.panelists {
            let mut items = Vec::new();
            let (name, name_height) = self.stack(
                &[Span::new(&panelist.label, Style::Bold, s::TEXT)],
                s::BODY_SIZE,
                columns[0].0,
                PADDING,
                columns[0].1,
            );
            items.extend(name);
            let detail = interview_line(panelist, zone);
            let (detail, detail_height) = self.stack(
                &[Span::new(&detail, Style::Regular, s::SECONDARY)],
                size - 0.5,
                columns[0].0,
                PADDING + name_height,
                columns[0].1,
            );
            items.extend(detail);
            let (badge, badge_height) =
                self.small_badge(panelist.recommendation, columns[1].0, PADDING, columns[1].1);
            items.extend(badge);
            let score = score_text(panelist.score);
            let colour = if panelist.score.is_some() {
                s::TEXT
            } else {
                s::SECONDARY
            };
            let (score, _) = self.stack(
                &[Span::new(&score, Style::Bold, colour)],
                s::BODY_SIZE,
                columns[2].0,
                PADDING,
                columns[2].1,
            );
            items.extend(score);
            let seal = seal_text(&panelist.seal, zone);
            let (colour, style) = match panelist.seal {
                SealState::Changed { .. } => (s::ERROR, Style::Bold),
                SealState::Intact { .. } => (s::TEXT, Style::Regular),
                SealState::NotSubmitted | SealState::Unsealed { .. } => {
                    (s::SECONDARY, Style::Regular)
                }
            };
            let (seal, seal_height) = self.stack(
                &[Span::new(&seal, style, colour)],
                size,
                columns[3].0,
                PADDING + self.baseline_shift(size, s::BODY_SIZE),
                columns[3].1,
            );
            items.extend(seal);
            let height = PADDING * 2.0
                + (name_height + detail_height)
                    .max(badge_height)
                    .max(seal_height);
            items.push(self.rule(height - 0.5));
            rows.push(Row { height, items });
        }
        self.push(Block {
            header: Some(header),
            ..Block::flowing(rows, 2.0)
        });
    }

    fn grid(&mut self, debrief: &Debrief) {
        let size = s::SMALL_SIZE;
        if debrief.grid.is_empty() {
            self.text_or("", "No questions in these evaluations.");
            return;
        }
        let count = debrief.panelists.len().max(1) as f32;
        let widest = debrief
            .grid
            .iter()
            .map(|row| self.width_of(&row.competency, Style::Regular, size))
            .fold(0.0, f32::max);
        let competency_width = (widest + 4.0).clamp(70.0, 130.0);
        let agreement_width = 84.0;
        let cell_width =
            ((self.width - competency_width - agreement_width) - CELL_GAP * (count + 1.0)) / count;
        let mut widths = vec![competency_width];
        widths.extend(std::iter::repeat_n(cell_width, debrief.panelists.len()));
        widths.push(agreement_width);
        let columns = self.columns(&widths);

        // The header: each interviewer's name over their column, with their recommendation in
        // its colour beneath, so a yes/no split can be read across the row.
        let header = {
            let mut items = Vec::new();
            let mut height: f32 = 0.0;
            let mut place =
                |composer: &mut Self, index: usize, spans: &[Span<'_>], top: f32, lines: usize| {
                    let (x, width) = columns[index];
                    let wrapped = wrap::shortened(composer.fonts, spans, size, width, lines);
                    let mut used = 0.0;
                    for (i, line) in wrapped.iter().enumerate() {
                        let centred = x + ((width - line.width) / 2.0).max(0.0);
                        let x = if index == 0 || index == columns.len() - 1 {
                            x
                        } else {
                            centred
                        };
                        items.push(composer.item(
                            line,
                            x,
                            top + size * s::LINE_HEIGHT * i as f32,
                            size,
                        ));
                        used += size * s::LINE_HEIGHT;
                    }
                    used
                };
            place(
                self,
                0,
                &[Span::new("Competency", Style::Bold, s::SECONDARY)],
                PADDING,
                1,
            );
            place(
                self,
                columns.len() - 1,
                &[Span::new("Agreement", Style::Bold, s::SECONDARY)],
                PADDING,
                1,
            );
            for (index, panelist) in debrief.panelists.iter().enumerate() {
                let name = place(
                    self,
                    index + 1,
                    &[Span::new(&panelist.label, Style::Bold, s::TEXT)],
                    PADDING,
                    2,
                );
                let (word, colour) = match panelist.recommendation {
                    Some(rec) => (rec.label(), s::recommendation_colour(rec)),
                    None => ("undecided", s::SECONDARY),
                };
                let rec = place(
                    self,
                    index + 1,
                    &[Span::new(word, Style::Bold, colour)],
                    PADDING + name,
                    1,
                );
                height = height.max(name + rec);
            }
            let height = PADDING * 2.0 + height.max(size * s::LINE_HEIGHT);
            items.push(self.rule(height - 0.5));
            Row { height, items }
        };

        let mut rows = vec![header.clone()];
        for row in &debrief.grid {
            let mut items = Vec::new();
            let mut used: f32 = size * s::LINE_HEIGHT;
            let agreement = row.agreement();
            let texts: Vec<(String, Style, Colour)> =
                std::iter::once((row.competency.clone(), Style::Regular, s::TEXT))
                    .chain(row.cells.iter().map(|&cell| match cell {
                        Cell::Rated { .. } => (cell_text(cell), Style::Bold, s::TEXT),
                        _ => (cell_text(cell), Style::Regular, s::SECONDARY),
                    }))
                    .chain(std::iter::once((
                        agreement_text(row),
                        if agreement == Agreement::Split {
                            Style::Bold
                        } else {
                            Style::Regular
                        },
                        s::TEXT,
                    )))
                    .collect();
            let last = texts.len() - 1;
            for (index, ((x, width), (text, style, colour))) in
                columns.iter().zip(&texts).enumerate()
            {
                let lines = wrap::shortened(
                    self.fonts,
                    &[Span::new(text, *style, *colour)],
                    size,
                    *width,
                    2,
                );
                used = used.max(size * s::LINE_HEIGHT * lines.len() as f32);
                for (i, line) in lines.iter().enumerate() {
                    let x = if index == 0 || index == last {
                        aligned(line, *x, *width)
                    } else {
                        x + ((width - line.width) / 2.0).max(0.0)
                    };
                    items.push(self.item(
                        line,
                        x,
                        PADDING + size * s::LINE_HEIGHT * i as f32,
                        size,
                    ));
                }
            }
            let height = PADDING * 2.0 + used;
            if agreement == Agreement::Split {
                // A quiet band behind the rows the committee should talk about first.
                items.insert(
                    0,
                    Item::Shape(Shape {
                        x: self.left - 3.0,
                        top: 0.5,
                        width: self.width + 6.0,
                        height: height - 1.0,
                        radius: 0.0,
                        fill: Some(s::TRACK),
                        stroke: None,
                    }),
                );
            }
            items.push(self.rule(height - 0.5));
            rows.push(Row { height, items });
        }
        self.push(Block {
            header: Some(header),
            ..Block::flowing(rows, 2.0)
        });
        let caption = "Each cell is that interviewer’s average for the competency on the 1–4 \
                       scale; “—” when none of their questions covers it. Rows run from the \
                       widest disagreement to agreement: split means ratings two or more levels \
                       apart.";
        let rows = self.rows(
            &[Span::new(caption, Style::Regular, s::SECONDARY)],
            s::SMALL_SIZE,
            self.left,
            self.width,
        );
        self.push(Block::whole(rows, 4.0));
    }
}

/// The line under an interviewer's name: the file and the day of the interview.
fn interview_line(panelist: &Panelist, zone: &TimeZone) -> String {
    let evaluation = &panelist.evaluation;
    match evaluation.started_at.or(evaluation.ended_at) {
        Some(at) => format!("{} · {}", panelist.file, debrief::day(at, zone)),
        None => panelist.file.clone(),
    }
}
