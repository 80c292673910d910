//! Properties of the importer over generated input: a pack written as Markdown reads back as
//! the same pack, whatever its text looks like; and every word of a question bank ends up in
//! the pack or in a warning.
#![allow(clippy::unwrap_used, clippy::panic)]

mod import_support;

use onsite::domain::validate::validate_pack;
use onsite::domain::{Level, Question, QuestionPack, Rubric, RubricLevel};
use onsite::import::{ImportOptions, WarningKind, from_markdown};
use onsite::report::pack_to_markdown;
use proptest::prelude::*;

/// Lines that look like Markdown structure or like the importer's labels.
const AWKWARD_LINES: &[&str] = &[
    "# not a heading",
    "## 2. not a question",
    "1. not a list",
    "2) nor this",
    "- dash",
    "* star",
    "+ plus",
    "> quote",
    "| a | b |",
    "|---|---|",
    ":-- | --:",
    "`code`",
    "```",
    "~~~",
    "```verbatim",
    "    indented code",
    "  two spaces",
    "trailing spaces  ",
    "\ttab first",
    "Key points: not a label",
    "**Purpose:** not bold",
    "Q1: not a question",
    "Question: nor this",
    "A: no answer",
    "<details><summary>Hidden?</summary>",
    "</details>",
    "<!-- comment -->",
    "[⬆ Back to top](#top)",
    "![badge](https://x.test/b.svg)",
    "---",
    "===",
    "***",
    "Rubric",
    "1 – Weak: a level",
    "R&D &amp; C#",
    "emoji 🚀 text",
    "What is this?",
    "Table of Contents",
    "",
    "",
];

