//! A catalogue of broken files (`tests/malformed/`), each refused with a message that names
//! the file and, where a position applies, its line and column — and never a panic.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::path::Path;

use onsite::storage::load_any;

/// File, expected `:line:column` (or `None` where no position applies), and a fragment of the
/// message.
const CATALOGUE: [(&str, Option<&str>, &str); 50] = [
    ("01-empty.ron", Some("1:1"), "not an Onsite file"),
    ("02-whitespace-only.ron", Some("1:1"), "not an Onsite file"),
    ("03-truncated-pack.ron", Some("6:35"), "field named `min`"),
    (
        "04-missing-closing-paren.ron",
        Some("5:19"),
        "Unexpected end of RON",
    ),
    ("05-misspelt-field.ron", Some("6:19"), "field named `promt`"),
    (
        "06-wrong-type-minutes.ron",
        Some("6:43"),
        "Expected integer",
    ),
    ("07-negative-minutes.ron", Some("6:45"), "out of bounds"),
    (
        "08-zero-minutes.ron",
        Some("9:13"),
        "question `a`, field `minutes`: must be at least 1 minute",
    ),
    (
        "09-duplicate-ids.ron",
        Some("7:10"),
        "question `a`, field `id`: is used by more than one",
    ),
    (
        "10-empty-prompt.ron",
        Some("8:13"),
        "question `a`, field `prompt`: must not be empty",
    ),
    (
        "11-rubric-without-levels.ron",
        Some("9:13"),
        "field `rubric`: has no levels",
    ),
    (
        "12-rubric-scores-decrease.ron",
        Some("9:13"),
        "field `rubric[2].score`: scores must increase",
    ),
    (
        "13-bad-pack-id.ron",
        Some("3:5"),
        "`Team Questions!` is not a valid id",
    ),
    (
        "14-newer-format.ron",
        Some("2:5"),
        "format 2, newer than this version of Onsite reads",
    ),
    (
        "15-format-zero.ron",
        Some("2:5"),
        "`format: 0` is not a format",
    ),
    (
        "16-missing-format.ron",
        Some("5:1"),
        "missing field named `format`",
    ),
    (
        "17-unknown-level.ron",
        Some("6:42"),
        "variant named `Wizard`",
    ),
    ("18-unterminated-string.ron", Some("4:12"), "string"),
    (
        "19-not-an-onsite-file.ron",
        Some("1:1"),
        "not an Onsite file",
    ),
    (
        "20-json-instead-of-ron.ron",
        Some("1:1"),
        "not an Onsite file",
    ),
    (
        "21-plan-unknown-entry-kind.ron",
        Some("5:20"),
        "variant named `Borrowed`",
    ),
    (
        "22-plan-zero-minutes-override.ron",
        Some("7:13"),
        "entry 1, field `minutes`",
    ),
    (
        "23-plan-empty-title.ron",
        Some("3:5"),
        "field `title`: must not be empty",
    ),
    (
        "24-evaluation-score-not-in-rubric.ron",
        Some("7:13"),
        "score 9 is not a level",
    ),
    (
        "25-evaluation-covered-out-of-range.ron",
        Some("7:13"),
        "index 4 is out of range",
    ),
    (
        "26-evaluation-submitted-without-verdict.ron",
        None,
        "needs a recommendation",
    ),
    ("27-evaluation-bad-timestamp.ron", Some("4:18"), "year"),
    (
        "28-evaluation-ends-before-start.ron",
        Some("5:5"),
        "field `ended_at`: is before started_at",
    ),
    (
        "29-evaluation-empty-candidate.ron",
        Some("3:5"),
        "field `candidate`: must not be empty",
    ),
    (
        "30-weight-not-a-number.ron",
        Some("10:13"),
        "field `weight`",
    ),
    ("31-minutes-overflow.ron", Some("6:44"), "out of bounds"),
    (
        "32-duplicate-field.ron",
        Some("4:5"),
        "duplicate field named `id`",
    ),
    ("33-invalid-utf8.ron", Some("4:16"), "not valid UTF-8"),
    ("34-deep-nesting.ron", Some("5:"), ""),
    ("35-binary-garbage.ron", Some("2:118"), "not valid UTF-8"),
    (
        "36-utf16-with-byte-order-mark.ron",
        Some("1:1"),
        "the file is UTF-16 (little-endian) text; Onsite reads UTF-8",
    ),
    (
        "37-utf16-without-byte-order-mark.ron",
        Some("1:1"),
        "the file is UTF-16 (big-endian) text",
    ),
    // The 129th opening: `Evaluation(` and 128 `Some(`.
    (
        "38-deep-some.ron",
        Some("5:660"),
        "nested more than 128 levels deep",
    ),
    (
        "39-pack-without-its-name.ron",
        Some("1:1"),
        "should start with `QuestionPack(`",
    ),
    (
        "40-one-level-rubric.ron",
        Some("9:13"),
        "field `rubric`: has one level",
    ),
    (
        "41-seconds-overflow.ron",
        Some("7:13"),
        "answer 1 (question `a`), field `seconds`: 18446744073709551615 seconds is more than a day",
    ),
    (
        "42-year-99999.ron",
        Some("4:18"),
        "the year 99999 is outside the years a time can have (-9999 to 9999)",
    ),
    (
        "43-unclosed-nested-comment.ron",
        Some("1:1"),
        "not an Onsite file",
    ),
    (
        "44-escape-sequences-in-id.ron",
        Some("3:5"),
        "`\\u{1b}[2J\\u{1b}]0;owned\\u{7}` is not a valid id",
    ),
    (
        "45-ten-thousand-character-id.ron",
        Some("3:5"),
        "xxxx…` is not a valid id",
    ),
    (
        "46-too-many-key-points.ron",
        Some("9:13"),
        "field `key_points`: has 201 items; the limit is 200",
    ),
    (
        "47-ten-thousand-character-field-name.ron",
        Some("5:5"),
        "Unexpected field named `qqqq",
    ),
    (
        "48-nested-comments-never-closed.ron",
        Some("3:"),
        "Unclosed block comment",
    ),
    // Brackets inside the title's string do not count; the tags' do.
    (
        "49-deep-lists-in-a-string-and-outside.ron",
        Some("5:138"),
        "nested more than 128 levels deep",
    ),
    (
        "50-reopened-in-year-minus-10000.ron",
        Some("5:44"),
        "the year -10000 is outside",
    ),
];

