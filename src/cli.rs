//! The `onsite` command line: subcommands over the same library functions the window uses.
//!
//! Output goes to writers passed in, so tests can run a subcommand and read what it printed.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::QuestionPack;
use crate::domain::validate::validate_plan;
use crate::report::{ExportFormat, Paper};
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

/// Runs a subcommand, printing results to `out` and problems to `err`.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitCode> {
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
        Command::Search { query, pack, limit } => {
            search(&query.join(" "), pack.as_deref(), limit, out, err)
        }
        Command::ExportPack { pack, output, .. } => export_pack(&pack, output.as_deref(), out, err),
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

fn search(
    query: &str,
    pack: Option<&str>,
    limit: Option<usize>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    use crate::search::{Filter, FilterKind, NoHits, QuestionIndex};

    let loaded = match library(err)? {
        Some(library) => library.packs(),
        None => bundled_packs(),
    };
    for error in &loaded.errors {
        writeln!(err, "warning: {error}")?;
    }
    let packs = loaded.items;
    let pack_index = match pack {
        None => None,
        Some(id) => match packs.iter().position(|entry| entry.pack.id == id) {
            Some(at) => Some(at),
            None => {
                writeln!(
                    err,
                    "error: no pack has the id `{id}`; `onsite packs` lists them"
                )?;
                return Ok(ExitCode::FAILURE);
            }
        },
    };
    let index = QuestionIndex::new(&packs);
    let filter = Filter {
        query: query.to_owned(),
        pack: pack_index,
        ..Filter::default()
    };
    let hits = index.search(&filter);
    for hit in hits.iter().take(limit.unwrap_or(usize::MAX)) {
        let Some(entry) = packs.get(hit.key.pack) else {
            continue;
        };
        if let Some(question) = entry.pack.questions.get(hit.key.question) {
            writeln!(
                out,
                "{}/{}  {}",
                entry.pack.id,
                question.id,
                crate::domain::first_line(&question.prompt)
            )?;
        }
    }
    if !hits.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let why = match index.explain_no_hits(&filter) {
        None => return Ok(ExitCode::SUCCESS),
        Some(NoHits::NoQuestions) => "there are no questions to search".to_owned(),
        Some(NoHits::UnknownWords(words)) => {
            let quoted: Vec<String> = words
                .iter()
                .map(|w| format!("\u{2018}{w}\u{2019}"))
                .collect();
            format!("no question mentions {}", quoted.join(" or "))
        }
        Some(NoHits::ClearFilters { filters, hits }) if filters == [FilterKind::Pack] => {
            format!("no question in that pack matches; {hits} in other packs do (leave out --pack)")
        }
        Some(NoHits::ClearFilters { hits, .. }) => {
            format!("{hits} questions match without the filters")
        }
        Some(NoHits::NotTogether) => {
            "every word is found, but no question has them all; try fewer words".to_owned()
        }
    };
    writeln!(err, "no matches for \"{query}\": {why}")?;
    Ok(ExitCode::FAILURE)
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
                writeln!(out, "ok: {} ({count} {noun})", path.display())?;
                if let (AnyFile::Pack(pack), Some(vocabulary)) = (&file, &vocabulary) {
                    let warnings = vocabulary.warnings(pack);
                    if !warnings.is_empty() {
                        let text = format::read_text(path)?;
                        let located = format::invalid(path, &text, warnings);
                        for line in located.to_string().lines() {
                            writeln!(err, "warning: {line}")?;
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
            writeln!(
                err,
                "warning: no installed font can draw {} character(s); they show as empty boxes: {}",
                list.len(),
                list.join(", ")
            )?;
        }
        (pdf.bytes, Some(pdf.pages))
    };
    crate::storage::write_atomic(output, &bytes, crate::storage::Visibility::Private)
        .with_context(|| format!("cannot write {}", output.display()))?;
    match pages {
        Some(1) => writeln!(out, "wrote {} (1 page)", output.display())?,
        Some(pages) => writeln!(out, "wrote {} ({pages} pages)", output.display())?,
        None => writeln!(out, "wrote {}", output.display())?,
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
        writeln!(
            err,
            "error: {} already exists; use --force to replace it",
            output.display()
        )?;
        return Ok(ExitCode::FAILURE);
    }
    let text = match crate::storage::format::read_document(file) {
        Ok((text, replaced)) => {
            if replaced {
                writeln!(
                    err,
                    "warning: {}: {}",
                    file.display(),
                    crate::storage::format::NOT_UTF8_REPLACED
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
        writeln!(
            err,
            "warning: {}:{}: {warning}",
            file.display(),
            warning.line
        )?;
    }
    let count = imported.pack.questions.len();
    if count == 0 {
        writeln!(
            err,
            "error: no questions found in {}; nothing written",
            file.display()
        )?;
        return Ok(ExitCode::FAILURE);
    }
    crate::storage::save(output, &imported.pack, crate::storage::Visibility::Shared)?;
    let noun = if count == 1 { "question" } else { "questions" };
    writeln!(out, "wrote {} ({count} {noun})", output.display())?;
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
                writeln!(err, "error: {id}: no such file, and no pack has that id")?;
                return Ok(ExitCode::FAILURE);
            }
        }
    };
    let text = crate::report::pack_to_markdown(&pack);
    match output {
        Some(output) => {
            crate::storage::write_atomic(
                output,
                text.as_bytes(),
                crate::storage::Visibility::Shared,
            )
            .with_context(|| format!("cannot write {}", output.display()))?;
            writeln!(out, "wrote {}", output.display())?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
