//! Whole flows through the window, driven headlessly with egui_kittest as a user would:
//! clicks, typing and shortcuts; then the saved files are checked.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::Path;

use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use onsite::domain::{Evaluation, EvaluationStatus, Outcome, Recommendation};
use onsite::storage::{Library, load};
use onsite::ui::OnsiteApp;
use onsite::ui::state::{Screen, Settings};

fn app(home: &Path) -> OnsiteApp {
    let library = Library::open(home).unwrap();
    let settings = Settings {
        interviewer: "Jörg Šimić".into(),
        ..Settings::default()
    };
    OnsiteApp::new(Some(library), settings)
}

fn harness(app: OnsiteApp) -> Harness<'static, OnsiteApp> {
    common::window(app)
}

fn press(harness: &mut Harness<'_, OnsiteApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

fn saved_evaluation(home: &Path) -> (std::path::PathBuf, Evaluation) {
    let library = Library::open(home).unwrap();
    let mut listed = library.evaluations();
    assert!(listed.errors.is_empty(), "{:?}", listed.errors);
    assert_eq!(listed.items.len(), 1);
    listed.items.remove(0)
}

/// Search, build a plan, run the interview by keyboard, review, submit; the file on disk must
/// hold exactly what was done.
#[test]
fn a_whole_interview_from_plan_to_submitted_evaluation() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = harness(app(home.path()));
    harness.run();

    harness.get_by_label("New interview").click();
    harness.run();
    assert_eq!(harness.state().state.screen, Screen::PlanBuilder);

    // Search the backend pack for "cache" and add three questions.
    harness.get_by_label("Search").click();
    harness.run();
    harness.get_by_label("Search").type_text("cache");
    harness.run();
    let results = harness.state().state.builder.results.clone();
    assert!(results.len() >= 3, "{results:?}");
    for _ in 0..3 {
        press(&mut harness, Modifiers::COMMAND, Key::Enter);
        press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    }
    let added = common::plan_ids(&harness);
    assert_eq!(added.len(), 3);

    // Reorder: the last one moves up to second place.
    press(&mut harness, Modifiers::ALT, Key::ArrowUp);
    let reordered = common::plan_ids(&harness);
    assert_eq!(
        reordered,
        [added[0].clone(), added[2].clone(), added[1].clone()]
    );

    // Add a custom question.
    harness.get_by_label("Add your own question").click();
    harness.run();
    harness.get_by_label("Question").click();
    harness.run();
    harness
        .get_by_label("Question")
        .type_text("What would you change in our hiring process?");
    harness.run();
    harness.get_by_label("Add to plan").click();
    harness.run();
    assert_eq!(common::plan_ids(&harness).len(), 4);

    // Start the interview.
    harness.get_by_label("Start interview…").click();
    harness.run();
    harness.get_by_label("Candidate").click();
    harness.run();
    harness
        .get_by_label("Candidate")
        .type_text("Zoë Łukasiewicz");
    harness.run();
    harness.get_by_label("Start interview").click();
    harness.run();
    assert_eq!(harness.state().state.screen, Screen::Interview);

    // Question 1: notes (the editor has the keyboard), a key point, rating by keyboard.
    harness
        .get_by_label("Question notes")
        .type_text("Talked about TTLs.\nΣωστή απάντηση.");
    harness.run();
    let first_point = common::open_evaluation(&harness).answers[0]
        .question
        .key_points[0]
        .clone();
    // Ticked by its shortcut: on a window this size the eight key points may be folded.
    assert!(!first_point.is_empty());
    press(&mut harness, Modifiers::ALT, Key::Num1);
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    press(&mut harness, Modifiers::COMMAND, Key::ArrowRight);

    // Question 2: not asked.
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    press(&mut harness, Modifiers::COMMAND, Key::ArrowRight);

    // Question 3: a timestamped note and the top rating.
    harness.get_by_label("Question notes").focus();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::T);
    harness
        .get_by_label("Question notes")
        .type_text("Invalidation on write.");
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::Num4);
    press(&mut harness, Modifiers::COMMAND, Key::ArrowRight);

    // Question 4 (custom): no evidence, and a general note.
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::G);
    harness
        .get_by_label("General notes")
        .type_text("Arrived early; relaxed.");
    harness.run();

    harness.get_by_label("End interview").click();
    harness.run();
    assert_eq!(harness.state().state.screen, Screen::Review);

    // Review: recommendation, summary, submit.
    harness.get_by_label("Yes").click();
    harness.run();
    harness
        .get_by_label("Summary for the hiring committee")
        .click();
    harness.run();
    harness
        .get_by_label("Summary for the hiring committee")
        .type_text("Solid on caching; hire.");
    harness.run();
    harness.get_by_label("Submit evaluation").click();
    harness.run();
    // Submitting asks first, naming the recommendation; only the answer hands it in.
    assert!(!common::open_evaluation(&harness).is_submitted());
    harness.get_by_label("Submit “Yes”").click();
    harness.run();
    assert!(harness.state_mut().flush());

    let (_, saved) = saved_evaluation(home.path());
    assert_eq!(saved.status, EvaluationStatus::Submitted);
    assert_eq!(saved.candidate, "Zoë Łukasiewicz");
    assert_eq!(saved.interviewer, "Jörg Šimić");
    assert_eq!(saved.recommendation, Some(Recommendation::Yes));
    assert_eq!(saved.summary, "Solid on caching; hire.");
    assert_eq!(saved.general_notes, "Arrived early; relaxed.");
    assert!(saved.submitted_at.is_some() && saved.ended_at.is_some());
    let ids: Vec<&str> = saved
        .answers
        .iter()
        .map(|a| a.question.id.as_str())
        .collect();
    assert_eq!(
        ids,
        reordered
            .iter()
            .map(String::as_str)
            .chain(ids.last().copied())
            .collect::<Vec<_>>()
    );
    let a = &saved.answers;
    assert_eq!(a[0].outcome, Outcome::Rated(3));
    assert_eq!(a[0].notes, "Talked about TTLs.\nΣωστή απάντηση.");
    assert_eq!(a[0].covered.iter().copied().collect::<Vec<_>>(), [0]);
    assert_eq!(a[1].outcome, Outcome::NotAsked);
    assert_eq!(a[2].outcome, Outcome::Rated(4));
    assert!(a[2].notes.starts_with("[00:0"), "{:?}", a[2].notes);
    assert!(
        a[2].notes.ends_with("] Invalidation on write."),
        "{:?}",
        a[2].notes
    );
    assert_eq!(a[3].outcome, Outcome::NoEvidence);
    assert_eq!(
        a[3].question.prompt,
        "What would you change in our hiring process?"
    );
    assert!(a[3].source.is_none());
}

