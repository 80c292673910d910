//! One paragraph made ready for line breaking: its text, bidi levels, runs shaped by font,
//! script and direction, the width of every prefix and the places a line may end.
//!
//! The steps follow the typesetters: bidi levels for the paragraph (`unicode-bidi`), then
//! grapheme clusters grouped into runs of one face, script, level and colour, then each run
//! shaped ([`super::shape`]), then UAX #14 break opportunities (`unicode-linebreak`) kept
//! where they fall between glyph clusters. Web addresses only break after `/`, `?`, `&` or `=`.

use std::ops::Range;
use std::sync::Arc;

use unicode_bidi::{Level, ParagraphBidiInfo};
use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_script::{Script, UnicodeScript};
use unicode_segmentation::UnicodeSegmentation;

use super::fonts::{EMOJI_SLOT, Fonts, Slot, Style, is_emoji_presentation, is_invisible};
use super::inline::{self, Url};
use super::shape::ShapedGlyph;
use super::style::{self, Colour};

/// A piece of text in one face and colour.
#[derive(Clone, Debug)]
pub struct Span<'t> {
    /// The text; line breaks in it are treated as spaces (split hard lines before wrapping).
    pub text: &'t str,
    /// The face.
    pub style: Style,
    /// Fill colour.
    pub colour: Colour,
}

impl<'t> Span<'t> {
    /// A span in `style` and `colour`.
    pub fn new(text: &'t str, style: Style, colour: Colour) -> Self {
        Self {
            text,
            style,
            colour,
        }
    }
}

/// Which way a paragraph reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// From its first strongly directional character (right to left for Hebrew or Arabic).
    Auto,
    /// Left to right whatever it holds (a footer is an English sentence around a name).
    LeftToRight,
}

/// A run of glyphs shaped together.
#[derive(Clone, Debug)]
pub struct ShapedRun {
    /// Its bytes in the paragraph's text.
    pub range: Range<usize>,
    /// The face that draws it.
    pub slot: Slot,
    /// Its script.
    pub script: Script,
    /// Whether it reads right to left.
    pub rtl: bool,
    /// Its bidi embedding level, for reordering.
    pub level: Level,
    /// Fill colour.
    pub colour: Colour,
    /// Whether no face has its text: it is drawn as missing-glyph boxes.
    pub missing: bool,
    /// The glyphs in drawing order; clusters count from `range.start`.
    pub glyphs: Arc<[ShapedGlyph]>,
}

/// A paragraph ready to break into lines.
pub struct Paragraph {
    /// The text as drawn: tabs as four spaces, line breaks as spaces, controls dropped.
    pub text: String,
    /// Type size in points.
    pub size: f32,
    /// Whether it reads right to left.
    pub rtl: bool,
    /// The runs in logical order.
    pub runs: Vec<ShapedRun>,
    /// `offsets[i]`: the advance of the text before byte `i`, in points (valid at cluster
    /// boundaries).
    offsets: Vec<f32>,
    /// `boundary[i]`: whether a line may be cut before byte `i` when a word is wider than the
    /// line (between grapheme clusters that the shaper kept apart).
    boundary: Vec<bool>,
    /// Where a line may end, ascending, ending with the text's length.
    pub opportunities: Vec<usize>,
    /// Web addresses, in order.
    pub urls: Vec<Url>,
    /// Each span's bytes in `text`, with its face and colour.
    pub spans: Vec<(Range<usize>, Style, Colour)>,
}

