//! Draft → pack: fills each question's fields from its labelled sections.
//!
//! Whatever a section holds that no field can take (an unknown label, a level that is not a
//! level, rubric prose without levels) is appended to the question's guidance under its label
//! and named in a warning, so no text of a question is ever dropped.

use std::collections::{HashMap, HashSet};

use super::draft::{Block, BlockKind, Draft, DraftQuestion, Section, flat, prose};
use super::fields::{add_tags, append, items, labelled, parse_level, parse_weight};
use super::labels::Field;
use super::rubric;
use super::warning::{ImportWarning, WarningKind};
use super::words::{excerpt, id_source, is_name, is_plain_time, parse_minutes, take_time_suffix};
use super::{ImportOptions, Imported};
use crate::domain::validate::{MAX_MINUTES, MAX_WEIGHT, validate_pack};
use crate::domain::{Question, QuestionPack, Rubric, slugify};

/// Time budget of a question whose document gives none.
pub const DEFAULT_MINUTES: u32 = 10;

/// Longest id, as `domain::is_slug` allows.
const MAX_ID: usize = 64;

/// Builds the pack. `fallback_title` names it when neither the options nor the document do.
pub(crate) fn build(draft: Draft, options: &ImportOptions, fallback_title: &str) -> Imported {
    let Draft {
        title,
        preamble,
        questions,
        mut warnings,
    } = draft;
    let title = [options.title.clone(), title]
        .into_iter()
        .flatten()
        .map(|t| t.trim().to_owned())
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| fallback_title.to_owned());
    let mut pack = QuestionPack::new(String::new(), title);
    pack.description = prose(&preamble.intro);
    let mut document_id = None;
    for section in preamble.sections {
        if section.blocks.is_empty() {
            continue;
        }
        match section.label.field() {
            Some(Field::Id) => document_id = Some(flat(&section.blocks)),
            Some(Field::Author) => pack.author = flat(&section.blocks),
            Some(Field::Tags) => add_tags(&mut pack.tags, &section.blocks),
            Some(Field::Description) => append(&mut pack.description, prose(&section.blocks)),
            Some(Field::Rubric) => match rubric::parse(&section.blocks) {
                Some(parsed) if parsed.unplaced.is_empty() => {
                    pack.default_rubric = Some(parsed.rubric);
                }
                _ => warnings.push(left_out_before_questions(&section)),
            },
            _ => warnings.push(left_out_before_questions(&section)),
        }
    }
    pack.id = pack_id(options, document_id, &pack.title, &mut warnings);

    let mut shaped: Vec<Shaped> = questions
        .into_iter()
        .enumerate()
        .filter_map(|(index, question)| shape(question, index + 1, &mut warnings))
        .collect();
    dedupe_ids(&mut shaped, &mut warnings);
    pack.questions = shaped
        .into_iter()
        .map(|question| fill(question, &mut warnings))
        .collect();

    if pack.questions.is_empty() {
        warnings.push(ImportWarning::document(
            1,
            WarningKind::NoQuestions,
            "no questions found: start each question with a heading, a numbered item (“1. …”) \
             or “Q1:”",
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

fn left_out_before_questions(section: &Section) -> ImportWarning {
    ImportWarning::document(
        section.line,
        WarningKind::LeftOut,
        format!(
            "`{}` before the first question left out: {}",
            section.label.name(),
            excerpt(&prose(&section.blocks))
        ),
    )
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
struct Shaped {
    line: usize,
    id: String,
    prompt: String,
    minutes: Option<u32>,
    /// Unlabelled text under the question that is not its prompt.
    leftover: Vec<Block>,
    sections: Vec<Section>,
}

fn shape(
    question: DraftQuestion,
    number: usize,
    warnings: &mut Vec<ImportWarning>,
) -> Option<Shaped> {
    let DraftQuestion { line, title, body } = question;
    let has_minutes = body.has(Field::Minutes);
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
        .filter(|section| section.label.field() == Some(Field::Prompt))
        .flat_map(|section| section.blocks.iter().cloned())
        .collect();
    let starts_with_text = intro
        .first()
        .is_some_and(|block| matches!(block.kind, BlockKind::Paragraph | BlockKind::Line));
    let (mut prompt, name) = if !prompt_blocks.is_empty() {
        (prose(&prompt_blocks), title)
    } else if (title.is_empty() || is_name(&title)) && starts_with_text {
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
    if !has_minutes
        && minutes.is_none()
        && let Some((rest, found)) = take_time_suffix(&prompt)
    {
        minutes = Some(found);
        prompt = rest.to_owned();
    }

    let explicit_id = sections
        .iter()
        .filter(|section| section.label.field() == Some(Field::Id))
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

/// Fills a question's fields from its sections.
fn fill(shaped: Shaped, warnings: &mut Vec<ImportWarning>) -> Question {
    let Shaped {
        id,
        prompt,
        minutes,
        leftover,
        sections,
        ..
    } = shaped;
    let mut question = Question::new(id.clone(), prompt, minutes.unwrap_or(DEFAULT_MINUTES));
    let mut guidance = Vec::new();
    let mut warn = |line: usize, kind: WarningKind, message: String| {
        warnings.push(ImportWarning::question(line, &id, kind, message));
    };

    if let Some(first) = leftover.first() {
        let text = prose(&leftover);
        warn(
            first.line,
            WarningKind::KeptInGuidance,
            format!("text without a label kept in guidance: {}", excerpt(&text)),
        );
        guidance.push(text);
    }

    // Rubric text may come in more than one section; it is read as one, where the first is.
    let rubric_blocks: Vec<Block> = sections
        .iter()
        .filter(|section| section.label.field() == Some(Field::Rubric))
        .flat_map(|section| section.blocks.iter().cloned())
        .collect();
    let mut rubric_done = false;
    for section in sections {
        let Section {
            label,
            line,
            blocks,
            ..
        } = section;
        if blocks.is_empty() {
            continue;
        }
        // Why the section's text could not go into its field, when it could not.
        let kept = match label.field() {
            Some(Field::Prompt | Field::Id) => None,
            Some(Field::Purpose) => {
                append(&mut question.purpose, prose(&blocks));
                None
            }
            Some(Field::KeyPoints) => {
                question.key_points.extend(items(&blocks));
                None
            }
            Some(Field::FollowUps) => {
                question.follow_ups.extend(items(&blocks));
                None
            }
            Some(Field::RedFlags) => {
                question.red_flags.extend(items(&blocks));
                None
            }
            Some(Field::Guidance) => {
                guidance.push(prose(&blocks));
                None
            }
            Some(Field::Tags) => {
                add_tags(&mut question.tags, &blocks);
                None
            }
            Some(Field::Rubric) if rubric_done => continue,
            Some(Field::Rubric) => {
                rubric_done = true;
                question.rubric = read_rubric(&rubric_blocks, line, &mut guidance, &mut warn);
                continue;
            }
            Some(Field::Competency) if question.competency.is_empty() => {
                question.competency = flat(&blocks);
                None
            }
            Some(Field::Competency) => Some("a second competency kept in guidance".to_owned()),
            Some(Field::Level) => match parse_level(&flat(&blocks)) {
                Some(level) => {
                    question.level = level;
                    None
                }
                None => Some(format!(
                    "level {} is not one of Any, Junior, Mid, Senior, Staff; kept in guidance",
                    excerpt(&flat(&blocks))
                )),
            },
            Some(Field::Minutes) => {
                let text = flat(&blocks);
                match parse_minutes(&text).filter(|m| (1..=MAX_MINUTES).contains(m)) {
                    Some(found) => {
                        question.minutes = found;
                        (!is_plain_time(&text)).then(|| {
                            format!("time read as {found} minutes; the full text kept in guidance")
                        })
                    }
                    None => Some(format!(
                        "time {} is not 1 to {MAX_MINUTES} minutes; {} minutes used, the text \
                         kept in guidance",
                        excerpt(&text),
                        question.minutes
                    )),
                }
            }
            Some(Field::Weight) => match parse_weight(&flat(&blocks)) {
                Some(weight) => {
                    question.weight = weight;
                    None
                }
                None => Some(format!(
                    "weight {} is not a number above 0 and at most {MAX_WEIGHT}; kept in guidance",
                    excerpt(&flat(&blocks))
                )),
            },
            Some(Field::Author | Field::Description) => Some(format!(
                "section `{}` belongs to a pack, not a question; kept in guidance",
                label.name()
            )),
            None => Some(format!(
                "unknown section `{}` kept in guidance",
                label.name()
            )),
        };
        if let Some(reason) = kept {
            warn(line, WarningKind::KeptInGuidance, reason);
            guidance.push(labelled(label.name(), &prose(&blocks)));
        }
    }

    question.guidance = guidance
        .into_iter()
        .filter(|piece| !piece.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    question
}

/// Reads the rubric sections of a question; text that names no level, or the whole text when
/// levels cannot be told apart, goes to `guidance`.
fn read_rubric(
    blocks: &[Block],
    line: usize,
    guidance: &mut Vec<String>,
    warn: &mut impl FnMut(usize, WarningKind, String),
) -> Option<Rubric> {
    let Some(parsed) = rubric::parse(blocks) else {
        warn(
            line,
            WarningKind::KeptInGuidance,
            "rubric guidance kept as guidance: levels could not be told apart".to_owned(),
        );
        guidance.push(prose(blocks));
        return None;
    };
    if !parsed.unplaced.is_empty() {
        let text = parsed.unplaced.join(" ");
        warn(
            line,
            WarningKind::KeptInGuidance,
            format!(
                "rubric text that names no level kept in guidance: {}",
                excerpt(&text)
            ),
        );
        guidance.push(text);
    }
    if !parsed.filled.is_empty() {
        warn(
            line,
            WarningKind::Adjusted,
            format!(
                "the rubric does not describe {}; the standard anchor is used",
                parsed.filled.join(", ")
            ),
        );
    }
    Some(parsed.rubric)
}
