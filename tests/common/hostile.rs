//! Files of about 16 MB built to make a reader do the most work, shared by the robustness test
//! (each must be refused) and the `hostile` benchmark (how fast).

/// Hostile files of about 16 MB, by name.
pub fn files() -> Vec<(&'static str, String)> {
    let size = 16 * 1024 * 1024 - 1024;
    let fill = |unit: &str| unit.repeat(size / unit.len());
    vec![
        (
            "2.7 million nested Some(",
            format!(
                "Evaluation(format: 1, candidate: \"x\", answers: [], recommendation: {})",
                fill("Some(")
            ),
        ),
        (
            "nested Some( inside a plan",
            format!(
                "InterviewPlan(format: 1, title: \"x\", entries: [(question: Custom({}",
                fill("Some(")
            ),
        ),
        (
            "nested lists",
            format!("QuestionPack(format: 1, tags: {}", fill("[")),
        ),
        (
            "nested maps",
            format!("QuestionPack(format: 1, tags: {}", fill("{")),
        ),
        ("nested comments", format!("QuestionPack({}", fill("/*"))),
        (
            "one long unclosed string",
            format!("QuestionPack(format: 1, id: \"{}", fill("a")),
        ),
        (
            "many tiny lists",
            format!(
                "QuestionPack(format: 1, id: \"x\", title: \"x\", tags: [{}])",
                fill("[],")
            ),
        ),
        (
            "a raw string with many hashes",
            format!("QuestionPack(format: 1, id: r{}\"x\")", fill("#")),
        ),
        (
            "a very long number",
            format!("QuestionPack(format: {})", fill("9")),
        ),
        (
            "unknown fields without end",
            format!("QuestionPack({}", fill("a: 1, ")),
        ),
        (
            "many answers with many items",
            format!(
                "Evaluation(format: 1, candidate: \"x\", answers: [{}])",
                fill(
                    "(question: (id: \"a\", prompt: \"?\", minutes: 1, key_points: [\"k\", \"k\"]), covered: [0, 1]),"
                )
            ),
        ),
    ]
}
