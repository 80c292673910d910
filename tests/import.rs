//! The document importer and the pack Markdown export: the test documents in
//! `tests/documents/` field by field, the round trip of every bundled pack through Markdown,
//! hostile input, and the `import` / `export-pack` subcommands.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use onsite::domain::limits::{MAX_LIST_ITEMS, MAX_QUESTIONS};
use onsite::domain::validate::validate_pack;
use onsite::domain::{Level, Question, QuestionPack, Rubric, RubricLevel};
use onsite::import::{
    ImportOptions, Imported, WarningKind, from_document, from_markdown, from_text,
};
use onsite::report::pack_to_markdown;
use onsite::storage::bundled_packs;

fn document(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/documents")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn import(name: &str) -> Imported {
    let imported = from_document(name, &document(name), &ImportOptions::default());
    assert_eq!(
        validate_pack(&imported.pack),
        vec![],
        "{name}: the pack is valid"
    );
    imported
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| (*item).to_owned()).collect()
}

fn rubric(levels: &[(u8, &str, &str)]) -> Option<Rubric> {
    Some(Rubric {
        levels: levels
            .iter()
            .map(|(score, label, anchor)| RubricLevel {
                score: *score,
                label: (*label).to_owned(),
                anchor: (*anchor).to_owned(),
            })
            .collect(),
    })
}

/// The standard anchor of a level, which the importer uses for levels a document skips.
fn standard_anchor(score: u8) -> String {
    Rubric::standard().level(score).unwrap().anchor.clone()
}

type Warning = (usize, Option<String>, WarningKind, String);

fn warnings(imported: &Imported) -> Vec<Warning> {
    imported
        .warnings
        .iter()
        .map(|w| (w.line, w.question.clone(), w.kind, w.message.clone()))
        .collect()
}

fn warning(line: usize, question: Option<&str>, kind: WarningKind, message: &str) -> Warning {
    (line, question.map(str::to_owned), kind, message.to_owned())
}

/// The summary warning for question numbers taken off the prompts: `lines` as the warning
/// writes them ("line 3", "lines 3 and 29").
fn numbers(first: usize, count: usize, lines: &str) -> Warning {
    let plural = if count == 1 { "" } else { "s" };
    warning(
        first,
        None,
        WarningKind::LeftOut,
        &format!("{count} question number{plural} left out of the prompts ({lines})"),
    )
}

/// The summary warning for table header rows left out.
fn headers(first: usize, count: usize, lines: &str) -> Warning {
    let plural = if count == 1 { "" } else { "s" };
    warning(
        first,
        None,
        WarningKind::LeftOut,
        &format!("{count} table header row{plural} left out: it only names the columns ({lines})"),
    )
}

/// Compares two questions field by field, so a failure names the field.
fn assert_same_question(context: &str, actual: &Question, expected: &Question) {
    let context = format!("{context}, question `{}`", expected.id);
    assert_eq!(actual.id, expected.id, "{context}: id");
    assert_eq!(actual.prompt, expected.prompt, "{context}: prompt");
    assert_eq!(actual.purpose, expected.purpose, "{context}: purpose");
    assert_eq!(
        actual.key_points, expected.key_points,
        "{context}: key_points"
    );
    assert_eq!(actual.rubric, expected.rubric, "{context}: rubric");
    assert_eq!(actual.guidance, expected.guidance, "{context}: guidance");
    assert_eq!(
        actual.follow_ups, expected.follow_ups,
        "{context}: follow_ups"
    );
    assert_eq!(actual.red_flags, expected.red_flags, "{context}: red_flags");
    assert_eq!(
        actual.competency, expected.competency,
        "{context}: competency"
    );
    assert_eq!(actual.level, expected.level, "{context}: level");
    assert_eq!(actual.tags, expected.tags, "{context}: tags");
    assert_eq!(actual.minutes, expected.minutes, "{context}: minutes");
    assert_eq!(actual.weight, expected.weight, "{context}: weight");
    assert_eq!(actual, expected, "{context}: a field not compared above");
}

