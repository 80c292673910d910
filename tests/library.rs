//! The library folder: bundled and user packs, atomic saves, failed loads.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

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

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn library_folders_are_created_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("onsite");
    let library = Library::open(&root).unwrap();
    for folder in [
        root.clone(),
        library.packs_dir(),
        library.plans_dir(),
        library.evaluations_dir(),
    ] {
        assert_eq!(mode(&folder), 0o700, "{}", folder.display());
    }
    // An evaluations folder left open by an older version is closed again.
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(library.evaluations_dir(), fs::Permissions::from_mode(0o755)).unwrap();
    let library = Library::open(&root).unwrap();
    assert_eq!(mode(&library.evaluations_dir()), 0o700);
}

/// Runs `work` on another thread and gives up after a minute, so a test of something that
/// used to block forever fails instead of hanging the suite.
fn without_hanging<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || sender.send(work()));
    receiver
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("blocked on a special file")
}

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn special_files_named_like_onsite_files_are_reported_never_opened() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(dir.path()).unwrap();
    library.save_pack(&common::sample_pack()).unwrap();
    mkfifo(&library.packs_dir().join("fifo.ron"));
    mkfifo(&library.plans_dir().join("fifo.ron"));
    mkfifo(&library.evaluations_dir().join("fifo.ron"));
    fs::create_dir(library.packs_dir().join("folder.ron")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", library.packs_dir().join("zero.ron")).unwrap();

    let listed = library.clone();
    let (packs, plans, evaluations) =
        without_hanging(move || (listed.packs(), listed.plans(), listed.evaluations()));
    assert!(packs.items.iter().any(|e| e.pack.id == "sample-pack"));
    let messages: Vec<String> = packs.errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    for (name, what) in [
        ("fifo.ron", "a FIFO (named pipe)"),
        ("folder.ron", "a folder"),
        ("zero.ron", "a character device"),
    ] {
        assert!(
            messages
                .iter()
                .any(|m| m.contains(name) && m.contains(&format!("this is {what}, not a file"))),
            "{name}: {messages:?}"
        );
    }
    assert_eq!((plans.errors.len(), evaluations.errors.len()), (1, 1));

    // Reading one directly is refused the same way, and never blocks either.
    let fifo = library.evaluations_dir().join("fifo.ron");
    let error = without_hanging(move || onsite::storage::load_any(&fifo).unwrap_err().to_string());
    assert!(error.contains("FIFO"), "{error}");
    let zero = library.packs_dir().join("zero.ron");
    let error = without_hanging(move || {
        onsite::storage::format::read_document(&zero)
            .unwrap_err()
            .to_string()
    });
    assert!(error.contains("character device"), "{error}");
    // The stamps used to re-read only what changed skip them too.
    assert_eq!(
        library
            .stamps(onsite::storage::FileKind::Pack)
            .iter()
            .map(|s| s.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect::<Vec<_>>(),
        ["sample-pack.ron"]
    );
}

#[test]
fn an_evaluation_changed_on_disk_is_kept_and_ours_saved_beside_it() {
    use onsite::storage::Saved;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(dir.path()).unwrap();
    let mut evaluation = common::sample_evaluation();
    let path = library.new_evaluation_path(&evaluation);
    assert_eq!(
        library.save_evaluation(&path, &evaluation).unwrap(),
        Saved::InPlace
    );
    evaluation.general_notes.push_str(" AAAA");
    assert_eq!(
        library.save_evaluation(&path, &evaluation).unwrap(),
        Saved::InPlace
    );

    // A sync tool brings in another machine's version.
    let mut theirs: Evaluation = load(&path).unwrap();
    theirs.summary = "Edited on the laptop".into();
    let their_text = onsite::storage::to_ron(&theirs).unwrap();
    fs::write(&path, &their_text).unwrap();

    evaluation.general_notes.push_str(" CCCC");
    let Saved::InCopy { copy } = library.save_evaluation(&path, &evaluation).unwrap() else {
        panic!("saved over a file someone else changed");
    };
    assert_eq!(fs::read_to_string(&path).unwrap(), their_text);
    assert_eq!(copy.parent(), path.parent());
    let name = copy.file_name().unwrap().to_string_lossy().into_owned();
    let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with(&format!("{stem}.conflict-")), "{name}");
    assert_eq!(load::<Evaluation>(&copy).unwrap(), evaluation);

    // Keep typing: the words keep going to the copy, never over their file.
    evaluation.general_notes.push_str(" DD");
    assert_eq!(
        library.save_evaluation(&path, &evaluation).unwrap(),
        Saved::InCopy { copy: copy.clone() }
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), their_text);
    assert!(
        load::<Evaluation>(&copy)
            .unwrap()
            .general_notes
            .ends_with("AAAA CCCC DD")
    );
    // Both are listed: nothing is lost, nothing hidden.
    let listed = library.evaluations();
    assert!(listed.errors.is_empty(), "{:?}", listed.errors);
    assert_eq!(listed.items.len(), 2);
    #[cfg(unix)]
    assert_eq!(mode(&copy), 0o600);

    // Opening their version to work on it makes it the one saves expect.
    let reopened: Evaluation = load(&path).unwrap();
    assert_eq!(
        library.save_evaluation(&path, &reopened).unwrap(),
        Saved::InPlace
    );
}

#[test]
fn one_file_is_re_read_and_a_broken_one_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(dir.path()).unwrap();
    let path = library.save_pack(&common::sample_pack()).unwrap();
    let before = library.stamps(onsite::storage::FileKind::Pack);
    let entry = library.read_pack(&path).unwrap();
    assert_eq!(entry.origin, PackOrigin::User(path.clone()));
    assert_eq!(*entry.pack, common::sample_pack());

    fs::write(&path, "QuestionPack(format: 1, id: ").unwrap();
    let after = library.stamps(onsite::storage::FileKind::Pack);
    assert_ne!(before, after, "a changed file changes its stamp");
    let error = library.read_pack(&path).unwrap_err();
    assert_eq!(error.path(), path);
    assert!(error.to_string().contains(":1:"), "{error}");
    // The copy read before is the caller's, untouched by the failure.
    assert_eq!(*entry.pack, common::sample_pack());
}

#[test]
fn opening_the_library_again_in_the_same_process_keeps_it_writable() {
    let dir = tempfile::tempdir().unwrap();
    let first = Library::open_locked(dir.path()).unwrap();
    assert!(matches!(
        first.access(),
        onsite::storage::Access::Exclusive(_)
    ));
    let second = Library::open_locked(dir.path()).unwrap();
    assert!(!second.is_read_only());
    first.save_pack(&common::sample_pack()).unwrap();
    second.save_pack(&common::sample_pack()).unwrap();
    assert!(dir.path().join(onsite::storage::lock::LOCK_FILE).is_file());
}
