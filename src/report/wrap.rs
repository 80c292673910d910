//! Line breaking over shaped paragraphs, and each line put in display order.
//!
//! A line ends at the last break opportunity that fits ([`Paragraph::opportunities`]); a word
//! wider than the line is cut between grapheme clusters, never dropped. Each line's runs are
//! then ordered for display by their bidi levels, and every glyph gets its position. Spaces at
//! the end of a line hang: they are neither measured nor drawn.

use std::ops::Range;
use std::sync::Arc;

use unicode_bidi::ParagraphBidiInfo;

use super::fonts::{Fonts, Style};
use super::layout::{Link, PlacedGlyph, Run};
use super::paragraph::{Direction, Paragraph, ShapedRun};
use super::shape::ShapedGlyph;

pub use super::paragraph::Span;

/// Slack for rounding: advances summed in a different order must not push a word that fits
/// onto the next line.
const SLACK: f32 = 0.01;

/// A wrapped line, positioned from its own left edge.
#[derive(Clone, Debug, Default)]
pub struct Line {
    /// The glyph runs, in the order of the text; each glyph has its position from the line's
    /// left edge.
    pub runs: Vec<Run>,
    /// Width of the drawn text.
    pub width: f32,
    /// Whether its paragraph reads right to left (drawn right-aligned).
    pub rtl: bool,
    /// The line's characters as typed, trailing spaces removed.
    pub text: String,
    /// Web addresses on the line, as clickable areas.
    pub links: Vec<Link>,
}

impl Line {
    /// Appends `other` to the right of this line.
    pub fn append(&mut self, other: Line) {
        let shift = self.width;
        let text_shift = self.text.len() as u32;
        for mut run in other.runs {
            for glyph in &mut run.glyphs {
                glyph.x += shift;
                glyph.start += text_shift;
                glyph.end += text_shift;
            }
            self.runs.push(run);
        }
        for mut link in other.links {
            link.x += shift;
            self.links.push(link);
        }
        self.text.push_str(&other.text);
        self.width += other.width;
    }

    /// The line's text.
    pub fn text(&self) -> String {
        self.text.clone()
    }
}

/// Breaks `spans` into lines no wider than `width` points at `size` points, the paragraph's
/// direction taken from its text.
///
/// Leading spaces are kept (they are indentation typed on purpose). Empty input gives no lines.
pub fn wrap(fonts: &mut Fonts<'_>, spans: &[Span<'_>], size: f32, width: f32) -> Vec<Line> {
    wrap_in(fonts, spans, size, width, Direction::Auto)
}

