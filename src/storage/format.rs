//! Reading and writing Onsite's RON files, with errors that point at file, line and column.
//!
//! Every file starts with its kind (`QuestionPack(`, `InterviewPlan(`, `Evaluation(` or
//! `CompetencyVocabulary(`) and declares `format: N`. Loading goes: regular file → size limit →
//! encoding (UTF-8, byte-order mark dropped) → kind → nesting depth → RON syntax and structure
//! → format version → semantic validation → the size it would be saved at. Any failure
//! returns an error and nothing else; callers only replace what they hold once a load has
//! fully succeeded. Every reader of a file goes through [`parse`], so the library's listings,
//! `onsite validate` and the window give one answer for one file.
//!
//! Saving is symmetric: nothing larger than [`MAX_FILE_BYTES`] is ever written, and a file
//! that would be saved back larger than that is refused when read (checked only for inputs
//! over [`RESAVE_CHECK_BYTES`], since smaller ones cannot grow that much).
//!
//! Migration: when the format changes, a file with an older `format` is detected by a cheap
//! probe (only the `format` field is read) and parsed with the old structure, then converted.
//! Format 1 is the first, so there is nothing to convert yet.

use std::fmt;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::options::Options;
use ron::ser::PrettyConfig;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::atomic::{Visibility, write_atomic};
use super::error::{LoadError, LocatedProblem, SaveError};
use super::guard::{self, Check, Saved};
pub use super::locate::line_column;
use super::locate::locate;
use super::read::{BYTE_ORDER_MARK, read_bytes};
pub use super::read::{
    MAX_FILE_BYTES, NOT_UTF8_REPLACED, decode, read_document, read_text, too_large,
};
use super::{lock, scan};
use crate::domain::validate::{Problem, validate_evaluation, validate_pack, validate_plan};
use crate::domain::{
    CompetencyVocabulary, Evaluation, FORMAT_VERSION, InterviewPlan, QuestionPack, shorten,
};

/// Inputs at most this large are not checked for the size they would be saved at: Onsite's
/// layout (one item per line, four spaces per level) grows a compact file at most about
/// eight times (a test measures the worst case), so they stay well under the limit.
pub const RESAVE_CHECK_BYTES: u64 = MAX_FILE_BYTES / 16;

/// Most problems traced to a line and column and shown for one file; the rest are counted.
pub const MAX_SHOWN_PROBLEMS: usize = 20;

/// The kinds of file Onsite reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A question pack.
    Pack,
    /// An interview plan.
    Plan,
    /// An evaluation.
    Evaluation,
    /// The competency vocabulary packs share.
    Vocabulary,
}

impl FileKind {
    /// Every kind.
    pub const ALL: [FileKind; 4] = [
        FileKind::Pack,
        FileKind::Plan,
        FileKind::Evaluation,
        FileKind::Vocabulary,
    ];

    /// The name the file starts with, e.g. `QuestionPack`.
    pub fn struct_name(self) -> &'static str {
        match self {
            FileKind::Pack => "QuestionPack",
            FileKind::Plan => "InterviewPlan",
            FileKind::Evaluation => "Evaluation",
            FileKind::Vocabulary => "CompetencyVocabulary",
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Pack => "question pack",
            FileKind::Plan => "interview plan",
            FileKind::Evaluation => "evaluation",
            FileKind::Vocabulary => "competency vocabulary",
        }
    }
}

/// A type stored as one Onsite file.
pub trait RonFile: Serialize + DeserializeOwned {
    /// Which kind of file this is.
    const KIND: FileKind;
    /// The format version the value declares.
    fn format(&self) -> u32;
    /// Semantic problems, as found by `domain::validate`.
    fn problems(&self) -> Vec<Problem>;
}

impl RonFile for QuestionPack {
    const KIND: FileKind = FileKind::Pack;
    fn format(&self) -> u32 {
        self.format
    }
    fn problems(&self) -> Vec<Problem> {
        validate_pack(self)
    }
}

impl RonFile for InterviewPlan {
    const KIND: FileKind = FileKind::Plan;
    fn format(&self) -> u32 {
        self.format
    }
    fn problems(&self) -> Vec<Problem> {
        // References are checked by whoever knows which packs are available.
        validate_plan(self, None)
    }
}

impl RonFile for Evaluation {
    const KIND: FileKind = FileKind::Evaluation;
    fn format(&self) -> u32 {
        self.format
    }
    fn problems(&self) -> Vec<Problem> {
        validate_evaluation(self)
    }
}

impl RonFile for CompetencyVocabulary {
    const KIND: FileKind = FileKind::Vocabulary;
    fn format(&self) -> u32 {
        self.format
    }
    fn problems(&self) -> Vec<Problem> {
        CompetencyVocabulary::problems(self)
    }
}

