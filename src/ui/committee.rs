//! The committee's files from the window: the debrief packet from the evaluations chosen on
//! Home (or dropped on the window), and the interview kit of the plan being built. Both are
//! made on a background thread, as evaluation exports are, so the window never waits.

use std::path::{Path, PathBuf};

use crate::domain::debrief::{self, Debrief};
use crate::domain::{Evaluation, InterviewPlan, ResolvedEntry};
use crate::report::{self, ExportFormat, Paper, Rendered, ReportOptions};
use crate::storage::{self, Visibility};

/// What a committee job produced.
#[derive(Debug)]
pub struct CommitteeReport {
    /// "Debrief packet" or "Interview kit", to say what was written.
    pub what: &'static str,
    /// Where the file was (or was to be) written.
    pub path: PathBuf,
    /// The pages of a PDF (`None` for Markdown), or why nothing was written.
    pub result: Result<Option<usize>, String>,
    /// What the committee should know about the files combined (drafts, broken seals, …).
    pub warnings: Vec<String>,
    /// Characters no font could draw.
    pub missing_characters: Vec<char>,
}

/// A debrief packet or kit being made.
pub type RunningCommittee = super::background::Background<CommitteeReport>;

/// Reads `files`, combines them and writes the packet to `target` (readable by the owner
/// only, like the evaluations it carries). Never includes private notes: the packet's
/// sections leave them out whatever the files hold.
pub fn make_debrief(
    files: &[PathBuf],
    target: PathBuf,
    format: ExportFormat,
    paper: Paper,
) -> CommitteeReport {
    let mut report = CommitteeReport {
        what: "Debrief packet",
        path: target,
        result: Ok(None),
        warnings: Vec::new(),
        missing_characters: Vec::new(),
    };
    let debrief = match assemble(files) {
        Ok(debrief) => debrief,
        Err(error) => {
            report.result = Err(error);
            return report;
        }
    };
    let options = ReportOptions::now(paper);
    report.warnings = debrief
        .warnings
        .iter()
        .map(|warning| warning.describe(&options.time_zone))
        .collect();
    let rendered = report::debrief_file(&debrief, options, format);
    finish(report, rendered, Visibility::Private)
}

fn assemble(files: &[PathBuf]) -> Result<Debrief, String> {
    let mut evaluations = Vec::with_capacity(files.len());
    for (path, label) in files.iter().zip(debrief::file_labels(files)) {
        let evaluation = storage::load::<Evaluation>(path).map_err(|error| error.to_string())?;
        evaluations.push((label, evaluation));
    }
    debrief::assemble(evaluations).map_err(|error| super::widgets::sentence(&error.to_string()))
}

/// Writes the kit of `plan` (its questions resolved to `entries`) to `target`.
pub fn make_kit(
    plan: &InterviewPlan,
    entries: &[ResolvedEntry],
    target: PathBuf,
    paper: Paper,
) -> CommitteeReport {
    let report = CommitteeReport {
        what: "Interview kit",
        path: target,
        result: Ok(None),
        warnings: Vec::new(),
        missing_characters: Vec::new(),
    };
    let rendered = report::kit_file(plan, entries, ReportOptions::now(paper));
    finish(report, rendered, Visibility::Shared)
}

fn finish(
    mut report: CommitteeReport,
    rendered: Result<Rendered, report::ReportError>,
    visibility: Visibility,
) -> CommitteeReport {
    report.result = match rendered {
        Ok(rendered) => {
            report.missing_characters = rendered.missing_characters;
            storage::write_atomic(&report.path, &rendered.bytes, visibility)
                .map(|()| rendered.pages)
                .map_err(|error| format!("{}: could not write: {error}", report.path.display()))
        }
        Err(error) => Err(error.to_string()),
    };
    report
}

/// The notice text for a finished job.
pub fn describe(report: &CommitteeReport) -> Result<String, String> {
    let pages = match &report.result {
        Ok(Some(1)) => " (1 page)".to_owned(),
        Ok(Some(pages)) => format!(" ({pages} pages)"),
        Ok(None) => String::new(),
        Err(error) => return Err(format!("{} not written: {error}", report.what)),
    };
    let mut text = format!(
        "{} written: {}{pages}.",
        report.what,
        file_name(&report.path)
    );
    for warning in &report.warnings {
        text.push_str(&format!("\n• {warning}"));
    }
    if !report.missing_characters.is_empty() {
        let list: String = report.missing_characters.iter().collect();
        text.push_str(&format!(
            "\nNo installed font can draw these characters, so they show as boxes: {list}"
        ));
    }
    Ok(text)
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// A suggested name for the packet of `candidate`, e.g. `Debrief - Jane Doe.pdf`.
pub fn debrief_file_name(candidate: &str, format: ExportFormat) -> String {
    super::export::safe_file_name(
        &format!("Debrief - {}", candidate.trim()),
        format.extension(),
    )
}

/// A suggested name for the kit of `plan`, e.g. `Kit - Backend loop.pdf`.
pub fn kit_file_name(plan: &InterviewPlan) -> String {
    let title = if plan.title.trim().is_empty() {
        "plan"
    } else {
        plan.title.trim()
    };
    super::export::safe_file_name(&format!("Kit - {title}"), "pdf")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_names_are_safe() {
        assert_eq!(
            debrief_file_name(" Ana / Li ", ExportFormat::Markdown),
            "Debrief - Ana _ Li.md"
        );
        let mut plan = InterviewPlan::new("Backend: loop", "");
        assert_eq!(kit_file_name(&plan), "Kit - Backend_ loop.pdf");
        plan.title = " ".into();
        assert_eq!(kit_file_name(&plan), "Kit - plan.pdf");
    }
}
