//! Filling a question's fields from its labelled sections.
//!
//! Whatever a section holds that no field can take (an unknown label, a level that is not a
//! level, rubric prose without levels) is appended to the question's guidance under its label
//! and named in a warning, so no text of a question is ever dropped. Text under the question
//! without a label is its answer and goes to the guidance as written.

use super::build::{DEFAULT_MINUTES, Shaped};
use super::draft::{Block, BlockKind, Section, flat, prose};
use super::fields::{add_tags, append, items, labelled, parse_level, parse_weight, value};
use super::labels::Target;
use super::warning::{ImportWarning, WarningKind};
use super::words::{excerpt, is_plain_time, parse_minutes};
use super::{fit, quiz, rubric};
use crate::domain::validate::{MAX_MINUTES, MAX_WEIGHT, MIN_WEIGHT};
use crate::domain::{CompetencyVocabulary, Question, QuestionField as Q, Rubric};

/// Fills a question's fields from its sections.
pub(super) fn fill(
    shaped: Shaped,
    vocabulary: Option<&CompetencyVocabulary>,
    mapped: &mut Vec<(String, String)>,
    warnings: &mut Vec<ImportWarning>,
) -> Question {
    let Shaped {
        line: question_line,
        id,
        prompt,
        minutes,
        mut leftover,
        mut sections,
        categories,
        links,
    } = shaped;
    let mut question = Question::new(id.clone(), prompt, minutes.unwrap_or(DEFAULT_MINUTES));
    let mut guidance = Vec::new();
    let mut warn = |line: usize, kind: WarningKind, message: String| {
        warnings.push(ImportWarning::question(line, &id, kind, message));
    };

    // Quiz options, from the text under the question or an "Options" part, as written; the
    // right one (marked, or named by the answer) becomes a key point.
    let mut options = quiz::take_options(&mut leftover);
    for section in &mut sections {
        if section.label.field() == Some(Target::Options) {
            options.append(&mut section.blocks);
        }
    }
    if !options.is_empty() {
        let answer = sections
            .iter_mut()
            .filter(|section| section.label.field() == Some(Target::Answer))
            .find_map(|section| section.blocks.first_mut());
        question.key_points.extend(quiz::correct(&options, answer));
        guidance.push(labelled("Options", &prose(&options)));
    }
    // The text under the question without a label is its answer: kept as written.
    guidance.push(prose(&leftover));

    // Rubric text may come in more than one section; it is read as one, where the first is.
    let rubric_blocks: Vec<Block> = sections
        .iter()
        .filter(|section| section.label.field() == Some(Target::Field(Q::Rubric)))
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
            Some(Target::Field(Q::Prompt | Q::Id) | Target::Options | Target::Title) => None,
            Some(Target::Answer) => {
                let answer: Vec<Block> = blocks
                    .iter()
                    .filter(|block| !block.text.trim().is_empty())
                    .cloned()
                    .collect();
                if is_checklist(&answer) {
                    question.key_points.extend(items(&answer));
                } else {
                    guidance.push(prose(&answer));
                }
                None
            }
            Some(Target::Field(Q::Purpose)) => {
                append(&mut question.purpose, prose(&blocks));
                None
            }
            Some(Target::Field(Q::KeyPoints)) => {
                question.key_points.extend(items(&blocks));
                None
            }
            Some(Target::Field(Q::FollowUps)) => {
                question.follow_ups.extend(items(&blocks));
                None
            }
            Some(Target::Field(Q::RedFlags)) => {
                question.red_flags.extend(items(&blocks));
                None
            }
            Some(Target::Field(Q::Guidance)) => {
                guidance.push(prose(&blocks));
                None
            }
            Some(Target::Reading) => {
                guidance.push(labelled(label.name(), &prose(&blocks)));
                None
            }
            Some(Target::Field(Q::Tags)) => {
                add_tags(&mut question.tags, &blocks);
                None
            }
            Some(Target::Field(Q::Rubric)) if rubric_done => continue,
            Some(Target::Field(Q::Rubric)) => {
                rubric_done = true;
                question.rubric = read_rubric(&rubric_blocks, line, &mut guidance, &mut warn);
                continue;
            }
            Some(Target::Field(Q::Competency)) if question.competency.is_empty() => {
                question.competency = value(&blocks);
                None
            }
            Some(Target::Field(Q::Competency)) => {
                Some("a second competency kept in guidance".to_owned())
            }
            Some(Target::Field(Q::Level)) => match parse_level(&flat(&blocks)) {
                Some(level) => {
                    question.level = level;
                    None
                }
                None => Some(format!(
                    "level {} is not one of Any, Junior, Mid, Senior, Staff; kept in guidance",
                    excerpt(&flat(&blocks))
                )),
            },
            Some(Target::Field(Q::Minutes)) => {
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
            Some(Target::Field(Q::Weight)) => match parse_weight(&flat(&blocks)) {
                Some(weight) => {
                    question.weight = weight;
                    None
                }
                None => Some(format!(
                    "weight {} is not a number from {MIN_WEIGHT} to {MAX_WEIGHT}; kept in guidance",
                    excerpt(&flat(&blocks))
                )),
            },
            Some(Target::Author | Target::Description) => Some(format!(
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

    if !links.is_empty() {
        guidance.push(format!("Links: {}", links.join(" ")));
    }
    question.guidance = guidance
        .into_iter()
        .filter(|piece| !piece.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    add_tags(
        &mut question.tags,
        &categories
            .iter()
            .map(|name| Block::new(question_line, BlockKind::Item, 1, name.as_str()))
            .collect::<Vec<_>>(),
    );
    assign_competency(&mut question, &categories, vocabulary, mapped);
    fit::question(&mut question, &mut |kind, message, dropped| {
        warnings.push(ImportWarning {
            dropped,
            ..ImportWarning::question(question_line, &id, kind, message)
        });
    });
    question
}

/// Most points an answer may have to be read as a checklist.
const CHECKLIST_POINTS: usize = 8;
/// Longest point of an answer read as a checklist, in characters.
const CHECKLIST_POINT_CHARS: usize = 200;

/// Whether an answer reads as a checklist (a list, or a few short sentences) rather than an
/// explanation to keep as written (code, long prose).
fn is_checklist(blocks: &[Block]) -> bool {
    let points = items(blocks);
    !blocks
        .iter()
        .any(|block| matches!(block.kind, BlockKind::Code | BlockKind::Verbatim))
        && blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .count()
            <= 2
        && points.len() <= CHECKLIST_POINTS
        && points
            .iter()
            .all(|point| point.chars().count() <= CHECKLIST_POINT_CHARS)
}

/// The question's competency: the one the document names, else a category the vocabulary
/// knows; written with the vocabulary's name where it knows it. The one place competencies are
/// decided, so mapping rules change here only.
fn assign_competency(
    question: &mut Question,
    categories: &[String],
    vocabulary: Option<&CompetencyVocabulary>,
    mapped: &mut Vec<(String, String)>,
) {
    let Some(vocabulary) = vocabulary else {
        return;
    };
    let written = question.competency.trim().to_owned();
    let found = if written.is_empty() {
        categories.iter().rev().find_map(|name| {
            vocabulary
                .canonical(name)
                .map(|c| (name.clone(), c.to_owned()))
        })
    } else {
        vocabulary
            .canonical(&written)
            .map(|c| (written.clone(), c.to_owned()))
    };
    if let Some((from, to)) = found {
        if from != to && !mapped.iter().any(|(f, t)| *f == from && *t == to) {
            mapped.push((from, to.clone()));
        }
        question.competency = to;
    }
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
