//! The debrief packet: a [`Debrief`] as one PDF (or Markdown) for the hiring committee.
//!
//! The packet's own pages come first (who said what, the competency grid, gaps, side by side,
//! summaries); then each evaluation in full, set by the same composer as its own export, each
//! starting on a new page. All of it shares one set of fonts, so text the evaluations have in
//! common (prompts, key points, rubric anchors, labels) is shaped once.
//!
//! Marks follow the content: when any evaluation is a draft, every page says so; a page that
//! shows the ratings of an interviewer whose seal is broken says that too.

use std::collections::BTreeSet;

use jiff::Timestamp;

use super::compose::{self, PageMark};
use super::layout::{self, Frame, Layout};
use super::style as s;
use super::{PdfOutput, ReportError, ReportOptions, content, draw, fonts};
use crate::domain::{Debrief, Panelist};

/// Lays out the packet without producing PDF bytes, for inspection.
pub fn debrief_layout(debrief: &Debrief, options: &ReportOptions) -> Result<Layout, ReportError> {
    let mut fonts = packet_fonts(debrief, options)?;
    Ok(lay_out(debrief, options, &mut fonts))
}

/// The characters of the packet no available font can draw: the ones to look for with
/// [`super::system_fallback_fonts`].
pub fn debrief_missing_characters(
    debrief: &Debrief,
    options: &ReportOptions,
) -> Result<BTreeSet<char>, ReportError> {
    Ok(debrief_layout(debrief, options)?.missing_characters)
}

/// Renders the debrief packet as a PDF.
pub fn debrief_pdf(debrief: &Debrief, options: &ReportOptions) -> Result<PdfOutput, ReportError> {
    let mut fonts = packet_fonts(debrief, options)?;
    let layout = lay_out(debrief, options, &mut fonts);
    let evaluations = || debrief.panelists.iter().map(|p| &p.evaluation);
    let created = options
        .created_at
        .or_else(|| evaluations().filter_map(|e| e.submitted_at).max())
        .or(debrief.last)
        .or(debrief.first)
        .unwrap_or(Timestamp::UNIX_EPOCH);
    let candidate = debrief.candidate.trim();
    let subject = if debrief.role.is_empty() {
        format!("Debrief packet for {candidate}")
    } else {
        format!("Debrief packet for {candidate} for {}", debrief.role)
    };
    let title = format!("{} – {candidate}", compose::PACKET_TITLE);
    let author: Vec<&str> = debrief.panelists.iter().map(|p| p.name.as_str()).collect();
    let author = author.join(", ");
    let meta = draw::Metadata {
        title: &title,
        author: &author,
        subject: &subject,
        created,
    };
    PdfOutput::render(&layout, &fonts, &meta)
}

/// The options each evaluation in the packet is set with: the packet's, and never the private
/// notes (which the shared copies no longer hold either).
fn evaluation_options(options: &ReportOptions) -> ReportOptions {
    ReportOptions {
        paper: options.paper,
        include_private_notes: false,
        include_rubric_anchor: options.include_rubric_anchor,
        time_zone: options.time_zone.clone(),
        created_at: options.created_at,
        // The content does not depend on the fonts; the packet's fonts set all of it.
        fallback_fonts: Vec::new(),
        language: options.language.clone(),
    }
}

fn packet_fonts<'o>(
    debrief: &Debrief,
    options: &'o ReportOptions,
) -> Result<fonts::Fonts<'o>, ReportError> {
    let texts: Vec<&str> = debrief
        .panelists
        .iter()
        .flat_map(|p| super::evaluation_texts(&p.evaluation))
        .collect();
    Ok(super::fonts_for_texts(&texts, options)?)
}

fn lay_out(debrief: &Debrief, options: &ReportOptions, fonts: &mut fonts::Fonts<'_>) -> Layout {
    let frame = Frame::new(options.paper);
    let zone = &options.time_zone;
    let (blocks, tags) = compose::packet(debrief, zone, fonts, frame);
    let (mut pages, spans) = layout::paginate_spans(&blocks, frame);
    let mut shown: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); pages.len()];
    for (span, who) in spans.iter().zip(&tags) {
        for page in span.clone() {
            if let Some(set) = shown.get_mut(page) {
                set.extend(who);
            }
        }
    }
    let mut sections = vec![" · Debrief packet".to_owned(); pages.len()];

    let section_options = evaluation_options(options);
    for (index, panelist) in debrief.panelists.iter().enumerate() {
        let report = content::Report::new(&panelist.evaluation, &section_options);
        let blocks = compose::compose(&report, fonts, frame);
        let section = layout::paginate(&blocks, frame);
        let label = format!(" · {}’s evaluation, {}", panelist.label, report.seal);
        shown.extend(std::iter::repeat_n(BTreeSet::from([index]), section.len()));
        sections.extend(std::iter::repeat_n(label, section.len()));
        pages.extend(section);
    }

    let marks = marks(debrief, &shown);
    compose::page_marks(&mut pages, &marks, fonts, frame);
    let suffix = |index: usize, total: usize| {
        let section = sections.get(index).map_or("", String::as_str);
        format!("{section} · page {} of {total}", index + 1)
    };
    compose::footers(&mut pages, &debrief.candidate, &suffix, fonts, frame);
    super::finished(pages, frame, fonts)
}

/// Each page's marks: a draft mark on every page when any evaluation is a draft, and a
/// broken-seal mark naming the interviewers whose ratings the page shows.
fn marks(debrief: &Debrief, shown: &[BTreeSet<usize>]) -> Vec<Vec<PageMark>> {
    let drafts: Vec<&Panelist> = debrief.panelists.iter().filter(|p| p.draft).collect();
    let draft = (!drafts.is_empty()).then(|| {
        let names: Vec<&str> = drafts.iter().map(|p| p.label.as_str()).collect();
        let text = match drafts.len() {
            1 => format!("Draft · not submitted: {}", names.join(", ")),
            n => format!(
                "Draft · {n} evaluations not submitted: {}",
                names.join(", ")
            ),
        };
        PageMark {
            text,
            colour: s::SECONDARY,
        }
    });
    shown
        .iter()
        .map(|who| {
            let mut marks: Vec<PageMark> = draft.iter().cloned().collect();
            let broken: Vec<&str> = who
                .iter()
                .filter_map(|&i| debrief.panelists.get(i))
                .filter(|p| p.seal_broken())
                .map(|p| p.label.as_str())
                .collect();
            if !broken.is_empty() {
                marks.push(PageMark {
                    text: format!(
                        "Seal broken · changed after submission: {}",
                        broken.join(", ")
                    ),
                    colour: s::ERROR,
                });
            }
            marks
        })
        .collect()
}