/// Compares two packs field by field, then each question.
fn assert_same_pack(context: &str, actual: &QuestionPack, expected: &QuestionPack) {
    assert_eq!(actual.format, expected.format, "{context}: format");
    assert_eq!(actual.id, expected.id, "{context}: id");
    assert_eq!(actual.title, expected.title, "{context}: title");
    assert_eq!(
        actual.description, expected.description,
        "{context}: description"
    );
    assert_eq!(actual.author, expected.author, "{context}: author");
    assert_eq!(actual.tags, expected.tags, "{context}: tags");
    assert_eq!(
        actual.default_rubric, expected.default_rubric,
        "{context}: default_rubric"
    );
    let ids = |pack: &QuestionPack| {
        pack.questions
            .iter()
            .map(|q| q.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(actual), ids(expected), "{context}: question ids");
    for (actual, expected) in actual.questions.iter().zip(&expected.questions) {
        assert_same_question(context, actual, expected);
    }
    assert_eq!(actual, expected, "{context}: a field not compared above");
}

fn pack(id: &str, title: &str, description: &str, questions: Vec<Question>) -> QuestionPack {
    let mut pack = QuestionPack::new(id, title);
    pack.description = description.to_owned();
    pack.questions = questions;
    pack
}

#[test]
fn heading_style_document() {
    let imported = import("heading-style.md");

    let mut batch = Question::new(
        "a-nightly-batch-job-that-used-to-take",
        "A nightly batch job that used to take 20 minutes now takes three hours. How do you \
         find out why?",
        20,
    );
    batch.purpose = "We want to see whether the candidate measures before changing anything, \
                     and whether they can narrow a vague symptom down to a cause."
        .into();
    batch.key_points = strings(&[
        "Compares a slow run with a recent fast one before guessing",
        "Looks at what changed: data volume, code, configuration, the database plan",
        "Uses profiling or timing per stage to find the slow step",
        "Checks for lock contention or a missing index on the tables the job touches",
    ]);
    batch.rubric = rubric(&[
        (
            1,
            "Weak",
            "Jumps straight to \"add more machines\" without looking at any data.",
        ),
        (
            2,
            "Partial",
            "Checks logs and metrics but has no plan for narrowing it down.",
        ),
        (
            3,
            "Solid",
            "Splits the job into stages, times each one and compares with a good run.",
        ),
        (
            4,
            "Strong",
            "Also asks what changed around the time it slowed down and verifies the fix with a \
             second run.",
        ),
    ]);
    batch.follow_ups = strings(&[
        "The slow step turns out to be a single SQL query. What do you look at next?",
        "How would you notice this kind of slowdown before users complain?",
    ]);
    batch.red_flags = strings(&[
        "Changes several things at once and cannot say which one helped",
        "Blames the database team without evidence",
    ]);
    batch.competency = "Debugging".into();
    batch.level = Level::Mid;

    let incident_id = "walk-me-through-what-happens-when-a-service";
    let mut incident = Question::new(
        incident_id,
        "Walk me through what happens when a service you own starts returning errors at 3am.",
        15,
    );
    incident.purpose =
        "On-call habits: calm triage, communication, and learning afterwards.".into();
    incident.key_points = strings(&[
        "Mitigate first, diagnose second",
        "Tell the people who depend on you early",
        "write down what you did as you go",
        "Afterwards, hold a blameless review and follow up on its actions",
    ]);
    incident.guidance = "Listen for whether mitigation and communication come before the hunt \
                         for a root cause. If the answer stays abstract, ask for a real \
                         incident.\n\nNotes: Good follow-on from question 1 if time allows."
        .into();

    // "## 3. Rate limiting" names the question; the paragraph under it asks it.
    let mut limiter = Question::new(
        "rate-limiting",
        "Design a rate limiter for a public API that thousands of customers call.",
        10,
    );
    limiter.key_points = strings(&[
        "Chooses an algorithm (token bucket, sliding window) and explains the trade-off",
        "Decides where the limiter runs: gateway, service or shared store",
        "Handles limits per customer and per endpoint",
    ]);
    limiter.red_flags =
        strings(&["Keeps counters in the memory of each server without saying what that means"]);
    limiter.competency = "System design".into();
    limiter.tags = strings(&["api", "scalability", "redis"]);

    let expected = pack(
        "platform-team-backend-interview-questions",
        "Platform team: backend interview questions",
        "Questions we use in the second technical round for backend roles. Pick three or four; \
         each one has room for a follow-up conversation.",
        vec![batch, incident, limiter],
    );
    assert_same_pack("heading-style.md", &imported.pack, &expected);
    assert_eq!(
        warnings(&imported),
        vec![
            numbers(6, 3, "lines 6, 41 and 63"),
            warning(
                52,
                Some(incident_id),
                WarningKind::KeptInGuidance,
                "rubric guidance kept as guidance: levels could not be told apart"
            ),
            warning(
                57,
                Some(incident_id),
                WarningKind::KeptInGuidance,
                "unknown section `Notes` kept in guidance"
            ),
        ]
    );
}

#[test]
fn numbered_list_document() {
    let imported = import("numbered-list.md");

    let mut url = Question::new(
        "what-happens-between-typing-a-url-into-the",
        "What happens between typing a URL into the browser and seeing the page?",
        8,
    );
    url.purpose = "breadth of web fundamentals and how deep the candidate chooses to go.".into();
    url.key_points = strings(&[
        "DNS lookup",
        "TCP and TLS handshake",
        "the HTTP request and response",
        "parsing HTML and building the DOM",
        "layout and paint",
    ]);
    url.follow_ups = strings(&["Where does caching come in?", "What changes with HTTP/2?"]);

    let mut list = Question::new(
        "how-would-you-make-a-slow-list-of",
        "How would you make a slow list of 10,000 rows scroll smoothly?",
        10,
    );
    list.purpose = "practical performance work in the browser.".into();
    list.key_points = strings(&[
        "Virtualise the list so only visible rows are in the DOM",
        "Avoid layout thrashing by batching reads and writes",
        "Measure with the browser's performance tools before and after",
    ]);
    list.red_flags = strings(&["Reaches for a new framework before measuring"]);
    // The unindented "**Competency:**" paragraph after item 2 still belongs to question 2.
    list.competency = "Web performance".into();
    list.level = Level::Senior;

    let mut scope = Question::new(
        "explain-the-difference-between-let-const-and-var",
        "Explain the difference between `let`, `const` and `var`.",
        5,
    );
    scope.key_points = strings(&[
        "scope and hoisting rules",
        "`const` prevents rebinding, not mutation",
    ]);
    scope.tags = strings(&["javascript", "basics"]);

    let expected = pack(
        "frontend-phone-screen",
        "Frontend phone screen",
        "Short questions for a 30-minute phone screen.",
        vec![url, list, scope],
    );
    assert_same_pack("numbered-list.md", &imported.pack, &expected);
    assert_eq!(
        warnings(&imported),
        vec![numbers(5, 3, "lines 5, 11 and 22")]
    );
}

#[test]
fn bold_label_document() {
    let imported = import("bold-labels.md");

    let disagree_id = "tell-me-about-a-time-you-disagreed-with";
    let mut disagree = Question::new(
        disagree_id,
        "Tell me about a time you disagreed with a teammate about a technical decision.",
        12,
    );
    disagree.purpose = "How the candidate handles disagreement over substance, and whether they \
                        can argue from evidence without damaging the working relationship."
        .into();
    // Prose under "What good looks like" is split into points by sentence.
    disagree.key_points = strings(&[
        "Describes both positions fairly",
        "Explains what they did to settle it, such as a prototype or a short design note",
        "Accepts the outcome and says how the relationship went afterwards",
    ]);
    disagree.rubric = rubric(&[
        (
            1,
            "Weak",
            "no real disagreement, or the teammate is painted as the problem.",
        ),
        (
            2,
            "Partial",
            "a genuine disagreement, but it was settled by someone else.",
        ),
        (
            3,
            "Solid",
            "concrete steps to resolve it and support for the decision afterwards.",
        ),
        (
            4,
            "Strong",
            "changed their own mind or found a third option, and reflects on it.",
        ),
    ]);
    disagree.guidance = "Interviewer tip: Let silences run; the second half of the story is \
                         usually the useful part."
        .into();
    disagree.follow_ups = strings(&[
        "What would your teammate say happened?",
        "What evidence would have changed your mind?",
    ]);
    disagree.red_flags = strings(&[
        "Every story ends with them being right",
        "talks about colleagues with contempt",
    ]);
    disagree.competency = "Collaboration".into();
    disagree.level = Level::Senior;

    let mut failure = Question::new(
        "describe-a-project-that-failed-or-was-cancelled",
        "Describe a project that failed or was cancelled. What did you learn?",
        10,
    );
    failure.purpose = "Ownership and learning from setbacks.".into();
    failure.key_points = strings(&[
        "Names their own part in the failure",
        "Separates what they could control from what they could not",
        "Shows a change in how they work now",
    ]);
    failure.rubric = rubric(&[
        (1, "Weak", "blames others only"),
        (2, "Partial", "some ownership, no change in behaviour"),
        (3, "Solid", "clear ownership and one concrete change"),
        (4, "Strong", "several changes, and evidence they worked."),
    ]);
    failure.tags = strings(&["ownership", "learning"]);

    let expected = pack(
        "behavioural-round",
        "Behavioural round",
        "",
        vec![disagree, failure],
    );
    assert_same_pack("bold-labels.md", &imported.pack, &expected);
    assert_eq!(
        warnings(&imported),
        vec![
            numbers(3, 2, "lines 3 and 29"),
            warning(
                27,
                Some(disagree_id),
                WarningKind::KeptInGuidance,
                "unknown section `Interviewer tip` kept in guidance"
            )
        ]
    );
}

#[test]
fn prose_rubric_document() {
    let imported = import("prose-rubric.md");

    let mut pipeline = Question::new(
        "how-would-you-design-a-pipeline-that-loads",
        "How would you design a pipeline that loads click events into the warehouse every hour?",
        10,
    );
    pipeline.key_points = strings(&[
        "Idempotent loads keyed by event id or by time window",
        "Late-arriving events and how far back to reprocess",
        "Schema changes in the source",
    ]);
    pipeline.rubric = rubric(&[
        (
            1,
            "Weak",
            "Weak answers treat it as a single cron job that copies files",
        ),
        (
            2,
            "Partial",
            "partial answers add retries but not idempotency.",
        ),
        (
            3,
            "Solid",
            "Good answers make each load safe to rerun and handle late data.",
        ),
        (
            4,
            "Strong",
            "The best also talk about backfills, data quality checks and how they would be \
             alerted when a load is late.",
        ),
    ]);

    let stores_id = "how-do-you-decide-between-a-row-store";
    let mut stores = Question::new(
        stores_id,
        "How do you decide between a row store and a column store for an analytics workload?",
        10,
    );
    let weak = standard_anchor(1);
    let partial = standard_anchor(2);
    // "Strong" sits below "Outstanding", so it is the third level here.
    stores.rubric = rubric(&[
        (1, "Weak", &weak),
        (2, "Partial", &partial),
        (
            3,
            "Solid",
            "Strong candidates connect it to the queries they expect: wide scans over few \
             columns favour a column store.",
        ),
        (
            4,
            "Strong",
            "Outstanding candidates also bring up compression, write patterns and the cost of \
             updates.",
        ),
    ]);
    stores.guidance = "Most candidates know the textbook difference.".into();

    let model_id = "what-makes-a-data-model-easy-to-change";
    let mut model = Question::new(
        model_id,
        "What makes a data model easy to change later?",
        10,
    );
    model.guidance = "There is no single right answer here. Probe for real examples of a model \
                      they had to change, and how painful it was."
        .into();

    let expected = pack(
        "data-engineering-questions",
        "Data engineering questions",
        "",
        vec![pipeline, stores, model],
    );
    assert_same_pack("prose-rubric.md", &imported.pack, &expected);
    assert_eq!(
        warnings(&imported),
        vec![
            warning(
                19,
                Some(stores_id),
                WarningKind::KeptInGuidance,
                "rubric text that names no level kept in guidance: “Most candidates know the \
                 textbook difference.”"
            ),
            warning(
                19,
                Some(stores_id),
                WarningKind::Adjusted,
                "the rubric does not describe Weak, Partial; the standard anchor is used"
            ),
            warning(
                27,
                Some(model_id),
                WarningKind::KeptInGuidance,
                "rubric guidance kept as guidance: levels could not be told apart"
            ),
        ]
    );
}

#[test]
fn pasted_blog_post() {
    let imported = import("blog-post.txt");

    let mut passwords = Question::new(
        "how-would-you-store-passwords-for-a-new",
        "How would you store passwords for a new web application?",
        10,
    );
    passwords.purpose = "It is a quick check on security basics, and the follow-up questions \
                         separate people who have read about hashing from people who have \
                         built it."
        .into();
    // "Sample answer" prose, wrapped by the editor, split into sentences.
    passwords.key_points = strings(&[
        "Use a slow, salted hash designed for passwords such as bcrypt, scrypt or Argon2",
        "Never store the plain password or use a fast hash like SHA-256 on its own",
        "Plan for raising the cost factor over time",
    ]);
    passwords.red_flags = strings(&[
        "Encrypting passwords so that they can be decrypted",
        "Inventing your own hashing scheme",
    ]);

    let mut threads = Question::new(
        "what-is-the-difference-between-a-process-and",
        "What is the difference between a process and a thread?",
        8,
    );
    threads.purpose = "Concurrency shows up in almost every backend system.".into();
    threads.key_points = strings(&[
        "Processes have separate memory",
        "threads share the memory of their process",
        "Threads are cheaper to create and switch between, but a bug in one can corrupt the \
         state of the others",
    ]);
    threads.follow_ups = strings(&[
        "When would you pick processes over threads?",
        "How do threads in your favourite language share data safely?",
    ]);

    // Plain text has no title, so the file name gives one; the prose before the first question
    // describes the pack.
    let expected = pack(
        "blog-post",
        "Blog post",
        "Every few months someone asks what our backend interviews look like. Here are the \
         questions we keep coming back to, with the notes our interviewers use.",
        vec![passwords, threads],
    );
    assert_same_pack("blog-post.txt", &imported.pack, &expected);
    assert_eq!(
        warnings(&imported),
        vec![
            warning(
                1,
                None,
                WarningKind::LeftOut,
                "text before the first question left out: “Skip to content” and 6 more line(s)"
            ),
            numbers(15, 2, "lines 15 and 30"),
            warning(
                28,
                None,
                WarningKind::LeftOut,
                "page furniture between questions left out: “Advertisement”"
            ),
            warning(
                44,
                None,
                WarningKind::LeftOut,
                "text after the last question left out: “Recommended reading” and 7 more line(s)"
            ),
        ]
    );
}

#[test]
fn plain_text_with_named_question_numbers() {
    let imported = import("q-style.txt");

    let mut disk = Question::new(
        "our-main-database-is-at-90-disk-what",
        "Our main database is at 90% disk. What do you do in the next hour, and in the next \
         month?",
        15,
    );
    disk.purpose = "Prioritising under pressure, then thinking about the long term.".into();
    // A numbered list inside a question is a list, not more questions.
    disk.key_points = strings(&[
        "Buys time first: frees space safely or adds storage",
        "Finds what is growing and why",
        "Sets up an alert well before the disk is full",
    ]);
    disk.red_flags = strings(&["Deletes files without knowing what they are"]);
    disk.level = Level::Senior;

    let mut pages = Question::new(
        "on-call-load",
        "How would you reduce the number of pages your team gets each week without hiding real \
         problems?",
        10,
    );
    pages.key_points = strings(&[
        "Sort pages by cause",
        "Remove alerts that never lead to action",
        "tune thresholds on the noisy ones",
    ]);
    pages.rubric = rubric(&[
        (1, "Weak", "wants to turn alerts off."),
        (2, "Partial", "tunes thresholds one by one."),
        (
            3,
            "Solid",
            "measures pages per cause and fixes the biggest sources first.",
        ),
        (
            4,
            "Strong",
            "also changes how alerts are written and reviewed.",
        ),
    ]);
    pages.guidance = "Notes: Pairs well with Q1.".into();

    let expected = pack("q-style", "Q style", "", vec![disk, pages]);
    assert_same_pack("q-style.txt", &imported.pack, &expected);
    assert_eq!(
        warnings(&imported),
        vec![
            warning(
                1,
                None,
                WarningKind::LeftOut,
                "text before the first question left out: “Interview kit - Site reliability”"
            ),
            numbers(3, 2, "lines 3 and 20"),
            warning(
                35,
                Some("on-call-load"),
                WarningKind::KeptInGuidance,
                "unknown section `Notes` kept in guidance"
            ),
        ]
    );
}

#[test]
fn options_override_the_document() {
    let options = ImportOptions {
        id: Some("Team Backend!".into()),
        title: Some("Our backend loop".into()),
        ..ImportOptions::default()
    };
    let imported = from_document("heading-style.md", &document("heading-style.md"), &options);
    assert_eq!(imported.pack.id, "team-backend");
    assert_eq!(imported.pack.title, "Our backend loop");
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::Adjusted
                && w.message == "`Team Backend!` is not a valid pack id; `team-backend` is used")
    );

    // Without a file name, plain text is titled generically.
    let imported = from_text("1. How do you test this code?\n", &ImportOptions::default());
    assert_eq!(imported.pack.title, "Imported questions");
    assert_eq!(imported.pack.id, "imported-questions");
    assert_eq!(
        imported.pack.questions[0].prompt,
        "How do you test this code?"
    );
}

