//! The window's side of "never lose a note" (issue 11): a second window on a library in use
//! says so in a banner and refuses, before any typing, whatever it could not save; it takes
//! over when the first window has gone. A file changed on disk by another program while it
//! is open is left alone and the window names the conflict copy holding the notes. A pack
//! file changed while the window was away is re-read alone, and a broken one keeps its last
//! good copy.
#![allow(clippy::unwrap_used, clippy::panic, clippy::expect_used)]

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use onsite::domain::Evaluation;
use onsite::storage::{Library, load};
use onsite::ui::OnsiteApp;
use onsite::ui::action::{Action, PlanAction, RecordAction};
use onsite::ui::notices::NoticeKind;
use onsite::ui::state::{Screen, Settings};

const HOLDER_HOME: &str = "ONSITE_READ_ONLY_HOLDER_HOME";

/// Another Onsite process: takes the library's lock, says `locked`, and keeps it until its
/// standard input closes.
#[test]
#[ignore = "helper process for the read-only window tests"]
fn lock_holder() {
    let home = std::env::var(HOLDER_HOME).expect("run by the read-only window tests");
    let library = Library::open_locked(&home).unwrap();
    assert!(!library.is_read_only());
    println!("@locked");
    std::io::stdout().flush().unwrap();
    let mut line = String::new();
    while std::io::stdin().read_line(&mut line).unwrap() > 0 {}
}

/// Starts [`lock_holder`] on `home` and waits until it has the lock.
fn first_window(home: &Path) -> Child {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", "lock_holder", "--nocapture"])
        .env(HOLDER_HOME, home)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut output = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("@locked") {
        line.clear();
        assert!(output.read_line(&mut line).unwrap() > 0, "holder ended");
    }
    child
}

fn errors(harness: &Harness<'_, OnsiteApp>) -> Vec<String> {
    let notices = &harness.state().state.notices;
    notices
        .iter()
        .filter(|n| n.kind == NoticeKind::Error)
        .map(|n| n.text.clone())
        .collect()
}

fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_second_window_is_read_only_says_so_and_takes_over_when_the_first_closes() {
    let home = tempfile::tempdir().unwrap();
    let evaluation = common::saved_in_progress(home.path());
    let before = std::fs::read(&evaluation).unwrap();
    let mut holder = first_window(home.path());

    let library = Library::open_locked(home.path()).unwrap();
    assert!(library.is_read_only());
    let mut harness = common::window(OnsiteApp::new(Some(library), Settings::default()));
    harness.run();
    harness.get_by_label_contains("Read-only");
    harness.get_by_label_contains("open in another Onsite window");

    // Whatever would end in a write is refused up front, with the reason.
    harness
        .state_mut()
        .push(RecordAction::Resume(evaluation.clone()));
    harness.run();
    assert!(harness.state().state.session.is_none());
    assert_eq!(harness.state().state.screen, Screen::Home);
    let refused = errors(&harness);
    assert!(
        refused
            .iter()
            .any(|text| text.contains("read-only") && text.contains("another Onsite window")),
        "{refused:?}"
    );
    harness
        .state_mut()
        .push(Action::OpenFile(evaluation.clone()));
    harness.state_mut().push(PlanAction::Save);
    harness.run();
    assert!(harness.state().state.session.is_none());
    assert_eq!(std::fs::read(&evaluation).unwrap(), before);
    assert_eq!(files_in(&home.path().join("plans")), Vec::<String>::new());

    // While the first window is open, trying again changes nothing.
    harness.get_by_label("Try again").click();
    harness.run();
    harness.get_by_label_contains("Read-only");
    assert!(
        errors(&harness)
            .iter()
            .any(|text| text.starts_with("Still read-only"))
    );

    drop(holder.stdin.take());
    holder.wait().unwrap();
    harness.get_by_label("Try again").click();
    harness.run();
    assert!(harness.query_by_label_contains("Read-only").is_none());
    assert!(
        !harness
            .state()
            .state
            .library
            .as_ref()
            .unwrap()
            .is_read_only()
    );
    harness
        .state_mut()
        .push(RecordAction::Resume(evaluation.clone()));
    harness.run();
    assert_eq!(harness.state().state.screen, Screen::Interview);
}

