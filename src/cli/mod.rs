//! The `onsite` command line: subcommands over the same library functions the window uses.
//!
//! Output goes to writers passed in, so tests can run a subcommand and read what it printed.
//! Every message is made [`terminal_safe`] first: file names, ids and titles come from files
//! anyone may have written.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod committee;
mod export;
mod files;
mod import;
mod seal;
mod search;

use crate::report::{ExportFormat, Paper};
use crate::storage::lock::{self, LibraryLock, LockAttempt};
use crate::storage::{Library, LoadError};

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
    /// Open the window on a file: an evaluation, a plan, a pack to import, or a Markdown or
    /// text document to import questions from.
    Open {
        /// The file to open.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// List the available question packs (bundled and in your library).
    Packs,
    /// Check packs, plans and evaluations; exits with an error if any file is bad.
    Validate {
        /// Files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Export an evaluation as a PDF or Markdown for the hiring committee, or as a shared
    /// `.ron` (no private notes, seal intact) for the debrief.
    Export {
        /// The evaluation file.
        #[arg(value_name = "EVALUATION")]
        evaluation: PathBuf,
        /// Where to write the report.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// Include the interviewer's private notes.
        #[arg(long)]
        include_private: bool,
        /// Paper size of the PDF.
        #[arg(long, value_enum, default_value_t = PaperArg::A4)]
        paper: PaperArg,
        /// File format to write.
        #[arg(long, value_enum, default_value_t = FormatArg::Pdf)]
        format: FormatArg,
    },
    /// Combine several interviewers' evaluations of one candidate into a debrief packet for
    /// the hiring committee: who said what, the competency grid with the widest disagreement
    /// first, gaps, shared questions side by side, then each evaluation in full. Never
    /// includes private notes.
    Debrief {
        /// The evaluation files (shared copies or the interviewers' own).
        #[arg(required = true, value_name = "EVALUATION")]
        evaluations: Vec<PathBuf>,
        /// Where to write the packet.
        #[arg(short, long, value_name = "PACKET")]
        output: PathBuf,
        /// Paper size of the PDF.
        #[arg(long, value_enum, default_value_t = PaperArg::A4)]
        paper: PaperArg,
        /// File format to write.
        #[arg(long, value_enum, default_value_t = PacketFormatArg::Pdf)]
        format: PacketFormatArg,
    },
    /// Print a plan as an interview kit: a PDF with a cover and agenda, and per question its
    /// prompt, key points and rubric to tick and lined space for notes.
    Kit {
        /// The plan file.
        #[arg(value_name = "PLAN")]
        plan: PathBuf,
        /// Where to write the kit.
        #[arg(short, long, value_name = "KIT.pdf")]
        output: PathBuf,
        /// Pack files the plan's questions come from, besides the library's packs.
        #[arg(long = "pack", value_name = "PACK.ron")]
        packs: Vec<PathBuf>,
        /// Paper size of the PDF.
        #[arg(long, value_enum, default_value_t = PaperArg::A4)]
        paper: PaperArg,
    },
    /// Import questions from a Markdown or plain-text document into a pack file; prints what it
    /// found ("42 questions · 17 follow-ups · 3 rubrics · 5 warnings") and every warning.
    Import {
        /// The document: `.md` and `.markdown` are read as Markdown, anything else as plain text.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The pack file to write.
        #[arg(short, long, value_name = "PACK.ron")]
        output: PathBuf,
        /// The pack's id (default: an "Id:" in the document, else its title as a slug).
        #[arg(long)]
        id: Option<String>,
        /// The pack's title (default: the front matter's title, else the document's first
        /// heading, else the file name).
        #[arg(long)]
        title: Option<String>,
        /// Replace the output file if it already exists.
        #[arg(long)]
        force: bool,
    },
    /// Search the questions of every pack, bundled and in your library, as the plan builder
    /// does: one `PACK-ID/QUESTION-ID  prompt` line per match, best first. Exits with 1 when
    /// nothing matches, saying why on standard error.
    Search {
        /// The words to find; every one must match a word of the question (another form of
        /// it, its start, or with one typo).
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        /// Only questions of the pack with this id.
        #[arg(long, value_name = "ID")]
        pack: Option<String>,
        /// Print at most this many matches.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
    },
    /// Submit an evaluation with the same rules as the window (every question has an outcome,
    /// a recommendation, a summary) and seal it.
    Submit {
        /// The evaluation file.
        #[arg(value_name = "EVALUATION")]
        evaluation: PathBuf,
    },
    /// Check the seals of evaluations: ok, not submitted, submitted before seals existed, or
    /// changed since it was submitted (then the exit code is non-zero).
    Verify {
        /// Evaluation files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Write a pack as readable Markdown, which `onsite import` reads back into the same pack.
    ExportPack {
        /// The pack file, or the id of a bundled or library pack.
        #[arg(value_name = "PACK")]
        pack: PathBuf,
        /// File format to write.
        #[arg(long, value_enum, default_value_t = PackFormatArg::Md)]
        format: PackFormatArg,
        /// Where to write it; standard output if not given.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
}

/// `--paper`: the PDF's paper size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// ISO A4.
    A4,
    /// US Letter.
    Letter,
}

impl From<PaperArg> for Paper {
    fn from(paper: PaperArg) -> Self {
        match paper {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        }
    }
}

/// `--format` of `export`: named by the file extension each writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A PDF for the hiring committee.
    Pdf,
    /// Markdown with the same content.
    Md,
    /// The evaluation without private notes, to share for the debrief (its seal verifies).
    Ron,
}

impl From<FormatArg> for ExportFormat {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Pdf => ExportFormat::Pdf,
            FormatArg::Md => ExportFormat::Markdown,
            FormatArg::Ron => ExportFormat::Shared,
        }
    }
}

