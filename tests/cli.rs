//! The `onsite` binary's subcommands, run as a user would.
#![allow(clippy::unwrap_used)]

mod common;

use common::{onsite, text};

#[test]
fn validate_accepts_the_bundled_packs_and_the_example() {
    let home = tempfile::tempdir().unwrap();
    let files = [
        "questions/backend-engineering.ron",
        "questions/system-design.ron",
        "questions/behavioral.ron",
        "examples/evaluation-sample.ron",
    ];
    let output = onsite(home.path(), &[&["validate"][..], &files].concat());
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let backend = backend_questions();
    assert!(
        stdout.contains(&format!(
            "ok: questions/backend-engineering.ron ({backend} questions)"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("ok: examples/evaluation-sample.ron (6 questions)"),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), files.len());
}

#[test]
fn validate_names_line_and_column_and_fails() {
    let home = tempfile::tempdir().unwrap();
    let bad = home.path().join("bad.ron");
    std::fs::write(
        &bad,
        "QuestionPack(\n  format: 1,\n  id: \"x\"\n  title: \"X\",\n)",
    )
    .unwrap();
    let output = onsite(
        home.path(),
        &[
            "validate",
            "questions/behavioral.ron",
            bad.to_str().unwrap(),
        ],
    );
    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(&format!("error: {}:4:3:", bad.display())),
        "{stderr}"
    );
    assert!(stderr.contains("1 of 2 files have errors"), "{stderr}");
    assert!(text(&output.stdout).contains("ok: questions/behavioral.ron"));
}

#[test]
fn validate_checks_plan_references_against_available_packs() {
    let home = tempfile::tempdir().unwrap();
    let plan = home.path().join("plan.ron");
    std::fs::write(
        &plan,
        "InterviewPlan(format: 1, title: \"Round\", entries: [\n  (question: FromPack(pack: \"backend-engineering\", question: \"no-such-question\")),\n])",
    )
    .unwrap();
    let output = onsite(home.path(), &["validate", plan.to_str().unwrap()]);
    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("entry 1, field `question`: pack `backend-engineering` has no question `no-such-question`"),
        "{stderr}"
    );
}

#[test]
fn packs_lists_bundled_and_user_packs() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("packs")).unwrap();
    std::fs::write(
        home.path().join("packs/mine.ron"),
        "QuestionPack(format: 1, id: \"mine\", title: \"Mine\", questions: [(id: \"a\", prompt: \"?\", minutes: 5)])",
    )
    .unwrap();
    let output = onsite(home.path(), &["packs"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let backend = stdout
        .lines()
        .find(|l| l.starts_with("backend-engineering"))
        .unwrap();
    assert!(
        backend.contains(&format!(" {} ", backend_questions())) && backend.ends_with("bundled"),
        "{stdout}"
    );
    let mine = stdout.lines().find(|l| l.starts_with("mine ")).unwrap();
    assert!(mine.contains("user ("), "{stdout}");
}

/// How many questions the bundled backend pack has.
fn backend_questions() -> usize {
    onsite::storage::bundled_packs().items[0]
        .pack
        .questions
        .len()
}
