//! The `onsite` command line: subcommands over the same library functions the window uses.
//!
//! Output goes to writers passed in, so tests can run a subcommand and read what it printed.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::domain::QuestionPack;
use crate::domain::validate::validate_plan;
use crate::storage::{AnyFile, Library, LoadError, PackOrigin, bundled_packs, format, load_any};

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "onsite",
    version,
    about = "Plan, run, score and export on-site interviews."
)]
pub struct Cli {
    /// What to do; without a subcommand the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the available question packs (bundled and in your library).
    Packs,
    /// Check packs, plans and evaluations; exits with an error if any file is bad.
    Validate {
        /// Files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

/// Runs a subcommand, printing results to `out` and problems to `err`.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitCode> {
    match command {
        Command::Packs => list_packs(out, err),
        Command::Validate { files } => validate(&files, out, err),
    }
}

/// The library, or `None` with a warning when it cannot be opened (bundled packs still work).
fn library(err: &mut dyn Write) -> anyhow::Result<Option<Library>> {
    match Library::open_default() {
        Ok(library) => Ok(Some(library)),
        Err(error) => {
            writeln!(err, "warning: cannot open the library folder: {error}")?;
            Ok(None)
        }
    }
}

fn list_packs(out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let loaded = match library(err)? {
        Some(library) => library.packs(),
        None => bundled_packs(),
    };
    let id_width = loaded
        .items
        .iter()
        .map(|e| e.pack.id.chars().count())
        .max()
        .unwrap_or(0)
        .max(2);
    let title_width = loaded
        .items
        .iter()
        .map(|e| e.pack.title.chars().count())
        .max()
        .unwrap_or(0)
        .max(5);
    writeln!(
        out,
        "{:id_width$}  {:title_width$}  {:>9}  SOURCE",
        "ID", "TITLE", "QUESTIONS"
    )?;
    for entry in &loaded.items {
        let source = match &entry.origin {
            PackOrigin::Bundled => "bundled".to_owned(),
            PackOrigin::User(path) => format!("user ({})", path.display()),
        };
        writeln!(
            out,
            "{:id_width$}  {:title_width$}  {:>9}  {source}",
            entry.pack.id,
            entry.pack.title,
            entry.pack.questions.len()
        )?;
    }
    for error in &loaded.errors {
        writeln!(err, "error: {error}")?;
    }
    Ok(if loaded.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn validate(
    files: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let results: Vec<_> = files.iter().map(|path| load_any(path)).collect();
    // Plans may point at any pack we know: the library's and those being validated alongside.
    let mut packs: Vec<QuestionPack> = results
        .iter()
        .filter_map(|result| match result {
            Ok(AnyFile::Pack(pack)) => Some(pack.clone()),
            _ => None,
        })
        .collect();
    let available = match library(err)? {
        Some(library) => library.packs(),
        None => bundled_packs(),
    };
    packs.extend(available.items.into_iter().map(|entry| entry.pack));

    let mut bad = 0;
    for (path, result) in files.iter().zip(results) {
        let checked = result.and_then(|file| match &file {
            AnyFile::Plan(plan) => {
                let problems = validate_plan(plan, Some(&packs));
                if problems.is_empty() {
                    Ok(file)
                } else {
                    let text = format::read_text(path)?;
                    Err(format::invalid(path, &text, problems))
                }
            }
            _ => Ok(file),
        });
        match checked {
            Ok(file) => {
                let (count, noun) = match &file {
                    AnyFile::Pack(pack) => (pack.questions.len(), "questions"),
                    AnyFile::Plan(plan) => (plan.entries.len(), "questions"),
                    AnyFile::Evaluation(evaluation) => (evaluation.answers.len(), "questions"),
                };
                writeln!(out, "ok: {} ({count} {noun})", path.display())?;
            }
            Err(error) => {
                bad += 1;
                report(err, &error)?;
            }
        }
    }
    if bad > 0 {
        writeln!(err, "{bad} of {} files have errors", files.len())?;
        Ok(ExitCode::FAILURE)
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

fn report(err: &mut dyn Write, error: &LoadError) -> std::io::Result<()> {
    for line in error.to_string().lines() {
        writeln!(err, "error: {line}")?;
    }
    Ok(())
}