/// `--format` of `debrief`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PacketFormatArg {
    /// A PDF for the hiring committee.
    Pdf,
    /// Markdown with the same content.
    Md,
}

impl From<PacketFormatArg> for ExportFormat {
    fn from(format: PacketFormatArg) -> Self {
        match format {
            PacketFormatArg::Pdf => ExportFormat::Pdf,
            PacketFormatArg::Md => ExportFormat::Markdown,
        }
    }
}

/// `--format` of `export-pack`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PackFormatArg {
    /// Readable Markdown that imports back to the same pack.
    Md,
}

/// `text` made safe to print on a terminal: control characters other than line breaks, and
/// the invisible characters that reorder text, are shown escaped (`\u{1b}`), so a file's
/// title cannot clear the screen, retitle the terminal or disguise what a line says.
pub fn terminal_safe(text: &str) -> String {
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        let reorders = matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}');
        if (c.is_control() && c != '\n') || reorders {
            safe.extend(c.escape_unicode());
        } else {
            safe.push(c);
        }
    }
    safe
}

/// Prints `text` and a line break, made [`terminal_safe`].
pub(crate) fn say(to: &mut dyn Write, text: impl std::fmt::Display) -> std::io::Result<()> {
    writeln!(to, "{}", terminal_safe(&text.to_string()))
}

/// Runs a subcommand, printing results to `out` and problems to `err`. An error that stops
/// the command is printed to `err` too, and makes the exit code a failure.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitCode> {
    match run_command(command, out, err) {
        Ok(code) => Ok(code),
        Err(error) => {
            say(err, format_args!("error: {error:#}"))?;
            Ok(ExitCode::FAILURE)
        }
    }
}

fn run_command(
    command: Command,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    match command {
        Command::Open { file } => crate::ui::run(Some(file)).map(|()| ExitCode::SUCCESS),
        Command::Packs => files::list_packs(out, err),
        Command::Validate { files } => files::validate(&files, out, err),
        Command::Export {
            evaluation,
            output,
            include_private,
            paper,
            format,
        } => export::export(
            &evaluation,
            &output,
            include_private,
            paper.into(),
            format.into(),
            out,
            err,
        ),
        Command::Debrief {
            evaluations,
            output,
            paper,
            format,
        } => committee::debrief(&evaluations, &output, paper.into(), format.into(), out, err),
        Command::Kit {
            plan,
            output,
            packs,
            paper,
        } => committee::kit(&plan, &packs, &output, paper.into(), out, err),
        Command::Import {
            file,
            output,
            id,
            title,
            force,
        } => import::import(
            &file,
            &output,
            crate::import::ImportOptions {
                id,
                title,
                ..Default::default()
            },
            force,
            out,
            err,
        ),
        Command::Search { query, pack, limit } => {
            search::search(&query.join(" "), pack.as_deref(), limit, out, err)
        }
        Command::Submit { evaluation } => seal::submit(&evaluation, out, err),
        Command::Verify { files } => seal::verify(&files, out, err),
        Command::ExportPack { pack, output, .. } => {
            export::export_pack(&pack, output.as_deref(), out, err)
        }
    }
}

/// The library, or `None` with a warning when it cannot be opened (bundled packs still work).
pub(crate) fn library(err: &mut dyn Write) -> anyhow::Result<Option<Library>> {
    match Library::open_default() {
        Ok(library) => Ok(Some(library)),
        Err(error) => {
            say(
                err,
                format_args!("warning: cannot open the library folder: {error}"),
            )?;
            Ok(None)
        }
    }
}

/// The library's lock, held while the command writes `output` inside the library folder;
/// `Ok(None)` when `output` is outside it (or there is no library). An error says why the
/// write must not happen: an Onsite window has the library.
pub(crate) fn claim_library_for(output: &Path) -> anyhow::Result<Option<LibraryLock>> {
    let Some(root) = Library::default_root().and_then(|root| root.canonicalize().ok()) else {
        return Ok(None);
    };
    let folder = match output.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let Ok(folder) = folder.canonicalize() else {
        return Ok(None);
    };
    if !folder.starts_with(&root) {
        return Ok(None);
    }
    match lock::try_lock(&root)? {
        LockAttempt::Acquired(held) => Ok(Some(held)),
        LockAttempt::Unsupported => Ok(None),
        LockAttempt::HeldElsewhere(holder) => anyhow::bail!(
            "{}: not written: the library is open in {holder}; close that window first, or write the file outside the library folder",
            output.display()
        ),
    }
}

/// Warns about characters no font could draw.
pub(crate) fn warn_missing(missing: &[char], err: &mut dyn Write) -> std::io::Result<()> {
    if missing.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = missing
        .iter()
        .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
        .collect();
    say(
        err,
        format_args!(
            "warning: no installed font can draw {} character(s); they show as empty boxes \
             (the footer of each page with some says so): {}",
            list.len(),
            list.join(", ")
        ),
    )
}

/// Prints a load error, one `error:` line per problem.
pub(crate) fn report(err: &mut dyn Write, error: &LoadError) -> std::io::Result<()> {
    for line in error.to_string().lines() {
        say(err, format_args!("error: {line}"))?;
    }
    Ok(())
}