/// Starts an interview of the first two backend questions for `candidate`, through the app's
/// actions (the plan builder itself is covered by the flow above).
fn start_interview(harness: &mut Harness<'_, OnsiteApp>, candidate: &str) {
    use onsite::ui::action::{Action, PlanAction};
    use onsite::ui::search::QuestionKey;
    harness.state_mut().push(Action::Plan(PlanAction::New));
    for question in 0..2 {
        harness
            .state_mut()
            .push(Action::Plan(PlanAction::Add(QuestionKey {
                pack: 0,
                question,
            })));
    }
    harness.state_mut().push(Action::Plan(PlanAction::Start {
        candidate: candidate.into(),
        role: "Backend Engineer".into(),
    }));
    harness.run();
    assert_eq!(harness.state().state.screen, Screen::Interview);
}

/// The app disappears mid-interview (no close, no final save); a new app on the same folder
/// offers the interview for resume and every note is there.
#[test]
fn notes_survive_a_crash_and_the_interview_resumes() {
    let home = tempfile::tempdir().unwrap();
    {
        let mut harness = harness(app(home.path()));
        harness.run();
        start_interview(&mut harness, "Ada Lovelace");
        harness
            .get_by_label("Question notes")
            .type_text("First question notes.");
        harness.run();
        press(&mut harness, Modifiers::COMMAND, Key::ArrowRight);
        harness.get_by_label("Question notes").type_text("Second: ");
        harness.run();
        harness
            .get_by_label("Question notes")
            .type_text("still typing when it crashed");
        // About two seconds pass (each step is a quarter of a second) with no other event:
        // the debounced autosave must have fired by itself.
        harness.run_steps(8);
        assert!(harness.state_mut().wait_for_saves());
        // Dropped without `flush` or `on_exit`, as in a crash.
    }

    let mut harness = harness(app(home.path()));
    harness.run();
    harness.get_by_label("Resume").click();
    harness.run();
    let state = &harness.state().state;
    assert_eq!(state.screen, Screen::Interview);
    let evaluation = &state.session.as_ref().unwrap().evaluation;
    assert_eq!(evaluation.candidate, "Ada Lovelace");
    assert_eq!(evaluation.current, 1, "resumes on the question it was on");
    assert_eq!(evaluation.answers[0].notes, "First question notes.");
    assert_eq!(
        evaluation.answers[1].notes,
        "Second: still typing when it crashed"
    );
}

