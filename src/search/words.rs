//! Words as search sees them: found in a text with their byte ranges, folded (lower case, no
//! accents), reduced to a stem, and compared with a query word exactly, by prefix or allowing
//! one typo.

use std::ops::Range;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// How a query word matched a word of the text; earlier variants are better matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The same word, or another form of it ("cache" and "caching").
    Exact,
    /// The query word begins the text's word ("migr" and "migrations").
    Prefix,
    /// One letter wrong, missing, extra or swapped ("cahce" and "cache").
    Typo,
}

/// Query words shorter than this (in characters) are never matched with a typo: a short word
/// with one letter changed is usually another real word.
pub const TYPO_MIN_CHARS: usize = 5;

/// Query words shorter than this (in characters) find words by prefix, but those matches are
/// not highlighted.
const PREFIX_SHOWN_MIN: usize = 3;

/// Stems shorter than this are never taken as the same word as a stem one letter longer.
const STEMS_AGREE_MIN: usize = 5;

/// Stems shorter than this are not compared allowing a typo.
const STEM_TYPO_MIN: usize = 4;

/// Stems shorter than this are not used for prefix matching: "ca" is a prefix of too much.
const STEM_PREFIX_MIN: usize = 3;

/// English is the language of the bundled packs; questions in other languages still match
/// by word and by prefix, only without their own word forms.
static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The byte ranges of the words of `text`: runs of letters and digits, with the combining
/// marks that belong to them, and apostrophes between letters ("customer's") kept inside.
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    // Every index ever held is a character boundary: ASCII bytes are stepped over one by one,
    // other characters whole. Most text is ASCII, so that case is read byte by byte.
    std::iter::from_fn(move || {
        loop {
            match bytes.get(at) {
                None => return None,
                Some(b) if b.is_ascii_alphanumeric() => break,
                Some(b) if b.is_ascii() => at += 1,
                Some(_) => {
                    let c = text[at..].chars().next()?;
                    if c.is_alphanumeric() {
                        break;
                    }
                    at += c.len_utf8();
                }
            }
        }
        let start = at;
        loop {
            match bytes.get(at) {
                Some(b) if b.is_ascii_alphanumeric() => at += 1,
                Some(b'\'') if alphanumeric_at(text, at + 1) => at += 1,
                None => break,
                Some(b) if b.is_ascii() => break,
                Some(_) => {
                    let Some(c) = text[at..].chars().next() else {
                        break;
                    };
                    let next = at + c.len_utf8();
                    let inside = c.is_alphanumeric()
                        || is_combining_mark(c)
                        || (is_apostrophe(c) && alphanumeric_at(text, next));
                    if !inside {
                        break;
                    }
                    at = next;
                }
            }
        }
        Some(start..at)
    })
}

/// Whether the character at byte `at` of `text` (a character boundary) is a letter or digit;
/// false at the end.
fn alphanumeric_at(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[at..].chars().next().is_some_and(char::is_alphanumeric),
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Writes `word` into `out` in lower case, without accents or apostrophes: "Café's" → "cafes".
/// Letters that Unicode does not decompose but people type without their stroke (ł, ø, đ)
/// lose it too, and ß becomes ss, so the plain keyboard spelling always matches.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        if !word.contains('\'') {
            out.push_str(word);
            out.make_ascii_lowercase();
            return;
        }
        out.extend(
            word.bytes()
                .filter(|&b| b != b'\'')
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        return;
    }
    for c in word.chars().filter(|&c| !is_apostrophe(c)) {
        decompose_canonical(c, |part| {
            if is_combining_mark(part) {
                return;
            }
            for lower in part.to_lowercase() {
                match lower {
                    'ł' => out.push('l'),
                    'ø' => out.push('o'),
                    'đ' => out.push('d'),
                    'ß' => out.push_str("ss"),
                    'æ' => out.push_str("ae"),
                    'œ' => out.push_str("oe"),
                    other => out.push(other),
                }
            }
        });
    }
}

/// `word` folded, as [`fold_into`] writes it.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// The stem of a folded word ("caching" → "cach", "migrations" → "migrat").
pub fn stem(folded: &str) -> String {
    STEMMER.stem(folded).into_owned()
}

/// One word of a query, prepared for comparing with the words of the library.
#[derive(Clone, Debug)]
pub struct QueryWord {
    /// The word as it was typed, for messages.
    pub typed: String,
    folded: String,
    stem: String,
    /// Whether a typo is accepted; see [`QueryWord::allow_typos`].
    typos: bool,
}

impl QueryWord {
    /// Prepares `typed`, one word as [`words`] finds them; typos are not accepted until
    /// [`QueryWord::allow_typos`] says so.
    pub fn new(typed: &str) -> Self {
        let folded = fold(typed);
        Self {
            typed: typed.to_owned(),
            stem: stem(&folded),
            folded,
            typos: false,
        }
    }

