//! What a line of a question bank looks like: a question, a category name, a section of the
//! document that is not about questions ("Contributing"), a quiz option, or decoration.

use super::labels::normalise;
use super::words::strip_marker;

/// Words a question starts with: interrogatives and the verbs of interview tasks.
const ASKING: &[&str] = &[
    "what", "whats", "how", "hows", "why", "when", "where", "which", "who", "whom", "whose", "is",
    "are", "was", "were", "can", "could", "do", "does", "did", "should", "would", "will", "have",
    "has", "may", "might", "shall",
];

/// Verbs that start a task ("Explain …", "Design …"); they need a few words after them, so a
/// category called "Design patterns" stays a category.
const TASKS: &[&str] = &[
    "explain",
    "describe",
    "tell",
    "name",
    "list",
    "compare",
    "define",
    "write",
    "implement",
    "design",
    "give",
    "discuss",
    "walk",
    "contrast",
    "differentiate",
    "distinguish",
    "outline",
    "summarize",
    "summarise",
    "suppose",
    "imagine",
    "create",
    "build",
    "find",
    "calculate",
    "identify",
    "state",
    "mention",
    "provide",
    "demonstrate",
    "illustrate",
    "elaborate",
    "share",
    "talk",
    "reverse",
    "sort",
    "convert",
    "predict",
    "guess",
    "show",
    "detect",
    "count",
    "merge",
    "check",
    "print",
    "return",
    "remove",
    "debug",
    "refactor",
    "estimate",
];

/// Fewest words a task needs to read as a question.
const TASK_WORDS: usize = 3;

/// Whether `text` reads like a question put to a candidate.
pub(crate) fn looks_like_question(text: &str) -> bool {
    let text = undecorated(text);
    let text = text.trim_end_matches(['*', '_', ' ']);
    if text.ends_with('?') || text.ends_with("?)") {
        return true;
    }
    let (numbered, rest) = match strip_marker(text) {
        Some((_, rest)) => (true, rest),
        None => (false, text),
    };
    if numbered && !rest.is_empty() {
        return true;
    }
    let key = normalise(rest);
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let Some(first) = words.first() else {
        return numbered;
    };
    if rest.trim_end().ends_with(':') || names_a_category(&key) {
        return false;
    }
    (ASKING.contains(first) && words.len() >= 2)
        || (TASKS.contains(first) && words.len() >= TASK_WORDS)
}

/// Words with which a question points at code shown with it ("What does this print?").
const POINTING: &[&str] = &[
    "this",
    "these",
    "following",
    "below",
    "above",
    "output",
    "outputs",
    "print",
    "prints",
    "printed",
    "log",
    "logs",
    "logged",
    "snippet",
    "code",
    "listing",
    "program",
    "result",
    "value",
    "happens",
    "return",
    "returns",
];

/// Whether a question points at code shown with it, so a listing after it is part of it.
pub(crate) fn refers_to_code(text: &str) -> bool {
    normalise(text)
        .split(' ')
        .any(|word| POINTING.contains(&word))
}

/// Whether a heading's words say it groups questions ("Coding questions", "General Questions").
pub(crate) fn names_a_category(key: &str) -> bool {
    key.split(' ')
        .any(|word| matches!(word, "questions" | "question" | "interview" | "interviews"))
        && !key.starts_with("what")
        && !key.starts_with("how")
        && !key.starts_with("why")
}

/// Headings of the parts of a README that are not about questions.
const DOCUMENT_SECTIONS: &[&str] = &[
    "contributing",
    "contribution",
    "contributions",
    "how to contribute",
    "contributors",
    "license",
    "licence",
    "licensing",
    "credits",
    "acknowledgements",
    "acknowledgments",
    "sponsors",
    "sponsor",
    "support",
    "donate",
    "donations",
    "changelog",
    "translations",
    "translation",
    "languages",
    "author",
    "authors",
    "about",
    "about me",
    "about the author",
    "disclaimer",
    "references",
    "resources",
    "further reading",
    "useful links",
    "links",
    "related",
    "see also",
    "table of contents",
    "contents",
    "toc",
    "index",
    "introduction",
    "intro",
    "overview",
    "how to use",
    "usage",
    "getting started",
    "prerequisites",
    "legend",
    "thanks",
    "thank you",
    "stargazers",
    "star history",
    "feedback",
    "contact",
    "faq",
];

/// Whether a heading names a section of the document that holds no questions.
pub(crate) fn is_document_section(text: &str) -> bool {
    let key = normalise(&undecorated(text));
    DOCUMENT_SECTIONS.contains(&key.as_str())
}