/// RON as Onsite writes it: `Some(..)` and newtype-variant parentheses left implicit, so
/// hand-written files stay short. The recursion limit stays at ron's default (128), which
/// [`scan::MAX_NESTING`] matches: ron stops at the first level too deep, and [`parse`] then
/// names the nesting ([`scan::too_deep`]).
fn options() -> Options {
    Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_default_extension(Extensions::UNWRAP_VARIANT_NEWTYPES)
}

fn pretty() -> PrettyConfig {
    PrettyConfig::new()
        .indentor("    ")
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES)
}

/// Reads `text` with ron and Onsite's options: syntax and structure only, no version check or
/// validation (what [`parse`] adds on top).
pub fn ron_only<T: DeserializeOwned>(text: &str) -> ron::error::SpannedResult<T> {
    options().from_str(text)
}

/// Writes `value` as pretty RON, starting with its kind's name.
fn write_ron<T: RonFile, W: fmt::Write>(mut out: W, value: &T) -> Result<(), ron::Error> {
    out.write_str(T::KIND.struct_name())?;
    options().to_writer_pretty(&mut out, value, pretty())?;
    out.write_char('\n')?;
    Ok(())
}

/// Serialises `value` as pretty RON, starting with its kind's name.
pub fn to_ron<T: RonFile>(value: &T) -> Result<String, ron::Error> {
    let mut text = String::new();
    write_ron(&mut text, value)?;
    Ok(text)
}

/// Counts what is written and stops once past a limit, so a huge value is measured cheaply.
struct SizeCounter {
    size: u64,
    limit: u64,
}

impl fmt::Write for SizeCounter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.size += s.len() as u64;
        if self.size > self.limit {
            Err(fmt::Error)
        } else {
            Ok(())
        }
    }
}

/// The size `value` would be saved at, if over `limit` (counting stops just past it).
pub fn saved_size_over<T: RonFile>(value: &T, limit: u64) -> Option<u64> {
    let mut counter = SizeCounter { size: 0, limit };
    match write_ron(&mut counter, value) {
        Ok(()) => None,
        Err(_) if counter.size > limit => Some(counter.size),
        // Any other failure is the save's to report.
        Err(_) => None,
    }
}

/// The text `value` is saved as, or why it cannot be: never more than [`MAX_FILE_BYTES`].
pub fn encode<T: RonFile>(path: &Path, value: &T) -> Result<String, SaveError> {
    if let Some(size) = saved_size_over(value, MAX_FILE_BYTES) {
        return Err(SaveError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    to_ron(value).map_err(|source| SaveError::Serialize {
        path: path.to_owned(),
        source,
    })
}

fn refuse_read_only(path: &Path) -> Result<(), SaveError> {
    match lock::read_only_reason(path) {
        Some(reason) => Err(SaveError::ReadOnly {
            path: path.to_owned(),
            reason,
        }),
        None => Ok(()),
    }
}

fn write_file(path: &Path, text: &str, visibility: Visibility) -> Result<(), SaveError> {
    refuse_read_only(path)?;
    write_atomic(path, text.as_bytes(), visibility).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })?;
    guard::record_written(path, text.as_bytes());
    Ok(())
}

/// Saves `value` atomically at `path`, replacing whatever is there.
pub fn save<T: RonFile>(path: &Path, value: &T, visibility: Visibility) -> Result<(), SaveError> {
    refuse_read_only(path)?;
    let text = encode(path, value)?;
    write_file(path, &text, visibility)
}

/// Saves `value` atomically at `path` unless someone else changed the file since this process
/// last wrote or opened it; then their file is kept and the data goes to a conflict copy
/// beside it (see [`guard`]), and so do later saves of `path` until it is opened again.
pub fn save_guarded<T: RonFile>(
    path: &Path,
    value: &T,
    visibility: Visibility,
) -> Result<Saved, SaveError> {
    refuse_read_only(path)?;
    let text = encode(path, value)?;
    let mut target = guard::destination(path);
    // A copy that someone else changed too gets a copy of its own; a few rounds are plenty.
    for _ in 0..4 {
        match guard::check(&target, text.as_bytes()) {
            Check::Write => {
                write_file(&target, &text, visibility)?;
                return Ok(saved_at(path, target));
            }
            Check::Unchanged => {
                guard::record_written(&target, text.as_bytes());
                return Ok(saved_at(path, target));
            }
            Check::Conflict => {
                let copy = guard::conflict_copy_path(&target);
                guard::divert(&target, &copy);
                target = copy;
            }
        }
    }
    Err(SaveError::Io {
        path: path.to_owned(),
        source: std::io::Error::other(
            "the file and its conflict copies keep changing under Onsite; nothing was replaced",
        ),
    })
}