    /// The words of `query`, each once (by folded form), in the order typed.
    pub fn parse(query: &str) -> Vec<QueryWord> {
        let mut parsed: Vec<QueryWord> = Vec::new();
        for range in words(query) {
            let word = QueryWord::new(&query[range]);
            if !word.folded.is_empty() && parsed.iter().all(|w| w.folded != word.folded) {
                parsed.push(word);
            }
        }
        parsed
    }

    /// The first letter of the folded word: every word it matches begins with it.
    pub fn first(&self) -> Option<char> {
        self.folded.chars().next()
    }

    /// Whether a match of this kind is worth highlighting: not the start of a word for a
    /// query word of one or two letters, which nearly every question has many of ("c",
    /// "re"); whole words of any length are.
    pub fn shows(&self, kind: MatchKind) -> bool {
        kind != MatchKind::Prefix || self.folded.chars().nth(PREFIX_SHOWN_MIN - 1).is_some()
    }

    /// Whether the word is long enough to be matched with a typo.
    pub fn long_enough_for_typos(&self) -> bool {
        self.folded.chars().nth(TYPO_MIN_CHARS - 1).is_some()
    }

    /// Accepts typos from now on, if the word is long enough. The index does this for a word
    /// that matches no word of the library exactly or by prefix: a correctly spelt word
    /// ("cache") then never drags in its near neighbours ("catches").
    pub fn allow_typos(&mut self) {
        self.typos = self.long_enough_for_typos();
    }

    /// How this query word matches the text's word `folded` with stem `stem`, if it does.
    pub fn matches(&self, folded: &str, stem: &str) -> Option<MatchKind> {
        if folded == self.folded || stem == self.stem || stems_agree(&self.stem, stem) {
            return Some(MatchKind::Exact);
        }
        if folded.starts_with(&self.folded)
            || (self.stem.len() >= STEM_PREFIX_MIN && stem.starts_with(&self.stem))
        {
            return Some(MatchKind::Prefix);
        }
        if self.typos
            && (one_edit_from_a_prefix(&self.folded, folded)
                || (self.stem.len() >= STEM_TYPO_MIN && one_edit(&self.stem, stem)))
        {
            return Some(MatchKind::Typo);
        }
        None
    }
}

/// Whether two different stems are still one word: Snowball cuts "disagreement" to "disagr"
/// but "disagreed" to "disagre". A long stem that the other extends by one letter is taken
/// as the same word; short stems are left alone, where one letter makes another word.
fn stems_agree(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= STEMS_AGREE_MIN && long.len() == short.len() + 1 && long.starts_with(short)
}

/// Whether `typed` is one edit (a letter changed, added, dropped, or two neighbours swapped)
/// from `word`, with the same first letter: people rarely mistype the first letter, and
/// allowing it would match far more unrelated words.
pub fn one_edit(typed: &str, word: &str) -> bool {
    if typed.is_ascii() && word.is_ascii() {
        one_edit_in(typed.as_bytes(), word.as_bytes())
    } else {
        let typed: Vec<char> = typed.chars().collect();
        let word: Vec<char> = word.chars().collect();
        one_edit_in(&typed, &word)
    }
}

/// Whether `typed` is one edit from `word` or from the start of it, so that a typo in a word
/// still being typed, or in a longer form of the word, is found ("migraton" in
/// "migrations").
fn one_edit_from_a_prefix(typed: &str, word: &str) -> bool {
    if typed.is_ascii() && word.is_ascii() {
        one_edit_from_a_prefix_in(typed.as_bytes(), word.as_bytes())
    } else {
        let typed: Vec<char> = typed.chars().collect();
        let word: Vec<char> = word.chars().collect();
        one_edit_from_a_prefix_in(&typed, &word)
    }
}

fn one_edit_from_a_prefix_in<T: PartialEq>(typed: &[T], word: &[T]) -> bool {
    // The start of the word one letter shorter or longer than what was typed: a letter typed
    // twice, or one left out. A changed letter is only accepted in the whole word (or its
    // stem): "cahce" as the start of "cancelled" would be a guess too far.
    let n = typed.len();
    one_edit_in(typed, word)
        || [n.saturating_sub(1), n + 1]
            .into_iter()
            .filter(|&len| len > 0 && len < word.len())
            .any(|len| one_edit_in(typed, &word[..len]))
}

