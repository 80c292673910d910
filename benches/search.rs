//! Search over a 10,000-question library, one call per keystroke as the plan builder makes it:
//! queries typed letter by letter (one of them misspelt), the competency filter alone and with
//! a query, and a level filter with a query.
//!
//! `cargo bench --bench search`; results are kept in `docs/benchmarks.md`. Target: every
//! keystroke ≤ 4 ms. A real run also times the same keystrokes with the fuzzy search the
//! plan builder used before (nucleo, rebuilt below), interleaved in the same process so that
//! a busy machine slows both alike, and over a library with a large vocabulary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{generated_question, measuring, median};

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use onsite::domain::{Level, Question, QuestionPack};
use onsite::search::{Filter, QuestionIndex};
use onsite::storage::{PackEntry, PackOrigin};

/// Questions in the library searched.
const QUESTIONS: usize = 10_000;

/// What is typed; every prefix reaches the index as a keystroke. "migraton" is misspelt.
const TYPED: [&str; 3] = ["cache", "retry queue", "migraton"];

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

/// Two packs of 5,000 generated questions, each question changed by `change`.
fn library(change: impl Fn(usize, &mut Question)) -> Vec<PackEntry> {
    [
        ("team-a", 0..QUESTIONS / 2),
        ("team-b", QUESTIONS / 2..QUESTIONS),
    ]
    .into_iter()
    .map(|(id, range)| {
        let mut pack = QuestionPack::new(id, format!("Generated {id}"));
        pack.questions = range
            .map(|i| {
                let mut question = generated_question(i);
                change(i, &mut question);
                question
            })
            .collect();
        PackEntry::new(pack, PackOrigin::Bundled)
    })
    .collect()
}

fn query(text: &str) -> Filter {
    Filter {
        query: text.to_owned(),
        ..Filter::default()
    }
}

