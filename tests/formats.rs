//! The file formats: round trips, bundled data, versioning and error messages.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::Path;

use onsite::domain::{Evaluation, FORMAT_VERSION, InterviewPlan, QuestionPack};
use onsite::storage::{LoadError, MAX_FILE_BYTES, bundled_packs, format, load, parse, to_ron};

#[test]
fn every_type_round_trips_through_ron() {
    let pack = common::sample_pack();
    let text = to_ron(&pack).unwrap();
    assert!(text.starts_with("QuestionPack(\n"), "{text}");
    assert_eq!(
        parse::<QuestionPack>(Path::new("p.ron"), &text).unwrap(),
        pack
    );

    let plan = common::sample_plan();
    let text = to_ron(&plan).unwrap();
    assert!(text.starts_with("InterviewPlan("));
    assert_eq!(
        parse::<InterviewPlan>(Path::new("p.ron"), &text).unwrap(),
        plan
    );

    let evaluation = common::sample_evaluation();
    let text = to_ron(&evaluation).unwrap();
    assert!(text.starts_with("Evaluation("));
    assert_eq!(
        parse::<Evaluation>(Path::new("e.ron"), &text).unwrap(),
        evaluation
    );
}

#[test]
fn written_files_are_readable_text() {
    let text = to_ron(&common::sample_evaluation()).unwrap();
    // Notes keep their line breaks and scripts as typed, so files diff well.
    assert!(text.contains("First paragraph.\n\nΣημειώσεις στα ελληνικά."));
    // Optional fields are written without `Some(...)`; empty ones are left out.
    assert!(text.contains("recommendation: Yes,"), "{text}");
    assert!(!text.contains("Some("));
    assert!(text.contains("FromPack") || text.contains("source: ("));
    let plan = to_ron(&common::sample_plan()).unwrap();
    assert!(plan.contains("minutes: 15"), "{plan}");
    assert!(plan.contains("Custom("), "{plan}");
}

#[test]
fn bundled_packs_are_valid_and_complete() {
    let loaded = bundled_packs();
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let ids: Vec<_> = loaded.items.iter().map(|e| e.pack.id.as_str()).collect();
    assert_eq!(ids, ["backend-engineering", "system-design", "behavioral"]);
    let vocabulary = onsite::storage::bundled_vocabulary().unwrap();
    let mut used = std::collections::HashSet::new();
    let minimum = [30, 15, 15];
    for (entry, minimum) in loaded.items.iter().zip(minimum) {
        let pack = &entry.pack;
        assert!(pack.questions.len() >= minimum, "{} is too short", pack.id);
        let mut anchors = std::collections::HashSet::new();
        for q in &pack.questions {
            let context = format!("{}/{}", pack.id, q.id);
            assert!(!q.purpose.trim().is_empty(), "{context}: purpose");
            assert!(
                (4..=8).contains(&q.key_points.len()),
                "{context}: key points"
            );
            let rubric = q
                .rubric
                .as_ref()
                .unwrap_or_else(|| panic!("{context}: rubric"));
            assert_eq!(rubric.levels.len(), 4, "{context}: rubric levels");
            for level in &rubric.levels {
                assert!(level.anchor.len() > 20, "{context}: anchor too short");
                assert!(
                    anchors.insert(level.anchor.clone()),
                    "{context}: anchor copied"
                );
            }
            assert!(q.follow_ups.len() >= 2, "{context}: follow-ups");
            assert!(!q.red_flags.is_empty(), "{context}: red flags");
            assert!(
                vocabulary.contains(&q.competency),
                "{context}: competency `{}` is not in the vocabulary",
                q.competency
            );
            used.insert(q.competency.clone());
            assert!(q.guidance.trim().len() > 40, "{context}: guidance");
            assert!((5..=60).contains(&q.minutes), "{context}: minutes");
            // Strong needs a threshold two interviewers apply alike, not a list of extras.
            let strong = &rubric.levels[3].anchor;
            assert!(
                !strong.starts_with("Everything in Solid"),
                "{context}: Strong is an add-on list"
            );
            assert!(
                strong.contains("at least") || strong.contains("all of"),
                "{context}: Strong has no threshold: {strong}"
            );
        }
        assert!(vocabulary.warnings(pack).is_empty(), "{}", pack.id);
    }
    let unused: Vec<&str> = vocabulary.names().filter(|n| !used.contains(*n)).collect();
    assert!(
        unused.is_empty(),
        "competencies no bundled question uses: {unused:?}"
    );
}

