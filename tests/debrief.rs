//! The debrief packet and the seal in the evaluation PDF, read back as a committee member (or a
//! copy and paste) sees them.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::{onsite, text};
use jiff::Timestamp;
use onsite::domain::debrief::{self, Agreement, Warning};
use onsite::domain::seal::short_seal;
use onsite::domain::{
    Answer, Evaluation, Outcome, Question, QuestionRef, Recommendation, Rubric, SealState,
};
use onsite::report::{self, Layout, ReportOptions};
use onsite::storage::{self, Visibility};

const CANDIDATE: &str = "Zoë Łukasiewicz-Ñúñez";

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// A question from the backend pack, as an evaluation freezes it.
fn asked(id: &str, competency: &str, prompt: &str, outcome: Outcome, notes: &str) -> Answer {
    let mut question = Question::new(id, prompt, 15);
    question.competency = competency.into();
    question.rubric = Some(Rubric::standard());
    question.key_points = vec![
        "Names the resources before the endpoints".into(),
        "Plans for failure and retries".into(),
    ];
    let mut answer = Answer::new(
        question,
        Some(QuestionRef {
            pack: "backend-engineering".into(),
            question: id.into(),
        }),
    );
    answer.outcome = outcome;
    answer.covered = [0].into_iter().collect();
    answer.notes = notes.into();
    answer.seconds = 800;
    answer
}

/// One interviewer's evaluation: `design` on API design, `operations` on Operations, and a
/// private note no packet may show.
fn interview(
    interviewer: &str,
    design: u8,
    operations: u8,
    recommendation: Recommendation,
    day: &str,
) -> Evaluation {
    let mut evaluation = Evaluation::new(CANDIDATE, "Senior Backend Engineer");
    evaluation.interviewer = interviewer.into();
    evaluation.plan_title = "Senior backend onsite".into();
    evaluation.started_at = Some(at(&format!("{day}T09:30:00Z")));
    evaluation.ended_at = Some(at(&format!("{day}T10:30:00Z")));
    evaluation.answers.push(asked(
        "rest-api-design",
        "API design",
        "Design a REST API for a lending library.",
        Outcome::Rated(design),
        &format!("{interviewer} on the API: modelled loans as resources."),
    ));
    evaluation.answers.push(asked(
        "incident-response",
        "Operations",
        "Walk me through the last incident you led.",
        Outcome::Rated(operations),
        &format!("{interviewer} on operations: described the rollback."),
    ));
    evaluation.answers.push(asked(
        "threat-model",
        "Security",
        "How would you threat-model the checkout?",
        Outcome::NotAsked,
        "",
    ));
    evaluation.recommendation = Some(recommendation);
    evaluation.summary = format!("Summary by {interviewer}: solid engineer, some gaps.");
    evaluation.general_notes = "Asked about the on-call rotation.".into();
    evaluation.private_notes = format!("PRIVATE-{interviewer}: referral from a friend");
    evaluation
}

/// The panel: API design rated 3/3/3, Operations 1/4/2; all three submitted and sealed.
fn panel() -> Vec<(String, Evaluation)> {
    let mut panel = vec![
        (
            "ann.ron".to_owned(),
            interview("Ann Okafor", 3, 1, Recommendation::No, "2026-11-24"),
        ),
        (
            "bo.ron".to_owned(),
            interview(
                "Bo Lindqvist",
                3,
                4,
                Recommendation::StrongYes,
                "2026-11-24",
            ),
        ),
        (
            "cy.ron".to_owned(),
            interview("Cy Mbeki", 3, 2, Recommendation::Yes, "2026-11-25"),
        ),
    ];
    for (_, evaluation) in &mut panel {
        evaluation.submit(at("2026-11-25T17:00:00Z")).unwrap();
    }
    panel
}

