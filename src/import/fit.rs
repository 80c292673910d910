//! Keeping an imported pack within `domain::limits` without losing text silently: an over-long
//! prompt keeps its start and the rest moves to the guidance, list entries over the limits move
//! to the guidance, and text beyond every limit is left out with a warning that holds it.

use super::warning::WarningKind;
use crate::domain::limits::{
    MAX_ITEM_CHARS, MAX_LIST_ITEMS, MAX_NAME_CHARS, MAX_PROMPT_CHARS, MAX_RUBRIC_LEVELS,
    MAX_TEXT_CHARS, too_long,
};
use crate::domain::{Question, QuestionField, Rubric};

/// A warning about the question being fitted: kind, message, and the text left out.
pub(crate) type Warn<'a> = dyn FnMut(WarningKind, String, Vec<String>) + 'a;

/// Splits `text` so the first part has at most `limit` characters, cutting at a paragraph,
/// line or word end in the second half of it when there is one.
pub(crate) fn split(text: &str, limit: usize) -> (String, String) {
    if !too_long(text, limit) {
        return (text.to_owned(), String::new());
    }
    let end = text
        .char_indices()
        .nth(limit)
        .map_or(text.len(), |(at, _)| at);
    let head = &text[..end];
    let half = head.char_indices().nth(limit / 2).map_or(0, |(at, _)| at);
    let cut = ["\n\n", "\n", " "]
        .iter()
        .find_map(|separator| head[half..].rfind(separator).map(|at| half + at))
        .unwrap_or(end);
    (
        text[..cut].trim_end().to_owned(),
        text[cut..].trim_start().to_owned(),
    )
}

/// Adds `text` to `guidance` as its own paragraph.
fn add(guidance: &mut String, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    if !guidance.is_empty() {
        guidance.push_str("\n\n");
    }
    guidance.push_str(text);
}

/// Fits one question; `warn` is told about every change.
pub(crate) fn question(question: &mut Question, warn: &mut Warn<'_>) {
    let mut extra = String::new();
    let (prompt, rest) = split(&question.prompt, MAX_PROMPT_CHARS);
    if !rest.is_empty() {
        warn(
            WarningKind::KeptInGuidance,
            format!(
                "the question is longer than {MAX_PROMPT_CHARS} characters; its start is the \
                 prompt and the rest is kept at the start of the guidance"
            ),
            Vec::new(),
        );
        question.prompt = prompt;
        add(&mut extra, &format!("Rest of the question:\n{rest}"));
    }
    let (purpose, rest) = split(&question.purpose, MAX_TEXT_CHARS);
    if !rest.is_empty() {
        question.purpose = purpose;
        add(&mut extra, &format!("Rest of why we ask:\n{rest}"));
    }
    for field in [
        QuestionField::KeyPoints,
        QuestionField::FollowUps,
        QuestionField::RedFlags,
    ] {
        let Some(items) = field.items_mut(question) else {
            continue;
        };
        let mut moved = Vec::new();
        let mut kept = Vec::new();
        for item in std::mem::take(items) {
            if kept.len() < MAX_LIST_ITEMS && !too_long(&item, MAX_ITEM_CHARS) {
                kept.push(item);
            } else {
                moved.push(item);
            }
        }
        *items = kept;
        if !moved.is_empty() {
            warn(
                WarningKind::KeptInGuidance,
                format!(
                    "{} {} over the limits ({MAX_LIST_ITEMS} entries of at most \
                     {MAX_ITEM_CHARS} characters) kept in the guidance",
                    moved.len(),
                    field.label().to_lowercase()
                ),
                Vec::new(),
            );
            let list: Vec<String> = moved.iter().map(|item| format!("- {item}")).collect();
            add(
                &mut extra,
                &format!("{}:\n{}", field.label(), list.join("\n")),
            );
        }
    }
    if too_long(&question.competency, MAX_NAME_CHARS) {
        warn(
            WarningKind::KeptInGuidance,
            format!(
                "the competency is longer than {MAX_NAME_CHARS} characters; kept in the guidance"
            ),
            Vec::new(),
        );
        add(
            &mut extra,
            &format!("Competency: {}", std::mem::take(&mut question.competency)),
        );
    }
    if let Some(rubric) = question.rubric.take() {
        question.rubric = fit_rubric(rubric, &mut extra, warn);
    }
    tags(&mut question.tags, warn);
    if !extra.is_empty() {
        let guidance = std::mem::take(&mut question.guidance);
        question.guidance = extra;
        add(&mut question.guidance, &guidance);
    }
    let (guidance, rest) = split(&question.guidance, MAX_TEXT_CHARS);
    if !rest.is_empty() {
        question.guidance = guidance;
        warn(
            WarningKind::LeftOut,
            format!(
                "the guidance is longer than {MAX_TEXT_CHARS} characters; {} characters after \
                 that left out",
                rest.chars().count()
            ),
            vec![rest],
        );
    }
}