fn one_edit_in<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a.first() != b.first() || a.is_empty() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    // The first position where the two differ; everything before it is shared.
    let Some(at) = short.iter().zip(long).position(|(x, y)| x != y) else {
        // One is the other plus at most one letter at the end.
        return true;
    };
    if short.len() == long.len() {
        // A changed letter, or two neighbours swapped.
        short[at + 1..] == long[at + 1..]
            || (at + 1 < short.len()
                && short[at] == long[at + 1]
                && short[at + 1] == long[at]
                && short[at + 2..] == long[at + 2..])
    } else {
        // A letter added to the shorter one.
        short[at..] == long[at + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        words(text).map(|range| &text[range]).collect()
    }

    #[test]
    fn words_are_runs_of_letters_and_digits_with_their_apostrophes() {
        assert_eq!(
            split("Rate-limiting: the customer's p99 (in 08:00)!"),
            [
                "Rate",
                "limiting",
                "the",
                "customer's",
                "p99",
                "in",
                "08",
                "00"
            ]
        );
        assert_eq!(split("‘every day’ — ok"), ["every", "day", "ok"]);
        assert_eq!(split("o'"), ["o"]);
        // A decomposed accent stays in its word.
        assert_eq!(split("cafe\u{301} noir"), ["cafe\u{301}", "noir"]);
        assert!(split(" — ").is_empty());
    }

    #[test]
    fn folding_ignores_case_accents_and_apostrophes() {
        assert_eq!(fold("Café's"), "cafes");
        assert_eq!(fold("CAFE\u{301}"), "cafe");
        assert_eq!(fold("Łukasiewicz"), "lukasiewicz");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Zoë"), "zoe");
        assert_eq!(fold("Ελληνικά"), "ελληνικα");
    }

    #[test]
    fn stems_join_the_forms_of_a_word() {
        for (a, b) in [
            ("cache", "caching"),
            ("migrate", "migrations"),
            ("limit", "limiting"),
            ("conflicts", "conflict"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_ne!(stem("cache"), stem("catch"));
    }

    #[test]
    fn one_edit_is_one_change_with_the_same_first_letter() {
        for (typed, word) in [
            ("cahce", "cache"),
            ("migraton", "migration"),
            ("kubernetse", "kubernetes"),
            ("consistancy", "consistency"),
            ("idempotencyy", "idempotency"),
            ("café", "cafe"),
        ] {
            assert!(one_edit(typed, word), "{typed} / {word}");
        }
        for (typed, word) in [
            ("cache", "catch"),
            ("xache", "cache"),
            ("cahe", "chea"),
            ("mgiratoin", "migration"),
            ("", ""),
        ] {
            assert!(!one_edit(typed, word), "{typed} / {word}");
        }
    }

    fn kind(query: &str, word: &str, typos: bool) -> Option<MatchKind> {
        let mut query = QueryWord::new(query);
        if typos {
            query.allow_typos();
        }
        let folded = fold(word);
        query.matches(&folded, &stem(&folded))
    }

    #[test]
    fn query_words_match_forms_prefixes_and_typos_in_that_order() {
        assert_eq!(kind("cache", "Caching", false), Some(MatchKind::Exact));
        assert_eq!(
            kind("disagreement", "disagree", false),
            Some(MatchKind::Exact)
        );
        assert_eq!(
            kind("disagree", "disagreement", false),
            Some(MatchKind::Exact)
        );
        assert_eq!(
            kind("disagreement", "disagreed", false),
            Some(MatchKind::Exact)
        );
        assert_eq!(kind("car", "care", false), Some(MatchKind::Prefix));
        assert_eq!(kind("care", "car", false), None);
        assert_eq!(kind("migrate", "migrations", false), Some(MatchKind::Exact));
        assert_eq!(kind("migr", "Migrations", false), Some(MatchKind::Prefix));
        assert_eq!(kind("cahce", "cache", false), None);
        assert_eq!(kind("cahce", "cache", true), Some(MatchKind::Typo));
        assert_eq!(kind("cahce", "caching", true), Some(MatchKind::Typo));
        assert_eq!(kind("migraton", "migrations", true), Some(MatchKind::Typo));
        assert_eq!(kind("kuberntes", "Kubernetes", true), Some(MatchKind::Typo));
        // Four letters are too few for a typo.
        assert_eq!(kind("cahe", "cache", true), None);
        // A changed letter in the start of a longer word is too loose a match.
        assert_eq!(kind("cahce", "cancelled", true), None);
        assert_eq!(kind("cacche", "caches", true), Some(MatchKind::Typo));
        assert_eq!(kind("cache", "memcached", true), None);
        assert_eq!(kind("résumé", "RESUME", false), Some(MatchKind::Exact));
    }

    #[test]
    fn a_query_keeps_each_word_once() {
        let parsed = QueryWord::parse("Rate limit, rate-LIMIT …");
        let folded: Vec<&str> = parsed.iter().map(|w| w.folded.as_str()).collect();
        assert_eq!(folded, ["rate", "limit"]);
        assert_eq!(parsed[0].typed, "Rate");
        assert!(QueryWord::parse("?!").is_empty());
    }
}
