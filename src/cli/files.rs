//! `onsite packs` and `onsite validate`: what the library holds and whether files are good.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{library, report};
use crate::domain::QuestionPack;
use crate::domain::validate::validate_plan;
use crate::storage::{AnyFile, PackOrigin, bundled_packs, bundled_vocabulary, format, load_any};

/// Lists the packs.
pub(super) fn list_packs(out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitCode> {
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
