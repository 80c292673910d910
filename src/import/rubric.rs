//! Rubric text → anchored levels.
//!
//! Documents describe levels as numbered lines ("1 – Weak: …", "Level 3: …"), labelled lines
//! ("Strong: …") or prose ("Weak answers …; strong answers mention …; the best also …"). The
//! text is cut into pieces (list items, lines, clauses, sentences); each piece that names a
//! level starts that level's anchor, and a piece that names none continues the level before
//! it. Fewer than two levels means the levels cannot be told apart, and the caller keeps the
//! text as guidance instead.

use std::collections::BTreeMap;

use super::draft::{Block, BlockKind};
use super::labels::normalise;
use super::words::sentences;
use crate::domain::{Rubric, RubricLevel};

/// What a rubric section turned into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Parsed {
    /// The levels, lowest first.
    pub rubric: Rubric,
    /// Text before the first level that names none; the caller keeps it as guidance.
    pub unplaced: Vec<String>,
    /// Labels of standard levels the text did not describe, given the standard anchor.
    pub filled: Vec<String>,
}

/// Rough strength a word gives a level. `Strong` sits between good and the best: it is the top
/// level unless the text also has a word for the best.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tier {
    Low,
    Middle,
    Good,
    Strong,
    Top,
}

const TIER_WORDS: &[(&str, Tier)] = &[
    ("poor", Tier::Low),
    ("poorer", Tier::Low),
    ("weak", Tier::Low),
    ("weaker", Tier::Low),
    ("weakest", Tier::Low),
    ("worse", Tier::Low),
    ("worst", Tier::Low),
    ("bad", Tier::Low),
    ("unacceptable", Tier::Low),
    ("insufficient", Tier::Low),
    ("inadequate", Tier::Low),
    ("unsatisfactory", Tier::Low),
    ("fail", Tier::Low),
    ("fails", Tier::Low),
    ("failing", Tier::Low),
    ("basic", Tier::Middle),
    ("partial", Tier::Middle),
    ("partially", Tier::Middle),
    ("average", Tier::Middle),
    ("acceptable", Tier::Middle),
    ("adequate", Tier::Middle),
    ("fair", Tier::Middle),
    ("mediocre", Tier::Middle),
    ("limited", Tier::Middle),
    ("borderline", Tier::Middle),
    ("good", Tier::Good),
    ("better", Tier::Good),
    ("solid", Tier::Good),
    ("competent", Tier::Good),
    ("satisfactory", Tier::Good),
    ("proficient", Tier::Good),
    ("decent", Tier::Good),
    ("strong", Tier::Strong),
    ("stronger", Tier::Strong),
    ("strongest", Tier::Top),
    ("great", Tier::Strong),
    ("excellent", Tier::Top),
    ("exceptional", Tier::Top),
    ("outstanding", Tier::Top),
    ("best", Tier::Top),
    ("superb", Tier::Top),
    ("exemplary", Tier::Top),
    ("ideal", Tier::Top),
];

/// Only this many words at the start of a piece are searched for a level word, so "mentions
/// strong consistency" late in a sentence does not make it a level.
const TIER_WORDS_SEARCHED: usize = 5;

/// Labels of the standard scale, score 1 first.
const STANDARD_LABELS: [&str; 4] = ["Weak", "Partial", "Solid", "Strong"];

/// A piece of rubric text and the level it names.
struct Piece {
    text: String,
    level: Named,
    /// Written exactly (a `verbatim` block): the anchor of its level as it is.
    exact_text: bool,
}

/// The level a piece names.
enum Named {
    /// A score written out; `exact` when written as `**3 Solid** — …`, the form Onsite's own
    /// Markdown uses, which is taken exactly as written.
    Score {
        score: u8,
        label: Option<String>,
        exact: bool,
    },
    /// A level word.
    Tier(Tier),
    /// None: the piece continues the level before it.
    Nothing,
}

/// A level being collected.
#[derive(Default)]
struct Collected {
    label: Option<String>,
    anchors: Vec<String>,
    exact: bool,
    /// An anchor written exactly, which wins over the pieces.
    exact_anchor: Option<String>,
}

