//! The role of every Markdown leaf, decided up front: which headings are questions, which
//! group questions (categories) or hold none (sections such as "License"), which are parts of a
//! question, which `<summary>`s ask, which lists and tables hold questions, and what is page
//! furniture. [`super::outline`] then walks the leaves with this plan.

use std::collections::HashMap;

use super::furniture::{Furniture, mark_furniture};
use super::labels::{self, Target};
use super::markdown::{ItemMark, Leaf, LeafKind};
use super::paragraphs::is_paragraph_question;
use super::shapes::{
    is_document_section, is_option, looks_like_question, names_a_category, undecorated,
};
use super::table::QuestionColumns;
use super::words::{Marker, strip_marker};

/// What a leaf does in the outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// The document's title.
    Title,
    /// Page furniture, left out.
    Furniture(Furniture),
    /// A heading that starts a question.
    Question,
    /// A heading that groups questions.
    Category,
    /// A heading of a part of the document that holds no questions ("License").
    Section,
    /// A heading below the question level: a part of the question it is in, else a category.
    Sub,
    /// A `<summary>` that is a question.
    Summary,
    /// Anything else: placed where the walk is.
    Content,
}

/// What the text under a heading (up to the next heading that is not a label) holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Body {
    Empty,
    /// A list of questions, or `<summary>` questions.
    Questions,
    /// Anything else: an answer, an introduction.
    Text,
}

/// The roles of the leaves and which lists hold questions.
pub(crate) struct Plan {
    pub roles: Vec<Role>,
    /// Lists (by id) whose items read as questions.
    pub question_lists: HashMap<usize, bool>,
    /// Tables (by list id) whose header names a question column: each row is a question.
    pub question_tables: HashMap<usize, QuestionColumns>,
    /// The document is Onsite's own export (`report::pack_markdown`): only its numbered `##`
    /// headings start questions and no text is furniture, so every pack reads back exactly.
    pub strict: bool,
}

/// Whether the leaves are Onsite's own export: a `#` title, description paragraphs, then the
/// pack's fields as a list starting with `**Id:**`.
fn own_export(leaves: &[Leaf]) -> bool {
    let Some((first, rest)) = leaves.split_first() else {
        return false;
    };
    if first.kind != LeafKind::Heading(1) {
        return false;
    }
    rest.iter()
        .find(|leaf| {
            leaf.item.is_some()
                || leaf.depth > 0
                || !matches!(leaf.kind, LeafKind::Paragraph | LeafKind::Verbatim)
        })
        .is_some_and(|leaf| leaf.depth == 1 && leaf.lead.as_deref() == Some("Id:"))
}

/// The roles in Onsite's own export.
fn strict_plan(leaves: &[Leaf]) -> Plan {
    let roles = leaves
        .iter()
        .enumerate()
        .map(|(i, leaf)| match leaf.kind {
            LeafKind::Heading(1) if i == 0 => Role::Title,
            LeafKind::Heading(2)
                if matches!(strip_marker(&leaf.text), Some((Marker::Number(_), _))) =>
            {
                Role::Question
            }
            _ => Role::Content,
        })
        .collect();
    Plan {
        roles,
        question_lists: HashMap::new(),
        question_tables: HashMap::new(),
        strict: true,
    }
}

/// Whether a heading is a label of a question's part ("Answer", "Red flags").
fn is_label_heading(leaf: &Leaf) -> bool {
    matches!(leaf.kind, LeafKind::Heading(_))
        && strip_marker(&leaf.text).is_none()
        && labels::heading(&leaf.text).is_some_and(|(label, rest)| {
            rest.split_whitespace().count() <= 3 || label.field() == Some(Target::Answer)
        })
}

/// A heading's level; other leaves sit below every heading.
pub(crate) fn level(leaf: &Leaf) -> u8 {
    match leaf.kind {
        LeafKind::Heading(level) => level,
        _ => u8::MAX,
    }
}

/// Whether a `<summary>` names a part ("Answer", "Show solution", "Example") rather than asks.
fn is_part_summary(text: &str) -> bool {
    labels::exact(text).is_some()
        || (!looks_like_question(text) && text.split_whitespace().count() <= 3)
}

