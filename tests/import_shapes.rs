//! Each shape of question bank in `tests/documents/shape-*.md`, and all of them mixed in one
//! document, imported field by field.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;

use onsite::domain::validate::validate_pack;
use onsite::import::{ImportOptions, Imported, WarningKind, from_document};

fn import(name: &str) -> Imported {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/documents")
        .join(name);
    let text = std::fs::read_to_string(path).unwrap();
    let imported = from_document(name, &text, &ImportOptions::default());
    assert_eq!(validate_pack(&imported.pack), vec![], "{name}");
    imported
}

fn prompts(imported: &Imported) -> Vec<&str> {
    imported
        .pack
        .questions
        .iter()
        .map(|q| q.prompt.as_str())
        .collect()
}

#[test]
fn bare_bullets_and_their_follow_ups() {
    let imported = import("shape-01-bare-bullets.md");
    assert_eq!(
        prompts(&imported),
        [
            "How do you explain a slow page to a customer who is angry?",
            "Walk me through the last outage you helped with.",
            "Which tools do you open first when a login fails?",
        ]
    );
    assert_eq!(
        imported.pack.questions[0].follow_ups,
        [
            "What would you say if they ask for a refund?",
            "When do you hand the ticket to an engineer?"
        ]
    );
    assert_eq!(
        imported.pack.title,
        "Warm-up questions for support engineers"
    );
    assert_eq!(
        imported.tally().to_string(),
        "3 questions · 2 follow-ups · 0 rubrics · 0 warnings"
    );
}

#[test]
fn category_headings_tag_their_questions() {
    let imported = import("shape-02-categories.md");
    assert_eq!(
        prompts(&imported),
        [
            "How would you round currency amounts without losing cents?",
            "Write a function that checks a card number with the Luhn rule.",
            "Tell me about a refund you had to refuse.",
            "How do you measure whether a ranking change helped?",
        ]
    );
    let tags: Vec<&[String]> = imported
        .pack
        .questions
        .iter()
        .map(|q| q.tags.as_slice())
        .collect();
    assert_eq!(tags[0], ["Payments team", "Coding questions"]);
    assert_eq!(tags[2], ["Payments team", "Behaviour"]);
    assert_eq!(tags[3], ["Search team"]);
    assert!(
        imported
            .pack
            .description
            .contains("Questions for the ranking work.")
    );
}

#[test]
fn headings_without_a_question_mark_are_the_prompt() {
    let imported = import("shape-03-headings.md");
    assert_eq!(
        prompts(&imported),
        [
            "What is a closure",
            "Event delegation",
            "Explain the difference between `==` and `===`",
        ]
    );
    assert_eq!(
        imported.pack.questions[0].guidance,
        "A closure is a function that keeps the variables of the scope it was made in.\n\n\
         It lets a callback see values after the outer function returned."
    );
}

#[test]
fn headings_inside_numbered_items() {
    let imported = import("shape-04-heading-in-list.md");
    assert_eq!(
        prompts(&imported),
        ["How do you create an object?", "What is a prototype chain"]
    );
    let guidance = &imported.pack.questions[0].guidance;
    assert!(guidance.contains("```js\nconst a = {};"), "{guidance}");
    assert!(!guidance.contains("Back to Top"), "{guidance}");
    // The items' numbers and the back-to-top link are left out, each with one warning.
    let messages: Vec<&str> = imported
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].starts_with("2 question numbers left out"),
        "{messages:?}"
    );
    assert!(
        imported
            .warnings
            .iter()
            .all(|w| w.kind == WarningKind::LeftOut)
    );
}

#[test]
fn front_matter_is_the_packs() {
    let imported = import("shape-05-front-matter.md");
    assert_eq!(imported.pack.title, "Database round");
    assert_eq!(
        imported.pack.description,
        "Questions for the storage team's second interview."
    );
    assert_eq!(imported.pack.tags, ["sql", "storage"]);
    assert_eq!(
        prompts(&imported),
        ["What is an index for?", "How would you find a slow query?"]
    );
    assert_eq!(imported.warnings[0].dropped, ["layout: page"]);
}

#[test]
fn summaries_are_questions_and_details_answers() {
    let imported = import("shape-06-details.md");
    assert_eq!(
        prompts(&imported),
        [
            "What does `set -e` do in a script?",
            "How do you see which process holds a port?"
        ]
    );
    assert_eq!(
        imported.pack.questions[1].guidance,
        "Use `ss -ltnp` or `lsof -i :8080`."
    );
}

