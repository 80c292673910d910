//! The competency vocabulary: one list of skill names shared by every pack, so that averages
//! per competency and the committee's grid line up when questions from several packs meet in
//! one interview. The bundled list is `questions/competencies.ron`.

use serde::{Deserialize, Serialize};

use super::problem::{Problem, Subject};
use super::{QuestionField, QuestionPack};

/// One competency: its name, what it covers, and other names documents use for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    /// The name questions use, e.g. "API design".
    pub name: String,
    /// What the competency covers, for the editor's tooltip.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Lowercase names other documents give the same competency ("apis", "rest").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// The list of competencies packs are expected to use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompetencyVocabulary {
    /// File format version; see [`super::FORMAT_VERSION`].
    pub format: u32,
    /// The competencies, in the order they are offered.
    pub competencies: Vec<Competency>,
}

/// Lowercase, with runs of spaces, hyphens and underscores made one space, for comparing names.
fn key(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl CompetencyVocabulary {
    /// The competency called `name`, or known by it as an alias (ignoring case and spacing).
    pub fn find(&self, name: &str) -> Option<&Competency> {
        let wanted = key(name);
        if wanted.is_empty() {
            return None;
        }
        self.competencies
            .iter()
            .find(|c| key(&c.name) == wanted)
            .or_else(|| {
                self.competencies
                    .iter()
                    .find(|c| c.aliases.iter().any(|alias| key(alias) == wanted))
            })
    }

    /// The vocabulary's own name for `name`, if it knows it (e.g. "databases" → "Data
    /// modelling & storage"): how imported competencies are mapped onto the vocabulary.
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.find(name).map(|competency| competency.name.as_str())
    }

    /// Whether `name` is exactly one of the vocabulary's names.
    pub fn contains(&self, name: &str) -> bool {
        self.competencies.iter().any(|c| c.name == name)
    }

    /// The names, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.competencies.iter().map(|c| c.name.as_str())
    }

    /// Problems with the vocabulary itself: empty or repeated names, and aliases claimed by two
    /// competencies (which would make mapping ambiguous).
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let file = Subject::File;
        let mut seen: Vec<(String, &str)> = Vec::new();
        for (i, competency) in self.competencies.iter().enumerate() {
            if competency.name.trim().is_empty() {
                problems.push(Problem::new(
                    &file,
                    super::problem::FieldPath::part(
                        super::problem::Field::Other("competencies"),
                        i + 1,
                        "name",
                    ),
                    "must not be empty",
                ));
            }
            let names = std::iter::once(&competency.name).chain(&competency.aliases);
            for name in names {
                let name_key = key(name);
                if let Some((_, owner)) = seen.iter().find(|(k, _)| *k == name_key) {
                    if *owner == competency.name {
                        // The same name twice under one competency is only redundant.
                        continue;
                    }
                    problems.push(Problem::new(
                        &file,
                        super::problem::FieldPath::part(
                            super::problem::Field::Other("competencies"),
                            i + 1,
                            "aliases",
                        ),
                        format!(
                            "`{}` is already a name of `{owner}`",
                            super::problem::shorten(name)
                        ),
                    ));
                    continue;
                }
                seen.push((name_key, competency.name.as_str()));
            }
        }
        problems
    }

    /// Warnings (not errors: a pack may have its own skills) for the questions of `pack` whose
    /// competency is not one of the vocabulary's names, suggesting the name when it is an
    /// alias.
    pub fn warnings(&self, pack: &QuestionPack) -> Vec<Problem> {
        let mut warnings = Vec::new();
        let mut seen = std::collections::HashMap::<&str, usize>::new();
        for question in &pack.questions {
            let occurrence = seen.entry(question.id.as_str()).or_insert(0);
            let subject = Subject::Question {
                id: question.id.clone(),
                occurrence: *occurrence,
            };
            *occurrence += 1;
            let competency = question.competency.trim();
            if competency.is_empty() || self.contains(competency) {
                continue;
            }
            let message = match self.canonical(competency) {
                Some(name) => format!(
                    "`{}` is not in the competency vocabulary; it means `{name}`",
                    super::problem::shorten(competency)
                ),
                None => format!(
                    "`{}` is not in the competency vocabulary, so its scores will not line up with other packs'",
                    super::problem::shorten(competency)
                ),
            };
            warnings.push(Problem::new(&subject, QuestionField::Competency, message));
        }
        warnings
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Question;

    fn vocabulary() -> CompetencyVocabulary {
        CompetencyVocabulary {
            format: 1,
            competencies: vec![
                Competency {
                    name: "API design".into(),
                    description: String::new(),
                    aliases: vec!["apis".into(), "rest".into()],
                },
                Competency {
                    name: "Data modelling & storage".into(),
                    description: String::new(),
                    aliases: vec!["databases".into(), "data-modeling".into()],
                },
            ],
        }
    }

    #[test]
    fn names_and_aliases_map_onto_the_vocabulary() {
        let vocabulary = vocabulary();
        assert_eq!(vocabulary.canonical("api  DESIGN"), Some("API design"));
        assert_eq!(vocabulary.canonical("REST"), Some("API design"));
        assert_eq!(
            vocabulary.canonical("Data Modeling"),
            Some("Data modelling & storage")
        );
        assert_eq!(vocabulary.canonical("Trade-offs"), None);
        assert_eq!(vocabulary.canonical(""), None);
        assert!(vocabulary.problems().is_empty());
    }

    #[test]
    fn questions_outside_the_vocabulary_are_warned_about() {
        let vocabulary = vocabulary();
        let mut pack = QuestionPack::new("p", "P");
        for (id, competency) in [("a", "API design"), ("b", "databases"), ("c", "Trade-offs")] {
            let mut question = Question::new(id, "?", 5);
            question.competency = competency.into();
            pack.questions.push(question);
        }
        let warnings: Vec<String> = vocabulary
            .warnings(&pack)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            warnings,
            [
                "question `b`, field `competency`: `databases` is not in the competency vocabulary; it means `Data modelling & storage`",
                "question `c`, field `competency`: `Trade-offs` is not in the competency vocabulary, so its scores will not line up with other packs'",
            ]
        );
    }

    #[test]
    fn an_alias_claimed_twice_is_a_problem() {
        let mut vocabulary = vocabulary();
        vocabulary.competencies[1].aliases.push("APIs".into());
        let problems = vocabulary.problems();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .to_string()
                .contains("`APIs` is already a name of `API design`")
        );
    }
}