fn fit_rubric(mut rubric: Rubric, extra: &mut String, warn: &mut Warn<'_>) -> Option<Rubric> {
    if rubric.levels.len() > MAX_RUBRIC_LEVELS {
        warn(
            WarningKind::KeptInGuidance,
            format!(
                "the rubric has {} levels, more than {MAX_RUBRIC_LEVELS}; kept as guidance",
                rubric.levels.len()
            ),
            Vec::new(),
        );
        let lines: Vec<String> = rubric
            .levels
            .iter()
            .map(|level| format!("- {} {}: {}", level.score, level.label, level.anchor))
            .collect();
        add(extra, &format!("Rubric:\n{}", lines.join("\n")));
        return None;
    }
    for level in &mut rubric.levels {
        let (label, rest) = split(&level.label, MAX_NAME_CHARS);
        if !rest.is_empty() {
            level.label = label;
            level.anchor = format!("{rest} {}", level.anchor).trim().to_owned();
        }
        let (anchor, rest) = split(&level.anchor, MAX_TEXT_CHARS);
        if !rest.is_empty() {
            level.anchor = anchor;
            add(
                extra,
                &format!("Rest of the anchor of level {}:\n{rest}", level.score),
            );
        }
    }
    Some(rubric)
}

/// Keeps at most [`MAX_LIST_ITEMS`] tags of at most [`MAX_NAME_CHARS`] characters.
pub(crate) fn tags(tags: &mut Vec<String>, warn: &mut Warn<'_>) {
    let mut dropped = Vec::new();
    for tag in tags.iter_mut() {
        let (kept, rest) = split(tag, MAX_NAME_CHARS);
        if !rest.is_empty() {
            *tag = kept;
            dropped.push(rest);
        }
    }
    if tags.len() > MAX_LIST_ITEMS {
        dropped.extend(tags.drain(MAX_LIST_ITEMS..));
    }
    if !dropped.is_empty() {
        warn(
            WarningKind::LeftOut,
            format!(
                "tags beyond the limits ({MAX_LIST_ITEMS} tags of at most {MAX_NAME_CHARS} \
                 characters) left out"
            ),
            dropped,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_a_word_end() {
        assert_eq!(split("short", 10), ("short".into(), String::new()));
        assert_eq!(
            split("one two three four", 10),
            ("one two".into(), "three four".into())
        );
        let (head, rest) = split(&"é".repeat(30), 10);
        assert_eq!(head.chars().count(), 10);
        assert_eq!(rest.chars().count(), 20);
    }

    #[test]
    fn a_question_over_every_limit_validates() {
        let mut question = Question::new("q", "word ".repeat(3_000), 10);
        question.key_points = vec!["point".into(); MAX_LIST_ITEMS + 5];
        question.key_points.push("x".repeat(MAX_ITEM_CHARS + 1));
        question.tags = vec!["t".repeat(400)];
        question.guidance = "g ".repeat(40_000);
        let mut warnings = Vec::new();
        super::question(&mut question, &mut |kind, message, dropped| {
            warnings.push((kind, message, dropped));
        });
        let mut problems = Vec::new();
        crate::domain::validate::check_question(
            &question,
            &crate::domain::validate::Subject::File,
            &mut problems,
        );
        assert_eq!(problems, vec![]);
        assert!(question.guidance.starts_with("Rest of the question:\n"));
        assert_eq!(question.key_points.len(), MAX_LIST_ITEMS);
        assert!(
            warnings
                .iter()
                .any(|(kind, _, dropped)| *kind == WarningKind::LeftOut && !dropped.is_empty())
        );
    }
}