#[test]
fn answers_under_other_heading_levels_stay_with_their_question() {
    let imported = import("shape-07-answer-levels.md");
    let first = &imported.pack.questions[0];
    assert_eq!(
        first.prompt,
        "What does this print?\n\n```js\nconsole.log(typeof null);\n```"
    );
    assert_eq!(first.key_points[0], "Correct answer: B: `\"object\"`");
    assert!(
        first.guidance.starts_with("Options:\n- A: `\"null\"`"),
        "{}",
        first.guidance
    );
    assert_eq!(
        imported.pack.questions[1].prompt,
        "Which loop sees the new value?"
    );
}

#[test]
fn quiz_options_and_the_correct_mark_survive() {
    let imported = import("shape-08-quiz.md");
    let first = &imported.pack.questions[0];
    assert_eq!(
        first.prompt,
        "Which command shows the commits that are not yet pushed?"
    );
    assert_eq!(first.key_points[0], "Correct answer: `git log @{u}..`");
    assert!(
        first.guidance.contains("- [x] `git log @{u}..`"),
        "{}",
        first.guidance
    );
    assert!(
        first.purpose.is_empty(),
        "an explanation is not the why-we-ask"
    );
}

#[test]
fn question_and_answer_paragraphs_and_code_prompts() {
    let imported = import("shape-09-qa.md");
    assert_eq!(
        imported.pack.questions[0].prompt,
        "What is the difference between TCP and UDP?"
    );
    assert_eq!(
        imported.pack.questions[1].prompt,
        "What is the value of `x` after this runs?\n\n```python\nx = [1, 2]\nx.append(x[0])\n```"
    );
}

#[test]
fn page_furniture_is_left_out_with_one_warning_per_kind() {
    let imported = import("shape-10-furniture.md");
    assert_eq!(
        prompts(&imported),
        ["What is a region?", "How do you size a disk?"]
    );
    for question in &imported.pack.questions {
        assert!(!question.guidance.contains("top"), "{}", question.guidance);
    }
    let messages: Vec<&str> = imported
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect();
    assert!(
        messages.iter().any(|m| m.starts_with("1 badge line")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.starts_with("1 HTML comment")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("3 table-of-contents lines")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("2 “back to top” links")),
        "{messages:?}"
    );
    assert!(
        imported
            .pack
            .description
            .contains("Contributing: Pull requests are welcome")
    );
}

#[test]
fn all_ten_shapes_in_one_document() {
    let imported = import("mixed-all-shapes.md");
    assert_eq!(imported.pack.title, "Mixed bank");
    assert_eq!(
        prompts(&imported)
            .iter()
            .map(|p| p.lines().next().unwrap_or(""))
            .collect::<Vec<_>>(),
        [
            "Tell me about a time you changed your mind at work.",
            "What is memoisation",
            "How do you debounce a handler?",
            "Why can a `for...in` loop surprise you?",
            "What does this log?",
            "Which keyword declares a constant?",
            "What is a pure function?",
        ]
    );
}

#[test]
fn a_document_section_under_a_question_is_part_of_it() {
    // Text between two questions belongs to the one before it, even under a heading that
    // names a part of a README ("References"); at the level of the categories it is the
    // document's ("License").
    let text = "## JS\n\n### Explain event delegation\n\nOne listener on the parent.\n\n\
                ###### References\n\n- https://a.test/delegation\n\n\
                ### Explain hoisting\n\nDeclarations move to the top of their scope.\n\n\
                ## License\n\nMIT\n";
    let imported = onsite::import::from_markdown(text, &ImportOptions::default());
    assert_eq!(
        prompts(&imported),
        ["Explain event delegation", "Explain hoisting"]
    );
    assert_eq!(
        imported.pack.questions[0].guidance,
        "One listener on the parent.\n\nReferences:\n- https://a.test/delegation"
    );
    assert_eq!(imported.pack.description, "License: MIT");
}