/// Whether `name` names a rubric level ("Strong", "Weak answer", "Level 3", "2"), so it is not
/// mistaken for a section label.
pub(crate) fn names_a_level(name: &str) -> bool {
    let key = normalise(name);
    let mut words = key.split(' ');
    let first = words.next().unwrap_or("");
    let count = key.split(' ').count();
    if first.bytes().all(|b| b.is_ascii_digit()) && !first.is_empty() {
        return count <= 3;
    }
    if (first == "level" || first == "score") && count == 2 {
        return words
            .next()
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
    }
    let first = if first == "the" {
        words.next().unwrap_or("")
    } else {
        first
    };
    count <= 3 && tier_word(first).is_some()
}

/// Turns the blocks of a rubric section into levels, or `None` when fewer than two levels can
/// be told apart.
pub(crate) fn parse(blocks: &[Block]) -> Option<Parsed> {
    let pieces = pieces(blocks);
    let numbered = pieces
        .iter()
        .any(|piece| matches!(piece.level, Named::Score { .. }));
    let has_top = pieces
        .iter()
        .any(|piece| matches!(piece.level, Named::Tier(Tier::Top)));

    let mut levels: BTreeMap<u8, Collected> = BTreeMap::new();
    let mut current = None;
    let mut unplaced = Vec::new();
    for piece in pieces {
        let named = match piece.level {
            Named::Score {
                score,
                label,
                exact,
            } => Some((score, label, exact)),
            // Once scores are written out, level words are just words.
            Named::Tier(tier) if !numbered => Some((tier_score(tier, has_top), None, false)),
            Named::Tier(_) | Named::Nothing => None,
        };
        match (named, current) {
            (Some((score, label, exact)), _) => {
                let level = levels.entry(score).or_insert_with(|| Collected {
                    exact: true,
                    ..Collected::default()
                });
                level.exact &= exact;
                if level.label.is_none() {
                    level.label = label;
                }
                level.anchors.push(piece.text);
                current = Some(score);
            }
            (None, Some(score)) => {
                if let Some(level) = levels.get_mut(&score) {
                    if piece.exact_text {
                        level.exact_anchor = Some(piece.text);
                    } else {
                        level.anchors.push(piece.text);
                    }
                }
            }
            (None, None) => unplaced.push(piece.text),
        }
    }
    if levels.len() < 2 {
        return None;
    }
    Some(assemble(levels, unplaced))
}

