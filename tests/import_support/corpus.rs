//! The real-bank corpus's measure: what a document must give and how close an import comes.
#![allow(clippy::unwrap_used, clippy::panic, dead_code)]

use super::{import_with_text as import, lost_words, question_texts, words_kept};

/// What one document must give.
pub struct Expected {
    /// File name under `tests/documents/real/`.
    pub name: &'static str,
    /// Every question's prompt, in order.
    pub prompts: &'static [&'static str],
    /// Text of page furniture in this document that no field may hold.
    pub furniture: &'static [&'static str],
    /// (question number from 1, text its answer holds): where some answers must land.
    pub answers: &'static [(usize, &'static str)],
}

/// Furniture any document may carry: none of it belongs in a field.
const FURNITURE: &[&str] = &[
    "back to top",
    "shields.io",
    "](#",
    "<!--",
    "<a name",
    "<br",
    "<details",
    "<summary",
    "table of contents",
];

/// Share of the source's distinct words that must be kept.
pub const WORDS_KEPT: f64 = 0.97;

/// What a document gave, measured against what it must give.
pub struct Measured {
    pub found: usize,
    pub expected: usize,
    pub questions: usize,
    pub words_kept: f64,
}

pub fn measure(expected: &Expected) -> (Measured, Vec<String>) {
    let name = format!("real/{}", expected.name);
    let (text, imported) = import(&name);
    let prompts: Vec<&str> = imported
        .pack
        .questions
        .iter()
        .map(|q| q.prompt.as_str())
        .collect();
    let found = expected
        .prompts
        .iter()
        .filter(|want| prompts.contains(want))
        .count();
    let mut problems = Vec::new();
    if prompts != expected.prompts {
        problems.push(format!("prompts differ; found:\n{prompts:#?}"));
    }
    let furniture: Vec<String> = FURNITURE
        .iter()
        .chain(expected.furniture)
        .map(|f| f.to_lowercase())
        .collect();
    let questions = imported.pack.questions.iter();
    let fields = questions
        .flat_map(|q| {
            question_texts(q)
                .into_iter()
                .map(move |t| (q.id.as_str(), t))
        })
        .chain(
            [&imported.pack.title, &imported.pack.description]
                .into_iter()
                .map(|t| ("the pack", t.as_str())),
        );
    for (id, field) in fields {
        let lower = field.to_lowercase();
        for piece in &furniture {
            if lower.contains(piece.as_str()) {
                problems.push(format!("furniture `{piece}` in {id}: {field:?}"));
            }
        }
    }
    for &(number, answer) in expected.answers {
        let Some(question) = imported.pack.questions.get(number - 1) else {
            problems.push(format!("no question {number} for its answer"));
            continue;
        };
        let holds = question.guidance.contains(answer)
            || question.key_points.iter().any(|p| p.contains(answer));
        if !holds || question.prompt.contains(answer) {
            problems.push(format!(
                "question {number}'s answer {answer:?} not in its guidance or key points \
                 (or in its prompt): {question:#?}"
            ));
        }
    }
    let kept = words_kept(&text, &imported);
    if kept < WORDS_KEPT {
        problems.push(format!(
            "words kept {kept:.3}; lost: {:?}",
            lost_words(&text, &imported)
        ));
    }
    (
        Measured {
            found,
            expected: expected.prompts.len(),
            questions: imported.pack.questions.len(),
            words_kept: kept,
        },
        problems,
    )
}

pub fn check(expected: &Expected) {
    let (measured, problems) = measure(expected);
    assert!(
        expected.prompts.len() >= 15,
        "{}: a real-bank document has at least 15 questions",
        expected.name
    );
    assert!(
        problems.is_empty(),
        "{}: {}/{} prompts exact, {} questions, {:.3} of words kept\n{}",
        expected.name,
        measured.found,
        measured.expected,
        measured.questions,
        measured.words_kept,
        problems.join("\n")
    );
}
