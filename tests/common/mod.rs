//! Sample data shared by the integration tests.
#![allow(clippy::unwrap_used, clippy::panic)]
#![allow(dead_code)]

use std::collections::BTreeSet;

use jiff::Timestamp;
use onsite::domain::{
    Answer, Evaluation, EvaluationStatus, InterviewPlan, Level, Outcome, PlanEntry, PlanQuestion,
    Question, QuestionPack, QuestionRef, Recommendation, Rubric,
};

/// A pack with one fully filled question and one minimal one.
pub fn sample_pack() -> QuestionPack {
    let mut pack = QuestionPack::new("sample-pack", "Sample pack");
    pack.description = "Questions for tests.\nSecond line.".into();
    pack.author = "Tests".into();
    pack.tags = vec!["test".into(), "sample".into()];
    let mut full = Question::new("full", "Explain \"caching\" — with a backslash \\ too.", 12);
    full.purpose = "Checks every field survives.".into();
    full.key_points = vec!["Invalidation".into(), "TTL".into(), "Ελληνικά".into()];
    full.rubric = Some(Rubric::standard());
    full.guidance = "Strong answers mention eviction.".into();
    full.follow_ups = vec!["And then?".into(), "Why?".into()];
    full.red_flags = vec!["Says caches never go stale".into()];
    full.competency = "Performance".into();
    full.level = Level::Senior;
    full.tags = vec!["cache".into()];
    full.weight = 2.5;
    pack.questions.push(full);
    pack.questions
        .push(Question::new("minimal", "Anything?", 5));
    pack
}

/// A plan with a pack reference (with and without override) and a custom question.
pub fn sample_plan() -> InterviewPlan {
    let mut plan = InterviewPlan::new("Backend round", "Backend Engineer");
    plan.description = "Second round.".into();
    plan.entries = vec![
        PlanEntry {
            question: PlanQuestion::FromPack(QuestionRef {
                pack: "sample-pack".into(),
                question: "full".into(),
            }),
            minutes: Some(15),
        },
        PlanEntry {
            question: PlanQuestion::FromPack(QuestionRef {
                pack: "sample-pack".into(),
                question: "minimal".into(),
            }),
            minutes: None,
        },
        PlanEntry {
            question: PlanQuestion::Custom(Box::new(Question::new("own", "Your own question?", 7))),
            minutes: None,
        },
    ];
    plan
}

/// A submitted evaluation of the sample plan with every kind of outcome.
pub fn sample_evaluation() -> Evaluation {
    let plan = sample_plan();
    let start = Timestamp::from_second(1_790_000_000).unwrap();
    let mut evaluation =
        Evaluation::from_plan(&plan, &[sample_pack()], "Zoë Łukasiewicz", start).unwrap();
    evaluation.interviewer = "Jörg Šimić".into();
    evaluation.ended_at = Some(Timestamp::from_second(1_790_003_600).unwrap());
    evaluation.status = EvaluationStatus::Submitted;
    evaluation.submitted_at = evaluation.ended_at;
    evaluation.answers[0].outcome = Outcome::Rated(3);
    evaluation.answers[0].covered = BTreeSet::from([0, 2]);
    evaluation.answers[0].red_flags_seen = BTreeSet::from([0]);
    evaluation.answers[0].notes =
        "First paragraph.\n\nΣημειώσεις στα ελληνικά.\n[01:30] Заметки по-русски.".into();
    evaluation.answers[0].seconds = 840;
    evaluation.answers[1].outcome = Outcome::NotAsked;
    evaluation.answers[2].outcome = Outcome::NoEvidence;
    evaluation.answers[2].notes = "\"quoted\" and r#\"raw\"#".into();
    evaluation.current = 2;
    evaluation.recommendation = Some(Recommendation::Yes);
    evaluation.summary = "Good.\nVery good.".into();
    evaluation.general_notes = "Arrived early.".into();
    evaluation.private_notes = "Ask about the gap year.".into();
    evaluation
}

/// An answer standing alone, for tests that need one.
pub fn unrated_answer() -> Answer {
    Answer::new(Question::new("q", "?", 5), None)
}

/// The window driven headlessly, large enough that every screen's controls are on screen.
/// Background saves wake the UI when they finish, which can add a frame or two to settling on
/// a busy machine; the idle test checks that it does settle.
pub fn window(app: onsite::ui::OnsiteApp) -> egui_kittest::Harness<'static, onsite::ui::OnsiteApp> {
    egui_kittest::Harness::builder()
        .with_size([1500.0, 1000.0])
        .with_max_steps(64)
        .build_ui_state(|ui, app: &mut onsite::ui::OnsiteApp| app.show(ui), app)
}

/// Runs the `onsite` binary with `args` in the project folder, its library in `home`.
pub fn onsite(home: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_onsite"))
        .args(args)
        .env("ONSITE_HOME", home)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

/// Bytes a command printed, as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
pub mod layout;

/// The evaluation open in the window (the tests' shorthand for a long path).
pub fn open_evaluation<'a>(
    harness: &'a egui_kittest::Harness<'_, onsite::ui::OnsiteApp>,
) -> &'a Evaluation {
    &harness.state().state.session.as_ref().unwrap().evaluation
}

/// The sample evaluation as if the interview were still running (on its first question),
/// saved in the library at `home`; returns its file.
pub fn saved_in_progress(home: &std::path::Path) -> std::path::PathBuf {
    let library = onsite::storage::Library::open(home).unwrap();
    let mut evaluation = sample_evaluation();
    evaluation.status = EvaluationStatus::InProgress;
    evaluation.submitted_at = None;
    evaluation.current = 0;
    let path = library.new_evaluation_path(&evaluation);
    library.save_evaluation(&path, &evaluation).unwrap();
    path
}

/// The text of every page, as printpdf reads it back from the file.
pub fn pdf_pages(bytes: &[u8]) -> Vec<String> {
    let mut warnings = Vec::new();
    let document =
        printpdf::PdfDocument::parse(bytes, &printpdf::PdfParseOptions::default(), &mut warnings)
            .unwrap();
    document
        .extract_text()
        .into_iter()
        .map(|page| page.join(" "))
        .collect()
}

/// A font from `tests/fonts/` (small subsets of Noto fonts, SIL Open Font License).
pub fn test_font(file: &str) -> onsite::report::FallbackFont {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fonts")
        .join(file);
    onsite::report::FallbackFont::new(file, std::fs::read(path).unwrap(), 0).unwrap()
}

/// The first line of `layout` whose text contains `text`.
pub fn line_with<'l>(
    layout: &'l onsite::report::Layout,
    text: &str,
) -> &'l onsite::report::TextLine {
    let found = layout
        .pages
        .iter()
        .flat_map(|page| page.lines())
        .find(|line| line.text.contains(text));
    assert!(found.is_some(), "no line with {text:?}");
    found.unwrap()
}

/// Text with all whitespace removed.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The question ids of the plan being built, in order.
pub fn plan_ids(harness: &egui_kittest::Harness<'_, onsite::ui::OnsiteApp>) -> Vec<String> {
    harness
        .state()
        .state
        .builder
        .plan
        .entries
        .iter()
        .map(|entry| match &entry.question {
            PlanQuestion::FromPack(reference) => reference.question.clone(),
            PlanQuestion::Custom(question) => question.id.clone(),
        })
        .collect()
}
