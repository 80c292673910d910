//! Importing a 500 KB question bank written in every shape the importer reads (heading
//! questions, bullet lists under categories, `<details>` blocks, quiz options, answers under
//! other headings, Q:/A: paragraphs, tables of questions, bold questions with their answers,
//! page furniture), against pulldown-cmark alone parsing the same text: the importer's own work
//! is the ratio between the two.
//!
//! Run with `cargo bench --bench import`; results are kept in `docs/benchmarks.md`.
//! Target: the 500 KB document imports in under 100 ms.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{measuring, median};

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use onsite::import::{ImportOptions, from_markdown};
use pulldown_cmark::{Options, Parser};

/// Size of the generated document, in bytes.
const DOCUMENT_BYTES: usize = 500 * 1024;

/// One stretch of a bank in every shape; `n` keeps headings and numbers apart.
fn stretch(n: usize) -> String {
    format!(
        "## Topic {n}\n\n\
         [⬆ Back to top](#contents)\n\n\
         ### What is cache stampede number {n}\n\n\
         Many clients miss the same key at once and all rebuild it; a lock or early refresh \
         keeps the origin safe.\n\n\
         ```js\nconst value = await cache.get(key) ?? await rebuild(key);\n```\n\n\
         - How does {n} differ from a thundering herd?\n\
         - Explain request coalescing in a few words.\n  - When is it not enough?\n\n\
         <details><summary><b>How do you size a connection pool for service {n}?</b></summary>\
         <br>\n\nStart from the database's limit, divide by instances, and measure waits.\n\n\
         </details>\n\n\
         ###### {n}. What does this print?\n\n```python\nprint(sorted([3, 1, 2])[-1])\n```\n\n\
         - A: `1`\n- B: `3`\n- C: `2`\n\n#### Answer: B\n\nSorting puts the largest last.\n\n\
         #### Q{n}. Which header asks a cache to revalidate?\n\n\
         - [ ] `Expires`\n- [x] `Cache-Control: no-cache`\n\n\
         **Explanation:** `no-cache` means check before reuse.\n\n\
         Q: Why keep idempotency keys for request {n}?\n\
         A: So a retried payment is charged once.\n\n\
         | Level | What it looks like |\n|---|---|\n| Weak | Guesses. |\n| Strong | Measures. |\n\n\
         ## Quick questions {n}\n\n\
         | # | Question | Answer |\n|---|---|---|\n| {n} | What does DNS do? | Names to addresses. |\n\
         | {n} | Which port does HTTPS use? | 443 |\n\n\
         **{n}. What is a pod?**  \nThe smallest unit the scheduler places.\n\n\
         - **What is a mutex?** A lock that one task holds at a time.\n\n"
    )
}

fn document() -> String {
    let mut text = String::from(
        "---\ntitle: Generated bank\nlayout: page\n---\n\n# Generated bank\n\n\
         [![Build](https://img.shields.io/badge/build-ok-green.svg)](https://ci.test)\n\n\
         <!-- generated for the benchmark -->\n\n",
    );
    let mut n = 1;
    while text.len() < DOCUMENT_BYTES {
        text.push_str(&stretch(n));
        n += 1;
    }
    text
}

fn parse_only(text: &str) -> usize {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    Parser::new_ext(text, options).into_offset_iter().count()
}

fn import(c: &mut Criterion) {
    let text = document();
    let imported = from_markdown(&text, &ImportOptions::default());
    eprintln!(
        "{} KB: {} ({} events)",
        text.len() / 1024,
        imported.tally(),
        parse_only(&text)
    );
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("pulldown-cmark alone, 500 KB", |b| {
        b.iter(|| parse_only(black_box(&text)));
    });
    group.bench_function("from_markdown, 500 KB", |b| {
        b.iter(|| from_markdown(black_box(&text), &ImportOptions::default()));
    });
    group.finish();

    if !measuring() {
        return;
    }
    let time = |f: &dyn Fn()| {
        median(
            (0..15)
                .map(|_| {
                    let started = Instant::now();
                    f();
                    started.elapsed().as_secs_f64() * 1000.0
                })
                .collect(),
        )
    };
    let parse = time(&|| {
        black_box(parse_only(&text));
    });
    let whole = time(&|| {
        black_box(from_markdown(&text, &ImportOptions::default()));
    });
    eprintln!(
        "500 KB: pulldown-cmark {parse:.1} ms, import {whole:.1} ms, ratio {:.1}x \
         (target: import under 100 ms)",
        whole / parse
    );
}

criterion_group!(benches, import);
criterion_main!(benches);
