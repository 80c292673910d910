//! Search over the bundled packs as an interviewer uses it: topic words, misspelt or not, find
//! the question about that topic near the top; and `onsite search` prints the same order.
#![allow(clippy::unwrap_used)]

mod common;

use common::{onsite, text};
use onsite::domain::Question;
use onsite::search::{Filter, Hit, QuestionIndex, SearchField};
use onsite::storage::{PackEntry, bundled_packs};
use proptest::prelude::*;

fn packs() -> Vec<PackEntry> {
    let loaded = bundled_packs();
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    loaded.items
}

fn search(index: &QuestionIndex, query: &str) -> Vec<Hit> {
    index.search(&Filter {
        query: query.into(),
        ..Filter::default()
    })
}

/// `pack-id/question-id` of a hit.
fn name(packs: &[PackEntry], hit: &Hit) -> String {
    let pack = &packs[hit.key.pack].pack;
    format!("{}/{}", pack.id, pack.questions[hit.key.question].id)
}

/// Topic queries as an interviewer types them, the question each is after, and the rank it
/// must reach (1 = first).
#[rustfmt::skip]
const TOPICS: [(&str, &str, usize); 17] = [
    // Three questions have the tag; the other two mention it in more key points.
    ("idempotency",        "backend-engineering/distributed-consistency", 3),
    ("caching",            "backend-engineering/caching-strategies", 1),
    ("migration",          "backend-engineering/schema-migrations", 3),
    ("rate limit",         "system-design/api-rate-limiter", 3),
    ("conflict",           "behavioral/technical-disagreement", 3),
    ("kubernetes",         "backend-engineering/containers-orchestration", 1),
    ("CAP",                "backend-engineering/cap-theorem", 1),
    ("disagreement",       "behavioral/technical-disagreement", 1),
    ("kafka",              "backend-engineering/event-consumer-ordering", 1),
    ("zero downtime",      "backend-engineering/schema-migrations", 3),
    ("circuit breaker",    "backend-engineering/dependency-resilience", 1),
    ("mentoring",          "behavioral/mentoring", 1),
    ("rotate credentials", "backend-engineering/leaked-credential", 1),
    ("URL shortener",      "system-design/url-shortener", 1),
    ("memory leak",        "backend-engineering/memory-growth", 1),
    // Misspelt while listening.
    ("cahce",              "backend-engineering/caching-strategies", 3),
    ("migraton",           "backend-engineering/schema-migrations", 3),
];

