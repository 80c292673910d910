//! The index on small hand-made packs, where the expected order can be worked out by hand.

use std::ops::Range;

use super::*;
use crate::domain::QuestionPack;
use crate::storage::{PackEntry, PackOrigin};

fn question(id: &str, prompt: &str) -> Question {
    Question::new(id, prompt, 10)
}

fn entry(id: &str, title: &str, questions: Vec<Question>) -> PackEntry {
    let mut pack = QuestionPack::new(id, title);
    pack.questions = questions;
    PackEntry::new(pack, PackOrigin::Bundled)
}

/// Two packs whose questions mention "cache" in different fields and ways.
fn library() -> Vec<PackEntry> {
    let mut in_key_points = question("in-key-points", "How do you make a page fast?");
    in_key_points.key_points = vec!["Latency budget".into(), "A cache in front".into()];
    let mut in_competency = question("in-competency", "Which layers would you add?");
    in_competency.competency = "Cache design".into();
    let mut by_tag = question("by-tag", "What goes stale first?");
    by_tag.tags = vec!["caching".into()];
    by_tag.level = Level::Senior;
    let by_prefix = question("by-prefix", "Where do cacheable pages live?");
    let exact = question("exact", "Where would you put a cache?");
    let mut typo_only = question("typo-only", "Explain kubernetes pods; what catches fire?");
    typo_only.competency = "Operations".into();
    let mut apart = question("apart", "What does a rate card show?");
    apart.tags = vec!["limits".into()];
    let together = question("together", "Design a rate limit for the API.");
    let mut second_pack = question("second", "Cache invalidation stories?");
    second_pack.level = Level::Senior;
    vec![
        entry(
            "one",
            "Backend",
            vec![
                in_key_points,
                in_competency,
                by_prefix,
                exact,
                by_tag,
                typo_only,
                apart,
                together,
            ],
        ),
        entry("two", "Stories", vec![second_pack]),
    ]
}

fn ids(packs: &[PackEntry], hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|hit| {
            packs[hit.key.pack].pack.questions[hit.key.question]
                .id
                .clone()
        })
        .collect()
}

fn query(text: &str) -> Filter {
    Filter {
        query: text.into(),
        ..Filter::default()
    }
}

#[test]
fn field_then_kind_then_pack_order() {
    let packs = library();
    let index = QuestionIndex::new(&packs);
    let hits = index.search(&query("cache"));
    // Prompt and tags first (exact before prefix, then pack order), then competency, then
    // key points only.
    assert_eq!(
        ids(&packs, &hits),
        [
            "exact",
            "by-tag",
            "second",
            "by-prefix",
            "in-competency",
            "in-key-points"
        ]
    );
    let best: Vec<Option<SearchField>> = hits.iter().map(|hit| hit.best).collect();
    assert_eq!(
        best,
        [
            Some(SearchField::Prompt),
            Some(SearchField::Tags),
            Some(SearchField::Prompt),
            Some(SearchField::Prompt),
            Some(SearchField::Competency),
            Some(SearchField::KeyPoints),
        ]
    );
    assert!(hits[5].only_in_details());
    assert!(!hits[0].only_in_details());
}

#[test]
fn words_in_one_field_rank_above_scattered_ones() {
    let packs = library();
    let index = QuestionIndex::new(&packs);
    let hits = index.search(&query("limit rate"));
    assert_eq!(ids(&packs, &hits), ["together", "apart"]);
    // Adding a word keeps only questions that have it too.
    assert_eq!(
        ids(&packs, &index.search(&query("rate limit api"))),
        ["together"]
    );
}

