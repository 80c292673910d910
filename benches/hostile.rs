//! Refusing hostile files: each of `tests/common/hostile.rs`'s files of about 16 MB (deep
//! nesting, nested comments, a million tiny lists, unknown fields without end, …) read from
//! disk with `storage::load_any`, as `onsite validate` and the window's folder listings do.
//!
//! Run with `cargo bench --bench hostile`; results are kept in `docs/benchmarks.md`.
//! Target (issue 11): every file refused within 100 ms per MB, so within 1.6 s.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "../tests/common/hostile.rs"]
mod hostile;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use onsite::storage::load_any;

fn refusing(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<(&str, std::path::PathBuf, usize)> = hostile::files()
        .into_iter()
        .enumerate()
        .map(|(i, (name, text))| {
            let path = dir.path().join(format!("{i}.ron"));
            std::fs::write(&path, &text).unwrap();
            (name, path, text.len())
        })
        .collect();
    for (name, path, _) in &files {
        assert!(load_any(path).is_err(), "{name} was accepted");
    }

    let mut group = c.benchmark_group("refuse_16mb");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5));
    for (name, path, len) in &files {
        group.throughput(Throughput::Bytes(*len as u64));
        group.bench_function(*name, |b| b.iter(|| load_any(black_box(path))));
    }
    group.finish();

    if !common::measuring() {
        return;
    }
    let mut worst = 0.0f64;
    for (name, path, len) in &files {
        let times: Vec<f64> = (0..5)
            .map(|_| {
                let started = Instant::now();
                black_box(load_any(path).err());
                started.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        let median = common::median(times);
        let per_mb = median / (*len as f64 / 1e6);
        worst = worst.max(per_mb);
        eprintln!("{name:>32}: median {median:>7.1} ms = {per_mb:>5.1} ms per MB");
    }
    eprintln!("worst: {worst:.1} ms per MB (target 100)");
}

criterion_group!(benches, refusing);
criterion_main!(benches);