/// A save that fails is shown at once and retried; typing goes on and nothing is lost.
#[test]
fn a_failed_save_is_shown_and_retried_until_it_works() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = harness(app(home.path()));
    harness.run();
    start_interview(&mut harness, "Grace Hopper");
    let path = harness.state().state.session.as_ref().unwrap().path.clone();

    // Make the folder unusable: replace it by a plain file (this fails even for root).
    let folder = path.parent().unwrap().to_owned();
    let moved = home.path().join("evaluations-away");
    std::fs::rename(&folder, &moved).unwrap();
    std::fs::write(&folder, "not a folder").unwrap();

    harness
        .get_by_label("Question notes")
        .type_text("Typed while the disk was failing.");
    harness.run_steps(8);
    harness.state_mut().wait_for_saves();
    harness.run();
    let session = harness.state().state.session.as_ref().unwrap();
    assert!(session.save_error.is_some(), "the failure is reported");
    assert!(!session.is_saved());
    harness.get_by_label_contains("Not saved").hover();

    // The folder comes back; the retry saves everything.
    std::fs::remove_file(&folder).unwrap();
    std::fs::rename(&moved, &folder).unwrap();
    for _ in 0..4 {
        harness.run_steps(4);
        harness.state_mut().wait_for_saves();
    }
    harness.run();
    let session = harness.state().state.session.as_ref().unwrap();
    assert!(session.save_error.is_none());
    assert!(session.is_saved());
    let saved: Evaluation = load(&path).unwrap();
    assert_eq!(saved.answers[0].notes, "Typed while the disk was failing.");
}

/// A broken pack is refused with file, line and column; the library does not change.
#[test]
fn importing_a_broken_pack_shows_the_error_and_changes_nothing() {
    use onsite::ui::action::{Action, PackAction};
    let home = tempfile::tempdir().unwrap();
    let mut harness = harness(app(home.path()));
    harness.run();
    let packs_before = harness.state().state.packs.len();

    let broken = home.path().join("broken.ron");
    std::fs::write(
        &broken,
        "QuestionPack(\n    format: 1,\n    id: \"team\",\n    title: \"Team\"\n    questions: [],\n)\n",
    )
    .unwrap();
    harness
        .state_mut()
        .push(Action::Packs(PackAction::Import(vec![broken.clone()])));
    harness.run();
    // The notice names file, line and column (`get_by` fails the test if it is absent).
    harness.get_by_label_contains("broken.ron:5:5: ");
    assert_eq!(harness.state().state.packs.len(), packs_before);
    assert_eq!(
        std::fs::read_dir(home.path().join("packs"))
            .unwrap()
            .count(),
        0
    );

    // A good pack next to it imports and shows up in the library at once.
    let good = home.path().join("good.ron");
    std::fs::write(
        &good,
        "QuestionPack(format: 1, id: \"team\", title: \"Team\", questions: [(id: \"a\", prompt: \"Why?\", minutes: 5)])",
    )
    .unwrap();
    harness
        .state_mut()
        .push(Action::Packs(PackAction::Import(vec![good])));
    harness.run();
    assert_eq!(harness.state().state.packs.len(), packs_before + 1);
    assert!(home.path().join("packs/team.ron").exists());
}

/// Idle means idle: with nothing happening no repaint is scheduled; while the interview clock
/// runs, one a second at most.
#[test]
fn the_window_sleeps_when_idle_and_ticks_once_a_second_in_an_interview() {
    use std::time::Duration;
    let home = tempfile::tempdir().unwrap();
    let mut harness = harness(app(home.path()));
    harness.run();
    harness.step();
    let delay = |harness: &Harness<'_, OnsiteApp>| {
        harness
            .output()
            .viewport_output
            .values()
            .map(|v| v.repaint_delay)
            .min()
            .unwrap()
    };
    assert_eq!(delay(&harness), Duration::MAX, "home screen idles");

    start_interview(&mut harness, "Ada Lovelace");
    harness.run_steps(12);
    assert!(harness.state_mut().wait_for_saves());
    harness.step();
    let ticking = delay(&harness);
    assert!(
        ticking > Duration::from_millis(40) && ticking <= Duration::from_secs(1),
        "{ticking:?}"
    );

    // The notes have the keyboard, and no one types: once the cursor has stopped blinking,
    // the window wakes only for the timer, once a second (frames run when asked for).
    assert!(
        harness.state().state.session.as_ref().unwrap().focus_notes
            || harness.ctx.egui_wants_keyboard_input()
    );
    let run_for = |harness: &mut Harness<'_, OnsiteApp>, seconds: f64| {
        let start = harness.ctx.input(|i| i.time);
        let mut now = start;
        let mut frames = 0;
        // Bounded: a window that asks to be repainted at once, frame after frame, would
        // otherwise never let the simulated time move on.
        while now < start + seconds && frames < 1000 {
            now += delay(harness).min(Duration::from_secs(60)).as_secs_f64();
            harness.input_mut().time = Some(now);
            harness.step();
            frames += 1;
        }
        frames
    };
    run_for(&mut harness, 6.0);
    let frames = run_for(&mut harness, 10.0);
    // Ten ticks, and now and then a wake-up when the clock's periodic save lands; a
    // blinking cursor alone would ask for hundreds.
    assert!((9..=14).contains(&frames), "{frames} frames in 10 s");
}

