//! The PDF and Markdown exports, read back the way a reader (or a copy and paste) sees them.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use onsite::domain::{Answer, Evaluation, EvaluationStatus, Outcome, Question, Recommendation};
use onsite::report::{self, Layout, Paper, ReportOptions, TextLine, style};

fn sample() -> Evaluation {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/evaluation-sample.ron");
    onsite::storage::load(&path).unwrap()
}

/// The line's characters in the order their glyphs stand on the page, left to right: each
/// cluster's characters where its leftmost glyph is.
fn drawn(line: &TextLine) -> String {
    let mut clusters: Vec<(f32, u32, u32)> = line
        .runs
        .iter()
        .flat_map(|run| run.glyphs.iter().map(|g| (g.x, g.start, g.end)))
        .collect();
    clusters.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut seen = BTreeSet::new();
    clusters
        .into_iter()
        .filter(|&(_, start, _)| seen.insert(start))
        .map(|(_, start, end)| &line.text[start as usize..end as usize])
        .collect()
}

/// The document's body text, footers removed, squeezed.
fn body_text(pages: &[String], candidate: &str) -> String {
    let total = pages.len();
    pages
        .iter()
        .enumerate()
        .map(|(i, page)| {
            // "candidate · Onsite evaluation · what the seal says · page X of Y"
            let start = format!("{candidate} · Onsite evaluation · ");
            let end = format!(" · page {} of {total}", i + 1);
            let from = page.find(&start);
            let to = page.find(&end);
            assert!(
                from.is_some() && to > from,
                "page {} lacks its footer",
                i + 1
            );
            let (from, to) = (from.unwrap(), to.unwrap() + end.len());
            common::squeeze(&format!("{}{}", &page[..from], &page[to..]))
        })
        .collect()
}

