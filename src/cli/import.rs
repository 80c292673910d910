//! `onsite import`: questions from a Markdown or text document into a pack file.

use std::io::Write;
use std::process::ExitCode;

use super::{claim_library_for, report, say};

/// Imports a document.
pub(super) fn import(
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
    let mut options = options;
    if options.vocabulary.is_none() {
        // Competencies the shared vocabulary knows are written its way; without it (a broken
        // bundled file) they are kept as the document writes them.
        options.vocabulary = crate::storage::bundled_vocabulary().ok();
    }
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
        for problem in problems
            .iter()
            .take(crate::storage::format::MAX_SHOWN_PROBLEMS)
        {
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
    say(
        out,
        format_args!("wrote {} ({})", output.display(), imported.tally()),
    )?;
    Ok(ExitCode::SUCCESS)
}
