//! Fuzzy search over a 10,000-question library, one call per keystroke as the plan builder makes
//! it: queries typed letter by letter, the competency filter alone and with a query.
//!
//! Run with `cargo bench --bench search`; results are kept in `docs/benchmarks.md`.
//! Target: every keystroke ≤ 4 ms.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{generated_question, measuring};

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};
use onsite::domain::{Level, Question, QuestionPack};
use onsite::storage::{PackEntry, PackOrigin};
use onsite::ui::search::{Filter, QuestionIndex};

/// Questions in the library searched.
const QUESTIONS: usize = 10_000;

/// Keystrokes as they reach the index: every prefix of what is typed.
const TYPED: [&str; 2] = ["cache", "retry queue"];

fn keystrokes() -> Vec<String> {
    TYPED
        .iter()
        .flat_map(|word| {
            word.char_indices()
                .map(|(at, c)| word[..at + c.len_utf8()].to_owned())
        })
        .filter(|query| !query.ends_with(' '))
        .collect()
}

fn search(c: &mut Criterion) {
    let packs: Vec<PackEntry> = [
        ("team-a", 0..QUESTIONS / 2),
        ("team-b", QUESTIONS / 2..QUESTIONS),
    ]
    .into_iter()
    .map(|(id, range)| {
        let mut pack = QuestionPack::new(id, format!("Generated {id}"));
        pack.questions = range.map(generated_question).collect();
        PackEntry::new(pack, PackOrigin::Bundled)
    })
    .collect();
    let started = Instant::now();
    let mut index = QuestionIndex::new(&packs);
    eprintln!(
        "index of {} questions built in {:.1} ms",
        index.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    let competency = index.competencies()[0].clone();

    let mut cases: Vec<(String, Filter)> = vec![("(empty)".to_owned(), Filter::default())];
    cases.extend(keystrokes().into_iter().map(|query| {
        (
            query.clone(),
            Filter {
                query,
                ..Filter::default()
            },
        )
    }));
    cases.push((
        format!("competency={competency}"),
        Filter {
            competency: Some(competency.clone()),
            ..Filter::default()
        },
    ));
    cases.push((
        format!("competency={competency}+cache"),
        Filter {
            query: "cache".into(),
            competency: Some(competency),
            ..Filter::default()
        },
    ));
    cases.push((
        "level=Senior+cache".to_owned(),
        Filter {
            query: "cache".into(),
            level: Some(Level::Senior),
            ..Filter::default()
        },
    ));

    for (name, filter) in &cases {
        eprintln!("{name:>32}: {} hits", index.search(filter).len());
    }

    let mut group = c.benchmark_group("search_10k");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for (name, filter) in &cases {
        group.bench_with_input(BenchmarkId::from_parameter(name), filter, |b, filter| {
            b.iter(|| index.search(black_box(filter)))
        });
    }
    group.finish();

    if !measuring() {
        return;
    }
    // Typing a whole word: the cost of all its keystrokes in a row, worst keystroke reported.
    for word in TYPED {
        let prefixes: Vec<Filter> = keystrokes()
            .into_iter()
            .filter(|q| word.starts_with(q.as_str()))
            .map(|query| Filter {
                query,
                ..Filter::default()
            })
            .collect();
        let mut worst = Duration::ZERO;
        let mut samples = Vec::new();
        for _ in 0..20 {
            for filter in &prefixes {
                let started = Instant::now();
                black_box(index.search(black_box(filter)));
                let took = started.elapsed();
                worst = worst.max(took);
                samples.push(took);
            }
        }
        samples.sort();
        eprintln!(
            "typing {word:?}: median keystroke {:.2} ms, worst {:.2} ms over {} keystrokes",
            samples[samples.len() / 2].as_secs_f64() * 1e3,
            worst.as_secs_f64() * 1e3,
            samples.len()
        );
    }
}

/// The index's haystack, rebuilt here to test a change without touching the app: prompt,
/// competency, pack title and level joined by `separator`, then `#tags`.
fn haystack(question: &Question, pack_title: &str, separator: &str) -> Utf32String {
    let mut text = question.prompt.clone();
    for part in [
        question.competency.as_str(),
        pack_title,
        question.level.label(),
    ] {
        text.push_str(separator);
        text.push_str(part);
    }
    for tag in &question.tags {
        text.push_str(" #");
        text.push_str(tag);
    }
    Utf32String::from(text.as_str())
}

/// The same search as `QuestionIndex::search` (no filters) over prepared haystacks.
fn search_haystacks(haystacks: &[Utf32String], query: &str, matcher: &mut Matcher) -> usize {
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let mut hits: Vec<(u32, usize)> = haystacks
        .iter()
        .enumerate()
        .filter_map(|(i, h)| pattern.score(h.slice(..), matcher).map(|s| (s, i)))
        .collect();
    hits.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    hits.len()
}

/// Questions re-ranked with the optimal matcher after a greedy pass, in [`search_hybrid`].
const RERANKED: usize = 200;

/// Greedy matching to find the hits (the same set as the optimal matcher), then the optimal
/// matcher to rank only the best [`RERANKED`] of them, which fill the visible list.
fn search_hybrid(haystacks: &[Utf32String], query: &str, matcher: &mut Matcher) -> usize {
    let mut hits = greedy_hits(haystacks, query, matcher);
    hits.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let top = hits.len().min(RERANKED);
    for hit in &mut hits[..top] {
        hit.0 = pattern
            .score(haystacks[hit.1].slice(..), matcher)
            .unwrap_or(0);
    }
    hits[..top].sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    hits.len()
}

/// Greedy fuzzy matching (linear time, less exact ranking) of every word of `query`.
fn search_greedy(haystacks: &[Utf32String], query: &str, matcher: &mut Matcher) -> usize {
    let mut hits = greedy_hits(haystacks, query, matcher);
    hits.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    hits.len()
}

fn greedy_hits(haystacks: &[Utf32String], query: &str, matcher: &mut Matcher) -> Vec<(u32, usize)> {
    let needles: Vec<Utf32String> = query
        .split_whitespace()
        .map(|word| Utf32String::from(word.to_lowercase().as_str()))
        .collect();
    matcher.config.ignore_case = true;
    haystacks
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            needles.iter().try_fold((0, i), |(total, i), needle| {
                matcher
                    .fuzzy_match_greedy(h.slice(..), needle.slice(..))
                    .map(|s| (total + u32::from(s), i))
            })
        })
        .collect()
}