/// Every non-empty line of `text`, trimmed: the units that must survive wrapping.
fn lines_of(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

fn question(index: usize, prompt: &str, notes: &str) -> Answer {
    let mut question = Question::new(format!("q{index}"), prompt, 10);
    question.competency = ["API design", "Performance", "Operations"][index % 3].into();
    question.key_points = vec![
        "Names the trade-offs".into(),
        "Considers failure cases".into(),
        "Measures before optimising".into(),
    ];
    question.red_flags = vec!["Ignores the failure case".into()];
    let mut answer = Answer::new(question, None);
    answer.outcome = match index % 4 {
        0 => Outcome::Rated(3),
        1 => Outcome::Rated(2),
        2 => Outcome::NoEvidence,
        _ => Outcome::NotAsked,
    };
    answer.covered = [0, 2].into_iter().collect();
    if index.is_multiple_of(5) {
        answer.red_flags_seen = [0].into_iter().collect();
    }
    answer.notes = notes.to_owned();
    answer.seconds = 540 + index as u64 * 7;
    answer
}

/// An evaluation of `count` questions with notes of a realistic length in three scripts.
fn built(count: usize) -> Evaluation {
    let mut evaluation = Evaluation::new("Ana Kovačević", "Staff Engineer");
    evaluation.interviewer = "Sam Lee".into();
    evaluation.status = EvaluationStatus::Submitted;
    evaluation.started_at = Some("2026-05-04T13:00:00Z".parse().unwrap());
    evaluation.ended_at = Some("2026-05-04T14:30:00Z".parse().unwrap());
    evaluation.submitted_at = evaluation.ended_at;
    evaluation.recommendation = Some(Recommendation::StrongYes);
    evaluation.summary = "Clear thinker.\nStrong on operations.\n\nSome gaps in API design.".into();
    evaluation.general_notes = "Asked good questions about the team.".into();
    evaluation.private_notes = "Mention the referral at the debrief.".into();
    for i in 0..count {
        let notes = format!(
            "[0{m}:10] Started from the failure case and worked back to the design; asked \
             about load before choosing a store, question {i}.\n\
             Follow-up on retries went well.\n\n\
             Σημείωση {i}: καλή δομή στην απάντηση, λίγο βάθος στο κόστος.\n\n\
             Примечание {i}: рассуждает правильно, но практического опыта мало.",
            m = i % 10
        );
        let prompt = format!(
            "Question number {i}: how would you design, operate and evolve a service that \
             handles bursts of traffic without losing data?"
        );
        evaluation.answers.push(question(i, &prompt, &notes));
    }
    evaluation
}

#[test]
fn the_sample_reads_back_completely() {
    let evaluation = sample();
    let output = report::pdf(&evaluation, &ReportOptions::default()).unwrap();
    assert!(
        output.missing_characters.is_empty(),
        "{:?}",
        output.missing_characters
    );
    let pages = common::pdf_pages(&output.bytes);
    assert_eq!(pages.len(), output.pages);
    assert!(pages[0].contains(&format!("page 1 of {}", pages.len())));
    let text = body_text(&pages, &evaluation.candidate);

    for expected in [
        &evaluation.candidate,
        &evaluation.role,
        &evaluation.interviewer,
        "Interview evaluation",
        "Yes",
        "3.0 / 4",
        "24 Nov 2026, 09:30–10:45 UTC",
        "1 h 15 min",
        "Submitted",
    ] {
        assert!(
            text.contains(&common::squeeze(expected)),
            "missing {expected:?}"
        );
    }
    for answer in &evaluation.answers {
        // Inline code is set in the monospace face, without its backticks.
        let prompt = answer.question.prompt.replace('`', "");
        assert!(
            text.contains(&common::squeeze(&prompt)),
            "missing prompt {}",
            answer.question.id
        );
        for line in lines_of(&answer.notes) {
            assert!(
                text.contains(&common::squeeze(line)),
                "missing note line {line:?}"
            );
        }
    }
    for line in lines_of(&evaluation.summary)
        .into_iter()
        .chain(lines_of(&evaluation.general_notes))
    {
        assert!(text.contains(&common::squeeze(line)), "missing {line:?}");
    }
    // The Greek and Cyrillic notes came through as text, not as boxes.
    assert!(text.contains("Σημείωση:"));
    assert!(text.contains("Примечание:"));
    assert!(!text.contains('\u{FFFD}'));
}

#[test]
fn private_notes_only_on_request() {
    let evaluation = sample();
    let private = "Ask whether Ana saw the same gap";
    let default = common::pdf_pages(
        &report::pdf(&evaluation, &ReportOptions::default())
            .unwrap()
            .bytes,
    );
    assert!(!default.concat().contains("Private notes"));
    assert!(!common::squeeze(&default.concat()).contains(&common::squeeze(private)));

    let options = ReportOptions {
        include_private_notes: true,
        ..ReportOptions::default()
    };
    let with = body_text(
        &common::pdf_pages(&report::pdf(&evaluation, &options).unwrap().bytes),
        &evaluation.candidate,
    );
    assert!(with.contains("Privatenotes"));
    for line in lines_of(&evaluation.private_notes) {
        assert!(with.contains(&common::squeeze(line)), "missing {line:?}");
    }
    assert!(!report::markdown(&evaluation, &ReportOptions::default()).contains("Private notes"));
    assert!(report::markdown(&evaluation, &options).contains("Private notes"));
}

#[test]
fn rubric_anchors_follow_the_option() {
    let evaluation = sample();
    let anchor = "Models loans and reservations as resources";
    let with = common::squeeze(
        &report::layout(&evaluation, &ReportOptions::default())
            .unwrap()
            .text(),
    );
    assert!(with.contains(&common::squeeze(anchor)));
    let options = ReportOptions {
        include_rubric_anchor: false,
        ..ReportOptions::default()
    };
    let without = common::squeeze(&report::layout(&evaluation, &options).unwrap().text());
    assert!(!without.contains(&common::squeeze(anchor)));
}

/// Every text line inside the page margins; body text above the footer band.
fn assert_inside_margins(layout: &Layout) {
    const SLACK: f32 = 0.05;
    let right = layout.width - layout.margin;
    let bottom = layout.height - layout.margin;
    for (number, page) in layout.pages.iter().enumerate() {
        let mut footers = 0;
        for line in page.lines() {
            let at = format!("page {}: {:?}", number + 1, line.text);
            assert!(line.x >= layout.margin - SLACK, "left margin, {at}");
            assert!(
                line.right() <= right + SLACK,
                "right margin ({}), {at}",
                line.right()
            );
            assert!(line.top >= layout.margin - SLACK, "top margin, {at}");
            assert!(line.bottom() <= bottom + SLACK, "bottom margin, {at}");
            if line.footer {
                footers += 1;
                assert!(line.top > layout.body_bottom, "footer in the body, {at}");
            } else {
                assert!(
                    line.bottom() <= layout.body_bottom + SLACK,
                    "into the footer, {at}"
                );
            }
        }
        assert_eq!(footers, 1, "page {}", number + 1);
    }
}

/// No page ends with a heading whose text went to the next page.
fn assert_no_stranded_headings(layout: &Layout) {
    for (number, page) in layout.pages.iter().enumerate().take(layout.pages.len() - 1) {
        let last = page.lines().filter(|line| !line.footer).last().unwrap();
        assert!(
            last.size != style::HEADING_SIZE && last.size != style::QUESTION_SIZE,
            "page {} ends with heading {:?}",
            number + 1,
            last.text
        );
    }
}

#[test]
fn three_hundred_questions_paginate_inside_the_margins() {
    let mut evaluation = built(300);
    let long_word = "ж".repeat(200) + &"w".repeat(300);
    evaluation.answers[7]
        .notes
        .push_str(&format!("\n\n{long_word}\nafter the word"));
    evaluation.answers[8].notes = "line one\n\n\n\n    indented line\n\tand a tab".into();
    for paper in [Paper::A4, Paper::Letter] {
        let options = ReportOptions {
            paper,
            ..ReportOptions::default()
        };
        let layout = report::layout(&evaluation, &options).unwrap();
        assert!(layout.pages.len() > 100, "{} pages", layout.pages.len());
        assert_inside_margins(&layout);
        assert_no_stranded_headings(&layout);
        let total = layout.pages.len();
        for (i, page) in layout.pages.iter().enumerate() {
            let footer = page.lines().find(|line| line.footer).unwrap();
            assert!(footer.text.ends_with(&format!("page {} of {total}", i + 1)));
        }
        let text = common::squeeze(&layout.text());
        assert!(text.contains(&long_word), "the long word lost characters");
        assert!(text.contains("afterthe"));
        assert!(text.contains("Question300of300"));
        assert!(layout.missing_characters.is_empty());
    }
    let (width, height) = Paper::Letter.size();
    assert_eq!((width, height), (612.0, 792.0));
}

#[test]
fn right_to_left_text_is_drawn_right_to_left_and_right_aligned() {
    let mut evaluation = sample();
    evaluation.summary = "שלום (עולם) דנה\n\nThe candidate, דנה כהן, did well.".into();
    let options = ReportOptions {
        fallback_fonts: vec![common::test_font("NotoSansHebrew-Subset.ttf")],
        ..ReportOptions::default()
    };
    let layout = report::layout(&evaluation, &options).unwrap();
    assert!(
        layout.missing_characters.is_empty(),
        "{:?}",
        layout.missing_characters
    );
    let right_edge = layout.width - layout.margin;

    // A Hebrew paragraph: drawn from the right, brackets turned by the shaper, lines
    // right-aligned; the line holds the text as typed (what copying gives back).
    let line = common::line_with(&layout, "שלום (עולם) דנה");
    assert_eq!(drawn(line), "הנד )םלוע( םולש");
    assert!(
        (line.right() - right_edge).abs() < 0.05,
        "right edge {} vs {right_edge}",
        line.right()
    );
    assert!(
        line.x > layout.margin + 100.0,
        "a short line starts far from the left"
    );
    let hebrew = layout
        .fonts
        .iter()
        .position(|name| name == "Noto Sans Hebrew")
        .unwrap();
    let hebrew_run = line.runs.iter().find(|run| run.slot == hebrew).unwrap();
    // The first letter typed is the rightmost glyph.
    let first = hebrew_run
        .glyphs
        .iter()
        .find(|glyph| glyph.start == 0)
        .unwrap();
    assert!(hebrew_run.glyphs.iter().all(|glyph| glyph.x <= first.x));

    // A Hebrew name inside an English paragraph: the paragraph stays left to right.
    let line = common::line_with(&layout, "The candidate, ");
    assert_eq!(drawn(line), "The candidate, ןהכ הנד, did well.");
    assert!((line.x - layout.margin).abs() < 0.05);
}

#[test]
fn a_15_question_evaluation_stays_small() {
    let output = report::pdf(&built(15), &ReportOptions::default()).unwrap();
    assert!(
        output.bytes.len() <= 150 * 1024,
        "{} bytes",
        output.bytes.len()
    );
    // Exports are reproducible: same input, same bytes.
    let again = report::pdf(&built(15), &ReportOptions::default()).unwrap();
    assert!(output.bytes == again.bytes);
}

#[test]
fn an_empty_evaluation_still_exports() {
    let evaluation = Evaluation::new("", "");
    let output = report::pdf(&evaluation, &ReportOptions::default()).unwrap();
    assert_eq!(output.pages, 1);
    let pages = common::pdf_pages(&output.bytes);
    assert!(pages[0].contains("No recommendation yet"));
    assert!(pages[0].contains("page 1 of 1"));
    assert!(pages[0].contains("not scored"));
    let markdown = report::markdown(&evaluation, &ReportOptions::default());
    assert!(markdown.contains("No recommendation yet"));
    assert_inside_margins(&report::layout(&evaluation, &ReportOptions::default()).unwrap());
}

#[test]
fn metadata_names_the_document_and_nothing_local() {
    let evaluation = sample();
    let output = report::pdf(&evaluation, &ReportOptions::default()).unwrap();
    let mut warnings = Vec::new();
    let document = printpdf::PdfDocument::parse(
        &output.bytes,
        &printpdf::PdfParseOptions::default(),
        &mut warnings,
    )
    .unwrap();
    let info = &document.metadata.info;
    assert!(info.document_title.contains(&evaluation.candidate));
    assert_eq!(info.author, evaluation.interviewer);
    assert_eq!(info.creation_date.date.year, 2026);
    let raw = String::from_utf8_lossy(&output.bytes);
    for local in ["/work", "/home", "/tmp", "/root", "C:\\"] {
        assert!(!raw.contains(local), "{local} in the file");
    }
}

#[test]
fn markdown_has_the_same_content() {
    let evaluation = sample();
    let options = ReportOptions::default();
    let markdown = report::markdown(&evaluation, &options)
        .replace('\\', "")
        .replace('\u{a0}', " ");
    let pdf_text = common::squeeze(&report::layout(&evaluation, &options).unwrap().text());
    for expected in [
        evaluation.candidate.as_str(),
        &evaluation.role,
        &evaluation.interviewer,
        "Yes",
        "3.0 / 4",
        "Solid (3 of 4)",
        "5 rated · 1 not asked · 0 no evidence · 0 unrated",
        "Retries payment requests without idempotency",
    ] {
        assert!(markdown.contains(expected), "markdown lacks {expected:?}");
        assert!(
            pdf_text.contains(&common::squeeze(expected)),
            "pdf lacks {expected:?}"
        );
    }
    for answer in &evaluation.answers {
        assert!(markdown.contains(answer.question.prompt.trim()));
        for line in lines_of(&answer.notes) {
            assert!(markdown.contains(line), "markdown lacks {line:?}");
            assert!(
                pdf_text.contains(&common::squeeze(line)),
                "pdf lacks {line:?}"
            );
        }
    }
    assert!(markdown.contains("- ✓ Resources as nouns"));
    assert!(markdown.contains("- ○ Idempotency keys"));
}

#[test]
fn characters_without_a_font_are_reported_not_lost() {
    let mut evaluation = built(1);
    evaluation.answers[0].notes = "日本語のメモ and ქართული".into();
    let options = ReportOptions::default();
    let missing = report::missing_characters(&evaluation, &options).unwrap();
    let expected: BTreeSet<char> = "日本語のメモქართული".chars().collect();
    assert_eq!(missing, expected);
    let output = report::pdf(&evaluation, &options).unwrap();
    assert_eq!(
        output
            .missing_characters
            .iter()
            .copied()
            .collect::<BTreeSet<_>>(),
        expected
    );
    // The text is still laid out in full, as boxes.
    assert!(
        report::layout(&evaluation, &options)
            .unwrap()
            .text()
            .contains("日本語のメモ")
    );

    // With whatever the system has installed, covered characters are drawn for real and only
    // the rest is reported.
    let fallback_fonts = report::system_fallback_fonts(&missing);
    let options = ReportOptions {
        fallback_fonts,
        ..ReportOptions::default()
    };
    let output = report::pdf(&evaluation, &options).unwrap();
    let still_missing: BTreeSet<char> = output.missing_characters.iter().copied().collect();
    assert!(still_missing.is_subset(&expected));
    if still_missing.len() < expected.len() {
        let text = common::pdf_pages(&output.bytes).concat();
        for c in expected.difference(&still_missing) {
            assert!(
                text.contains(*c),
                "{c} drawn by a fallback font should read back"
            );
        }
    }
}

#[test]
fn the_cli_exports_pdf_and_markdown() {
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_onsite"))
            .args(args)
            .env("ONSITE_HOME", home.path())
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap()
    };
    let pdf = home.path().join("out.pdf");
    let output = run(&[
        "export",
        "examples/evaluation-sample.ron",
        "-o",
        pdf.to_str().unwrap(),
        "--paper",
        "letter",
        "--include-private",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains(" pages)"));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let pages = common::pdf_pages(&bytes);
    assert!(pages.concat().contains("Private notes"));
    let mut warnings = Vec::new();
    let document =
        printpdf::PdfDocument::parse(&bytes, &printpdf::PdfParseOptions::default(), &mut warnings)
            .unwrap();
    assert!((document.pages[0].media_box.height.0 - 792.0).abs() < 0.5);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&pdf).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let md = home.path().join("out.md");
    let output = run(&[
        "export",
        "examples/evaluation-sample.ron",
        "-o",
        md.to_str().unwrap(),
        "--format",
        "md",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# Interview evaluation"));
    assert!(!text.contains("Private notes"));

    let missing = run(&["export", "no-such-file.ron", "-o", md.to_str().unwrap()]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-file.ron"));
}

#[test]
fn key_points_not_ticked_read_as_not_mentioned() {
    let layout = report::layout(&sample(), &ReportOptions::default()).unwrap();
    let text = layout.text();
    assert!(text.contains("○"));
    assert!(text.contains("✓"));
    assert!(!text.contains("✗"), "a cross reads as failed");
    assert!(text.contains("not mentioned"));
}