#[test]
fn repeated_ids_are_made_unique() {
    let imported = from_markdown(
        "## Caching\n\nHow do you cache?\n\n## Caching\n\nAnd at the edge?\n\n## Caching\n\nOne more?\n",
        &ImportOptions::default(),
    );
    let ids: Vec<&str> = imported
        .pack
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(ids, ["caching", "caching-2", "caching-3"]);
    assert_eq!(
        warnings(&imported),
        vec![
            warning(
                5,
                Some("caching-2"),
                WarningKind::Adjusted,
                "id `caching` is already used by an earlier question; renamed `caching-2`"
            ),
            warning(
                9,
                Some("caching-3"),
                WarningKind::Adjusted,
                "id `caching` is already used by an earlier question; renamed `caching-3`"
            ),
        ]
    );
}

#[test]
fn text_that_fits_no_field_is_kept() {
    let text = "# Pack\n\n## 1. Why is the sky blue?\n\nAssume a clear day.\n\n**Level:** wizard\n\n\
                **Time:** about 20 minutes, or 30 for seniors\n\n**Weight:** lots\n\n\
                ### Author\n\nSomeone\n";
    let imported = from_markdown(text, &ImportOptions::default());
    let question = &imported.pack.questions[0];
    assert_eq!(question.minutes, 20);
    assert_eq!(question.level, Level::Any);
    assert_eq!(question.weight, 1.0);
    assert_eq!(
        question.guidance,
        "Assume a clear day.\n\nLevel: wizard\n\nTime: about 20 minutes, or 30 for seniors\n\n\
         Weight: lots\n\nAuthor: Someone"
    );
    let messages: Vec<String> = imported
        .warnings
        .iter()
        .map(|w| w.message.clone())
        .collect();
    assert_eq!(
        messages,
        [
            "1 question number left out of the prompts (line 3)",
            "level “wizard” is not one of Any, Junior, Mid, Senior, Staff; kept in guidance",
            "time read as 20 minutes; the full text kept in guidance",
            "weight “lots” is not a number from 0.1 to 10; kept in guidance",
            "section `Author` belongs to a pack, not a question; kept in guidance",
        ]
    );
}

