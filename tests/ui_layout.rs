//! Every screen at a 13-inch laptop's size, a common office screen and a large one, with
//! realistic content: no two controls overlap, none reaches past the window's edge, and the
//! rubric of a question with eight key points is in view at 1366×768 without scrolling.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use eframe::egui::{Rect, pos2};
use egui_kittest::Harness;
use onsite::domain::{
    Evaluation, InterviewPlan, Outcome, PlanEntry, PlanQuestion, QuestionRef, Recommendation,
};
use onsite::storage::{Library, bundled_packs};
use onsite::ui::OnsiteApp;
use onsite::ui::action::{Action, InterviewAction, PackAction, PlanAction, RecordAction};
use onsite::ui::dialogs::Dialog;
use onsite::ui::state::{Screen, Settings};

/// A 13-inch laptop at 125 %, a common office screen, a large screen.
const SIZES: [[f32; 2]; 3] = [[1024.0, 600.0], [1366.0, 768.0], [1920.0, 1080.0]];

/// Notes as an interviewer types them: timestamps, several scripts, a long URL.
const NOTES: &str = "[00:40] Asked who the clients are before drawing anything.\n\
[02:15] Idempotency key stored with the result; retries return the first response.\n\
[04:10] 用幂等键保存结果，重试时返回第一次的响应。\n\
[05:30] הסביר את ההבדל בין ניסיון חוזר לכפילות.\n\
[07:00] شرح لماذا يجب أن يكون الفحص ذريًا.\n\
[08:20] https://runbooks.example.com/payments/checkout-latency/incident-2026-11?step=3&view=full\n\
[09:45] Stayed calm when I pushed on the in-flight duplicate; good trade-off reasoning.";

/// A library with a submitted and an in-progress evaluation, two plans and a pack of the
/// user's; returns the in-progress evaluation's path.
fn library(home: &Path) -> PathBuf {
    let library = Library::open(home).unwrap();
    let packs: Vec<_> = bundled_packs().items;
    let backend = &packs[0].pack;
    // The questions with the most key points first: the layout must cope with eight.
    let mut ids: Vec<&onsite::domain::Question> = backend.questions.iter().collect();
    ids.sort_by_key(|q| std::cmp::Reverse(q.key_points.len()));
    assert_eq!(
        ids[0].key_points.len(),
        8,
        "a bundled question with 8 key points"
    );
    let mut plan = InterviewPlan::new(
        "Backend onsite, round two: payments, data and on-call judgement",
        "Senior Backend Engineer, Payments Platform",
    );
    plan.entries = ids[..6]
        .iter()
        .map(|q| PlanEntry {
            question: PlanQuestion::FromPack(QuestionRef {
                pack: backend.id.clone(),
                question: q.id.clone(),
            }),
            minutes: None,
        })
        .collect();
    library
        .save_plan(&library.new_plan_path(&plan), &plan)
        .unwrap();
    let mut second = plan.clone();
    second.title = "System design loop for staff candidates (long form)".into();
    library
        .save_plan(&library.new_plan_path(&second), &second)
        .unwrap();

    let start = jiff::Timestamp::from_second(1_790_000_000).unwrap();
    let mut evaluation =
        Evaluation::from_plan(&plan, &packs, "Zoë Łukasiewicz-Ñúñez de la Fuente", start).unwrap();
    evaluation.interviewer = "Jörg Šimić".into();
    for (index, answer) in evaluation.answers.iter_mut().enumerate() {
        answer.notes = NOTES.into();
        answer.seconds = 600 + 97 * index as u64;
        if index > 0 {
            answer.outcome = Outcome::Rated(3);
            answer.covered = [0, 2, 3].into();
        }
    }
    evaluation.general_notes = "Arrived early; asked good questions about the team.".into();
    let in_progress = library.new_evaluation_path(&evaluation);
    library.save_evaluation(&in_progress, &evaluation).unwrap();

    let mut submitted = common::sample_evaluation();
    submitted.recommendation = Some(Recommendation::StrongYes);
    let done = library.new_evaluation_path(&submitted);
    library.save_evaluation(&done, &submitted).unwrap();

    let mut mine = (*packs[0].pack).clone();
    mine.id = "team-backend".into();
    mine.title = "Team backend questions, adapted for the payments group".into();
    library.save_pack(&mine).unwrap();
    in_progress
}

fn harness(home: &Path, size: [f32; 2]) -> Harness<'static, OnsiteApp> {
    let settings = Settings {
        interviewer: "Jörg Šimić".into(),
        ..Settings::default()
    };
    let app = OnsiteApp::new(Some(Library::open(home).unwrap()), settings);
    // Which scripts the machine has fonts for does not change the layout; boxes will do.
    Harness::builder()
        .with_size(size)
        .with_max_steps(64)
        .allow_missing_glyphs()
        .build_ui_state(|ui, app: &mut OnsiteApp| app.show(ui), app)
}

