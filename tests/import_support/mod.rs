//! Helpers shared by the importer's tests: reading the test documents and counting the words
//! of a source that an import kept (in the pack or in a warning).
#![allow(clippy::unwrap_used, clippy::panic, dead_code)]

use std::collections::BTreeSet;
use std::path::Path;

use onsite::domain::validate::validate_pack;
use onsite::domain::{Question, QuestionPack};
use onsite::import::{ImportOptions, Imported, from_document};

/// The text of `tests/documents/NAME`.
pub fn document(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/documents")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Imports `tests/documents/NAME` (the reader chosen by its extension); the pack must be valid.
pub fn import(name: &str) -> (String, Imported) {
    let text = document(name);
    let imported = from_document(name, &text, &ImportOptions::default());
    assert_eq!(validate_pack(&imported.pack), vec![], "{name}");
    (text, imported)
}

/// The words of `text`: runs of letters and digits, lowercased. Text inside HTML tags
/// (`<a name="x">`, `</details>`) is markup, not words, and is skipped; comments are kept.
pub fn words(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for word in without_tags(text).split(|c: char| !c.is_alphanumeric()) {
        if !word.is_empty() {
            out.insert(word.to_lowercase());
        }
    }
    out
}

/// `text` without HTML tags: `<`, an optional `/`, a name, then blanks, `/` or `>`, up to the
/// next `>`.
fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 1..];
        let name = tail.strip_prefix('/').unwrap_or(tail);
        let name_len = name
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(name.len());
        let is_tag = name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name[name_len..].starts_with(|c: char| c.is_whitespace() || c == '/' || c == '>');
        match tail.find('>') {
            Some(end) if is_tag => {
                out.push(' ');
                rest = &tail[end + 1..];
            }
            _ => {
                out.push('<');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every text of a question.
pub fn question_texts(question: &Question) -> Vec<&str> {
    let mut texts = vec![
        question.id.as_str(),
        question.prompt.as_str(),
        question.purpose.as_str(),
        question.guidance.as_str(),
        question.competency.as_str(),
    ];
    for list in [
        &question.key_points,
        &question.follow_ups,
        &question.red_flags,
        &question.tags,
    ] {
        texts.extend(list.iter().map(String::as_str));
    }
    if let Some(rubric) = &question.rubric {
        for level in &rubric.levels {
            texts.push(level.label.as_str());
            texts.push(level.anchor.as_str());
        }
    }
    texts
}

/// Every text of a pack.
pub fn pack_texts(pack: &QuestionPack) -> Vec<&str> {
    let mut texts = vec![
        pack.id.as_str(),
        pack.title.as_str(),
        pack.description.as_str(),
        pack.author.as_str(),
    ];
    texts.extend(pack.tags.iter().map(String::as_str));
    if let Some(rubric) = &pack.default_rubric {
        for level in &rubric.levels {
            texts.push(level.label.as_str());
            texts.push(level.anchor.as_str());
        }
    }
    for question in &pack.questions {
        texts.extend(question_texts(question));
    }
    texts
}

/// Everything an import says: the pack's texts and every warning with the text it dropped.
pub fn said(imported: &Imported) -> BTreeSet<String> {
    let mut all = String::new();
    for text in pack_texts(&imported.pack) {
        all.push_str(text);
        all.push('\n');
    }
    for warning in &imported.warnings {
        all.push_str(&warning.message);
        all.push('\n');
        for dropped in &warning.dropped {
            all.push_str(dropped);
            all.push('\n');
        }
    }
    words(&all)
}

/// The source's distinct words that the import lost.
pub fn lost_words(source: &str, imported: &Imported) -> Vec<String> {
    let said = said(imported);
    words(source)
        .into_iter()
        .filter(|word| !said.contains(word))
        .collect()
}

/// The share of the source's distinct words found in the pack or a warning.
pub fn words_kept(source: &str, imported: &Imported) -> f64 {
    let all = words(source).len();
    if all == 0 {
        return 1.0;
    }
    let lost = lost_words(source, imported).len();
    (all - lost) as f64 / all as f64
}

#[test]
fn words_skip_markup_but_keep_text() {
    let found = words("<a name=\"q1\"></a>**Why** `x<y`? <!-- note --> 3 < 4 Ünïcode");
    let found: Vec<&str> = found.iter().map(String::as_str).collect();
    assert_eq!(found, ["3", "4", "note", "why", "x", "y", "ünïcode"]);
}
