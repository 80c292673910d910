//! Helpers shared by the importer's tests: reading the test documents and counting the words
//! of a source that an import kept (in the pack or in a warning).
#![allow(clippy::unwrap_used, clippy::panic, dead_code)]

pub mod corpus;

use std::collections::BTreeSet;
use std::path::Path;

use onsite::domain::validate::validate_pack;
use onsite::domain::{Question, QuestionPack, Rubric, RubricLevel};
use onsite::import::{ImportOptions, Imported, WarningKind, from_document};

/// The text of `tests/documents/NAME`.
pub fn document(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/documents")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Imports `tests/documents/NAME` (the reader chosen by its extension) and gives its text too;
/// the pack must be valid.
pub fn import_with_text(name: &str) -> (String, Imported) {
    let text = document(name);
    let imported = from_document(name, &text, &ImportOptions::default());
    assert_eq!(
        validate_pack(&imported.pack),
        vec![],
        "{name}: the pack is valid"
    );
    (text, imported)
}

/// Imports `tests/documents/NAME`; the pack must be valid.
pub fn import(name: &str) -> Imported {
    import_with_text(name).1
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

pub fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| (*item).to_owned()).collect()
}

pub fn rubric(levels: &[(u8, &str, &str)]) -> Option<Rubric> {
    Some(Rubric {
        levels: levels
            .iter()
            .map(|(score, label, anchor)| RubricLevel {
                score: *score,
                label: (*label).to_owned(),
                anchor: (*anchor).to_owned(),
            })
            .collect(),
    })
}

/// The standard anchor of a level, which the importer uses for levels a document skips.
pub fn standard_anchor(score: u8) -> String {
    Rubric::standard().level(score).unwrap().anchor.clone()
}

pub type Warning = (usize, Option<String>, WarningKind, String);

pub fn warnings(imported: &Imported) -> Vec<Warning> {
    imported
        .warnings
        .iter()
        .map(|w| (w.line, w.question.clone(), w.kind, w.message.clone()))
        .collect()
}

pub fn warning(line: usize, question: Option<&str>, kind: WarningKind, message: &str) -> Warning {
    (line, question.map(str::to_owned), kind, message.to_owned())
}

/// The summary warning for question numbers taken off the prompts: `lines` as the warning
/// writes them ("line 3", "lines 3 and 29").
pub fn numbers(first: usize, count: usize, lines: &str) -> Warning {
    let plural = if count == 1 { "" } else { "s" };
    warning(
        first,
        None,
        WarningKind::LeftOut,
        &format!("{count} question number{plural} left out of the prompts ({lines})"),
    )
}

/// The summary warning for table header rows left out.
pub fn headers(first: usize, count: usize, lines: &str) -> Warning {
    let plural = if count == 1 { "" } else { "s" };
    warning(
        first,
        None,
        WarningKind::LeftOut,
        &format!("{count} table header row{plural} left out: it only names the columns ({lines})"),
    )
}

/// Compares two questions field by field, so a failure names the field.
pub fn assert_same_question(context: &str, actual: &Question, expected: &Question) {
    let context = format!("{context}, question `{}`", expected.id);
    assert_eq!(actual.id, expected.id, "{context}: id");
    assert_eq!(actual.prompt, expected.prompt, "{context}: prompt");
    assert_eq!(actual.purpose, expected.purpose, "{context}: purpose");
    assert_eq!(
        actual.key_points, expected.key_points,
        "{context}: key_points"
    );
    assert_eq!(actual.rubric, expected.rubric, "{context}: rubric");
    assert_eq!(actual.guidance, expected.guidance, "{context}: guidance");
    assert_eq!(
        actual.follow_ups, expected.follow_ups,
        "{context}: follow_ups"
    );
    assert_eq!(actual.red_flags, expected.red_flags, "{context}: red_flags");
    assert_eq!(
        actual.competency, expected.competency,
        "{context}: competency"
    );
    assert_eq!(actual.level, expected.level, "{context}: level");
    assert_eq!(actual.tags, expected.tags, "{context}: tags");
    assert_eq!(actual.minutes, expected.minutes, "{context}: minutes");
    assert_eq!(actual.weight, expected.weight, "{context}: weight");
    assert_eq!(actual, expected, "{context}: a field not compared above");
}

/// Compares two packs field by field, then each question.
pub fn assert_same_pack(context: &str, actual: &QuestionPack, expected: &QuestionPack) {
    assert_eq!(actual.format, expected.format, "{context}: format");
    assert_eq!(actual.id, expected.id, "{context}: id");
    assert_eq!(actual.title, expected.title, "{context}: title");
    assert_eq!(
        actual.description, expected.description,
        "{context}: description"
    );
    assert_eq!(actual.author, expected.author, "{context}: author");
    assert_eq!(actual.tags, expected.tags, "{context}: tags");
    assert_eq!(
        actual.default_rubric, expected.default_rubric,
        "{context}: default_rubric"
    );
    let ids = |pack: &QuestionPack| {
        pack.questions
            .iter()
            .map(|q| q.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(actual), ids(expected), "{context}: question ids");
    for (actual, expected) in actual.questions.iter().zip(&expected.questions) {
        assert_same_question(context, actual, expected);
    }
    assert_eq!(actual, expected, "{context}: a field not compared above");
}

pub fn pack(id: &str, title: &str, description: &str, questions: Vec<Question>) -> QuestionPack {
    let mut pack = QuestionPack::new(id, title);
    pack.description = description.to_owned();
    pack.questions = questions;
    pack
}
