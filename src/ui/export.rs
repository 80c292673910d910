//! Exporting an evaluation as a PDF from the window, on a background thread so the window
//! never waits for it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::thread;

use eframe::egui;

use crate::domain::Evaluation;
use crate::report::{self, Paper, ReportOptions};
use crate::storage::{Visibility, write_atomic};

/// A suggested file name, e.g. `2026-11-28 Jane Doe - Backend Engineer.pdf`, with characters
/// that file systems reject replaced.
pub fn suggested_file_name(evaluation: &Evaluation) -> String {
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
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{}.pdf", cleaned.trim())
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

/// What an export produced.
#[derive(Debug)]
pub struct ExportReport {
    /// Where the PDF was written.
    pub path: PathBuf,
    /// Pages written, or the error.
    pub result: Result<usize, String>,
    /// Characters no font could draw.
    pub missing_characters: Vec<char>,
}

/// An export under way.
pub struct RunningExport {
    receiver: Receiver<ExportReport>,
}

impl RunningExport {
    /// Starts exporting `evaluation` to `path` on a background thread.
    pub fn start(
        ctx: &egui::Context,
        evaluation: Evaluation,
        path: PathBuf,
        paper: Paper,
        include_private_notes: bool,
    ) -> std::io::Result<Self> {
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        thread::Builder::new()
            .name("onsite-export".into())
            .spawn(move || {
                let report = export(&evaluation, path, paper, include_private_notes);
                // The window may have closed meanwhile; then nobody is waiting.
                let _ = sender.send(report);
                ctx.request_repaint();
            })?;
        Ok(Self { receiver })
    }

    /// The result, once the export has finished.
    pub fn poll(&self) -> Option<ExportReport> {
        self.receiver.try_recv().ok()
    }
}

fn export(
    evaluation: &Evaluation,
    path: PathBuf,
    paper: Paper,
    include_private_notes: bool,
) -> ExportReport {
    let mut options = ReportOptions {
        paper,
        include_private_notes,
        time_zone: jiff::tz::TimeZone::system(),
        created_at: Some(jiff::Timestamp::now()),
        ..ReportOptions::default()
    };
    let made = report::missing_characters(evaluation, &options).and_then(|missing| {
        if !missing.is_empty() {
            options.fallback_fonts = report::system_fallback_fonts(&missing);
        }
        report::pdf(evaluation, &options)
    });
    match made {
        Ok(pdf) => {
            let result = write_atomic(&path, &pdf.bytes, Visibility::Private)
                .map(|()| pdf.pages)
                .map_err(|error| format!("{}: could not write: {error}", path.display()));
            ExportReport {
                path,
                result,
                missing_characters: pdf.missing_characters,
            }
        }
        Err(error) => ExportReport {
            path,
            result: Err(error.to_string()),
            missing_characters: Vec::new(),
        },
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
        let mut evaluation = Evaluation::new("Jane Doe", "Backend Engineer");
        assert_eq!(
            suggested_file_name(&evaluation),
            "Jane Doe - Backend Engineer.pdf"
        );
        evaluation.candidate = "A/B: \"C\"".into();
        evaluation.role = String::new();
        assert_eq!(suggested_file_name(&evaluation), "A_B_ _C_.pdf");
        evaluation.started_at = Some(jiff::Timestamp::from_second(1_790_000_000).unwrap());
        assert!(suggested_file_name(&evaluation).starts_with("2026-09-2"));
    }
}
