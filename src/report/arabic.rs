//! Arabic letters in their joined forms.
//!
//! An Arabic letter takes one of up to four shapes by whether it joins the letters on either
//! side. The PDF draws characters one glyph each without a shaping engine, so each letter is
//! drawn with the glyph of its Unicode presentation form (Arabic Presentation Forms-B), which
//! the fonts that cover Arabic carry; the character kept for copying out of the PDF is still
//! the letter as typed. Not done: the lam-alef ligature (lam and alef are drawn joined but
//! separate) and letters outside the basic Arabic alphabet (Persian and Urdu additions stay in
//! their isolated form).

use super::wrap::is_combining;

/// How a letter joins its neighbours.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Joining {
    /// Joins on both sides: isolated, final, initial and medial forms.
    Dual,
    /// Joins only the letter before it (to its right): isolated and final forms.
    Right,
    /// Joins nothing (hamza).
    None,
}

/// Each basic letter with its isolated presentation form, which the other forms follow
/// (final +1, initial +2, medial +3), and how it joins.
const LETTERS: [(char, u32, Joining); 36] = [
    ('\u{0621}', 0xFE80, Joining::None),
    ('\u{0622}', 0xFE81, Joining::Right),
    ('\u{0623}', 0xFE83, Joining::Right),
    ('\u{0624}', 0xFE85, Joining::Right),
    ('\u{0625}', 0xFE87, Joining::Right),
    ('\u{0626}', 0xFE89, Joining::Dual),
    ('\u{0627}', 0xFE8D, Joining::Right),
    ('\u{0628}', 0xFE8F, Joining::Dual),
    ('\u{0629}', 0xFE93, Joining::Right),
    ('\u{062A}', 0xFE95, Joining::Dual),
    ('\u{062B}', 0xFE99, Joining::Dual),
    ('\u{062C}', 0xFE9D, Joining::Dual),
    ('\u{062D}', 0xFEA1, Joining::Dual),
    ('\u{062E}', 0xFEA5, Joining::Dual),
    ('\u{062F}', 0xFEA9, Joining::Right),
    ('\u{0630}', 0xFEAB, Joining::Right),
    ('\u{0631}', 0xFEAD, Joining::Right),
    ('\u{0632}', 0xFEAF, Joining::Right),
    ('\u{0633}', 0xFEB1, Joining::Dual),
    ('\u{0634}', 0xFEB5, Joining::Dual),
    ('\u{0635}', 0xFEB9, Joining::Dual),
    ('\u{0636}', 0xFEBD, Joining::Dual),
    ('\u{0637}', 0xFEC1, Joining::Dual),
    ('\u{0638}', 0xFEC5, Joining::Dual),
    ('\u{0639}', 0xFEC9, Joining::Dual),
    ('\u{063A}', 0xFECD, Joining::Dual),
    ('\u{0641}', 0xFED1, Joining::Dual),
    ('\u{0642}', 0xFED5, Joining::Dual),
    ('\u{0643}', 0xFED9, Joining::Dual),
    ('\u{0644}', 0xFEDD, Joining::Dual),
    ('\u{0645}', 0xFEE1, Joining::Dual),
    ('\u{0646}', 0xFEE5, Joining::Dual),
    ('\u{0647}', 0xFEE9, Joining::Dual),
    ('\u{0648}', 0xFEED, Joining::Right),
    // Alef maksura joins on both sides in Unicode, but Forms-B has only its isolated and final
    // shapes, which is where it is written.
    ('\u{0649}', 0xFEEF, Joining::Right),
    ('\u{064A}', 0xFEF1, Joining::Dual),
];

/// The tatweel (kashida): a joining stroke that letters join on both sides.
const TATWEEL: char = '\u{0640}';

fn letter(c: char) -> Option<(u32, Joining)> {
    LETTERS
        .binary_search_by_key(&c, |&(letter, _, _)| letter)
        .ok()
        .and_then(|at| LETTERS.get(at))
        .map(|&(_, isolated, joining)| (isolated, joining))
}

/// Vowel marks and other combining marks sit on a letter and are skipped when looking for the
/// neighbours a letter joins; the zero-width (non-)joiners are not marks here, they decide.
fn is_transparent(c: char) -> bool {
    is_combining(c) && !matches!(c, '\u{200C}' | '\u{200D}')
}

/// Whether a letter before another joins it (towards the reading direction).
fn joins_forward(c: char) -> bool {
    c == TATWEEL || letter(c).is_some_and(|(_, joining)| joining == Joining::Dual)
}

/// Whether a letter after another accepts its join.
fn joins_backward(c: char) -> bool {
    c == TATWEEL || letter(c).is_some_and(|(_, joining)| joining != Joining::None)
}

/// For each character of `text`, the presentation form to draw it with, or `None` to draw it
/// as it is. Empty when there is no Arabic letter at all.
pub fn forms(text: &str) -> Vec<Option<char>> {
    if !text.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)) {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let neighbour = |mut at: usize, step: isize| -> Option<char> {
        loop {
            at = at.checked_add_signed(step)?;
            let c = *chars.get(at)?;
            if !is_transparent(c) {
                return Some(c);
            }
        }
    };
    (0..chars.len())
        .map(|at| {
            let (isolated, joining) = letter(chars[at])?;
            let after_joiner = neighbour(at, -1).is_some_and(joins_forward);
            let before_joiner = neighbour(at, 1).is_some_and(joins_backward);
            let offset = match (joining, after_joiner, before_joiner) {
                (Joining::None, _, _) | (_, false, false) => 0,
                (Joining::Right, true, _) | (Joining::Dual, true, false) => 1,
                (Joining::Right, false, true) => 0,
                (Joining::Dual, false, true) => 2,
                (Joining::Dual, true, true) => 3,
            };
            char::from_u32(isolated + offset)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shaped(word: &str) -> Vec<u32> {
        forms(word)
            .into_iter()
            .zip(word.chars())
            .map(|(form, c)| u32::from(form.unwrap_or(c)))
            .collect()
    }

    #[test]
    fn letters_take_their_joined_forms() {
        // beh-yeh-teh: initial, medial, final.
        assert_eq!(shaped("بيت"), [0xFE91, 0xFEF4, 0xFE96]);
        // seen-lam-alef-meem: alef joins only backwards, so meem after it stands alone.
        assert_eq!(shaped("سلام"), [0xFEB3, 0xFEE0, 0xFE8E, 0xFEE1]);
        // dal-alef-reh: none of them joins forwards.
        assert_eq!(shaped("دار"), [0xFEA9, 0xFE8D, 0xFEAD]);
        // A single letter, and hamza, stay isolated.
        assert_eq!(shaped("ب ء"), [0xFE8F, 0x20, 0xFE80]);
    }

    #[test]
    fn vowel_marks_do_not_break_a_join() {
        // beh, fatha, teh: the mark is left alone and the letters still join.
        assert_eq!(shaped("بَت"), [0xFE91, 0x064E, 0xFE96]);
    }

    #[test]
    fn text_without_arabic_is_left_alone() {
        assert!(forms("Zoë שלום").is_empty());
    }

    #[test]
    fn the_letter_table_is_sorted_for_its_binary_search() {
        assert!(LETTERS.windows(2).all(|pair| pair[0].0 < pair[1].0));
    }
}