fn search(c: &mut Criterion) {
    let packs = library(|_, _| {});
    let started = Instant::now();
    let index = QuestionIndex::new(&packs);
    eprintln!(
        "index of {} questions built in {:.1} ms",
        index.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    let competency = index.competencies()[0].clone();

    let mut cases: Vec<(String, Filter)> = vec![("(empty)".to_owned(), Filter::default())];
    cases.extend(
        keystrokes()
            .into_iter()
            .map(|text| (text.clone(), query(&text))),
    );
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
            competency: Some(competency),
            ..query("cache")
        },
    ));
    cases.push((
        "level=Senior+cache".to_owned(),
        Filter {
            level: Some(Level::Senior),
            ..query("cache")
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
            .map(|text| query(&text))
            .collect();
        let mut samples = Vec::new();
        for _ in 0..20 {
            for filter in &prefixes {
                let started = Instant::now();
                black_box(index.search(black_box(filter)));
                samples.push(started.elapsed().as_secs_f64() * 1e3);
            }
        }
        let worst = samples.iter().copied().fold(0.0, f64::max);
        let count = samples.len();
        eprintln!(
            "typing {word:?}: median keystroke {:.2} ms, worst {worst:.2} ms over {count} \
             keystrokes",
            median(samples)
        );
    }
}

/// A made-up word of 4 to 11 letters from a xorshift state.
fn made_up_word(state: &mut u64) -> String {
    let mut below = |n: u64| {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        (*state % n) as u8
    };
    let len = 4 + below(8);
    (0..len).map(|_| char::from(b'a' + below(26))).collect()
}

/// The new search against the old one, keystroke by keystroke, in the same process; then the
/// new one over a library whose vocabulary is as large as a real one's could get.
fn against_fuzzy(_: &mut Criterion) {
    if !measuring() {
        return;
    }
    let packs = library(|_, _| {});
    let questions: Vec<&Question> = packs.iter().flat_map(|e| &e.pack.questions).collect();
    let titles: Vec<&str> = packs
        .iter()
        .flat_map(|e| e.pack.questions.iter().map(|_| e.pack.title.as_str()))
        .collect();
    let mut fuzzy = fuzzy::Index::new(&questions, &titles);
    let index = QuestionIndex::new(&packs);
    // Medians, and the fastest of the runs: on a shared machine a keystroke longer than a
    // scheduler slice is often preempted, which the fastest run leaves out.
    eprintln!(
        "{:>14} {:>18} {:>6} {:>18} {:>6} {:>7} {:>7}",
        "keystroke", "fuzzy ms (min)", "hits", "words ms (min)", "hits", "ratio", "(min)"
    );
    let fastest = |samples: &[f64]| samples.iter().copied().fold(f64::INFINITY, f64::min);
    for text in keystrokes() {
        let filter = query(&text);
        let mut old = Vec::new();
        let mut new = Vec::new();
        let (mut old_hits, mut new_hits) = (0, 0);
        for _ in 0..15 {
            let started = Instant::now();
            old_hits = black_box(fuzzy.search(&text));
            old.push(started.elapsed().as_secs_f64() * 1e3);
            let started = Instant::now();
            new_hits = black_box(index.search(&filter)).len();
            new.push(started.elapsed().as_secs_f64() * 1e3);
        }
        let (old_min, new_min) = (fastest(&old), fastest(&new));
        let (old, new) = (median(old), median(new));
        eprintln!(
            "{text:>14} {old:>10.2} ({old_min:>5.2}) {old_hits:>6} {new:>10.2} ({new_min:>5.2}) \
             {new_hits:>6} {:>6.2}x {:>6.2}x",
            new / old,
            new_min / old_min
        );
    }
    let started = Instant::now();
    black_box(fuzzy::Index::new(&questions, &titles));
    let fuzzy_build = started.elapsed();
    let started = Instant::now();
    black_box(QuestionIndex::new(&packs));
    eprintln!(
        "building: fuzzy haystacks {:.1} ms, word index {:.1} ms",
        fuzzy_build.as_secs_f64() * 1e3,
        started.elapsed().as_secs_f64() * 1e3
    );

    // Twelve made-up words in every question's key points: a vocabulary of about 120,000
    // words, where each keystroke compares the query with every word of its first letter.
    let large = library(|i, question| {
        let mut rng = 0x5DEE_CE66_D1CE_4E5B ^ (i as u64 + 1).wrapping_mul(0x9E37_79B9);
        for point in &mut question.key_points {
            for _ in 0..3 {
                point.push(' ');
                point.push_str(&made_up_word(&mut rng));
            }
        }
    });
    let started = Instant::now();
    let index = QuestionIndex::new(&large);
    eprintln!(
        "large vocabulary: index built in {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    for text in ["c", "ca", "cache", "migraton", "retry queue"] {
        let filter = query(text);
        let samples: Vec<f64> = (0..15)
            .map(|_| {
                let started = Instant::now();
                black_box(index.search(&filter));
                started.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        eprintln!(
            "large vocabulary {text:>12}: {:.2} ms (min {:.2}), {} hits",
            median(samples.clone()),
            fastest(&samples),
            index.search(&filter).len()
        );
    }
}

/// The plan builder's search before issue 17, kept to measure against: nucleo's fuzzy
/// matcher over one haystack per question (prompt | competency | pack title | level, then
/// `#tags`), hits found greedily per query word and the best 200 re-scored exactly.
mod fuzzy {
    use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
    use nucleo_matcher::{Config, Matcher, Utf32String};
    use onsite::domain::Question;

    const RESCORED: usize = 200;

    pub struct Index {
        haystacks: Vec<Utf32String>,
        matcher: Matcher,
    }

    impl Index {
        pub fn new(questions: &[&Question], titles: &[&str]) -> Self {
            let haystacks = questions
                .iter()
                .zip(titles)
                .map(|(question, title)| {
                    let mut text = question.prompt.clone();
                    for part in [question.competency.as_str(), title, question.level.label()] {
                        text.push_str(" | ");
                        text.push_str(part);
                    }
                    for tag in &question.tags {
                        text.push_str(" #");
                        text.push_str(tag);
                    }
                    Utf32String::from(text.as_str())
                })
                .collect();
            Self {
                haystacks,
                matcher: Matcher::new(Config::DEFAULT),
            }
        }

        /// The number of hits for `query`, ordered as the plan builder ordered them.
        pub fn search(&mut self, query: &str) -> usize {
            let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
            self.matcher.config.ignore_case = true;
            self.matcher.config.normalize = true;
            let mut hits: Vec<(u32, usize)> = Vec::new();
            for (i, haystack) in self.haystacks.iter().enumerate() {
                let score = pattern.atoms.iter().try_fold(0u32, |total, atom| {
                    let found = self
                        .matcher
                        .fuzzy_match_greedy(haystack.slice(..), atom.needle_text())?;
                    Some(total + u32::from(found))
                });
                if let Some(score) = score {
                    hits.push((score, i));
                }
            }
            hits.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
            let best = hits.len().min(RESCORED);
            for (score, i) in &mut hits[..best] {
                *score = pattern
                    .score(self.haystacks[*i].slice(..), &mut self.matcher)
                    .unwrap_or(*score);
            }
            hits[..best].sort_by_key(|(score, _)| std::cmp::Reverse(*score));
            hits.len()
        }
    }
}

criterion_group!(benches, search, against_fuzzy);
criterion_main!(benches);