/// Why a keystroke is slow: the index joins the fields with " · ", and that one non-ASCII
/// character puts every haystack on nucleo's Unicode path. The same search over haystacks
/// joined with ASCII " | " shows what the fix gains; both run interleaved in this process.
fn separators(_: &mut Criterion) {
    if !measuring() {
        return;
    }
    let questions: Vec<Question> = (0..QUESTIONS).map(generated_question).collect();
    let title = "Generated team-a";
    let started = Instant::now();
    let unicode: Vec<Utf32String> = questions
        .iter()
        .map(|q| haystack(q, title, " \u{b7} "))
        .collect();
    let unicode_build = started.elapsed();
    let started = Instant::now();
    let ascii: Vec<Utf32String> = questions
        .iter()
        .map(|q| haystack(q, title, " | "))
        .collect();
    let ascii_build = started.elapsed();
    eprintln!(
        "haystacks built in {:.1} ms with \" \u{b7} \" (grapheme segmentation), \
         {:.1} ms with \" | \"",
        unicode_build.as_secs_f64() * 1e3,
        ascii_build.as_secs_f64() * 1e3
    );
    let unicode_count = unicode
        .iter()
        .filter(|h| matches!(h.slice(..), Utf32Str::Unicode(_)))
        .count();
    let ascii_count = ascii
        .iter()
        .filter(|h| matches!(h.slice(..), Utf32Str::Ascii(_)))
        .count();
    eprintln!(
        "haystacks: {unicode_count} of {QUESTIONS} Unicode with \" \u{b7} \", \
         {ascii_count} of {QUESTIONS} ASCII with \" | \""
    );
    let mut matcher = Matcher::new(Config::DEFAULT);
    eprintln!(
        "{:>14} {:>10} {:>10} {:>7} {:>14} {:>10} {:>14}",
        "keystroke", "' · ' ms", "' | ' ms", "ratio", "greedy ms", "hybrid ms", "substring ms"
    );
    let median = |mut samples: Vec<Duration>| {
        samples.sort();
        samples[samples.len() / 2].as_secs_f64() * 1e3
    };
    for query in keystrokes() {
        let substring: String = query
            .split_whitespace()
            .map(|word| format!("'{word} "))
            .collect();
        let mut times: [Vec<Duration>; 5] = Default::default();
        let mut counts = [0; 5];
        for _ in 0..15 {
            let runs: [&dyn Fn(&mut Matcher) -> usize; 5] = [
                &|m| search_haystacks(&unicode, &query, m),
                &|m| search_haystacks(&ascii, &query, m),
                &|m| search_greedy(&ascii, &query, m),
                &|m| search_hybrid(&ascii, &query, m),
                &|m| search_haystacks(&ascii, &substring, m),
            ];
            for (n, run) in runs.iter().enumerate() {
                let started = Instant::now();
                counts[n] = run(&mut matcher);
                times[n].push(started.elapsed());
            }
        }
        assert_eq!(
            counts[0], counts[1],
            "both haystacks match the same questions"
        );
        assert_eq!(
            counts[2], counts[3],
            "greedy and hybrid match the same questions"
        );
        let [slow, fast, greedy, hybrid, substring] = times.map(median);
        eprintln!(
            "{query:>14} {slow:>10.2} {fast:>10.2} {:>6.1}x {greedy:>6.2} ({:>5}) {hybrid:>10.2} {substring:>6.2} ({:>5})",
            slow / fast,
            counts[2],
            counts[4]
        );
    }
}

criterion_group!(benches, search, separators);
criterion_main!(benches);