#[test]
fn notes_never_overwrite_a_file_another_program_changed_and_the_copy_is_named() {
    let home = tempfile::tempdir().unwrap();
    let path = common::saved_in_progress(home.path());
    let library = Library::open_locked(home.path()).unwrap();
    let mut harness = common::window(OnsiteApp::new(Some(library), Settings::default()));
    harness.run();
    harness.state_mut().push(RecordAction::Resume(path.clone()));
    harness.run();
    assert_eq!(harness.state().state.screen, Screen::Interview);

    // A sync tool puts another version in place while the interview runs.
    let mut theirs: Evaluation = load(&path).unwrap();
    theirs.general_notes = "written by the sync tool".into();
    let theirs_text =
        ron::ser::to_string_pretty(&theirs, ron::ser::PrettyConfig::default()).unwrap();
    std::fs::write(&path, &theirs_text).unwrap();

    harness
        .state_mut()
        .state
        .session
        .as_mut()
        .unwrap()
        .evaluation
        .general_notes = "typed in the window".into();
    harness
        .state_mut()
        .push(onsite::ui::action::InterviewAction::Edited);
    harness.state_mut().push(Action::Go(Screen::Home));
    let deadline = Instant::now() + Duration::from_secs(20);
    while !errors(&harness)
        .iter()
        .any(|text| text.contains("conflict"))
    {
        assert!(
            Instant::now() < deadline,
            "no conflict notice: {:?}",
            errors(&harness)
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.run();
    }

    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs_text);
    let copy = files_in(&home.path().join("evaluations"))
        .into_iter()
        .find(|name| name.contains(".conflict-"))
        .expect("a conflict copy beside the file");
    let ours: Evaluation = load(&home.path().join("evaluations").join(&copy)).unwrap();
    assert_eq!(ours.general_notes, "typed in the window");
    assert!(errors(&harness).iter().any(|text| text.contains(&copy)));
}

fn set_focus(harness: &mut Harness<'_, OnsiteApp>, focused: bool) {
    harness
        .input_mut()
        .viewports
        .entry(eframe::egui::ViewportId::ROOT)
        .or_default()
        .focused = Some(focused);
    harness.run();
}

fn loaded_prompt(harness: &Harness<'_, OnsiteApp>, path: &Path) -> Option<String> {
    harness
        .state()
        .state
        .packs
        .iter()
        .find(|entry| entry.origin == onsite::storage::PackOrigin::User(path.to_owned()))
        .map(|entry| entry.pack.questions[0].prompt.clone())
}

#[test]
fn a_pack_changed_while_the_window_was_away_is_reread_and_a_broken_one_keeps_its_good_copy() {
    let home = tempfile::tempdir().unwrap();
    let library = Library::open_locked(home.path()).unwrap();
    let path = library.save_pack(&common::sample_pack()).unwrap();
    let good = common::sample_pack().questions[0].prompt.clone();
    let mut harness = common::window(OnsiteApp::new(Some(library), Settings::default()));
    harness.run();
    assert_eq!(loaded_prompt(&harness, &path), Some(good.clone()));

    // Someone edits the file in another program, and it no longer loads.
    set_focus(&mut harness, false);
    std::fs::write(&path, "QuestionPack(format: 1, id: \"broken\",").unwrap();
    set_focus(&mut harness, true);
    assert_eq!(loaded_prompt(&harness, &path), Some(good.clone()));
    let said = errors(&harness);
    assert!(
        said.iter().any(|text| text.contains("no longer loads")
            && text.contains("stays in use")
            && text.contains(&path.display().to_string())),
        "{said:?}"
    );

    // They fix it with a new prompt: the window takes the new version.
    set_focus(&mut harness, false);
    let mut fixed = common::sample_pack();
    fixed.questions[0].prompt = "A prompt edited in another program?".into();
    onsite::storage::save(&path, &fixed, onsite::storage::Visibility::Shared).unwrap();
    set_focus(&mut harness, true);
    assert_eq!(
        loaded_prompt(&harness, &path).as_deref(),
        Some("A prompt edited in another program?")
    );
}
