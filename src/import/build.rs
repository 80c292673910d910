//! Draft → pack: fills each question's fields from its labelled sections.
//!
//! Whatever a section holds that no field can take (an unknown label, a level that is not a
//! level, rubric prose without levels) is appended to the question's guidance under its label
//! and named in a warning, so no text of a question is ever dropped.

use std::collections::{HashMap, HashSet};

use super::draft::{Block, BlockKind, Draft, DraftQuestion, Section, flat, prose};
use super::fields::{add_tags, append, labelled, value};
use super::fill::fill;
use super::labels::Target;
use super::shapes::{looks_like_question, refers_to_code};
use super::warning::{ImportWarning, WarningKind};
use super::words::{id_source, is_name, take_time_suffix};
use super::{ImportOptions, Imported, fit, rubric};
use crate::domain::limits::{MAX_NAME_CHARS, MAX_QUESTIONS, MAX_TEXT_CHARS};
use crate::domain::validate::validate_pack;
use crate::domain::{QuestionField as Q, QuestionPack, slugify};

/// The label of a question field, as a section target.
const fn field(field: Q) -> Target {
    Target::Field(field)
}

/// Time budget of a question whose document gives none.
pub const DEFAULT_MINUTES: u32 = 10;

/// Longest id, as `domain::is_slug` allows.
const MAX_ID: usize = 64;

/// Builds the pack. `fallback_title` names it when neither the options nor the document do.
pub(crate) fn build(draft: Draft, options: &ImportOptions, fallback_title: &str) -> Imported {
    let Draft {
        title,
        front_title,
        front_description,
        front_tags,
        kept,
        preamble,
        questions,
        mut warnings,
    } = draft;
    let mut description = Vec::new();
    description.extend(front_description);
    // A heading title the front matter's title replaces stays in the description.
    if let (Some(front), Some(heading)) = (&front_title, &title)
        && front.trim() != heading.trim()
        && options.title.is_none()
    {
        description.push(heading.clone());
    }
    let title = [options.title.clone(), front_title, title]
        .into_iter()
        .flatten()
        .map(|t| t.trim().to_owned())
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| fallback_title.to_owned());
    let mut pack = QuestionPack::new(String::new(), title);
    pack.tags = front_tags;
    description.push(prose(&preamble.intro));
    let mut document_id = None;
    for section in preamble.sections {
        if section.blocks.is_empty() {
            continue;
        }
        match section.label.field() {
            Some(Target::Field(Q::Id)) => document_id = Some(flat(&section.blocks)),
            Some(Target::Author) => pack.author = value(&section.blocks),
            Some(Target::Title) if options.title.is_none() => pack.title = prose(&section.blocks),
            Some(Target::Field(Q::Tags)) => add_tags(&mut pack.tags, &section.blocks),
            Some(Target::Description) => description.push(prose(&section.blocks)),
            Some(Target::Field(Q::Rubric)) => match rubric::parse(&section.blocks) {
                Some(parsed) if parsed.unplaced.is_empty() => {
                    pack.default_rubric = Some(parsed.rubric);
                }
                _ => description.push(kept_before_questions(&section, &mut warnings)),
            },
            _ => description.push(kept_before_questions(&section, &mut warnings)),
        }
    }
    if let Some(&(line, _, _)) = kept.first() {
        let names: Vec<String> = kept
            .iter()
            .map(|(line, name, _)| format!("{name} (line {line})"))
            .collect();
        warnings.push(ImportWarning::document(
            line,
            WarningKind::KeptInGuidance,
            format!(
                "{} part(s) of the document outside the questions kept in the pack's \
                 description: {}",
                kept.len(),
                names.join(", ")
            ),
        ));
    }
    description.extend(
        kept.into_iter()
            .map(|(_, name, text)| labelled(&name, &text)),
    );
    pack.description = description
        .into_iter()
        .filter(|piece| !piece.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    pack.id = pack_id(options, document_id, &pack.title, &mut warnings);
    fit_pack(&mut pack, &mut warnings);

    let mut shaped: Vec<Shaped> = questions
        .into_iter()
        .enumerate()
        .filter_map(|(index, question)| shape(question, index + 1, &mut warnings))
        .collect();
    if shaped.len() > MAX_QUESTIONS {
        let rest = shaped.split_off(MAX_QUESTIONS);
        let line = rest.first().map_or(1, |q| q.line);
        warnings.push(ImportWarning {
            dropped: rest.iter().map(|q| q.prompt.clone()).collect(),
            ..ImportWarning::document(
                line,
                WarningKind::LeftOut,
                format!(
                    "{} questions after the first {MAX_QUESTIONS} left out: a pack holds at \
                     most {MAX_QUESTIONS}",
                    rest.len()
                ),
            )
        });
    }
    dedupe_ids(&mut shaped, &mut warnings);
    let mut mapped = Vec::new();
    pack.questions = shaped
        .into_iter()
        .map(|question| {
            fill(
                question,
                options.vocabulary.as_ref(),
                &mut mapped,
                &mut warnings,
            )
        })
        .collect();
    if !mapped.is_empty() {
        let pairs: Vec<String> = mapped
            .iter()
            .map(|(from, to)| format!("{from} → {to}"))
            .collect();
        warnings.push(ImportWarning::document(
            1,
            WarningKind::Adjusted,
            format!(
                "{} competenc{} mapped onto the vocabulary: {}",
                mapped.len(),
                if mapped.len() == 1 { "y" } else { "ies" },
                pairs.join(", ")
            ),
        ));
    }

    if pack.questions.is_empty() {
        warnings.push(ImportWarning::document(
            1,
            WarningKind::NoQuestions,
            "no questions found: start each question with a heading, a list item, a numbered \
             item (“1. …”), “Q1:” or a <summary>",
        ));
    }
    // The rules above always give a valid pack; if one ever does not, say so rather than hand
    // back a pack that will not save.
    for problem in validate_pack(&pack) {
        warnings.push(ImportWarning::document(
            1,
            WarningKind::Adjusted,
            format!("the imported pack has a problem to fix before saving: {problem}"),
        ));
    }
    warnings.sort_by_key(|warning| warning.line);
    Imported { pack, warnings }
}

