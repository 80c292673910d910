//! Hostile input to both readers: empty, binary, ten megabytes, huge tables, deep nesting.
//! Always a valid pack, and in time only a linear importer meets.
#![allow(clippy::unwrap_used, clippy::panic)]

mod import_support;

use std::time::{Duration, Instant};

use onsite::domain::limits::{MAX_LIST_ITEMS, MAX_QUESTIONS};
use onsite::domain::validate::validate_pack;
use onsite::import::{ImportOptions, Imported, WarningKind, from_markdown, from_text};

// --- Hostile input ------------------------------------------------------------------------

/// Imports `text` both ways and checks the result is a valid pack, within a time that only a
/// linear importer meets (on a slow, busy machine, in a debug build).
fn survives(name: &str, text: &str) -> [Imported; 2] {
    let started = Instant::now();
    let markdown = from_markdown(text, &ImportOptions::default());
    let plain = from_text(text, &ImportOptions::default());
    let took = started.elapsed();
    eprintln!("{name}: {took:?} for {} bytes", text.len());
    assert!(took < Duration::from_secs(60), "{name}: took {took:?}");
    for imported in [&markdown, &plain] {
        assert_eq!(validate_pack(&imported.pack), vec![], "{name}");
    }
    [markdown, plain]
}

#[test]
fn empty_and_blank_documents() {
    for text in ["", "\n\n\n", "   \t  ", "\u{feff}"] {
        for imported in survives("empty", text) {
            assert!(imported.pack.questions.is_empty());
            assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
            assert_eq!(imported.warnings[0].kind, WarningKind::NoQuestions);
        }
    }
}

#[test]
fn binary_garbage() {
    // A fixed pseudo-random byte stream, read as text the way a careless caller would.
    let mut state: u32 = 0x2545_f491;
    let bytes: Vec<u8> = (0..200_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state >> 24) as u8
        })
        .collect();
    survives("random bytes", &String::from_utf8_lossy(&bytes));
    let all: Vec<u8> = (0..=255u8).cycle().take(100_000).collect();
    survives("every byte", &String::from_utf8_lossy(&all));
    survives("NULs", &"\0".repeat(100_000));
}

#[test]
fn ten_megabytes_of_text() {
    let question = "## 1. How do you roll out a schema change?\n\n**Purpose:** safety.\n\n\
                    ### Key points\n\n- Expand then contract\n- Backfill in batches\n\n\
                    ### Rubric\n\nWeak answers lock the table; strong ones never do.\n\n";
    let count = 10_000_000 / question.len();
    let text = question.repeat(count);
    let [markdown, _] = survives("10 MB of questions", &text);
    // A pack holds at most 20,000 questions; the rest are named in one warning.
    assert!(count > MAX_QUESTIONS);
    assert_eq!(markdown.pack.questions.len(), MAX_QUESTIONS);
    assert_eq!(
        markdown.pack.questions[MAX_QUESTIONS - 1].id,
        format!("how-do-you-roll-out-a-schema-change-{MAX_QUESTIONS}")
    );
    let over = markdown
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::LeftOut && w.message.contains("questions after the first"))
        .unwrap();
    assert_eq!(over.dropped.len(), count - MAX_QUESTIONS);

    let numbered: String = (1..=MAX_QUESTIONS)
        .map(|n| format!("{n}. Why does question number {n} matter so much?\nAnswer: because.\n"))
        .collect();
    let [_, plain] = survives("numbered text", &numbered);
    assert_eq!(plain.pack.questions.len(), MAX_QUESTIONS);

    survives("one long line", &"word ".repeat(2_000_000));
    survives(
        "one long paragraph of labels",
        &format!("## 1. Q?\n\n{}", "**Purpose:** x\n".repeat(500_000)),
    );
    survives(
        "one long paragraph of lines",
        &format!("## 1. Q?\n\n{}", "word\n".repeat(1_000_000)),
    );
    survives(
        "semicolons",
        &format!("## 1. Q?\n\n### Key points\n\n{}", "a;".repeat(1_000_000)),
    );
}

#[test]
fn huge_tables() {
    let rows = "| 1 | Weak | Blames the teammate. |\n".repeat(200_000);
    let [markdown, _] = survives(
        "a long table",
        &format!("## 1. Q?\n\n### Key points\n\n| a | b | c |\n|---|---|---|\n{rows}"),
    );
    // 200 key points fit; the rest go to the guidance up to its limit, and what is beyond
    // that is held by a warning.
    let question = &markdown.pack.questions[0];
    assert_eq!(question.key_points.len(), MAX_LIST_ITEMS);
    assert!(
        question
            .guidance
            .starts_with("Key points:\n- 1 – Weak: Blames the teammate.")
    );
    assert!(
        markdown
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::LeftOut && !w.dropped.is_empty())
    );
    // A wide header pads every short row below it with empty cells.
    let wide = format!(
        "## 1. Q?\n\n### Key points\n\n{}|\n{}|\n{}",
        "| a ".repeat(20_000),
        "|---".repeat(20_000),
        "x\n".repeat(20_000)
    );
    survives("a wide table", &wide);
    survives("pipes and dashes", &"|-".repeat(1_000_000));
    survives("rows without a table", &"| a | b |\n".repeat(200_000));
    survives(
        "tables in nested lists",
        &format!(
            "{}| a |\n{}|---|\n",
            "- ".repeat(10_000),
            "  ".repeat(10_000)
        ),
    );
}

#[test]
fn deeply_nested_lists() {
    let depth = 100_000;
    survives("nested bullets", &format!("{}deep", "- ".repeat(depth)));
    survives("nested numbers", &format!("{}deep", "1. ".repeat(depth)));
    survives("nested quotes", &format!("{}deep", "> ".repeat(depth)));
    survives(
        "nested emphasis",
        &format!("{}deep{}", "*_".repeat(depth), "_*".repeat(depth)),
    );
    survives("nested links", &"[".repeat(depth));
    // A staircase of indented items, each on its own line.
    let stairs: String = (0..2_000)
        .map(|i| format!("{}- step {i}\n", "  ".repeat(i)))
        .collect();
    survives("indented staircase", &stairs);
    let [markdown, _] = survives(
        "nested under a question",
        &format!("## 1. Q?\n\n### Key points\n\n{}deep\n", "- ".repeat(depth)),
    );
    assert_eq!(markdown.pack.questions[0].key_points, ["deep"]);
}