fn awkward_text() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(AWKWARD_LINES), "[a-z]{0,6}"), 1..6).prop_map(
        |lines| {
            lines
                .into_iter()
                .map(|(line, word)| {
                    if word.is_empty() {
                        line.to_owned()
                    } else {
                        format!("{line} {word}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        },
    )
}

/// A name-like value: words and signs, mostly on one line with single spaces, now and then
/// over several lines, with padding, a tab or Markdown structure at a line's start.
fn name() -> impl Strategy<Value = String> {
    let word = prop::sample::select(
        &[
            "API", "R&D", "C#", "*star*", "a_b", "[x]", "50%", "`tick`", "<b>", "Q1:", "#1",
            "Weak", "caching", "Level", "é", "- dash", "1. one", "## h",
        ][..],
    );
    let gap = prop::sample::select(&[" ", " ", " ", " ", "\n", "\n\n", "  ", "\t", " \n "][..]);
    (word.clone(), prop::collection::vec((gap, word), 0..3)).prop_map(|(first, rest)| {
        let mut name = first.to_owned();
        for (gap, word) in rest {
            name.push_str(gap);
            name.push_str(word);
        }
        name
    })
}

fn non_blank(text: String, fallback: &str) -> String {
    if text.trim().is_empty() {
        fallback.to_owned()
    } else {
        text
    }
}

fn question(index: usize) -> impl Strategy<Value = Question> {
    (
        awkward_text(),
        awkward_text(),
        prop::collection::vec(awkward_text(), 0..3),
        awkward_text(),
        prop::collection::vec(awkward_text(), 0..3),
        prop::option::of(name()),
        prop::collection::vec(name(), 0..3),
        1u32..240,
        prop::option::of(prop::collection::vec(awkward_text(), 2..4)),
    )
        .prop_map(
            move |(
                prompt,
                purpose,
                key_points,
                guidance,
                follow_ups,
                competency,
                tags,
                minutes,
                rubric,
            )| {
                let mut question =
                    Question::new(format!("q{index}"), non_blank(prompt, "Ask"), minutes);
                question.purpose = purpose;
                question.key_points = key_points
                    .into_iter()
                    .map(|p| non_blank(p, "point"))
                    .collect();
                question.guidance = guidance;
                question.follow_ups = follow_ups
                    .into_iter()
                    .map(|p| non_blank(p, "why"))
                    .collect();
                question.competency = competency.unwrap_or_default();
                let mut seen = Vec::new();
                for tag in tags {
                    if !seen.contains(&tag) {
                        seen.push(tag);
                    }
                }
                question.tags = seen;
                question.level = Level::ALL[minutes as usize % Level::ALL.len()];
                question.weight = [1.0, 0.5, 2.5][minutes as usize % 3];
                question.rubric = rubric.map(|anchors| Rubric {
                    levels: anchors
                        .into_iter()
                        .enumerate()
                        .map(|(i, anchor)| RubricLevel {
                            score: (i as u8) * 2 + 1,
                            label: format!("Level {i}"),
                            anchor,
                        })
                        .collect(),
                });
                question
            },
        )
}

fn pack() -> impl Strategy<Value = QuestionPack> {
    (
        name(),
        awkward_text(),
        prop::option::of(name()),
        prop::collection::vec(name(), 0..3),
        (0usize..4).prop_flat_map(|count| (0..count).map(question).collect::<Vec<_>>()),
    )
        .prop_map(|(title, description, author, tags, questions)| {
            let mut pack = QuestionPack::new("generated", title);
            pack.description = description;
            pack.author = author.unwrap_or_default();
            let mut seen = Vec::new();
            for tag in tags {
                if !seen.contains(&tag) {
                    seen.push(tag);
                }
            }
            pack.tags = seen;
            pack.questions = questions;
            pack
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_pack_survives_markdown_and_back(pack in pack()) {
        prop_assume!(validate_pack(&pack).is_empty());
        let markdown = pack_to_markdown(&pack);
        let imported = from_markdown(&markdown, &ImportOptions::default());
        // A pack without questions reads back with the warning that says so, and nothing else.
        let warnings: Vec<_> = imported
            .warnings
            .iter()
            .filter(|w| !(pack.questions.is_empty() && w.kind == WarningKind::NoQuestions))
            .collect();
        prop_assert!(warnings.is_empty(), "{:?}\n{}", warnings, markdown);
        prop_assert_eq!(&imported.pack, &pack, "{}", markdown);
    }
}

/// A question bank made of the shapes real ones use, with generated words, and the words.
/// Its first block is always a question.
fn bank() -> impl Strategy<Value = (String, Vec<String>)> {
    let word = "[a-z]{4,9}";
    let block = |shapes| (shapes, prop::collection::vec(word, 6));
    (block(0usize..9), prop::collection::vec(block(0usize..12), 0..11)).prop_map(
        |(first, rest)| {
            let blocks = std::iter::once(first).chain(rest);
            let mut text = String::from("# Bank\n\n");
            let mut words = Vec::new();
            for (n, (shape, w)) in blocks.enumerate() {
                let [a, b, c, d, e, f] = [&w[0], &w[1], &w[2], &w[3], &w[4], &w[5]];
                let block = match shape {
                    0 => format!("## What is {a} {b}\n\n{c} {d} {e} {f}.\n\n"),
                    1 => format!("## {a} questions\n\n* How does {b} work?\n  * Why {c}?\n* Explain {d} {e} {f}.\n\n"),
                    2 => format!("<details><summary>What is {a} {b}?</summary>\n\n{c} {d}.\n\n- {e}\n- {f}\n\n</details>\n\n"),
                    3 => format!("###### {n}. What does {a} print?\n\n```\n{b}({c})\n```\n\n- A: {d}\n- B: {e}\n\n#### Answer: B\n\n{f}.\n\n"),
                    4 => format!("#### Q{n}. Which {a} is {b}?\n\n- [ ] {c}\n- [x] {d}\n\n**Explanation:** {e} {f}.\n\n"),
                    5 => format!("Q: Why {a} {b}?\nA: {c} {d} {e} {f}.\n\n"),
                    6 => format!("1. ### How do you {a} {b}\n\n   {c} {d} {e} {f}.\n\n   [⬆ Back to top](#bank)\n\n"),
                    7 => format!("## {a} {b}\n\n{c} {d} {e}, {f}.\n\n"),
                    // A table's header row only names its columns; it is not counted.
                    8 => format!("### Why {a} {b}?\n\n| Point | Detail |\n|---|---|\n| {c} | {d} |\n| {e} | {f} |\n\n"),
                    9 => format!("| # | Question | Answer |\n|---|---|---|\n| {n} | What is {a} {b}? | {c} {d}. |\n| | Why {e}? | {f}. |\n\n"),
                    10 => format!("**{n}. How do you {a} {b}?**  \n{c} {d} {e} {f}.\n\n"),
                    _ => format!("## Contributing\n\n{a} {b} {c} {d} {e} {f}.\n\n"),
                };
                text.push_str(&block);
                words.extend(w);
            }
            (text, words)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_word_of_a_bank_is_in_the_pack_or_a_warning((text, words) in bank()) {
        let imported = from_markdown(&text, &ImportOptions::default());
        prop_assert_eq!(validate_pack(&imported.pack), vec![]);
        prop_assert!(!imported.pack.questions.is_empty(), "{}", text);
        // The same word counter as the real-bank corpus (`tests/import_real.rs`).
        let said = import_support::said(&imported);
        for word in &words {
            prop_assert!(said.contains(word), "`{}` lost from:\n{}", word, text);
        }
        // Every number in the source (question numbers included) is kept too.
        for word in import_support::words(&text) {
            if word.bytes().all(|b| b.is_ascii_digit()) {
                prop_assert!(said.contains(&word), "`{}` lost from:\n{}", word, text);
            }
        }
    }
}