#[test]
fn plain_labels_under_a_heading_stay_text() {
    // Under a heading only another heading or a bold label starts a new part, so prose that
    // happens to start with "Time:" is not read as a time.
    let text = "## 1. What matters in an incident?\n\n### Why we ask\n\nTime: it is short.\n\n\
                **Minutes:** 7\n";
    let imported = from_markdown(text, &ImportOptions::default());
    let question = &imported.pack.questions[0];
    assert_eq!(question.purpose, "Time: it is short.");
    assert_eq!(question.minutes, 7);
}

#[test]
fn a_document_without_questions_gives_an_empty_pack() {
    for imported in [
        from_markdown(
            "# Notes\n\nNothing to ask here.\n",
            &ImportOptions::default(),
        ),
        from_text("Just a sentence.\n", &ImportOptions::default()),
    ] {
        assert!(imported.pack.questions.is_empty());
        assert_eq!(validate_pack(&imported.pack), vec![]);
        assert!(
            imported
                .warnings
                .iter()
                .any(|w| w.kind == WarningKind::NoQuestions),
            "{:?}",
            imported.warnings
        );
    }
}

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
        "- Ask for a recent example.\n\nNotes: - Keep it short."
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

// --- Round trip through Markdown ----------------------------------------------------------

#[test]
fn every_bundled_pack_survives_markdown_and_back() {
    let bundled = bundled_packs();
    assert!(bundled.errors.is_empty(), "{:?}", bundled.errors);
    assert_eq!(bundled.items.len(), 3);
    for entry in &bundled.items {
        let markdown = pack_to_markdown(&entry.pack);
        let imported = from_markdown(&markdown, &ImportOptions::default());
        assert_eq!(imported.warnings, vec![], "{}: no warnings", entry.pack.id);
        assert_same_pack(&entry.pack.id, &imported.pack, &entry.pack);
    }
}

