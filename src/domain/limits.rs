//! How large each part of a file may be: sizes a person could write, far above any real pack,
//! plan or evaluation, and low enough that whatever validates can be saved and read back
//! (storage refuses files over 16 MiB). `docs/file-formats.md` lists them.

/// Longest time budget accepted for one question, in minutes.
pub const MAX_MINUTES: u32 = 240;

/// Smallest weight accepted for one question.
pub const MIN_WEIGHT: f64 = 0.1;

/// Largest weight accepted for one question: one question counting ten times another is
/// already more than any real plan needs.
pub const MAX_WEIGHT: f64 = 10.0;

/// Longest name-like text, in characters: titles, labels, competencies, tags, people's names,
/// roles.
pub const MAX_NAME_CHARS: usize = 300;

/// Longest prompt, in characters (a prompt may hold a code listing).
pub const MAX_PROMPT_CHARS: usize = 10_000;

/// Longest prose field, in characters: purpose, guidance, anchors, descriptions, the summary.
pub const MAX_TEXT_CHARS: usize = 50_000;

/// Longest notes, in characters: an answer's notes, the general and the private notes.
pub const MAX_NOTES_CHARS: usize = 200_000;

/// Longest item of a list (a key point, follow-up, red flag), in characters.
pub const MAX_ITEM_CHARS: usize = 5_000;

/// Most items in one list (key points, follow-ups, red flags, tags).
pub const MAX_LIST_ITEMS: usize = 200;

/// Fewest levels of a rubric: one level cannot tell answers apart.
pub const MIN_RUBRIC_LEVELS: usize = 2;

/// Most levels of a rubric.
pub const MAX_RUBRIC_LEVELS: usize = 10;

/// Most questions in one pack.
pub const MAX_QUESTIONS: usize = 20_000;

/// Most entries in one plan, and answers in one evaluation.
pub const MAX_ENTRIES: usize = 500;

/// Most seconds recorded on one answer: a day, far beyond any interview.
pub const MAX_ANSWER_SECONDS: u64 = 24 * 60 * 60;

/// Most reopenings (and submissions) recorded in one evaluation's history.
pub const MAX_HISTORY: usize = 1_000;

/// Whether `text` is longer than `limit` characters (counted only when its bytes could be).
pub fn too_long(text: &str, limit: usize) -> bool {
    text.len() > limit && text.chars().count() > limit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_is_counted_in_characters() {
        assert!(!too_long("abc", 3));
        assert!(too_long("abcd", 3));
        assert!(!too_long("日本語", 3));
        assert!(too_long("日本語x", 3));
    }
}
