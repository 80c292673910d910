//! The two things inside plain text the PDF treats specially: `code` between backticks and
//! web addresses.
//!
//! Nothing else of Markdown is interpreted: the interviewer's words are printed as typed.

use std::ops::Range;

/// A piece of text and whether it was written as inline code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece<'t> {
    /// The text, without the backticks around code.
    pub text: &'t str,
    /// Whether it stood between backticks.
    pub code: bool,
}

/// Splits `text` at pairs of backticks: "rename `price` to `price_cents`" gives plain text,
/// then code "price", plain " to ", code "price_cents". A backtick without a partner, and
/// an empty pair, stay as typed.
pub fn code_pieces(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut plain_from = 0;
    let mut search_from = 0;
    while let Some(open) = text[search_from..].find('`').map(|at| at + search_from) {
        let Some(close) = text[open + 1..].find('`').map(|at| at + open + 1) else {
            break;
        };
        if close == open + 1 {
            // "``" is not code; look past it.
            search_from = close + 1;
            continue;
        }
        if open > plain_from {
            pieces.push(Piece {
                text: &text[plain_from..open],
                code: false,
            });
        }
        pieces.push(Piece {
            text: &text[open + 1..close],
            code: true,
        });
        plain_from = close + 1;
        search_from = plain_from;
    }
    if plain_from < text.len() {
        pieces.push(Piece {
            text: &text[plain_from..],
            code: false,
        });
    }
    pieces
}

/// A web address found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Url {
    /// Where it is in the text.
    pub range: Range<usize>,
    /// What a click opens: the address, with `https://` put before a bare `www.`.
    pub target: String,
}

/// The web addresses in `text`: words starting with `http://`, `https://` or `www.`, without
/// the punctuation that ends the sentence around them.
pub fn urls(text: &str) -> Vec<Url> {
    let mut found = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let rest = &text[from..];
        let Some(at) = ["https://", "http://", "www."]
            .iter()
            .filter_map(|prefix| rest.find(prefix))
            .min()
        else {
            break;
        };
        let start = from + at;
        let starts_word = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && !matches!(c, '/' | '.' | '@' | '-' | '_'));
        let end = text[start..]
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
            .map_or(text.len(), |len| start + len);
        let end = trim_trailing_punctuation(&text[start..end]) + start;
        let candidate = &text[start..end];
        let has_host = candidate
            .split_once("//")
            .map_or(candidate, |(_, host)| host)
            .trim_start_matches("www.")
            .contains(|c: char| c.is_alphanumeric());
        if starts_word && has_host {
            let target = if candidate.starts_with("www.") {
                format!("https://{candidate}")
            } else {
                candidate.to_owned()
            };
            found.push(Url {
                range: start..end,
                target,
            });
            from = end.max(start + 1);
        } else {
            from = start + 1;
        }
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
    found
}

/// The length of `candidate` without sentence punctuation at its end; a closing bracket stays
/// when the address opened it ("…/wiki/Cache_(computing)").
fn trim_trailing_punctuation(candidate: &str) -> usize {
    let mut end = candidate.len();
    while let Some(last) = candidate[..end].chars().next_back() {
        let unbalanced = |open: char, close: char| {
            last == close
                && candidate[..end].matches(open).count() < candidate[..end].matches(close).count()
        };
        let drop = matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' | '”')
            || unbalanced('(', ')')
            || unbalanced('[', ']');
        if !drop {
            break;
        }
        end -= last.len_utf8();
    }
    end
}

/// Whether a URL may be broken just before byte `at` of `text` (inside `url`): only after a
/// `/`, `?`, `&` or `=`, and never inside `//`.
pub fn may_break_url(text: &str, url: &Range<usize>, at: usize) -> bool {
    if at <= url.start || at >= url.end {
        return false;
    }
    let bytes = text.as_bytes();
    let before = bytes[at - 1];
    let after = bytes[at];
    matches!(before, b'/' | b'?' | b'&' | b'=')
        && after != b'/'
        && !(before == b'/' && at >= 2 && bytes[at - 2] == b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_between_backticks_loses_its_backticks() {
        let pieces = code_pieces("Rename `price` to `price_cents`, keep ``this`` and `that");
        let plain = |text| Piece { text, code: false };
        let code = |text| Piece { text, code: true };
        assert_eq!(
            pieces,
            [
                plain("Rename "),
                code("price"),
                plain(" to "),
                code("price_cents"),
                plain(", keep ``this`` and `that"),
            ]
        );
        assert_eq!(code_pieces("no code"), [plain("no code")]);
        assert!(code_pieces("").is_empty());
    }

    #[test]
    fn addresses_are_found_without_the_sentence_around_them() {
        let text = "See https://example.com/checkout-/latency?x=1&y=2. Also (www.example.org/a_(b)) \
                    and email@www.example.com, https:// alone.";
        let found = urls(text);
        let spans: Vec<&str> = found.iter().map(|url| &text[url.range.clone()]).collect();
        assert_eq!(
            spans,
            [
                "https://example.com/checkout-/latency?x=1&y=2",
                "www.example.org/a_(b)"
            ]
        );
        assert_eq!(found[1].target, "https://www.example.org/a_(b)");
    }

    #[test]
    fn addresses_break_only_after_separators() {
        let text = "https://example.com/a-b?c=d&e";
        let url = 0..text.len();
        let allowed: Vec<usize> = (0..=text.len())
            .filter(|&at| may_break_url(text, &url, at))
            .collect();
        let after: Vec<char> = allowed
            .iter()
            .map(|&at| char::from(text.as_bytes()[at - 1]))
            .collect();
        assert_eq!(after, ['/', '?', '=', '&']);
    }
}