/// Whether a heading's text counts as numbered: a marker, or a numbered list item around it.
fn numbered(leaf: &Leaf) -> bool {
    strip_marker(&leaf.text).is_some() || matches!(leaf.item, Some(ItemMark::Number(_)))
}

/// Decides the role of every leaf.
pub(crate) fn plan(leaves: &[Leaf]) -> Plan {
    if own_export(leaves) {
        return strict_plan(leaves);
    }
    let mut roles = vec![Role::Content; leaves.len()];
    mark_furniture(leaves, &mut roles);
    let headings: Vec<usize> = (0..leaves.len())
        .filter(|&i| {
            roles[i] == Role::Content
                && matches!(leaves[i].kind, LeafKind::Heading(_))
                && !is_label_heading(&leaves[i])
        })
        .collect();
    let title = headings.first().copied().filter(|&first| {
        let others = &headings[1..];
        let deeper = others
            .iter()
            .all(|&i| level(&leaves[i]) > level(&leaves[first]));
        deeper && (!looks_like_question(&leaves[first].text) || !others.is_empty())
    });
    if let Some(title) = title {
        roles[title] = Role::Title;
    }
    let candidates: Vec<usize> = headings.into_iter().filter(|&i| Some(i) != title).collect();
    let bodies: Vec<Body> = candidates
        .iter()
        .map(|&i| body(leaves, &roles, i))
        .collect();
    // A numbered heading with nothing under it but deeper headings ("## 1. Basics" over
    // "### 1.1 What is …?") groups them; one that ends with "?" still asks.
    let asks: Vec<bool> = candidates
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let groups = bodies[k] == Body::Empty
                && candidates
                    .get(k + 1)
                    .is_some_and(|&n| level(&leaves[n]) > level(&leaves[i]))
                && !undecorated(&leaves[i].text).trim_end().ends_with('?');
            looks_like_question(&leaves[i].text) && !groups
        })
        .collect();

    // The question level: where most headings ask, else where most headings introduce text.
    let mut asking = [0usize; 7];
    let mut texts = [0usize; 7];
    let mut numbered_at = [0usize; 7];
    for (k, &i) in candidates.iter().enumerate() {
        let at = usize::from(level(&leaves[i]).min(6));
        if asks[k] && bodies[k] != Body::Questions {
            asking[at] += 1;
            if numbered(&leaves[i]) {
                numbered_at[at] += 1;
            }
        }
        if bodies[k] == Body::Text && !is_document_section(&leaves[i].text) {
            texts[at] += 1;
        }
    }
    let pick = |counts: &[usize; 7], deeper_wins: bool| {
        (1..=6)
            .filter(|&l| counts[l] > 0)
            .max_by_key(|&l| (counts[l], if deeper_wins { l } else { 7 - l }))
    };
    let question_level = pick(&asking, true).or_else(|| pick(&texts, false));
    // When nearly every asking heading is numbered, an unnumbered one at that level is not a
    // question ("### Conclusion" among "### 12. …").
    let numbered_level =
        question_level.is_some_and(|l| asking[l] >= 3 && numbered_at[l] * 10 >= asking[l] * 9);

    for (k, &i) in candidates.iter().enumerate() {
        let leaf = &leaves[i];
        let at = usize::from(level(leaf).min(6));
        // "###### References" under a question is a part of it; "## License" is the document's.
        let below_questions = question_level.is_some_and(|l| at > l);
        roles[i] = if is_document_section(&leaf.text) && !below_questions {
            Role::Section
        } else if asks[k] && bodies[k] != Body::Questions {
            Role::Question
        } else if bodies[k] == Body::Questions {
            Role::Category
        } else if Some(at) == question_level {
            let next_deeper = candidates
                .get(k + 1)
                .is_some_and(|&n| level(&leaves[n]) > level(leaf));
            if (numbered_level && !numbered(leaf)) || (bodies[k] == Body::Empty && next_deeper) {
                Role::Category
            } else {
                Role::Question
            }
        } else if question_level.is_some_and(|l| at > l) {
            Role::Sub
        } else {
            Role::Category
        };
    }
    for (i, leaf) in leaves.iter().enumerate() {
        if leaf.kind == LeafKind::Summary
            && roles[i] == Role::Content
            && !is_part_summary(&leaf.text)
        {
            roles[i] = Role::Summary;
        }
    }
    Plan {
        roles,
        question_lists: question_lists(leaves),
        question_tables: question_tables(leaves),
        strict: false,
    }
}

