//! The printable interview kit of a plan, read back from the PDF.
#![allow(clippy::unwrap_used)]

mod common;

use common::{onsite, text};
use onsite::domain::{InterviewPlan, PlanEntry, PlanQuestion, Question, QuestionPack, QuestionRef};
use onsite::report::{self, ReportOptions};
use onsite::storage::{self, Visibility};

fn bundled() -> Vec<QuestionPack> {
    storage::bundled_packs()
        .items
        .into_iter()
        .map(|entry| std::sync::Arc::unwrap_or_clone(entry.pack))
        .collect()
}

fn from_pack(pack: &str, question: &str, minutes: Option<u32>) -> PlanEntry {
    PlanEntry {
        question: PlanQuestion::FromPack(QuestionRef {
            pack: pack.into(),
            question: question.into(),
        }),
        minutes,
    }
}

/// A realistic onsite round over the bundled packs, with one question of the plan's own.
fn plan() -> InterviewPlan {
    let mut plan = InterviewPlan::new("Senior backend onsite, round 2", "Senior Backend Engineer");
    plan.description =
        "Systems and operations. Leave five minutes for the candidate's questions.".into();
    plan.entries = vec![
        from_pack("backend-engineering", "rest-api-design", None),
        from_pack("backend-engineering", "caching-strategies", Some(12)),
        from_pack("backend-engineering", "schema-migrations", None),
        from_pack("behavioral", "production-incident", None),
        PlanEntry {
            question: PlanQuestion::Custom(Box::new({
                let mut own = Question::new(
                    "team-questions",
                    "What would you like to know about the team and how we work?",
                    5,
                );
                own.purpose = "Shows what the candidate cares about.".into();
                own
            })),
            minutes: None,
        },
    ];
    plan
}

/// Text with all whitespace removed: wrapping adds line ends where the source had spaces.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_prompt_anchor_key_point_and_follow_up_is_in_the_kit() {
    let plan = plan();
    let entries = plan.resolve(&bundled()).unwrap();
    let options = ReportOptions::default();
    let output = report::kit_pdf(&plan, &entries, &options).unwrap();
    assert!(
        output.missing_characters.is_empty(),
        "{:?}",
        output.missing_characters
    );
    let pages = common::pdf_pages(&output.bytes);
    assert_eq!(pages.len(), output.pages);
    let all = squeeze(&pages.join(" "));
    for entry in &entries {
        let question = &entry.question;
        // Inline code loses its backticks in the PDF.
        let expect = |text: &str| {
            let wanted = squeeze(&text.replace('`', ""));
            assert!(all.contains(&wanted), "missing from the kit: {text}");
        };
        expect(&question.prompt);
        expect(&question.purpose);
        question.key_points.iter().for_each(|t| expect(t));
        question.follow_ups.iter().for_each(|t| expect(t));
        question.red_flags.iter().for_each(|t| expect(t));
        let rubric = question.rubric.clone().unwrap();
        assert_eq!(rubric.levels.len(), 4);
        for level in &rubric.levels {
            expect(&format!("{} · {}", level.score, level.label));
            expect(&level.anchor);
        }
    }

    // The cover: title, plan, role, total time (15 + 12 + 15 + 12 + 5 minutes), who and when.
    let cover = &pages[0];
    for text in [
        "Interview kit",
        "Senior backend onsite, round 2",
        "Senior Backend Engineer",
        "59 min",
        "5 questions",
        "Candidate",
        "Interviewer",
        "Date",
    ] {
        assert!(cover.contains(text), "cover lacks {text:?}");
    }

    // Each question starts a page of its own, and the last page is for the recommendation.
    let layout = report::kit_layout(&plan, &entries, &options).unwrap();
    let starts: Vec<usize> = layout
        .pages
        .iter()
        .enumerate()
        .filter(|(_, page)| {
            page.lines()
                .next()
                .is_some_and(|line| line.text.starts_with("Question "))
        })
        .map(|(index, _)| index)
        .collect();
    assert_eq!(starts.len(), entries.len());
    assert_eq!(starts[0], 1);
    let last = layout.pages.last().unwrap();
    assert_eq!(last.lines().next().unwrap().text, "Recommendation");
    for label in ["Strong no", "No", "Yes", "Strong yes"] {
        assert!(last.lines().any(|line| line.text == label));
    }
    // Every question page ends with lines to write on, down to the bottom of the body.
    for window in starts
        .windows(2)
        .chain([[starts[starts.len() - 1], layout.pages.len() - 1].as_slice()])
    {
        let page = &layout.pages[window[1] - 1];
        let lowest = page
            .items
            .iter()
            .filter_map(|item| match item {
                report::Item::Rule(rule) => Some(rule.from.1),
                _ => None,
            })
            .fold(0.0, f32::max);
        assert!(
            lowest > layout.body_bottom - 25.0,
            "page {} has room left",
            window[1]
        );
    }
    for (number, page) in layout.pages.iter().enumerate() {
        let footer = page.lines().find(|line| line.footer).unwrap();
        assert_eq!(
            footer.text,
            format!(
                "Senior backend onsite, round 2 · Onsite interview kit · page {} of {}",
                number + 1,
                layout.pages.len()
            )
        );
    }
}

#[test]
fn the_cli_prints_a_kit_and_names_missing_questions() {
    let home = tempfile::tempdir().unwrap();
    let plan_path = home.path().join("plan.ron");
    storage::save(&plan_path, &plan(), Visibility::Shared).unwrap();
    let kit = home.path().join("kit.pdf");
    let output = onsite(
        home.path(),
        &[
            "kit",
            plan_path.to_str().unwrap(),
            "-o",
            kit.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.starts_with(&format!("wrote {} (", kit.display())),
        "{stdout}"
    );
    let pages = common::pdf_pages(&std::fs::read(&kit).unwrap());
    assert!(pages[0].contains("Senior backend onsite, round 2"));

    let mut broken = plan();
    broken
        .entries
        .push(from_pack("backend-engineering", "no-such-question", None));
    storage::save(&plan_path, &broken, Visibility::Shared).unwrap();
    let output = onsite(
        home.path(),
        &[
            "kit",
            plan_path.to_str().unwrap(),
            "-o",
            kit.to_str().unwrap(),
        ],
    );
    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    assert!(stderr.contains("no-such-question"), "{stderr}");
}
