//! Fuzzy search over every question in the library, built once when packs load.
//!
//! The haystack of each question (prompt, competency, tags, pack title) is converted to the
//! matcher's format up front, so a keystroke only runs the matcher: thousands of questions
//! are searched well within a frame.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
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
        let pattern = Pattern::parse(
            filter.query.trim(),
            CaseMatching::Ignore,
            Normalization::Smart,
        );
        let mut hits: Vec<(u32, QuestionKey)> = Vec::new();
        for entry in &self.entries {
            if filter.pack.is_some_and(|pack| pack != entry.key.pack)
                || filter
                    .competency
                    .as_ref()
                    .is_some_and(|c| *c != entry.competency)
                || filter.level.is_some_and(|level| level != entry.level)
            {
                continue;
            }
            if filter.query.trim().is_empty() {
                hits.push((0, entry.key));
            } else if let Some(score) = pattern.score(entry.haystack.slice(..), &mut self.matcher) {
                hits.push((score, entry.key));
            }
        }
        // Stable sort keeps pack order among equal scores.
        hits.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
        hits.into_iter().map(|(_, key)| key).collect()
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
        text.push_str(" · ");
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
}