/// The tables whose header names a question column, by list id.
fn question_tables(leaves: &[Leaf]) -> HashMap<usize, QuestionColumns> {
    leaves
        .iter()
        .filter(|leaf| leaf.kind == LeafKind::TableHead)
        .filter_map(|leaf| Some((leaf.list, QuestionColumns::of(&leaf.cells)?)))
        .collect()
}

/// What the text under the heading at `at` holds.
fn body(leaves: &[Leaf], roles: &[Role], at: usize) -> Body {
    let mut lists: HashMap<usize, (usize, usize)> = HashMap::new();
    let mut summaries = 0;
    let mut text = 0;
    // Questions written as paragraphs ("**1. …**", "Q: …") and tables of questions.
    let mut paragraph_questions = 0;
    let mut question_tables = Vec::new();
    let name_groups = names_a_category(&labels::normalise(&leaves[at].text));
    for (i, leaf) in leaves.iter().enumerate().skip(at + 1) {
        if matches!(roles[i], Role::Furniture(_)) {
            continue;
        }
        if matches!(leaf.kind, LeafKind::Heading(_)) && !is_label_heading(leaf) {
            break;
        }
        match leaf.kind {
            // `<summary>` questions right under the heading make it a category; after text
            // they are questions of their own, past the heading's body.
            LeafKind::Summary if !is_part_summary(&leaf.text) && text == 0 && lists.is_empty() => {
                summaries += 1;
            }
            LeafKind::Summary if !is_part_summary(&leaf.text) && summaries == 0 => break,
            LeafKind::Summary if !is_part_summary(&leaf.text) => summaries += 1,
            LeafKind::TableHead => {
                if QuestionColumns::of(&leaf.cells).is_some() {
                    question_tables.push(leaf.list);
                }
            }
            LeafKind::Paragraph if leaf.item.is_some() && question_tables.contains(&leaf.list) => {}
            // One right under the heading is enough; after other text it takes two, as an
            // answer may hold a bold question of its own.
            LeafKind::Paragraph if is_paragraph_question(leaf) => {
                paragraph_questions += if text == 0 && lists.is_empty() { 2 } else { 1 };
            }
            LeafKind::Paragraph if leaf.item.is_some() && !is_option(&leaf.text) => {
                let entry = lists.entry(leaf.list).or_insert((0, 0));
                entry.0 += 1;
                entry.1 += usize::from(looks_like_question(&leaf.text));
            }
            LeafKind::DetailsEnd => {}
            _ => text += 1,
        }
    }
    let (items, asking) = lists
        .values()
        .fold((0, 0), |(n, q), (items, asking)| (n + items, q + asking));
    let listed = items > 0 && (asking * 2 > items || (name_groups && text <= 1));
    if summaries > 0
        || !question_tables.is_empty()
        || paragraph_questions >= 2
        || (listed && items >= text)
    {
        Body::Questions
    } else if text > 0 || items > 0 {
        Body::Text
    } else {
        Body::Empty
    }
}

/// Which lists read as lists of questions: most items ask, and none is a quiz option.
fn question_lists(leaves: &[Leaf]) -> HashMap<usize, bool> {
    let mut counts: HashMap<usize, (usize, usize, bool)> = HashMap::new();
    for leaf in leaves {
        if leaf.item.is_none() || !matches!(leaf.kind, LeafKind::Paragraph) {
            continue;
        }
        let entry = counts.entry(leaf.list).or_insert((0, 0, false));
        entry.0 += 1;
        entry.1 += usize::from(looks_like_question(&leaf.text));
        entry.2 |= is_option(&leaf.text);
    }
    counts
        .into_iter()
        .map(|(list, (items, asking, options))| (list, !options && asking * 2 > items))
        .collect()
}
