//! Plain text (copied from a web page or a document) → draft.
//!
//! Questions are numbered lines: "Q1: …" / "Question 3 - …" when the document uses them,
//! otherwise "1. …" lines whose numbers follow on from question to question (so a numbered
//! list of key points inside a question is not taken for questions). Under a question,
//! "Label:" on its own line, or at the start of a line, opens a section.
//!
//! Text copied from a web page comes with page furniture: menus before the first question,
//! share buttons, "Recommended reading" and cookie notices after the last. Everything before
//! the first question is left out; the last question ends at the first line that looks like
//! furniture; furniture lines between questions are dropped. Each is named in a warning.

use super::draft::{Block, BlockKind, Body, Draft, DraftQuestion, Opener};
use super::labels::{self, Target, normalise};
use super::shapes::looks_like_question;
use super::warning::{Dropped, ImportWarning, WarningKind};
use super::words::{Marker, excerpt, strip_marker};
use crate::domain::QuestionField;

/// Reads plain text into a draft.
pub(crate) fn draft(text: &str) -> Draft {
    let lines = split_lines(text);
    let kinds: Vec<Kind<'_>> = lines.iter().map(|line| classify(line)).collect();
    let mut starts = question_starts(&kinds);
    if starts.is_empty() {
        starts = asking_lines(&lines, &kinds);
    }
    let mut draft = Draft::default();
    let Some(&first) = starts.first() else {
        left_out(
            &numbered(&lines[..]),
            "text outside any question",
            &mut draft.warnings,
        );
        return draft;
    };
    let before = preamble(&lines[..first], &mut draft);
    left_out(
        &before,
        "text before the first question",
        &mut draft.warnings,
    );
    let mut numbers = Dropped::default();
    for (k, &start) in starts.iter().enumerate() {
        let mut end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let last = k + 1 == starts.len();
        if last && let Some(cut) = (start + 1..end).find(|&i| is_furniture(lines[i])) {
            let after: Vec<(usize, &str)> = (cut..end).map(|i| (i, lines[i])).collect();
            left_out(&after, "text after the last question", &mut draft.warnings);
            end = cut;
        }
        if let Kind::Numbered(_, rest) = kinds[start] {
            let line = lines[start].trim();
            // `rest` ends the line, so the number is what comes before it.
            let cut = line.len().saturating_sub(rest.len());
            numbers.add(start + 1, line.get(..cut).unwrap_or("").trim());
        }
        draft
            .questions
            .push(question(&lines, &kinds, start, end, &mut draft.warnings));
    }
    draft
        .warnings
        .extend(numbers.warning("question number", "left out of the prompts"));
    draft
}

/// Lines without their line ends; a file with only carriage returns (old Mac) is split on them.
fn split_lines(text: &str) -> Vec<&str> {
    if !text.contains('\n') && text.contains('\r') {
        text.split('\r').collect()
    } else {
        text.lines().collect()
    }
}

/// Lines with their indices.
fn numbered<'a>(lines: &[&'a str]) -> Vec<(usize, &'a str)> {
    lines.iter().copied().enumerate().collect()
}

/// Fewest words of a paragraph before the first question that reads as the document's own
/// prose.
const PROSE_WORDS: usize = 8;

/// Most words of a line before the first question that names the questions (the page's title).
const TITLE_WORDS: usize = 14;

/// Whether a line before the first question is the page's title: a short line that says it is
/// about questions or interviews ("CSS Interview Questions I Ask Every Candidate").
fn is_title(line: &str) -> bool {
    let key = normalise(line);
    let words = key.split(' ').count();
    (2..=TITLE_WORDS).contains(&words)
        && !line.contains('|')
        && !is_furniture(line)
        && key.split(' ').any(|word| {
            matches!(
                word,
                "question" | "questions" | "interview" | "interviews" | "faq"
            )
        })
}

/// Keeps the prose before the first question (paragraphs someone wrote about the questions) in
/// the draft's preamble, for the pack's description, and the page's title as its title; gives
/// back the other lines (menus, bylines, page furniture) to be left out.
fn preamble<'a>(lines: &[&'a str], draft: &mut Draft) -> Vec<(usize, &'a str)> {
    let mut rest = Vec::new();
    let mut start = 0;
    while start < lines.len() {
        let end = (start..lines.len())
            .find(|&i| lines[i].trim().is_empty())
            .unwrap_or(lines.len());
        let paragraph = &lines[start..end];
        let text = paragraph
            .iter()
            .map(|line| line.trim())
            .collect::<Vec<_>>()
            .join(" ");
        let prose = text.split_whitespace().count() >= PROSE_WORDS
            && text.starts_with(char::is_uppercase)
            && text.ends_with(['.', '!', '?', ':'])
            && !paragraph.iter().any(|line| is_furniture(line));
        if prose {
            let block = Block::new(start + 1, BlockKind::Paragraph, 0, text);
            draft.preamble.push(block);
        } else {
            for (i, line) in paragraph.iter().enumerate() {
                if draft.title.is_none() && is_title(line.trim()) {
                    draft.title = Some(line.trim().to_owned());
                } else {
                    rest.push((start + i, *line));
                }
            }
        }
        start = end + 1;
    }
    rest
}

