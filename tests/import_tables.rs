//! Markdown tables inside questions: rubric tables give anchored levels, two-column tables
//! key points, header rows are reported, and line numbers stay right around tables.
#![allow(clippy::unwrap_used, clippy::panic)]

mod import_support;

use onsite::domain::validate::validate_pack;
use onsite::import::{ImportOptions, WarningKind, from_markdown};

use import_support::{
    assert_same_question, headers, numbers, rubric, standard_anchor, warning, warnings,
};

// --- Tables -------------------------------------------------------------------------------

/// The rubric from the import guide, as a table and as the equivalent list.
const RUBRIC_TABLE: &str = "\
| Score | Level | What it looks like |
|---|---|---|
| 1 | Weak | Blames the teammate. |
| 2 | Partial | Describes the conflict but not how it ended. |
| 3 | Solid | Explains both positions and how it was settled. |
| 4 | Strong | Changed their own mind or found a third option. |
";

const RUBRIC_LIST: &str = "\
- 1 – Weak: Blames the teammate.
- 2 – Partial: Describes the conflict but not how it ended.
- 3 – Solid: Explains both positions and how it was settled.
- 4 – Strong: Changed their own mind or found a third option.
";

fn disagreement(part: &str) -> String {
    format!("# Behavioural\n\n## 1. Tell me about a time you disagreed with a teammate.\n\n{part}")
}

#[test]
fn a_rubric_table_gives_anchored_levels() {
    let expected = rubric(&[
        (1, "Weak", "Blames the teammate."),
        (2, "Partial", "Describes the conflict but not how it ended."),
        (
            3,
            "Solid",
            "Explains both positions and how it was settled.",
        ),
        (
            4,
            "Strong",
            "Changed their own mind or found a third option.",
        ),
    ]);
    let list = from_markdown(
        &disagreement(&format!("### Rubric\n\n{RUBRIC_LIST}")),
        &ImportOptions::default(),
    );
    assert_eq!(list.pack.questions[0].rubric, expected);
    // The header row only names the columns: it is left out with a warning naming its line.
    for (part, header) in [
        (format!("### Rubric\n{RUBRIC_TABLE}"), 6),
        (format!("### Rubric\n\n{RUBRIC_TABLE}"), 7),
        // Right under a bold label, without a blank line.
        (format!("**Rubric:**\n{RUBRIC_TABLE}"), 6),
        (format!("Rubric:\n\n{RUBRIC_TABLE}"), 7),
    ] {
        let imported = from_markdown(&disagreement(&part), &ImportOptions::default());
        assert_eq!(validate_pack(&imported.pack), vec![], "{part}");
        let question = &imported.pack.questions[0];
        assert_eq!(question.rubric, expected, "{part}");
        assert_eq!(question.guidance, "", "{part}");
        assert_eq!(
            warnings(&imported),
            vec![
                numbers(3, 1, "line 3"),
                headers(header, 1, &format!("line {header}"))
            ],
            "{part}"
        );
        assert_eq!(
            imported.warnings[1].dropped,
            ["Score – Level: What it looks like"]
        );
        assert_same_question(&part, question, &list.pack.questions[0]);
    }

    // Bold and code in the cells are kept the way they are elsewhere; a score without a label
    // gets the standard one.
    let imported = from_markdown(
        &disagreement(
            "### Rubric\n\n| Score | Notes |\n|--:|---|\n| 1 | Says **nothing** |\n\
             | 2 | Names `git blame` |\n| 3 | Reads [the guide](https://x.test) |\n",
        ),
        &ImportOptions::default(),
    );
    assert_eq!(
        imported.pack.questions[0].rubric,
        rubric(&[
            (1, "Weak", "Says nothing"),
            (2, "Partial", "Names `git blame`"),
            (3, "Solid", "Reads the guide (https://x.test)"),
            (4, "Strong", &standard_anchor(4)),
        ])
    );
}

#[test]
fn a_rubric_table_with_only_labels() {
    let text = disagreement(
        "### Evaluating responses\n\n\
         | Level | What it looks like |\n\
         |-------|--------------------|\n\
         | Weak | Blames the teammate. |\n\
         | Good | Explains both positions. |\n\
         | Excellent | Found a third option. |\n",
    );
    let imported = from_markdown(&text, &ImportOptions::default());
    let id = "tell-me-about-a-time-you-disagreed-with";
    assert_eq!(
        imported.pack.questions[0].rubric,
        rubric(&[
            (1, "Weak", "Blames the teammate."),
            (2, "Partial", &standard_anchor(2)),
            (3, "Solid", "Explains both positions."),
            (4, "Strong", "Found a third option."),
        ])
    );
    // The warning points at the rubric's heading, on line 5.
    assert_eq!(
        warnings(&imported),
        vec![
            numbers(3, 1, "line 3"),
            warning(
                5,
                Some(id),
                WarningKind::Adjusted,
                "the rubric does not describe Partial; the standard anchor is used"
            ),
            headers(7, 1, "line 7"),
        ]
    );
}

