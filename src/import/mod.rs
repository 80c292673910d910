//! Import: interview questions kept in documents (Markdown files, wiki pages, text pasted from a
//! web page) → a question pack, without retyping.
//!
//! Pure functions of the document's text: no file I/O, no egui. Both readers produce the same
//! draft (questions made of labelled sections), and one set of rules fills the fields from it,
//! so Markdown and plain text behave alike:
//!
//! - `markdown` + `outline`: Markdown read with pulldown-cmark; questions are headings or
//!   numbered items, parts are sub-headings, bold labels or "Label:" paragraphs.
//! - `text`: plain text; questions are numbered lines, page furniture around them is left out.
//! - `build`: the fields, reading values with `fields` and turning rubric text into anchored
//!   levels with `rubric`.
//!
//! The importer never loses a question's text: what fits no field is kept in the question's
//! `guidance` under its label, and every such decision (and any text outside the questions that
//! was left out) is reported as an [`ImportWarning`]. The returned pack always passes
//! `domain::validate::validate_pack`; a document without questions gives an empty pack and a
//! warning, and the caller decides what to do with it.

mod build;
mod draft;
mod fields;
mod fill;
mod fit;
mod front;
mod furniture;
mod html;
mod labels;
mod markdown;
mod outline;
mod paragraphs;
mod place;
mod plan;
mod quiz;
mod rubric;
mod shapes;
mod table;
mod tally;
mod text;
mod warning;
mod words;

pub use build::DEFAULT_MINUTES;
pub use tally::Tally;
pub use warning::{ImportWarning, WarningKind};

use crate::domain::{CompetencyVocabulary, QuestionPack};

/// Choices that override what the document says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The pack's id. Without it: an "Id:" in the document, else the title made into a slug.
    /// Made into a valid slug if it is not one (with a warning).
    pub id: Option<String>,
    /// The pack's title. Without it: the document's first heading, else the file name, else
    /// "Imported questions".
    pub title: Option<String>,
    /// The shared competency names: a competency (or category) of the document that the
    /// vocabulary knows is written with the vocabulary's name, and a warning lists each one.
    /// Without it competencies are kept as written.
    pub vocabulary: Option<CompetencyVocabulary>,
}

/// The pack made from a document and what could not be taken over exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The pack; valid, possibly without questions.
    pub pack: QuestionPack,
    /// Everything left out, kept in guidance or changed, in document order.
    pub warnings: Vec<ImportWarning>,
}

impl Imported {
    /// What was found, in numbers, for the CLI and the import preview.
    pub fn tally(&self) -> Tally {
        Tally::of(self)
    }
}

/// Title of a pack when neither the options, the document nor a file name gives one.
const UNTITLED: &str = "Imported questions";

/// The kinds of document the importer reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentFormat {
    /// CommonMark Markdown, with GitHub-style tables.
    Markdown,
    /// Plain text, such as text copied from a web page.
    Text,
}

impl DocumentFormat {
    /// The format told by a file name's extension: `.md` and `.markdown` are Markdown,
    /// anything else is plain text.
    pub fn for_file_name(file_name: &str) -> Self {
        let extension = std::path::Path::new(file_name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if extension == "md" || extension == "markdown" {
            DocumentFormat::Markdown
        } else {
            DocumentFormat::Text
        }
    }
}

/// Imports a Markdown document.
pub fn from_markdown(text: &str, options: &ImportOptions) -> Imported {
    markdown_with_fallback(text, options, UNTITLED)
}

/// Imports plain text, such as a page copied from a browser.
pub fn from_text(text: &str, options: &ImportOptions) -> Imported {
    text_with_fallback(text, options, UNTITLED)
}

/// Imports a document read from `file_name`, choosing the reader by its extension (see
/// [`DocumentFormat::for_file_name`]); the file name also titles the pack when nothing else
/// does.
pub fn from_document(file_name: &str, text: &str, options: &ImportOptions) -> Imported {
    let fallback = title_from_file_name(file_name);
    match DocumentFormat::for_file_name(file_name) {
        DocumentFormat::Markdown => markdown_with_fallback(text, options, &fallback),
        DocumentFormat::Text => text_with_fallback(text, options, &fallback),
    }
}

fn markdown_with_fallback(text: &str, options: &ImportOptions, fallback: &str) -> Imported {
    let text = without_byte_order_mark(text);
    let document = markdown::read(text);
    let mut draft = draft::Draft::default();
    if let Some(front) = &document.front_matter {
        let fields = front::read(front);
        draft.front_title = fields.title;
        draft.front_description = fields.description;
        draft.front_tags = fields.tags;
        draft.warnings.extend(fields.warning);
    }
    let draft = outline::outline(document.leaves, draft);
    build::build(draft, options, fallback)
}

fn text_with_fallback(text: &str, options: &ImportOptions, fallback: &str) -> Imported {
    let text = without_byte_order_mark(text);
    build::build(text::draft(text), options, fallback)
}

/// Editors on Windows often start UTF-8 files with a byte order mark; it is not text.
fn without_byte_order_mark(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// "backend_questions-2024.md" → "Backend questions 2024".
fn title_from_file_name(file_name: &str) -> String {
    let stem = std::path::Path::new(file_name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    let words: Vec<&str> = stem
        .split(['-', '_', ' ', '.'])
        .filter(|w| !w.is_empty())
        .collect();
    let mut title = words.join(" ");
    if let Some(first) = title.chars().next() {
        let upper: String = first.to_uppercase().collect();
        title.replace_range(..first.len_utf8(), &upper);
    }
    if title.is_empty() {
        UNTITLED.to_owned()
    } else {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_and_title_from_the_file_name() {
        assert_eq!(
            DocumentFormat::for_file_name("a/b/Questions.MD"),
            DocumentFormat::Markdown
        );
        assert_eq!(
            DocumentFormat::for_file_name("page.txt"),
            DocumentFormat::Text
        );
        assert_eq!(
            DocumentFormat::for_file_name("README"),
            DocumentFormat::Text
        );
        assert_eq!(
            title_from_file_name("dir/backend_questions-2024.md"),
            "Backend questions 2024"
        );
        assert_eq!(title_from_file_name(".md"), "Md");
        assert_eq!(title_from_file_name(""), UNTITLED);
    }
}
