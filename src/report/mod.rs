//! Reports: a finished evaluation as a PDF for the hiring committee, or as Markdown; the
//! debrief packet that puts a whole panel's evaluations together; the printable interview kit
//! of a plan.
//!
//! Everything here is a pure function of the evaluation and the options — no file I/O, no
//! egui — except [`system_fallback_fonts`], which looks for installed fonts and whose result
//! the caller passes back in through [`ReportOptions::fallback_fonts`].
//!
//! The pipeline is: [`content`] gathers what the report says, `compose` turns it into blocks
//! of rows, [`layout`] flows them onto pages ([`layout()`] returns that result, so tests can
//! check positions), and `draw` turns the pages into PDF operations with subset fonts.
//!
//! Text goes the way typesetters take it: each paragraph gets its bidi levels, is split into
//! runs by script and font and shaped run by run (`paragraph`, `shape`), broken into lines at
//! UAX #14 opportunities between glyph clusters, and each line is put in display order
//! (`wrap`). Drawing keeps what copying gives back the typed text (`draw_text`).

mod committee;
mod compose;
pub mod content;
mod draw;
mod draw_text;
pub mod fonts;
pub mod format;
mod inline;
mod kit;
pub mod layout;
mod markdown;
mod pack_markdown;
mod packet;
mod packet_markdown;
mod paragraph;
mod shape;
pub mod style;
mod system_fonts;
mod wrap;

use std::collections::BTreeSet;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::domain::Evaluation;

pub use committee::{Rendered, debrief_file, kit_file};
pub use draw::PdfError;
pub use fonts::{FallbackFont, FontError};
pub use kit::{kit_layout, kit_pdf};
pub use layout::{Item, Layout, Page, Paper, TextLine};
pub use pack_markdown::pack_to_markdown;
pub use packet::{debrief_layout, debrief_missing_characters, debrief_pdf};
pub use packet_markdown::debrief_markdown;
pub use system_fonts::{HanVariant, system_fallback_fonts, system_fallback_fonts_for};

/// The file formats an evaluation can be exported in, shared by the command line and the
/// window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExportFormat {
    /// A PDF for the hiring committee.
    #[default]
    Pdf,
    /// Markdown with the same content, for pasting into an applicant tracking system.
    Markdown,
    /// The evaluation itself without the private notes, for the debrief: its seal still
    /// verifies. (Written by `storage`, not by this module.)
    Shared,
}

impl ExportFormat {
    /// Every format, in the order offered.
    pub const ALL: [ExportFormat; 3] = [
        ExportFormat::Pdf,
        ExportFormat::Markdown,
        ExportFormat::Shared,
    ];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "pdf",
            ExportFormat::Markdown => "md",
            ExportFormat::Shared => "ron",
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "PDF",
            ExportFormat::Markdown => "Markdown",
            ExportFormat::Shared => "Shared file for the debrief",
        }
    }

    /// Whether the format can carry the private notes (the shared file never does).
    pub fn can_include_private_notes(self) -> bool {
        self != ExportFormat::Shared
    }
}

/// What goes into a report and how the PDF is set. Markdown uses the content fields only.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    /// Paper size of the PDF (A4 unless set).
    pub paper: Paper,
    /// Whether to include the interviewer's private notes (off by default: they are for the
    /// interviewer, not the committee).
    pub include_private_notes: bool,
    /// Whether to print, for each rated question, the rubric anchor of the chosen level (on by
    /// default: it tells readers what the rating means for that question).
    pub include_rubric_anchor: bool,
    /// Time zone dates are shown in (UTC unless set; the CLI passes the system's zone).
    pub time_zone: TimeZone,
    /// Creation date written into the PDF's metadata. `None` takes the evaluation's
    /// submission time (else its end or start), so the same evaluation always gives the same
    /// file.
    pub created_at: Option<Timestamp>,
    /// Fonts for characters the bundled faces lack, tried in order; see
    /// [`system_fallback_fonts`]. Empty by default.
    pub fallback_fonts: Vec<FallbackFont>,
    /// The language of the notes, as a tag such as `ja` or `zh-TW`, when known: it decides
    /// which regional forms Han characters are shaped in. `None` (the default) goes by the
    /// text: Japanese when it has kana, Korean when it has hangul, else Simplified Chinese.
    pub language: Option<String>,
}

impl ReportOptions {
    /// Options for a file made now on `paper`, dated in the system's time zone: what the
    /// window and the command line use (tests pass fixed dates instead).
    pub fn now(paper: Paper) -> Self {
        Self {
            paper,
            time_zone: TimeZone::system(),
            created_at: Some(Timestamp::now()),
            ..Self::default()
        }
    }
}

impl Default for ReportOptions {
    fn default() -> Self {
        Self {
            paper: Paper::A4,
            include_private_notes: false,
            include_rubric_anchor: true,
            time_zone: TimeZone::UTC,
            created_at: None,
            fallback_fonts: Vec::new(),
            language: None,
        }
    }
}

/// A finished PDF.
#[derive(Clone, Debug)]
pub struct PdfOutput {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Characters no available font could draw; they appear as empty boxes in the PDF, the
    /// footer of each page that has some says how many, and copying gives back the typed
    /// characters where the reader honours `/ActualText`.
    pub missing_characters: Vec<char>,
}

