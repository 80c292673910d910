//! Two Onsite processes on one library (`ONSITE_HOME`): the first holds the library's lock and
//! keeps every word; the second finds it in use, works read-only and writes nothing; the
//! command line's reading commands still work, and its writes into the library wait; when the
//! first process dies (SIGKILL, no clean-up), the lock is free again.
//!
//! The first window is this test binary run again as a child (the `first_window` helper
//! below), driving the same `Library` and `Autosaver` the window uses, line by line from the
//! parent: the interleaving of the issue (`AAAAAAAAAA`, `BBBBB`, `CCCCC`, `DD`) is exact.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::Duration;

use onsite::domain::Evaluation;
use onsite::storage::autosave::Autosaver;
use onsite::storage::{
    Access, Library, LockHolder, ReadOnlyReason, SaveError, Saved, Visibility, load, save,
    write_atomic,
};

const CHILD_HOME: &str = "ONSITE_TWO_WINDOWS_HOME";
const CHILD_FILE: &str = "ONSITE_TWO_WINDOWS_FILE";
/// Marks the child's answers among the test harness's own output (which may share a line).
const ANSWER: &str = "@answer: ";

/// The first window: takes the library, opens the evaluation, and for each `type TEXT` line
/// appends TEXT to the notes and saves, answering `saved` once the save has landed.
#[test]
#[ignore = "helper process for the two-window tests"]
fn first_window() {
    let home = std::env::var(CHILD_HOME).expect("run by the two-window tests");
    let path = PathBuf::from(std::env::var(CHILD_FILE).unwrap());
    let library = Library::open_locked(&home).unwrap();
    let mut out = std::io::stdout();
    let access = match library.access() {
        Access::Exclusive(_) => "exclusive",
        Access::ReadOnly(_) => "read-only",
        Access::Unlocked => "unlocked",
    };
    writeln!(out, "{ANSWER}{access}").unwrap();
    out.flush().unwrap();
    let mut evaluation: Evaluation = load(&path).unwrap();
    let saver = Autosaver::for_library(Some(library), || {}).unwrap();
    for (revision, line) in std::io::stdin().lock().lines().enumerate() {
        let line = line.unwrap();
        let Some(text) = line.strip_prefix("type ") else {
            break;
        };
        evaluation.general_notes.push_str(text);
        saver
            .save(path.clone(), evaluation.clone(), revision as u64 + 1)
            .unwrap();
        let landed = saver.flush(Duration::from_secs(30));
        let outcomes: Vec<String> = saver
            .reports()
            .iter()
            .map(|report| format!("{:?}", report.result.as_ref().map_err(ToString::to_string)))
            .collect();
        writeln!(out, "{ANSWER}saved {landed} {}", outcomes.join(" ")).unwrap();
        out.flush().unwrap();
    }
}

struct FirstWindow {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
}

impl FirstWindow {
    fn start(home: &Path, evaluation: &Path) -> Self {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--ignored",
                "--exact",
                "first_window",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_HOME, home)
            .env(CHILD_FILE, evaluation)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let input = child.stdin.take().unwrap();
        let output = BufReader::new(child.stdout.take().unwrap());
        let mut window = Self {
            child,
            input,
            output,
        };
        assert_eq!(window.answer(), "exclusive");
        window
    }

    /// The next answer the child printed, past the test harness's own output.
    fn answer(&mut self) -> String {
        loop {
            let mut line = String::new();
            assert!(self.output.read_line(&mut line).unwrap() > 0, "child ended");
            if let Some((_, answer)) = line.split_once(ANSWER) {
                return answer.trim().to_owned();
            }
        }
    }

    fn type_text(&mut self, text: &str) {
        writeln!(self.input, "type {text}").unwrap();
        self.input.flush().unwrap();
        let answer = self.answer();
        assert!(answer.starts_with("saved true Ok(InPlace)"), "{answer}");
    }

    /// Ends the process the hard way: no destructor runs, so only the OS can free the lock.
    fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

fn library_with_an_evaluation(home: &Path) -> PathBuf {
    let library = Library::open(home).unwrap();
    let mut evaluation = common::sample_evaluation();
    evaluation.status = onsite::domain::EvaluationStatus::InProgress;
    evaluation.general_notes.clear();
    let path = library.new_evaluation_path(&evaluation);
    library.save_evaluation(&path, &evaluation).unwrap();
    path
}

fn expect_read_only(error: &SaveError, first: u32) {
    match error {
        SaveError::ReadOnly {
            reason:
                ReadOnlyReason::InUse(LockHolder {
                    process: Some(process),
                    since: Some(_),
                }),
            ..
        } => assert_eq!(*process, first),
        other => panic!("expected a read-only refusal naming process {first}: {other}"),
    }
}

