//! The pack editor and pack import in the window, driven with egui_kittest.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::Path;

use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use onsite::domain::QuestionPack;
use onsite::storage::{Library, load};
use onsite::ui::OnsiteApp;
use onsite::ui::action::{Action, ImportChoice, PackAction};
use onsite::ui::dialogs::Dialog;
use onsite::ui::state::{Screen, Settings};

fn new_harness(home: &Path) -> Harness<'static, OnsiteApp> {
    let app = OnsiteApp::new(Some(Library::open(home).unwrap()), Settings::default());
    let mut harness = common::window(app);
    harness.run();
    harness
}

fn editor<'a>(harness: &'a Harness<'_, OnsiteApp>) -> &'a onsite::ui::packs::PackEditor {
    harness.state().state.pack_editor.as_ref().unwrap()
}

fn editor_pack(harness: &Harness<'_, OnsiteApp>) -> QuestionPack {
    editor(harness).pack.clone()
}

/// Create a pack, write a question, see validation, undo and redo, save, and find it again
/// after a restart.
#[test]
fn create_edit_validate_undo_save_and_reopen_a_pack() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = new_harness(home.path());
    harness.get_by_label("Packs").click();
    harness.run();
    harness.get_by_label("New pack").click();
    harness.run();
    assert_eq!(harness.state().state.screen, Screen::Packs);

    // The new question has no prompt yet: validation says so next to the field.
    harness.get_by_label_contains("prompt: must not be empty");
    harness.get_by_label("Prompt").click();
    harness.run();
    harness
        .get_by_label("Prompt")
        .type_text("How do you review a pull request?");
    harness.run();
    assert!(
        harness
            .query_by_label_contains("prompt: must not be empty")
            .is_none()
    );

    harness.get_by_label("Why we ask").click();
    harness.run();
    harness
        .get_by_label("Why we ask")
        .type_text("Code review habits.");
    harness.run();
    let pack = editor_pack(&harness);
    assert_eq!(
        pack.questions[0].prompt,
        "How do you review a pull request?"
    );
    assert_eq!(pack.questions[0].purpose, "Code review habits.");

    // Undo takes back the purpose as one step (typed in one go), redo brings it back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(editor_pack(&harness).questions[0].purpose, "");
    assert_eq!(
        editor_pack(&harness).questions[0].prompt,
        "How do you review a pull request?"
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(
        editor_pack(&harness).questions[0].purpose,
        "Code review habits."
    );

    // A key point through the list editor.
    harness.get_by_label("+ Add to key points").click();
    harness.run();
    harness.get_by_label("1.").click();
    harness.run();
    harness
        .get_by_label("1.")
        .type_text("Reads the description first");
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let editor = editor(&harness);
    assert!(!editor.unsaved);
    let path = home.path().join("packs/my-questions.ron");
    let saved: QuestionPack = load(&path).unwrap();
    assert_eq!(
        saved.questions[0].key_points,
        ["Reads the description first"]
    );
    assert_eq!(saved.questions[0].purpose, "Code review habits.");
    drop(harness);

    // A new app lists the pack and opens it with everything in place.
    let mut harness = new_harness(home.path());
    let index = harness
        .state()
        .state
        .packs
        .iter()
        .position(|e| e.pack.id == "my-questions")
        .unwrap();
    harness
        .state_mut()
        .push(Action::Packs(PackAction::Open(index)));
    harness.run();
    assert_eq!(editor_pack(&harness), saved);
    harness.get_by_label_contains("How do you review a pull request?");
}

/// Leaving the editor with unsaved changes asks first; "Keep editing" stays.
#[test]
fn leaving_with_unsaved_changes_asks_first() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = new_harness(home.path());
    harness.state_mut().push(Action::Packs(PackAction::New));
    harness.run();
    harness.get_by_label("Home").click();
    harness.run();
    assert!(matches!(
        harness.state().state.dialog,
        Some(Dialog::UnsavedPack { .. })
    ));
    harness.get_by_label("Keep editing").click();
    harness.run();
    assert_eq!(harness.state().state.screen, Screen::Packs);

    harness.get_by_label("Home").click();
    harness.run();
    harness.get_by_label("Discard changes").click();
    harness.run();
    assert_eq!(harness.state().state.screen, Screen::Home);
    assert!(!home.path().join("packs/my-questions.ron").exists());
}