impl Paragraph {
    /// Shapes `spans` at `size` points.
    pub fn new(fonts: &mut Fonts<'_>, spans: &[Span<'_>], size: f32, direction: Direction) -> Self {
        let (text, span_starts) = clean_text(spans);
        let urls = inline::urls(&text);
        let bidi = text.chars().any(|c| c >= '\u{0590}').then(|| {
            let base = match direction {
                Direction::Auto => None,
                Direction::LeftToRight => Some(Level::ltr()),
            };
            let info = ParagraphBidiInfo::new(&text, base);
            (info.levels.clone(), info.paragraph_level.is_rtl())
        });
        let rtl = bidi.as_ref().is_some_and(|(_, rtl)| *rtl);
        let level_at = |at: usize| {
            bidi.as_ref()
                .and_then(|(levels, _)| levels.get(at).copied())
                .unwrap_or_else(Level::ltr)
        };

        let graphemes = itemize(fonts, &text, spans, &span_starts);
        let mut runs: Vec<ShapedRun> = Vec::new();
        for grapheme in graphemes {
            let level = level_at(grapheme.range.start);
            let in_url = urls
                .iter()
                .any(|url| url.range.contains(&grapheme.range.start));
            let colour = if in_url {
                style::ACCENT
            } else {
                spans
                    .get(grapheme.span)
                    .map_or(style::TEXT, |span| span.colour)
            };
            if let Some(run) = runs.last_mut()
                && run.slot == grapheme.slot
                && run.script == grapheme.script
                && run.level == level
                && run.colour == colour
                && run.missing == grapheme.missing
            {
                run.range.end = grapheme.range.end;
                continue;
            }
            runs.push(ShapedRun {
                range: grapheme.range,
                slot: grapheme.slot,
                script: grapheme.script,
                rtl: level.is_rtl(),
                level,
                colour,
                missing: grapheme.missing,
                glyphs: Arc::from(Vec::new()),
            });
        }
        for run in &mut runs {
            let run_text = &text[run.range.clone()];
            if run.missing {
                run.glyphs = missing_glyphs(fonts, run.slot, run_text);
                continue;
            }
            run.glyphs = fonts.shape(run.slot, run_text, run.script, run.rtl);
            if run.slot == EMOJI_SLOT {
                run.glyphs = without_undrawn_modifiers(&run.glyphs);
            }
            // A mark the face lacks inside a grapheme it otherwise has comes back as glyph 0.
            for glyph in run.glyphs.iter().filter(|glyph| glyph.gid == 0) {
                let end =
                    next_cluster(&run.glyphs, glyph.cluster).map_or(run_text.len(), |c| c as usize);
                if let Some(chars) = run_text.get(glyph.cluster as usize..end) {
                    fonts.record_missing(chars);
                }
            }
        }

        let mut advance_at = vec![0.0f32; text.len() + 1];
        let mut boundary = vec![false; text.len() + 1];
        for run in &runs {
            boundary[run.range.start] = true;
            for glyph in run.glyphs.iter() {
                let at = run.range.start + glyph.cluster as usize;
                if let Some(slot) = advance_at.get_mut(at) {
                    *slot += glyph.advance * size;
                }
                if let Some(flag) = boundary.get_mut(at) {
                    *flag = true;
                }
            }
        }
        boundary[text.len()] = true;
        // Only grapheme boundaries: a cluster the shaper split (a mark drawn apart) stays whole.
        let mut grapheme_starts = vec![false; text.len() + 1];
        for (at, _) in text.grapheme_indices(true) {
            grapheme_starts[at] = true;
        }
        grapheme_starts[text.len()] = true;
        for (flag, starts) in boundary.iter_mut().zip(&grapheme_starts) {
            *flag &= *starts;
        }
        let mut offsets = Vec::with_capacity(text.len() + 1);
        let mut sum = 0.0;
        for advance in &advance_at {
            offsets.push(sum);
            sum += advance;
        }

        let opportunities = linebreaks(&text)
            .filter(|&(at, kind)| {
                kind == BreakOpportunity::Mandatory
                    || (boundary[at]
                        && !urls
                            .iter()
                            .any(|url| url.range.contains(&at) && at > url.range.start))
            })
            .map(|(at, _)| at)
            .chain(urls.iter().flat_map(|url| {
                (url.range.start + 1..url.range.end)
                    .filter(|&at| boundary[at] && inline::may_break_url(&text, &url.range, at))
            }))
            .collect::<std::collections::BTreeSet<usize>>()
            .into_iter()
            .collect();

        let spans = spans
            .iter()
            .zip(&span_starts)
            .enumerate()
            .map(|(index, (span, &start))| {
                let end = span_starts.get(index + 1).copied().unwrap_or(text.len());
                (start..end, span.style, span.colour)
            })
            .collect();
        Self {
            text,
            size,
            rtl,
            runs,
            offsets,
            boundary,
            opportunities,
            urls,
            spans,
        }
    }

    /// Width in points of bytes `from..to` (both cluster boundaries).
    pub fn width(&self, from: usize, to: usize) -> f32 {
        let at = |i: usize| self.offsets.get(i).copied().unwrap_or(0.0);
        at(to) - at(from)
    }

    /// `to` moved back over the spaces before it: where the visible text of a line ends.
    pub fn trim_end(&self, from: usize, to: usize) -> usize {
        let trimmed = self.text[from..to].trim_end_matches(' ');
        from + trimmed.len()
    }

    /// Width of `from..to` without trailing spaces, which hang past a line's end.
    pub fn visible_width(&self, from: usize, to: usize) -> f32 {
        self.width(from, self.trim_end(from, to))
    }

    /// Whether a line may be cut at `at` inside a word.
    pub fn is_boundary(&self, at: usize) -> bool {
        self.boundary.get(at).copied().unwrap_or(false)
    }
}

