//! Small text rules shared by both importers: question numbers, time budgets, splitting prose
//! into points, and excerpts for warnings.

/// A question number written before a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Marker {
    /// A bare number: "1." or "1)".
    Number(u32),
    /// A named number: "Q1:", "Question 3 -", "Question #4", a number within a section
    /// ("2.3."); 0 for "Q." without one.
    Named(u32),
}

/// Numbers longer than this are amounts or ids, not question numbers.
const MAX_MARKER_DIGITS: usize = 6;

/// Splits a leading question number off `text`: the marker and the rest, trimmed.
pub(crate) fn strip_marker(text: &str) -> Option<(Marker, &str)> {
    let text = text.trim_start();
    if let Some((n, rest)) = named_marker(text) {
        return Some((Marker::Named(n), rest));
    }
    let (n, rest) = leading_number(text)?;
    let rest = rest.strip_prefix(['.', ')'])?;
    if rest.is_empty() || rest.starts_with(char::is_whitespace) {
        return Some((Marker::Number(n), rest.trim_start()));
    }
    // "2.3. How …" or "1.1 What …?": a question numbered within its section, which names it
    // like "Q3" does (its numbers do not follow on from one question to the next). Without the
    // closing stop only before a question, so "3.5 GB of RAM" stays text.
    let mut rest = rest;
    while let Some((_, after)) = leading_number(rest) {
        match after.strip_prefix('.') {
            Some(more) if more.starts_with(|c: char| c.is_ascii_digit()) => rest = more,
            Some(more) if more.is_empty() || more.starts_with(char::is_whitespace) => {
                return Some((Marker::Named(n), more.trim_start()));
            }
            _ => {
                let asks = after.trim_end().ends_with('?');
                return (after.starts_with(char::is_whitespace) && asks)
                    .then(|| (Marker::Named(n), after.trim_start()));
            }
        }
    }
    None
}

fn named_marker(text: &str) -> Option<(u32, &str)> {
    // "Question 3 What …" reads as a number; "Q3 revenue" does not, so the short form needs
    // a separator after its number.
    let (after, word) = match strip_prefix_ignore_case(text, "question") {
        Some(rest) => (rest.trim_start(), true),
        None => {
            let rest = strip_prefix_ignore_case(text, "q")?;
            (rest.strip_prefix(' ').unwrap_or(rest), false)
        }
    };
    let after = after.strip_prefix('#').unwrap_or(after);
    let Some((n, rest)) = leading_number(after) else {
        // "Q. What is npm?": the short form without a number, before a capitalised question.
        let tail = (!word).then(|| after.strip_prefix(['.', ')'])).flatten()?;
        let question = tail.trim_start();
        let capital = question
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '`');
        return (tail.starts_with(char::is_whitespace) && capital).then_some((0, question));
    };
    let trimmed = rest.trim_start();
    if let Some(tail) = trimmed.strip_prefix([':', '.', ')', '-', '–', '—']) {
        return Some((n, tail.trim_start()));
    }
    if rest.is_empty() || (word && rest.starts_with(char::is_whitespace)) {
        return Some((n, trimmed));
    }
    None
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// A leading run of at most [`MAX_MARKER_DIGITS`] digits and the text after it.
fn leading_number(text: &str) -> Option<(u32, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > MAX_MARKER_DIGITS {
        return None;
    }
    let n = text[..digits].parse().ok()?;
    Some((n, &text[digits..]))
}

/// Reads a time budget such as "15", "15 minutes", "about 20 min" or "1 hour" as minutes.
pub(crate) fn parse_minutes(text: &str) -> Option<u32> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let number: f64 = rest[..end].trim_end_matches('.').parse().ok()?;
    let unit = rest[end..].trim_start().to_lowercase();
    let minutes = if unit.starts_with('h') {
        number * 60.0
    } else {
        number
    };
    let minutes = minutes.round();
    (minutes >= 1.0 && minutes <= f64::from(u32::MAX)).then_some(minutes as u32)
}

