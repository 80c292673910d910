//! Hostile input never panics: malformed files and random mutations of the bundled packs.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use onsite::domain::{Evaluation, InterviewPlan, QuestionPack};
use onsite::storage::{BUNDLED_PACKS, parse};
use proptest::prelude::*;

/// Parses `text` as every kind of file; only the absence of a panic matters here.
fn parse_all(text: &str) {
    let path = Path::new("fuzz.ron");
    let _ = parse::<QuestionPack>(path, text);
    let _ = parse::<InterviewPlan>(path, text);
    let _ = parse::<Evaluation>(path, text);
}

#[test]
fn a_corpus_of_malformed_files_is_refused_without_panicking() {
    let corpus = [
        "",
        " ",
        "QuestionPack",
        "QuestionPack(",
        "QuestionPack()",
        "QuestionPack(format: -1, id: \"x\", title: \"x\", questions: [])",
        "QuestionPack(format: 99999999999999999999, id: \"x\")",
        "QuestionPack(format: 1, id: \"x\", title: \"x\", questions: [(id: \"a\", prompt: \"?\", minutes: 4294967296)])",
        "QuestionPack(format: 1, id: \"x\", title: \"x\", questions: [(id: \"a\", prompt: \"?\", minutes: 5, weight: inf)])",
        "QuestionPack(format: 1, id: \"x\", title: \"x\", questions: [(id: \"a\", prompt: \"?\", minutes: 5, rubric: [(score: 300, label: \"x\")])])",
        "Evaluation(format: 1, candidate: \"x\", answers: [(question: (id: \"a\", prompt: \"?\", minutes: 5), outcome: Rated(255), covered: [18446744073709551615])])",
        "Evaluation(format: 1, candidate: \"x\", answers: [], current: 18446744073709551615)",
        "Evaluation(format: 1, candidate: \"x\", answers: [], started_at: \"yesterday\")",
        "InterviewPlan(format: 1, title: \"x\", entries: [(question: Custom(id: \"a\"))])",
        "InterviewPlan(format: 1, title: \"x\", entries: [(question: Nope(1))])",
        "\"unterminated",
        "r#######\"",
        "/* never closed",
        "#![enable(everything)]",
        "(((((((((((((((((((((((((((((((((((((((((((((((((((",
        "\u{feff}QuestionPack(format: 1)",
        "QuestionPack(format: 1, id: \"x\", title: \"x\", questions: [], questions: [])",
    ];
    for text in corpus {
        parse_all(text);
    }
    let deep_struct = format!("{}{}", "Custom(".repeat(50_000), ")".repeat(50_000));
    parse_all(&deep_struct);
    let deep_list = format!(
        "QuestionPack(format: 1, id: \"x\", title: \"x\", questions: {}",
        "[".repeat(200_000)
    );
    parse_all(&deep_list);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn mutated_bundled_packs_never_panic(
        pack in 0..BUNDLED_PACKS.len(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<char>()), 1..8),
    ) {
        let mut text: Vec<char> = BUNDLED_PACKS[pack].1.chars().collect();
        for (at, kind, c) in edits {
            if text.is_empty() {
                break;
            }
            let i = at.index(text.len());
            match kind {
                0 => text[i] = c,
                1 => text.insert(i, c),
                2 => { text.remove(i); }
                _ => text.truncate(i),
            }
        }
        let text: String = text.into_iter().collect();
        parse_all(&text);
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        parse_all(&text);
    }
}