#[test]
fn typos_only_for_words_the_library_does_not_have() {
    let packs = library();
    let index = QuestionIndex::new(&packs);
    let hits = index.search(&query("kuberntes"));
    assert_eq!(ids(&packs, &hits), ["typo-only"]);
    assert_eq!(hits[0].highlights[0].kind, MatchKind::Typo);
    // "cache" is in the library, so it is not also read as a typo of "catches"; a misspelt
    // "cacje" is, and finds the same questions, except "cacheable": a changed letter is
    // only accepted in the whole word.
    let correct = ids(&packs, &index.search(&query("cache")));
    assert!(!correct.contains(&"typo-only".to_owned()));
    let misspelt = index.search(&query("cacje"));
    let expected: Vec<String> = correct.into_iter().filter(|id| id != "by-prefix").collect();
    assert_eq!(ids(&packs, &misspelt), expected);
    assert!(
        misspelt
            .iter()
            .all(|hit| hit.highlights.iter().all(|h| h.kind == MatchKind::Typo))
    );
    // Four letters never allow a typo.
    assert!(index.search(&query("kubr")).is_empty());
}

#[test]
fn highlights_point_at_the_matched_words() {
    let packs = library();
    let index = QuestionIndex::new(&packs);
    let hits = index.search(&query("CACHE stale"));
    assert_eq!(ids(&packs, &hits), ["by-tag"]);
    let question = &packs[0].pack.questions[4];
    let words: Vec<(SearchField, usize, &str)> = hits[0]
        .highlights
        .iter()
        .map(|h| {
            let texts = h.field.texts(question, &packs[0].pack.title);
            (h.field, h.item(), &texts[h.item()][h.range()])
        })
        .collect();
    assert_eq!(
        words,
        [
            (SearchField::Prompt, 0, "stale"),
            (SearchField::Tags, 0, "caching")
        ]
    );
    let in_key_points = index.search(&query("cache"));
    let last: Vec<Range<usize>> = in_key_points
        .last()
        .map(|hit| hit.ranges(SearchField::KeyPoints, 1).collect())
        .unwrap_or_default();
    assert_eq!(last.len(), 1);
    assert_eq!(last[0], 2..7);
}

#[test]
fn highlighting_one_question_agrees_with_its_hit() {
    let packs = library();
    let index = QuestionIndex::new(&packs);
    for text in [
        "cache",
        "rate limit",
        "kuberntes",
        "backend cache",
        "stories",
    ] {
        for hit in index.search(&query(text)) {
            let entry = &packs[hit.key.pack];
            let question = &entry.pack.questions[hit.key.question];
            assert_eq!(
                index.highlights(question, &entry.pack.title, text),
                hit.highlights,
                "{text}: {}",
                question.id
            );
        }
    }
    assert!(
        index
            .highlights(&packs[0].pack.questions[0], "", "")
            .is_empty()
    );
}

