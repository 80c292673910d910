//! Storage: Onsite's files on disk.
//!
//! RON load and save with versioning and validation ([`mod@format`]), reads that never block or
//! overrun ([`read`], [`scan`]), atomic writes ([`atomic`]), saves that never replace someone
//! else's change ([`guard`]), one writer per library ([`lock`]), background saving
//! ([`autosave`]) and the user's library folder with the bundled packs ([`library`]). Usable
//! without the GUI.

pub mod atomic;
pub mod autosave;
pub mod error;
pub mod format;
pub mod guard;
pub mod library;
mod locate;
pub mod lock;
pub mod read;
pub mod scan;

pub use atomic::{Visibility, write_atomic};
pub use error::{LoadError, LocatedProblem, SaveError};
pub use format::{
    AnyFile, FileKind, MAX_FILE_BYTES, load, load_any, parse, save, save_guarded, to_ron,
};
pub use guard::Saved;
pub use library::{
    Access, BUNDLED_PACKS, BUNDLED_VOCABULARY, FileStamp, Library, Loaded, PackEntry, PackOrigin,
    bundled_packs, bundled_vocabulary,
};
pub use lock::{LockHolder, ReadOnlyReason};
