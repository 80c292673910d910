//! Paragraphs that start questions where no heading does: "Q: …", "Question: …", "Q3. …",
//! "**1. …**", or a bold question of its own; and a bold question followed by its answer in
//! the same paragraph ("**1. What is a pod?**" then the answer after a line break).

use super::labels::{self, Target};
use super::markdown::{Leaf, LeafKind};
use super::shapes::looks_like_question;
use super::words::{Marker, strip_marker};
use crate::domain::QuestionField;

/// Whether a paragraph starts with a prompt label: "Q: …", "**Question:** …".
pub(crate) fn has_prompt_label(leaf: &Leaf) -> bool {
    leaf.lead
        .as_deref()
        .and_then(|lead| labels::bold(&leaf.text, lead, false))
        .or_else(|| labels::leading(&leaf.text))
        .is_some_and(|(label, _)| label.field() == Some(Target::Field(QuestionField::Prompt)))
}

/// Whether a paragraph (not a list item) reads as the start of a question: a prompt label, a
/// named number ("Q3. …", "Question 4: …"), a bold number ("**1. …**") or a bold question.
pub(crate) fn is_paragraph_question(leaf: &Leaf) -> bool {
    if leaf.kind != LeafKind::Paragraph || leaf.item.is_some() || leaf.depth != 0 {
        return false;
    }
    let marked = strip_marker(&leaf.text)
        .is_some_and(|(marker, _)| matches!(marker, Marker::Named(_)) || leaf.lead.is_some());
    // A paragraph all in bold that asks: "**Why do you want to leave?**", "**Tell me about
    // yourself.**".
    let bold_question =
        leaf.lead.as_deref() == Some(leaf.text.as_str()) && looks_like_question(&leaf.text);
    has_prompt_label(leaf) || marked || bold_question
}

/// Fewest words the bold start of a paragraph needs to be a question apart from the text after
/// it, so "**1. What** is …" stays one sentence.
const LEAD_WORDS: usize = 2;

/// A paragraph that starts with its question in bold and goes on with the answer:
/// "**1. What is a pod?**" then, after a line break, "The smallest unit …". Gives the question
/// and the rest as a paragraph of its own.
pub(crate) fn split_bold_question(leaf: &Leaf) -> Option<(String, Leaf)> {
    let lead = leaf.lead.as_deref()?;
    let after = leaf.text.strip_prefix(lead)?;
    let question = strip_marker(lead).map_or(lead, |(_, rest)| rest);
    if question.split_whitespace().count() < LEAD_WORDS || after.trim().is_empty() {
        return None;
    }
    let lead_end = lead.len();
    let broken = after.starts_with('\n')
        || leaf.breaks.iter().any(|b| b.at == lead_end + 1)
        || lead.trim_end().ends_with(['?', '.', '!', ':']);
    if !broken {
        return None;
    }
    let rest_at = leaf.text.len() - after.trim_start().len();
    let line = leaf
        .breaks
        .iter()
        .find(|b| b.at >= lead_end && b.at <= rest_at)
        .map_or(leaf.line + usize::from(after.starts_with('\n')), |b| b.line);
    let breaks = leaf
        .breaks
        .iter()
        .filter(|b| b.at > rest_at)
        .map(|b| super::markdown::Break {
            at: b.at - rest_at,
            ..b.clone()
        })
        .collect();
    let rest = Leaf {
        line,
        text: after.trim().to_owned(),
        lead: None,
        breaks,
        // The answer continues the item the question opened; it is not an item of its own.
        item: None,
        ..leaf.clone()
    };
    Some((lead.trim().to_owned(), rest))
}