/// Keeps the pack's own fields within the limits.
fn fit_pack(pack: &mut QuestionPack, warnings: &mut Vec<ImportWarning>) {
    let (title, rest) = fit::split(&pack.title, MAX_NAME_CHARS);
    if !rest.is_empty() {
        pack.title = title;
        pack.description = format!("{rest}\n\n{}", pack.description).trim().to_owned();
    }
    let (author, rest) = fit::split(&pack.author, MAX_NAME_CHARS);
    if !rest.is_empty() {
        pack.author = author;
        pack.description = format!("{}\n\nAuthor: {rest}", pack.description)
            .trim()
            .to_owned();
    }
    let (description, rest) = fit::split(&pack.description, MAX_TEXT_CHARS);
    if !rest.is_empty() {
        pack.description = description;
        warnings.push(ImportWarning {
            dropped: vec![rest],
            ..ImportWarning::document(
                1,
                WarningKind::LeftOut,
                format!("the pack's description is longer than {MAX_TEXT_CHARS} characters; the rest left out"),
            )
        });
    }
    fit::tags(&mut pack.tags, &mut |kind, message, dropped| {
        warnings.push(ImportWarning {
            dropped,
            ..ImportWarning::document(1, kind, message)
        });
    });
}

/// A labelled part before the first question that is not one of the pack's fields: kept in
/// the description under its label.
fn kept_before_questions(section: &Section, warnings: &mut Vec<ImportWarning>) -> String {
    warnings.push(ImportWarning::document(
        section.line,
        WarningKind::KeptInGuidance,
        format!(
            "`{}` before the first question kept in the pack's description",
            section.label.name()
        ),
    ));
    labelled(section.label.name(), &prose(&section.blocks))
}

fn pack_id(
    options: &ImportOptions,
    document_id: Option<String>,
    title: &str,
    warnings: &mut Vec<ImportWarning>,
) -> String {
    let Some(given) = options.id.as_deref().or(document_id.as_deref()) else {
        return slugify(&id_source(title), "imported-questions");
    };
    let id = slugify(given, "imported-questions");
    if id != given.trim() {
        warnings.push(ImportWarning::document(
            1,
            WarningKind::Adjusted,
            format!("`{given}` is not a valid pack id; `{id}` is used"),
        ));
    }
    id
}

/// A question with its prompt and id settled, before its fields are filled.
pub(super) struct Shaped {
    pub(super) line: usize,
    pub(super) id: String,
    pub(super) prompt: String,
    pub(super) minutes: Option<u32>,
    /// Unlabelled text under the question that is not its prompt.
    pub(super) leftover: Vec<Block>,
    pub(super) sections: Vec<Section>,
    pub(super) categories: Vec<String>,
    pub(super) links: Vec<String>,
}

