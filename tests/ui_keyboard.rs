//! The keyboard cannot put wrong data into the record: search starts from the top hit, a
//! question already in the plan is not added twice, Submit asks first, Alt+N ticks key point
//! N, Tab leaves the notes, and a number field edits only its own value.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use onsite::domain::{QuestionPack, Recommendation};
use onsite::storage::{Library, load};
use onsite::ui::OnsiteApp;
use onsite::ui::action::{Action, PackAction, PlanAction, RecordAction};
use onsite::ui::state::{Screen, Settings};

fn harness(home: &Path) -> Harness<'static, OnsiteApp> {
    let app = OnsiteApp::new(Some(Library::open(home).unwrap()), Settings::default());
    let mut harness = common::window(app);
    harness.run();
    harness
}

fn press(harness: &mut Harness<'_, OnsiteApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// The id of the question the search lists first.
fn top_hit(harness: &Harness<'_, OnsiteApp>) -> String {
    let state = &harness.state().state;
    let key = state.builder.results[0];
    state.question(key).unwrap().id.clone()
}

fn search(harness: &mut Harness<'_, OnsiteApp>, query: &str) {
    let field = harness.get_by_label("Search");
    field.click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label("Search").type_text(query);
    harness.run();
}

/// After a new query, Enter adds that query's top hit — not whatever was selected before —
/// and Down/Enter adds the second.
#[test]
fn enter_adds_the_top_hit_of_the_query_just_typed() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = harness(home.path());
    harness.state_mut().push(PlanAction::New);
    harness.run();

    search(&mut harness, "cache");
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    let cache_third = harness.state().state.builder.selected;
    assert_ne!(cache_third, Some(harness.state().state.builder.results[0]));

    // A new query starts again from its own best hit.
    search(&mut harness, "migration");
    let expected = top_hit(&harness);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(common::plan_ids(&harness), std::slice::from_ref(&expected));

    // Down then Enter: the second hit.
    search(&mut harness, "rate limit");
    let second = {
        let state = &harness.state().state;
        state.question(state.builder.results[1]).unwrap().id.clone()
    };
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(common::plan_ids(&harness), [expected, second]);
}

/// Enter on a question that is already in the plan adds nothing and says so.
#[test]
fn a_question_already_in_the_plan_is_not_added_twice() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = harness(home.path());
    harness.state_mut().push(PlanAction::New);
    harness.run();
    search(&mut harness, "idempotency");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(common::plan_ids(&harness).len(), 1);
    // Enter again, in the search box and with nothing focused.
    search(&mut harness, "idempotency");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::COMMAND, Key::Enter);
    assert_eq!(common::plan_ids(&harness).len(), 1);
    harness.get_by_label_contains("already in the plan");
}

/// An in-progress evaluation of the sample plan in a fresh library, opened in the interview.
fn interview(home: &Path) -> (Harness<'static, OnsiteApp>, PathBuf) {
    let path = common::saved_in_progress(home);
    let mut evaluation: onsite::domain::Evaluation = load(&path).unwrap();
    evaluation.answers[0].covered.clear();
    onsite::storage::save(&path, &evaluation, onsite::storage::Visibility::Private).unwrap();
    let mut harness = harness(home);
    harness.state_mut().push(RecordAction::Resume(path.clone()));
    harness.run();
    assert_eq!(harness.state().state.screen, Screen::Interview);
    (harness, path)
}

