//! The command line on hostile input: titles and ids that try to drive the terminal, special
//! files named like Onsite files. Every command ends, and prints nothing a terminal would act
//! on.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::text;

/// Runs `onsite` with `args` on the library `home`, failing the test if it has not ended after
/// a minute (what used to happen on a FIFO) instead of hanging the suite.
fn onsite_or_fail(home: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_onsite"))
        .args(args)
        .env("ONSITE_HOME", home)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("onsite {args:?} never ended");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn has_no_control_characters(output: &str) -> bool {
    !output.chars().any(|c| c.is_control() && c != '\n')
}

/// A valid pack whose title and description carry terminal escape sequences.
fn hostile_pack() -> onsite::domain::QuestionPack {
    let mut pack =
        onsite::domain::QuestionPack::new("hostile", "\u{1b}[2J\u{1b}]0;owned\u{7}Title\u{202e}");
    pack.questions
        .push(onsite::domain::Question::new("q", "Why?", 5));
    pack
}

#[test]
fn packs_shows_control_characters_escaped_and_keeps_its_columns() {
    let home = tempfile::tempdir().unwrap();
    let library = onsite::storage::Library::open(home.path()).unwrap();
    library.save_pack(&hostile_pack()).unwrap();
    let output = onsite_or_fail(home.path(), &["packs"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(has_no_control_characters(&stdout), "{stdout:?}");
    assert!(!stdout.contains('\u{202e}'), "{stdout:?}");
    assert!(
        stdout.contains("\\u{1b}[2J\\u{1b}]0;owned\\u{7}Title\\u{202e}"),
        "{stdout}"
    );
    // The QUESTIONS column starts at the same place on every row.
    let lines: Vec<&str> = stdout.lines().collect();
    let column = |line: &str| {
        let at = [" SOURCE", " bundled", " user ("]
            .iter()
            .find_map(|start| line.find(start))?;
        Some(line[..at].chars().count())
    };
    let columns: Vec<Option<usize>> = lines.iter().map(|line| column(line)).collect();
    assert!(columns.iter().all(Option::is_some), "{stdout}");
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{stdout}");
}

#[test]
fn validate_shows_a_hostile_file_name_and_message_escaped() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("\u{1b}]0;owned\u{7}.ron");
    std::fs::write(
        &path,
        "QuestionPack(format: 1, id: \"\u{1b}[2J\", title: \"T\", questions: [])",
    )
    .unwrap();
    let output = onsite_or_fail(home.path(), &["validate", path.to_str().unwrap()]);
    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    assert!(has_no_control_characters(&stderr), "{stderr:?}");
    assert!(stderr.contains("\\u{1b}]0;owned\\u{7}.ron:1:"), "{stderr}");
    assert!(
        stderr.contains("`\\u{1b}[2J` is not a valid id"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn validate_and_packs_answer_at_once_on_special_files() {
    let home = tempfile::tempdir().unwrap();
    let library = onsite::storage::Library::open(home.path()).unwrap();
    let fifo = library.packs_dir().join("fifo.ron");
    let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success());
    let folder = home.path().join("folder.ron");
    std::fs::create_dir(&folder).unwrap();
    let zero = home.path().join("zero.ron");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();

    let output = onsite_or_fail(
        home.path(),
        &[
            "validate",
            fifo.to_str().unwrap(),
            folder.to_str().unwrap(),
            zero.to_str().unwrap(),
            "questions/behavioral.ron",
        ],
    );
    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    for expected in [
        format!(
            "{}: this is a FIFO (named pipe), not a file",
            fifo.display()
        ),
        format!("{}: this is a folder, not a file", folder.display()),
        format!("{}: this is a character device, not a file", zero.display()),
        "3 of 4 files have errors".to_owned(),
    ] {
        assert!(stderr.contains(&expected), "{expected}: {stderr}");
    }
    assert!(text(&output.stdout).contains("ok: questions/behavioral.ron"));

    let output = onsite_or_fail(home.path(), &["packs"]);
    assert!(!output.status.success(), "the FIFO is reported as an error");
    assert!(text(&output.stdout).contains("backend-engineering"));
    assert!(
        text(&output.stderr).contains("fifo.ron: this is a FIFO (named pipe), not a file"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn terminal_safe_escapes_what_a_terminal_would_act_on_and_nothing_else() {
    use onsite::cli::terminal_safe;
    assert_eq!(
        terminal_safe("plain — Ελληνικά\nnext"),
        "plain — Ελληνικά\nnext"
    );
    assert_eq!(terminal_safe("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
    assert_eq!(terminal_safe("\u{9b}31m"), "\\u{9b}31m");
    assert_eq!(terminal_safe("abc\u{202e}fed"), "abc\\u{202e}fed");
    assert_eq!(terminal_safe("tab\there"), "tab\\u{9}here");
}
