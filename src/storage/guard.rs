//! Never save over someone else's change: a process-wide ledger of what each file held when
//! this process last wrote it or opened it, checked before a guarded save.
//!
//! A sync tool or an editor may change an evaluation while it is open. A guarded save first
//! compares the file on disk with the ledger (by content, not by modification time). If the
//! file still holds what this process last saw, the save goes ahead. If not, the file is left
//! as the other party wrote it, the data goes to a conflict copy beside it
//! (`<name>.conflict-<time>.ron`, same privacy), and later saves of the same file go to that
//! copy until the file is opened again. The caller is told through [`Saved::InCopy`].
//!
//! What counts as "last saw": every save records what it wrote; opening a file with
//! `storage::load` records what was read; listing a folder records a file only if the ledger
//! has nothing for it yet, since a listing does not become the copy being edited.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use sha2::{Digest, Sha256};

use super::read::{MAX_FILE_BYTES, open_regular};

/// What a file held: its length and a SHA-256 of its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fingerprint {
    len: u64,
    digest: [u8; 32],
}

impl Fingerprint {
    /// The fingerprint of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        Self {
            len: bytes.len() as u64,
            digest: Sha256::digest(bytes).into(),
        }
    }
}

/// Where a guarded save put the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saved {
    /// At the path asked for.
    InPlace,
    /// In `copy` beside it: the file at the path had been changed by someone else since this
    /// process last read or wrote it, and was left as they wrote it.
    InCopy {
        /// The conflict copy now holding the data.
        copy: PathBuf,
    },
}

#[derive(Clone, Debug, Default)]
struct Entry {
    /// What the file held when this process last wrote or opened it.
    known: Option<Fingerprint>,
    /// Where saves of this file go since a conflict.
    diverted_to: Option<PathBuf>,
}

static LEDGER: Mutex<Option<HashMap<PathBuf, Entry>>> = Mutex::new(None);

