//! Exporting an evaluation as a PDF from the window, on a background thread so the window
//! never waits for it.

use std::path::{Path, PathBuf};

use eframe::egui;

use crate::domain::Evaluation;
use crate::report::{self, ExportFormat, Paper, ReportOptions};
use crate::storage::{Visibility, write_atomic};

/// A suggested file name, e.g. `2026-11-28 Jane Doe - Backend Engineer.pdf`, with characters
/// that file systems reject replaced.
pub fn suggested_file_name(evaluation: &Evaluation, format: ExportFormat) -> String {
    let date = evaluation
        .started_at
        .map(|at| {
            at.to_zoned(jiff::tz::TimeZone::system())
                .strftime("%Y-%m-%d ")
                .to_string()
        })
        .unwrap_or_default();
    let mut name = format!("{date}{}", evaluation.candidate.trim());
    if !evaluation.role.trim().is_empty() {
        name.push_str(" - ");
        name.push_str(evaluation.role.trim());
    }
    safe_file_name(&name, format.extension())
}

/// `stem.extension`, with the characters file systems reject (and control characters) made `_`.
pub fn safe_file_name(stem: &str, extension: &str) -> String {
    let cleaned: String = stem
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{}.{extension}", cleaned.trim())
}

/// `path` with its extension changed to `format`'s, when it had another format's (so switching
/// the format in the dialog does not leave a `.pdf` name on a Markdown file).
pub fn with_extension_for(path: &str, format: ExportFormat) -> String {
    let known = ExportFormat::ALL
        .iter()
        .find(|other| path.ends_with(&format!(".{}", other.extension())));
    match known {
        Some(other) if *other != format => format!(
            "{}.{}",
            &path[..path.len() - other.extension().len() - 1],
            format.extension()
        ),
        _ => path.to_owned(),
    }
}

/// The folder new exports are suggested in: Documents, else home, else the current folder.
pub fn default_folder() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|dirs| {
            dirs.document_dir()
                .map(Path::to_owned)
                .or_else(|| Some(dirs.home_dir().to_owned()))
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

/// What to export, where and how.
pub struct ExportRequest {
    /// The evaluation's file, so a failed export can be asked again.
    pub source: PathBuf,
    /// The evaluation, as it is now.
    pub evaluation: Evaluation,
    /// Where to write the file.
    pub path: PathBuf,
    /// PDF or Markdown.
    pub format: ExportFormat,
    /// Paper size of a PDF.
    pub paper: Paper,
    /// Whether the interviewer asked for their private notes to be included.
    pub include_private_notes: bool,
}

/// What an export produced.
#[derive(Debug)]
pub struct ExportReport {
    /// The evaluation's file.
    pub source: PathBuf,
    /// Where the file was written.
    pub path: PathBuf,
    /// The format written.
    pub format: ExportFormat,
    /// The paper size asked for.
    pub paper: Paper,
    /// Whether private notes were asked for.
    pub include_private_notes: bool,
    /// The number of pages of a PDF (`None` for Markdown), or why the export failed.
    pub result: Result<Option<usize>, String>,
    /// Characters no font could draw.
    pub missing_characters: Vec<char>,
}

/// An export under way.
pub type RunningExport = super::background::Background<ExportReport>;

/// Starts an export on a background thread.
pub fn start_export(ctx: &egui::Context, request: ExportRequest) -> std::io::Result<RunningExport> {
    RunningExport::start(ctx, "onsite-export", move || export(request))
}

fn export(request: ExportRequest) -> ExportReport {
    let ExportRequest {
        source,
        evaluation,
        path,
        format,
        paper,
        include_private_notes,
    } = request;
    let report = |path, result, missing_characters| ExportReport {
        source,
        path,
        format,
        paper,
        include_private_notes,
        result,
        missing_characters,
    };
    let mut options = ReportOptions {
        include_private_notes,
        ..ReportOptions::now(paper)
    };
    let made = match format {
        ExportFormat::Shared => {
            // The shared file is the evaluation itself, never with the private notes.
            let result =
                crate::storage::save(&path, &evaluation.shared_copy(), Visibility::Private)
                    .map(|()| None)
                    .map_err(|error| error.to_string());
            return report(path, result, Vec::new());
        }
        ExportFormat::Markdown => Ok((
            report::markdown(&evaluation, &options).into_bytes(),
            None,
            Vec::new(),
        )),
        ExportFormat::Pdf => report::missing_characters(&evaluation, &options)
            .and_then(|missing| {
                if !missing.is_empty() {
                    options.fallback_fonts = report::system_fallback_fonts(&missing);
                }
                report::pdf(&evaluation, &options)
            })
            .map(|pdf| (pdf.bytes, Some(pdf.pages), pdf.missing_characters)),
    };
    match made {
        Ok((bytes, pages, missing_characters)) => {
            let result = write_atomic(&path, &bytes, Visibility::Private)
                .map(|()| pages)
                .map_err(|error| format!("{}: could not write: {error}", path.display()));
            report(path, result, missing_characters)
        }
        Err(error) => report(path, Err(error.to_string()), Vec::new()),
    }
}

/// Opens `path` with the system's default viewer.
pub fn open_with_system(path: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "macos")]
    let mut command = std::process::Command::new("open");
    #[cfg(target_os = "windows")]
    let mut command = {
        let mut command = std::process::Command::new("cmd");
        command.args(["/C", "start", ""]);
        command
    };
    #[cfg(not(any(target_os = "macos", target_os = "windows")))]
    let mut command = std::process::Command::new("xdg-open");
    command.arg(path).spawn().map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_readable_and_safe() {
        let pdf = ExportFormat::Pdf;
        let mut evaluation = Evaluation::new("Jane Doe", "Backend Engineer");
        assert_eq!(
            suggested_file_name(&evaluation, pdf),
            "Jane Doe - Backend Engineer.pdf"
        );
        assert_eq!(
            suggested_file_name(&evaluation, ExportFormat::Markdown),
            "Jane Doe - Backend Engineer.md"
        );
        evaluation.candidate = "A/B: \"C\"".into();
        evaluation.role = String::new();
        assert_eq!(suggested_file_name(&evaluation, pdf), "A_B_ _C_.pdf");
        evaluation.started_at = Some(jiff::Timestamp::from_second(1_790_000_000).unwrap());
        assert!(suggested_file_name(&evaluation, pdf).starts_with("2026-09-2"));
    }

    #[test]
    fn switching_the_format_switches_a_known_extension_only() {
        assert_eq!(
            with_extension_for("/tmp/a.pdf", ExportFormat::Markdown),
            "/tmp/a.md"
        );
        assert_eq!(
            with_extension_for("/tmp/a.md", ExportFormat::Pdf),
            "/tmp/a.pdf"
        );
        assert_eq!(
            with_extension_for("/tmp/report", ExportFormat::Pdf),
            "/tmp/report"
        );
    }
}
