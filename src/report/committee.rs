//! The committee's files in one call each, for the command line and the window alike: the
//! debrief packet in either format and the interview kit, with fonts found for every
//! character the installed ones can draw.

use super::{
    ExportFormat, PdfOutput, ReportError, ReportOptions, debrief_markdown,
    debrief_missing_characters, debrief_pdf, kit_layout, kit_pdf, system_fallback_fonts,
};
use crate::domain::debrief::Debrief;
use crate::domain::{InterviewPlan, ResolvedEntry};

/// A finished file: its bytes, its page count (a PDF), and characters no font could draw.
#[derive(Debug)]
pub struct Rendered {
    /// The file.
    pub bytes: Vec<u8>,
    /// Pages of a PDF; `None` for Markdown.
    pub pages: Option<usize>,
    /// Characters drawn as empty boxes (see [`PdfOutput::missing_characters`]).
    pub missing_characters: Vec<char>,
}

impl From<PdfOutput> for Rendered {
    fn from(pdf: PdfOutput) -> Self {
        Self {
            bytes: pdf.bytes,
            pages: Some(pdf.pages),
            missing_characters: pdf.missing_characters,
        }
    }
}

/// The debrief packet as a PDF or Markdown (a shared evaluation is not a packet format: it
/// gives the PDF). System fonts are looked up only when the bundled ones lack a character.
pub fn debrief_file(
    debrief: &Debrief,
    mut options: ReportOptions,
    format: ExportFormat,
) -> Result<Rendered, ReportError> {
    if format == ExportFormat::Markdown {
        return Ok(Rendered {
            bytes: debrief_markdown(debrief, &options).into_bytes(),
            pages: None,
            missing_characters: Vec::new(),
        });
    }
    let missing = debrief_missing_characters(debrief, &options)?;
    if !missing.is_empty() {
        options.fallback_fonts = system_fallback_fonts(&missing);
    }
    debrief_pdf(debrief, &options).map(Rendered::from)
}

/// The interview kit of `plan`, whose questions resolve to `entries`, as a PDF.
pub fn kit_file(
    plan: &InterviewPlan,
    entries: &[ResolvedEntry],
    mut options: ReportOptions,
) -> Result<Rendered, ReportError> {
    let missing = kit_layout(plan, entries, &options)?.missing_characters;
    if !missing.is_empty() {
        options.fallback_fonts = system_fallback_fonts(&missing);
    }
    kit_pdf(plan, entries, &options).map(Rendered::from)
}
