//! Packs through Markdown and back (every bundled pack, an awkward one), the `import` and
//! `export-pack` subcommands, and the examples in `docs/import.md`.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;
mod import_support;

use std::path::Path;

use onsite::domain::validate::validate_pack;
use onsite::domain::{Level, Question, QuestionPack};
use onsite::import::{ImportOptions, Imported, WarningKind, from_document, from_markdown};
use onsite::report::pack_to_markdown;
use onsite::storage::bundled_packs;

use common::{onsite, text};
use import_support::{
    assert_same_pack, document, headers, import, numbers, rubric, strings, warnings,
};

// --- Round trip through Markdown ----------------------------------------------------------

#[test]
fn every_bundled_pack_survives_markdown_and_back() {
    let bundled = bundled_packs();
    assert!(bundled.errors.is_empty(), "{:?}", bundled.errors);
    assert_eq!(bundled.items.len(), 3);
    for entry in &bundled.items {
        let markdown = pack_to_markdown(&entry.pack);
        let imported = from_markdown(&markdown, &ImportOptions::default());
        assert_eq!(imported.warnings, vec![], "{}: no warnings", entry.pack.id);
        assert_same_pack(&entry.pack.id, &imported.pack, &entry.pack);
    }
}

/// A pack with everything that could trip the Markdown up.
fn awkward_pack() -> QuestionPack {
    let mut pack = QuestionPack::new("awkward-pack", "Awkward *pack* #1");
    pack.description =
        "Line one\nline two with <html> & [a link](x)\n\n- not a list\n1. not either".into();
    pack.author = "R&D team_lead".into();
    pack.tags = strings(&["a, b", "c"]);
    pack.default_rubric = rubric(&[(0, "No", "nothing"), (2, "Yes", "")]);

    let mut full = Question::new("full", "Rate limiter (15 min)", 25);
    full.purpose = "Time: this is prose\n\nKey points: still prose".into();
    full.key_points = strings(&[
        "Purpose: a point",
        "`code` and *stars*",
        "# hash",
        "2. numbered",
    ]);
    full.rubric = rubric(&[
        (1, "Weak", "Starts with - a dash"),
        (3, "Meets bar", "Level 4: not a level"),
        (
            7,
            "Over — the top",
            "anchor; with; semicolons. And sentences.",
        ),
    ]);
    full.guidance = "Notes:\n- kept as text\n\n**Bold:** not a label".into();
    full.follow_ups = strings(&["Why?", "Red flags: a follow-up"]);
    full.red_flags = strings(&["=== not a heading", "> not a quote"]);
    full.competency = "API design".into();
    full.level = Level::Staff;
    full.tags = strings(&["x"]);
    full.weight = 2.5;
    pack.questions.push(full);

    let mut multi = Question::new("multi-line", "First line of the prompt\nsecond line", 5);
    multi.key_points = strings(&[
        "A point\nwith a second line",
        // Pipes that would make a table if written as they are.
        "| a | b |\n|---|---|\n| c | d |",
        "a | b\n:-- | --:",
        "x | y\n--- | ---\nz | w",
    ]);
    multi.guidance = "Score | Note\n:---: | ---\n1 | low".into();
    pack.questions.push(multi);
    pack.questions
        .push(Question::new("named", "Caching strategies", 10));
    pack
}

#[test]
fn an_awkward_pack_survives_markdown_and_back() {
    let pack = awkward_pack();
    assert_eq!(validate_pack(&pack), vec![]);
    let markdown = pack_to_markdown(&pack);
    let imported = from_markdown(&markdown, &ImportOptions::default());
    assert_eq!(imported.warnings, vec![], "{markdown}");
    assert_same_pack("awkward", &imported.pack, &pack);
}

// --- Command line -------------------------------------------------------------------------