/// Like [`wrap`], reading in `direction`: Onsite's own sentences around a name ("Ana's
/// evaluation was …", "Name   Solid (3 of 4)") read left to right even when the name is
/// Arabic or Hebrew, which the first strong character would otherwise decide.
pub fn wrap_in(
    fonts: &mut Fonts<'_>,
    spans: &[Span<'_>],
    size: f32,
    width: f32,
    direction: Direction,
) -> Vec<Line> {
    let paragraph = Paragraph::new(fonts, spans, size, direction);
    break_lines(&paragraph, width)
        .into_iter()
        .filter_map(|range| line(fonts, &paragraph, range))
        .collect()
}

/// `spans` on one line however wide, reading in `direction`.
pub fn one_line(
    fonts: &mut Fonts<'_>,
    spans: &[Span<'_>],
    size: f32,
    direction: Direction,
) -> Line {
    let paragraph = Paragraph::new(fonts, spans, size, direction);
    let end = paragraph.text.len();
    line(fonts, &paragraph, 0..end).unwrap_or_default()
}

/// The width of `spans` set on one line.
pub fn width_of(fonts: &mut Fonts<'_>, spans: &[Span<'_>], size: f32) -> f32 {
    let paragraph = Paragraph::new(fonts, spans, size, Direction::Auto);
    paragraph.visible_width(0, paragraph.text.len())
}

/// Wraps `spans` into at most `max_lines` lines, ending the last one with "…" when text had to
/// be left out. For table cells that show a shortened copy of text printed in full elsewhere.
pub fn shortened(
    fonts: &mut Fonts<'_>,
    spans: &[Span<'_>],
    size: f32,
    width: f32,
    max_lines: usize,
) -> Vec<Line> {
    let paragraph = Paragraph::new(fonts, spans, size, Direction::Auto);
    let ranges = break_lines(&paragraph, width);
    if ranges.len() <= max_lines || max_lines == 0 {
        return ranges
            .into_iter()
            .filter_map(|range| line(fonts, &paragraph, range))
            .collect();
    }
    let mut lines: Vec<Line> = ranges[..max_lines - 1]
        .iter()
        .filter_map(|range| line(fonts, &paragraph, range.clone()))
        .collect();
    let start = ranges[max_lines - 1].start;
    let (style, colour) = spans
        .last()
        .map_or((Style::Regular, super::style::TEXT), |span| {
            (span.style, span.colour)
        });
    let ellipsis = width_of(fonts, &[Span::new("…", style, colour)], size);
    let end = (start + 1..=paragraph.text.len())
        .filter(|&at| paragraph.is_boundary(at))
        .take_while(|&at| paragraph.visible_width(start, at) + ellipsis <= width + SLACK)
        .last()
        .unwrap_or(start);
    let end = paragraph.trim_end(start, end);
    // The kept text in its own spans, then the ellipsis in the style of the last one.
    let mut last: Vec<Span<'_>> = paragraph
        .spans
        .iter()
        .filter_map(|(range, style, colour)| {
            let from = range.start.max(start);
            let to = range.end.min(end);
            (from < to).then(|| Span::new(&paragraph.text[from..to], *style, *colour))
        })
        .collect();
    let last_style = last
        .last()
        .map_or((style, colour), |span| (span.style, span.colour));
    last.push(Span::new("…", last_style.0, last_style.1));
    lines.push(one_line(fonts, &last, size, Direction::Auto));
    lines
}

/// The byte ranges of the lines `paragraph` breaks into at `width` points.
fn break_lines(paragraph: &Paragraph, width: f32) -> Vec<Range<usize>> {
    let end = paragraph.text.len();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut fit: Option<usize> = None;
    let mut next = 0;
    let only_spaces =
        |from: usize, to: usize| paragraph.text[from..to].trim_start_matches(' ').is_empty();
    while start < end {
        let Some(&at) = paragraph.opportunities.get(next) else {
            lines.push(start..end);
            break;
        };
        if at <= start {
            next += 1;
            continue;
        }
        if paragraph.visible_width(start, at) <= width + SLACK || only_spaces(start, at) {
            fit = Some(at);
            next += 1;
            if at == end {
                lines.push(start..end);
                start = end;
            }
            continue;
        }
        match fit.filter(|&fit| !only_spaces(start, fit)) {
            Some(fit) => {
                lines.push(start..fit);
                start = fit;
            }
            None => {
                let cut = emergency_cut(paragraph, start, at, width);
                lines.push(start..cut);
                start = cut;
            }
        }
        fit = None;
    }
    lines
}

/// Where to cut the text from `start` that has no break opportunity before `limit` and is too
/// wide: after as many grapheme clusters as fit, and at least one.
fn emergency_cut(paragraph: &Paragraph, start: usize, limit: usize, width: f32) -> usize {
    let mut cut = None;
    for at in start + 1..=limit {
        if !paragraph.is_boundary(at) {
            continue;
        }
        if paragraph.visible_width(start, at) > width + SLACK {
            return cut.unwrap_or(at);
        }
        cut = Some(at);
    }
    limit
}

/// A run's piece on a line: the run, the piece's bytes, and its glyphs.
type Slice<'p> = (&'p ShapedRun, Range<usize>, Arc<[ShapedGlyph]>);

/// The line of `paragraph` from the bytes in `range`, in display order; `None` when it has
/// nothing visible.
fn line(fonts: &mut Fonts<'_>, paragraph: &Paragraph, range: Range<usize>) -> Option<Line> {
    let end = paragraph.trim_end(range.start, range.end);
    if end == range.start {
        return None;
    }
    let range = range.start..end;
    let size = paragraph.size;
    // The pieces of each run that fall on this line, in logical order.
    let mut slices: Vec<Slice<'_>> = Vec::new();
    for run in &paragraph.runs {
        let from = run.range.start.max(range.start);
        let to = run.range.end.min(range.end);
        if from >= to {
            continue;
        }
        let glyphs = if from == run.range.start && to == run.range.end {
            run.glyphs.clone()
        } else {
            slice_glyphs(fonts, paragraph, run, from..to)
        };
        slices.push((run, from..to, glyphs));
    }
    let levels: Vec<_> = slices.iter().map(|(run, _, _)| run.level).collect();
    let order = ParagraphBidiInfo::reorder_visual(&levels);

    let mut runs: Vec<Run> = slices
        .iter()
        .map(|(run, _, _)| Run {
            slot: run.slot,
            colour: run.colour,
            glyphs: Vec::new(),
        })
        .collect();
    let mut pen = 0.0;
    let mut links: Vec<Link> = Vec::new();
    for index in order {
        let Some((_, piece, glyphs)) = slices.get(index) else {
            continue;
        };
        // Where each cluster ends: at the next cluster start in the text's order.
        let mut starts: Vec<u32> = glyphs.iter().map(|glyph| glyph.cluster).collect();
        starts.sort_unstable();
        starts.dedup();
        for glyph in glyphs.iter() {
            let start = piece.start + glyph.cluster as usize;
            let next = starts.partition_point(|&c| c <= glyph.cluster);
            let stop = starts
                .get(next)
                .map_or(piece.end, |&c| piece.start + c as usize);
            let advance = glyph.advance * size;
            if let Some(url) = paragraph.urls.iter().find(|url| url.range.contains(&start)) {
                match links.last_mut() {
                    Some(link)
                        if link.target == url.target
                            && (link.x + link.width - pen).abs() < 0.01 =>
                    {
                        link.width += advance;
                    }
                    _ => links.push(Link {
                        x: pen,
                        width: advance,
                        target: url.target.clone(),
                    }),
                }
            }
            runs[index].glyphs.push(PlacedGlyph {
                gid: glyph.gid,
                x: pen + glyph.x_offset * size,
                // A rise under a twentieth of a point is rounding in the font's positioning.
                rise: if (glyph.y_offset * size).abs() < 0.05 {
                    0.0
                } else {
                    glyph.y_offset * size
                },
                advance,
                start: (start - range.start) as u32,
                end: (stop - range.start) as u32,
            });
            pen += advance;
        }
    }
    runs.retain(|run| !run.glyphs.is_empty());
    Some(Line {
        runs,
        width: pen,
        rtl: paragraph.rtl,
        text: paragraph.text[range].to_owned(),
        links,
    })
}

/// The glyphs of `run` for the bytes `piece`, shaped again on their own when the cut falls
/// where the shaper said a break would change the glyphs (inside an Arabic word, say).
fn slice_glyphs(
    fonts: &mut Fonts<'_>,
    paragraph: &Paragraph,
    run: &ShapedRun,
    piece: Range<usize>,
) -> Arc<[ShapedGlyph]> {
    let from = (piece.start - run.range.start) as u32;
    let to = (piece.end - run.range.start) as u32;
    let unsafe_cut = run
        .glyphs
        .iter()
        .any(|glyph| glyph.unsafe_to_break && (glyph.cluster == from || glyph.cluster == to));
    if unsafe_cut && !run.missing {
        return fonts.shape(run.slot, &paragraph.text[piece], run.script, run.rtl);
    }
    run.glyphs
        .iter()
        .filter(|glyph| glyph.cluster >= from && glyph.cluster < to)
        .map(|glyph| ShapedGlyph {
            cluster: glyph.cluster - from,
            ..*glyph
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::style::TEXT;

    fn lines(text: &str, width: f32) -> Vec<String> {
        let mut fonts = Fonts::new(&[]).unwrap();
        wrap(
            &mut fonts,
            &[Span::new(text, Style::Regular, TEXT)],
            10.0,
            width,
        )
        .iter()
        .map(Line::text)
        .collect()
    }

    #[test]
    fn breaks_at_spaces_and_keeps_every_word() {
        let text = "The quick brown fox jumps over the lazy dog again and again";
        let wrapped = lines(text, 80.0);
        assert!(wrapped.len() > 2);
        assert_eq!(wrapped.join(" "), text);
        assert!(wrapped.iter().all(|line| !line.ends_with(' ')));
    }

    #[test]
    fn long_words_are_broken_without_loss() {
        let word = "x".repeat(500);
        let mut fonts = Fonts::new(&[]).unwrap();
        let wrapped = wrap(
            &mut fonts,
            &[Span::new(&word, Style::Regular, TEXT)],
            10.0,
            100.0,
        );
        assert!(wrapped.len() > 5);
        assert!(wrapped.iter().all(|line| line.width <= 100.0 + 1e-3));
        assert_eq!(wrapped.iter().map(Line::text).collect::<String>(), word);
    }

    #[test]
    fn hyphens_are_break_points_and_accents_stay_attached() {
        assert_eq!(lines("cache-aside", 40.0), ["cache-", "aside"]);
        let accented = "e\u{0301}".repeat(40);
        for line in lines(&accented, 30.0) {
            assert!(!line.starts_with('\u{0301}'));
        }
    }

    #[test]
    fn urls_break_only_after_separators_and_become_links() {
        let url = "https://status.example.com/checkout-service/latency-dashboard?region=eu-west&window=30d";
        let text = format!("See {url} now");
        let mut fonts = Fonts::new(&[]).unwrap();
        let wrapped = wrap(
            &mut fonts,
            &[Span::new(&text, Style::Regular, TEXT)],
            10.0,
            150.0,
        );
        let mut offset = 0;
        for (index, line) in wrapped.iter().enumerate() {
            assert!(text[offset..].starts_with(&line.text), "{:?}", line.text);
            offset += line.text.len();
            let spaces = text[offset..].len() - text[offset..].trim_start().len();
            offset += spaces;
            if spaces == 0 && index + 1 < wrapped.len() {
                // Cut inside a word: only the address may be, and only after a separator.
                let last = line.text.chars().last().unwrap();
                assert!(matches!(last, '/' | '?' | '&' | '='), "cut after {last:?}");
            }
        }
        let links: Vec<&Link> = wrapped.iter().flat_map(|line| &line.links).collect();
        assert!(links.len() >= 2);
        assert!(
            links
                .iter()
                .all(|link| link.target == url && link.width > 0.0)
        );
    }

    #[test]
    fn indentation_is_kept_and_tabs_expand() {
        assert_eq!(lines("   - item", 200.0), ["   - item"]);
        assert_eq!(lines("\tx", 200.0), ["    x"]);
        assert!(lines("", 200.0).is_empty());
        assert!(lines("   ", 200.0).is_empty());
    }

    #[test]
    fn shortened_cells_end_with_an_ellipsis() {
        let mut fonts = Fonts::new(&[]).unwrap();
        let text = "word ".repeat(60);
        let spans = [Span::new(&text, Style::Regular, TEXT)];
        let shortened = shortened(&mut fonts, &spans, 10.0, 120.0, 2);
        assert_eq!(shortened.len(), 2);
        assert!(shortened[1].text.ends_with('…'));
        assert!(shortened[1].width <= 120.0 + 1e-3);
    }
}
