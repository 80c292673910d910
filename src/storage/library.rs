//! The user's library folder and the packs bundled with the app.
//!
//! Layout: `packs/` (user question packs), `plans/` (interview plans) and `evaluations/`
//! (one file per interview, owner-only), all created owner-only (0700). The folder is the
//! platform's data folder, or `$ONSITE_HOME` when set — tests and portable installs use that.
//!
//! One process writes a library at a time: the window opens it with [`Library::open_locked`],
//! and a second window finds it in use and gets a read-only library whose saves are refused
//! (see [`super::lock`]). The command line's reading commands open it without the lock.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::SystemTime;

use super::atomic::{Visibility, create_private_dir, remove_stale_temporaries};
use super::error::{LoadError, SaveError};
use super::format::{FileKind, RonFile, load_listed, parse, save, save_guarded};
use super::guard::Saved;
use super::lock::{self, LibraryLock, LockAttempt, ReadOnlyReason};
use super::read::special_kind;
use crate::domain::{CompetencyVocabulary, Evaluation, InterviewPlan, QuestionPack, slugify};

/// Temporary files older than this are leftovers of interrupted saves.
const STALE_TEMPORARY_AGE: std::time::Duration = std::time::Duration::from_secs(600);

/// Environment variable that overrides the library folder.
pub const HOME_VARIABLE: &str = "ONSITE_HOME";

/// The packs compiled into the binary: file name and text.
pub const BUNDLED_PACKS: [(&str, &str); 3] = [
    (
        "backend-engineering.ron",
        include_str!("../../questions/backend-engineering.ron"),
    ),
    (
        "system-design.ron",
        include_str!("../../questions/system-design.ron"),
    ),
    (
        "behavioral.ron",
        include_str!("../../questions/behavioral.ron"),
    ),
];

/// The competency vocabulary compiled into the binary (`questions/competencies.ron`).
pub const BUNDLED_VOCABULARY: &str = include_str!("../../questions/competencies.ron");

/// The bundled competency vocabulary. Like the bundled packs it is checked by the test suite;
/// should it ever fail to parse, an empty vocabulary (no warnings, no suggestions) is the
/// safe answer, and the error says why.
pub fn bundled_vocabulary() -> Result<CompetencyVocabulary, LoadError> {
    parse(Path::new("questions/competencies.ron"), BUNDLED_VOCABULARY)
}

/// Where a pack comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackOrigin {
    /// Compiled into the app; read-only.
    Bundled,
    /// A file in the user's library.
    User(PathBuf),
}

/// A loaded pack and where it came from.
///
/// The pack is shared (`Arc`): the window hands snapshots of the whole library to background
/// work (search indexing) without copying every question.
#[derive(Clone, Debug, PartialEq)]
pub struct PackEntry {
    /// The pack.
    pub pack: Arc<QuestionPack>,
    /// Bundled or a user file.
    pub origin: PackOrigin,
}

impl AsRef<QuestionPack> for PackEntry {
    fn as_ref(&self) -> &QuestionPack {
        &self.pack
    }
}

impl PackEntry {
    /// `pack`, loaded from `origin`.
    pub fn new(pack: QuestionPack, origin: PackOrigin) -> Self {
        Self {
            pack: Arc::new(pack),
            origin,
        }
    }

    /// Whether the pack ships with the app (and so cannot be edited in place).
    pub fn is_bundled(&self) -> bool {
        self.origin == PackOrigin::Bundled
    }
}

/// What loading a folder of files produced: every good file, and an error for every bad one.
#[derive(Debug)]
pub struct Loaded<T> {
    /// Files that loaded, in file-name order.
    pub items: Vec<T>,
    /// Files that did not, each with its reason.
    pub errors: Vec<LoadError>,
}

impl<T> Default for Loaded<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            errors: Vec::new(),
        }
    }
}

/// Parses the bundled packs. They are checked by the test suite, so an error here means a
/// broken build, reported like any other bad file rather than by panicking.
pub fn bundled_packs() -> Loaded<PackEntry> {
    let mut loaded = Loaded::default();
    for (name, text) in BUNDLED_PACKS {
        let path = Path::new("questions").join(name);
        match parse::<QuestionPack>(&path, text) {
            Ok(pack) => loaded.items.push(PackEntry::new(pack, PackOrigin::Bundled)),
            Err(error) => loaded.errors.push(error),
        }
    }
    loaded
}

