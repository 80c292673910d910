//! Reading and writing Onsite's RON files, with errors that point at file, line and column.
//!
//! Every file starts with its kind (`QuestionPack(`, `InterviewPlan(` or `Evaluation(`) and
//! declares `format: N`. Loading goes: size limit → UTF-8 → RON syntax and structure → format
//! version → semantic validation. Any failure returns an error and nothing else; callers only
//! replace what they hold once a load has fully succeeded.
//!
//! Migration: when the format changes, a file with an older `format` is detected by a cheap
//! probe (only the `format` field is read) and parsed with the old structure, then converted.
//! Format 1 is the first, so there is nothing to convert yet.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use ron::extensions::Extensions;
use ron::options::Options;
use ron::ser::PrettyConfig;
use serde::Serialize;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, Visitor};

use super::atomic::{Visibility, write_atomic};
use super::error::{LoadError, LocatedProblem, SaveError};
use crate::domain::validate::{
    Problem, Subject, validate_evaluation, validate_pack, validate_plan,
};
use crate::domain::{
    CompetencyVocabulary, Evaluation, FORMAT_VERSION, InterviewPlan, QuestionPack,
};

/// Largest file Onsite will read. Real files are kilobytes; this stops a stray video or disk
/// image from being read into memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

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
/// hand-written files stay short. The recursion limit stays at ron's default (128), which turns
/// absurdly deep nesting into an error instead of a stack overflow.
fn options() -> Options {
    Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_default_extension(Extensions::UNWRAP_VARIANT_NEWTYPES)
}

/// Reads `text` with ron and Onsite's options: syntax and structure only, no version check or
/// validation (what [`parse`] adds on top).
pub fn ron_only<T: DeserializeOwned>(text: &str) -> ron::error::SpannedResult<T> {
    options().from_str(text)
}

/// Serialises `value` as pretty RON, starting with its kind's name.
pub fn to_ron<T: RonFile>(value: &T) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .indentor("    ")
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES);
    let body = options().to_string_pretty(value, config)?;
    Ok(format!("{}{body}\n", T::KIND.struct_name()))
}

/// Saves `value` atomically at `path`.
pub fn save<T: RonFile>(path: &Path, value: &T, visibility: Visibility) -> Result<(), SaveError> {
    let text = to_ron(value).map_err(|source| SaveError::Serialize {
        path: path.to_owned(),
        source,
    })?;
    write_atomic(path, text.as_bytes(), visibility).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Reads a file as text, refusing files over [`MAX_FILE_BYTES`] and invalid UTF-8.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    decode(path, read_bytes(path)?)
}

/// Reads a whole file, refusing it before reading when it is over [`MAX_FILE_BYTES`].
fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let io_error = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let file = File::open(path).map_err(io_error)?;
    let size = file.metadata().map_err(io_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(path, size));
    }
    let mut bytes = Vec::new();
    // `take` guards against a file that grows while it is read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_large(path: &Path, size: u64) -> LoadError {
    LoadError::TooLarge {
        path: path.to_owned(),
        size,
        limit: MAX_FILE_BYTES,
    }
}

/// Said when a document had bytes that are not UTF-8 and they were replaced.
pub const NOT_UTF8_REPLACED: &str = "not valid UTF-8 text; the bytes that are not were replaced";

/// A document to import (Markdown or text): read with the same size limit as Onsite's files,
/// but bytes that are not UTF-8 are replaced rather than refused, since a document saved in
/// another encoding still has its questions. The flag says whether anything was replaced.
pub fn read_document(path: &Path) -> Result<(String, bool), LoadError> {
    Ok(match String::from_utf8(read_bytes(path)?) {
        Ok(text) => (text, false),
        Err(error) => (String::from_utf8_lossy(error.as_bytes()).into_owned(), true),
    })
}

/// Checks the size limit and UTF-8 of bytes read from `path`.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(too_large(path, size));
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        let (line, column) = line_column(&text, text.len());
        LoadError::Syntax {
            path: path.to_owned(),
            line,
            column,
            message: "the file is not valid UTF-8 text (is it a binary file?)".to_owned(),
        }
    })
}