fn saved_at(asked: &Path, target: PathBuf) -> Saved {
    if target == asked {
        Saved::InPlace
    } else {
        Saved::InCopy { copy: target }
    }
}

/// Loads a file of a known kind to work on: read, parse, check the version, validate. What
/// was read becomes what later guarded saves of `path` expect to find.
pub fn load<T: RonFile>(path: &Path) -> Result<T, LoadError> {
    let bytes = read_bytes(path)?;
    let value = parse(path, &decode(path, bytes.clone())?)?;
    guard::record_opened(path, &bytes);
    Ok(value)
}

/// Like [`load`], for a file found by listing a folder: the ledger of guarded saves learns
/// the file only if it knew nothing of it.
pub fn load_listed<T: RonFile>(path: &Path) -> Result<T, LoadError> {
    let bytes = read_bytes(path)?;
    let value = parse(path, &decode(path, bytes.clone())?)?;
    guard::record_listed(path, &bytes);
    Ok(value)
}

/// Parses and validates the text of a file of a known kind. `path` is only used in errors.
pub fn parse<T: RonFile>(path: &Path, text: &str) -> Result<T, LoadError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path, text.len() as u64));
    }
    let text = text.strip_prefix(BYTE_ORDER_MARK).unwrap_or(text);
    expect_kind(path, text, Some(T::KIND))?;
    let value: T = match ron_only(text) {
        Ok(value) => value,
        Err(error) => {
            // Nesting is checked only once ron has refused the file (its recursion limit is
            // the same), so a good file is not walked twice; a deep one is named as such, and
            // never handed to the format probe, which would walk every level.
            if let Some(at) = scan::too_deep(text) {
                let (line, column) = line_column(text, at);
                return Err(LoadError::Syntax {
                    path: path.to_owned(),
                    line,
                    column,
                    message: format!(
                        "nested more than {} levels deep; no Onsite file nests more than a few",
                        scan::MAX_NESTING
                    ),
                });
            }
            // A newer file may fail to parse only because it has fields we do not know; say
            // so rather than report the first unknown field.
            if let Some(found) = probe_format(text)
                && found > FORMAT_VERSION
            {
                return Err(newer(path, text, found));
            }
            return Err(LoadError::Syntax {
                path: path.to_owned(),
                line: error.span.start.line,
                column: error.span.start.col,
                message: shorten_quotes(&error.code.to_string()),
            });
        }
    };
    let format = value.format();
    if format > FORMAT_VERSION {
        return Err(newer(path, text, format));
    }
    if format == 0 {
        let (line, column) = format_position(text);
        return Err(LoadError::Syntax {
            path: path.to_owned(),
            line,
            column,
            message: "`format: 0` is not a format of Onsite files; the first is 1".to_owned(),
        });
    }
    let problems = value.problems();
    if !problems.is_empty() {
        return Err(invalid(path, text, problems));
    }
    if text.len() as u64 > RESAVE_CHECK_BYTES
        && let Some(size) = saved_size_over(&value, MAX_FILE_BYTES)
    {
        return Err(LoadError::WouldNotSave {
            path: path.to_owned(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(value)
}

/// Refuses `text` unless it starts with the name of a kind of file (`expected`, if given).
fn expect_kind(path: &Path, text: &str, expected: Option<FileKind>) -> Result<FileKind, LoadError> {
    let found = sniff_kind(text);
    match (found, expected) {
        (Some(found), None) => Ok(found),
        (Some(found), Some(expected)) if found == expected => Ok(found),
        (Some(found), Some(expected)) => {
            let (line, column) = line_column(text, scan::skip_trivia(text));
            Err(LoadError::Syntax {
                path: path.to_owned(),
                line,
                column,
                message: format!(
                    "this is {} {}, not {} {}",
                    article(found.label()),
                    found.label(),
                    article(expected.label()),
                    expected.label()
                ),
            })
        }
        (None, _) => Err(LoadError::Syntax {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: "not an Onsite file: it should start with `QuestionPack(`, `InterviewPlan(` or `Evaluation(`".to_owned(),
        }),
    }
}

fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// `message` with every `quoted` part shortened and control characters shown escaped: ron
/// quotes the file's own text (an unknown field's name, say), which may be huge or hostile.
fn shorten_quotes(message: &str) -> String {
    message
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                shorten(part)
            } else {
                escape_controls(part)
            }
        })
        .collect::<Vec<_>>()
        .join("`")
}

/// `text` with control characters shown escaped, as [`shorten`] does.
fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