/// What this process may do with a library.
#[derive(Clone, Debug)]
pub enum Access {
    /// Opened without asking for the lock (the command line's reading commands, tests):
    /// saves go ahead as asked.
    Unlocked,
    /// This process holds the library's lock: it alone writes.
    Exclusive(Arc<LibraryLock>),
    /// Another process holds the lock, or it could not be taken: nothing is saved.
    ReadOnly(ReadOnlyReason),
}

impl PartialEq for Access {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Access::Unlocked, Access::Unlocked) | (Access::Exclusive(_), Access::Exclusive(_)) => {
                true
            }
            (Access::ReadOnly(a), Access::ReadOnly(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Access {}

/// A file's size and modification time, enough to tell whether it changed since it was read
/// (for re-reading only what changed; saves compare contents, see [`super::guard`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileStamp {
    /// The file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub len: u64,
    /// When it was last modified, where the system says.
    pub modified: Option<SystemTime>,
}

/// The user's library folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Library {
    root: PathBuf,
    access: Access,
}

impl Library {
    /// The folder to use: `$ONSITE_HOME` if set, else the platform's data folder for Onsite.
    pub fn default_root() -> Option<PathBuf> {
        if let Some(home) = std::env::var_os(HOME_VARIABLE).filter(|v| !v.is_empty()) {
            return Some(PathBuf::from(home));
        }
        directories::ProjectDirs::from("", "", "Onsite").map(|dirs| dirs.data_dir().to_owned())
    }

    /// Opens (creating if needed) a library at `root`, without its lock: for reading, and for
    /// tools that write only where they are told.
    pub fn open(root: impl Into<PathBuf>) -> io::Result<Self> {
        let library = Self {
            root: root.into(),
            access: Access::Unlocked,
        };
        library.prepare_folders()?;
        Ok(library)
    }

    /// Opens (creating if needed) a library at `root` for a window: takes the library's lock,
    /// or, when another Onsite process holds it or it cannot be taken, opens it read-only
    /// (see [`Library::access`]). Only a missing library that cannot be created is an error.
    pub fn open_locked(root: impl Into<PathBuf>) -> io::Result<Self> {
        let root = root.into();
        create_private_dir(&root)?;
        // This process may have the lock already (another window of the same process shares
        // the one writer): asking again must not make it read-only.
        let access = match held_lock(&root) {
            Some(held) => Access::Exclusive(held),
            None => match lock::try_lock(&root) {
                Ok(LockAttempt::Acquired(held)) => Access::Exclusive(remember_held(&root, held)),
                Ok(LockAttempt::Unsupported) => Access::Unlocked,
                Ok(LockAttempt::HeldElsewhere(holder)) => {
                    Access::ReadOnly(ReadOnlyReason::InUse(holder))
                }
                Err(error) => Access::ReadOnly(ReadOnlyReason::CannotLock(error.to_string())),
            },
        };
        let library = Self { root, access };
        match &library.access {
            Access::ReadOnly(reason) => lock::mark_read_only(&library.root, reason.clone()),
            Access::Exclusive(_) | Access::Unlocked => {
                lock::clear_read_only(&library.root);
                library.prepare_folders()?;
            }
        }
        Ok(library)
    }

    /// Opens the library at [`Library::default_root`], without its lock.
    pub fn open_default() -> io::Result<Self> {
        Self::open(Self::require_default_root()?)
    }

    /// Opens the library at [`Library::default_root`] for a window, as
    /// [`Library::open_locked`] does.
    pub fn open_default_locked() -> io::Result<Self> {
        Self::open_locked(Self::require_default_root()?)
    }

    fn require_default_root() -> io::Result<PathBuf> {
        Self::default_root().ok_or_else(|| {
            io::Error::other(format!(
                "no home folder found; set {HOME_VARIABLE} to choose where Onsite keeps its files"
            ))
        })
    }

    /// Tries the lock again (for a read-only window whose other window may have closed);
    /// returns the library as it now is.
    pub fn reopen_locked(&self) -> io::Result<Self> {
        Self::open_locked(self.root.clone())
    }

    fn prepare_folders(&self) -> io::Result<()> {
        for folder in [self.packs_dir(), self.plans_dir(), self.evaluations_dir()] {
            create_private_dir(&folder)?;
            // Saves killed mid-write (a crash, a power cut) leave their temporary file behind.
            remove_stale_temporaries(&folder, STALE_TEMPORARY_AGE);
        }
        tighten(&self.evaluations_dir());
        Ok(())
    }

    /// What this process may do with the library.
    pub fn access(&self) -> &Access {
        &self.access
    }