/// A bundled pack is read-only; "Duplicate to edit" gives an editable copy with a new id.
#[test]
fn bundled_packs_are_duplicated_to_edit() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = new_harness(home.path());
    harness.state_mut().push(Action::Packs(PackAction::Open(0)));
    harness.run();
    assert!(editor(&harness).is_read_only());
    harness.get_by_label("Duplicate to edit").click();
    harness.run();
    let editor = editor(&harness);
    assert!(!editor.is_read_only());
    assert_eq!(editor.pack.id, "backend-engineering-copy");
    assert_eq!(
        editor.pack.questions.len(),
        onsite::storage::bundled_packs().items[0]
            .pack
            .questions
            .len()
    );
    harness.get_by_label("Save").click();
    harness.run();
    assert!(
        home.path()
            .join("packs/backend-engineering-copy.ron")
            .exists()
    );
}

fn write_pack(path: &Path, id: &str, title: &str) {
    std::fs::write(
        path,
        format!("QuestionPack(format: 1, id: \"{id}\", title: \"{title}\", questions: [(id: \"a\", prompt: \"Why?\", minutes: 5)])"),
    )
    .unwrap();
}

/// Importing a pack whose id is taken asks: keep both, replace (with a backup), or cancel.
#[test]
fn importing_a_taken_id_offers_keep_both_replace_or_cancel() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = new_harness(home.path());
    let first = home.path().join("first.ron");
    write_pack(&first, "team", "Team v1");
    harness
        .state_mut()
        .push(Action::Packs(PackAction::Import(vec![first])));
    harness.run();
    let original = home.path().join("packs/team.ron");
    assert!(original.exists());

    let second = home.path().join("second.ron");
    write_pack(&second, "team", "Team v2");

    // Cancel: nothing changes.
    harness
        .state_mut()
        .push(Action::Packs(PackAction::Import(vec![second.clone()])));
    harness.run();
    harness.get_by_label_contains("already uses");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(load::<QuestionPack>(&original).unwrap().title, "Team v1");

    // Keep both: imported under a new id.
    harness
        .state_mut()
        .push(Action::Packs(PackAction::Import(vec![second.clone()])));
    harness.run();
    harness.get_by_label("Keep both").click();
    harness.run();
    assert_eq!(
        load::<QuestionPack>(&home.path().join("packs/team-2.ron"))
            .unwrap()
            .title,
        "Team v2"
    );

    // Replace: the old file is kept as a backup.
    harness
        .state_mut()
        .push(Action::Packs(PackAction::Import(vec![second])));
    harness.run();
    harness
        .state_mut()
        .push(Action::Packs(PackAction::ResolveImport(
            ImportChoice::Replace,
        )));
    harness.run();
    assert_eq!(load::<QuestionPack>(&original).unwrap().title, "Team v2");
    let backups: Vec<_> = std::fs::read_dir(home.path().join("packs/backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(load::<QuestionPack>(&backups[0]).unwrap().title, "Team v1");
    // Backups are not loaded as packs.
    let ids: Vec<String> = harness
        .state()
        .state
        .packs
        .iter()
        .map(|e| e.pack.id.clone())
        .collect();
    assert_eq!(ids.iter().filter(|id| id.starts_with("team")).count(), 2);
}

/// A Markdown document is read into a preview with every warning; nothing is saved until
/// "Import", and the pack then shows up in the library.
#[test]
fn importing_a_document_previews_before_saving() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = new_harness(home.path());
    let document = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/documents/heading-style.md");
    harness
        .state_mut()
        .push(Action::Packs(PackAction::ImportDocument(document)));
    harness.run();
    let Some(Dialog::ImportPreview { pack, .. }) = &harness.state().state.dialog else {
        panic!("no preview");
    };
    let (id, count) = (pack.id.clone(), pack.questions.len());
    assert!(count > 0);
    // The same tally the command line prints, before anything is saved.
    harness.get_by_label_contains(&format!("{count} questions · "));
    assert_eq!(
        std::fs::read_dir(home.path().join("packs"))
            .unwrap()
            .count(),
        0
    );

    harness.get_by_label("Import").click();
    harness.run();
    let saved: QuestionPack = load(&home.path().join(format!("packs/{id}.ron"))).unwrap();
    assert_eq!(saved.questions.len(), count);
    assert!(harness.state().state.packs.iter().any(|e| e.pack.id == id));
}