/// The paragraph's text with each span's starting byte.
fn clean_text(spans: &[Span<'_>]) -> (String, Vec<usize>) {
    let mut text = String::with_capacity(spans.iter().map(|span| span.text.len()).sum());
    let mut starts = Vec::with_capacity(spans.len());
    for span in spans {
        starts.push(text.len());
        for c in span.text.chars() {
            match c {
                '\t' => text.push_str("    "),
                '\n' | '\u{2028}' | '\u{2029}' => text.push(' '),
                '\u{00AD}' => {}
                c if c.is_control() => {}
                c => text.push(c),
            }
        }
    }
    (text, starts)
}

/// A grapheme cluster with the face, script and span it belongs to.
struct Grapheme {
    range: Range<usize>,
    slot: Slot,
    script: Script,
    span: usize,
    missing: bool,
}

/// Resolves each grapheme cluster to a face and a script. Punctuation, spaces and digits
/// (script Common) take the script of the text before them, or after them at the start, and
/// stay in the face before them when it has them, so runs are not cut at every space.
fn itemize(
    fonts: &mut Fonts<'_>,
    text: &str,
    spans: &[Span<'_>],
    span_starts: &[usize],
) -> Vec<Grapheme> {
    let span_at = |at: usize| {
        span_starts
            .partition_point(|&start| start <= at)
            .saturating_sub(1)
    };
    let mut out: Vec<Grapheme> = Vec::new();
    let mut last_script: Option<Script> = None;
    for (at, grapheme) in text.grapheme_indices(true) {
        let range = at..at + grapheme.len();
        let span = span_at(at);
        let style = spans.get(span).map_or(Style::Regular, |span| span.style);
        let own = grapheme
            .chars()
            .map(|c| c.script())
            .find(|script| !matches!(script, Script::Common | Script::Inherited | Script::Unknown));
        let script = match own {
            Some(script) => {
                if last_script.is_none() {
                    // Common text before the first letter takes that letter's script.
                    for earlier in &mut out {
                        earlier.script = script;
                    }
                }
                last_script = Some(script);
                script
            }
            None => last_script.unwrap_or(Script::Latin),
        };
        let previous = out
            .last()
            .filter(|previous| previous.span == span && !previous.missing)
            .map(|previous| previous.slot)
            // Spaces between emoji are the body face's: the emoji face's are much wider.
            .filter(|&slot| slot != EMOJI_SLOT);
        let slot = match previous {
            Some(slot)
                if own.is_none()
                    && !is_emoji_presentation(grapheme)
                    && fonts.face(slot).covers(grapheme) =>
            {
                Some(slot)
            }
            _ => fonts.face_for(grapheme, style, script),
        };
        if slot.is_none() && grapheme.chars().nth(1).is_some() {
            // No face has the whole cluster (an emoji sequence, a letter with a rare mark):
            // each character goes to a face of its own, so only what no face has is a box.
            let first = out.len();
            for (offset, c) in grapheme.char_indices() {
                let start = at + offset;
                // A joiner or variation selector stays with the character before it.
                if is_invisible(c)
                    && let Some(previous) = out[first..].last_mut()
                {
                    previous.range.end = start + c.len_utf8();
                    continue;
                }
                let mut buffer = [0; 4];
                let single = c.encode_utf8(&mut buffer);
                let slot = fonts.face_for(single, style, script);
                if slot.is_none() {
                    fonts.record_missing(single);
                }
                out.push(Grapheme {
                    range: start..start + c.len_utf8(),
                    slot: slot.unwrap_or(style.slot()),
                    script,
                    span,
                    missing: slot.is_none(),
                });
            }
            continue;
        }
        let missing = slot.is_none();
        if missing {
            fonts.record_missing(grapheme);
        }
        out.push(Grapheme {
            range,
            slot: slot.unwrap_or(style.slot()),
            script,
            span,
            missing,
        });
    }
    out
}

/// Emoji glyphs without the boxes of the skin tones and joined sequences the monochrome emoji
/// face does not have, where the cluster's base emoji is drawn.
fn without_undrawn_modifiers(glyphs: &Arc<[ShapedGlyph]>) -> Arc<[ShapedGlyph]> {
    if glyphs.iter().all(|glyph| glyph.gid != 0) {
        return Arc::clone(glyphs);
    }
    glyphs
        .iter()
        .filter(|glyph| {
            glyph.gid != 0
                || !glyphs
                    .iter()
                    .any(|other| other.cluster == glyph.cluster && other.gid != 0)
        })
        .copied()
        .collect()
}

/// One missing-glyph box per visible character of `text`.
fn missing_glyphs(fonts: &Fonts<'_>, slot: Slot, text: &str) -> Arc<[ShapedGlyph]> {
    let advance = fonts.face(slot).advance(0);
    text.char_indices()
        .filter(|&(_, c)| !is_invisible(c))
        .map(|(at, _)| ShapedGlyph {
            gid: 0,
            cluster: at as u32,
            advance,
            x_offset: 0.0,
            y_offset: 0.0,
            unsafe_to_break: false,
        })
        .collect()
}

/// The smallest cluster value in `glyphs` greater than `cluster`.
pub fn next_cluster(glyphs: &[ShapedGlyph], cluster: u32) -> Option<u32> {
    glyphs
        .iter()
        .map(|glyph| glyph.cluster)
        .filter(|&c| c > cluster)
        .min()
}
