//! `onsite submit` and `onsite verify`: handing an evaluation in, and checking that what the
//! committee reads is what was handed in.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{report, say};
use crate::domain::{Evaluation, SealState};
use crate::storage::{Visibility, load, save};

/// The date of a submission, as the messages show it.
fn date(at: jiff::Timestamp) -> String {
    at.to_zoned(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// A seal's state in words, as `verify` prints it.
pub(super) fn describe(state: &SealState) -> String {
    match state {
        SealState::NotSubmitted => "not submitted".to_owned(),
        SealState::Unsealed { .. } => "submitted before seals existed".to_owned(),
        SealState::Intact { at, seal } => format!(
            "ok (sealed {} on {})",
            crate::domain::seal::short_seal(seal),
            date(*at)
        ),
        SealState::Changed { at } => format!("changed since it was submitted on {}", date(*at)),
    }
}

/// Submits and seals an evaluation file in place.
pub(super) fn submit(
    path: &std::path::Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let mut evaluation: Evaluation = match load(path) {
        Ok(evaluation) => evaluation,
        Err(error) => {
            report(err, &error)?;
            return Ok(ExitCode::FAILURE);
        }
    };
    if let Err(missing) = evaluation.submit(jiff::Timestamp::now()) {
        say(
            err,
            format_args!("error: {}: cannot submit: {missing}", path.display()),
        )?;
        return Ok(ExitCode::FAILURE);
    }
    let _held = super::claim_library_for(path)?;
    save(path, &evaluation, Visibility::Private)?;
    say(
        out,
        format_args!(
            "submitted {}: {}",
            path.display(),
            describe(&evaluation.seal_state())
        ),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Checks the seals of evaluation files; fails if any was changed after it was submitted or
/// cannot be read.
pub(super) fn verify(
    files: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let mut bad = 0;
    for path in files {
        match load::<Evaluation>(path) {
            Ok(evaluation) => {
                let state = evaluation.seal_state();
                let line = format!("{}: {}", path.display(), describe(&state));
                if matches!(state, SealState::Changed { .. }) {
                    bad += 1;
                    say(err, format_args!("error: {line}"))?;
                } else {
                    say(out, format_args!("{line}"))?;
                }
            }
            Err(error) => {
                bad += 1;
                report(err, &error)?;
            }
        }
    }
    Ok(if bad > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
