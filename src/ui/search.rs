//! Fuzzy search over every question in the library, built once when packs load.
//!
//! The haystack of each question (prompt, competency, tags, pack title) is converted to the
//! matcher's format up front, so a keystroke only runs the matcher. Short queries match
//! almost every long prompt, so hits are found with the matcher's linear greedy pass and only
//! the best few are re-scored with the exact (quadratic) one: 10,000 questions are searched
//! well within a frame.

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};

use crate::domain::{Level, Question};
use crate::storage::PackEntry;

/// A question's position in the loaded packs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct QuestionKey {
    /// Index of the pack.
    pub pack: usize,
    /// Index of the question within the pack.
    pub question: usize,
}

/// Which questions to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Fuzzy query; empty shows everything.
    pub query: String,
    /// Only this pack (by index).
    pub pack: Option<usize>,
    /// Only this competency.
    pub competency: Option<String>,
    /// Only this level.
    pub level: Option<Level>,
}

struct Entry {
    key: QuestionKey,
    haystack: Utf32String,
    competency: String,
    level: Level,
}

/// How many of the best greedy hits are re-scored exactly to order them.
const RESCORED: usize = 200;

/// The searchable list of every question.
pub struct QuestionIndex {
    entries: Vec<Entry>,
    competencies: Vec<String>,
    matcher: Matcher,
}

impl QuestionIndex {
    /// Indexes every question of `packs`.
    pub fn new(packs: &[PackEntry]) -> Self {
        let mut entries = Vec::new();
        let mut competencies: Vec<String> = Vec::new();
        for (pack_index, entry) in packs.iter().enumerate() {
            for (question_index, question) in entry.pack.questions.iter().enumerate() {
                if !question.competency.is_empty() && !competencies.contains(&question.competency) {
                    competencies.push(question.competency.clone());
                }
                entries.push(Entry {
                    key: QuestionKey {
                        pack: pack_index,
                        question: question_index,
                    },
                    haystack: haystack(question, &entry.pack.title),
                    competency: question.competency.clone(),
                    level: question.level,
                });
            }
        }
        competencies.sort_by_key(|c| c.to_lowercase());
        Self {
            entries,
            competencies,
            matcher: Matcher::new(Config::DEFAULT),
        }
    }

    /// Number of questions indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no questions at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every competency named by some question, sorted.
    pub fn competencies(&self) -> &[String] {
        &self.competencies
    }

    /// The questions that pass `filter`: best match first for a query, pack order otherwise.
    pub fn search(&mut self, filter: &Filter) -> Vec<QuestionKey> {
        let query = filter.query.trim();
        let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
        let passes = |entry: &&Entry| {
            filter.pack.is_none_or(|pack| pack == entry.key.pack)
                && filter
                    .competency
                    .as_ref()
                    .is_none_or(|c| *c == entry.competency)
                && filter.level.is_none_or(|level| level == entry.level)
        };
        let candidates = self.entries.iter().filter(passes);
        if query.is_empty() {
            return candidates.map(|entry| entry.key).collect();
        }
        // Plain words (no `^`, `'`, `!` syntax) can be pre-filtered greedily: a subsequence
        // exists exactly when the greedy pass finds one, so no hit is lost.
        let greedy = pattern
            .atoms
            .iter()
            .all(|atom| atom.kind == AtomKind::Fuzzy && !atom.negative);
        let mut hits: Vec<(u32, &Entry)> = Vec::new();
        for entry in candidates {
            let score = if greedy {
                self.matcher.config.ignore_case = true;
                self.matcher.config.normalize = true;
                pattern.atoms.iter().try_fold(0u32, |total, atom| {
                    let found = self
                        .matcher
                        .fuzzy_match_greedy(entry.haystack.slice(..), atom.needle_text())?;
                    Some(total + u32::from(found))
                })
            } else {
                pattern.score(entry.haystack.slice(..), &mut self.matcher)
            };
            if let Some(score) = score {
                hits.push((score, entry));
            }
        }
        // Stable sorts keep pack order among equal scores.
        hits.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
        if greedy {
            // Order the best hits by the exact score; the rest keep their greedy order.
            let best = hits.len().min(RESCORED);
            for (score, entry) in &mut hits[..best] {
                *score = pattern
                    .score(entry.haystack.slice(..), &mut self.matcher)
                    .unwrap_or(*score);
            }
            hits[..best].sort_by_key(|(score, _)| std::cmp::Reverse(*score));
        }
        hits.into_iter().map(|(_, entry)| entry.key).collect()
    }
}

fn haystack(question: &Question, pack_title: &str) -> Utf32String {
    let mut text = String::with_capacity(question.prompt.len() + 64);
    text.push_str(&question.prompt);
    for part in [
        question.competency.as_str(),
        pack_title,
        question.level.label(),
    ] {
        // An ASCII separator keeps plain-ASCII questions on the matcher's fast ASCII path.
        text.push_str(" | ");
        text.push_str(part);
    }
    for tag in &question.tags {
        text.push_str(" #");
        text.push_str(tag);
    }
    Utf32String::from(text.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::bundled_packs;

    #[test]
    fn finds_questions_by_prompt_tag_and_competency_with_filters() {
        let packs = bundled_packs().items;
        let mut index = QuestionIndex::new(&packs);
        assert!(index.len() >= 31);
        let mut filter = Filter {
            query: "cache".into(),
            ..Filter::default()
        };
        let hits = index.search(&filter);
        assert!(!hits.is_empty());
        let top = &packs[hits[0].pack].pack.questions[hits[0].question];
        assert!(
            top.prompt.to_lowercase().contains("cach")
                || top.tags.iter().any(|t| t.contains("cach"))
        );

        filter.query.clear();
        filter.pack = Some(1);
        assert!(index.search(&filter).iter().all(|k| k.pack == 1));
        filter.pack = None;
        filter.competency = index.competencies().first().cloned();
        let by_competency = index.search(&filter);
        assert!(!by_competency.is_empty());
        assert!(by_competency.iter().all(|k| {
            Some(&packs[k.pack].pack.questions[k.question].competency) == filter.competency.as_ref()
        }));
        filter.query = "zzqqxxjj".into();
        assert!(index.search(&filter).is_empty());
    }

    #[test]
    fn the_greedy_prefilter_finds_exactly_what_exact_scoring_finds() {
        let packs = bundled_packs().items;
        let mut index = QuestionIndex::new(&packs);
        let mut exact_matcher = Matcher::new(Config::DEFAULT);
        for query in [
            "c",
            "ca",
            "cache",
            "retry queue",
            "API design",
            "Ω",
            "zzqq",
            "^Design",
        ] {
            let filter = Filter {
                query: query.into(),
                ..Filter::default()
            };
            let found: std::collections::HashSet<_> = index.search(&filter).into_iter().collect();
            let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
            let exact: std::collections::HashSet<_> = index
                .entries
                .iter()
                .filter(|e| {
                    pattern
                        .score(e.haystack.slice(..), &mut exact_matcher)
                        .is_some()
                })
                .map(|e| e.key)
                .collect();
            assert_eq!(found, exact, "{query}");
        }
    }
}
