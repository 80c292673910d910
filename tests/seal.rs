//! Sealed submissions from the command line: `onsite submit` seals, `onsite verify` tells
//! intact from changed whatever the file's formatting, and a shared copy verifies without
//! the private notes.
#![allow(clippy::unwrap_used)]

mod common;

use common::{onsite, text};
use onsite::domain::{Evaluation, EvaluationStatus};
use onsite::storage::{Visibility, load, save};

/// An evaluation ready to submit, written in `home`.
fn ready(home: &std::path::Path) -> std::path::PathBuf {
    let mut evaluation = common::sample_evaluation();
    evaluation.status = EvaluationStatus::InProgress;
    evaluation.submitted_at = None;
    let path = home.join("ready.ron");
    save(&path, &evaluation, Visibility::Private).unwrap();
    path
}

#[test]
fn submit_seals_and_verify_tells_intact_from_changed() {
    let home = tempfile::tempdir().unwrap();
    let path = ready(home.path());
    let file = path.to_str().unwrap();

    let draft = onsite(home.path(), &["verify", file]);
    assert!(draft.status.success());
    assert!(
        text(&draft.stdout).ends_with(": not submitted\n"),
        "{}",
        text(&draft.stdout)
    );

    let submitted = onsite(home.path(), &["submit", file]);
    assert!(submitted.status.success(), "{}", text(&submitted.stderr));
    assert!(text(&submitted.stdout).contains("ok (sealed "));
    let verified = onsite(home.path(), &["verify", file]);
    assert!(verified.status.success());
    assert!(text(&verified.stdout).contains(": ok (sealed "));

    // Formatting is not content: the file re-indented with tabs and a comment added still
    // verifies. (No string of this evaluation has a line that starts with
    // spaces, so only the layout changes.)
    let original = std::fs::read_to_string(&path).unwrap();
    let reformatted: String = std::iter::once("// edited by hand\n\n".to_owned())
        .chain(original.lines().map(|line| {
            let indent = line.len() - line.trim_start_matches(' ').len();
            format!("{}{}\n", "\t".repeat(indent / 4), &line[indent..])
        }))
        .collect();
    assert_ne!(reformatted, original);
    std::fs::write(&path, &reformatted).unwrap();
    let verified = onsite(home.path(), &["verify", file]);
    assert!(verified.status.success(), "{}", text(&verified.stderr));

    // Private notes are not sealed.
    let mut evaluation: Evaluation = load(&path).unwrap();
    evaluation.private_notes = "Rewritten after the interview.".into();
    save(&path, &evaluation, Visibility::Private).unwrap();
    assert!(onsite(home.path(), &["verify", file]).status.success());

    // A note the committee reads, changed by hand: refused with the submission date.
    std::fs::write(
        &path,
        std::fs::read_to_string(&path)
            .unwrap()
            .replace("First paragraph.", "First paragraph, improved."),
    )
    .unwrap();
    let changed = onsite(home.path(), &["verify", file]);
    assert!(!changed.status.success());
    assert!(
        text(&changed.stderr).contains("changed since it was submitted on "),
        "{}",
        text(&changed.stderr)
    );
}

#[test]
fn submit_applies_the_windows_rules() {
    let home = tempfile::tempdir().unwrap();
    let path = ready(home.path());
    let mut evaluation: Evaluation = load(&path).unwrap();
    evaluation.summary.clear();
    save(&path, &evaluation, Visibility::Private).unwrap();
    let refused = onsite(home.path(), &["submit", path.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(text(&refused.stderr).contains("cannot submit: write a summary"));
    assert!(!load::<Evaluation>(&path).unwrap().is_submitted());
}

#[test]
fn a_shared_copy_leaves_out_private_notes_and_still_verifies() {
    let home = tempfile::tempdir().unwrap();
    let path = ready(home.path());
    assert!(
        onsite(home.path(), &["submit", path.to_str().unwrap()])
            .status
            .success()
    );
    let shared = home.path().join("shared.ron");
    let written = onsite(
        home.path(),
        &[
            "export",
            path.to_str().unwrap(),
            "--format",
            "ron",
            "-o",
            shared.to_str().unwrap(),
        ],
    );
    assert!(written.status.success(), "{}", text(&written.stderr));
    let copy = std::fs::read_to_string(&shared).unwrap();
    assert!(!copy.contains("Ask about the gap year."));
    let copy: Evaluation = load(&shared).unwrap();
    assert!(copy.private_notes.is_empty());
    assert!(copy.seal_state().is_intact());
    assert!(
        onsite(home.path(), &["verify", shared.to_str().unwrap()])
            .status
            .success()
    );

    let with_private = onsite(
        home.path(),
        &[
            "export",
            path.to_str().unwrap(),
            "--format",
            "ron",
            "--include-private",
            "-o",
            home.path().join("no.ron").to_str().unwrap(),
        ],
    );
    assert!(!with_private.status.success());
}

#[test]
fn an_evaluation_from_before_seals_says_so() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("old.ron");
    save(&path, &common::sample_evaluation(), Visibility::Private).unwrap();
    let output = onsite(home.path(), &["verify", path.to_str().unwrap()]);
    assert!(output.status.success());
    assert!(text(&output.stdout).contains("submitted before seals existed"));
}