fn shape(
    question: DraftQuestion,
    number: usize,
    warnings: &mut Vec<ImportWarning>,
) -> Option<Shaped> {
    let DraftQuestion {
        line,
        title,
        body,
        categories,
        links,
    } = question;
    let has_minutes = body.has(field(Q::Minutes));
    let mut intro = body.intro;
    let sections = body.sections;
    let mut title = title.trim().to_owned();
    let mut minutes = None;
    // "(15 min)" after a question is its time, unless a Time section says otherwise.
    if !has_minutes && let Some((rest, found)) = take_time_suffix(&title) {
        minutes = Some(found);
        title = rest.to_owned();
    }

    let prompt_blocks: Vec<Block> = sections
        .iter()
        .filter(|section| section.label.field() == Some(field(Q::Prompt)))
        .flat_map(|section| section.blocks.iter().cloned())
        .collect();
    let starts_with_text = intro
        .first()
        .is_some_and(|block| matches!(block.kind, BlockKind::Paragraph | BlockKind::Line));
    let asks = intro
        .first()
        .is_some_and(|block| looks_like_question(&block.text));
    let names = title.is_empty() || (is_name(&title) && !looks_like_question(&title) && asks);
    let (mut prompt, name) = if !prompt_blocks.is_empty() {
        (prose(&prompt_blocks), title)
    } else if names && starts_with_text {
        // "## Caching strategies" then "How would you …?": the heading names the question and
        // the paragraph asks it; the name becomes the id.
        let end = 1 + intro
            .iter()
            .skip(1)
            .take_while(|block| block.kind == BlockKind::Line)
            .count();
        let prompt = prose(&intro[..end]);
        intro.drain(..end);
        (prompt, title)
    } else {
        (title, String::new())
    };
    if prompt_blocks.is_empty() {
        // Code right after the question is part of it: "What is the value of `foo`?" and the
        // listing it asks about. Code that is all there is under a question that does not
        // point at it ("How would you find duplicate rows?") is its answer.
        let code = intro
            .iter()
            .take_while(|block| matches!(block.kind, BlockKind::Code | BlockKind::Verbatim))
            .count();
        let only_code = code == intro.len()
            && sections.iter().all(|section| section.blocks.is_empty())
            && !refers_to_code(&prompt);
        if !only_code {
            for block in intro.drain(..code) {
                append(&mut prompt, block.text);
            }
        }
    }
    if !has_minutes
        && minutes.is_none()
        && let Some((rest, found)) = take_time_suffix(&prompt)
    {
        minutes = Some(found);
        prompt = rest.to_owned();
    }

    let explicit_id = sections
        .iter()
        .filter(|section| section.label.field() == Some(field(Q::Id)))
        .map(|section| flat(&section.blocks))
        .find(|id| !id.is_empty());
    let mut made_up = false;
    if prompt.trim().is_empty() {
        if !name.is_empty() {
            prompt = name.clone();
        } else if intro.is_empty() && sections.iter().all(|section| section.blocks.is_empty()) {
            warnings.push(ImportWarning::document(
                line,
                WarningKind::LeftOut,
                format!("question {number} has no text; left out"),
            ));
            return None;
        } else {
            prompt = format!("Question {number}");
            made_up = true;
        }
    }
    let source = if name.is_empty() { &prompt } else { &name };
    let id = match &explicit_id {
        Some(id) => slugify(id, "question"),
        None => slugify(&id_source(source), "question"),
    };
    if let Some(given) = explicit_id
        && given != id
    {
        warnings.push(ImportWarning::question(
            line,
            &id,
            WarningKind::Adjusted,
            format!("`{given}` is not a valid id; `{id}` is used"),
        ));
    }
    if made_up {
        warnings.push(ImportWarning::question(
            line,
            &id,
            WarningKind::Adjusted,
            format!("the question has no text of its own; it is called “{prompt}”"),
        ));
    }
    Some(Shaped {
        line,
        id,
        prompt,
        minutes,
        leftover: intro,
        sections,
        categories,
        links,
    })
}

fn dedupe_ids(questions: &mut [Shaped], warnings: &mut Vec<ImportWarning>) {
    let mut used = HashSet::new();
    // The next suffix to try for each id, so a thousand "caching" questions stay linear.
    let mut next_suffix: HashMap<String, usize> = HashMap::new();
    for question in questions {
        if used.insert(question.id.clone()) {
            continue;
        }
        let base = question.id.clone();
        let n = next_suffix.entry(base.clone()).or_insert(2);
        let renamed = loop {
            let suffix = format!("-{n}");
            *n += 1;
            let stem = base[..base.len().min(MAX_ID - suffix.len())].trim_end_matches('-');
            let candidate = format!("{stem}{suffix}");
            if used.insert(candidate.clone()) {
                break candidate;
            }
        };
        warnings.push(ImportWarning::question(
            question.line,
            &renamed,
            WarningKind::Adjusted,
            format!("id `{base}` is already used by an earlier question; renamed `{renamed}`"),
        ));
        question.id = renamed;
    }
}