fn assemble(levels: BTreeMap<u8, Collected>, unplaced: Vec<String>) -> Parsed {
    let standard = Rubric::standard();
    let exact = levels.values().all(|level| level.exact);
    let on_standard_scale = levels.keys().all(|score| (1..=4).contains(score));
    let to_level = |score: u8, level: &Collected| RubricLevel {
        score,
        label: level
            .label
            .clone()
            .filter(|label| !label.trim().is_empty())
            .unwrap_or_else(|| default_label(score)),
        anchor: match &level.exact_anchor {
            Some(exact) if level.anchors.iter().all(|a| a.trim().is_empty()) => exact.clone(),
            _ => level
                .anchors
                .iter()
                .map(|a| a.trim())
                .filter(|a| !a.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
                .trim_end_matches(';')
                .trim_end()
                .to_owned(),
        },
    };
    let mut filled = Vec::new();
    let rubric_levels = if on_standard_scale && !exact {
        // Prose and loosely numbered rubrics become the standard four levels; a level the text
        // skipped gets the standard anchor so every score can still be given.
        standard
            .levels
            .iter()
            .map(|default| match levels.get(&default.score) {
                Some(level) => to_level(default.score, level),
                None => {
                    filled.push(default.label.clone());
                    default.clone()
                }
            })
            .collect()
    } else {
        levels
            .iter()
            .map(|(score, level)| to_level(*score, level))
            .collect()
    };
    Parsed {
        rubric: Rubric {
            levels: rubric_levels,
        },
        unplaced,
        filled,
    }
}

fn default_label(score: u8) -> String {
    match score {
        1..=4 => STANDARD_LABELS[usize::from(score - 1)].to_owned(),
        _ => format!("Level {score}"),
    }
}

fn tier_score(tier: Tier, has_top: bool) -> u8 {
    match tier {
        Tier::Low => 1,
        Tier::Middle => 2,
        Tier::Good => 3,
        Tier::Strong if has_top => 3,
        Tier::Strong | Tier::Top => 4,
    }
}

fn tier_word(word: &str) -> Option<Tier> {
    TIER_WORDS
        .iter()
        .find(|(known, _)| *known == word)
        .map(|(_, tier)| *tier)
}

/// Cuts the blocks into pieces and names the level of each.
fn pieces(blocks: &[Block]) -> Vec<Piece> {
    let mut out = Vec::new();
    for block in blocks {
        if let Some(piece) = block
            .lead
            .as_deref()
            .and_then(|lead| exact(&block.text, lead))
        {
            out.push(piece);
            continue;
        }
        if matches!(block.kind, BlockKind::Code | BlockKind::Verbatim) {
            out.push(Piece {
                text: block.text.clone(),
                level: Named::Nothing,
                exact_text: block.kind == BlockKind::Verbatim,
            });
            continue;
        }
        for line in block.text.lines() {
            for clause in line.split_inclusive(';') {
                for sentence in sentences(clause) {
                    let sentence = sentence.trim();
                    if !sentence.is_empty() {
                        out.push(classify(sentence));
                    }
                }
            }
        }
    }
    out
}

/// `**3 Solid** — anchor`: the form Onsite writes, taken exactly.
fn exact(text: &str, lead: &str) -> Option<Piece> {
    let written = lead.trim();
    let (number, label) = written
        .split_once(char::is_whitespace)
        .unwrap_or((written, ""));
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let score = number.parse().ok()?;
    let rest = text.trim_start().strip_prefix(lead)?.trim_start();
    let anchor = ["—", "–", "-", ":", "|"]
        .iter()
        .find_map(|separator| rest.strip_prefix(separator))
        .unwrap_or(rest)
        .trim();
    let label = label.trim();
    Some(Piece {
        text: anchor.to_owned(),
        level: Named::Score {
            score,
            label: (!label.is_empty()).then(|| label.to_owned()),
            exact: true,
        },
        exact_text: false,
    })
}

fn classify(text: &str) -> Piece {
    if let Some((score, label, anchor)) = numbered(text) {
        return Piece {
            text: anchor,
            level: Named::Score {
                score,
                label,
                exact: false,
            },
            exact_text: false,
        };
    }
    let tier = text
        .split_whitespace()
        .take(TIER_WORDS_SEARCHED)
        .find_map(|word| {
            tier_word(
                &word
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase(),
            )
        });
    match tier {
        Some(tier) => {
            // "Strong: mentions …" loses its label; "Strong answers mention …" stays whole.
            let anchor = match split_label(text) {
                (Some(label), rest) if names_a_level(&label) => rest,
                _ => text.to_owned(),
            };
            Piece {
                text: anchor,
                level: Named::Tier(tier),
                exact_text: false,
            }
        }
        None => Piece {
            text: text.to_owned(),
            level: Named::Nothing,
            exact_text: false,
        },
    }
}

/// "1: …", "2 - Partial: …", "Level 3 — …", "Score 4/4: …": the score, a label if one follows,
/// and the anchor.
fn numbered(text: &str) -> Option<(u8, Option<String>, String)> {
    let mut rest = text.trim_start();
    for word in ["level", "score"] {
        if let Some(tail) = rest
            .get(..word.len())
            .filter(|head| head.eq_ignore_ascii_case(word))
            .map(|_| &rest[word.len()..])
        {
            rest = tail.trim_start();
            break;
        }
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let score: u8 = rest[..digits].parse().ok()?;
    rest = &rest[digits..];
    if let Some(tail) = rest.strip_prefix('/') {
        rest = tail.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let spaced = rest.starts_with(char::is_whitespace);
    rest = rest.trim_start();
    let separated = match rest.strip_prefix([':', '.', ')', '-', '–', '—', '|', '=']) {
        Some(tail) => {
            rest = tail.trim_start();
            true
        }
        None => false,
    };
    if !separated && !spaced {
        return None;
    }
    let (label, anchor) = split_label(rest);
    if !separated && label.is_none() {
        return None;
    }
    Some((score, label, anchor))
}

/// Separators between a short label and its text.
const LABEL_SEPARATORS: [&str; 5] = [":", " — ", " – ", " - ", " | "];
/// A label before a separator is at most this many characters.
const MAX_LEVEL_LABEL: usize = 30;

/// "Weak: only …" → (`Weak`, `only …`). A label is a level name, or one or two capitalised
/// words ("Needs work"); anything longer is the start of a sentence.
fn split_label(text: &str) -> (Option<String>, String) {
    let found = LABEL_SEPARATORS
        .iter()
        .filter_map(|separator| text.find(separator).map(|at| (at, separator.len())))
        .min();
    if let Some((at, len)) = found
        && at <= MAX_LEVEL_LABEL
    {
        let head = text[..at].trim();
        let words = head.split_whitespace().count();
        let capitalised = head.chars().next().is_some_and(char::is_uppercase) && words <= 2;
        if !head.is_empty()
            && !head.contains(['.', '?', '!', ','])
            && (names_a_level(head) || capitalised)
        {
            return (Some(head.to_owned()), text[at + len..].trim().to_owned());
        }
    }
    (None, text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Block {
        Block::new(1, BlockKind::Paragraph, 0, text)
    }

    fn item(text: &str, lead: Option<&str>) -> Block {
        Block {
            lead: lead.map(str::to_owned),
            ..Block::new(1, BlockKind::Item, 1, text)
        }
    }

    fn anchors(parsed: &Parsed) -> Vec<(u8, &str, &str)> {
        parsed
            .rubric
            .levels
            .iter()
            .map(|l| (l.score, l.label.as_str(), l.anchor.as_str()))
            .collect()
    }

    #[test]
    fn prose_with_level_words_becomes_four_levels() {
        let parsed = parse(&[paragraph(
            "Weak answers only mention TTLs. Strong answers cover invalidation; the best also \
             discuss stampedes.",
        )])
        .unwrap();
        let standard = Rubric::standard();
        assert_eq!(
            anchors(&parsed),
            vec![
                (1, "Weak", "Weak answers only mention TTLs."),
                (2, "Partial", standard.levels[1].anchor.as_str()),
                (3, "Solid", "Strong answers cover invalidation"),
                (4, "Strong", "the best also discuss stampedes."),
            ]
        );
        assert_eq!(parsed.filled, vec!["Partial"]);
    }

    #[test]
    fn labelled_lines_and_continuations() {
        let parsed = parse(&[
            paragraph("Listen for how they reason."),
            item("Poor: guesses. Never asks about load.", None),
            item("Average: knows the terms", None),
            item("Good: applies them", None),
            item("Strong: teaches us something", None),
        ])
        .unwrap();
        assert_eq!(
            anchors(&parsed),
            vec![
                (1, "Weak", "guesses. Never asks about load."),
                (2, "Partial", "knows the terms"),
                (3, "Solid", "applies them"),
                (4, "Strong", "teaches us something"),
            ]
        );
        assert_eq!(parsed.unplaced, vec!["Listen for how they reason."]);
    }

    #[test]
    fn numbers_win_over_words() {
        let parsed = parse(&[
            paragraph("1 - Needs work: weak on basics"),
            paragraph("Level 5: excellent"),
        ])
        .unwrap();
        assert_eq!(
            anchors(&parsed),
            vec![
                (1, "Needs work", "weak on basics"),
                (5, "Level 5", "excellent")
            ]
        );
    }

    #[test]
    fn onsite_markdown_is_taken_exactly() {
        let parsed = parse(&[
            item("0 None — nothing; at all", Some("0 None")),
            item("2 Fine", Some("2 Fine")),
        ])
        .unwrap();
        assert_eq!(
            anchors(&parsed),
            vec![(0, "None", "nothing; at all"), (2, "Fine", "")]
        );
        assert!(parsed.filled.is_empty());
    }

    #[test]
    fn one_level_is_not_enough() {
        assert_eq!(
            parse(&[paragraph("Use your judgement; strong candidates shine.")]),
            None
        );
        assert_eq!(parse(&[]), None);
    }

    #[test]
    fn level_names() {
        assert!(names_a_level("Strong"));
        assert!(names_a_level("Weak answer"));
        assert!(names_a_level("Level 3"));
        assert!(names_a_level("The best"));
        assert!(!names_a_level("Notes"));
    }
}