/// Whether `text` says nothing but a time ("15 minutes", "~20 min", "1 hour"), so reading it
/// as minutes loses nothing.
pub(crate) fn is_plain_time(text: &str) -> bool {
    const WORDS: [&str; 14] = [
        "min",
        "mins",
        "minute",
        "minutes",
        "m",
        "h",
        "hr",
        "hrs",
        "hour",
        "hours",
        "about",
        "approx",
        "approximately",
        "around",
    ];
    text.split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .all(|word| WORDS.contains(&word.to_lowercase().as_str()))
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || "~.-–".contains(c))
}

/// Longest text read as a time in brackets at the end of a question: "(15 min)".
const MAX_TIME_SUFFIX: usize = 24;

/// A time budget in brackets at the end of a question, "How …? (15 min)": the question
/// without it, and the minutes.
pub(crate) fn take_time_suffix(text: &str) -> Option<(&str, u32)> {
    let text = text.trim_end();
    let open = match text.chars().last()? {
        ')' => '(',
        ']' => '[',
        _ => return None,
    };
    let start = text.rfind(open)?;
    let inner = &text[start + 1..text.len() - 1];
    let lower = inner.to_lowercase();
    if inner.len() > MAX_TIME_SUFFIX || !(lower.contains("min") || lower.contains("hour")) {
        return None;
    }
    let minutes = parse_minutes(inner)?;
    Some((text[..start].trim_end(), minutes))
}

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: [&str; 14] = [
    "e.g", "i.e", "etc", "vs", "cf", "approx", "incl", "mr", "mrs", "ms", "dr", "st", "no", "eg",
];

/// Splits prose into points: one per line, per semicolon and per sentence. A trailing full
/// stop or semicolon is dropped (points are checklist items); question marks stay.
pub(crate) fn split_points(text: &str) -> Vec<String> {
    let mut points = Vec::new();
    for line in text.lines() {
        for part in line.split(';') {
            for sentence in sentences(part) {
                let point = tidy_point(sentence);
                if !point.is_empty() {
                    points.push(point.to_owned());
                }
            }
        }
    }
    points
}

/// A point without surrounding blanks or a closing full stop.
fn tidy_point(text: &str) -> &str {
    let text = text.trim();
    match text.strip_suffix('.') {
        Some(rest) if !rest.ends_with('.') && !ends_with_abbreviation(rest) => rest.trim_end(),
        _ => text,
    }
}

/// The sentences of `text`, each with its closing punctuation.
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let end = at + c.len_utf8();
        let rest = &text[end..];
        let next_word = rest.trim_start();
        let spaced = rest.starts_with(char::is_whitespace);
        let capital = next_word
            .chars()
            .next()
            .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "\"“‘'(".contains(n));
        if spaced && capital && !(c == '.' && ends_with_abbreviation(&text[start..at])) {
            out.push(&text[start..end]);
            start = end;
        }
        // Skip the run of closing punctuation ("?!", "...") as one.
        while chars
            .peek()
            .is_some_and(|(_, n)| matches!(n, '.' | '?' | '!'))
        {
            chars.next();
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(&text[start..]);
    }
    out
}

