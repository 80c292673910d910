//! The interview kit: a plan as a printable PDF, for preparing or for interviewing on paper,
//! in the evaluation PDF's visual language.
//!
//! The caller resolves the plan (with `InterviewPlan::resolve` over the packs it knows) and
//! passes the questions in; this stays a pure function of the data and the options.

use jiff::Timestamp;

use super::compose;
use super::layout::{self, Frame, Layout};
use super::{PdfOutput, ReportError, ReportOptions, draw, fonts};
use crate::domain::{InterviewPlan, ResolvedEntry};

/// Lays out the kit of `plan`, whose questions resolve to `entries`, without producing PDF
/// bytes.
pub fn kit_layout(
    plan: &InterviewPlan,
    entries: &[ResolvedEntry],
    options: &ReportOptions,
) -> Result<Layout, ReportError> {
    let mut fonts = kit_fonts(plan, entries, options)?;
    Ok(lay_out(plan, entries, options, &mut fonts))
}

/// Renders the kit of `plan`, whose questions resolve to `entries`, as a PDF.
pub fn kit_pdf(
    plan: &InterviewPlan,
    entries: &[ResolvedEntry],
    options: &ReportOptions,
) -> Result<PdfOutput, ReportError> {
    let mut fonts = kit_fonts(plan, entries, options)?;
    let layout = lay_out(plan, entries, options, &mut fonts);
    let title = format!("{} – {}", compose::KIT_TITLE, plan.title.trim());
    let subject = if plan.role.trim().is_empty() {
        format!("Interview kit for {}", plan.title.trim())
    } else {
        format!("Interview kit for {}", plan.role.trim())
    };
    let meta = draw::Metadata {
        title: &title,
        author: "",
        subject: &subject,
        created: options.created_at.unwrap_or(Timestamp::UNIX_EPOCH),
    };
    PdfOutput::render(&layout, &fonts, &meta)
}

/// The free text of a kit, for choosing how Han is shaped.
fn kit_texts<'a>(plan: &'a InterviewPlan, entries: &'a [ResolvedEntry]) -> Vec<&'a str> {
    let mut texts = vec![plan.title.as_str(), &plan.role, &plan.description];
    for entry in entries {
        let q = &entry.question;
        texts.extend([q.prompt.as_str(), &q.purpose, &q.guidance]);
        texts.extend(q.key_points.iter().map(String::as_str));
        texts.extend(q.follow_ups.iter().map(String::as_str));
        texts.extend(q.red_flags.iter().map(String::as_str));
        if let Some(rubric) = &q.rubric {
            texts.extend(rubric.levels.iter().map(|l| l.anchor.as_str()));
        }
    }
    texts
}

fn kit_fonts<'o>(
    plan: &InterviewPlan,
    entries: &[ResolvedEntry],
    options: &'o ReportOptions,
) -> Result<fonts::Fonts<'o>, ReportError> {
    Ok(super::fonts_for_texts(&kit_texts(plan, entries), options)?)
}

fn lay_out(
    plan: &InterviewPlan,
    entries: &[ResolvedEntry],
    options: &ReportOptions,
    fonts: &mut fonts::Fonts<'_>,
) -> Layout {
    let frame = Frame::new(options.paper);
    let sections = compose::kit(plan, entries, fonts, frame);
    let mut pages = Vec::new();
    for (index, blocks) in sections.iter().enumerate() {
        let mut section = layout::paginate(blocks, frame);
        // Question pages and the closing page give the rest of their last page to notes.
        if index > 0
            && let Some(page) = section.last_mut()
        {
            compose::fill_with_lines(page, frame);
        }
        pages.extend(section);
    }
    let name = if plan.title.trim().is_empty() {
        "Untitled plan".to_owned()
    } else {
        plan.title.trim().to_owned()
    };
    let suffix = |index: usize, total: usize| {
        format!(" · Onsite interview kit · page {} of {total}", index + 1)
    };
    compose::footers(&mut pages, &name, &suffix, fonts, frame);
    super::finished(pages, frame, fonts)
}
