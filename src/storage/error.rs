//! Errors of the storage layer, worded for the person who has to fix the file.

use std::fmt;
use std::io;
use std::path::PathBuf;

use super::lock::ReadOnlyReason;
use crate::domain::validate::Problem;

/// A semantic problem with the line and column it was traced to, when it could be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocatedProblem {
    /// 1-based line and column of the offending field, if found in the source.
    pub position: Option<(usize, usize)>,
    /// The problem itself.
    pub problem: Problem,
}

/// Why a file could not be loaded. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The path is not a regular file: a folder, a FIFO, a device, a socket. Never opened.
    #[error("{}: this is {what}, not a file; Onsite reads only regular files", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is instead, e.g. "a FIFO (named pipe)".
        what: &'static str,
    },
    /// The file is larger than any real pack, plan or evaluation.
    #[error("{}: the file is {size} bytes; files over {limit} bytes (16 MiB) are refused", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file does not follow RON syntax, or does not match the expected structure.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The file was written by a newer Onsite.
    #[error(
        "{}:{line}:{column}: the file has format {found}, newer than this version of Onsite reads (format {supported} or older); update Onsite to open it",
        path.display()
    )]
    NewerFormat {
        /// The file.
        path: PathBuf,
        /// 1-based line of the `format` field.
        line: usize,
        /// 1-based column of the `format` field.
        column: usize,
        /// The format the file declares.
        found: u32,
        /// The newest format this build reads.
        supported: u32,
    },
    /// The file is valid, but Onsite would write it back (one item per line) larger than it
    /// reads, so it could not be saved and opened again.
    #[error(
        "{}: Onsite would save this file back as {size} bytes, laid out one item per line, over the {limit}-byte (16 MiB) limit it reads; split it into smaller files",
        path.display()
    )]
    WouldNotSave {
        /// The file.
        path: PathBuf,
        /// The size its saved form would have (at least this much).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file parsed but breaks the rules (duplicate ids, empty prompts, ...).
    #[error("{}", InvalidDisplay { path, problems })]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Every problem found.
        problems: Vec<LocatedProblem>,
    },
}

impl LoadError {
    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::NotAFile { path, .. }
            | LoadError::TooLarge { path, .. }
            | LoadError::WouldNotSave { path, .. }
            | LoadError::Syntax { path, .. }
            | LoadError::NewerFormat { path, .. }
            | LoadError::Invalid { path, .. } => path,
        }
    }
}

/// Renders one line per problem, each prefixed with `file:line:column` like a compiler.
struct InvalidDisplay<'a> {
    path: &'a PathBuf,
    problems: &'a [LocatedProblem],
}

impl fmt::Display for InvalidDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = super::format::MAX_SHOWN_PROBLEMS;
        for (i, located) in self.problems.iter().enumerate().take(shown) {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}", self.path.display())?;
            if let Some((line, column)) = located.position {
                write!(f, ":{line}:{column}")?;
            }
            write!(f, ": {}", located.problem)?;
        }
        if let Some(more) = self.problems.len().checked_sub(shown).filter(|&n| n > 0) {
            write!(
                f,
                "\n{}: … and {more} more problem{}",
                self.path.display(),
                if more == 1 { "" } else { "s" }
            )?;
        }
        Ok(())
    }
}

/// Why a file could not be saved. The previous version of the file, if any, is intact.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing failed (disk full, read-only folder, ...).
    #[error("{}: could not save: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The saved file would be larger than Onsite reads; nothing was written.
    #[error(
        "{}: not saved: the file would be {size} bytes, over the {limit}-byte (16 MiB) limit Onsite reads back; the previous version is unchanged",
        path.display()
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The size the file would have had (at least this much).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The library is read-only in this process (another window has it); nothing was written.
    #[error("{}: not saved: {reason}; this window is read-only", path.display())]
    ReadOnly {
        /// The file.
        path: PathBuf,
        /// Why the library is read-only here.
        reason: ReadOnlyReason,
    },
    /// The data could not be turned into RON (should not happen for valid data).
    #[error("{}: could not write the data as RON: {source}", path.display())]
    Serialize {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: ron::Error,
    },
}

impl SaveError {
    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            SaveError::Io { path, .. }
            | SaveError::TooLarge { path, .. }
            | SaveError::ReadOnly { path, .. }
            | SaveError::Serialize { path, .. } => path,
        }
    }

    /// Whether trying the same save again later may succeed (a full disk, a folder that was
    /// missing); a file too large or a read-only library stays so.
    pub fn is_transient(&self) -> bool {
        matches!(self, SaveError::Io { .. })
    }
}
