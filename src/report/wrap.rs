//! Line breaking by measured glyph advances.
//!
//! Text breaks at spaces, and after a hyphen, slash or dash inside a word. A word wider than
//! the line (a URL, a 500-character token) is broken between characters, never between a
//! letter and its combining accent. Nothing is ever dropped: every visible character of the
//! input ends up on some line.

use super::fonts::{Fonts, Glyph, Style};
use super::style::Colour;
use super::{arabic, bidi};

/// Slack for rounding: advances summed in a different order must not push a word that fits
/// onto the next line.
const SLACK: f32 = 0.01;

/// A piece of text in one style and colour.
#[derive(Clone, Debug)]
pub struct Span<'t> {
    /// The text; line breaks in it are treated as spaces (split hard lines before wrapping).
    pub text: &'t str,
    /// Regular or bold.
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

/// One character with its glyph and advance at the wrapped size.
#[derive(Clone, Copy, Debug)]
pub struct Atom {
    /// The character (what copy and paste gives back).
    pub ch: char,
    /// How it is drawn.
    pub glyph: Glyph,
    /// Width in points.
    pub width: f32,
    /// Fill colour.
    pub colour: Colour,
}

impl Atom {
    fn is_space(&self) -> bool {
        self.ch == ' '
    }
}

/// A wrapped line: its characters in order and its width in points.
#[derive(Clone, Debug, Default)]
pub struct Line {
    /// The characters in typed order, trailing spaces removed.
    pub atoms: Vec<Atom>,
    /// Sum of the advances.
    pub width: f32,
    /// Whether its paragraph reads right to left (drawn right-aligned; see [`super::bidi`]).
    pub rtl: bool,
}

impl Line {
    /// A line of exactly these atoms.
    pub fn from_atoms(atoms: Vec<Atom>) -> Self {
        let width = atoms.iter().map(|atom| atom.width).sum();
        Self {
            atoms,
            width,
            rtl: false,
        }
    }

    /// Appends an atom.
    pub fn push(&mut self, atom: Atom) {
        self.width += atom.width;
        self.atoms.push(atom);
    }

    fn trim_end(&mut self) {
        while self.atoms.last().is_some_and(Atom::is_space) {
            if let Some(atom) = self.atoms.pop() {
                self.width -= atom.width;
            }
        }
    }

    /// The line's text.
    pub fn text(&self) -> String {
        self.atoms.iter().map(|atom| atom.ch).collect()
    }
}

/// Resolves `spans` to atoms at `size` points; tabs become four spaces, other control
/// characters and soft hyphens are dropped.
pub fn atoms(fonts: &mut Fonts<'_>, spans: &[Span<'_>], size: f32) -> Vec<Atom> {
    let mut out = Vec::new();
    for span in spans {
        let forms = arabic::forms(span.text);
        for (at, c) in span.text.chars().enumerate() {
            let (c, repeat) = match c {
                '\t' => (' ', 4),
                '\n' | '\u{2028}' | '\u{2029}' => (' ', 1),
                '\u{00AD}' => continue,
                c if c.is_control() => continue,
                c => (c, 1),
            };
            let Some(mut glyph) = fonts.glyph(c, span.style) else {
                continue;
            };
            // An Arabic letter is drawn in its joined form, from the same font.
            if let Some(form) = forms.get(at).copied().flatten()
                && let Some(joined) = fonts.glyph_in(glyph.slot, form)
            {
                glyph = joined;
            }
            for _ in 0..repeat {
                out.push(Atom {
                    ch: c,
                    glyph,
                    width: glyph.advance * size,
                    colour: span.colour,
                });
            }
        }
    }
    out
}

/// Breaks `spans` into lines no wider than `width` points at `size` points.
///
/// Leading spaces are kept (they are indentation typed on purpose); spaces at a soft break
/// are not drawn. Empty input gives no lines.
pub fn wrap(fonts: &mut Fonts<'_>, spans: &[Span<'_>], size: f32, width: f32) -> Vec<Line> {
    wrap_atoms(&atoms(fonts, spans, size), width)
}

/// [`wrap`] over atoms already resolved.
pub fn wrap_atoms(atoms: &[Atom], width: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut line = Line::default();
    let mut pending_space: Vec<Atom> = Vec::new();
    let mut at_start = true;
    for word in words(atoms) {
        if word.first().is_some_and(Atom::is_space) {
            if at_start {
                // Indentation at the start of a hard line stays, as far as it fits.
                for &atom in word {
                    if line.width + atom.width > width + SLACK && !line.atoms.is_empty() {
                        break;
                    }
                    line.push(atom);
                }
            } else {
                pending_space = word.to_vec();
            }
            continue;
        }
        at_start = false;
        let spaces: f32 = pending_space.iter().map(|a| a.width).sum();
        let word_width: f32 = word.iter().map(|a| a.width).sum();
        let has_text = line.atoms.iter().any(|a| !a.is_space());
        if line.width + spaces + word_width <= width + SLACK {
            if has_text {
                for &atom in &pending_space {
                    line.push(atom);
                }
            }
            for &atom in word {
                line.push(atom);
            }
        } else {
            if has_text {
                line.trim_end();
                lines.push(std::mem::take(&mut line));
            }
            if line.width + word_width <= width + SLACK {
                for &atom in word {
                    line.push(atom);
                }
            } else {
                break_word(word, width, &mut line, &mut lines);
            }
        }
        pending_space.clear();
    }
    line.trim_end();
    if !line.atoms.is_empty() {
        lines.push(line);
    }
    if bidi::is_rtl_paragraph(atoms) {
        for line in &mut lines {
            line.rtl = true;
        }
    }
    lines
}

