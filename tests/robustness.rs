//! Hostile input never panics: malformed files and random mutations of the bundled packs.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use onsite::domain::{Evaluation, InterviewPlan, Question, QuestionPack};
use onsite::storage::format::ron_only;
use onsite::storage::{BUNDLED_PACKS, parse, to_ron};
use proptest::prelude::*;

#[path = "common/hostile.rs"]
mod hostile;

/// Applies `edits` (replace, insert, remove, truncate at an index) to `text`.
fn mutate(text: &str, edits: &[(prop::sample::Index, u8, char)]) -> String {
    let mut text: Vec<char> = text.chars().collect();
    for (at, kind, c) in edits {
        if text.is_empty() {
            break;
        }
        let i = at.index(text.len());
        match kind {
            0 => text[i] = *c,
            1 => text.insert(i, *c),
            2 => {
                text.remove(i);
            }
            _ => text.truncate(i),
        }
    }
    text.into_iter().collect()
}

/// Characters that matter to RON, with any character now and then.
fn ron_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            '(', ')', '[', ']', ':', ',', '"', '\\', '#', 'r', '/', '*', ' ', '\n', '-', '.', 'e',
            '0', '9', '_', 'S', 'N', '\'', 'u', '{',
        ]),
        1 => any::<char>(),
    ]
}

/// Parses `text` as every kind of file; only the absence of a panic matters here.
fn parse_all(text: &str) {
    let _ = refused_by_all(text);
}

/// Parses `text` as every kind of file and says whether every kind refused it, with the first
/// kind that accepted it otherwise.
fn refused_by_all(text: &str) -> Result<(), &'static str> {
    let path = Path::new("fuzz.ron");
    if parse::<QuestionPack>(path, text).is_ok() {
        return Err("QuestionPack");
    }
    if parse::<InterviewPlan>(path, text).is_ok() {
        return Err("InterviewPlan");
    }
    if parse::<Evaluation>(path, text).is_ok() {
        return Err("Evaluation");
    }
    Ok(())
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
        assert_eq!(refused_by_all(text), Ok(()), "accepted: {text:?}");
    }
    let deep_struct = format!("{}{}", "Custom(".repeat(50_000), ")".repeat(50_000));
    assert_eq!(refused_by_all(&deep_struct), Ok(()));
    let deep_list = format!(
        "QuestionPack(format: 1, id: \"x\", title: \"x\", questions: {}",
        "[".repeat(200_000)
    );
    assert_eq!(refused_by_all(&deep_list), Ok(()));
}

/// Files of about 16 MB built to make a reader do the most work: each is refused (how fast is
/// measured by `benches/hostile.rs`).
#[test]
fn sixteen_megabyte_hostile_files_are_refused() {
    for (name, text) in hostile::files() {
        assert!(text.len() > 10_000_000, "{name}");
        assert_eq!(refused_by_all(&text), Ok(()), "{name} was accepted");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn mutated_bundled_packs_never_panic(
        pack in 0..BUNDLED_PACKS.len(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<char>()), 1..8),
    ) {
        parse_all(&mutate(BUNDLED_PACKS[pack].1, &edits));
    }

    #[test]
    fn any_text_onsite_writes_reads_back_the_same(
        texts in prop::array::uniform4(prop::collection::vec(ron_char(), 0..24)),
        weight in -1e6f64..1e6,
    ) {
        let [id, prompt, purpose, key_point] = texts.map(|chars| chars.into_iter().collect::<String>());
        let mut pack = QuestionPack::new("p", "P");
        pack.questions.push(Question {
            id,
            purpose,
            key_points: vec![key_point],
            weight,
            ..Question::new("placeholder", prompt, 5)
        });
        let text = to_ron(&pack).unwrap();
        // Syntax and structure only: most generated ids and weights would fail validation.
        prop_assert_eq!(ron_only::<QuestionPack>(&text).ok(), Some(pack));
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        parse_all(&text);
    }
}