/// A pack with everything that could trip the Markdown up.
fn awkward_pack() -> QuestionPack {
    let mut pack = QuestionPack::new("awkward-pack", "Awkward *pack* #1");
    pack.description =
        "Line one\nline two with <html> & [a link](x)\n\n- not a list\n1. not either".into();
    pack.author = "R&D team_lead".into();
    pack.tags = strings(&["a, b", "c"]);
    pack.default_rubric = rubric(&[(0, "No", "nothing"), (2, "Yes", "")]);

    let mut full = Question::new("full", "Rate limiter (15 min)", 25);
    full.purpose = "Time: this is prose\n\nKey points: still prose".into();
    full.key_points = strings(&[
        "Purpose: a point",
        "`code` and *stars*",
        "# hash",
        "2. numbered",
    ]);
    full.rubric = rubric(&[
        (1, "Weak", "Starts with - a dash"),
        (3, "Meets bar", "Level 4: not a level"),
        (
            7,
            "Over — the top",
            "anchor; with; semicolons. And sentences.",
        ),
    ]);
    full.guidance = "Notes:\n- kept as text\n\n**Bold:** not a label".into();
    full.follow_ups = strings(&["Why?", "Red flags: a follow-up"]);
    full.red_flags = strings(&["=== not a heading", "> not a quote"]);
    full.competency = "API design".into();
    full.level = Level::Staff;
    full.tags = strings(&["x"]);
    full.weight = 2.5;
    pack.questions.push(full);

    let mut multi = Question::new("multi-line", "First line of the prompt\nsecond line", 5);
    multi.key_points = strings(&[
        "A point\nwith a second line",
        // Pipes that would make a table if written as they are.
        "| a | b |\n|---|---|\n| c | d |",
        "a | b\n:-- | --:",
        "x | y\n--- | ---\nz | w",
    ]);
    multi.guidance = "Score | Note\n:---: | ---\n1 | low".into();
    pack.questions.push(multi);
    pack.questions
        .push(Question::new("named", "Caching strategies", 10));
    pack
}

