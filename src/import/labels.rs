//! Labels: the words documents put before a part of a question ("Why we ask", "Red flags:").
//!
//! Documents name the same part in many ways, so each field has a list of names. Names are
//! compared after [`normalise`], which makes "Follow-ups:", "follow ups" and "FOLLOW UPS" equal.

use super::rubric;
use crate::domain::QuestionField;

/// Where a labelled section's text goes: a question field, one of the pack's own fields, or a
/// part the importer sorts itself (an expected answer, quiz options).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// A question field (in the pack's preamble, `Id`, `Tags` and `Rubric` set the pack's own).
    Field(QuestionField),
    /// Who maintains the pack (pack only).
    Author,
    /// What the pack is for (pack only).
    Description,
    /// The pack's title (pack only; the export writes it when a heading cannot hold it).
    Title,
    /// An expected answer or explanation: checklist points when short, guidance when long.
    Answer,
    /// The options of a quiz question, as written (with their `[x]` marks).
    Options,
    /// Further reading ("References", "Additional links"): kept in the guidance under its
    /// label, as an interviewer may want it, without a warning.
    Reading,
}

use QuestionField as Q;
use Target::Field as F;

/// Every name a field is known by, normalised.
const NAMES: &[(&str, Target)] = &[
    ("question", F(Q::Prompt)),
    ("the question", F(Q::Prompt)),
    ("prompt", F(Q::Prompt)),
    ("q", F(Q::Prompt)),
    ("ques", F(Q::Prompt)),
    ("title", Target::Title),
    ("hint", F(Q::Guidance)),
    ("hints", F(Q::Guidance)),
    ("options", Target::Options),
    ("choices", Target::Options),
    ("id", F(Q::Id)),
    ("why we ask", F(Q::Purpose)),
    ("why we ask this", F(Q::Purpose)),
    ("why we ask it", F(Q::Purpose)),
    ("why ask", F(Q::Purpose)),
    ("why ask this", F(Q::Purpose)),
    ("why this question", F(Q::Purpose)),
    ("why", F(Q::Purpose)),
    ("purpose", F(Q::Purpose)),
    ("question explanation", F(Q::Purpose)),
    ("explanation", Target::Answer),
    ("answer explanation", Target::Answer),
    ("solution", Target::Answer),
    ("a", Target::Answer),
    ("ans", Target::Answer),
    ("correct answer", Target::Answer),
    ("show answer", Target::Answer),
    ("see answer", Target::Answer),
    ("view answer", Target::Answer),
    ("reveal answer", Target::Answer),
    ("click to expand", Target::Answer),
    ("click to see answer", Target::Answer),
    ("click here to see the answer", Target::Answer),
    ("click to reveal", Target::Answer),
    ("show solution", Target::Answer),
    ("rationale", F(Q::Purpose)),
    ("intent", F(Q::Purpose)),
    ("what it reveals", F(Q::Purpose)),
    ("what it tests", F(Q::Purpose)),
    ("why interviewers ask this", F(Q::Purpose)),
    ("why interviewers ask it", F(Q::Purpose)),
    ("expected answer", Target::Answer),
    ("key points", F(Q::KeyPoints)),
    ("what good looks like", F(Q::KeyPoints)),
    ("strong answer", F(Q::KeyPoints)),
    ("a strong answer", F(Q::KeyPoints)),
    ("good answer", F(Q::KeyPoints)),
    ("a good answer", F(Q::KeyPoints)),
    ("ideal answer", Target::Answer),
    ("sample answer", Target::Answer),
    ("model answer", Target::Answer),
    ("answer", Target::Answer),
    ("what to look for", F(Q::KeyPoints)),
    ("good to hear", F(Q::KeyPoints)),
    ("what to listen for", F(Q::KeyPoints)),
    ("listen for", F(Q::KeyPoints)),
    ("must mention", F(Q::KeyPoints)),
    ("should mention", F(Q::KeyPoints)),
    ("key takeaways", F(Q::KeyPoints)),
    ("takeaways", F(Q::KeyPoints)),
    ("don t forget", F(Q::KeyPoints)),
    ("dont forget", F(Q::KeyPoints)),
    ("references", Target::Reading),
    ("reference", Target::Reading),
    ("additional links", Target::Reading),
    ("additional resources", Target::Reading),
    ("further reading", Target::Reading),
    ("read more", Target::Reading),
    ("resources", Target::Reading),
    ("sources", Target::Reading),
    ("source", Target::Reading),
    ("links", Target::Reading),
    ("useful links", Target::Reading),
    ("see also", Target::Reading),
    ("learn more", Target::Reading),
    ("look for", F(Q::KeyPoints)),
    ("what we are looking for", F(Q::KeyPoints)),
    ("what we re looking for", F(Q::KeyPoints)),
    ("expected points", F(Q::KeyPoints)),
    ("talking points", F(Q::KeyPoints)),
    ("checklist", F(Q::KeyPoints)),
    ("evaluating responses", F(Q::Rubric)),
    ("evaluating the response", F(Q::Rubric)),
    ("evaluating answers", F(Q::Rubric)),
    ("rubric", F(Q::Rubric)),
    ("scoring", F(Q::Rubric)),
    ("scoring guide", F(Q::Rubric)),
    ("scoring rubric", F(Q::Rubric)),
    ("evaluation", F(Q::Rubric)),
    ("how to evaluate", F(Q::Rubric)),
    ("how to score", F(Q::Rubric)),
    ("rating", F(Q::Rubric)),
    ("rating scale", F(Q::Rubric)),
    ("assessment", F(Q::Rubric)),
    ("grading", F(Q::Rubric)),
    ("default rubric", F(Q::Rubric)),
    ("guidance", F(Q::Guidance)),
    ("rating guidance", F(Q::Guidance)),
    ("evaluation guidance", F(Q::Guidance)),
    ("scoring guidance", F(Q::Guidance)),
    ("interviewer notes", F(Q::Guidance)),
    ("notes for the interviewer", F(Q::Guidance)),
    ("notes for interviewers", F(Q::Guidance)),
    ("follow ups", F(Q::FollowUps)),
    ("follow up", F(Q::FollowUps)),
    ("followups", F(Q::FollowUps)),
    ("followup", F(Q::FollowUps)),
    ("follow up questions", F(Q::FollowUps)),
    ("follow up question", F(Q::FollowUps)),
    ("probing questions", F(Q::FollowUps)),
    ("probes", F(Q::FollowUps)),
    ("further questions", F(Q::FollowUps)),
    ("red flags", F(Q::RedFlags)),
    ("red flag", F(Q::RedFlags)),
    ("warning signs", F(Q::RedFlags)),
    ("warning sign", F(Q::RedFlags)),
    ("watch out for", F(Q::RedFlags)),
    ("pitfalls", F(Q::RedFlags)),
    ("common mistakes", F(Q::RedFlags)),
    ("what to avoid", F(Q::RedFlags)),
    ("mistakes to avoid", F(Q::RedFlags)),
    ("competency", F(Q::Competency)),
    ("competence", F(Q::Competency)),
    ("skill", F(Q::Competency)),
    ("skill assessed", F(Q::Competency)),
    ("level", F(Q::Level)),
    ("seniority", F(Q::Level)),
    ("time", F(Q::Minutes)),
    ("minutes", F(Q::Minutes)),
    ("duration", F(Q::Minutes)),
    ("time budget", F(Q::Minutes)),
    ("timing", F(Q::Minutes)),
    ("tags", F(Q::Tags)),
    ("keywords", F(Q::Tags)),
    ("topics", F(Q::Tags)),
    ("weight", F(Q::Weight)),
    ("author", Target::Author),
    ("maintainer", Target::Author),
    ("description", Target::Description),
];