    /// Why nothing may be saved in this library from this process, if so.
    pub fn read_only_reason(&self) -> Option<&ReadOnlyReason> {
        match &self.access {
            Access::ReadOnly(reason) => Some(reason),
            Access::Unlocked | Access::Exclusive(_) => None,
        }
    }

    /// Whether saves into this library are refused (another window has it).
    pub fn is_read_only(&self) -> bool {
        self.read_only_reason().is_some()
    }

    /// The library folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Folder of user question packs.
    pub fn packs_dir(&self) -> PathBuf {
        self.root.join("packs")
    }

    /// Folder of interview plans.
    pub fn plans_dir(&self) -> PathBuf {
        self.root.join("plans")
    }

    /// Folder of evaluations.
    pub fn evaluations_dir(&self) -> PathBuf {
        self.root.join("evaluations")
    }

    /// The folder files of `kind` live in (the vocabulary is bundled: no folder).
    pub fn folder(&self, kind: FileKind) -> Option<PathBuf> {
        match kind {
            FileKind::Pack => Some(self.packs_dir()),
            FileKind::Plan => Some(self.plans_dir()),
            FileKind::Evaluation => Some(self.evaluations_dir()),
            FileKind::Vocabulary => None,
        }
    }

    /// Bundled packs first, then the user's, in file-name order. A user pack with a bundled
    /// pack's id is listed beside it, never in its place.
    pub fn packs(&self) -> Loaded<PackEntry> {
        let mut all = bundled_packs();
        let user = load_folder::<QuestionPack>(&self.packs_dir());
        all.errors.extend(user.errors);
        all.items.extend(
            user.items
                .into_iter()
                .map(|(path, pack)| PackEntry::new(pack, PackOrigin::User(path))),
        );
        all
    }

    /// Every plan in the library, with its path.
    pub fn plans(&self) -> Loaded<(PathBuf, InterviewPlan)> {
        load_folder(&self.plans_dir())
    }

    /// Every evaluation in the library, with its path.
    pub fn evaluations(&self) -> Loaded<(PathBuf, Evaluation)> {
        load_folder(&self.evaluations_dir())
    }

    /// Re-reads one user pack (after it changed on disk), as [`Library::packs`] lists it.
    pub fn read_pack(&self, path: &Path) -> Result<PackEntry, LoadError> {
        Ok(PackEntry::new(
            load_listed(path)?,
            PackOrigin::User(path.to_owned()),
        ))
    }

    /// Re-reads one plan, as [`Library::plans`] lists it.
    pub fn read_plan(&self, path: &Path) -> Result<InterviewPlan, LoadError> {
        load_listed(path)
    }

    /// Re-reads one evaluation, as [`Library::evaluations`] lists it. To work on an
    /// evaluation, open it with [`super::format::load`] instead, so its saves expect what
    /// was read.
    pub fn read_evaluation(&self, path: &Path) -> Result<Evaluation, LoadError> {
        load_listed(path)
    }

    /// Size and modification time of every file a listing of `kind` would read, in file-name
    /// order, without opening any: compare with an earlier call to re-read only what changed.
    pub fn stamps(&self, kind: FileKind) -> Vec<FileStamp> {
        let Some(folder) = self.folder(kind) else {
            return Vec::new();
        };
        let (paths, _) = ron_files(&folder);
        paths
            .into_iter()
            .filter_map(|path| {
                let metadata = fs::metadata(&path).ok()?;
                Some(FileStamp {
                    len: metadata.len(),
                    modified: metadata.modified().ok(),
                    path,
                })
            })
            .collect()
    }

    /// Saves a user pack as `packs/<id>.ron`, returning the path.
    pub fn save_pack(&self, pack: &QuestionPack) -> Result<PathBuf, SaveError> {
        let path = self
            .packs_dir()
            .join(format!("{}.ron", slugify(&pack.id, "pack")));
        self.refuse_if_read_only(&path)?;
        save(&path, pack, Visibility::Shared)?;
        Ok(path)
    }

    /// A path under `plans/` for a new plan, named after its title and not yet taken.
    pub fn new_plan_path(&self, plan: &InterviewPlan) -> PathBuf {
        unused_path(&self.plans_dir(), &slugify(&plan.title, "plan"))
    }

    /// A path under `evaluations/` for a new evaluation, named after its date and candidate and
    /// not yet taken.
    pub fn new_evaluation_path(&self, evaluation: &Evaluation) -> PathBuf {
        let date = evaluation
            .started_at
            .map(|at| at.strftime("%Y-%m-%d").to_string())
            .unwrap_or_default();
        let stem = slugify(&format!("{date} {}", evaluation.candidate), "evaluation");
        unused_path(&self.evaluations_dir(), &stem)
    }

