//! The committee's side in the window (issue 15): evaluations ticked on Home or dropped on the
//! window become one debrief packet; two candidates are refused naming both; the plan being
//! built prints as an interview kit. A packet with drafts in it says so until dismissed.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use onsite::domain::Recommendation;
use onsite::report::ExportFormat;
use onsite::storage::{Library, Visibility, save};
use onsite::ui::OnsiteApp;
use onsite::ui::action::PlanAction;
use onsite::ui::dialogs::Dialog;
use onsite::ui::notices::NoticeKind;
use onsite::ui::state::{Screen, Settings};

/// A file dropped on the window, as the windowing system hands it over.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl eframe::egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|error| error.to_string())
    }
}

/// A submitted, sealed evaluation of `candidate` by `interviewer`, saved at `path`.
fn evaluation_by(path: &Path, candidate: &str, interviewer: &str, rating: u8) {
    let mut evaluation = common::sample_evaluation();
    evaluation.candidate = candidate.into();
    evaluation.interviewer = interviewer.into();
    evaluation.answers[0].outcome = onsite::domain::Outcome::Rated(rating);
    evaluation.recommendation = Some(if rating >= 3 {
        Recommendation::Yes
    } else {
        Recommendation::No
    });
    evaluation.private_notes = format!("private thought of {interviewer}");
    // Handed in through the window's rules, so it carries a seal.
    evaluation.status = onsite::domain::EvaluationStatus::InProgress;
    evaluation.submitted_at = None;
    evaluation.submit(evaluation.ended_at.unwrap()).unwrap();
    assert!(evaluation.seal_state().is_intact());
    save(path, &evaluation, Visibility::Private).unwrap();
}

fn harness(home: &Path) -> Harness<'static, OnsiteApp> {
    let library = Library::open_locked(home).unwrap();
    let mut harness = common::window(OnsiteApp::new(Some(library), Settings::default()));
    harness.run();
    harness
}

/// Runs frames until a notice of `kind` appears; returns its text.
fn wait_for_notice(harness: &mut Harness<'_, OnsiteApp>, kind: NoticeKind) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(notice) = harness
            .state()
            .state
            .notices
            .iter()
            .find(|n| n.kind == kind)
        {
            return notice.text.clone();
        }
        assert!(
            Instant::now() < deadline,
            "no such notice: {:?}, dialog {:?}",
            harness.state().state.notices,
            harness.state().state.dialog
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.run();
    }
}

/// Points the open Debrief or Kit dialog at `target` (what typing the path does).
fn set_target(harness: &mut Harness<'_, OnsiteApp>, to: &Path) {
    match &mut harness.state_mut().state.dialog {
        Some(Dialog::Debrief { target, .. } | Dialog::Kit { target, .. }) => {
            *target = to.display().to_string();
        }
        other => panic!("no committee dialog open: {other:?}"),
    }
}

#[test]
fn evaluations_ticked_on_home_and_dropped_on_the_window_make_one_packet() {
    let home = tempfile::tempdir().unwrap();
    let shared = tempfile::tempdir().unwrap();
    let evaluations = home.path().join("evaluations");
    std::fs::create_dir_all(&evaluations).unwrap();
    evaluation_by(&evaluations.join("a.ron"), "Zoë Łukasiewicz", "Ana Lima", 4);
    evaluation_by(
        &evaluations.join("b.ron"),
        "zoe lukasiewicz",
        "Ben Okafor",
        1,
    );
    // A colleague's shared file, from outside the library.
    let dropped = shared.path().join("from-chen.ron");
    evaluation_by(&dropped, "Zoë Łukasiewicz", "Chen Wei", 2);
    let mut harness = harness(home.path());

    assert!(
        harness
            .get_by_label("Debrief (0)…")
            .accesskit_node()
            .is_disabled()
    );
    harness
        .get_by_label("Choose Zoë Łukasiewicz for the debrief")
        .click();
    harness.run();
    harness
        .get_by_label("Choose zoe lukasiewicz for the debrief")
        .click();
    harness.run();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(dropped.clone())));
    harness.run();
    harness.run();
    assert_eq!(harness.state().state.debrief_files.len(), 3);
    harness.get_by_label_contains("Shared file: from-chen.ron");
    // A dropped evaluation is for the debrief, not imported as a pack.
    assert_eq!(
        std::fs::read_dir(home.path().join("packs"))
            .unwrap()
            .count(),
        0
    );

    harness.get_by_label("Debrief (3)…").click();
    harness.run();
    let target = shared.path().join("packet.md");
    match &mut harness.state_mut().state.dialog {
        Some(Dialog::Debrief { format, .. }) => *format = ExportFormat::Markdown,
        other => panic!("no debrief dialog: {other:?}"),
    }
    set_target(&mut harness, &target);
    harness.state_mut().state.notices.clear();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    let said = wait_for_notice(&mut harness, NoticeKind::Info);
    assert!(
        said.starts_with("Debrief packet written: packet.md"),
        "{said}"
    );

    let packet = std::fs::read_to_string(&target).unwrap();
    for interviewer in ["Ana Lima", "Ben Okafor", "Chen Wei"] {
        assert!(packet.contains(interviewer), "{interviewer} missing");
        assert!(!packet.contains(&format!("private thought of {interviewer}")));
    }
    // Recommendations no, no, yes: the spread says so, most common first.
    assert!(packet.contains("2 no · 1 yes"), "{packet}");
}