/// Labels longer than this are sentences, not labels.
const MAX_LABEL_CHARS: usize = 40;
/// Unknown labels longer than this many words are taken as text.
const MAX_UNKNOWN_WORDS: usize = 4;

/// A label found in a document: a known field, or a name the importer does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Label {
    /// A known field, with the label as written.
    Known(Target, String),
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
    pub(crate) fn field(&self) -> Option<Target> {
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
pub(crate) fn field_for(name: &str) -> Option<Target> {
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

/// A heading that is a label, alone ("Answer") or with a short value ("Answer: D"): the label
/// and the value.
pub(crate) fn heading(text: &str) -> Option<(Label, String)> {
    if let Some(label) = exact(text) {
        return Some((label, String::new()));
    }
    let (label, rest) = leading(text)?;
    Some((label, rest.to_owned()))
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
        // "**Ans.** …" closes the label with a full stop.
        if colon || rest.is_empty() || written.ends_with('.') {
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
        assert_eq!(field_for("FOLLOW UP QUESTIONS"), Some(F(Q::FollowUps)));
        assert_eq!(field_for("What we're looking for"), Some(F(Q::KeyPoints)));
        assert_eq!(field_for("Weather"), None);
    }

    #[test]
    fn labels_alone_and_leading() {
        assert_eq!(
            exact("Red flags"),
            Some(Label::Known(F(Q::RedFlags), "Red flags".into()))
        );
        assert_eq!(alone("Notes:"), Some(Label::Unknown("Notes".into())));
        assert_eq!(alone("Strong:"), None, "a level, not a label");
        assert_eq!(alone("Notes"), None, "an unknown name needs its colon");
        let (label, rest) = leading("Time: 15 minutes").unwrap();
        assert_eq!(label.field(), Some(F(Q::Minutes)));
        assert_eq!(rest, "15 minutes");
        assert_eq!(leading("Note: this is not a known label"), None);
    }

    #[test]
    fn bold_labels() {
        let (label, rest) = bold("Purpose: see how they think", "Purpose:", false).unwrap();
        assert_eq!(label.field(), Some(F(Q::Purpose)));
        assert_eq!(rest, "see how they think");
        let (label, rest) = bold("Red flags: none", "Red flags", false).unwrap();
        assert_eq!(label.field(), Some(F(Q::RedFlags)));
        assert_eq!(rest, "none");
        assert_eq!(
            bold("Notes: x", "Notes:", true),
            Some((Label::Unknown("Notes".into()), "x"))
        );
        assert_eq!(bold("Notes: x", "Notes:", false), None);
        assert_eq!(bold("Caching matters here", "Caching", true), None);
    }
}