    /// Saves a plan at `path` (shared visibility).
    pub fn save_plan(&self, path: &Path, plan: &InterviewPlan) -> Result<(), SaveError> {
        self.refuse_if_read_only(path)?;
        save(path, plan, Visibility::Shared)
    }

    /// Saves an evaluation at `path`, readable by its owner only, unless someone else changed
    /// the file since this process last wrote or opened it: then it goes to a conflict copy
    /// beside it (see [`super::guard`]) and the result says where.
    pub fn save_evaluation(
        &self,
        path: &Path,
        evaluation: &Evaluation,
    ) -> Result<Saved, SaveError> {
        self.refuse_if_read_only(path)?;
        save_guarded(path, evaluation, Visibility::Private)
    }

    fn refuse_if_read_only(&self, path: &Path) -> Result<(), SaveError> {
        match self.read_only_reason() {
            Some(reason) => Err(SaveError::ReadOnly {
                path: path.to_owned(),
                reason: reason.clone(),
            }),
            None => Ok(()),
        }
    }
}

/// Locks this process holds, by library folder, while any library uses them.
static HELD: Mutex<Vec<(PathBuf, Weak<LibraryLock>)>> = Mutex::new(Vec::new());

fn held_lock(root: &Path) -> Option<Arc<LibraryLock>> {
    let root = std::path::absolute(root).ok()?;
    HELD.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .filter(|(held, _)| *held == root)
        .find_map(|(_, lock)| lock.upgrade())
}

fn remember_held(root: &Path, lock: LibraryLock) -> Arc<LibraryLock> {
    let lock = Arc::new(lock);
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_owned());
    let mut held = HELD.lock().unwrap_or_else(PoisonError::into_inner);
    held.retain(|(_, lock)| lock.strong_count() > 0);
    held.push((root, Arc::downgrade(&lock)));
    lock
}

/// Makes an existing `evaluations/` folder owner-only, as a new one is: its file names carry
/// candidates' names. Best effort: a folder Onsite cannot change is still usable.
fn tighten(folder: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(metadata) = fs::metadata(folder)
            && metadata.is_dir()
            && metadata.permissions().mode() & 0o077 != 0
        {
            let _ = fs::set_permissions(folder, fs::Permissions::from_mode(0o700));
        }
    }
    #[cfg(not(unix))]
    let _ = folder;
}

/// The `.ron` files of `folder` (not hidden, following links) in file-name order, and an
/// error for each entry that is named like one but is not a regular file. Nothing is opened.
fn ron_files(folder: &Path) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut errors = Vec::new();
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return (Vec::new(), errors),
        Err(source) => {
            errors.push(LoadError::Io {
                path: folder.to_owned(),
                source,
            });
            return (Vec::new(), errors);
        }
    };
    let mut paths = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden || path.extension().is_none_or(|ext| ext != "ron") {
            continue;
        }
        // The entry's own type needs no open; a link is followed with `metadata`, which does
        // not open either.
        let file_type = match entry.file_type() {
            Ok(file_type) if file_type.is_symlink() => fs::metadata(&path).map(|m| m.file_type()),
            other => other,
        };
        match file_type {
            Ok(file_type) => match special_kind(file_type) {
                None => paths.push(path),
                Some(what) => errors.push(LoadError::NotAFile { path, what }),
            },
            Err(source) => errors.push(LoadError::Io { path, source }),
        }
    }
    paths.sort();
    errors.sort_by(|a, b| a.path().cmp(b.path()));
    (paths, errors)
}

/// Loads every `.ron` file in `folder` (a missing folder is empty), sorted by file name.
fn load_folder<T: RonFile>(folder: &Path) -> Loaded<(PathBuf, T)> {
    let (paths, errors) = ron_files(folder);
    let mut loaded = Loaded {
        items: Vec::new(),
        errors,
    };
    for path in paths {
        match load_listed::<T>(&path) {
            Ok(value) => loaded.items.push((path, value)),
            Err(error) => loaded.errors.push(error),
        }
    }
    loaded
}

/// `folder/stem.ron`, or `folder/stem-2.ron`, `-3`, ... whichever does not exist yet.
fn unused_path(folder: &Path, stem: &str) -> PathBuf {
    let first = folder.join(format!("{stem}.ron"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| folder.join(format!("{stem}-{n}.ron")))
        .find(|path| !path.exists())
        .unwrap_or(first)
}