#[test]
fn lettered_options_under_a_listed_question_stay_options() {
    let text = "# Quick quiz\n\n1. What does HTML stand for?\n   - a) Hyper Trainer Marking Language\n\
                \x20  - b) Hyper Text Markup Language\n\n   Answer: b\n\n\
                2. Which tag makes a line break?\n   - a) `<lb>`\n   - b) `<br>`\n\n   Answer: b\n";
    let imported = onsite::import::from_markdown(text, &ImportOptions::default());
    let first = &imported.pack.questions[0];
    assert_eq!(first.prompt, "What does HTML stand for?");
    assert_eq!(first.follow_ups, Vec::<String>::new());
    assert_eq!(
        first.key_points,
        ["Correct answer: b) Hyper Text Markup Language"]
    );
    assert!(
        first.guidance.starts_with("Options:\n"),
        "{}",
        first.guidance
    );
    assert_eq!(
        imported.pack.questions[1].key_points,
        ["Correct answer: b) `<br>`"]
    );
}

#[test]
fn bold_paragraphs_that_ask_are_questions_in_quotes_too() {
    let text = "# HR round\n\n## Common questions\n\n**Tell me about yourself.**\n\n\
                Keep it to two minutes.\n\n**Why do you want to leave your current job?**\n\n\
                Talk about what you are looking for.\n\n## Situational\n\n\
                > **If a colleague took credit for your work, what would you do?**\n>\n\
                > Talk to them first, privately.\n";
    let imported = onsite::import::from_markdown(text, &ImportOptions::default());
    assert_eq!(
        prompts(&imported),
        [
            "Tell me about yourself.",
            "Why do you want to leave your current job?",
            "If a colleague took credit for your work, what would you do?",
        ]
    );
    assert_eq!(
        imported.pack.questions[0].guidance,
        "Keep it to two minutes."
    );
    assert_eq!(imported.pack.questions[2].tags, ["Situational"]);
}

#[test]
fn good_to_hear_gives_key_points_and_links_stay_with_the_question() {
    let text = "## JavaScript\n\n### What is a callback?\n\n#### Answer\n\n\
                A function passed to another function to be called later, for example when a \
                timer fires, a request finishes or a user clicks a button somewhere.\n\n\
                #### Good to hear\n\n- Callbacks are the basis of asynchronous code\n\n\
                ##### Additional links\n\n- [MDN](https://developer.mozilla.org)\n\n\
                <!-- tags: (javascript) -->\n";
    let imported = onsite::import::from_markdown(text, &ImportOptions::default());
    let question = &imported.pack.questions[0];
    // The short answer is a point of its own, before what is good to hear.
    assert_eq!(
        question.key_points[1..],
        ["Callbacks are the basis of asynchronous code"]
    );
    assert!(
        question
            .guidance
            .ends_with("Additional links:\n- MDN (https://developer.mozilla.org)"),
        "{}",
        question.guidance
    );
    assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
    assert!(imported.warnings[0].message.starts_with("1 HTML comment"));
}

#[test]
fn a_heading_with_nothing_under_it_is_named_in_a_warning() {
    let text = "# Bank\n\n## Coding\n\n## Behaviour\n\n- Tell me about a time you failed.\n\n\
                ## License\n";
    let imported = onsite::import::from_markdown(text, &ImportOptions::default());
    assert_eq!(prompts(&imported), ["Tell me about a time you failed."]);
    let empty = imported
        .warnings
        .iter()
        .find(|w| w.message.contains("nothing is under it"))
        .unwrap();
    assert_eq!(
        empty.message,
        "2 headings left out: nothing is under it (lines 3 and 9)"
    );
    assert_eq!(empty.dropped, ["Coding", "License"]);
}

#[test]
fn numbers_within_sections_and_numbered_groups() {
    let text = "# Networking\n\n## 1. Basics\n\n### 1.1 What is an IP address?\n\n\
                A number that identifies a host.\n\n### 1.2. What is a port?\n\n\
                A number that identifies a service.\n";
    let imported = onsite::import::from_markdown(text, &ImportOptions::default());
    assert_eq!(
        prompts(&imported),
        ["What is an IP address?", "What is a port?"]
    );
    assert_eq!(imported.pack.questions[1].tags, ["1. Basics"]);
    let pasted = onsite::import::from_text(
        "1. Basics\n1.1 What is an IP address?\nA number.\n1.2 What is a port?\nAnother.\n",
        &ImportOptions::default(),
    );
    assert_eq!(
        prompts(&pasted),
        ["What is an IP address?", "What is a port?"]
    );
}