/// Loads a file of a known kind: read, parse, check the version, validate.
pub fn load<T: RonFile>(path: &Path) -> Result<T, LoadError> {
    let text = read_text(path)?;
    parse(path, &text)
}

/// Parses and validates the text of a file of a known kind. `path` is only used in errors.
pub fn parse<T: RonFile>(path: &Path, text: &str) -> Result<T, LoadError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path, text.len() as u64));
    }
    let value: T = match ron_only(text) {
        Ok(value) => value,
        Err(error) => {
            // A newer file may fail to parse only because it has fields we do not know; say
            // so rather than report the first unknown field.
            if let Some(found) = probe_format(text, T::KIND)
                && found > FORMAT_VERSION
            {
                return Err(newer(path, text, found));
            }
            return Err(LoadError::Syntax {
                path: path.to_owned(),
                line: error.span.start.line,
                column: error.span.start.col,
                message: error.code.to_string(),
            });
        }
    };
    let format = value.format();
    if format > FORMAT_VERSION {
        return Err(newer(path, text, format));
    }
    if format == 0 {
        let (line, column) =
            find_field(text, 0, text.len(), "format").map_or((1, 1), |at| line_column(text, at));
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
    Ok(value)
}

fn newer(path: &Path, text: &str, found: u32) -> LoadError {
    let (line, column) =
        find_field(text, 0, text.len(), "format").map_or((1, 1), |at| line_column(text, at));
    LoadError::NewerFormat {
        path: path.to_owned(),
        line,
        column,
        found,
        supported: FORMAT_VERSION,
    }
}

/// Builds an `Invalid` error, tracing each problem to a line and column where it can.
pub fn invalid(path: &Path, text: &str, problems: Vec<Problem>) -> LoadError {
    let problems = problems
        .into_iter()
        .map(|problem| LocatedProblem {
            position: locate(text, &problem).map(|at| line_column(text, at)),
            problem,
        })
        .collect();
    LoadError::Invalid {
        path: path.to_owned(),
        problems,
    }
}

/// Reads only the `format` field of a file, skipping everything else.
fn probe_format(text: &str, kind: FileKind) -> Option<u32> {
    struct Probe(&'static str);
    struct ProbeVisitor;

    impl<'de> Visitor<'de> for ProbeVisitor {
        type Value = Option<u32>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a struct with a `format` field")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<u32>, A::Error> {
            let mut format = None;
            while let Some(key) = map.next_key::<String>()? {
                if key == "format" {
                    format = Some(map.next_value::<u32>()?);
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(format)
        }
    }

    impl<'de> DeserializeSeed<'de> for Probe {
        type Value = Option<u32>;
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Option<u32>, D::Error> {
            d.deserialize_struct(self.0, &["format"], ProbeVisitor)
        }
    }

    options()
        .from_str_seed(text, Probe(kind.struct_name()))
        .ok()
        .flatten()
}

/// The kind a file declares by the name it starts with, skipping comments and attributes.
pub fn sniff_kind(text: &str) -> Option<FileKind> {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, tail)| tail);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, tail)| tail);
        } else if let Some(after) = rest.strip_prefix("#!") {
            rest = after.split_once(']').map_or("", |(_, tail)| tail);
        } else {
            break;
        }
    }
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
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

/// Loads a file whose kind is told by its first word.
pub fn load_any(path: &Path) -> Result<AnyFile, LoadError> {
    let text = read_text(path)?;
    match sniff_kind(&text) {
        Some(FileKind::Pack) => parse(path, &text).map(AnyFile::Pack),
        Some(FileKind::Plan) => parse(path, &text).map(AnyFile::Plan),
        Some(FileKind::Evaluation) => parse(path, &text).map(AnyFile::Evaluation),
        Some(FileKind::Vocabulary) => parse(path, &text).map(AnyFile::Vocabulary),
        None => Err(LoadError::Syntax {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: "not an Onsite file: it should start with `QuestionPack(`, `InterviewPlan(` or `Evaluation(`".to_owned(),
        }),
    }
}

