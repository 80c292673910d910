//! One writer per library: an advisory lock on `onsite.lock` in the library folder.
//!
//! The window takes the lock when it opens the library and keeps it while it runs. A second
//! window finds it taken and works read-only. The operating system releases the lock when the
//! process ends however it ends, so a crash never leaves a stale lock behind. The lock file
//! holds the holder's process id and start time, only to tell the second window who has it.
//!
//! Read-only libraries are also remembered process-wide ([`read_only_reason`]), so every save
//! into one is refused, whichever code path it comes from.

use std::fmt;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use jiff::Timestamp;

/// Name of the lock file in the library folder.
pub const LOCK_FILE: &str = "onsite.lock";

/// Holds the library's lock while alive; dropping it (or the process ending) releases it.
#[derive(Debug)]
pub struct LibraryLock {
    file: File,
    path: PathBuf,
}

impl LibraryLock {
    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for LibraryLock {
    fn drop(&mut self) {
        // Best effort: closing the file releases the lock anyway; the stale holder line is
        // only shown by a window that finds the lock free, which never reads it.
        let _ = self.file.unlock();
    }
}

/// Who holds a library's lock, as the holder wrote it in the lock file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LockHolder {
    /// The holder's process id, if it could be read.
    pub process: Option<u32>,
    /// When the holder took the lock, if it could be read.
    pub since: Option<Timestamp>,
}

impl fmt::Display for LockHolder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("another Onsite window")?;
        match (self.process, self.since) {
            (Some(process), Some(since)) => write!(
                f,
                " (process {process}, open since {})",
                since.strftime("%Y-%m-%d %H:%M:%S UTC")
            ),
            (Some(process), None) => write!(f, " (process {process})"),
            (None, Some(since)) => {
                write!(
                    f,
                    " (open since {})",
                    since.strftime("%Y-%m-%d %H:%M:%S UTC")
                )
            }
            (None, None) => Ok(()),
        }
    }
}

/// What trying to take the lock found.
#[derive(Debug)]
pub enum LockAttempt {
    /// This process now holds the lock.
    Acquired(LibraryLock),
    /// Another process holds it.
    HeldElsewhere(LockHolder),
    /// The file system cannot lock files; nobody can know about other windows.
    Unsupported,
}

/// Tries to take the lock of the library at `root`, without waiting.
pub fn try_lock(root: &Path) -> io::Result<LockAttempt> {
    let path = root.join(LOCK_FILE);
    let mut file = open_lock_file(&path)?;
    match file.try_lock() {
        Ok(()) => {
            let holder = format!(
                "process {}\nsince {}\n",
                std::process::id(),
                Timestamp::now()
            );
            // The holder line is a courtesy for the second window; the lock is what counts.
            let _ = file
                .set_len(0)
                .and_then(|()| file.rewind())
                .and_then(|()| file.write_all(holder.as_bytes()));
            Ok(LockAttempt::Acquired(LibraryLock { file, path }))
        }
        Err(TryLockError::WouldBlock) => Ok(LockAttempt::HeldElsewhere(read_holder(&mut file))),
        Err(TryLockError::Error(error)) if error.kind() == io::ErrorKind::Unsupported => {
            Ok(LockAttempt::Unsupported)
        }
        Err(TryLockError::Error(error)) => Err(error),
    }
}

fn open_lock_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Never block on a FIFO put in its place; never follow a link out of the library.
        options
            .mode(0o600)
            .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other(format!(
            "{} is not a regular file; remove it so Onsite can lock the library",
            path.display()
        )));
    }
    Ok(file)
}

fn read_holder(file: &mut File) -> LockHolder {
    let mut text = String::new();
    // Windows refuses to read a locked file; then the holder is simply unknown.
    if file.take(256).read_to_string(&mut text).is_err() {
        return LockHolder::default();
    }
    let mut holder = LockHolder::default();
    for line in text.lines() {
        if let Some(process) = line.strip_prefix("process ") {
            holder.process = process.trim().parse().ok();
        } else if let Some(since) = line.strip_prefix("since ") {
            holder.since = since.trim().parse().ok();
        }
    }
    holder
}

/// Why a library is read-only in this process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// Another Onsite process holds the library's lock.
    InUse(LockHolder),
    /// The lock could not be taken (a read-only folder, a permission problem, …).
    CannotLock(String),
}

impl fmt::Display for ReadOnlyReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadOnlyReason::InUse(holder) => {
                write!(f, "the library is open in {holder}")
            }
            ReadOnlyReason::CannotLock(why) => {
                write!(f, "the library cannot be locked for writing ({why})")
            }
        }
    }
}

/// Library folders this process must not write into, with the reason.
static READ_ONLY_ROOTS: Mutex<Vec<(PathBuf, ReadOnlyReason)>> = Mutex::new(Vec::new());

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// Marks the library at `root` read-only for the rest of this process (or until
/// [`clear_read_only`]).
pub fn mark_read_only(root: &Path, reason: ReadOnlyReason) {
    let root = absolute(root);
    let mut roots = READ_ONLY_ROOTS
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    roots.retain(|(known, _)| *known != root);
    roots.push((root, reason));
}

/// Lets this process write into the library at `root` again (it has taken the lock).
pub fn clear_read_only(root: &Path) {
    let root = absolute(root);
    READ_ONLY_ROOTS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .retain(|(known, _)| *known != root);
}

/// Why `path` must not be written, if it is inside a library that is read-only here.
pub fn read_only_reason(path: &Path) -> Option<ReadOnlyReason> {
    let roots = READ_ONLY_ROOTS
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if roots.is_empty() {
        return None;
    }
    let path = absolute(path);
    roots
        .iter()
        .find(|(root, _)| path.starts_with(root))
        .map(|(_, reason)| reason.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_library_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let LockAttempt::Acquired(first) = try_lock(dir.path()).unwrap() else {
            panic!("the first lock is free");
        };
        // Locks belong to open files, so a second open in the same process conflicts too.
        match try_lock(dir.path()).unwrap() {
            LockAttempt::HeldElsewhere(holder) => {
                assert_eq!(holder.process, Some(std::process::id()));
                assert!(holder.since.is_some());
                assert!(holder.to_string().contains("process"), "{holder}");
            }
            other => panic!("expected the lock to be held: {other:?}"),
        }
        drop(first);
        assert!(matches!(
            try_lock(dir.path()).unwrap(),
            LockAttempt::Acquired(_)
        ));
    }

    #[test]
    fn read_only_roots_cover_their_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("library");
        let reason = ReadOnlyReason::InUse(LockHolder::default());
        mark_read_only(&root, reason.clone());
        assert_eq!(
            read_only_reason(&root.join("evaluations/a.ron")),
            Some(reason)
        );
        assert_eq!(read_only_reason(&dir.path().join("library-2/a.ron")), None);
        clear_read_only(&root);
        assert_eq!(read_only_reason(&root.join("evaluations/a.ron")), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_not_a_file_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let status = std::process::Command::new("mkfifo")
            .arg(dir.path().join(LOCK_FILE))
            .status()
            .unwrap();
        assert!(status.success());
        let error = try_lock(dir.path()).unwrap_err();
        assert!(error.to_string().contains("not a regular file"), "{error}");
    }
}