#[test]
fn an_awkward_pack_survives_markdown_and_back() {
    let pack = awkward_pack();
    assert_eq!(validate_pack(&pack), vec![]);
    let markdown = pack_to_markdown(&pack);
    let imported = from_markdown(&markdown, &ImportOptions::default());
    assert_eq!(imported.warnings, vec![], "{markdown}");
    assert_same_pack("awkward", &imported.pack, &pack);
}

// --- Hostile input ------------------------------------------------------------------------

/// Imports `text` both ways and checks the result is a valid pack, within a time that only a
/// linear importer meets (on a slow, busy machine, in a debug build).
fn survives(name: &str, text: &str) -> [Imported; 2] {
    let started = Instant::now();
    let markdown = from_markdown(text, &ImportOptions::default());
    let plain = from_text(text, &ImportOptions::default());
    let took = started.elapsed();
    eprintln!("{name}: {took:?} for {} bytes", text.len());
    assert!(took < Duration::from_secs(60), "{name}: took {took:?}");
    for imported in [&markdown, &plain] {
        assert_eq!(validate_pack(&imported.pack), vec![], "{name}");
    }
    [markdown, plain]
}

#[test]
fn empty_and_blank_documents() {
    for text in ["", "\n\n\n", "   \t  ", "\u{feff}"] {
        for imported in survives("empty", text) {
            assert!(imported.pack.questions.is_empty());
            assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
            assert_eq!(imported.warnings[0].kind, WarningKind::NoQuestions);
        }
    }
}

#[test]
fn binary_garbage() {
    // A fixed pseudo-random byte stream, read as text the way a careless caller would.
    let mut state: u32 = 0x2545_f491;
    let bytes: Vec<u8> = (0..200_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state >> 24) as u8
        })
        .collect();
    survives("random bytes", &String::from_utf8_lossy(&bytes));
    let all: Vec<u8> = (0..=255u8).cycle().take(100_000).collect();
    survives("every byte", &String::from_utf8_lossy(&all));
    survives("NULs", &"\0".repeat(100_000));
}

#[test]
fn ten_megabytes_of_text() {
    let question = "## 1. How do you roll out a schema change?\n\n**Purpose:** safety.\n\n\
                    ### Key points\n\n- Expand then contract\n- Backfill in batches\n\n\
                    ### Rubric\n\nWeak answers lock the table; strong ones never do.\n\n";
    let count = 10_000_000 / question.len();
    let text = question.repeat(count);
    let [markdown, _] = survives("10 MB of questions", &text);
    // A pack holds at most 20,000 questions; the rest are named in one warning.
    assert!(count > MAX_QUESTIONS);
    assert_eq!(markdown.pack.questions.len(), MAX_QUESTIONS);
    assert_eq!(
        markdown.pack.questions[MAX_QUESTIONS - 1].id,
        format!("how-do-you-roll-out-a-schema-change-{MAX_QUESTIONS}")
    );
    let over = markdown
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::LeftOut && w.message.contains("questions after the first"))
        .unwrap();
    assert_eq!(over.dropped.len(), count - MAX_QUESTIONS);

    let numbered: String = (1..=MAX_QUESTIONS)
        .map(|n| format!("{n}. Why does question number {n} matter so much?\nAnswer: because.\n"))
        .collect();
    let [_, plain] = survives("numbered text", &numbered);
    assert_eq!(plain.pack.questions.len(), MAX_QUESTIONS);

    survives("one long line", &"word ".repeat(2_000_000));
    survives(
        "one long paragraph of labels",
        &format!("## 1. Q?\n\n{}", "**Purpose:** x\n".repeat(500_000)),
    );
    survives(
        "one long paragraph of lines",
        &format!("## 1. Q?\n\n{}", "word\n".repeat(1_000_000)),
    );
    survives(
        "semicolons",
        &format!("## 1. Q?\n\n### Key points\n\n{}", "a;".repeat(1_000_000)),
    );
}

