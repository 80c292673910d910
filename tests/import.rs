//! The test documents in `tests/documents/` (heading, numbered-list, bold-label and prose-rubric
//! styles, pasted web pages, Q-style text) imported field by field, with every warning; options
//! that override a document; ids, unplaced text and documents without questions.
#![allow(clippy::unwrap_used, clippy::panic)]

mod import_support;

use onsite::domain::validate::validate_pack;
use onsite::domain::{Level, Question};
use onsite::import::{ImportOptions, WarningKind, from_document, from_markdown, from_text};

use import_support::{
    assert_same_pack, document, import, numbers, pack, rubric, standard_anchor, strings, warning,
    warnings,
};

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

    // The line before the first question that names the questions is the title; the prose
    // after it describes the pack.
    let expected = pack(
        "8-backend-interview-questions-we-actually-ask-and",
        "8 Backend Interview Questions We Actually Ask (And What We Listen For)",
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
                "text before the first question left out: “Skip to content” and 5 more line(s)"
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

    let expected = pack(
        "interview-kit-site-reliability",
        "Interview kit - Site reliability",
        "",
        vec![disk, pages],
    );
    assert_same_pack("q-style.txt", &imported.pack, &expected);
    assert_eq!(
        warnings(&imported),
        vec![
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