#[test]
fn cli_imports_a_document_and_refuses_to_overwrite() {
    let home = tempfile::tempdir().unwrap();
    let output = home.path().join("platform.ron");
    let out = output.to_str().unwrap();
    let args = ["import", "tests/documents/heading-style.md", "-o", out];

    let run = onsite(home.path(), &args);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(
        text(&run.stdout),
        format!("wrote {out} (3 questions · 2 follow-ups · 1 rubric · 4 warnings)\n")
    );
    // The CLI maps competencies onto the bundled vocabulary and says so.
    assert_eq!(
        text(&run.stderr),
        "warning: tests/documents/heading-style.md:1: 1 competency mapped onto the vocabulary: \
         System design → Architecture\n\
         warning: tests/documents/heading-style.md:6: 3 question numbers left out of the prompts \
         (lines 6, 41 and 63)\n\
         warning: tests/documents/heading-style.md:52: question \
         `walk-me-through-what-happens-when-a-service`: rubric guidance kept as guidance: levels \
         could not be told apart\n\
         warning: tests/documents/heading-style.md:57: question \
         `walk-me-through-what-happens-when-a-service`: unknown section `Notes` kept in guidance\n"
    );
    let saved: QuestionPack = onsite::storage::load(&output).unwrap();
    let options = ImportOptions {
        vocabulary: Some(onsite::storage::bundled_vocabulary().unwrap()),
        ..ImportOptions::default()
    };
    let mapped = from_document("heading-style.md", &document("heading-style.md"), &options);
    assert_eq!(saved, mapped.pack);
    assert_eq!(mapped.pack.questions[2].competency, "Architecture");

    let again = onsite(home.path(), &args);
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("already exists; use --force"),
        "{}",
        text(&again.stderr)
    );

    let forced = onsite(
        home.path(),
        &[
            &args[..],
            &["--force", "--id", "platform", "--title", "Platform"],
        ]
        .concat(),
    );
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    let saved: QuestionPack = onsite::storage::load(&output).unwrap();
    assert_eq!(
        (saved.id.as_str(), saved.title.as_str()),
        ("platform", "Platform")
    );

    let valid = onsite(home.path(), &["validate", out]);
    assert!(valid.status.success(), "{}", text(&valid.stderr));
}

#[test]
fn cli_writes_nothing_for_a_document_without_questions() {
    let home = tempfile::tempdir().unwrap();
    let input = home.path().join("notes.txt");
    std::fs::write(&input, [0xff, 0xfe, 0x00, 0x41, 0x0a]).unwrap();
    let output = home.path().join("notes.ron");
    let run = onsite(
        home.path(),
        &[
            "import",
            input.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ],
    );
    assert!(!run.status.success());
    let stderr = text(&run.stderr);
    assert!(stderr.contains("not valid UTF-8"), "{stderr}");
    assert!(stderr.contains("no questions found"), "{stderr}");
    assert!(!output.exists());
}

#[test]
fn cli_exports_a_pack_as_markdown_that_imports_back() {
    let home = tempfile::tempdir().unwrap();
    let bundled = bundled_packs()
        .items
        .into_iter()
        .find(|entry| entry.pack.id == "behavioral")
        .unwrap()
        .pack;

    let stdout = onsite(
        home.path(),
        &["export-pack", "questions/behavioral.ron", "--format", "md"],
    );
    assert!(stdout.status.success(), "{}", text(&stdout.stderr));
    assert_eq!(text(&stdout.stdout), pack_to_markdown(&bundled));

    let markdown = home.path().join("behavioral.md");
    let md = markdown.to_str().unwrap();
    let written = onsite(home.path(), &["export-pack", "behavioral", "-o", md]);
    assert!(written.status.success(), "{}", text(&written.stderr));
    assert_eq!(text(&written.stdout), format!("wrote {md}\n"));

    let pack = home.path().join("behavioral.ron");
    let back = onsite(home.path(), &["import", md, "-o", pack.to_str().unwrap()]);
    assert!(back.status.success(), "{}", text(&back.stderr));
    assert_eq!(text(&back.stderr), "");
    let imported: QuestionPack = onsite::storage::load(&pack).unwrap();
    assert_same_pack("behavioral via the CLI", &imported, &bundled);

    let missing = onsite(home.path(), &["export-pack", "no-such-pack"]);
    assert!(!missing.status.success());
}

