//! `onsite search`: the plan builder's search from the command line, for scripts and tests.

use std::io::Write;
use std::process::ExitCode;

use super::{library, say};
use crate::storage::bundled_packs;

/// Searches every pack and prints the hits, best first.
pub(super) fn search(
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
        say(err, format_args!("warning: {error}"))?;
    }
    let packs = loaded.items;
    let pack_index = match pack {
        None => None,
        Some(id) => match packs.iter().position(|entry| entry.pack.id == id) {
            Some(at) => Some(at),
            None => {
                say(
                    err,
                    format_args!("error: no pack has the id `{id}`; `onsite packs` lists them"),
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
            say(
                out,
                format_args!(
                    "{}/{}  {}",
                    entry.pack.id,
                    question.id,
                    crate::domain::first_line(&question.prompt)
                ),
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
    say(err, format_args!("no matches for \"{query}\": {why}"))?;
    Ok(ExitCode::FAILURE)
}
