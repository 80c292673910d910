//! Labels: the words documents put before a part of a question ("Why we ask", "Red flags:").
//!
//! Documents name the same part in many ways, so each field has a list of names. Names are
//! compared after [`normalise`], which makes "Follow-ups:", "follow ups" and "FOLLOW UPS" equal.

use super::rubric;

/// A part of a question (or of the pack) that a labelled section fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    /// The question as put to the candidate, when it is given under a label.
    Prompt,
    /// An explicit id.
    Id,
    /// Why we ask.
    Purpose,
    /// What a strong answer covers.
    KeyPoints,
    /// The anchored scale, or prose to turn into one.
    Rubric,
    /// Rating advice kept as text.
    Guidance,
    /// Probing follow-up questions.
    FollowUps,
    /// Warning signs.
    RedFlags,
    /// The skill assessed.
    Competency,
    /// The seniority aimed at.
    Level,
    /// The time budget.
    Minutes,
    /// Search tags.
    Tags,
    /// Weight in the overall score.
    Weight,
    /// Who maintains the pack (pack only).
    Author,
    /// What the pack is for (pack only).
    Description,
}

/// Every name a field is known by, normalised.
const NAMES: &[(&str, Field)] = &[
    ("question", Field::Prompt),
    ("the question", Field::Prompt),
    ("prompt", Field::Prompt),
    ("id", Field::Id),
    ("why we ask", Field::Purpose),
    ("why we ask this", Field::Purpose),
    ("why we ask it", Field::Purpose),
    ("why ask", Field::Purpose),
    ("why ask this", Field::Purpose),
    ("why this question", Field::Purpose),
    ("why", Field::Purpose),
    ("purpose", Field::Purpose),
    ("question explanation", Field::Purpose),
    ("explanation", Field::Purpose),
    ("rationale", Field::Purpose),
    ("intent", Field::Purpose),
    ("what it reveals", Field::Purpose),
    ("what it tests", Field::Purpose),
    ("why interviewers ask this", Field::Purpose),
    ("why interviewers ask it", Field::Purpose),
    ("expected answer", Field::KeyPoints),
    ("key points", Field::KeyPoints),
    ("what good looks like", Field::KeyPoints),
    ("strong answer", Field::KeyPoints),
    ("a strong answer", Field::KeyPoints),
    ("good answer", Field::KeyPoints),
    ("a good answer", Field::KeyPoints),
    ("ideal answer", Field::KeyPoints),
    ("sample answer", Field::KeyPoints),
    ("model answer", Field::KeyPoints),
    ("answer", Field::KeyPoints),
    ("what to look for", Field::KeyPoints),
    ("look for", Field::KeyPoints),
    ("what we are looking for", Field::KeyPoints),
    ("what we re looking for", Field::KeyPoints),
    ("expected points", Field::KeyPoints),
    ("talking points", Field::KeyPoints),
    ("checklist", Field::KeyPoints),
    ("evaluating responses", Field::Rubric),
    ("evaluating the response", Field::Rubric),
    ("evaluating answers", Field::Rubric),
    ("rubric", Field::Rubric),
    ("scoring", Field::Rubric),
    ("scoring guide", Field::Rubric),
    ("scoring rubric", Field::Rubric),
    ("evaluation", Field::Rubric),
    ("how to evaluate", Field::Rubric),
    ("how to score", Field::Rubric),
    ("rating", Field::Rubric),
    ("rating scale", Field::Rubric),
    ("assessment", Field::Rubric),
    ("grading", Field::Rubric),
    ("default rubric", Field::Rubric),
    ("guidance", Field::Guidance),
    ("rating guidance", Field::Guidance),
    ("evaluation guidance", Field::Guidance),
    ("scoring guidance", Field::Guidance),
    ("interviewer notes", Field::Guidance),
    ("notes for the interviewer", Field::Guidance),
    ("notes for interviewers", Field::Guidance),
    ("follow ups", Field::FollowUps),
    ("follow up", Field::FollowUps),
    ("followups", Field::FollowUps),
    ("followup", Field::FollowUps),
    ("follow up questions", Field::FollowUps),
    ("follow up question", Field::FollowUps),
    ("probing questions", Field::FollowUps),
    ("probes", Field::FollowUps),
    ("further questions", Field::FollowUps),
    ("red flags", Field::RedFlags),
    ("red flag", Field::RedFlags),
    ("warning signs", Field::RedFlags),
    ("warning sign", Field::RedFlags),
    ("watch out for", Field::RedFlags),
    ("pitfalls", Field::RedFlags),
    ("common mistakes", Field::RedFlags),
    ("what to avoid", Field::RedFlags),
    ("mistakes to avoid", Field::RedFlags),
    ("competency", Field::Competency),
    ("competence", Field::Competency),
    ("skill", Field::Competency),
    ("skill assessed", Field::Competency),
    ("level", Field::Level),
    ("seniority", Field::Level),
    ("time", Field::Minutes),
    ("minutes", Field::Minutes),
    ("duration", Field::Minutes),
    ("time budget", Field::Minutes),
    ("timing", Field::Minutes),
    ("tags", Field::Tags),
    ("keywords", Field::Tags),
    ("topics", Field::Tags),
    ("weight", Field::Weight),
    ("author", Field::Author),
    ("maintainer", Field::Author),
    ("description", Field::Description),
];