/// The layout problems of what the harness shows now.
fn check(harness: &Harness<'_, OnsiteApp>, size: [f32; 2], what: &str) -> Vec<String> {
    let window = Rect::from_min_max(pos2(0.0, 0.0), pos2(size[0], size[1]));
    let placed = common::layout::placed(&harness.root(), harness.ctx.pixels_per_point());
    assert!(placed.len() > 3, "{what}: only {} widgets", placed.len());
    common::layout::problems(&placed, window)
        .into_iter()
        .map(|problem| format!("{}×{} {what}: {problem}", size[0], size[1]))
        .collect()
}

fn go(harness: &mut Harness<'_, OnsiteApp>, action: impl Into<Action>) {
    harness.state_mut().push(action);
    harness.run();
}

#[test]
fn no_control_overlaps_another_or_leaves_the_window_on_any_screen() {
    let mut problems = Vec::new();
    for size in SIZES {
        let home = tempfile::tempdir().unwrap();
        let in_progress = library(home.path());
        let mut harness = harness(home.path(), size);
        harness.run();
        problems.extend(check(&harness, size, "home"));

        go(&mut harness, PlanAction::Load(first_plan(home.path())));
        harness.state_mut().state.builder.filter.query = "cache".into();
        harness.state_mut().state.builder.custom = Some(Default::default());
        harness.run();
        problems.extend(check(&harness, size, "plan builder"));

        go(&mut harness, RecordAction::Resume(in_progress.clone()));
        assert_eq!(harness.state().state.screen, Screen::Interview);
        problems.extend(check(&harness, size, "interview"));
        go(&mut harness, InterviewAction::GoTo(3));
        problems.extend(check(&harness, size, "interview, a rated question"));

        go(&mut harness, Action::Go(Screen::Review));
        harness
            .state_mut()
            .state
            .session
            .as_mut()
            .unwrap()
            .review_open = Some(1);
        harness.run();
        problems.extend(check(&harness, size, "review"));

        go(
            &mut harness,
            Action::Open(Dialog::ConfirmSubmit {
                recommendation: Recommendation::Yes,
            }),
        );
        problems.extend(check(&harness, size, "submit dialog"));
        go(&mut harness, RecordAction::Export(in_progress.clone()));
        problems.extend(check(&harness, size, "export dialog"));
        go(&mut harness, Action::CloseDialog);
        go(
            &mut harness,
            Action::Open(Dialog::Debrief {
                target: "/home/someone/Documents/Debrief - Zoë Łukasiewicz-Ñúñez.pdf".into(),
                format: onsite::report::ExportFormat::Pdf,
                paper: onsite::report::Paper::A4,
            }),
        );
        problems.extend(check(&harness, size, "debrief dialog"));
        go(
            &mut harness,
            Action::Open(Dialog::Kit {
                target: "/home/someone/Documents/Kit - Senior backend onsite.pdf".into(),
                paper: onsite::report::Paper::Letter,
            }),
        );
        problems.extend(check(&harness, size, "kit dialog"));
        go(&mut harness, Action::CloseDialog);

        let mine = harness
            .state()
            .state
            .packs
            .iter()
            .position(|entry| entry.pack.id == "team-backend")
            .unwrap();
        go(&mut harness, PackAction::Open(mine));
        problems.extend(check(&harness, size, "pack editor"));
        go(&mut harness, PackAction::Open(0));
        problems.extend(check(&harness, size, "bundled pack"));

        go(&mut harness, Action::Go(Screen::Settings));
        problems.extend(check(&harness, size, "settings"));

        go(&mut harness, Action::Go(Screen::PlanBuilder));
        go(
            &mut harness,
            Action::Open(Dialog::StartInterview {
                candidate: String::new(),
                role: "Senior Backend Engineer".into(),
            }),
        );
        problems.extend(check(&harness, size, "start dialog"));
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The rubric is what the interviewer rates by: at 1366×768 all four cards of a question
/// with eight key points are on screen without scrolling.
#[test]
fn the_rubric_is_in_view_at_1366_by_768() {
    let home = tempfile::tempdir().unwrap();
    let in_progress = library(home.path());
    let size = [1366.0, 768.0];
    let mut harness = harness(home.path(), size);
    go(&mut harness, RecordAction::Resume(in_progress));
    harness.run();
    let session = harness.state().state.session.as_ref().unwrap();
    assert_eq!(session.evaluation.answers[0].question.key_points.len(), 8);
    let placed = common::layout::placed(&harness.root(), harness.ctx.pixels_per_point());
    let cards: Vec<_> = placed
        .iter()
        .filter(|p| p.name.starts_with("RadioButton \"Rate"))
        .collect();
    assert_eq!(cards.len(), 4, "{placed:#?}");
    for card in cards {
        assert!(
            card.rect.max.y <= size[1] && card.visible == card.rect,
            "{} at {:?} is not fully in view",
            card.name,
            card.rect
        );
    }
}

fn first_plan(home: &Path) -> PathBuf {
    let mut plans: Vec<_> = std::fs::read_dir(home.join("plans"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    plans.sort();
    plans.remove(0)
}