#[test]
fn two_candidates_are_refused_naming_both() {
    let home = tempfile::tempdir().unwrap();
    let evaluations = home.path().join("evaluations");
    std::fs::create_dir_all(&evaluations).unwrap();
    evaluation_by(&evaluations.join("a.ron"), "Zoë Łukasiewicz", "Ana Lima", 4);
    evaluation_by(&evaluations.join("b.ron"), "Marek Nowak", "Ben Okafor", 1);
    let mut harness = harness(home.path());
    for candidate in ["Zoë Łukasiewicz", "Marek Nowak"] {
        harness
            .get_by_label(&format!("Choose {candidate} for the debrief"))
            .click();
        harness.run();
    }
    harness.get_by_label("Debrief (2)…").click();
    harness.run();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("packet.pdf");
    set_target(&mut harness, &target);
    harness.get_by_label("Export").click();
    harness.run();
    let said = wait_for_notice(&mut harness, NoticeKind::Error);
    assert!(
        said.contains("Zoë Łukasiewicz") && said.contains("Marek Nowak"),
        "{said}"
    );
    assert!(!target.exists());
}

#[test]
fn the_plan_being_built_prints_as_a_kit() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = harness(home.path());
    harness.state_mut().push(PlanAction::New);
    harness.run();
    assert_eq!(harness.state().state.screen, Screen::PlanBuilder);
    assert!(
        harness
            .get_by_label("Print kit…")
            .accesskit_node()
            .is_disabled()
    );
    let keys: Vec<_> = harness
        .state()
        .state
        .builder
        .results
        .iter()
        .take(3)
        .copied()
        .collect();
    for key in keys {
        harness.state_mut().push(PlanAction::Add(key));
    }
    harness.run();
    harness.get_by_label("Print kit…").click();
    harness.run();
    let out = tempfile::tempdir().unwrap();
    let target: PathBuf = out.path().join("kit.pdf");
    set_target(&mut harness, &target);
    harness.get_by_label("Export").click();
    harness.run();
    let said = wait_for_notice(&mut harness, NoticeKind::Info);
    assert!(
        said.starts_with("Interview kit written: kit.pdf ("),
        "{said}"
    );
    let text = common::pdf_pages(&std::fs::read(&target).unwrap()).join("\n");
    let state = &harness.state().state;
    for entry in &state.builder.plan.entries {
        let onsite::domain::PlanQuestion::FromPack(reference) = &entry.question else {
            continue;
        };
        let pack = state
            .packs
            .iter()
            .find(|p| p.pack.id == reference.pack)
            .unwrap();
        let question = pack
            .pack
            .questions
            .iter()
            .find(|q| q.id == reference.question)
            .unwrap();
        let first_words: String = question
            .prompt
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains(&first_words),
            "`{first_words}` not in the kit"
        );
    }
}

#[test]
fn a_packet_with_a_draft_says_so_until_the_notice_is_dismissed() {
    let home = tempfile::tempdir().unwrap();
    let evaluations = home.path().join("evaluations");
    std::fs::create_dir_all(&evaluations).unwrap();
    evaluation_by(&evaluations.join("a.ron"), "Zoë Łukasiewicz", "Ana Lima", 4);
    // A colleague's draft, dropped on the window.
    let shared = tempfile::tempdir().unwrap();
    let draft = shared.path().join("draft.ron");
    let mut evaluation = common::sample_evaluation();
    evaluation.interviewer = "Ben Okafor".into();
    evaluation.status = onsite::domain::EvaluationStatus::InProgress;
    evaluation.submitted_at = None;
    save(&draft, &evaluation, Visibility::Private).unwrap();
    let mut harness = harness(home.path());
    harness
        .get_by_label("Choose Zoë Łukasiewicz for the debrief")
        .click();
    harness.run();
    harness
        .state_mut()
        .push(onsite::ui::action::RecordAction::ChooseForDebrief(
            draft, true,
        ));
    harness
        .state_mut()
        .push(onsite::ui::action::RecordAction::Debrief);
    harness.run();
    let out = tempfile::tempdir().unwrap();
    set_target(&mut harness, &out.path().join("packet.pdf"));
    harness.get_by_label("Export").click();
    harness.run();
    let said = wait_for_notice(&mut harness, NoticeKind::Warning);
    assert!(
        said.starts_with("Debrief packet written: packet.pdf ("),
        "{said}"
    );
    assert!(said.contains("Ben Okafor"), "{said}");
    // Long after an information notice would have gone (as if shown 100 s ago), it stays.
    harness
        .state_mut()
        .state
        .notices
        .iter_mut()
        .for_each(|n| n.shown_at = Some(-100.0));
    harness.run();
    assert!(
        harness
            .state()
            .state
            .notices
            .iter()
            .any(|n| n.kind == NoticeKind::Warning)
    );
}