/// The furniture of each page (footer and marks), joined.
fn furniture(layout: &Layout) -> Vec<String> {
    layout
        .pages
        .iter()
        .map(|page| {
            page.lines()
                .filter(|line| line.footer)
                .map(|line| line.text.clone())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

/// Where `needle` first appears in `text` after `from`.
fn after(text: &str, from: usize, needle: &str) -> usize {
    let found = text[from..].find(needle);
    assert!(found.is_some(), "no {needle:?} after byte {from}");
    from + found.unwrap()
}

#[test]
fn the_packet_lists_the_split_competency_first_and_every_interviewer() {
    let debrief = debrief::assemble(panel()).unwrap();
    assert!(debrief.warnings.is_empty(), "{:?}", debrief.warnings);
    assert_eq!(debrief.grid[0].competency, "Operations");
    assert_eq!(debrief.grid[0].agreement(), Agreement::Split);
    assert_eq!(debrief.grid[1].agreement(), Agreement::Agree);
    assert_eq!(debrief.gaps.len(), 1);

    let options = ReportOptions::default();
    let layout = report::debrief_layout(&debrief, &options).unwrap();
    let body = layout.text();
    let grid = after(&body, 0, "Competency grid");
    let operations = after(&body, grid, "Operations");
    let design = after(&body, grid, "API design");
    assert!(operations < design, "the split competency is not first");
    assert!(body[operations..design].contains("Split · 3.0 apart"));
    // Security is a gap: the plans cover it, nobody rated it.
    let gaps = after(&body, grid, "Gaps");
    assert!(body[gaps..].contains("Security — Ann Okafor: not asked"));

    let output = report::debrief_pdf(&debrief, &options).unwrap();
    assert_eq!(output.pages, layout.pages.len());
    let pages = common::pdf_pages(&output.bytes);
    assert_eq!(pages.len(), output.pages);
    let all = pages.join("\n");
    let first = &pages[0];
    let page_one: Vec<&str> = layout.pages[0].lines().map(|l| l.text.as_str()).collect();
    for (name, recommendation) in [
        ("Ann Okafor", "No"),
        ("Bo Lindqvist", "Strong yes"),
        ("Cy Mbeki", "Yes"),
    ] {
        assert!(first.contains(name), "page 1 lacks {name}");
        assert!(all.contains(&format!("{name}’s evaluation")));
        assert!(all.contains(&format!("Summary by {name}")));
        assert!(all.contains(&format!("{name} on operations: described the rollback.")));
        // The badge in "who said what" and the word under the name in the grid.
        let badges = page_one.iter().filter(|t| **t == recommendation).count();
        assert!(badges >= 2, "{recommendation:?} on page 1 {badges} times");
    }
    assert!(first.contains("1 strong yes · 1 yes · 1 no"));
    assert!(first.contains(CANDIDATE));
    assert!(first.contains("24 Nov 2026 – 25 Nov 2026"));
    // Each interviewer's own seal is in the footer of their evaluation's pages.
    for (_, evaluation) in panel() {
        let SealState::Intact { seal, .. } = evaluation.seal_state() else {
            panic!("not sealed");
        };
        assert!(all.contains(&format!("sealed {}", short_seal(&seal))));
    }
    assert!(
        !all.contains("PRIVATE-"),
        "a private note leaked into the PDF"
    );
    assert!(!body.contains("PRIVATE-"));
    // Nothing to warn about: no marks at the top of any page.
    assert!(
        furniture(&layout)
            .iter()
            .all(|f| !f.contains("Draft") && !f.contains("Seal broken"))
    );
}

#[test]
fn markdown_has_the_same_content_and_no_private_notes() {
    let debrief = debrief::assemble(panel()).unwrap();
    let markdown = report::debrief_markdown(&debrief, &ReportOptions::default());
    let grid = after(&markdown, 0, "## Competency grid");
    let operations = after(&markdown, grid, "| Operations |");
    let design = after(&markdown, grid, "| API design |");
    assert!(operations < design);
    assert!(markdown.contains("| Operations | 1.0 | 4.0 | 2.0 | Split · 3.0 apart |"));
    assert!(markdown.contains("| API design | 3.0 | 3.0 | 3.0 | Agree |"));
    for name in ["Ann Okafor", "Bo Lindqvist", "Cy Mbeki"] {
        assert!(markdown.contains(&format!("## {name}’s evaluation")));
        assert!(markdown.contains(&format!("{name} on the API: modelled loans as resources.")));
    }
    assert!(markdown.contains("- **Panel:** 1 strong yes · 1 yes · 1 no"));
    assert!(markdown.contains("### Operations · asked by 3 · ratings 3.0 apart"));
    // The evaluations' headings sit one level below the packet's.
    assert!(markdown.contains("\n### Interviewer’s summary\n"));
    assert!(!markdown.contains("\n# Interview evaluation"));
    assert!(!markdown.contains("PRIVATE-"));
}

#[test]
fn a_draft_is_marked_on_every_page() {
    let mut panel = panel();
    panel[2].1.reopen(at("2026-11-26T08:00:00Z"));
    let debrief = debrief::assemble(panel).unwrap();
    assert_eq!(
        debrief.warnings,
        [Warning::Draft {
            file: "cy.ron".into(),
            interviewer: "Cy Mbeki".into(),
        }]
    );
    let options = ReportOptions::default();
    let layout = report::debrief_layout(&debrief, &options).unwrap();
    for (number, marks) in furniture(&layout).iter().enumerate() {
        assert!(
            marks.contains("Draft · not submitted: Cy Mbeki"),
            "page {} is not marked: {marks}",
            number + 1
        );
    }
    let pages = common::pdf_pages(&report::debrief_pdf(&debrief, &options).unwrap().bytes);
    assert!(pages.iter().all(|page| page.contains("Draft")));
    assert!(pages[0].contains("not submitted — draft"));
    let markdown = report::debrief_markdown(&debrief, &options);
    assert!(markdown.contains("**Draft:** not every evaluation is submitted (Cy Mbeki)."));
}

#[test]
fn a_broken_seal_marks_the_pages_with_that_interviewers_ratings() {
    let mut panel = panel();
    // Bo raises a rating after submitting.
    panel[1].1.answers[0].outcome = Outcome::Rated(4);
    let debrief = debrief::assemble(panel).unwrap();
    assert!(matches!(debrief.warnings[0], Warning::SealBroken { .. }));
    let layout = report::debrief_layout(&debrief, &ReportOptions::default()).unwrap();
    let furniture = furniture(&layout);
    let mark = "Seal broken · changed after submission: Bo Lindqvist";
    assert!(furniture[0].contains(mark), "{}", furniture[0]);
    let mut bo_pages = 0;
    for (page, marks) in furniture.iter().enumerate() {
        if marks.contains("Bo Lindqvist’s evaluation") {
            bo_pages += 1;
            assert!(marks.contains(mark), "page {}: {marks}", page + 1);
            assert!(marks.contains("changed since it was submitted on 25 Nov 2026"));
        }
        if marks.contains("Ann Okafor’s evaluation") || marks.contains("Cy Mbeki’s evaluation")
        {
            assert!(!marks.contains(mark), "page {}: {marks}", page + 1);
        }
    }
    assert!(bo_pages > 0);
}

#[test]
fn the_cli_writes_the_packet_and_refuses_two_candidates() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path();
    let mut paths = Vec::new();
    for (file, evaluation) in panel() {
        let path = dir.join(&file);
        storage::save(&path, &evaluation, Visibility::Private).unwrap();
        paths.push(path.display().to_string());
    }
    // A draft by a fourth interviewer, spelled without the accents.
    let mut draft = interview("Dee Ruiz", 2, 2, Recommendation::No, "2026-11-26");
    draft.candidate = CANDIDATE.to_lowercase().replace('ë', "e").replace('ú', "u");
    let draft_path = dir.join("dee.ron");
    storage::save(&draft_path, &draft, Visibility::Private).unwrap();
    paths.push(draft_path.display().to_string());

    let packet = dir.join("packet.pdf");
    let mut args = vec!["debrief"];
    args.extend(paths.iter().map(String::as_str));
    args.extend(["-o", packet.to_str().unwrap()]);
    let output = onsite(dir, &args);
    let stderr = text(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning: Dee Ruiz’s evaluation (dee.ron) is a draft"),
        "{stderr}"
    );
    let stdout = text(&output.stdout);
    assert!(
        stdout.starts_with(&format!("wrote {} (", packet.display())),
        "{stdout}"
    );
    assert!(stdout.trim_end().ends_with("pages)"), "{stdout}");
    let bytes = std::fs::read(&packet).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    assert!(!common::pdf_pages(&bytes).join(" ").contains("PRIVATE-"));

    let markdown = dir.join("packet.md");
    let mut md_args = args.clone();
    md_args.truncate(args.len() - 1);
    md_args.extend([markdown.to_str().unwrap(), "--format", "md"]);
    let output = onsite(dir, &md_args);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let written = std::fs::read_to_string(&markdown).unwrap();
    assert!(written.starts_with("# Debrief packet"));
    assert!(!written.contains("PRIVATE-"));

    let mut other = interview("Eve Marsh", 3, 3, Recommendation::Yes, "2026-11-27");
    other.candidate = "Ada Lovelace".into();
    let other_path = dir.join("eve.ron");
    storage::save(&other_path, &other, Visibility::Private).unwrap();
    let refused = dir.join("refused.pdf");
    let output = onsite(
        dir,
        &[
            "debrief",
            &paths[0],
            other_path.to_str().unwrap(),
            "-o",
            refused.to_str().unwrap(),
        ],
    );
    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    for expected in ["ann.ron", CANDIDATE, "eve.ron", "Ada Lovelace"] {
        assert!(
            stderr.contains(expected),
            "{expected:?} missing from {stderr}"
        );
    }
    assert!(!refused.exists());
}

#[test]
fn the_evaluation_pdf_prints_its_seal_and_marks_a_draft() {
    let options = ReportOptions::default();
    let (_, mut evaluation) = panel().remove(0);
    let SealState::Intact { seal, .. } = evaluation.seal_state() else {
        panic!("not sealed");
    };
    let layout = report::layout(&evaluation, &options).unwrap();
    let sealed = format!("sealed {}", short_seal(&seal));
    for marks in furniture(&layout) {
        assert!(
            marks.contains(&format!("Onsite evaluation · {sealed} · page")),
            "{marks}"
        );
    }
    assert!(!layout.text().contains("Draft"));
    assert!(report::markdown(&evaluation, &options).contains(&format!("- **Seal:** {sealed}")));

    let mut changed = evaluation.clone();
    changed.summary.push_str(" Edited after the fact.");
    let layout = report::layout(&changed, &options).unwrap();
    assert!(furniture(&layout)[0].contains("changed since it was submitted on 25 Nov 2026"));
    assert!(layout.text().contains("Changed after submission"));

    evaluation.reopen(at("2026-11-26T08:00:00Z"));
    let output = report::pdf(&evaluation, &options).unwrap();
    let pages = common::pdf_pages(&output.bytes);
    assert!(pages[0].contains("Draft · not submitted"));
    assert!(
        pages
            .iter()
            .all(|page| page.contains("not submitted — draft"))
    );
}

#[test]
fn seals_survive_saving_reformatting_and_sharing() {
    let dir = tempfile::tempdir().unwrap();
    let (_, evaluation) = panel().remove(1);
    let path = dir.path().join("bo.ron");
    storage::save(&path, &evaluation, Visibility::Private).unwrap();
    let loaded: Evaluation = storage::load(&path).unwrap();
    assert!(loaded.seal_state().is_intact());
    assert_eq!(loaded.private_notes, evaluation.private_notes);

    // Formatted differently: tabs, arrays on one line, escaped strings, a comment on top.
    let extensions = ron::extensions::Extensions::IMPLICIT_SOME
        | ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES;
    let config = ron::ser::PrettyConfig::new()
        .indentor("\t")
        .compact_arrays(true)
        .escape_strings(true);
    let other = ron::Options::default()
        .with_default_extension(extensions)
        .to_string_pretty(&loaded, config)
        .unwrap();
    let other = format!("Evaluation{other}");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_ne!(other, saved);
    let other = format!("// Reformatted by hand.\n{other}");
    let reformatted: Evaluation = storage::parse(Path::new("x.ron"), &other).unwrap();
    assert_eq!(reformatted, loaded);
    assert!(reformatted.seal_state().is_intact());

    // Private notes rewritten: still intact; anything the committee sees: broken.
    let mut private = loaded.clone();
    private.private_notes = "Rewritten entirely.".into();
    assert!(private.seal_state().is_intact());
    let mut notes = loaded.clone();
    notes.answers[1].notes.push_str(" And one more thing.");
    assert!(matches!(notes.seal_state(), SealState::Changed { .. }));

    // The shared copy, saved and loaded, still verifies and carries no private notes.
    let shared_path = dir.path().join("bo-shared.ron");
    storage::save(&shared_path, &loaded.shared_copy(), Visibility::Shared).unwrap();
    let shared: Evaluation = storage::load(&shared_path).unwrap();
    assert!(shared.seal_state().is_intact());
    assert!(
        !std::fs::read_to_string(&shared_path)
            .unwrap()
            .contains("PRIVATE-")
    );
}

#[test]
fn names_fold_without_case_accents_strokes_or_ligatures() {
    for (typed, plain) in [
        ("Zoë  Łukasiewicz", "zoe lukasiewicz"),
        ("Søren Kierkegaard", "soren kierkegaard"),
        ("Đorđe Balašević", "dorde balasevic"),
        ("Jürgen Straße", "jurgen strasse"),
    ] {
        assert_eq!(
            debrief::fold_name(typed),
            debrief::fold_name(plain),
            "{typed}"
        );
    }
    assert_ne!(
        debrief::fold_name("Ana Lima"),
        debrief::fold_name("Ana Lina")
    );
}

/// Onsite's own sentences around an Arabic or Hebrew name read left to right: the warning and
/// the side-by-side line start at the left margin, not pushed to the right edge.
#[test]
fn sentences_around_right_to_left_names_read_left_to_right() {
    let mut panel = panel();
    panel[0].1.interviewer = "ليلى حداد".into();
    panel[1].1.interviewer = "נועה כהן".into();
    panel[1].1.reopen(at("2026-11-26T09:00:00Z"));
    let debrief = debrief::assemble(panel).unwrap();
    let layout = report::debrief_layout(&debrief, &ReportOptions::default()).unwrap();
    let lines: Vec<_> = layout.pages.iter().flat_map(|page| page.lines()).collect();
    let left = lines
        .iter()
        .filter(|line| !line.footer)
        .map(|line| line.x)
        .fold(f32::INFINITY, f32::min);
    let warning = lines
        .iter()
        .find(|line| line.text.contains("נועה כהן") && line.text.contains("evaluation"))
        .expect("a warning naming the draft's interviewer");
    assert!(
        warning.x < left + 30.0,
        "warning starts at {} (margin {left})",
        warning.x
    );
    let side = lines
        .iter()
        .find(|line| line.text.starts_with("ليلى حداد") && line.text.contains("key points"))
        .expect("a side-by-side line");
    assert!(
        side.x < left + 30.0,
        "side-by-side line starts at {}",
        side.x
    );
}
