//! Each shape of question bank in `tests/documents/shape-*.md`, and all of them mixed in one
//! document, imported field by field.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;

use onsite::domain::validate::validate_pack;
use onsite::import::{ImportOptions, Imported, WarningKind, from_document};

fn import(name: &str) -> Imported {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/documents")
        .join(name);
    let text = std::fs::read_to_string(path).unwrap();
    let imported = from_document(name, &text, &ImportOptions::default());
    assert_eq!(validate_pack(&imported.pack), vec![], "{name}");
    imported
}

fn prompts(imported: &Imported) -> Vec<&str> {
    imported
        .pack
        .questions
        .iter()
        .map(|q| q.prompt.as_str())
        .collect()
}

#[test]
fn dump() {
    for name in [
        "shape-01-bare-bullets.md",
        "shape-02-categories.md",
        "shape-03-headings.md",
        "shape-04-heading-in-list.md",
        "shape-05-front-matter.md",
        "shape-06-details.md",
        "shape-07-answer-levels.md",
        "shape-08-quiz.md",
        "shape-09-qa.md",
        "shape-10-furniture.md",
        "mixed-all-shapes.md",
    ] {
        let imported = import(name);
        eprintln!("==== {name}: {}", imported.tally());
        eprintln!("{}", onsite::storage::to_ron(&imported.pack).unwrap());
        for w in &imported.warnings {
            eprintln!("W {}: {w} {:?}", w.line, w.dropped);
        }
        let _ = (prompts(&imported), WarningKind::LeftOut);
    }
}
