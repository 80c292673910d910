//! The `onsite` command line: subcommands over the same library functions the window uses.
//!
//! Output goes to writers passed in, so tests can run a subcommand and read what it printed.
//! Every message is made [`terminal_safe`] first: file names, ids and titles come from files
//! anyone may have written.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::QuestionPack;
use crate::domain::validate::validate_plan;
use crate::report::{ExportFormat, Paper};
use crate::storage::lock::{self, LibraryLock, LockAttempt};
use crate::storage::{
    AnyFile, Library, LoadError, PackOrigin, bundled_packs, bundled_vocabulary, format, load_any,
};

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
    /// Export an evaluation as a PDF (or Markdown) for the hiring committee.
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
    /// Import questions from a Markdown or plain-text document into a pack file.
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
        /// The pack's title (default: the document's first heading, else the file name).
        #[arg(long)]
        title: Option<String>,
        /// Replace the output file if it already exists.
        #[arg(long)]
        force: bool,
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
}

impl From<FormatArg> for ExportFormat {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Pdf => ExportFormat::Pdf,
            FormatArg::Md => ExportFormat::Markdown,
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
fn say(to: &mut dyn Write, text: impl std::fmt::Display) -> std::io::Result<()> {
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
        Command::Packs => list_packs(out, err),
        Command::Validate { files } => validate(&files, out, err),
        Command::Export {
            evaluation,
            output,
            include_private,
            paper,
            format,
        } => export(
            &evaluation,
            &output,
            include_private,
            paper.into(),
            format.into(),
            out,
            err,
        ),
        Command::Import {
            file,
            output,
            id,
            title,
            force,
        } => import(
            &file,
            &output,
            crate::import::ImportOptions { id, title },
            force,
            out,
            err,
        ),
        Command::ExportPack { pack, output, .. } => export_pack(&pack, output.as_deref(), out, err),
    }
}