/// 1-based line and column (in characters) of byte offset `at` in `text`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let at = floor_char_boundary(text, at);
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Byte offset where a problem's field is written, found by searching the source text.
///
/// This is a best effort: serde does not keep positions after parsing, but ids are unique
/// and fields are named, so the owner's `id: "..."` and then the field name find the spot.
fn locate(text: &str, problem: &Problem) -> Option<usize> {
    let field = problem.field.field.name();
    let (start, end) = match &problem.subject {
        Subject::File => return find_field(text, 0, text.len(), field),
        Subject::Question { id, occurrence } | Subject::Answer { id, occurrence, .. } => {
            // Questions may share an id (that is one of the errors); count to the right one.
            let start = find_id(text, id, *occurrence)?;
            let end = text[start..]
                .find("\n")
                .and_then(|line_end| {
                    let from = start + line_end;
                    find_field(text, from, text.len(), "id")
                })
                .unwrap_or(text.len());
            (start, end)
        }
        Subject::Entry(n) => {
            let entries = find_field(text, 0, text.len(), "entries")?;
            let start = find_entry(text, entries, *n)?;
            let end = find_entry(text, start + 1, 1).unwrap_or(text.len());
            (start, end)
        }
    };
    if field == "id" {
        return Some(start);
    }
    // Fields may come before `id` in a hand-written question, so look back to its opening
    // parenthesis too.
    let opening = text[..start].rfind('(').unwrap_or(start);
    find_field(text, opening, end, field).or(Some(start))
}

/// Offset of the `n`-th (1-based) plan entry's `question:` at or after `from`: the one whose
/// value is `FromPack(` or `Custom(`, not the `question:` inside `FromPack(...)`.
fn find_entry(text: &str, mut from: usize, n: usize) -> Option<usize> {
    let mut seen = 0;
    while let Some(at) = find_field(text, from, text.len(), "question") {
        let value = text[at + "question".len()..]
            .trim_start()
            .trim_start_matches(':')
            .trim_start();
        if value.starts_with("FromPack") || value.starts_with("Custom") {
            seen += 1;
            if seen == n {
                return Some(at);
            }
        }
        from = at + 1;
    }
    None
}

/// Offset of `id: "ID"` in `text`, after skipping `skip` earlier uses.
fn find_id(text: &str, id: &str, mut skip: usize) -> Option<usize> {
    let quoted = format!("\"{id}\"");
    let mut from = 0;
    while let Some(found) = text[from..].find(&quoted) {
        let at = from + found;
        if text[..at].trim_end().ends_with(':')
            && text[..at]
                .trim_end()
                .trim_end_matches(':')
                .trim_end()
                .ends_with("id")
        {
            if skip == 0 {
                return find_field(text, text[..at].rfind("id")?, at + 1, "id");
            }
            skip -= 1;
        }
        from = at + quoted.len();
    }
    None
}

/// Offset of `name:` written as a field in `text[from..to]`.
fn find_field(text: &str, from: usize, to: usize, name: &str) -> Option<usize> {
    let to = floor_char_boundary(text, to);
    let from = floor_char_boundary(text, from.min(to));
    let region = &text[from..to];
    let mut offset = 0;
    while let Some(found) = region[offset..].find(name) {
        let at = offset + found;
        let before_ok = region[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let after_ok = region[at + name.len()..].trim_start().starts_with(':');
        if before_ok && after_ok {
            return Some(from + at);
        }
        offset = at + name.len();
    }
    None
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
        assert_eq!(sniff_kind("(format: 1)"), None);
        assert_eq!(sniff_kind("\u{0}\u{1}"), None);
    }

    #[test]
    fn line_column_counts_characters() {
        let text = "ab\nγδε\nx";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 3 + "γδ".len()), (2, 3));
        assert_eq!(line_column(text, text.len()), (3, 2));
    }

    #[test]
    fn fields_are_found_as_whole_words() {
        let text = "(key_points: [], id: \"a\", prompt: \"p\")";
        assert_eq!(find_field(text, 0, text.len(), "id"), text.find("id:"));
        assert_eq!(find_id(text, "a", 0), text.find("id:"));
        assert_eq!(find_field(text, 0, text.len(), "points"), None);
    }
}
