//! Storage: Onsite's files on disk.
//!
//! RON load and save with versioning and validation ([`format`]), atomic writes ([`atomic`])
//! and the user's library folder with the bundled packs ([`library`]). Usable without the GUI.

pub mod atomic;
pub mod autosave;
pub mod error;
pub mod format;
pub mod library;

pub use atomic::{Visibility, write_atomic};
pub use error::{LoadError, LocatedProblem, SaveError};
pub use format::{AnyFile, FileKind, MAX_FILE_BYTES, load, load_any, parse, save, to_ron};
pub use library::{
    BUNDLED_PACKS, BUNDLED_VOCABULARY, Library, Loaded, PackEntry, PackOrigin, bundled_packs,
    bundled_vocabulary,
};