/// The library, or `None` with a warning when it cannot be opened (bundled packs still work).
fn library(err: &mut dyn Write) -> anyhow::Result<Option<Library>> {
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
fn claim_library_for(output: &Path) -> anyhow::Result<Option<LibraryLock>> {
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

fn list_packs(out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let loaded = match library(err)? {
        Some(library) => library.packs(),
        None => bundled_packs(),
    };
    // Escaped first, so the columns line up with what the terminal shows.
    let rows: Vec<[String; 4]> = loaded
        .items
        .iter()
        .map(|entry| {
            let source = match &entry.origin {
                PackOrigin::Bundled => "bundled".to_owned(),
                PackOrigin::User(path) => format!("user ({})", path.display()),
            };
            [
                terminal_safe(&entry.pack.id),
                terminal_safe(&entry.pack.title),
                entry.pack.questions.len().to_string(),
                terminal_safe(&source),
            ]
        })
        .collect();
    let width = |column: usize, heading: &str| {
        rows.iter()
            .map(|row| row[column].chars().count())
            .chain([heading.chars().count()])
            .max()
            .unwrap_or(0)
    };
    let (id_width, title_width) = (width(0, "ID"), width(1, "TITLE"));
    writeln!(
        out,
        "{:id_width$}  {:title_width$}  {:>9}  SOURCE",
        "ID", "TITLE", "QUESTIONS"
    )?;
    for [id, title, questions, source] in &rows {
        writeln!(
            out,
            "{id:id_width$}  {title:title_width$}  {questions:>9}  {source}"
        )?;
    }
    for error in &loaded.errors {
        report(err, error)?;
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
    // Competencies are checked against a vocabulary being validated alongside, else the
    // bundled one.
    let vocabulary = results
        .iter()
        .find_map(|result| match result {
            Ok(AnyFile::Vocabulary(vocabulary)) => Some(vocabulary.clone()),
            _ => None,
        })
        .or_else(|| bundled_vocabulary().ok());

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
                    AnyFile::Vocabulary(vocabulary) => {
                        (vocabulary.competencies.len(), "competencies")
                    }
                };
                say(out, format_args!("ok: {} ({count} {noun})", path.display()))?;
                if let (AnyFile::Pack(pack), Some(vocabulary)) = (&file, &vocabulary) {
                    let warnings = vocabulary.warnings(pack);
                    if !warnings.is_empty() {
                        let text = format::read_text(path)?;
                        let located = format::invalid(path, &text, warnings);
                        for line in located.to_string().lines() {
                            say(err, format_args!("warning: {line}"))?;
                        }
                    }
                }
            }
            Err(error) => {
                bad += 1;
                report(err, &error)?;
            }
        }
    }
    if bad > 0 {
        say(
            err,
            format_args!("{bad} of {} files have errors", files.len()),
        )?;
        Ok(ExitCode::FAILURE)
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

fn report(err: &mut dyn Write, error: &LoadError) -> std::io::Result<()> {
    for line in error.to_string().lines() {
        say(err, format_args!("error: {line}"))?;
    }
    Ok(())
}

fn export(
    path: &std::path::Path,
    output: &std::path::Path,
    include_private: bool,
    paper: Paper,
    format: ExportFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    use crate::report::{self, ReportOptions};
    use anyhow::Context;

    let evaluation: crate::domain::Evaluation = match crate::storage::load(path) {
        Ok(evaluation) => evaluation,
        Err(error) => {
            report(err, &error)?;
            return Ok(ExitCode::FAILURE);
        }
    };
    let mut options = ReportOptions {
        paper,
        include_private_notes: include_private,
        time_zone: jiff::tz::TimeZone::system(),
        created_at: Some(jiff::Timestamp::now()),
        ..ReportOptions::default()
    };
    let (bytes, pages) = if format == ExportFormat::Markdown {
        (report::markdown(&evaluation, &options).into_bytes(), None)
    } else {
        // Only scan the system's fonts when the bundled one cannot draw everything.
        let missing = report::missing_characters(&evaluation, &options)?;
        if !missing.is_empty() {
            options.fallback_fonts = report::system_fallback_fonts(&missing);
        }
        let pdf = report::pdf(&evaluation, &options)?;
        if !pdf.missing_characters.is_empty() {
            let list: Vec<String> = pdf
                .missing_characters
                .iter()
                .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
                .collect();
            say(
                err,
                format_args!(
                    "warning: no installed font can draw {} character(s); they show as empty boxes: {}",
                    list.len(),
                    list.join(", ")
                ),
            )?;
        }
        (pdf.bytes, Some(pdf.pages))
    };
    let _held = claim_library_for(output)?;
    crate::storage::write_atomic(output, &bytes, crate::storage::Visibility::Private)
        .with_context(|| format!("cannot write {}", output.display()))?;
    match pages {
        Some(1) => say(out, format_args!("wrote {} (1 page)", output.display()))?,
        Some(pages) => say(
            out,
            format_args!("wrote {} ({pages} pages)", output.display()),
        )?,
        None => say(out, format_args!("wrote {}", output.display()))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn import(
    file: &std::path::Path,
    output: &std::path::Path,
    options: crate::import::ImportOptions,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    if output.exists() && !force {
        say(
            err,
            format_args!(
                "error: {} already exists; use --force to replace it",
                output.display()
            ),
        )?;
        return Ok(ExitCode::FAILURE);
    }
    let text = match crate::storage::format::read_document(file) {
        Ok((text, replaced)) => {
            if replaced {
                say(
                    err,
                    format_args!(
                        "warning: {}: {}",
                        file.display(),
                        crate::storage::format::NOT_UTF8_REPLACED
                    ),
                )?;
            }
            text
        }
        Err(error) => {
            report(err, &error)?;
            return Ok(ExitCode::FAILURE);
        }
    };
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let imported = crate::import::from_document(name, &text, &options);
    for warning in &imported.warnings {
        say(
            err,
            format_args!("warning: {}:{}: {warning}", file.display(), warning.line),
        )?;
    }
    let count = imported.pack.questions.len();
    if count == 0 {
        say(
            err,
            format_args!(
                "error: no questions found in {}; nothing written",
                file.display()
            ),
        )?;
        return Ok(ExitCode::FAILURE);
    }
    // Onsite never writes a file it would refuse to read.
    let problems = crate::domain::validate::validate_pack(&imported.pack);
    if !problems.is_empty() {
        for problem in problems.iter().take(format::MAX_SHOWN_PROBLEMS) {
            say(err, format_args!("error: {}: {problem}", output.display()))?;
        }
        say(
            err,
            format_args!(
                "error: the pack from {} would not load ({} problems); nothing written",
                file.display(),
                problems.len()
            ),
        )?;
        return Ok(ExitCode::FAILURE);
    }
    let _held = claim_library_for(output)?;
    crate::storage::save(output, &imported.pack, crate::storage::Visibility::Shared)?;
    let noun = if count == 1 { "question" } else { "questions" };
    say(
        out,
        format_args!("wrote {} ({count} {noun})", output.display()),
    )?;
    Ok(ExitCode::SUCCESS)
}

fn export_pack(
    path: &std::path::Path,
    output: Option<&std::path::Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    use anyhow::Context;

    let pack = if path.exists() {
        match crate::storage::load::<QuestionPack>(path) {
            Ok(pack) => pack,
            Err(error) => {
                report(err, &error)?;
                return Ok(ExitCode::FAILURE);
            }
        }
    } else {
        // Not a file: maybe the id of a pack the app knows, such as a bundled one.
        let id = path.to_string_lossy();
        let known = match library(err)? {
            Some(library) => library.packs(),
            None => bundled_packs(),
        };
        match known.items.into_iter().find(|entry| entry.pack.id == id) {
            Some(entry) => entry.pack,
            None => {
                say(
                    err,
                    format_args!(
                        "error: {}: no such file, and no pack has that id",
                        crate::domain::shorten(&id)
                    ),
                )?;
                return Ok(ExitCode::FAILURE);
            }
        }
    };
    let text = crate::report::pack_to_markdown(&pack);
    match output {
        Some(output) => {
            let _held = claim_library_for(output)?;
            crate::storage::write_atomic(
                output,
                text.as_bytes(),
                crate::storage::Visibility::Shared,
            )
            .with_context(|| format!("cannot write {}", output.display()))?;
            say(out, format_args!("wrote {}", output.display()))?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
