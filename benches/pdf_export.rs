//! How long a PDF export takes, and how big the file is, for evaluations of growing length.
//!
//! Run with `cargo bench --bench pdf_export`; results are kept in `docs/benchmarks.md`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use onsite::domain::{Answer, Evaluation, EvaluationStatus, Outcome, Question, Recommendation};
use onsite::report::{self, ReportOptions};

/// An evaluation of `count` questions with notes of a realistic length (about 800 characters
/// each, in Latin, Greek and Cyrillic) and the sample's kind of rubric.
fn evaluation(count: usize) -> Evaluation {
    let mut evaluation = Evaluation::new("Zoë Łukasiewicz-Ñúñez", "Senior Backend Engineer");
    evaluation.interviewer = "Jörg Šimić".into();
    evaluation.status = EvaluationStatus::Submitted;
    evaluation.started_at = "2026-11-24T09:30:00Z".parse().ok();
    evaluation.ended_at = "2026-11-24T10:45:00Z".parse().ok();
    evaluation.recommendation = Some(Recommendation::Yes);
    evaluation.summary = "A strong, practical engineer whose clearest strengths are data and \
                          performance work.\n\nThe weak spot is consistency across services."
        .into();
    for i in 0..count {
        let mut question = Question::new(
            format!("q{i}"),
            format!(
                "Question {i}: our catalogue page runs several queries per request and \
                 struggles at peak traffic. How would you use caching here?"
            ),
            10,
        );
        question.competency = ["API design", "Performance", "Operations", "Security"][i % 4].into();
        question.key_points = (0..6)
            .map(|k| {
                format!(
                    "Key point {k}: decides what to cache from how stale each kind of data may be"
                )
            })
            .collect();
        question.red_flags = vec!["Caches everything with the same TTL".into()];
        question.rubric = Some(onsite::domain::Rubric::standard());
        let mut answer = Answer::new(question, None);
        answer.outcome = Outcome::Rated(1 + (i % 4) as u8);
        answer.covered = (0..6).filter(|k| (k + i) % 3 != 0).collect();
        answer.notes = format!(
            "[00:30] First thing she asked: how stale may each field be? Sorted the data into \
             three groups before naming any technology.\n\n\
             [01:45] Descriptions: CDN plus Redis, TTL of several hours, versioned keys bumped by \
             the CMS on publish. Prices: cache-aside, evicted on every change.\n\
             [05:10] Raised stampede protection herself: one refresh per key behind a lock.\n\n\
             Σημείωση {i}: στην προηγούμενη δουλειά της διαχειριζόταν Redis Cluster με έξι κόμβους.\n\n\
             Примечание {i}: рассуждает правильно, но практического опыта здесь не хватает."
        );
        answer.seconds = 600 + (i as u64 * 13) % 300;
        evaluation.answers.push(answer);
    }
    evaluation
}

fn export(c: &mut Criterion) {
    let options = ReportOptions::default();
    let mut group = c.benchmark_group("pdf_export");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    for count in [15, 75, 150, 300] {
        let evaluation = evaluation(count);
        if let Ok(output) = report::pdf(&evaluation, &options) {
            eprintln!(
                "{count} questions: {} pages, {} bytes",
                output.pages,
                output.bytes.len()
            );
        }
        group.throughput(Throughput::Elements(count as u64));
        group.bench_with_input(BenchmarkId::from_parameter(count), &evaluation, |b, e| {
            b.iter(|| report::pdf(black_box(e), &options))
        });
    }
    group.finish();
}