// --- The examples in docs/import.md -------------------------------------------------------

#[test]
fn the_documented_examples_import_as_described() {
    let guide =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/import.md"))
            .unwrap();
    let mut examples = Vec::new();
    let mut lines = guide.lines();
    while let Some(line) = lines.next() {
        let kind = match line {
            "```markdown" => "md",
            "```text" => "txt",
            _ => continue,
        };
        let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
        examples.push((kind, body.join("\n")));
    }
    assert_eq!(examples.len(), 6);
    let imported: Vec<Imported> = examples
        .iter()
        .map(|(kind, text)| {
            from_document(&format!("example.{kind}"), text, &ImportOptions::default())
        })
        .collect();
    for (example, (_, text)) in imported.iter().zip(&examples) {
        assert!(!example.pack.questions.is_empty(), "{text}");
        assert_eq!(validate_pack(&example.pack), vec![], "{text}");
    }

    let heading = &imported[0].pack.questions[0];
    assert_eq!(heading.minutes, 20);
    assert_eq!(heading.key_points.len(), 2);
    assert_eq!(heading.red_flags, ["Changes several things at once"]);
    let labels: Vec<&str> = heading
        .rubric
        .as_ref()
        .unwrap()
        .levels
        .iter()
        .map(|l| l.label.as_str())
        .collect();
    assert_eq!(labels, ["Weak", "Partial", "Solid", "Strong"]);
    assert_eq!(
        heading.rubric.as_ref().unwrap().levels[3].anchor,
        "splits the job into stages and verifies the fix."
    );

    let listed = &imported[1].pack;
    assert_eq!(listed.questions.len(), 2);
    assert_eq!(listed.questions[0].key_points.len(), 4);
    assert_eq!(listed.questions[0].minutes, 8);

    let bold = &imported[2].pack.questions[0];
    assert_eq!(bold.level, Level::Senior);
    assert_eq!(bold.competency, "Collaboration");
    assert_eq!(
        bold.key_points,
        [
            "Describes both positions fairly",
            "Explains how it was settled"
        ]
    );

    let pasted = &imported[3];
    assert_eq!(
        pasted.pack.questions[0].key_points,
        [
            "Use a slow, salted hash such as bcrypt or Argon2",
            "Never store the plain password",
        ]
    );
    assert_eq!(
        pasted.pack.questions[0].red_flags,
        ["Encrypting passwords so that they can be decrypted"]
    );
    assert_eq!(
        pasted
            .warnings
            .iter()
            .filter(|w| w.kind == WarningKind::LeftOut)
            .count(),
        3,
        "the menu, the numbers and the links after the question"
    );

    let prose = imported[4].pack.questions[0].rubric.as_ref().unwrap();
    assert_eq!(
        prose.levels[0].anchor,
        "Weak answers copy files with a cron job"
    );

    let table = &imported[5];
    assert_eq!(
        table.pack.questions[0].rubric,
        rubric(&[
            (1, "Weak", "Blames the teammate."),
            (2, "Partial", "Describes the conflict but not how it ended."),
            (
                3,
                "Solid",
                "Explains both positions and how it was settled."
            ),
            (
                4,
                "Strong",
                "Changed their own mind or found a third option."
            ),
        ])
    );
    assert_eq!(
        warnings(table),
        vec![numbers(1, 1, "line 1"), headers(4, 1, "line 4")]
    );
}

#[test]
fn windows_line_ends_read_the_same() {
    for name in ["heading-style.md", "blog-post.txt", "q-style.txt"] {
        let unix = import(name);
        let windows = from_document(
            name,
            &document(name).replace('\n', "\r\n"),
            &ImportOptions::default(),
        );
        assert_same_pack(name, &windows.pack, &unix.pack);
        assert_eq!(windows.warnings, unix.warnings, "{name}");
    }
}