#[test]
fn the_second_window_is_read_only_and_the_first_keeps_every_word() {
    let home = tempfile::tempdir().unwrap();
    let path = library_with_an_evaluation(home.path());
    let mut first = FirstWindow::start(home.path(), &path);
    let first_process = first.child.id();
    first.type_text("AAAAAAAAAA");

    // The second window: the library is in use, so it opens read-only, and says by whom.
    let second = Library::open_locked(home.path()).unwrap();
    let reason = second.read_only_reason().expect("read-only").clone();
    match &reason {
        ReadOnlyReason::InUse(holder) => assert_eq!(holder.process, Some(first_process)),
        ReadOnlyReason::CannotLock(why) => panic!("{why}"),
    }
    assert!(
        reason
            .to_string()
            .contains(&format!("another Onsite window (process {first_process}")),
        "{reason}"
    );
    let mut evaluation: Evaluation = load(&path).unwrap();
    evaluation.general_notes.push_str("BBBBB");
    let saver = Autosaver::for_library(Some(second.clone()), || {}).unwrap();
    saver.save(path.clone(), evaluation.clone(), 1).unwrap();
    assert!(
        !saver.flush(Duration::from_secs(30)),
        "a read-only save never lands"
    );

    first.type_text("CCCCC");

    evaluation.general_notes.push_str("DD");
    let refused = second.save_evaluation(&path, &evaluation).unwrap_err();
    expect_read_only(&refused, first_process);
    // Every way of writing into the library is refused, not only the library's own.
    let refused = save(&path, &evaluation, Visibility::Private).unwrap_err();
    expect_read_only(&refused, first_process);
    assert!(write_atomic(&second.packs_dir().join("x.ron"), b"x", Visibility::Shared).is_err());
    assert!(second.save_pack(&common::sample_pack()).is_err());
    let reports = saver.reports();
    assert!(
        reports
            .iter()
            .all(|r| matches!(r.result, Err(SaveError::ReadOnly { .. })) && r.retry_in.is_none()),
        "{reports:?}"
    );

    let on_disk: Evaluation = load(&path).unwrap();
    assert_eq!(on_disk.general_notes, "AAAAAAAAAACCCCC");
    first.kill();

    // The OS freed the lock with the process: the next window writes.
    let next = second.reopen_locked().unwrap();
    assert!(
        matches!(next.access(), Access::Exclusive(_)),
        "{:?}",
        next.access()
    );
    let mut evaluation: Evaluation = load(&path).unwrap();
    evaluation.general_notes.push_str("EE");
    assert_eq!(
        next.save_evaluation(&path, &evaluation).unwrap(),
        Saved::InPlace
    );
    let on_disk: Evaluation = load(&path).unwrap();
    assert_eq!(on_disk.general_notes, "AAAAAAAAAACCCCCEE");
}

#[test]
fn the_command_line_reads_a_library_in_use_and_does_not_write_into_it() {
    let home = tempfile::tempdir().unwrap();
    let path = library_with_an_evaluation(home.path());
    let first = FirstWindow::start(home.path(), &path);

    let packs = common::onsite(home.path(), &["packs"]);
    assert!(packs.status.success(), "{}", common::text(&packs.stderr));
    assert!(common::text(&packs.stdout).contains("backend-engineering"));
    let validate = common::onsite(home.path(), &["validate", path.to_str().unwrap()]);
    assert!(
        validate.status.success(),
        "{}",
        common::text(&validate.stderr)
    );

    let document = home.path().join("questions.md");
    std::fs::write(&document, "# Team\n\n## Why here?\n\nTell me.\n").unwrap();
    let inside = home.path().join("packs").join("team.ron");
    let import = common::onsite(
        home.path(),
        &[
            "import",
            document.to_str().unwrap(),
            "-o",
            inside.to_str().unwrap(),
        ],
    );
    assert!(!import.status.success());
    let stderr = common::text(&import.stderr);
    assert!(
        stderr.contains("not written: the library is open in another Onsite window"),
        "{stderr}"
    );
    assert!(!inside.exists());
    // Outside the library the same command writes.
    let outside = tempfile::tempdir().unwrap();
    let elsewhere = outside.path().join("team.ron");
    let import = common::onsite(
        home.path(),
        &[
            "import",
            document.to_str().unwrap(),
            "-o",
            elsewhere.to_str().unwrap(),
        ],
    );
    assert!(import.status.success(), "{}", common::text(&import.stderr));

    first.kill();
    let import = common::onsite(
        home.path(),
        &[
            "import",
            document.to_str().unwrap(),
            "-o",
            inside.to_str().unwrap(),
        ],
    );
    assert!(import.status.success(), "{}", common::text(&import.stderr));
    assert!(inside.exists());
}