/// Deleting an evaluation asks first; cancelling keeps it, confirming removes the file.
#[test]
fn deleting_an_evaluation_asks_first() {
    let home = tempfile::tempdir().unwrap();
    let library = Library::open(home.path()).unwrap();
    let mut evaluation: Evaluation =
        load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/evaluation-sample.ron"))
            .unwrap();
    evaluation.candidate = "Delete Me".into();
    let path = library.new_evaluation_path(&evaluation);
    library.save_evaluation(&path, &evaluation).unwrap();

    let mut harness = harness(app(home.path()));
    harness.run();
    harness.get_by_label("Delete…").click();
    harness.run();
    harness.get_by_label_contains("Delete Me will be removed");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(path.exists());

    harness.get_by_label("Delete…").click();
    harness.run();
    harness.get_by_label("Delete").click();
    harness.run();
    assert!(!path.exists());
    assert!(harness.state().state.evaluations.is_empty());
}

/// Export from the review screen: the dialog suggests a name, the PDF is written in the
/// background, and a notice offers to open it.
#[test]
fn exporting_a_pdf_from_the_review_screen() {
    let home = tempfile::tempdir().unwrap();
    let library = Library::open(home.path()).unwrap();
    let evaluation: Evaluation =
        load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/evaluation-sample.ron"))
            .unwrap();
    let path = library.new_evaluation_path(&evaluation);
    library.save_evaluation(&path, &evaluation).unwrap();

    let mut harness = harness(app(home.path()));
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    assert_eq!(harness.state().state.screen, Screen::Review);
    harness.get_by_label("Export…").click();
    harness.run();
    let suggested = harness.get_by_label("Save as").value().unwrap_or_default();
    assert!(
        suggested.ends_with("Zoë Łukasiewicz-Ñúñez - Senior Backend Engineer.pdf"),
        "{suggested}"
    );

    let target = home.path().join("committee.pdf");
    harness.get_by_label("Save as").focus();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Save as")
        .type_text(target.to_str().unwrap());
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    for _ in 0..200 {
        if target.exists() && harness.query_by_label_contains("Exported").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
        harness.run();
    }
    let bytes = std::fs::read(&target).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    harness.get_by_label_contains("Exported");
    harness.get_by_label("Open");
}

/// The real window reads packs after its first frame; they arrive without any input.
#[test]
fn packs_read_in_the_background_arrive_by_themselves() {
    let home = tempfile::tempdir().unwrap();
    let library = Library::open(home.path()).unwrap();
    let mut harness = harness(OnsiteApp::new_in_background(
        Some(library),
        Settings::default(),
    ));
    harness.step();
    for _ in 0..400 {
        if !harness.state().state.is_loading_packs() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.run();
    let state = &harness.state().state;
    assert!(!state.is_loading_packs());
    assert_eq!(state.packs.len(), 3);
    harness.get_by_label_contains("questions in 3 packs");
}

/// Settings: the interviewer's name, theme and zoom change from the screen and shortcuts.
#[test]
fn settings_change_name_theme_and_zoom() {
    use onsite::ui::state::ThemeChoice;
    let home = tempfile::tempdir().unwrap();
    let mut harness = harness(app(home.path()));
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::Comma);
    assert_eq!(harness.state().state.screen, Screen::Settings);
    harness.get_by_label("Your name").click();
    harness.run();
    harness.get_by_label("Your name").type_text(" (panel lead)");
    harness.run();
    assert_eq!(
        harness.state().state.settings.interviewer,
        "Jörg Šimić (panel lead)"
    );
    harness.get_by_label("Dark").click();
    harness.run();
    assert_eq!(harness.state().state.settings.theme, ThemeChoice::Dark);
    harness.get_by_label("+").click();
    harness.run();
    let zoom = harness.state().state.settings.zoom;
    assert!((zoom - 1.1).abs() < 1e-4, "{zoom}");
    harness.get_by_label("Reset").click();
    harness.run();
    assert!((harness.state().state.settings.zoom - 1.0).abs() < 1e-6);
    // The shortcut table is shown with every command.
    harness.get_by_label("Rate level 3");
}