fn newer(path: &Path, text: &str, found: u32) -> LoadError {
    let (line, column) = format_position(text);
    LoadError::NewerFormat {
        path: path.to_owned(),
        line,
        column,
        found,
        supported: FORMAT_VERSION,
    }
}

/// Line and column of the file's `format` field (1:1 if it has none).
fn format_position(text: &str) -> (usize, usize) {
    scan::top_level_field(text, "format").map_or((1, 1), |at| line_column(text, at))
}

/// Builds an `Invalid` error, tracing the first [`MAX_SHOWN_PROBLEMS`] problems to a line and
/// column (each search reads the file, and a hostile file can have a problem per line).
pub fn invalid(path: &Path, text: &str, problems: Vec<Problem>) -> LoadError {
    let problems = problems
        .into_iter()
        .enumerate()
        .map(|(i, problem)| LocatedProblem {
            position: (i < MAX_SHOWN_PROBLEMS)
                .then(|| locate(text, &problem).map(|at| line_column(text, at)))
                .flatten(),
            problem,
        })
        .collect();
    LoadError::Invalid {
        path: path.to_owned(),
        problems,
    }
}

/// The `format` a file declares, read from its text alone: a file that fails to parse may be
/// newer. (Asking ron to skip everything else took minutes on some hostile files.)
fn probe_format(text: &str) -> Option<u32> {
    scan::top_level_number(text, "format").and_then(|n| u32::try_from(n).ok())
}

/// The kind a file declares by the name it starts with, skipping comments (nested ones too)
/// and attributes the way ron does.
pub fn sniff_kind(text: &str) -> Option<FileKind> {
    let text = text.strip_prefix(BYTE_ORDER_MARK).unwrap_or(text);
    let rest = &text[scan::skip_trivia(text)..];
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    let name = &rest[..name_len];
    FileKind::ALL
        .into_iter()
        .find(|kind| kind.struct_name() == name)
}

/// Any Onsite file, once loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum AnyFile {
    /// A question pack.
    Pack(QuestionPack),
    /// An interview plan.
    Plan(InterviewPlan),
    /// An evaluation.
    Evaluation(Evaluation),
    /// The competency vocabulary.
    Vocabulary(CompetencyVocabulary),
}

/// Loads a file whose kind is told by its first word, as [`load`] does for a known kind.
pub fn load_any(path: &Path) -> Result<AnyFile, LoadError> {
    let bytes = read_bytes(path)?;
    let text = decode(path, bytes.clone())?;
    let loaded = match expect_kind(path, &text, None)? {
        FileKind::Pack => parse(path, &text).map(AnyFile::Pack),
        FileKind::Plan => parse(path, &text).map(AnyFile::Plan),
        FileKind::Evaluation => parse(path, &text).map(AnyFile::Evaluation),
        FileKind::Vocabulary => parse(path, &text).map(AnyFile::Vocabulary),
    }?;
    guard::record_opened(path, &bytes);
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_the_kind_past_comments() {
        assert_eq!(
            sniff_kind("// hi\n/* x */ QuestionPack(format: 1)"),
            Some(FileKind::Pack)
        );
        assert_eq!(
            sniff_kind("#![enable(implicit_some)]\nEvaluation("),
            Some(FileKind::Evaluation)
        );
        assert_eq!(sniff_kind("InterviewPlan ("), Some(FileKind::Plan));
        assert_eq!(
            sniff_kind("/* outer /* nested */ still outer */ InterviewPlan("),
            Some(FileKind::Plan)
        );
        assert_eq!(
            sniff_kind("\u{feff}Evaluation("),
            Some(FileKind::Evaluation)
        );
        assert_eq!(sniff_kind("QuestionPackage("), None);
        assert_eq!(sniff_kind("(format: 1)"), None);
        assert_eq!(sniff_kind("\u{0}\u{1}"), None);
    }

    #[test]
    fn quoted_parts_of_messages_are_shortened_and_escaped() {
        let long = "x".repeat(10_000);
        let message = shorten_quotes(&format!("Unexpected field `{long}` at \u{1b}[2J"));
        assert!(message.len() < 100, "{message}");
        assert!(message.contains("\\u{1b}[2J"), "{message}");
        assert!(!message.contains('\u{1b}'));
    }

    #[test]
    fn the_saved_size_is_counted_without_building_the_text() {
        let mut pack = QuestionPack::new("p", "P");
        pack.description = "d".repeat(1000);
        let size = to_ron(&pack).unwrap().len() as u64;
        assert_eq!(saved_size_over(&pack, size), None);
        assert!(saved_size_over(&pack, 100).is_some_and(|counted| counted > 100));
    }
}
