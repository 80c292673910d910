//! `onsite packs` and `onsite validate`: what the library holds and whether files are good.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{library, report, say, terminal_safe};
use crate::domain::QuestionPack;
use crate::domain::validate::validate_plan;
use crate::storage::{AnyFile, PackOrigin, bundled_packs, bundled_vocabulary, format, load_any};

/// Lists the packs.
pub(super) fn list_packs(out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitCode> {
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
        say(err, format_args!("error: {error}"))?;
    }
    Ok(if loaded.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Checks files.
pub(super) fn validate(
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
    packs.extend(
        available
            .items
            .into_iter()
            .map(|entry| std::sync::Arc::unwrap_or_clone(entry.pack)),
    );
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
