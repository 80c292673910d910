//! The domain layer: question packs, rubrics, interview plans, evaluations and scoring.
//!
//! Plain data and pure functions only. Nothing here touches egui or the file system, so the
//! storage, import, report and UI layers can all build on it and the rules stay testable.

mod bounded;
mod competency;
pub mod debrief;
mod evaluation;
mod field;
pub mod limits;
mod pack;
mod plan;
mod problem;
mod rubric;
pub mod scoring;
pub mod seal;
pub mod time;
pub mod validate;

pub use competency::{Competency, CompetencyVocabulary};
pub use debrief::{Debrief, DebriefError, Panelist};
pub use evaluation::{Answer, Evaluation, EvaluationStatus, Outcome, Recommendation};
pub use field::{FieldShape, QuestionField};
pub use pack::{Level, Question, QuestionPack};
pub use plan::{InterviewPlan, PlanEntry, PlanQuestion, QuestionRef, ResolvedEntry, lookup};
pub use problem::{QUOTE_CHARS, shorten};
pub use rubric::{Rubric, RubricLevel};
pub use seal::{SealState, Submission};

/// The newest file format this version of Onsite reads and writes.
///
/// Every file carries `format: N`. Files with a larger number are refused; files with a smaller
/// one are migrated when they are loaded (see `storage::format`).
pub const FORMAT_VERSION: u32 = 1;

/// Whether `id` is a slug: lowercase ASCII letters, digits and single hyphens, 1–64 characters,
/// not starting or ending with a hyphen.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Turns free text into a slug (`"Caching strategies!"` → `"caching-strategies"`).
///
/// Returns `fallback` when nothing usable is left, so callers always get a valid id.
pub fn slugify(text: &str, fallback: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if slug.len() >= 64 {
                break;
            }
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        fallback.to_owned()
    } else {
        slug
    }
}

/// `base` if `taken` says it is free, else the first free one of `base-2`, `base-3`, …: how
/// new pack, question and plan-entry ids avoid the ones in use.
pub fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2u64..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

/// The first line of `text` (all of it when it has one line), for one-line lists.
pub fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_ids_count_up_past_the_taken_ones() {
        let taken = ["pack", "pack-2", "other"];
        let is_taken = |id: &str| taken.contains(&id);
        assert_eq!(unique_id("pack", is_taken), "pack-3");
        assert_eq!(unique_id("new", is_taken), "new");
        assert_eq!(first_line("One\nTwo"), "One");
        assert_eq!(first_line(""), "");
    }

    #[test]
    fn slugs_are_checked() {
        assert!(is_slug("caching-strategies"));
        assert!(is_slug("q1"));
        assert!(!is_slug(""));
        assert!(!is_slug("Caching"));
        assert!(!is_slug("-a"));
        assert!(!is_slug("a-"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("a b"));
        assert!(!is_slug(&"a".repeat(65)));
    }

    #[test]
    fn slugify_makes_valid_slugs() {
        assert_eq!(slugify("Caching strategies!", "x"), "caching-strategies");
        assert_eq!(slugify("  SQL vs. NoSQL  ", "x"), "sql-vs-nosql");
        assert_eq!(slugify("Ελληνικά", "question"), "question");
        assert!(is_slug(&slugify(&"word ".repeat(40), "x")));
    }
}
