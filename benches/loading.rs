//! Loading a generated 10,000-question pack: Onsite's `storage::parse` (ron, the format check
//! and validation) against ron alone reading the same text, in the same run, so the figure is
//! what Onsite adds on top of the parser. Validation alone is timed too, to show where the
//! time goes.
//!
//! Run with `cargo bench --bench loading`; results are kept in `docs/benchmarks.md`.
//! Target: `storage::parse` ≤ 1.1× ron alone. (What a user feels — the packs of a
//! 5,000-question library ready soon after launch — is measured by `benches/startup.rs`.)
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

fn loading(c: &mut Criterion) {
    let pack = pack();
    let ron_text = onsite::storage::to_ron(&pack).unwrap();
    let path = Path::new("generated.ron");
    eprintln!(
        "{QUESTIONS} questions: RON {:.2} MB (limit {} MB)",
        ron_text.len() as f64 / 1e6,
        onsite::storage::MAX_FILE_BYTES / (1024 * 1024)
    );
    // Both ways of reading give back the same pack.
    assert_eq!(
        onsite::storage::parse::<QuestionPack>(path, &ron_text).unwrap(),
        pack
    );
    assert_eq!(ron_only::<QuestionPack>(&ron_text).unwrap(), pack);
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
    group.bench_function("ron_only", |b| {
        b.iter(|| ron_only::<QuestionPack>(black_box(&ron_text)))
    });
    group.finish();

    if !measuring() {
        return;
    }
    // The ratio, from rounds that run every reader back to back so that a busy moment on the
    // machine slows all of them alike.
    let readers: [(&str, &dyn Fn()); 3] = [
        ("ron_only", &|| {
            black_box(ron_only::<QuestionPack>(black_box(&ron_text)).unwrap());
        }),
        ("storage_parse", &|| {
            black_box(onsite::storage::parse::<QuestionPack>(path, black_box(&ron_text)).unwrap());
        }),
        ("validate_only", &|| {
            black_box(validate_pack(black_box(&pack)));
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
            "{name:>14}: median {median:>7.1} ms = {:.2}x ron alone",
            median / medians[0]
        );
    }
}

criterion_group!(benches, loading);
criterion_main!(benches);