#[test]
fn a_two_column_table_gives_key_points() {
    let text = disagreement(
        "### Key points\n\n\
         | Point | Why it matters |\n\
         |---|---|\n\
         | Both positions | Shows they listened |\n\
         | **Evidence** | A prototype or a design note |\n\
         | How it ended |  |\n\n\
         ### Follow-ups\n\n\
         | Question |\n|---|\n| What would your teammate say? |\n\n\
         **Red flags:**\n\
         | Flag | Example |\n|---|---|\n| Contempt | \"they never get it\" |\n",
    );
    let imported = from_markdown(&text, &ImportOptions::default());
    let question = &imported.pack.questions[0];
    assert_eq!(
        question.key_points,
        [
            "Both positions: Shows they listened",
            "Evidence: A prototype or a design note",
            "How it ended",
        ]
    );
    assert_eq!(question.follow_ups, ["What would your teammate say?"]);
    assert_eq!(question.red_flags, ["Contempt: \"they never get it\""]);
    assert_eq!(question.guidance, "");
    assert_eq!(
        warnings(&imported),
        vec![numbers(3, 1, "line 3"), headers(7, 3, "lines 7, 15 and 20")]
    );
}

#[test]
fn a_table_with_only_a_header_gives_only_a_warning() {
    let text = disagreement(
        "### Rubric\n\n| Score | Level | What it looks like |\n|---|---|---|\n\n\
         ### Key points\n\n| Point |\n|---|\n\n### Why we ask\n\nConflict.\n",
    );
    let imported = from_markdown(&text, &ImportOptions::default());
    assert_eq!(validate_pack(&imported.pack), vec![]);
    let question = &imported.pack.questions[0];
    assert_eq!(question.rubric, None);
    assert_eq!(question.key_points, Vec::<String>::new());
    assert_eq!(question.purpose, "Conflict.");
    assert_eq!(question.guidance, "");
    assert_eq!(
        warnings(&imported),
        vec![numbers(3, 1, "line 3"), headers(7, 2, "lines 7 and 12")]
    );

    let alone = from_markdown("| Score | Level |\n|---|---|\n", &ImportOptions::default());
    assert!(alone.pack.questions.is_empty());
    assert_eq!(validate_pack(&alone.pack), vec![]);
    assert_eq!(alone.warnings.len(), 2, "{:?}", alone.warnings);
    assert_eq!(alone.warnings[0].dropped, ["Score: Level"]);
    assert_eq!(alone.warnings[1].kind, WarningKind::NoQuestions);
}

#[test]
fn a_pipe_escaped_inside_a_cell() {
    let text = disagreement(
        "### Key points\n\n\
         | Point | Detail |\n|---|---|\n\
         | Uses `a \\| b` | not a \\| new cell |\n\n\
         ### Rubric\n\n\
         | Score | Level | Anchor |\n|---|---|---|\n\
         | 1 | Weak | Says `x \\|\\| y` |\n\
         | 4 | Strong | Either \\| or both |\n",
    );
    let imported = from_markdown(&text, &ImportOptions::default());
    let question = &imported.pack.questions[0];
    assert_eq!(question.key_points, ["Uses `a | b`: not a | new cell"]);
    let levels = &question.rubric.as_ref().unwrap().levels;
    assert_eq!(levels[0].anchor, "Says `x || y`");
    assert_eq!(levels[3].anchor, "Either | or both");
}

#[test]
fn tables_outside_a_part_and_line_numbers() {
    let text = "# Behavioural\n\
                \n\
                | Round | Owner |\n\
                |---|---|\n\
                | Onsite | Hiring team |\n\
                | Phone | Recruiter |\n\
                \n\
                ## 1. Tell me about a time you disagreed with a teammate.\n\
                \n\
                | Note |\n\
                |---|\n\
                | Ask for a recent example. |\n\
                \n\
                ### Notes\n\
                \n\
                | Col |\n\
                |---|\n\
                | Keep it short. |\n\
                \n\
                ### Rubric\n\
                \n\
                | Level | Anchor |\n\
                |---|---|\n\
                | Level 1 | Blames others. |\n\
                | Level 3 | Settles it. |\n\
                | Someday | maybe |\n";
    let imported = from_markdown(text, &ImportOptions::default());
    let id = "tell-me-about-a-time-you-disagreed-with";
    let question = &imported.pack.questions[0];
    // A table before the first question is the pack's, like any other text there; text under
    // the question without a label is its answer, kept in the guidance as written.
    assert_eq!(
        imported.pack.description,
        "- Onsite: Hiring team\n- Phone: Recruiter"
    );
    assert_eq!(
        question.guidance,
        "- Ask for a recent example.\n\nNotes:\n- Keep it short."
    );
    // Each warning names the line it is about.
    assert_eq!(
        warnings(&imported),
        vec![
            headers(3, 4, "lines 3, 10, 16 and 22"),
            numbers(8, 1, "line 8"),
            warning(
                14,
                Some(id),
                WarningKind::KeptInGuidance,
                "unknown section `Notes` kept in guidance"
            ),
            warning(
                20,
                Some(id),
                WarningKind::Adjusted,
                "the rubric does not describe Partial, Strong; the standard anchor is used"
            ),
        ]
    );
    assert_eq!(
        question.rubric.as_ref().unwrap().levels[0].anchor,
        "Blames others."
    );
    assert_eq!(
        question.rubric.as_ref().unwrap().levels[2].anchor,
        "Settles it. Someday: maybe"
    );
}