impl PdfOutput {
    /// Draws `layout` with `fonts` into a PDF carrying `meta`.
    fn render(
        layout: &Layout,
        fonts: &fonts::Fonts<'_>,
        meta: &draw::Metadata<'_>,
    ) -> Result<Self, ReportError> {
        Ok(Self {
            bytes: draw::render(layout, fonts, meta)?,
            pages: layout.pages.len(),
            missing_characters: layout.missing_characters.iter().copied().collect(),
        })
    }
}

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A font could not be read or embedded.
    #[error("font problem: {0}")]
    Font(#[from] FontError),
    /// The PDF could not be written.
    #[error("cannot write the PDF: {0}")]
    Pdf(#[from] PdfError),
}

/// Lays out `evaluation` into pages without producing PDF bytes, for inspection.
pub fn layout(evaluation: &Evaluation, options: &ReportOptions) -> Result<Layout, ReportError> {
    let mut fonts = fonts_for(evaluation, options)?;
    Ok(lay_out(evaluation, options, &mut fonts))
}

/// The faces of an export, with Han shaped in the variant the options or the text call for.
fn fonts_for<'o>(
    evaluation: &Evaluation,
    options: &'o ReportOptions,
) -> Result<fonts::Fonts<'o>, FontError> {
    let texts: Vec<&str> = evaluation_texts(evaluation).collect();
    fonts_for_texts(&texts, options)
}

/// The faces of a document whose free text is `texts`, with Han shaped in the variant the
/// options or the text call for.
fn fonts_for_texts<'o>(
    texts: &[&str],
    options: &'o ReportOptions,
) -> Result<fonts::Fonts<'o>, FontError> {
    let mut fonts = fonts::Fonts::new(&options.fallback_fonts)?;
    let has_han = |text: &&str| {
        text.chars()
            .any(|c| unicode_script::UnicodeScript::script(&c) == unicode_script::Script::Han)
    };
    if texts.iter().any(has_han) {
        let characters: BTreeSet<char> = texts.iter().flat_map(|t| t.chars()).collect();
        let variant = HanVariant::for_text(&characters, options.language.as_deref());
        fonts.han = variant.language_tag().parse().ok();
    }
    Ok(fonts)
}

/// The laid-out document of `pages`, with what the fonts found missing.
fn finished(pages: Vec<Page>, frame: layout::Frame, fonts: &fonts::Fonts<'_>) -> Layout {
    Layout {
        width: frame.width,
        height: frame.height,
        margin: style::MARGIN,
        body_bottom: frame.bottom,
        pages,
        missing_characters: fonts.missing().clone(),
        fonts: fonts
            .faces()
            .iter()
            .map(|face| face.family.clone())
            .collect(),
    }
}

/// The free text of an evaluation: where scripts other than Latin come from.
fn evaluation_texts(evaluation: &Evaluation) -> impl Iterator<Item = &str> {
    [
        evaluation.candidate.as_str(),
        &evaluation.summary,
        &evaluation.general_notes,
    ]
    .into_iter()
    .chain(
        evaluation
            .answers
            .iter()
            .flat_map(|answer| [answer.notes.as_str(), &answer.question.prompt]),
    )
}

/// Renders `evaluation` as a PDF.
pub fn pdf(evaluation: &Evaluation, options: &ReportOptions) -> Result<PdfOutput, ReportError> {
    let mut fonts = fonts_for(evaluation, options)?;
    let layout = lay_out(evaluation, options, &mut fonts);
    let created = options
        .created_at
        .or(evaluation.submitted_at)
        .or(evaluation.ended_at)
        .or(evaluation.started_at)
        .unwrap_or(Timestamp::UNIX_EPOCH);
    let subject = if evaluation.role.trim().is_empty() {
        format!("Interview evaluation of {}", evaluation.candidate.trim())
    } else {
        format!(
            "Interview evaluation of {} for {}",
            evaluation.candidate.trim(),
            evaluation.role.trim()
        )
    };
    let title = format!("{} – {}", content::TITLE, evaluation.candidate.trim());
    let meta = draw::Metadata {
        title: &title,
        author: evaluation.interviewer.trim(),
        subject: &subject,
        created,
    };
    PdfOutput::render(&layout, &fonts, &meta)
}

/// Renders `evaluation` as Markdown with the same content as the PDF.
pub fn markdown(evaluation: &Evaluation, options: &ReportOptions) -> String {
    markdown::render(&content::Report::new(evaluation, options))
}

/// The characters of the report that neither the bundled font nor `options.fallback_fonts`
/// can draw: the ones to look for with [`system_fallback_fonts`].
pub fn missing_characters(
    evaluation: &Evaluation,
    options: &ReportOptions,
) -> Result<BTreeSet<char>, ReportError> {
    Ok(layout(evaluation, options)?.missing_characters)
}

fn lay_out(
    evaluation: &Evaluation,
    options: &ReportOptions,
    fonts: &mut fonts::Fonts<'_>,
) -> Layout {
    let report = content::Report::new(evaluation, options);
    let frame = layout::Frame::new(options.paper);
    let blocks = compose::compose(&report, fonts, frame);
    let mut pages = layout::paginate(&blocks, frame);
    let seal = &report.seal;
    let suffix = |index: usize, total: usize| content::footer_suffix(seal, index + 1, total);
    compose::footers(&mut pages, &report.candidate, &suffix, fonts, frame);
    finished(pages, frame, fonts)
}
