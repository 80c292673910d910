//! Right-to-left scripts (Hebrew, Arabic, …) in the PDF.
//!
//! Text is wrapped in the order it was typed; each line is then drawn in the order a reader
//! sees it, by the Unicode bidirectional algorithm (`unicode-bidi`), with paired brackets
//! mirrored inside right-to-left runs. A paragraph whose first letter is right-to-left is
//! right-to-left as a whole: its runs go from right to left and its lines are right-aligned.
//! The characters themselves stay in typed order ([`Atom::ch`], the text copied out of the
//! PDF), only the drawing order changes.

use std::borrow::Cow;

use unicode_bidi::{Direction, Level, ParagraphBidiInfo};

use super::fonts::Fonts;
use super::wrap::Atom;

/// The first code point of a right-to-left block (Hebrew); text below it is all
/// left-to-right or neutral and skips the algorithm.
const FIRST_RTL: char = '\u{0590}';

/// Whether `c` may need the algorithm: a right-to-left letter, or a direction mark.
fn may_be_rtl(c: char) -> bool {
    c >= FIRST_RTL
}

/// Whether a paragraph reads right to left: its first strongly directional character does.
pub fn is_rtl_paragraph(atoms: &[Atom]) -> bool {
    if !atoms.iter().any(|atom| may_be_rtl(atom.ch)) {
        return false;
    }
    let text: String = atoms.iter().map(|atom| atom.ch).collect();
    unicode_bidi::get_base_direction(text.as_str()) == Direction::Rtl
}

/// The atoms of one line in drawing order, left to right. `rtl` is its paragraph's direction.
pub fn visual_order<'a>(fonts: &Fonts<'_>, atoms: &'a [Atom], rtl: bool) -> Cow<'a, [Atom]> {
    if !rtl && !atoms.iter().any(|atom| may_be_rtl(atom.ch)) {
        return Cow::Borrowed(atoms);
    }
    let text: String = atoms.iter().map(|atom| atom.ch).collect();
    let base = if rtl { Level::rtl() } else { Level::ltr() };
    let info = ParagraphBidiInfo::new(&text, Some(base));
    // One level per character, and the atoms are the text's characters one for one.
    let levels = info.reordered_levels_per_char(0..text.len());
    let visual = ParagraphBidiInfo::reorder_visual(&levels)
        .into_iter()
        .filter_map(|logical| {
            let atom = *atoms.get(logical)?;
            let rtl_run = levels.get(logical).is_some_and(Level::is_rtl);
            Some(if rtl_run { mirrored(fonts, atom) } else { atom })
        })
        .collect();
    Cow::Owned(visual)
}

/// An atom inside a right-to-left run, with an opening bracket drawn as a closing one and the
/// other way round, as the reading direction turns them.
fn mirrored(fonts: &Fonts<'_>, atom: Atom) -> Atom {
    let Some(mirror) = mirror_of(atom.ch) else {
        return atom;
    };
    match fonts.glyph_in(atom.glyph.slot, mirror) {
        Some(glyph) => Atom { glyph, ..atom },
        None => atom,
    }
}

/// The mirrored form of the paired punctuation people type (Unicode's Bidi_Mirroring_Glyph
/// for these characters).
fn mirror_of(c: char) -> Option<char> {
    const PAIRS: [(char, char); 8] = [
        ('(', ')'),
        ('[', ']'),
        ('{', '}'),
        ('<', '>'),
        ('«', '»'),
        ('‹', '›'),
        ('≤', '≥'),
        ('⁽', '⁾'),
    ];
    PAIRS.iter().find_map(|&(open, close)| match c {
        _ if c == open => Some(close),
        _ if c == close => Some(open),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fonts::Style;
    use crate::report::style;

    fn atoms(fonts: &mut Fonts<'_>, text: &str) -> Vec<Atom> {
        text.chars()
            .filter_map(|ch| {
                let glyph = fonts.glyph(ch, Style::Regular)?;
                Some(Atom {
                    ch,
                    glyph,
                    width: glyph.advance,
                    colour: style::TEXT,
                })
            })
            .collect()
    }

    fn drawn(fonts: &mut Fonts<'_>, text: &str, rtl: bool) -> String {
        let atoms = atoms(fonts, text);
        visual_order(fonts, &atoms, rtl)
            .iter()
            .map(|atom| atom.ch)
            .collect()
    }

    #[test]
    fn the_first_letter_decides_a_paragraphs_direction() {
        let mut fonts = Fonts::new(&[]).unwrap_or_else(|e| panic!("{e}"));
        let mut rtl = |text: &str| is_rtl_paragraph(&atoms(&mut fonts, text));
        assert!(rtl("12. שלום world"));
        assert!(rtl("(مرحبا hello"));
        assert!(!rtl("hello שלום"));
        assert!(!rtl("Zoë Łukasiewicz Ελληνικά"));
        assert!(!rtl("123 ?!"));
        assert!(!rtl(""));
    }

    #[test]
    fn right_to_left_words_are_drawn_reversed_inside_left_to_right_text() {
        let mut fonts = Fonts::new(&[]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(drawn(&mut fonts, "plain text", false), "plain text");
        assert_eq!(
            drawn(&mut fonts, "name: דנה כהן, ok", false),
            "name: ןהכ הנד, ok"
        );
        // Numbers keep their own order inside right-to-left text.
        assert_eq!(drawn(&mut fonts, "שלום 2026 עולם", true), "םלוע 2026 םולש");
        assert_eq!(drawn(&mut fonts, "כן yes", true), "yes ןכ");
    }

    #[test]
    fn brackets_are_mirrored_in_right_to_left_runs() {
        let mut fonts = Fonts::new(&[]).unwrap_or_else(|e| panic!("{e}"));
        let open = fonts.glyph('(', Style::Regular).map(|g| g.gid);
        let close = fonts.glyph(')', Style::Regular).map(|g| g.gid);
        let rtl = atoms(&mut fonts, "(א)");
        let visual = visual_order(&fonts, &rtl, true);
        // Drawn left to right: the typed ')' comes first and must look like '('.
        assert_eq!(visual[0].ch, ')');
        assert_eq!(Some(visual[0].glyph.gid), open);
        assert_eq!(visual[2].ch, '(');
        assert_eq!(Some(visual[2].glyph.gid), close);
        // In left-to-right text nothing is mirrored.
        let ltr = atoms(&mut fonts, "(a)");
        let visual = visual_order(&fonts, &ltr, false);
        assert_eq!(Some(visual[0].glyph.gid), open);
    }
}