#[test]
fn the_example_evaluation_is_valid() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/evaluation-sample.ron");
    let evaluation: Evaluation = load(&path).unwrap();
    assert!(evaluation.is_submitted());
    assert_eq!(evaluation.answers.len(), 6);
    assert!(!evaluation.private_notes.is_empty());
    let notes: String = evaluation
        .answers
        .iter()
        .map(|a| a.notes.as_str())
        .collect();
    assert!(
        notes
            .chars()
            .any(|c| ('\u{0370}'..='\u{03FF}').contains(&c)),
        "Greek"
    );
    assert!(
        notes
            .chars()
            .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
        "Cyrillic"
    );
    assert!(
        evaluation
            .answers
            .iter()
            .any(|a| a.outcome == onsite::domain::Outcome::NotAsked)
    );
}

fn syntax_error(result: Result<QuestionPack, LoadError>) -> (usize, usize, String) {
    match result {
        Err(LoadError::Syntax {
            line,
            column,
            message,
            ..
        }) => (line, column, message),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn syntax_errors_name_file_line_and_column() {
    let text = "QuestionPack(\n    format: 1,\n    id: \"x\",\n    title: \"X\",\n    questions: [\n        (id: \"a\", prompt: \"?\", minutes: 5\n    ],\n)\n";
    let error = parse::<QuestionPack>(Path::new("packs/x.ron"), text).unwrap_err();
    let shown = error.to_string();
    assert!(shown.starts_with("packs/x.ron:7:5: "), "{shown}");
    let (line, column, _) = syntax_error(Err(error));
    assert_eq!((line, column), (7, 5));
}

#[test]
fn a_misspelt_field_is_an_error_that_names_it() {
    let text = "QuestionPack(\n    format: 1,\n    id: \"x\",\n    title: \"X\",\n    questions: [\n        (id: \"a\", promt: \"?\", minutes: 5),\n    ],\n)\n";
    let (line, column, message) = syntax_error(parse(Path::new("x.ron"), text));
    assert_eq!(line, 6);
    assert_eq!(column, 19);
    assert!(message.contains("promt"), "{message}");
}

#[test]
fn a_wrong_type_is_a_syntax_error_at_its_position() {
    let text = "QuestionPack(format: 1, id: \"x\", title: \"X\", questions: [(id: \"a\", prompt: \"?\", minutes: \"ten\")])";
    let (line, column, _) = syntax_error(parse(Path::new("x.ron"), text));
    // ron points just before the offending value.
    assert_eq!((line, column), (1, 89));
}

#[test]
fn newer_formats_are_refused_with_a_clear_message() {
    let newer = FORMAT_VERSION + 1;
    let text = format!(
        "QuestionPack(format: {newer}, id: \"x\", title: \"X\", questions: [], shiny_new_field: 3)"
    );
    let error = parse::<QuestionPack>(Path::new("x.ron"), &text).unwrap_err();
    assert!(matches!(error, LoadError::NewerFormat { found, .. } if found == newer));
    assert!(error.to_string().contains("update Onsite"), "{error}");

    let text = format!("QuestionPack(format: {newer}, id: \"x\", title: \"X\", questions: [])");
    assert!(matches!(
        parse::<QuestionPack>(Path::new("x.ron"), &text),
        Err(LoadError::NewerFormat { .. })
    ));
    let zero = "QuestionPack(\n  format: 0, id: \"x\", title: \"X\", questions: [])";
    assert_eq!(syntax_error(parse(Path::new("x.ron"), zero)).0, 2);
}

#[test]
fn semantic_errors_name_question_field_line_and_column() {
    let text = "QuestionPack(
    format: 1,
    id: \"x\",
    title: \"X\",
    questions: [
        (
            id: \"dup\",
            prompt: \"First\",
            minutes: 5,
        ),
        (
            id: \"dup\",
            prompt: \"   \",
            rubric: [],
            minutes: 0,
        ),
    ],
)
";
    let error = parse::<QuestionPack>(Path::new("packs/x.ron"), text).unwrap_err();
    let shown = error.to_string();
    let lines: Vec<&str> = shown.lines().collect();
    // Both questions are called `dup`: every problem points at the second one, where it is.
    for expected in [
        "packs/x.ron:12:13: question `dup`, field `id`: is used by more than one question in this pack",
        "packs/x.ron:13:13: question `dup`, field `prompt`: must not be empty",
        "packs/x.ron:14:13: question `dup`, field `rubric`: has no levels",
        "packs/x.ron:15:13: question `dup`, field `minutes`: must be at least 1 minute",
    ] {
        assert!(lines.contains(&expected), "{shown}");
    }
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    let error = load::<QuestionPack>(&path).unwrap_err();
    assert!(matches!(error, LoadError::TooLarge { .. }));
    assert!(error.to_string().contains("16 MiB"), "{error}");
}

#[test]
fn binary_garbage_is_reported_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bin.ron");
    std::fs::write(&path, b"QuestionPack(\n  id: \xff\xfe\x00").unwrap();
    let error = load::<QuestionPack>(&path).unwrap_err();
    let (line, column, message) = syntax_error(Err(error));
    assert_eq!((line, column), (2, 7));
    assert!(message.contains("UTF-8"));
}

