//! The user's library folder and the packs bundled with the app.
//!
//! Layout: `packs/` (user question packs), `plans/` (interview plans) and `evaluations/`
//! (one file per interview, owner-only). The folder is the platform's data folder, or
//! `$ONSITE_HOME` when set — tests and portable installs use that.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::atomic::{Visibility, remove_stale_temporaries};
use super::error::{LoadError, SaveError};
use super::format::{RonFile, load, parse, save};
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

/// The user's library folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Library {
    root: PathBuf,
}

impl Library {
    /// The folder to use: `$ONSITE_HOME` if set, else the platform's data folder for Onsite.
    pub fn default_root() -> Option<PathBuf> {
        if let Some(home) = std::env::var_os(HOME_VARIABLE).filter(|v| !v.is_empty()) {
            return Some(PathBuf::from(home));
        }
        directories::ProjectDirs::from("", "", "Onsite").map(|dirs| dirs.data_dir().to_owned())
    }

    /// Opens (creating if needed) a library at `root`.
    pub fn open(root: impl Into<PathBuf>) -> io::Result<Self> {
        let library = Self { root: root.into() };
        for folder in [
            library.packs_dir(),
            library.plans_dir(),
            library.evaluations_dir(),
        ] {
            fs::create_dir_all(&folder)?;
            // Saves killed mid-write (a crash, a power cut) leave their temporary file behind.
            remove_stale_temporaries(&folder, STALE_TEMPORARY_AGE);
        }
        Ok(library)
    }

    /// Opens the library at [`Library::default_root`].
    pub fn open_default() -> io::Result<Self> {
        let root = Self::default_root().ok_or_else(|| {
            io::Error::other(format!(
                "no home folder found; set {HOME_VARIABLE} to choose where Onsite keeps its files"
            ))
        })?;
        Self::open(root)
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

    /// Saves a user pack as `packs/<id>.ron`, returning the path.
    pub fn save_pack(&self, pack: &QuestionPack) -> Result<PathBuf, SaveError> {
        let path = self
            .packs_dir()
            .join(format!("{}.ron", slugify(&pack.id, "pack")));
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
        save(path, plan, Visibility::Shared)
    }

    /// Saves an evaluation at `path`, readable by its owner only.
    pub fn save_evaluation(&self, path: &Path, evaluation: &Evaluation) -> Result<(), SaveError> {
        save(path, evaluation, Visibility::Private)
    }
}

/// Loads every `.ron` file in `folder` (a missing folder is empty), sorted by file name.
fn load_folder<T: RonFile>(folder: &Path) -> Loaded<(PathBuf, T)> {
    let mut loaded = Loaded::default();
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return loaded,
        Err(source) => {
            loaded.errors.push(LoadError::Io {
                path: folder.to_owned(),
                source,
            });
            return loaded;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension().is_some_and(|ext| ext == "ron")
                && !path
                    .file_name()
                    .is_some_and(|name| name.to_string_lossy().starts_with('.'))
        })
        .collect();
    paths.sort();
    for path in paths {
        match load::<T>(&path) {
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