/// Labels longer than this are sentences, not labels.
const MAX_LABEL_CHARS: usize = 40;
/// Unknown labels longer than this many words are taken as text.
const MAX_UNKNOWN_WORDS: usize = 4;

/// A label found in a document: a known field, or a name the importer does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Label {
    /// A known field, with the label as written.
    Known(Field, String),
    /// An unknown label as written; its text is kept in the question's guidance.
    Unknown(String),
}

impl Label {
    /// The label as written in the document.
    pub(crate) fn name(&self) -> &str {
        match self {
            Label::Known(_, name) | Label::Unknown(name) => name,
        }
    }

    /// The field, when the label is known.
    pub(crate) fn field(&self) -> Option<Field> {
        match self {
            Label::Known(field, _) => Some(*field),
            Label::Unknown(_) => None,
        }
    }
}

/// Lowercase words separated by single spaces: "Follow-ups:" → "follow ups".
pub(crate) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The field `name` is a label for, if any.
pub(crate) fn field_for(name: &str) -> Option<Field> {
    if name.len() > MAX_LABEL_CHARS {
        return None;
    }
    let key = normalise(name);
    NAMES
        .iter()
        .find(|(known, _)| *known == key)
        .map(|(_, field)| *field)
}

/// A known label standing alone: a heading "Red flags", or a line "Key points:".
pub(crate) fn exact(text: &str) -> Option<Label> {
    let name = text.trim().trim_end_matches(':').trim_end();
    field_for(name).map(|field| Label::Known(field, name.to_owned()))
}

/// A label standing alone on its line or paragraph and ending with a colon ("Notes:"): known,
/// or a short unknown name. Level names ("Strong:") are rubric text, not labels.
pub(crate) fn alone(text: &str) -> Option<Label> {
    let text = text.trim();
    let name = text.strip_suffix(':')?.trim_end();
    if let Some(field) = field_for(name) {
        return Some(Label::Known(field, name.to_owned()));
    }
    unknown_name(name).then(|| Label::Unknown(name.to_owned()))
}

/// A known label at the start of a paragraph or line, "Purpose: to see …": the label and the
/// rest of the text.
pub(crate) fn leading(text: &str) -> Option<(Label, &str)> {
    let text = text.trim_start();
    // Only the start is searched, so scanning every line of a long document stays linear.
    let mut head = text.len().min(MAX_LABEL_CHARS + 1);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let colon = text[..head].find(':')?;
    let name = text[..colon].trim_end();
    let field = field_for(name)?;
    Some((
        Label::Known(field, name.to_owned()),
        text[colon + 1..].trim_start(),
    ))
}