fn key(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

fn with_ledger<R>(work: impl FnOnce(&mut HashMap<PathBuf, Entry>) -> R) -> R {
    let mut ledger = LEDGER.lock().unwrap_or_else(PoisonError::into_inner);
    work(ledger.get_or_insert_with(HashMap::new))
}

/// Records that this process wrote `bytes` to `path`.
pub fn record_written(path: &Path, bytes: &[u8]) {
    let fingerprint = Fingerprint::of(bytes);
    with_ledger(|ledger| {
        let entry = ledger.entry(key(path)).or_default();
        entry.known = Some(fingerprint);
    });
}

/// Records that `path` was opened to work on and held `bytes`; saves of it go to it again.
pub fn record_opened(path: &Path, bytes: &[u8]) {
    let fingerprint = Fingerprint::of(bytes);
    with_ledger(|ledger| {
        ledger.insert(
            key(path),
            Entry {
                known: Some(fingerprint),
                diverted_to: None,
            },
        );
    });
}

/// Records that a folder listing found `bytes` in `path`, unless the ledger knows the file
/// already.
pub fn record_listed(path: &Path, bytes: &[u8]) {
    with_ledger(|ledger| {
        let entry = ledger.entry(key(path)).or_default();
        if entry.known.is_none() && entry.diverted_to.is_none() {
            entry.known = Some(Fingerprint::of(bytes));
        }
    });
}

/// Where saves of `path` go now: `path` itself, or the conflict copy they were diverted to.
pub fn destination(path: &Path) -> PathBuf {
    let mut target = key(path);
    with_ledger(|ledger| {
        // A copy may itself have been diverted; follow the chain, never round in a loop.
        for _ in 0..16 {
            match ledger
                .get(&target)
                .and_then(|entry| entry.diverted_to.clone())
            {
                Some(next) => target = next,
                None => break,
            }
        }
    });
    if target == key(path) {
        path.to_owned()
    } else {
        target
    }
}

/// What a guarded save should do at `target` before writing `bytes` there.
#[derive(Debug, PartialEq, Eq)]
pub enum Check {
    /// Write: the file is absent or holds what this process last saw.
    Write,
    /// Nothing to write: the file already holds exactly `bytes`.
    Unchanged,
    /// Someone else changed the file: write elsewhere.
    Conflict,
}

/// Compares the file at `target` with the ledger and with `bytes`.
pub fn check(target: &Path, bytes: &[u8]) -> Check {
    let known = with_ledger(|ledger| ledger.get(&key(target)).and_then(|entry| entry.known));
    let on_disk = match fs::symlink_metadata(target) {
        // Nothing there, or a folder that cannot be looked into: then nothing of anyone's is
        // at stake, and the write itself reports what is wrong (it is tried again later).
        Err(_) => return Check::Write,
        // Something there that cannot be read back (a folder, a FIFO, a file without read
        // permission) cannot be known to be ours: it is left alone.
        Ok(_) => match read_for_check(target) {
            Some(bytes) => bytes,
            None => return Check::Conflict,
        },
    };
    if on_disk == bytes {
        return Check::Unchanged;
    }
    if known == Some(Fingerprint::of(&on_disk)) {
        Check::Write
    } else {
        Check::Conflict
    }
}

/// The bytes of a regular file within the size limit, or `None` for anything else.
fn read_for_check(path: &Path) -> Option<Vec<u8>> {
    let (file, size) = open_regular(path).ok()?;
    if size > MAX_FILE_BYTES {
        return None;
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// Records that saves of `original` now go to `copy`.
pub fn divert(original: &Path, copy: &Path) {
    with_ledger(|ledger| {
        ledger.entry(key(original)).or_default().diverted_to = Some(key(copy));
    });
}

/// A name for a conflict copy of `path`, beside it and not yet taken:
/// `<stem>.conflict-<UTC time>.ron`, then `-2`, `-3`, … .
pub fn conflict_copy_path(path: &Path) -> PathBuf {
    let folder = path.parent().unwrap_or(Path::new(""));
    let stem = path
        .file_stem()
        .map_or_else(|| "file".to_owned(), |s| s.to_string_lossy().into_owned());
    let stamp = jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    let first = folder.join(format!("{stem}.conflict-{stamp}.ron"));
    if fs::symlink_metadata(&first).is_err() {
        return first;
    }
    (2..)
        .map(|n| folder.join(format!("{stem}.conflict-{stamp}-{n}.ron")))
        .find(|candidate| fs::symlink_metadata(candidate).is_err())
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_by_someone_else_is_a_conflict() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.ron");
        assert_eq!(check(&path, b"ours"), Check::Write);
        fs::write(&path, b"ours").unwrap();
        record_written(&path, b"ours");
        assert_eq!(check(&path, b"ours, more"), Check::Write);
        assert_eq!(check(&path, b"ours"), Check::Unchanged);
        fs::write(&path, b"theirs").unwrap();
        assert_eq!(check(&path, b"ours, more"), Check::Conflict);
        // A listing does not make their version ours; opening it does.
        record_listed(&path, b"theirs");
        assert_eq!(check(&path, b"ours, more"), Check::Conflict);
        record_opened(&path, b"theirs");
        assert_eq!(check(&path, b"theirs, more"), Check::Write);
    }

    #[test]
    fn a_file_never_seen_is_not_ours_to_replace() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.ron");
        fs::write(&path, b"someone's").unwrap();
        assert_eq!(check(&path, b"ours"), Check::Conflict);
        record_listed(&path, b"someone's");
        assert_eq!(check(&path, b"ours"), Check::Write);
    }

    #[test]
    fn a_path_that_cannot_be_looked_at_is_left_for_the_write_to_report() {
        let dir = tempfile::tempdir().unwrap();
        let not_a_folder = dir.path().join("evaluations");
        fs::write(&not_a_folder, b"a file where the folder was").unwrap();
        assert_eq!(check(&not_a_folder.join("e.ron"), b"ours"), Check::Write);
        // A folder where the file was cannot be read back: it is not replaced.
        let folder = dir.path().join("e.ron");
        fs::create_dir(&folder).unwrap();
        assert_eq!(check(&folder, b"ours"), Check::Conflict);
    }

    #[test]
    fn diversions_are_followed_until_the_file_is_opened_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.ron");
        let copy = conflict_copy_path(&path);
        assert!(
            copy.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("e.conflict-")
        );
        divert(&path, &copy);
        assert_eq!(destination(&path), copy);
        record_opened(&path, b"x");
        assert_eq!(destination(&path), path);
    }

    #[test]
    fn conflict_copies_never_take_an_existing_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.ron");
        let first = conflict_copy_path(&path);
        fs::write(&first, b"x").unwrap();
        let second = conflict_copy_path(&path);
        assert_ne!(first, second);
    }
}
