//! `onsite export` and `onsite export-pack`: an evaluation for the committee, a pack as
//! readable Markdown.

use std::io::Write;
use std::process::ExitCode;

use super::{claim_library_for, library, report, say};
use crate::domain::QuestionPack;
use crate::report::{ExportFormat, Paper};
use crate::storage::bundled_packs;

/// Exports an evaluation.
#[allow(clippy::too_many_arguments)]
pub(super) fn export(
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
    if format == ExportFormat::Shared {
        if include_private {
            say(
                err,
                format_args!(
                    "error: a shared file never carries private notes; leave out --include-private"
                ),
            )?;
            return Ok(ExitCode::FAILURE);
        }
        let _held = claim_library_for(output)?;
        crate::storage::save(
            output,
            &evaluation.shared_copy(),
            crate::storage::Visibility::Private,
        )?;
        say(
            out,
            format_args!(
                "wrote {} (without private notes; {})",
                output.display(),
                super::seal::describe(&evaluation.seal_state())
            ),
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut options = ReportOptions {
        include_private_notes: include_private,
        ..ReportOptions::now(paper)
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
        super::warn_missing(&pdf.missing_characters, err)?;
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

/// Writes a pack as Markdown.
pub(super) fn export_pack(
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
            Some(entry) => std::sync::Arc::unwrap_or_clone(entry.pack),
            None => {
                say(
                    err,
                    format_args!("error: {id}: no such file, and no pack has that id"),
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