/// A label written in bold at the start of a paragraph or list item: `**Purpose:** …` or
/// `**Purpose**: …`. `lead` is the bold text; `text` the whole paragraph, starting with it.
///
/// Unknown names count only when `allow_unknown` and a colon marks them as a label, so a bold
/// phrase that merely starts a sentence stays text.
pub(crate) fn bold<'a>(text: &'a str, lead: &str, allow_unknown: bool) -> Option<(Label, &'a str)> {
    let after = text.trim_start().strip_prefix(lead)?;
    let written = lead.trim();
    let mut name = written.trim_end_matches(':').trim_end();
    let mut rest = after.trim_start();
    let mut colon = written.ends_with(':');
    if let Some(tail) = rest.strip_prefix(':') {
        colon = true;
        rest = tail.trim_start();
    }
    // "**Purpose** — …" reads as a label too, but only for known names.
    let dashed = ["—", "–", "- "]
        .iter()
        .find_map(|dash| rest.strip_prefix(dash))
        .map(str::trim_start);
    if let Some(field) = field_for(name) {
        if colon || rest.is_empty() {
            return Some((Label::Known(field, name.to_owned()), rest));
        }
        if let Some(tail) = dashed {
            return Some((Label::Known(field, name.to_owned()), tail));
        }
        return None;
    }
    name = name.trim();
    if allow_unknown && (colon || rest.is_empty()) && unknown_name(name) {
        return Some((Label::Unknown(name.to_owned()), rest));
    }
    None
}

/// Whether `name` may be an unknown label: a few words starting with a capital letter, no
/// sentence punctuation, and not a rubric level.
fn unknown_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_LABEL_CHARS
        && name.split_whitespace().count() <= MAX_UNKNOWN_WORDS
        && name.chars().next().is_some_and(char::is_uppercase)
        && !name.contains(['.', '?', '!', ':', ';', ','])
        && !rubric::names_a_level(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalised() {
        assert_eq!(normalise("  Follow-ups: "), "follow ups");
        assert_eq!(field_for("FOLLOW UP QUESTIONS"), Some(Field::FollowUps));
        assert_eq!(field_for("What we're looking for"), Some(Field::KeyPoints));
        assert_eq!(field_for("Weather"), None);
    }

    #[test]
    fn labels_alone_and_leading() {
        assert_eq!(
            exact("Red flags"),
            Some(Label::Known(Field::RedFlags, "Red flags".into()))
        );
        assert_eq!(alone("Notes:"), Some(Label::Unknown("Notes".into())));
        assert_eq!(alone("Strong:"), None, "a level, not a label");
        assert_eq!(alone("Notes"), None, "an unknown name needs its colon");
        let (label, rest) = leading("Time: 15 minutes").unwrap();
        assert_eq!(label.field(), Some(Field::Minutes));
        assert_eq!(rest, "15 minutes");
        assert_eq!(leading("Note: this is not a known label"), None);
    }

    #[test]
    fn bold_labels() {
        let (label, rest) = bold("Purpose: see how they think", "Purpose:", false).unwrap();
        assert_eq!(label.field(), Some(Field::Purpose));
        assert_eq!(rest, "see how they think");
        let (label, rest) = bold("Red flags: none", "Red flags", false).unwrap();
        assert_eq!(label.field(), Some(Field::RedFlags));
        assert_eq!(rest, "none");
        assert_eq!(
            bold("Notes: x", "Notes:", true),
            Some((Label::Unknown("Notes".into()), "x"))
        );
        assert_eq!(bold("Notes: x", "Notes:", false), None);
        assert_eq!(bold("Caching matters here", "Caching", true), None);
    }
}