/// Lays a word wider than the line over as many lines as it needs, between characters.
fn break_word(word: &[Atom], width: f32, line: &mut Line, lines: &mut Vec<Line>) {
    for cluster in clusters(word) {
        let cluster_width: f32 = cluster.iter().map(|a| a.width).sum();
        if line.width + cluster_width > width + SLACK {
            if line.atoms.iter().any(|a| !a.is_space()) {
                lines.push(std::mem::take(line));
            } else {
                // Only indentation before the word: give the room to the word instead.
                *line = Line::default();
            }
        }
        // A single cluster wider than the line still has to go somewhere: it gets a line of
        // its own rather than being lost.
        for &atom in cluster {
            line.push(atom);
        }
    }
}

/// Splits atoms into runs of spaces and words; a word also ends after a hyphen, slash or dash
/// that follows a letter, so "cache-aside" can break as "cache-" / "aside".
fn words(atoms: &[Atom]) -> Vec<&[Atom]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..atoms.len() {
        let here = atoms[i];
        let next_is_boundary = match atoms.get(i + 1) {
            None => true,
            Some(next) => {
                here.is_space() != next.is_space()
                    || (!here.is_space()
                        && matches!(here.ch, '-' | '/' | '–' | '—')
                        && i > start
                        && !is_combining(next.ch))
            }
        };
        if next_is_boundary {
            out.push(&atoms[start..=i]);
            start = i + 1;
        }
    }
    out
}

/// Splits a word into characters, each with the combining marks that follow it.
fn clusters(word: &[Atom]) -> Vec<&[Atom]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=word.len() {
        if word.get(i).is_none_or(|atom| !is_combining(atom.ch)) {
            out.push(&word[start..i]);
            start = i;
        }
    }
    out
}

/// Combining marks (accents typed as separate characters) and joiners, which must stay with
/// the character before them.
pub(super) fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{3099}'..='\u{309A}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
    )
}

/// Wraps `atoms` into at most `max_lines` lines, ending the last one with "…" when text had to
/// be left out. For table cells that show a shortened copy of text printed in full elsewhere.
pub fn wrap_shortened(
    fonts: &mut Fonts<'_>,
    atoms: &[Atom],
    width: f32,
    max_lines: usize,
    style: Style,
    size: f32,
) -> Vec<Line> {
    let mut lines = wrap_atoms(atoms, width);
    if lines.len() <= max_lines || max_lines == 0 {
        return lines;
    }
    lines.truncate(max_lines);
    let colour = atoms.first().map_or(super::style::TEXT, |a| a.colour);
    let ellipsis = fonts.glyph('…', style).map(|glyph| Atom {
        ch: '…',
        glyph,
        width: glyph.advance * size,
        colour,
    });
    if let (Some(last), Some(ellipsis)) = (lines.last_mut(), ellipsis) {
        while !last.atoms.is_empty() && last.width + ellipsis.width > width + SLACK {
            if let Some(atom) = last.atoms.pop() {
                last.width -= atom.width;
            }
        }
        last.trim_end();
        last.push(ellipsis);
    }
    lines
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
        let wrapped = lines("cache-aside", 40.0);
        assert_eq!(wrapped, ["cache-", "aside"]);
        let accented = "e\u{0301}".repeat(40);
        for line in lines(&accented, 30.0) {
            assert!(!line.starts_with('\u{0301}'));
        }
    }

    #[test]
    fn indentation_is_kept_and_tabs_expand() {
        assert_eq!(lines("   - item", 200.0), ["   - item"]);
        assert_eq!(lines("\tx", 200.0), ["    x"]);
        assert!(lines("", 200.0).is_empty());
    }

    #[test]
    fn shortened_cells_end_with_an_ellipsis() {
        let mut fonts = Fonts::new(&[]).unwrap();
        let text = "word ".repeat(60);
        let atoms = atoms(&mut fonts, &[Span::new(&text, Style::Regular, TEXT)], 10.0);
        let shortened = wrap_shortened(&mut fonts, &atoms, 120.0, 2, Style::Regular, 10.0);
        assert_eq!(shortened.len(), 2);
        assert!(shortened[1].text().ends_with('…'));
        assert!(shortened[1].width <= 120.0 + 1e-3);
    }
}