/// Reports the non-blank lines of `lines` (with their indices) as left out, in one warning
/// that holds their text.
fn left_out(lines: &[(usize, &str)], place: &str, warnings: &mut Vec<ImportWarning>) {
    let mut non_blank = lines.iter().filter(|(_, line)| !line.trim().is_empty());
    let Some(&(index, first)) = non_blank.next() else {
        return;
    };
    let more = match non_blank.clone().count() {
        0 => String::new(),
        n => format!(" and {n} more line(s)"),
    };
    let dropped = lines
        .iter()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(_, line)| line.trim().to_owned())
        .collect();
    warnings.push(ImportWarning {
        dropped,
        ..ImportWarning::document(
            index + 1,
            WarningKind::LeftOut,
            format!("{place} left out: {}{more}", excerpt(first)),
        )
    });
}

/// What a line looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind<'a> {
    Blank,
    /// A numbered line and the text after the number.
    Numbered(Marker, &'a str),
    /// A bulleted line and the text after the bullet.
    Bullet(&'a str),
    /// "Label:" alone, or at the start of the line.
    Label,
    /// "Question: …" or "Q: …": a question under its label, and its text.
    Prompt(&'a str),
    Text,
}

const BULLETS: [&str; 12] = [
    "- ", "* ", "+ ", "• ", "· ", "– ", "— ", "▪ ", "◦ ", "‣ ", "○ ", "► ",
];

fn classify(line: &str) -> Kind<'_> {
    let line = line.trim();
    if line.is_empty() {
        return Kind::Blank;
    }
    if let Some((marker, rest)) = strip_marker(line) {
        return Kind::Numbered(marker, rest);
    }
    if let Some(rest) = BULLETS.iter().find_map(|bullet| line.strip_prefix(bullet)) {
        return Kind::Bullet(rest.trim_start());
    }
    if let Some((label, rest)) = labels::leading(line)
        && label.field() == Some(Target::Field(QuestionField::Prompt))
        && !rest.is_empty()
    {
        return Kind::Prompt(rest);
    }
    if labels::exact(line).is_some()
        || labels::alone(line).is_some()
        || labels::leading(line).is_some()
    {
        return Kind::Label;
    }
    Kind::Text
}

/// Indices of the lines that start questions.
fn question_starts(kinds: &[Kind<'_>]) -> Vec<usize> {
    let named = kinds
        .iter()
        .any(|kind| matches!(kind, Kind::Numbered(Marker::Named(_), _) | Kind::Prompt(_)));
    let mut starts = Vec::new();
    let mut expected: Option<u32> = None;
    // The number of the last item of a numbered list inside a question, while that list may
    // still go on: "2." right after "1. …" continues it rather than starting question 2.
    let mut list_number: Option<u32> = None;
    for (i, kind) in kinds.iter().enumerate() {
        match *kind {
            Kind::Numbered(Marker::Named(_), _) | Kind::Prompt(_) => {
                starts.push(i);
                list_number = None;
            }
            Kind::Numbered(Marker::Number(n), rest) => {
                let is_question = !named
                    && expected.map_or(n == 1, |e| n == e)
                    && list_number.is_none_or(|last| n != last.saturating_add(1))
                    && (rest.ends_with('?') || rest.split_whitespace().count() >= 3);
                if is_question {
                    starts.push(i);
                    expected = Some(n.saturating_add(1));
                    list_number = None;
                } else {
                    list_number = Some(n);
                }
            }
            Kind::Label => list_number = None,
            Kind::Blank | Kind::Bullet(_) | Kind::Text => {}
        }
    }
    starts
}

/// Longest line read as an unnumbered question, in characters.
const MAX_ASKING_LINE: usize = 300;

/// Where no line is numbered (numbers are often lost when a page's list is copied): the lines
/// that ask, on their own after a blank line (or a bullet), are the questions.
fn asking_lines(lines: &[&str], kinds: &[Kind<'_>]) -> Vec<usize> {
    (0..lines.len())
        .filter(|&i| {
            let text = match kinds[i] {
                Kind::Text => lines[i].trim(),
                Kind::Bullet(rest) => rest,
                _ => return false,
            };
            let after_blank = i == 0 || kinds[i - 1] == Kind::Blank;
            let bullet = matches!(kinds[i], Kind::Bullet(_));
            (after_blank || bullet)
                && text.ends_with('?')
                && text.chars().count() <= MAX_ASKING_LINE
                && looks_like_question(text)
                && !is_furniture(text)
        })
        .collect()
}

/// Builds the question whose lines are `start..end`.
fn question(
    lines: &[&str],
    kinds: &[Kind<'_>],
    start: usize,
    end: usize,
    warnings: &mut Vec<ImportWarning>,
) -> DraftQuestion {
    let mut title = match kinds[start] {
        Kind::Numbered(_, rest) | Kind::Bullet(rest) | Kind::Prompt(rest) => rest.to_owned(),
        _ => lines[start].trim().to_owned(),
    };
    let mut title_open = !title.is_empty();
    let mut body = Body::default();
    let mut blank_before = false;
    // Whether the last block may take a wrapped line.
    let mut last_open = false;
    let mut previous = lines[start].trim();
    for i in start + 1..end {
        let line = lines[i].trim();
        let number = i + 1;
        // Only ordinary text continues a line; a label, number or bullet starts something new.
        let wrapped = kinds[i] == Kind::Text && continues(previous, line);
        previous = line;
        if line.is_empty() {
            blank_before = true;
            title_open = false;
            last_open = false;
            continue;
        }
        if is_furniture(line) {
            warnings.push(ImportWarning {
                dropped: vec![line.to_owned()],
                ..ImportWarning::document(
                    number,
                    WarningKind::LeftOut,
                    format!(
                        "page furniture between questions left out: {}",
                        excerpt(line)
                    ),
                )
            });
            continue;
        }
        if title_open && wrapped {
            title.push(' ');
            title.push_str(line);
            continue;
        }
        title_open = false;
        if last_open
            && wrapped
            && let Some(block) = body.last_block_mut()
        {
            block.text.push(' ');
            block.text.push_str(line);
            continue;
        }
        if let Some(label) = labels::exact(line).or_else(|| labels::alone(line)) {
            body.open(label, number, Opener::Paragraph);
            blank_before = true;
            last_open = false;
            continue;
        }
        if let Some((label, rest)) = labels::leading(line) {
            body.open(label, number, Opener::Paragraph);
            if !rest.is_empty() {
                body.push(Block::new(number, BlockKind::Paragraph, 0, rest));
            }
            blank_before = false;
            last_open = !rest.is_empty();
            continue;
        }
        let block = match kinds[i] {
            Kind::Numbered(Marker::Number(_), rest) | Kind::Bullet(rest) => {
                Block::new(number, BlockKind::Item, 1, rest)
            }
            _ if blank_before => Block::new(number, BlockKind::Paragraph, 0, line),
            _ => Block::new(number, BlockKind::Line, 0, line),
        };
        body.push(block);
        blank_before = false;
        last_open = true;
    }
    DraftQuestion {
        body,
        ..DraftQuestion::new(start + 1, title)
    }
}

/// Lines at least this long that stop mid-sentence were wrapped by an editor.
const WRAPPED_LINE: usize = 60;

/// Whether `line` continues the line `before` it (a sentence wrapped onto the next line):
/// `before` does not end a sentence or a label, and either `line` starts with a small letter or
/// `before` is as long as lines an editor wraps. Short unpunctuated lines stay apart, as they
/// are usually list items without bullets.
fn continues(before: &str, line: &str) -> bool {
    let before = before.trim_end();
    !before.is_empty()
        && !line.is_empty()
        && !before.ends_with(['.', '?', '!', ':', ';'])
        && (line.chars().next().is_some_and(char::is_lowercase)
            || before.chars().count() >= WRAPPED_LINE)
}

/// Phrases that start a line of page furniture.
const FURNITURE_STARTS: &[&str] = &[
    "recommended reading",
    "recommended for you",
    "related posts",
    "related articles",
    "related reading",
    "you may also like",
    "you might also like",
    "read next",
    "read more",
    "more from",
    "more articles",
    "share this",
    "share on",
    "share via",
    "leave a comment",
    "leave a reply",
    "about the author",
    "posted in",
    "filed under",
    "previous post",
    "next post",
    "previous article",
    "next article",
    "subscribe to",
    "sign up for our",
    "join our newsletter",
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "cookie settings",
    "accept all cookies",
    "all rights reserved",
    "back to top",
    "follow us on",
    "was this article helpful",
    "was this helpful",
    "skip to content",
    "table of contents",
    "jump to navigation",
    "jump to search",
    "jump to",
    "see also",
    "this page was last edited",
    "this page was last modified",
    "last edited",
    "last modified",
    "retrieved from",
    "privacy policy",
    "terms of use",
    "terms of service",
    "cookie policy",
    "powered by",
    "edit this page",
    "view history",
    "what links here",
];

/// Words that are furniture when they stand alone on a line (or between separators).
const FURNITURE_WORDS: &[&str] = &[
    "share",
    "tweet",
    "comments",
    "comment",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "reddit",
    "email",
    "print",
    "copy link",
    "menu",
    "home",
    "blog",
    "about",
    "contact",
    "subscribe",
    "newsletter",
    "advertisement",
    "sponsored",
    "related",
    "recommended",
    "accept",
    "accept all",
    "reject all",
    "log in",
    "sign in",
    "sign up",
    "disclaimers",
    "disclaimer",
    "help",
    "main page",
    "recent changes",
    "random page",
    "talk",
    "edit",
    "history",
    "search",
];

/// Lines of furniture longer than this many words are sentences someone wrote.
const MAX_FURNITURE_WORDS: usize = 10;

/// Whether a line looks like page furniture rather than interview text.
fn is_furniture(line: &str) -> bool {
    let line = line.trim();
    if line.starts_with('©') {
        return true;
    }
    let key = without_numbers(&normalise(line));
    if key.split(' ').count() > MAX_FURNITURE_WORDS {
        return false;
    }
    if FURNITURE_STARTS
        .iter()
        .any(|phrase| key == *phrase || key.starts_with(&format!("{phrase} ")))
    {
        return true;
    }
    let segments: Vec<String> = line
        .split(['|', '·', '•', '/', ':'])
        .map(|segment| without_numbers(&normalise(segment)))
        .filter(|segment| !segment.is_empty())
        .collect();
    !segments.is_empty()
        && segments
            .iter()
            .all(|segment| FURNITURE_WORDS.contains(&segment.as_str()))
}

/// `normalise`d text without words that are only digits ("12 comments" → "comments").
fn without_numbers(key: &str) -> String {
    key.split(' ')
        .filter(|word| !word.bytes().all(|b| b.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        assert!(is_furniture("Recommended reading"));
        assert!(is_furniture("12 Comments"));
        assert!(is_furniture("Share: Twitter | Facebook | LinkedIn"));
        assert!(is_furniture("Twitter | Facebook | LinkedIn"));
        assert!(is_furniture("© 2026 Example Media"));
        assert!(!is_furniture("Shares passwords in chat"));
        assert!(!is_furniture("Sign up flows that are not idempotent"));
        assert!(!is_furniture(
            "Comments out failing tests instead of fixing them"
        ));
    }

    #[test]
    fn long_lines_wrap_but_labels_do_not() {
        let text = "1. Design a rate limiter for a public API used by thousands of customers\n\
                    Purpose: trade-offs\nKey points: Token buckets per API key, kept in a shared store like\n\
                    Redis or similar\n";
        let draft = draft(text);
        let question = &draft.questions[0];
        assert_eq!(
            question.title,
            "Design a rate limiter for a public API used by thousands of customers"
        );
        let sections = &question.body.sections;
        assert_eq!(sections[0].label.name(), "Purpose");
        assert_eq!(
            sections[1].blocks[0].text,
            "Token buckets per API key, kept in a shared store like Redis or similar"
        );
    }

    #[test]
    fn without_numbers_the_lines_that_ask_are_questions() {
        let text = "Intro line\n\nWhat is a join?\nIt combines rows. Why?\n\n\
                    Is this a question too?\nYes.\n\n• What is an index?\n• Explain views?\n";
        let draft = draft(text);
        let titles: Vec<&str> = draft.questions.iter().map(|q| q.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "What is a join?",
                "Is this a question too?",
                "What is an index?",
                "Explain views?"
            ]
        );
    }

    #[test]
    fn question_labels_start_questions() {
        let text = "Java questions from our wiki\n\nQuestion: What is the JVM?\n\
                    Answer: The machine that runs bytecode.\n\n1. Not a question, a step\n\n\
                    Q: What is a checked exception?\nA: One you must catch or declare.\n";
        let draft = draft(text);
        let titles: Vec<&str> = draft.questions.iter().map(|q| q.title.as_str()).collect();
        assert_eq!(titles, ["What is the JVM?", "What is a checked exception?"]);
        assert_eq!(draft.title.as_deref(), Some("Java questions from our wiki"));
    }

    #[test]
    fn numbered_lists_inside_questions_are_not_questions() {
        let text = "1. How do you cache?\nKey points:\n1. Invalidation\n2. Expiry rules matter\n\n2. How do you shard data?\n";
        let kinds: Vec<Kind<'_>> = split_lines(text).iter().map(|l| classify(l)).collect();
        assert_eq!(question_starts(&kinds), vec![0, 5]);
    }
}