/// The same export with notes in scripts that need shaping (Devanagari, Arabic, Thai, Hebrew,
/// Chinese), drawn with the font subsets the tests use.
fn export_multilingual(c: &mut Criterion) {
    let fonts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fonts");
    let fallback_fonts = [
        "NotoSansDevanagari-Subset.ttf",
        "NotoSansArabic-Subset.ttf",
        "NotoSansThai-Subset.ttf",
        "NotoSansHebrew-Subset.ttf",
        "NotoSansCJKsc-Subset.otf",
    ]
    .iter()
    .filter_map(|file| {
        let data = std::fs::read(fonts.join(file)).ok()?;
        report::FallbackFont::new(*file, data, 0).ok()
    })
    .collect();
    let options = ReportOptions {
        fallback_fonts,
        ..ReportOptions::default()
    };
    let mut group = c.benchmark_group("pdf_export_multilingual");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    for count in [15, 300] {
        let mut evaluation = evaluation(count);
        for (i, answer) in evaluation.answers.iter_mut().enumerate() {
            answer.notes.push_str(&format!(
                "\n\nकैशिंग हिंदी में नोट्स {i}\n\nلا السلام عليكم {i}\n\nที่นี่ น้ำ {i}\n\n\
                 שלום עולם {i}\n\n缓存一致性和延迟问题很重要 {i}"
            ));
        }
        group.throughput(Throughput::Elements(count as u64));
        group.bench_with_input(BenchmarkId::from_parameter(count), &evaluation, |b, e| {
            b.iter(|| report::pdf(black_box(e), &options))
        });
    }
    group.finish();
}

/// A panel of six interviewers for one candidate: the first uses [`evaluation`] as it is, the
/// others the same plan's questions (as a panel that shares a plan does) with their own
/// ratings, notes, summary and recommendation.
fn panel(count: usize) -> Vec<(String, Evaluation)> {
    let names = [
        "Jörg Šimić",
        "Ann Okafor",
        "Bo Lindqvist",
        "Cy Mbeki",
        "Dee Ruiz",
        "Eve Marsh",
    ];
    names
        .iter()
        .enumerate()
        .map(|(n, name)| {
            let mut evaluation = evaluation(count);
            if n > 0 {
                evaluation.interviewer = (*name).into();
                evaluation.summary = format!("{name}: {}", evaluation.summary);
                evaluation.recommendation = Some(Recommendation::ALL[n % 4]);
                for (i, answer) in evaluation.answers.iter_mut().enumerate() {
                    answer.outcome = Outcome::Rated(1 + ((i + n) % 4) as u8);
                    answer.notes = format!("{name}, question {i}. {}", answer.notes);
                }
            }
            (format!("interviewer-{n}.ron"), evaluation)
        })
        .collect()
}

/// The debrief packet of six evaluations of 15 questions against exporting one of them; the
/// target is a packet in at most four times the export's time.
fn export_packet(c: &mut Criterion) {
    let options = ReportOptions::default();
    let single = evaluation(15);
    let Ok(debrief) = onsite::domain::debrief::assemble(panel(15)) else {
        return;
    };
    if let Ok(output) = report::debrief_pdf(&debrief, &options) {
        eprintln!(
            "packet of 6 × 15: {} pages, {} bytes",
            output.pages,
            output.bytes.len()
        );
    }
    let mut group = c.benchmark_group("debrief_packet");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10));
    group.bench_function("one evaluation, 15 questions", |b| {
        b.iter(|| report::pdf(black_box(&single), &options))
    });
    group.bench_function("packet, 6 evaluations × 15 questions", |b| {
        b.iter(|| report::debrief_pdf(black_box(&debrief), &options))
    });
    group.finish();

    // The machine is shared: the two medians above may be taken under different loads. Timing
    // the two alternately gives a ratio both saw the same load for.
    if std::env::args().any(|arg| arg == "--bench") {
        let time = |f: &dyn Fn()| {
            let start = std::time::Instant::now();
            f();
            start.elapsed().as_secs_f64()
        };
        let (mut one, mut packet) = (Vec::new(), Vec::new());
        for _ in 0..30 {
            one.push(time(&|| {
                let _ = black_box(report::pdf(black_box(&single), &options));
            }));
            packet.push(time(&|| {
                let _ = black_box(report::debrief_pdf(black_box(&debrief), &options));
            }));
        }
        let median = |mut v: Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let (one, packet) = (median(one), median(packet));
        eprintln!(
            "alternating medians: one export {:.1} ms, packet {:.1} ms, ratio {:.2}",
            one * 1e3,
            packet * 1e3,
            packet / one
        );
    }
}

criterion_group!(benches, export, export_multilingual, export_packet);
criterion_main!(benches);