#[test]
fn huge_tables() {
    let rows = "| 1 | Weak | Blames the teammate. |\n".repeat(200_000);
    let [markdown, _] = survives(
        "a long table",
        &format!("## 1. Q?\n\n### Key points\n\n| a | b | c |\n|---|---|---|\n{rows}"),
    );
    // 200 key points fit; the rest go to the guidance up to its limit, and what is beyond
    // that is held by a warning.
    let question = &markdown.pack.questions[0];
    assert_eq!(question.key_points.len(), MAX_LIST_ITEMS);
    assert!(
        question
            .guidance
            .starts_with("Key points:\n- 1 – Weak: Blames the teammate.")
    );
    assert!(
        markdown
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::LeftOut && !w.dropped.is_empty())
    );
    // A wide header pads every short row below it with empty cells.
    let wide = format!(
        "## 1. Q?\n\n### Key points\n\n{}|\n{}|\n{}",
        "| a ".repeat(20_000),
        "|---".repeat(20_000),
        "x\n".repeat(20_000)
    );
    survives("a wide table", &wide);
    survives("pipes and dashes", &"|-".repeat(1_000_000));
    survives("rows without a table", &"| a | b |\n".repeat(200_000));
    survives(
        "tables in nested lists",
        &format!(
            "{}| a |\n{}|---|\n",
            "- ".repeat(10_000),
            "  ".repeat(10_000)
        ),
    );
}

#[test]
fn deeply_nested_lists() {
    let depth = 100_000;
    survives("nested bullets", &format!("{}deep", "- ".repeat(depth)));
    survives("nested numbers", &format!("{}deep", "1. ".repeat(depth)));
    survives("nested quotes", &format!("{}deep", "> ".repeat(depth)));
    survives(
        "nested emphasis",
        &format!("{}deep{}", "*_".repeat(depth), "_*".repeat(depth)),
    );
    survives("nested links", &"[".repeat(depth));
    // A staircase of indented items, each on its own line.
    let stairs: String = (0..2_000)
        .map(|i| format!("{}- step {i}\n", "  ".repeat(i)))
        .collect();
    survives("indented staircase", &stairs);
    let [markdown, _] = survives(
        "nested under a question",
        &format!("## 1. Q?\n\n### Key points\n\n{}deep\n", "- ".repeat(depth)),
    );
    assert_eq!(markdown.pack.questions[0].key_points, ["deep"]);
}

// --- Command line -------------------------------------------------------------------------

use common::{onsite, text};

#[test]
fn cli_imports_a_document_and_refuses_to_overwrite() {
    let home = tempfile::tempdir().unwrap();
    let output = home.path().join("platform.ron");
    let out = output.to_str().unwrap();
    let args = ["import", "tests/documents/heading-style.md", "-o", out];

    let run = onsite(home.path(), &args);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(
        text(&run.stdout),
        format!("wrote {out} (3 questions · 2 follow-ups · 1 rubric · 4 warnings)\n")
    );
    // The CLI maps competencies onto the bundled vocabulary and says so.
    assert_eq!(
        text(&run.stderr),
        "warning: tests/documents/heading-style.md:1: 1 competency mapped onto the vocabulary: \
         System design → Architecture\n\
         warning: tests/documents/heading-style.md:6: 3 question numbers left out of the prompts \
         (lines 6, 41 and 63)\n\
         warning: tests/documents/heading-style.md:52: question \
         `walk-me-through-what-happens-when-a-service`: rubric guidance kept as guidance: levels \
         could not be told apart\n\
         warning: tests/documents/heading-style.md:57: question \
         `walk-me-through-what-happens-when-a-service`: unknown section `Notes` kept in guidance\n"
    );
    let saved: QuestionPack = onsite::storage::load(&output).unwrap();
    let options = ImportOptions {
        vocabulary: Some(onsite::storage::bundled_vocabulary().unwrap()),
        ..ImportOptions::default()
    };
    let mapped = from_document("heading-style.md", &document("heading-style.md"), &options);
    assert_eq!(saved, mapped.pack);
    assert_eq!(mapped.pack.questions[2].competency, "Architecture");

    let again = onsite(home.path(), &args);
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("already exists; use --force"),
        "{}",
        text(&again.stderr)
    );

    let forced = onsite(
        home.path(),
        &[
            &args[..],
            &["--force", "--id", "platform", "--title", "Platform"],
        ]
        .concat(),
    );
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    let saved: QuestionPack = onsite::storage::load(&output).unwrap();
    assert_eq!(
        (saved.id.as_str(), saved.title.as_str()),
        ("platform", "Platform")
    );

    let valid = onsite(home.path(), &["validate", out]);
    assert!(valid.status.success(), "{}", text(&valid.stderr));
}

#[test]
fn cli_writes_nothing_for_a_document_without_questions() {
    let home = tempfile::tempdir().unwrap();
    let input = home.path().join("notes.txt");
    std::fs::write(&input, [0xff, 0xfe, 0x00, 0x41, 0x0a]).unwrap();
    let output = home.path().join("notes.ron");
    let run = onsite(
        home.path(),
        &[
            "import",
            input.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ],
    );
    assert!(!run.status.success());
    let stderr = text(&run.stderr);
    assert!(stderr.contains("not valid UTF-8"), "{stderr}");
    assert!(stderr.contains("no questions found"), "{stderr}");
    assert!(!output.exists());
}