/// Longest line of any message: a hostile file's text is quoted short.
const MAX_MESSAGE_LINE: usize = 400;

#[test]
fn every_malformed_file_is_refused_with_file_line_and_column() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed");
    let on_disk = std::fs::read_dir(&folder).unwrap().count();
    assert_eq!(
        on_disk,
        CATALOGUE.len(),
        "every file in tests/malformed is listed"
    );
    for (name, position, fragment) in CATALOGUE {
        let path = folder.join(name);
        let message = match load_any(&path) {
            Ok(file) => panic!("{name} was accepted: {file:?}"),
            Err(error) => error.to_string(),
        };
        let prefix = match position {
            Some(position) => format!("{}:{position}", path.display()),
            None => format!("{}: ", path.display()),
        };
        assert!(message.starts_with(&prefix), "{name}: {message}");
        assert!(message.contains(fragment), "{name}: {message}");
        for line in message.lines() {
            let length = line.chars().count() - path.display().to_string().chars().count();
            assert!(
                length <= MAX_MESSAGE_LINE,
                "{name}: a line of {length}: {line}"
            );
            assert!(!line.chars().any(char::is_control), "{name}: {line:?}");
        }
    }
}

#[test]
fn a_twenty_megabyte_string_is_refused_by_size_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge-string.ron");
    let text = format!(
        "QuestionPack(format: 1, id: \"x\", title: \"{}\", questions: [])",
        "a".repeat(20 * 1024 * 1024)
    );
    std::fs::write(&path, text).unwrap();
    let message = load_any(&path).unwrap_err().to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    assert!(message.contains("16 MiB"), "{message}");
}
