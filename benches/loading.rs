//! Loading a generated 10,000-question pack: Onsite's `storage::parse` (the quick RON reader,
//! format check and validation) against `serde_json` reading the same pack, in the same run.
//! The quick reader alone, ron alone (what `parse` falls back to), validation alone, and the
//! worst case for the fallback (a file the quick reader declines only at its very end) are
//! timed too, to show where the time goes.
//!
//! Run with `cargo bench --bench loading`; results are kept in `docs/benchmarks.md`.
//! Target: `storage::parse` ≤ 3× `serde_json::from_str`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{generated_question, measuring};

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use onsite::domain::validate::validate_pack;
use onsite::domain::{Question, QuestionPack, Rubric};
use onsite::storage::format::ron_only;
use onsite::storage::ron_subset;

/// Questions in the pack.
const QUESTIONS: usize = 10_000;

/// The pack read. Onsite refuses files over `MAX_FILE_BYTES` (16 MiB), and 10,000 of the
/// generated questions with their own rubrics come to about 23 MB of RON, so here the
/// questions share the pack's default rubric (a common way to write big packs): about 1.4 KB of
/// RON each.
fn pack() -> QuestionPack {
    let mut pack = QuestionPack::new("generated", "Generated questions");
    pack.description = "Ten thousand generated questions for the loading benchmark.".into();
    pack.default_rubric = Some(Rubric::standard());
    pack.questions = (0..QUESTIONS)
        .map(|i| Question {
            rubric: None,
            ..generated_question(i)
        })
        .collect();
    pack
}

/// The full generated pack, every question with its own rubric, as the other benchmarks use.
fn full_pack() -> QuestionPack {
    let mut pack = QuestionPack::new("generated", "Generated questions");
    pack.questions = (0..QUESTIONS).map(generated_question).collect();
    pack
}

fn loading(c: &mut Criterion) {
    let full = onsite::storage::to_ron(&full_pack()).unwrap();
    eprintln!(
        "{QUESTIONS} questions with their own rubrics: RON {:.2} MB, refused: {}",
        full.len() as f64 / 1e6,
        onsite::storage::parse::<QuestionPack>(Path::new("full.ron"), &full).unwrap_err()
    );
    drop(full);

    let pack = pack();
    let ron_text = onsite::storage::to_ron(&pack).unwrap();
    let json_text = serde_json::to_string(&pack).unwrap();
    let path = Path::new("generated.ron");
    eprintln!(
        "{QUESTIONS} questions: RON {:.2} MB, JSON {:.2} MB (limit {} MB)",
        ron_text.len() as f64 / 1e6,
        json_text.len() as f64 / 1e6,
        onsite::storage::MAX_FILE_BYTES / (1024 * 1024)
    );
    // The same pack with an escape the quick reader leaves to ron (`\x41` is "A") in its last
    // string: the quick reader reads it all, declines, and ron reads it again.
    let last_tag = pack.questions[QUESTIONS - 1].tags[1].clone();
    let quoted_tag = format!("\"{last_tag}\"");
    let at = ron_text.rfind(&quoted_tag).unwrap();
    let late_text = format!("{}\"\\x41{}", &ron_text[..at], &ron_text[at + 1..]);
    let mut late_pack = pack.clone();
    late_pack.questions[QUESTIONS - 1].tags[1] = format!("A{last_tag}");
    assert_eq!(ron_subset::from_str::<QuestionPack>(&late_text), None);

    // Every way of reading gives back the same pack.
    assert_eq!(
        onsite::storage::parse::<QuestionPack>(path, &ron_text).unwrap(),
        pack
    );
    assert_eq!(
        ron_subset::from_str::<QuestionPack>(&ron_text).unwrap(),
        pack
    );
    assert_eq!(ron_only::<QuestionPack>(&ron_text).unwrap(), pack);
    assert_eq!(
        serde_json::from_str::<QuestionPack>(&json_text).unwrap(),
        pack
    );
    assert_eq!(
        onsite::storage::parse::<QuestionPack>(path, &late_text).unwrap(),
        late_pack
    );
    assert!(validate_pack(&pack).is_empty());

    let mut group = c.benchmark_group("load_10k");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10));
    group.bench_function("validate_only", |b| {
        b.iter(|| validate_pack(black_box(&pack)))
    });
    group.throughput(Throughput::Bytes(ron_text.len() as u64));
    group.bench_function("storage_parse", |b| {
        b.iter(|| onsite::storage::parse::<QuestionPack>(path, black_box(&ron_text)))
    });
    group.bench_function("ron_subset", |b| {
        b.iter(|| ron_subset::from_str::<QuestionPack>(black_box(&ron_text)))
    });
    group.bench_function("ron_only", |b| {
        b.iter(|| ron_only::<QuestionPack>(black_box(&ron_text)))
    });
    group.throughput(Throughput::Bytes(json_text.len() as u64));
    group.bench_function("serde_json", |b| {
        b.iter(|| serde_json::from_str::<QuestionPack>(black_box(&json_text)))
    });
    group.finish();

    if !measuring() {
        return;
    }
    // The ratios, from rounds that run every reader back to back so that a busy moment on
    // the machine slows all of them alike.
    let readers: [(&str, &dyn Fn()); 6] = [
        ("serde_json", &|| {
            black_box(serde_json::from_str::<QuestionPack>(black_box(&json_text)).unwrap());
        }),
        ("storage_parse", &|| {
            black_box(onsite::storage::parse::<QuestionPack>(path, black_box(&ron_text)).unwrap());
        }),
        ("ron_subset", &|| {
            black_box(ron_subset::from_str::<QuestionPack>(black_box(&ron_text)).unwrap());
        }),
        ("ron_only", &|| {
            black_box(ron_only::<QuestionPack>(black_box(&ron_text)).unwrap());
        }),
        ("validate_only", &|| {
            black_box(validate_pack(black_box(&pack)));
        }),
        ("declined_late", &|| {
            black_box(onsite::storage::parse::<QuestionPack>(path, black_box(&late_text)).unwrap());
        }),
    ];
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); readers.len()];
    for _ in 0..15 {
        for (n, (_, read)) in readers.iter().enumerate() {
            let started = Instant::now();
            read();
            times[n].push(started.elapsed().as_secs_f64() * 1e3);
        }
    }
    let medians: Vec<f64> = times.into_iter().map(common::median).collect();
    for ((name, _), median) in readers.iter().zip(&medians) {
        eprintln!(
            "{name:>14}: median {median:>7.1} ms = {:.2}x serde_json",
            median / medians[0]
        );
    }
}

criterion_group!(benches, loading);
criterion_main!(benches);