/// Alt+N ticks key point N of the current question, and again unticks it.
#[test]
fn alt_and_a_digit_toggle_that_key_point() {
    let home = tempfile::tempdir().unwrap();
    let (mut harness, _) = interview(home.path());
    let notes_before = common::open_evaluation(&harness).answers[0].notes.clone();
    let covered = |harness: &Harness<'_, OnsiteApp>| {
        common::open_evaluation(harness).answers[0].covered.clone()
    };
    press(&mut harness, Modifiers::ALT, Key::Num2);
    press(&mut harness, Modifiers::ALT, Key::Num3);
    assert_eq!(covered(&harness), [1, 2].into());
    press(&mut harness, Modifiers::ALT, Key::Num2);
    assert_eq!(covered(&harness), [2].into());
    // The sample question has three key points: Alt+9 changes nothing.
    press(&mut harness, Modifiers::ALT, Key::Num9);
    assert_eq!(covered(&harness), [2].into());
    // The keys went to the key points, not into the notes that have the keyboard.
    let notes = &common::open_evaluation(&harness).answers[0].notes;
    assert_eq!(*notes, notes_before);
}

/// Tab in the notes moves on instead of typing a tab character.
#[test]
fn tab_leaves_the_notes_editor() {
    let home = tempfile::tempdir().unwrap();
    let (mut harness, _) = interview(home.path());
    let before = common::open_evaluation(&harness).answers[0].notes.clone();
    assert!(harness.get_by_label("Question notes").is_focused());
    press(&mut harness, Modifiers::NONE, Key::Tab);
    let after = &common::open_evaluation(&harness).answers[0].notes;
    assert_eq!(*after, before);
    assert!(!after.contains('\t'));
    assert!(!harness.get_by_label("Question notes").is_focused());
}

/// Submit asks first; Enter in that question does not hand the evaluation in (the focused
/// default is "Go back"), only the submit button does.
#[test]
fn submit_needs_the_confirmation() {
    let home = tempfile::tempdir().unwrap();
    let (mut harness, path) = interview(home.path());
    harness.state_mut().push(Action::Go(Screen::Review));
    harness.run();
    for answer in &mut harness
        .state_mut()
        .state
        .session
        .as_mut()
        .unwrap()
        .evaluation
        .answers
    {
        answer.outcome = onsite::domain::Outcome::Rated(3);
    }
    harness.get_by_label("Strong yes").click();
    harness.run();
    harness.get_by_label("Submit evaluation").click();
    harness.run();
    harness.get_by_label_contains("Submit with “Strong yes”?");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::NONE, Key::Space);
    let evaluation = &common::open_evaluation(&harness);
    assert!(!evaluation.is_submitted());
    assert!(harness.state().state.dialog.is_none(), "Go back closed it");

    harness.get_by_label("Submit evaluation").click();
    harness.run();
    harness.get_by_label("Submit “Strong yes”").click();
    harness.run();
    assert!(harness.state_mut().flush());
    let saved: onsite::domain::Evaluation = load(&path).unwrap();
    assert!(saved.is_submitted());
    assert_eq!(saved.recommendation, Some(Recommendation::StrongYes));
}

/// Edit a prompt, click Minutes, select all, type 12, Tab: Minutes is 12 and Weight is as it
/// was (it once became 12.0).
#[test]
fn a_number_field_edits_only_its_own_value() {
    let home = tempfile::tempdir().unwrap();
    let library = Library::open(home.path()).unwrap();
    let mut pack = QuestionPack::new("mine", "Mine");
    let mut question = onsite::domain::Question::new("first", "First question?", 14);
    question.weight = 1.5;
    pack.questions.push(question);
    library.save_pack(&pack).unwrap();
    let mut harness = harness(home.path());
    let index = harness
        .state()
        .state
        .packs
        .iter()
        .position(|entry| entry.pack.id == "mine")
        .unwrap();
    harness.state_mut().push(PackAction::Open(index));
    harness.run();

    harness.get_by_label("Prompt").click();
    harness.run();
    harness.get_by_label("Prompt").type_text(" And why?");
    harness.run();
    harness.get_by_label("Minutes").click();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::A);
    harness.get_by_label("Minutes").type_text("12");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Tab);
    harness.run();
    let question = &harness
        .state()
        .state
        .pack_editor
        .as_ref()
        .unwrap()
        .pack
        .questions[0];
    assert_eq!(question.minutes, 12);
    assert_eq!(question.weight, 1.5);
    assert_eq!(question.prompt, "First question? And why?");
}