#[test]
fn short_prefixes_find_without_lighting_up_every_word() {
    let mut packs = library();
    std::sync::Arc::make_mut(&mut packs[1].pack).questions[0].tags = vec!["C".into()];
    let index = QuestionIndex::new(&packs);
    let hits = index.search(&query("c"));
    // Every question with a word starting with "c"; the tag that is the word "C" first.
    assert_eq!(hits.len(), 8);
    assert_eq!(ids(&packs, &hits)[0], "second");
    let lit: Vec<usize> = hits.iter().map(|hit| hit.highlights.len()).collect();
    assert_eq!(lit, [1, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(hits[0].highlights[0].field, SearchField::Tags);
    // Two letters neither; three are a real prefix, and light up.
    assert!(
        index
            .search(&query("ca"))
            .iter()
            .all(|hit| hit.highlights.is_empty())
    );
    let hits = index.search(&query("cac"));
    assert_eq!(hits.len(), 6);
    assert!(hits.iter().all(|hit| !hit.highlights.is_empty()));
}

#[test]
fn pack_title_matches_rank_between_competency_and_details() {
    let packs = library();
    let index = QuestionIndex::new(&packs);
    let hits = index.search(&query("stories"));
    assert_eq!(ids(&packs, &hits), ["second"]);
    assert_eq!(hits[0].best, Some(SearchField::Prompt));
    let hits = index.search(&query("backend"));
    assert_eq!(hits.len(), 8);
    assert!(
        hits.iter()
            .all(|hit| hit.best == Some(SearchField::PackTitle))
    );
}

#[test]
fn filters_combine_with_the_query() {
    let packs = library();
    let index = QuestionIndex::new(&packs);
    let mut filter = query("cache");
    filter.level = Some(Level::Senior);
    assert_eq!(ids(&packs, &index.search(&filter)), ["by-tag", "second"]);
    filter.pack = Some(1);
    assert_eq!(ids(&packs, &index.search(&filter)), ["second"]);
    filter.query.clear();
    assert_eq!(ids(&packs, &index.search(&filter)), ["second"]);
    let by_competency = Filter {
        competency: Some("Operations".into()),
        ..Filter::default()
    };
    assert_eq!(ids(&packs, &index.search(&by_competency)), ["typo-only"]);
    assert_eq!(index.competencies(), ["Cache design", "Operations"]);
    let unknown_competency = Filter {
        competency: Some("Nothing".into()),
        ..Filter::default()
    };
    assert!(index.search(&unknown_competency).is_empty());
    // No query: everything that passes, in pack order, with nothing highlighted.
    let all = index.search(&Filter::default());
    assert_eq!(all.len(), 9);
    assert!(
        all.iter()
            .all(|hit| hit.best.is_none() && hit.highlights.is_empty())
    );
    assert_eq!(index.search(&query(" ?! ")).len(), 9);
}

#[test]
fn an_empty_result_says_what_would_help() {
    let packs = library();
    let index = QuestionIndex::new(&packs);
    assert_eq!(index.explain_no_hits(&query("cache")), None);
    assert_eq!(
        index.explain_no_hits(&query("cache zookeeper Kafka")),
        Some(NoHits::UnknownWords(vec![
            "zookeeper".into(),
            "Kafka".into()
        ]))
    );
    assert_eq!(
        index.explain_no_hits(&query("kubernetes stale")),
        Some(NoHits::NotTogether)
    );
    let mut filter = query("invalidation");
    filter.pack = Some(0);
    filter.level = Some(Level::Senior);
    assert_eq!(
        index.explain_no_hits(&filter),
        Some(NoHits::ClearFilters {
            filters: vec![FilterKind::Pack],
            hits: 1
        })
    );
    filter.level = Some(Level::Staff);
    assert_eq!(
        index.explain_no_hits(&filter),
        Some(NoHits::ClearFilters {
            filters: vec![FilterKind::Pack, FilterKind::Level],
            hits: 1
        })
    );
    let mut by_level = Filter {
        level: Some(Level::Junior),
        ..Filter::default()
    };
    by_level.competency = Some("Operations".into());
    assert_eq!(
        index.explain_no_hits(&by_level),
        Some(NoHits::ClearFilters {
            filters: vec![FilterKind::Level],
            hits: 1
        })
    );
    let empty = QuestionIndex::new(&[]);
    assert!(empty.is_empty());
    assert_eq!(
        empty.explain_no_hits(&query("x")),
        Some(NoHits::NoQuestions)
    );
}

#[test]
fn stems_keep_the_first_letter_of_every_bundled_word() {
    // The index compares a query word only with the words of its first letter, which is
    // right only while stemming never changes the first letter.
    let packs = crate::storage::bundled_packs().items;
    let mut checked = 0;
    for entry in &packs {
        for question in &entry.pack.questions {
            for field in SearchField::ALL {
                for text in field.texts(question, &entry.pack.title) {
                    for range in words::words(text) {
                        let folded = words::fold(&text[range]);
                        let stem = words::stem(&folded);
                        assert_eq!(folded.chars().next(), stem.chars().next(), "{folded}");
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 10_000, "{checked}");
    for word in ["yes", "yearly", "y", "ys", "ying", "'s"] {
        let folded = words::fold(word);
        assert_eq!(
            folded.chars().next(),
            words::stem(&folded).chars().next(),
            "{word}"
        );
    }
}
