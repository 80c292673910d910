//! The library folder: bundled and user packs, atomic saves, failed loads.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;

use onsite::domain::{Evaluation, QuestionPack};
use onsite::storage::{Library, PackOrigin, load};

#[test]
fn a_user_pack_with_a_bundled_id_is_listed_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(dir.path()).unwrap();
    let mut pack = QuestionPack::new("backend-engineering", "My own backend questions");
    pack.questions
        .push(onsite::domain::Question::new("mine", "Mine?", 5));
    let path = library.save_pack(&pack).unwrap();
    assert_eq!(path, library.packs_dir().join("backend-engineering.ron"));

    let packs = library.packs();
    assert!(packs.errors.is_empty(), "{:?}", packs.errors);
    let same_id: Vec<_> = packs
        .items
        .iter()
        .filter(|e| e.pack.id == "backend-engineering")
        .collect();
    assert_eq!(same_id.len(), 2);
    assert_eq!(same_id[0].origin, PackOrigin::Bundled);
    assert_eq!(
        same_id[0].pack.questions.len(),
        onsite::storage::bundled_packs().items[0]
            .pack
            .questions
            .len()
    );
    assert_eq!(same_id[1].origin, PackOrigin::User(path));
    assert_eq!(same_id[1].pack.title, "My own backend questions");
}

#[test]
fn a_bad_file_is_reported_and_the_good_ones_still_load() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(dir.path()).unwrap();
    library.save_pack(&common::sample_pack()).unwrap();
    fs::write(
        library.packs_dir().join("broken.ron"),
        "QuestionPack(format: 1, id: ",
    )
    .unwrap();
    fs::write(library.packs_dir().join("notes.txt"), "not a pack").unwrap();

    let packs = library.packs();
    assert_eq!(packs.errors.len(), 1);
    assert!(
        packs.errors[0].to_string().contains("broken.ron:1:"),
        "{}",
        packs.errors[0]
    );
    assert!(packs.items.iter().any(|e| e.pack.id == "sample-pack"));
}

#[test]
fn evaluations_get_unique_names_and_private_files() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(dir.path()).unwrap();
    let evaluation = common::sample_evaluation();
    let first = library.new_evaluation_path(&evaluation);
    assert_eq!(
        first.file_name().unwrap().to_string_lossy(),
        "2026-09-21-zo-ukasiewicz.ron"
    );
    library.save_evaluation(&first, &evaluation).unwrap();
    let second = library.new_evaluation_path(&evaluation);
    assert_ne!(first, second);
    assert!(second.to_string_lossy().ends_with("-2.ron"));

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&first).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let listed = library.evaluations();
    assert!(listed.errors.is_empty());
    assert_eq!(listed.items, vec![(first, evaluation)]);
}

#[test]
fn a_failed_load_leaves_the_file_and_the_caller_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(dir.path()).unwrap();
    let evaluation = common::sample_evaluation();
    let path = library.new_evaluation_path(&evaluation);
    library.save_evaluation(&path, &evaluation).unwrap();
    let before = fs::read(&path).unwrap();

    let mut held: Evaluation = load(&path).unwrap();
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, &before[..before.len() / 2]).unwrap();
    if let Ok(replacement) = load::<Evaluation>(&broken) {
        held = replacement;
    }
    assert_eq!(held, evaluation);
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn a_save_into_a_read_only_folder_fails_cleanly_and_keeps_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(dir.path()).unwrap();
    let evaluation = common::sample_evaluation();
    let path = library.new_evaluation_path(&evaluation);
    library.save_evaluation(&path, &evaluation).unwrap();
    let before = fs::read(&path).unwrap();

    let folder = library.evaluations_dir();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o500)).unwrap();
    let mut changed = evaluation.clone();
    changed.summary = "Changed".into();
    let result = library.save_evaluation(&path, &changed);
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o700)).unwrap();

    // Root ignores folder permissions, so only check the failure where it can happen.
    if let Err(error) = result {
        assert!(error.to_string().contains("could not save"), "{error}");
        assert_eq!(fs::read(&path).unwrap(), before);
    }
}
