//! Atomic file replacement: a save either lands whole or leaves the previous file untouched.
//!
//! The new content goes to a temporary file in the same folder (so the rename cannot cross file
//! systems), is flushed to disk, then renamed over the target; finally the folder itself is
//! flushed so the rename survives a power cut. Folders are created owner-only and flushed the
//! same way, so a new folder's entry survives too.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Who may read a saved file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// Readable by others as the system allows (0644 on Unix).
    Shared,
    /// Readable only by the owner (0600 on Unix): evaluations hold candidate data.
    Private,
}

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8], visibility: Visibility) -> io::Result<()> {
    write_atomic_with(path, visibility, |file| file.write_all(bytes))
}

/// Writes to `path` atomically with `write` producing the content; if `write` fails part way
/// the previous file is left as it was and the temporary file is removed.
pub fn write_atomic_with(
    path: &Path,
    visibility: Visibility,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    if let Some(reason) = super::lock::read_only_reason(path) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("{reason}; this window is read-only"),
        ));
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let temp = temp_path(folder, path);
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(match visibility {
            Visibility::Shared => 0o644,
            Visibility::Private => 0o600,
        });
    }
    #[cfg(not(unix))]
    let _ = visibility;
    let mut file = options.open(&temp)?;
    let written = write(&mut file).and_then(|()| file.sync_all());
    drop(file);
    if let Err(error) = written.and_then(|()| fs::rename(&temp, path)) {
        // Best effort: the temporary file is ours and useless now; the real error is `error`.
        let _ = fs::remove_file(&temp);
        return Err(error);
    }
    sync_folder(folder)
}

/// A temporary name beside `target` that no other save (in this or another process) uses.
fn temp_path(folder: &Path, target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "onsite".to_owned());
    let unique = COUNTER.fetch_add(1, Ordering::Relaxed);
    folder.join(format!(".{name}.{}.{unique}.tmp", std::process::id()))
}

/// Removes temporary files that saves killed mid-write left in `folder`, if older than
/// `min_age` (a younger one may belong to a save still running in another window). Returns
/// how many were removed.
pub fn remove_stale_temporaries(folder: &Path, min_age: std::time::Duration) -> usize {
    let Ok(entries) = fs::read_dir(folder) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.starts_with('.') && name.ends_with(".tmp")
        })
        .filter(|entry| {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|modified| now.duration_since(modified).ok())
                .is_some_and(|age| age >= min_age)
        })
        .filter(|entry| fs::remove_file(entry.path()).is_ok())
        .count()
}

/// Creates `folder` and any missing parents, owner-only (0700 on Unix: file names in an
/// Onsite library carry candidates' names), flushing each new folder's parent so the new
/// entry survives a power cut. An existing folder is left as it is.
pub fn create_private_dir(folder: &Path) -> io::Result<()> {
    if folder.is_dir() {
        return Ok(());
    }
    if let Some(parent) = folder.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dir(parent)?;
    }
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    match builder.create(folder) {
        Ok(()) => {}
        // Another process (or thread) created it meanwhile: as good.
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists && folder.is_dir() => {
            return Ok(());
        }
        Err(error) => return Err(error),
    }
    sync_folder(folder)?;
    match folder.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => sync_folder(parent),
        None => Ok(()),
    }
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
    // Windows cannot open a folder as a file; NTFS journals the rename itself.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<_> = fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        write_atomic(&path, b"first", Visibility::Shared).unwrap();
        write_atomic(&path, b"second", Visibility::Shared).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert_eq!(files_in(dir.path()), ["a.ron"]);
    }

    #[test]
    fn a_write_failing_part_way_keeps_the_previous_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        write_atomic(&path, b"the interviewer's notes", Visibility::Private).unwrap();
        let error = write_atomic_with(&path, Visibility::Private, |file| {
            file.write_all(b"half of the new")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(error.to_string(), "disk full");
        assert_eq!(fs::read(&path).unwrap(), b"the interviewer's notes");
        assert_eq!(files_in(dir.path()), ["a.ron"]);
    }

    #[cfg(unix)]
    #[test]
    fn private_files_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("evaluation.ron");
        write_atomic(&path, b"x", Visibility::Private).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn stale_temporaries_are_removed_and_fresh_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".a.ron.123.0.tmp");
        let fresh = dir.path().join(".a.ron.123.1.tmp");
        let real = dir.path().join("a.ron");
        for path in [&old, &fresh, &real] {
            fs::write(path, b"x").unwrap();
        }
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
        let removed = remove_stale_temporaries(dir.path(), std::time::Duration::from_secs(600));
        assert_eq!(removed, 1);
        assert!(!old.exists() && fresh.exists() && real.exists());
    }

    #[cfg(unix)]
    #[test]
    fn new_folders_are_owner_only_and_existing_ones_untouched() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a").join("b");
        create_private_dir(&nested).unwrap();
        for folder in [dir.path().join("a"), nested.clone()] {
            let mode = fs::metadata(&folder).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700, "{}", folder.display());
        }
        fs::set_permissions(&nested, fs::Permissions::from_mode(0o755)).unwrap();
        create_private_dir(&nested).unwrap();
        let mode = fs::metadata(&nested).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o755);
    }

    #[test]
    fn a_missing_folder_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("a.ron");
        assert!(write_atomic(&path, b"x", Visibility::Shared).is_err());
    }
}