/// Whether `text` ends with an abbreviation or an initial ("e.g", "J"), so a full stop after
/// it does not end a sentence.
fn ends_with_abbreviation(text: &str) -> bool {
    let word = text
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(['(', '"', '“']);
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// Longest excerpt quoted in a warning, in characters.
pub(crate) const EXCERPT_CHARS: usize = 60;

/// The start of `text` on one line, for a warning: “first 60 characters…”.
pub(crate) fn excerpt(text: &str) -> String {
    let mut out = String::new();
    let mut count = 0;
    for word in text.split_whitespace() {
        for c in (!out.is_empty())
            .then_some(' ')
            .into_iter()
            .chain(word.chars())
        {
            if count == EXCERPT_CHARS {
                return format!("“{}…”", out.trim_end());
            }
            out.push(c);
            count += 1;
        }
    }
    format!("“{out}”")
}

/// Words of a question's title used to make its id.
const ID_WORDS: usize = 8;

/// The first words of `text`, for making an id that stays short.
pub(crate) fn id_source(text: &str) -> String {
    text.split_whitespace()
        .take(ID_WORDS)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a title is a short name ("Caching strategies") rather than the question itself:
/// few words and no closing punctuation.
pub(crate) fn is_name(title: &str) -> bool {
    let title = title.trim();
    !title.is_empty()
        && title.split_whitespace().count() <= ID_WORDS
        && !title.ends_with(['?', '.', '!', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(strip_marker("1. How?"), Some((Marker::Number(1), "How?")));
        assert_eq!(strip_marker("12) Why"), Some((Marker::Number(12), "Why")));
        assert_eq!(strip_marker("Q1: What?"), Some((Marker::Named(1), "What?")));
        assert_eq!(
            strip_marker("q 2. What?"),
            Some((Marker::Named(2), "What?"))
        );
        assert_eq!(
            strip_marker("Question 3 - Design"),
            Some((Marker::Named(3), "Design"))
        );
        assert_eq!(strip_marker("Question #4"), Some((Marker::Named(4), "")));
        assert_eq!(strip_marker("3.5 GB of RAM"), None);
        assert_eq!(
            strip_marker("2.3. How do you shard?"),
            Some((Marker::Named(2), "How do you shard?"))
        );
        assert_eq!(
            strip_marker("1.1 What is a join?"),
            Some((Marker::Named(1), "What is a join?"))
        );
        assert_eq!(
            strip_marker("1.2.10 Why?"),
            Some((Marker::Named(1), "Why?"))
        );
        assert_eq!(strip_marker("1.5x faster?"), None);
        assert_eq!(strip_marker("1234567. A number"), None);
        assert_eq!(strip_marker("Quality matters"), None);
        assert_eq!(strip_marker("Q&A"), None);
        assert_eq!(strip_marker("Q3 revenue grew"), None);
        assert_eq!(
            strip_marker("Q. What is npm?"),
            Some((Marker::Named(0), "What is npm?"))
        );
        assert_eq!(strip_marker("Q. smith wrote"), None);
        assert_eq!(strip_marker("Q.E.D."), None);
        assert_eq!(
            strip_marker("Question 5 What now?"),
            Some((Marker::Named(5), "What now?"))
        );
    }

    #[test]
    fn times() {
        assert_eq!(parse_minutes("15 minutes"), Some(15));
        assert_eq!(parse_minutes("about 20 min"), Some(20));
        assert_eq!(parse_minutes("1 hour"), Some(60));
        assert_eq!(parse_minutes("1.5 hours"), Some(90));
        assert_eq!(parse_minutes("soon"), None);
        assert!(is_plain_time("~15 min"));
        assert!(!is_plain_time("15 minutes, 20 for seniors"));
        assert_eq!(take_time_suffix("How? (15 min)"), Some(("How?", 15)));
        assert_eq!(
            take_time_suffix("Design X [20 minutes]"),
            Some(("Design X", 20))
        );
        assert_eq!(take_time_suffix("Explain REST (briefly)"), None);
    }

    #[test]
    fn prose_splits_into_points() {
        assert_eq!(
            split_points("Uses keys, e.g. UUIDs. Stores results; expires them.\nWhy? Because."),
            vec![
                "Uses keys, e.g. UUIDs",
                "Stores results",
                "expires them",
                "Why?",
                "Because"
            ]
        );
        assert_eq!(
            split_points("Mentions J. Smith's paper etc."),
            vec!["Mentions J. Smith's paper etc."]
        );
    }

    #[test]
    fn excerpts_are_short_and_on_one_line() {
        assert_eq!(excerpt("  Home |\n Blog "), "“Home | Blog”");
        let long = excerpt(&"word ".repeat(40));
        assert!(long.ends_with("…”"));
        assert!(long.chars().count() <= EXCERPT_CHARS + 3);
    }
}
