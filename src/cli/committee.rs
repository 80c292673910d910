//! `onsite debrief` and `onsite kit`: the hiring committee's packet from a panel's
//! evaluations, and a plan printed for interviewing on paper.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use super::{claim_library_for, library, report, say};
use crate::domain::debrief::{self, DebriefError};
use crate::domain::{Evaluation, InterviewPlan, QuestionPack};
use crate::report::{self as reports, ExportFormat, Paper, ReportOptions};
use crate::storage::{self, Visibility, bundled_packs};

fn wrote(out: &mut dyn Write, output: &Path, pages: Option<usize>) -> std::io::Result<()> {
    match pages {
        Some(1) => say(out, format_args!("wrote {} (1 page)", output.display())),
        Some(pages) => say(
            out,
            format_args!("wrote {} ({pages} pages)", output.display()),
        ),
        None => say(out, format_args!("wrote {}", output.display())),
    }
}

/// Combines evaluations into a debrief packet.
pub(super) fn debrief(
    paths: &[PathBuf],
    output: &Path,
    paper: Paper,
    format: ExportFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let mut evaluations = Vec::new();
    let mut bad = false;
    for (path, label) in paths.iter().zip(debrief::file_labels(paths)) {
        match storage::load::<Evaluation>(path) {
            Ok(evaluation) => evaluations.push((label, evaluation)),
            Err(error) => {
                report(err, &error)?;
                bad = true;
            }
        }
    }
    if bad {
        return Ok(ExitCode::FAILURE);
    }
    let debrief = match debrief::assemble(evaluations) {
        Ok(debrief) => debrief,
        Err(error @ DebriefError::DifferentCandidates { .. }) => {
            say(err, format_args!("error: {error}"))?;
            say(
                err,
                format_args!(
                    "a debrief packet is about one candidate: give only that candidate's evaluations"
                ),
            )?;
            return Ok(ExitCode::FAILURE);
        }
        Err(error) => {
            say(err, format_args!("error: {error}"))?;
            return Ok(ExitCode::FAILURE);
        }
    };
    let options = ReportOptions::now(paper);
    for warning in &debrief.warnings {
        say(
            err,
            format_args!("warning: {}", warning.describe(&options.time_zone)),
        )?;
    }
    if debrief.panelists.len() == 1 {
        say(
            err,
            format_args!("warning: only one evaluation: the packet has nobody to compare it with"),
        )?;
    }
    let rendered = reports::debrief_file(&debrief, options, format)?;
    super::warn_missing(&rendered.missing_characters, err)?;
    let _held = claim_library_for(output)?;
    storage::write_atomic(output, &rendered.bytes, Visibility::Private)
        .with_context(|| format!("cannot write {}", output.display()))?;
    wrote(out, output, rendered.pages)?;
    Ok(ExitCode::SUCCESS)
}

/// Prints a plan as an interview kit. Packs given with `--pack` come before the library's, so
/// a plan can be printed with packs that are not installed.
pub(super) fn kit(
    path: &Path,
    pack_paths: &[PathBuf],
    output: &Path,
    paper: Paper,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let plan: InterviewPlan = match storage::load(path) {
        Ok(plan) => plan,
        Err(error) => {
            report(err, &error)?;
            return Ok(ExitCode::FAILURE);
        }
    };
    let mut packs: Vec<QuestionPack> = Vec::new();
    for pack_path in pack_paths {
        match storage::load::<QuestionPack>(pack_path) {
            Ok(pack) => packs.push(pack),
            Err(error) => {
                report(err, &error)?;
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    let known = match library(err)? {
        Some(library) => library.packs(),
        None => bundled_packs(),
    };
    packs.extend(
        known
            .items
            .into_iter()
            .map(|entry| std::sync::Arc::unwrap_or_clone(entry.pack)),
    );
    let entries = match plan.resolve(&packs) {
        Ok(entries) => entries,
        Err(missing) => {
            for reference in &missing {
                say(
                    err,
                    format_args!(
                        "error: {}: the plan asks question `{}` of pack `{}`, which no known pack has",
                        path.display(),
                        reference.question,
                        reference.pack
                    ),
                )?;
            }
            say(
                err,
                format_args!("install the pack in the library, or name its file with --pack"),
            )?;
            return Ok(ExitCode::FAILURE);
        }
    };
    let pdf = reports::kit_file(&plan, &entries, ReportOptions::now(paper))?;
    super::warn_missing(&pdf.missing_characters, err)?;
    let _held = claim_library_for(output)?;
    storage::write_atomic(output, &pdf.bytes, Visibility::Shared)
        .with_context(|| format!("cannot write {}", output.display()))?;
    wrote(out, output, pdf.pages)?;
    Ok(ExitCode::SUCCESS)
}