#[test]
fn cli_exports_a_pack_as_markdown_that_imports_back() {
    let home = tempfile::tempdir().unwrap();
    let bundled = bundled_packs()
        .items
        .into_iter()
        .find(|entry| entry.pack.id == "behavioral")
        .unwrap()
        .pack;

    let stdout = onsite(
        home.path(),
        &["export-pack", "questions/behavioral.ron", "--format", "md"],
    );
    assert!(stdout.status.success(), "{}", text(&stdout.stderr));
    assert_eq!(text(&stdout.stdout), pack_to_markdown(&bundled));

    let markdown = home.path().join("behavioral.md");
    let md = markdown.to_str().unwrap();
    let written = onsite(home.path(), &["export-pack", "behavioral", "-o", md]);
    assert!(written.status.success(), "{}", text(&written.stderr));
    assert_eq!(text(&written.stdout), format!("wrote {md}\n"));

    let pack = home.path().join("behavioral.ron");
    let back = onsite(home.path(), &["import", md, "-o", pack.to_str().unwrap()]);
    assert!(back.status.success(), "{}", text(&back.stderr));
    assert_eq!(text(&back.stderr), "");
    let imported: QuestionPack = onsite::storage::load(&pack).unwrap();
    assert_same_pack("behavioral via the CLI", &imported, &bundled);

    let missing = onsite(home.path(), &["export-pack", "no-such-pack"]);
    assert!(!missing.status.success());
}

// --- The examples in docs/import.md -------------------------------------------------------

#[test]
fn the_documented_examples_import_as_described() {
    let guide =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/import.md"))
            .unwrap();
    let mut examples = Vec::new();
    let mut lines = guide.lines();
    while let Some(line) = lines.next() {
        let kind = match line {
            "```markdown" => "md",
            "```text" => "txt",
            _ => continue,
        };
        let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
        examples.push((kind, body.join("\n")));
    }
    assert_eq!(examples.len(), 6);
    let imported: Vec<Imported> = examples
        .iter()
        .map(|(kind, text)| {
            from_document(&format!("example.{kind}"), text, &ImportOptions::default())
        })
        .collect();
    for (example, (_, text)) in imported.iter().zip(&examples) {
        assert!(!example.pack.questions.is_empty(), "{text}");
        assert_eq!(validate_pack(&example.pack), vec![], "{text}");
    }

    let heading = &imported[0].pack.questions[0];
    assert_eq!(heading.minutes, 20);
    assert_eq!(heading.key_points.len(), 2);
    assert_eq!(heading.red_flags, ["Changes several things at once"]);
    let labels: Vec<&str> = heading
        .rubric
        .as_ref()
        .unwrap()
        .levels
        .iter()
        .map(|l| l.label.as_str())
        .collect();
    assert_eq!(labels, ["Weak", "Partial", "Solid", "Strong"]);
    assert_eq!(
        heading.rubric.as_ref().unwrap().levels[3].anchor,
        "splits the job into stages and verifies the fix."
    );

    let listed = &imported[1].pack;
    assert_eq!(listed.questions.len(), 2);
    assert_eq!(listed.questions[0].key_points.len(), 4);
    assert_eq!(listed.questions[0].minutes, 8);

    let bold = &imported[2].pack.questions[0];
    assert_eq!(bold.level, Level::Senior);
    assert_eq!(bold.competency, "Collaboration");
    assert_eq!(
        bold.key_points,
        [
            "Describes both positions fairly",
            "Explains how it was settled"
        ]
    );

    let pasted = &imported[3];
    assert_eq!(
        pasted.pack.questions[0].key_points,
        [
            "Use a slow, salted hash such as bcrypt or Argon2",
            "Never store the plain password",
        ]
    );
    assert_eq!(
        pasted.pack.questions[0].red_flags,
        ["Encrypting passwords so that they can be decrypted"]
    );
    assert_eq!(
        pasted
            .warnings
            .iter()
            .filter(|w| w.kind == WarningKind::LeftOut)
            .count(),
        3,
        "the menu, the numbers and the links after the question"
    );

    let prose = imported[4].pack.questions[0].rubric.as_ref().unwrap();
    assert_eq!(
        prose.levels[0].anchor,
        "Weak answers copy files with a cron job"
    );

    let table = &imported[5];
    assert_eq!(
        table.pack.questions[0].rubric,
        rubric(&[
            (1, "Weak", "Blames the teammate."),
            (2, "Partial", "Describes the conflict but not how it ended."),
            (
                3,
                "Solid",
                "Explains both positions and how it was settled."
            ),
            (
                4,
                "Strong",
                "Changed their own mind or found a third option."
            ),
        ])
    );
    assert_eq!(
        warnings(table),
        vec![numbers(1, 1, "line 1"), headers(4, 1, "line 4")]
    );
}

#[test]
fn windows_line_ends_read_the_same() {
    for name in ["heading-style.md", "blog-post.txt", "q-style.txt"] {
        let unix = import(name);
        let windows = from_document(
            name,
            &document(name).replace('\n', "\r\n"),
            &ImportOptions::default(),
        );
        assert_same_pack(name, &windows.pack, &unix.pack);
        assert_eq!(windows.warnings, unix.warnings, "{name}");
    }
}
