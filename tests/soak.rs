//! Never lose a note, proven: a real process saves an evaluation in a tight loop (the same
//! `storage::save` the autosaver calls) and is killed with SIGKILL at random moments. After
//! every kill the file must parse and hold the last save the process reported, or the one it
//! was writing when it died — never a torn file, never an older one.
//!
//! CI runs a few dozen kills; `ONSITE_SOAK_KILLS=200 cargo test --test soak` runs more.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use onsite::domain::{Answer, Evaluation, Question};
use onsite::storage::{Visibility, load, save};

const CHILD_FILE: &str = "ONSITE_SOAK_FILE";
const CHILD_ROUND: &str = "ONSITE_SOAK_ROUND";

/// An evaluation of realistic size whose general notes carry the round and revision.
fn evaluation(round: u64, revision: u64) -> Evaluation {
    let mut evaluation = Evaluation::new("Ada Lovelace", "Engineer");
    for i in 0..12 {
        let mut answer = Answer::new(Question::new(format!("q{i}"), "Explain caching?", 10), None);
        answer.notes = "Notes typed during the interview, with Ελληνικά and кириллица. ".repeat(40);
        evaluation.answers.push(answer);
    }
    evaluation.general_notes = format!("round {round} revision {revision}");
    evaluation
}

fn revision_of(evaluation: &Evaluation) -> (u64, u64) {
    let words: Vec<&str> = evaluation.general_notes.split(' ').collect();
    (words[1].parse().unwrap(), words[3].parse().unwrap())
}

/// The writer, run in a child process by the test below (ignored when run on its own).
#[test]
#[ignore = "helper process for kill_nine_never_leaves_a_torn_or_stale_evaluation"]
fn soak_writer() {
    let path = std::env::var(CHILD_FILE).expect("run by the soak test");
    let round: u64 = std::env::var(CHILD_ROUND).unwrap().parse().unwrap();
    let mut stdout = std::io::stdout();
    for revision in 1.. {
        save(
            Path::new(&path),
            &evaluation(round, revision),
            Visibility::Private,
        )
        .unwrap();
        // Reported only once the save has returned: this is a "completed save".
        writeln!(stdout, "{revision}").unwrap();
        stdout.flush().unwrap();
    }
}

#[test]
fn kill_nine_never_leaves_a_torn_or_stale_evaluation() {
    let kills: u64 = std::env::var("ONSITE_SOAK_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(25);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evaluation.ron");
    // A small xorshift generator: random enough for kill timings, no dependency.
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    let mut random = move |limit: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % limit
    };
    let mut in_flight_landed = 0;
    for round in 1..=kills {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--ignored",
                "--exact",
                "soak_writer",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_FILE, &path)
            .env(CHILD_ROUND, round.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let reported = Arc::new(AtomicU64::new(0));
        let reader = {
            let reported = Arc::clone(&reported);
            let stdout = child.stdout.take().unwrap();
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    if let Ok(revision) = line.trim().parse::<u64>() {
                        reported.store(revision, Ordering::SeqCst);
                    }
                }
            })
        };
        // Let it complete at least one save, then kill it at a random moment.
        let started = Instant::now();
        while reported.load(Ordering::SeqCst) == 0 {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "the writer never saved"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_micros(random(40_000)));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        reader.join().unwrap();
        let last = reported.load(Ordering::SeqCst);

        let saved: Evaluation = load(&path)
            .unwrap_or_else(|error| panic!("round {round}: the file is broken: {error}"));
        let (saved_round, revision) = revision_of(&saved);
        assert_eq!(saved_round, round, "round {round}: a stale file survived");
        assert!(
            revision == last || revision == last + 1,
            "round {round}: saved revision {revision}, last reported {last}"
        );
        in_flight_landed += u64::from(revision == last + 1);
    }
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count() - 1;
    eprintln!(
        "{kills} kills: every file whole; {in_flight_landed} kept the save in flight; \
         {leftovers} temporary files left by killed saves"
    );
}