/// Whether a heading names a table of contents.
pub(crate) fn is_contents(text: &str) -> bool {
    matches!(
        normalise(&undecorated(text)).as_str(),
        "table of contents" | "contents" | "toc" | "index" | "table of content" | "content"
    )
}

/// A question's or category's text without leading decoration: emoji, `:shortcode:`s, arrows
/// and bullets, and counts such as "(61)" at the end of a category.
pub(crate) fn undecorated(text: &str) -> String {
    let mut rest = text.trim();
    loop {
        let before = rest.len();
        rest = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || !(c.is_alphanumeric() || c.is_ascii() || is_text_symbol(c))
        });
        if let Some(tail) = rest.strip_prefix(':')
            && let Some(end) = tail.find(':')
            && end > 0
            && tail[..end]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'+')
        {
            rest = &tail[end + 1..];
        }
        if rest.len() == before {
            break;
        }
    }
    rest.trim().to_owned()
}

/// Characters that start real text though they are not letters: quotes and currency.
fn is_text_symbol(c: char) -> bool {
    matches!(c, '“' | '‘' | '«' | '¿' | '¡' | '€' | '£')
}

/// A category heading as a tag: undecorated, without a trailing colon or a count in brackets.
pub(crate) fn category_name(text: &str) -> String {
    let mut name = undecorated(text);
    loop {
        let trimmed = name.trim_end().trim_end_matches(':').trim_end();
        let without_count = match trimmed.strip_suffix(')') {
            Some(inner) => match inner.rfind('(') {
                Some(open) if inner[open + 1..].trim().bytes().all(|b| b.is_ascii_digit()) => {
                    inner[..open].trim_end()
                }
                _ => trimmed,
            },
            None => trimmed,
        };
        if without_count.len() == name.len() {
            break;
        }
        name = without_count.to_owned();
    }
    name
}

/// Whether a list item is a quiz option: a task box (`[ ] …`, `[x] …`) or a lettered choice
/// (`A: …`, `b) …`, `(C) …`).
pub(crate) fn is_option(text: &str) -> bool {
    option_letter(text).is_some()
        || text.starts_with("[ ]")
        || text.starts_with("[x]")
        || text.starts_with("[X]")
}

/// The letter of a lettered option: "A: …", "b) …", "(C) …", "D. …".
pub(crate) fn option_letter(text: &str) -> Option<char> {
    let text = text.trim_start();
    let text = text.strip_prefix('(').unwrap_or(text);
    let mut chars = text.chars();
    // Quizzes letter their options from A; "Q. …" is a question, not an option.
    let letter = chars
        .next()
        .filter(|c| ('a'..='h').contains(&c.to_ascii_lowercase()))?;
    let rest = chars.as_str();
    let after = rest.strip_prefix([':', ')', '.'])?;
    (after.is_empty() || after.starts_with(char::is_whitespace))
        .then(|| letter.to_ascii_uppercase())
}

/// Whether an option is marked correct (`[x]`).
pub(crate) fn is_marked_correct(text: &str) -> bool {
    text.starts_with("[x]") || text.starts_with("[X]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_and_categories() {
        for question in [
            "What is a closure",
            "12. What's the output?",
            "Q3: Explain hoisting",
            "Explain event delegation.",
            "Design a URL shortener",
            "🔥 How does `this` work",
            "Tell me about yourself.",
        ] {
            assert!(looks_like_question(question), "{question}");
        }
        for category in [
            "Design patterns",
            "General Questions:",
            "Coding questions",
            "Payments team",
            "What's new:",
            "JavaScript",
        ] {
            assert!(!looks_like_question(category), "{category}");
        }
    }

    #[test]
    fn decoration_and_category_names() {
        assert_eq!(
            undecorated(":rocket: 🚀 Getting started"),
            "Getting started"
        );
        assert_eq!(category_name("System Questions (61)"), "System Questions");
        assert_eq!(
            category_name(":diamond: Junior Sysadmin:"),
            "Junior Sysadmin"
        );
        assert_eq!(undecorated("“Quoted” start"), "“Quoted” start");
        assert!(is_document_section("🤝 Contributing"));
        assert!(is_contents("Table of Contents"));
    }

    #[test]
    fn options() {
        assert_eq!(option_letter("A: `Lydia`"), Some('A'));
        assert_eq!(option_letter("b) true"), Some('B'));
        assert_eq!(option_letter("(C) never"), Some('C'));
        assert_eq!(option_letter("A closure is"), None);
        assert_eq!(option_letter("Q. What is npm?"), None);
        assert!(is_option("[x] `!==`"));
        assert!(is_marked_correct("[X] yes"));
        assert!(!is_option("Always"));
    }
}