#[test]
fn deep_nesting_and_huge_strings_do_not_crash() {
    let deep = format!(
        "QuestionPack(format: 1, id: \"x\", title: \"X\", tags: {}",
        "[".repeat(100_000)
    );
    assert!(matches!(
        parse::<QuestionPack>(Path::new("d.ron"), &deep),
        Err(LoadError::Syntax { .. })
    ));

    // A title no person writes is refused by size, with its position, not read in.
    let long = "a".repeat(5_000_000);
    let text = format!("QuestionPack(format: 1, id: \"x\", title: \"{long}\", questions: [])");
    let error = parse::<QuestionPack>(Path::new("l.ron"), &text).unwrap_err();
    assert_eq!(
        error.to_string(),
        "l.ron:1:34: field `title`: is 5000000 characters long; the limit is 300"
    );
}

#[test]
fn a_file_without_a_kind_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("what.ron");
    std::fs::write(&path, "(format: 1)").unwrap();
    let error = format::load_any(&path).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("should start with `QuestionPack(`"),
        "{error}"
    );
}

/// The examples in the format documentation must stay true: each one parses and validates.
#[test]
fn every_example_in_the_format_docs_loads() {
    let docs = include_str!("../docs/file-formats.md");
    let blocks: Vec<&str> = docs
        .split("```ron\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap())
        .collect();
    assert_eq!(blocks.len(), 3);
    let path = Path::new("docs/file-formats.md");
    let pack: QuestionPack = parse(path, blocks[0]).unwrap();
    let plan: InterviewPlan = parse(path, blocks[1]).unwrap();
    let evaluation: Evaluation = parse(path, blocks[2]).unwrap();
    assert_eq!(pack.questions[0].rubric.as_ref().unwrap().levels.len(), 4);
    let problems = onsite::domain::validate::validate_plan(
        &plan,
        Some(&[bundled_pack("backend-engineering")]),
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert!(evaluation.is_submitted());
}

fn bundled_pack(id: &str) -> QuestionPack {
    bundled_packs()
        .items
        .into_iter()
        .map(|entry| std::sync::Arc::unwrap_or_clone(entry.pack))
        .find(|pack| pack.id == id)
        .unwrap()
}

/// `items` copies of `item`, written compactly as a RON list.
fn compact_list(item: &str, items: usize) -> String {
    format!("[{}]", vec![item; items].join(","))
}

#[test]
fn a_list_no_person_writes_is_refused_whatever_its_layout() {
    // The interviewer's record that could not be resumed: 900,000 key points, 3.6 MB.
    let text = format!(
        "Evaluation(format:1,candidate:\"Ada\",answers:[(question:(id:\"a\",prompt:\"?\",minutes:5,key_points:{}))])",
        compact_list("\"k\"", 900_000)
    );
    let Err(error) = parse::<Evaluation>(Path::new("e.ron"), &text) else {
        panic!("accepted 900,000 key points");
    };
    assert!(
        error
            .to_string()
            .contains("field `key_points`: has 900000 items; the limit is 200"),
        "{error}"
    );
}

/// A pack within every cap, written compactly, that Onsite's layout (one item per line) would
/// save back at more than the read limit.
fn pack_that_grows_when_saved() -> String {
    let lists = compact_list("\"k\"", 200);
    let question = format!(
        "(id:\"q\",prompt:\"?\",minutes:5,key_points:{lists},follow_ups:{lists},red_flags:{lists})"
    );
    let questions: Vec<String> = (0..2_200)
        .map(|i| question.replacen("\"q\"", &format!("\"q{i}\""), 1))
        .collect();
    format!(
        "QuestionPack(format:1,id:\"big\",title:\"Big\",questions:[{}])",
        questions.join(",")
    )
}

#[test]
fn a_file_that_would_save_over_the_limit_is_refused_when_read() {
    let text = pack_that_grows_when_saved();
    assert!((text.len() as u64) < MAX_FILE_BYTES / 2, "{}", text.len());
    let pack: QuestionPack = format::ron_only(&text).unwrap();
    assert!(onsite::domain::validate::validate_pack(&pack).is_empty());
    assert!(to_ron(&pack).unwrap().len() as u64 > MAX_FILE_BYTES);

    // Importing it (reading a pack file to copy into the library) says so plainly.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    std::fs::write(&path, &text).unwrap();
    let Err(error) = load::<QuestionPack>(&path) else {
        panic!("accepted a pack it could not save again");
    };
    assert!(matches!(error, LoadError::WouldNotSave { .. }), "{error}");
    assert!(
        error
            .to_string()
            .contains("Onsite would save this file back as"),
        "{error}"
    );
    // And the library does not list it as a pack it could not save again.
    let library = onsite::storage::Library::open(dir.path().join("library")).unwrap();
    std::fs::copy(&path, library.packs_dir().join("big.ron")).unwrap();
    let packs = library.packs();
    assert!(packs.items.iter().all(|entry| entry.pack.id != "big"));
    assert_eq!(packs.errors.len(), 1, "{:?}", packs.errors);
}

#[test]
fn an_evaluation_that_would_save_over_the_limit_is_refused_when_read() {
    let strings = compact_list("\"a key point, written\"", 200);
    let indices = format!(
        "[{}]",
        (0..200)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(",")
    );
    let answer = format!(
        "(question:(id:\"q\",prompt:\"?\",minutes:5,key_points:{strings},follow_ups:{strings},red_flags:{strings},tags:{strings}),covered:{indices},red_flags_seen:{indices})"
    );
    let text = format!(
        "Evaluation(format:1,candidate:\"Ada\",answers:[{}])",
        vec![answer.as_str(); 500].join(",")
    );
    assert!((text.len() as u64) < MAX_FILE_BYTES, "{}", text.len());
    // (Never `unwrap_err`: a failure would print the whole evaluation.)
    match parse::<Evaluation>(Path::new("e.ron"), &text) {
        Err(LoadError::WouldNotSave { size, .. }) => assert!(size > MAX_FILE_BYTES),
        Err(other) => panic!("refused for another reason: {other}"),
        Ok(_) => panic!("accepted an evaluation it could not save again"),
    }
}

#[test]
fn small_files_cannot_grow_past_the_limit_when_saved() {
    // The most growth Onsite's layout gives: the shortest items, in the deepest lists.
    let levels = "[(score:1,label:\"a\"),(score:2,label:\"b\")]";
    let answer = format!(
        "(question:(id:\"q\",prompt:\"?\",minutes:5,key_points:{k},follow_ups:{k},red_flags:{k},tags:{k},rubric:{levels}),outcome:Rated(1),covered:{i},red_flags_seen:{i})",
        k = compact_list("\"k\"", 10),
        i = "[0,1,2,3,4,5,6,7,8,9]",
    );
    let text = format!(
        "Evaluation(format:1,candidate:\"A\",answers:[{}])",
        vec![answer.as_str(); 20].join(",")
    );
    let evaluation: Evaluation = parse(Path::new("e.ron"), &text).unwrap();
    let growth = to_ron(&evaluation).unwrap().len() as f64 / text.len() as f64;
    let bound = (MAX_FILE_BYTES / format::RESAVE_CHECK_BYTES) as f64;
    assert!(
        growth < bound / 2.0,
        "grows {growth:.1} times; the check starts at 1/{bound} of the limit"
    );
}

#[test]
fn a_save_over_the_read_limit_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let library = onsite::storage::Library::open(dir.path()).unwrap();
    let mut evaluation = common::sample_evaluation();
    let path = library.new_evaluation_path(&evaluation);
    library.save_evaluation(&path, &evaluation).unwrap();
    let before = std::fs::read(&path).unwrap();

    evaluation.general_notes = "x".repeat(MAX_FILE_BYTES as usize);
    let error = library.save_evaluation(&path, &evaluation).unwrap_err();
    assert!(
        matches!(error, onsite::storage::SaveError::TooLarge { size, .. } if size > MAX_FILE_BYTES),
        "{error}"
    );
    assert!(error.to_string().contains("not saved"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let new = dir.path().join("new.ron");
    assert!(
        onsite::storage::save(&new, &evaluation, onsite::storage::Visibility::Private).is_err()
    );
    assert!(!new.exists());
    assert_eq!(
        std::fs::read_dir(library.evaluations_dir())
            .unwrap()
            .count(),
        1
    );
}

#[test]
fn a_byte_order_mark_is_accepted_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let library = onsite::storage::Library::open(dir.path()).unwrap();
    let text = to_ron(&common::sample_pack()).unwrap();
    let path = library.packs_dir().join("windows.ron");
    std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    assert_eq!(load::<QuestionPack>(&path).unwrap(), common::sample_pack());
    assert!(matches!(
        format::load_any(&path),
        Ok(format::AnyFile::Pack(_))
    ));
    let packs = library.packs();
    assert!(packs.errors.is_empty(), "{:?}", packs.errors);
    assert!(packs.items.iter().any(|e| e.pack.id == "sample-pack"));
}

#[test]
fn the_library_and_validate_give_one_answer_for_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let library = onsite::storage::Library::open(dir.path()).unwrap();
    let text = to_ron(&common::sample_pack()).unwrap();
    // A leading nested comment: ron reads it, so both accept it.
    let commented = library.packs_dir().join("commented.ron");
    std::fs::write(&commented, format!("/* a /* nested */ comment */\n{text}")).unwrap();
    // The body without its name: ron alone would read it, Onsite does not, anywhere.
    let nameless = library.packs_dir().join("nameless.ron");
    std::fs::write(&nameless, text.trim_start_matches("QuestionPack")).unwrap();

    assert!(format::load_any(&commented).is_ok());
    assert!(load::<QuestionPack>(&commented).is_ok());
    let refused = format::load_any(&nameless).unwrap_err().to_string();
    assert!(refused.contains("not an Onsite file"), "{refused}");
    let refused_too = load::<QuestionPack>(&nameless).unwrap_err().to_string();
    assert_eq!(refused_too, refused);

    let packs = library.packs();
    let listed: Vec<_> = packs
        .items
        .iter()
        .filter_map(|entry| match &entry.origin {
            onsite::storage::PackOrigin::User(path) => Some(path.clone()),
            onsite::storage::PackOrigin::Bundled => None,
        })
        .collect();
    assert_eq!(listed, [commented]);
    assert_eq!(packs.errors.len(), 1);
    assert_eq!(packs.errors[0].to_string(), refused);
}

#[test]
fn a_file_of_another_kind_is_named_for_what_it_is() {
    let text = to_ron(&common::sample_plan()).unwrap();
    let error = parse::<QuestionPack>(Path::new("packs/plan.ron"), &text).unwrap_err();
    assert_eq!(
        error.to_string(),
        "packs/plan.ron:1:1: this is an interview plan, not a question pack"
    );
}

/// The limits the format documentation states are the ones the code applies.
#[test]
fn the_documented_limits_are_the_limits() {
    use onsite::domain::limits::*;
    let docs = include_str!("../docs/file-formats.md");
    for row in [
        format!(
            "| a file | 16 MiB ({} bytes), read or written |",
            "16,777,216"
        ),
        format!("| questions in a pack | {MAX_QUESTIONS} |"),
        format!("| entries in a plan, answers in an evaluation | {MAX_ENTRIES} |"),
        format!("| items in a list: key points, follow-ups, red flags, tags | {MAX_LIST_ITEMS} |"),
        format!("| levels of a rubric | {MIN_RUBRIC_LEVELS} to {MAX_RUBRIC_LEVELS} |"),
        format!("| reopenings of an evaluation | {MAX_HISTORY} |"),
        format!(
            "| names: titles, labels, competencies, tags, people, roles | {MAX_NAME_CHARS} characters |"
        ),
        format!("| a prompt | {MAX_PROMPT_CHARS} characters |"),
        format!(
            "| prose: purpose, guidance, anchors, descriptions, summary | {MAX_TEXT_CHARS} characters |"
        ),
        format!("| notes: an answer's, general, private | {MAX_NOTES_CHARS} characters |"),
        format!("| one item of a list | {MAX_ITEM_CHARS} characters |"),
        format!("| a question's time budget | 1 to {MAX_MINUTES} minutes |"),
        format!("| a question's weight | above 0, at most {MAX_WEIGHT} |"),
        format!("| time recorded on one answer | {MAX_ANSWER_SECONDS} seconds (a day) |"),
        format!(
            "| nesting of `(`, `[` and `{{` | {} levels (refused at the first opening too deep) |",
            onsite::storage::scan::MAX_NESTING
        ),
    ] {
        assert!(docs.contains(&row), "docs/file-formats.md lacks: {row}");
    }
    assert_eq!(MAX_FILE_BYTES, 16_777_216);
}

#[test]
fn a_list_far_over_its_cap_is_refused_while_it_is_read() {
    let answers = |count: usize| {
        format!(
            "Evaluation(format: 1, candidate: \"Ada\", answers: [{}])",
            vec!["(question: (id: \"a\", prompt: \"?\", minutes: 1))"; count].join(", ")
        )
    };
    let path = Path::new("e.ron");
    // Over the cap: read whole, and validation names the field and the limit.
    let Err(error) = parse::<Evaluation>(path, &answers(501)) else {
        panic!("accepted 501 answers");
    };
    assert!(
        error
            .to_string()
            .contains("field `answers`: has 501 answers; the limit is 500"),
        "{error}"
    );
    // Far over it: reading stops at the ceiling, with the position where it stopped.
    let Err(error) = parse::<Evaluation>(path, &answers(100_000)) else {
        panic!("accepted 100,000 answers");
    };
    assert!(
        matches!(error, LoadError::Syntax { line: 1, .. }),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("more than 2000 answers; the limit is 500"),
        "{error}"
    );
}