#[test]
fn topic_words_find_their_question_near_the_top() {
    let packs = packs();
    let index = QuestionIndex::new(&packs);
    let mut misses = Vec::new();
    for (query, expected, within) in TOPICS {
        let hits = search(&index, query);
        let names: Vec<String> = hits.iter().map(|hit| name(&packs, hit)).collect();
        match names.iter().position(|n| n == expected) {
            Some(rank) if rank < within => {}
            rank => misses.push(format!(
                "{query:?}: {expected} at {:?}, wanted within {within}; top: {:?}",
                rank.map(|r| r + 1),
                &names[..names.len().min(5)]
            )),
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

/// Every searched text of `question`, lower-cased.
fn searched_text(question: &Question, pack_title: &str) -> String {
    SearchField::ALL
        .iter()
        .flat_map(|field| field.texts(question, pack_title))
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[test]
fn cache_finds_only_questions_about_caching() {
    let packs = packs();
    let index = QuestionIndex::new(&packs);
    let hits = search(&index, "cache");
    let total: usize = packs.iter().map(|e| e.pack.questions.len()).sum();
    let mut mention = 0;
    for entry in &packs {
        for question in &entry.pack.questions {
            let text = searched_text(question, &entry.pack.title);
            // "cache", "cached", "caches", "caching" as words (not "memcached").
            let mentions = text
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word.starts_with("cach"));
            mention += usize::from(mentions);
            let found = hits.iter().any(|hit| {
                packs[hit.key.pack].pack.questions[hit.key.question].id == question.id
                    && packs[hit.key.pack].pack.id == entry.pack.id
            });
            assert_eq!(found, mentions, "{}/{}", entry.pack.id, question.id);
        }
    }
    assert!(mention > 0 && mention < total / 3, "{mention} of {total}");
    // The questions about caching (in the prompt or tags) come before those that only mention
    // it on the side.
    let first_detail = hits
        .iter()
        .position(Hit::only_in_details)
        .unwrap_or(hits.len());
    assert!(hits[first_detail..].iter().all(Hit::only_in_details));
    assert!(first_detail >= 4, "{first_detail}");
    let top = &packs[hits[0].key.pack].pack.questions[hits[0].key.question];
    assert!(top.tags.iter().any(|tag| tag == "caching"), "{}", top.id);
}

#[test]
fn highlights_are_words_of_the_field_they_name() {
    let packs = packs();
    let index = QuestionIndex::new(&packs);
    for query in [
        "cache",
        "rate limit",
        "cahce",
        "disagreement",
        "kubernetes pods",
    ] {
        for hit in search(&index, query) {
            let entry = &packs[hit.key.pack];
            let question = &entry.pack.questions[hit.key.question];
            assert!(!hit.highlights.is_empty());
            for highlight in &hit.highlights {
                let texts = highlight.field.texts(question, &entry.pack.title);
                let word = texts[highlight.item()].get(highlight.range()).unwrap();
                assert!(
                    !word.is_empty() && word.chars().all(|c| c.is_alphanumeric() || c == '\''),
                    "{query}: {word:?}"
                );
            }
            assert_eq!(
                index.highlights(question, &entry.pack.title, query),
                hit.highlights
            );
        }
    }
}

/// Words that occur in the bundled packs, for building queries that find something.
fn vocabulary() -> Vec<String> {
    let mut words: Vec<String> = packs()
        .iter()
        .flat_map(|entry| {
            entry
                .pack
                .questions
                .iter()
                .map(|q| searched_text(q, &entry.pack.title))
                .collect::<Vec<_>>()
        })
        .flat_map(|text| {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 2)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    words.sort();
    words.dedup();
    words
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn adding_a_query_word_never_adds_hits(
        picks in prop::collection::vec(any::<prop::sample::Index>(), 1..4),
        cut in 1usize..8,
        extra in "[a-z]{1,8}",
        typo in any::<bool>(),
    ) {
        let packs = packs();
        let index = QuestionIndex::new(&packs);
        let vocabulary = vocabulary();
        // Real words, some cut short (prefixes) or mistyped, plus an arbitrary one.
        let mut words: Vec<String> = picks.iter().map(|pick| {
            let word = pick.get(&vocabulary);
            let mut word: String = word.chars().take(cut.max(3)).collect();
            if typo && word.len() > 5 {
                word.remove(2);
            }
            word
        }).collect();
        words.push(extra);
        let keys = |n: usize| -> Vec<_> {
            search(&index, &words[..n].join(" ")).into_iter().map(|hit| hit.key).collect()
        };
        for n in 1..words.len() {
            let before = keys(n);
            let after = keys(n + 1);
            prop_assert!(
                after.iter().all(|key| before.contains(key)),
                "{:?} → {:?}", &words[..n], &words[..=n]
            );
        }
    }
}

#[test]
fn the_command_line_prints_the_same_order() {
    let home = tempfile::tempdir().unwrap();
    let packs = packs();
    let index = QuestionIndex::new(&packs);
    let expected: Vec<String> = search(&index, "rate limit")
        .iter()
        .take(3)
        .map(|hit| {
            let question = &packs[hit.key.pack].pack.questions[hit.key.question];
            format!("{}  {}", name(&packs, hit), question.prompt)
        })
        .collect();
    let output = onsite(home.path(), &["search", "rate", "limit", "--limit", "3"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout).lines().collect::<Vec<_>>(), expected);
    assert!(expected[0].starts_with("system-design/"), "{expected:?}");

    let output = onsite(home.path(), &["search", "--pack", "behavioral", "conflict"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout
            .lines()
            .next()
            .unwrap()
            .starts_with("behavioral/technical-disagreement  Tell me"),
        "{stdout}"
    );
    assert!(stdout.lines().all(|line| line.starts_with("behavioral/")));
}

#[test]
fn the_command_line_says_why_nothing_matched() {
    let home = tempfile::tempdir().unwrap();
    let output = onsite(home.path(), &["search", "mainframe"]);
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("no question mentions ‘mainframe’"),
        "{stderr}"
    );

    let output = onsite(home.path(), &["search", "--pack", "behavioral", "kafka"]);
    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    assert!(stderr.contains("leave out --pack"), "{stderr}");

    let output = onsite(home.path(), &["search", "--pack", "no-such-pack", "cache"]);
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("no pack has the id `no-such-pack`"));
}
