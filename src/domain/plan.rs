//! Interview plans: an ordered, reusable selection of questions.

use serde::{Deserialize, Serialize};

use super::{FORMAT_VERSION, Question, QuestionPack};

/// A reference to a question in a pack, by ids.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionRef {
    /// The pack's id.
    pub pack: String,
    /// The question's id within that pack.
    pub question: String,
}

/// Where a plan entry's question comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum PlanQuestion {
    /// A question looked up in a pack when the interview starts.
    FromPack(QuestionRef),
    /// A question written for this plan only, stored inline.
    Custom(Box<Question>),
}

/// One step of a plan: a question and an optional time budget that overrides the question's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanEntry {
    /// The question to ask.
    pub question: PlanQuestion,
    /// Minutes planned for this entry, replacing the question's own budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
}

/// A reusable interview plan: which questions to ask, in which order, for which role.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterviewPlan {
    /// File format version; see [`FORMAT_VERSION`].
    pub format: u32,
    /// Name of the plan, e.g. "Backend onsite, round 2".
    pub title: String,
    /// The role the plan is for, e.g. "Senior Backend Engineer".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// Notes for the interviewer about the plan.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The questions, in the order they will be asked.
    #[serde(deserialize_with = "super::bounded::entries")]
    pub entries: Vec<PlanEntry>,
}

/// A plan entry turned into the question that will be asked, with its source if it came from a
/// pack.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedEntry {
    /// A full copy of the question, rubric resolved and minutes overridden.
    pub question: Question,
    /// The pack question it was copied from, if any.
    pub source: Option<QuestionRef>,
}

impl InterviewPlan {
    /// An empty plan with the current format version.
    pub fn new(title: impl Into<String>, role: impl Into<String>) -> Self {
        Self {
            format: FORMAT_VERSION,
            title: title.into(),
            role: role.into(),
            description: String::new(),
            entries: Vec::new(),
        }
    }

    /// Planned minutes of the entry at `index`, honouring the per-entry override.
    pub fn entry_minutes<P: AsRef<QuestionPack>>(&self, index: usize, packs: &[P]) -> Option<u32> {
        let entry = self.entries.get(index)?;
        entry
            .minutes
            .or_else(|| lookup(&entry.question, packs).map(|(q, _)| q.minutes))
    }

    /// Total planned minutes; entries whose question cannot be found count as zero.
    pub fn total_minutes<P: AsRef<QuestionPack>>(&self, packs: &[P]) -> u32 {
        (0..self.entries.len())
            .filter_map(|i| self.entry_minutes(i, packs))
            .sum()
    }

    /// An id for a new custom question with this prompt: a slug of its first words that no
    /// custom question of the plan uses yet.
    pub fn new_custom_id(&self, prompt: &str) -> String {
        let slug = super::slugify(prompt, "custom");
        let base: String = slug.chars().take(40).collect();
        let base = base.trim_end_matches('-');
        super::unique_id(base, |id| {
            self.entries.iter().any(|entry| match &entry.question {
                PlanQuestion::Custom(question) => question.id == id,
                PlanQuestion::FromPack(_) => false,
            })
        })
    }

    /// Whether an entry of the plan already asks the pack question `reference`.
    pub fn contains(&self, reference: &QuestionRef) -> bool {
        self.entries
            .iter()
            .any(|entry| matches!(&entry.question, PlanQuestion::FromPack(r) if r == reference))
    }

    /// Turns every entry into the question to ask. Packs earlier in `packs` win when two share
    /// an id. Returns the references that could not be found instead if there are any.
    pub fn resolve<P: AsRef<QuestionPack>>(
        &self,
        packs: &[P],
    ) -> Result<Vec<ResolvedEntry>, Vec<QuestionRef>> {
        let mut resolved = Vec::with_capacity(self.entries.len());
        let mut missing = Vec::new();
        for entry in &self.entries {
            match lookup(&entry.question, packs) {
                Some((question, pack)) => {
                    let mut question = match pack {
                        Some(pack) => pack.resolved(question),
                        None => Question {
                            rubric: Some(question.rubric.clone().unwrap_or_default()),
                            ..question.clone()
                        },
                    };
                    if let Some(minutes) = entry.minutes {
                        question.minutes = minutes;
                    }
                    let source = match &entry.question {
                        PlanQuestion::FromPack(reference) => Some(reference.clone()),
                        PlanQuestion::Custom(_) => None,
                    };
                    resolved.push(ResolvedEntry { question, source });
                }
                None => {
                    if let PlanQuestion::FromPack(reference) = &entry.question {
                        missing.push(reference.clone());
                    }
                }
            }
        }
        if missing.is_empty() {
            Ok(resolved)
        } else {
            Err(missing)
        }
    }
}

/// Finds the question an entry points at (packs earlier in `packs` win), and the pack it lives in (none for custom questions).
pub fn lookup<'a, P: AsRef<QuestionPack>>(
    question: &'a PlanQuestion,
    packs: &'a [P],
) -> Option<(&'a Question, Option<&'a QuestionPack>)> {
    match question {
        PlanQuestion::Custom(question) => Some((question, None)),
        PlanQuestion::FromPack(reference) => {
            let pack = packs
                .iter()
                .map(AsRef::as_ref)
                .find(|p| p.id == reference.pack)?;
            Some((pack.question(&reference.question)?, Some(pack)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Rubric;

    fn pack() -> QuestionPack {
        let mut pack = QuestionPack::new("backend", "Backend");
        pack.questions
            .push(Question::new("cache", "How do you cache?", 10));
        pack.questions
            .push(Question::new("rest", "Design an API.", 15));
        pack
    }

    fn from_pack(question: &str, minutes: Option<u32>) -> PlanEntry {
        PlanEntry {
            question: PlanQuestion::FromPack(QuestionRef {
                pack: "backend".into(),
                question: question.into(),
            }),
            minutes,
        }
    }

    #[test]
    fn resolves_pack_and_custom_questions_with_overrides() {
        let mut plan = InterviewPlan::new("Round 1", "Backend Engineer");
        plan.entries.push(from_pack("rest", Some(20)));
        plan.entries.push(PlanEntry {
            question: PlanQuestion::Custom(Box::new(Question::new("mine", "Tell me a story.", 5))),
            minutes: None,
        });
        let packs = [pack()];
        assert_eq!(plan.total_minutes(&packs), 25);
        let resolved = plan.resolve(&packs).unwrap();
        assert_eq!(resolved[0].question.minutes, 20);
        assert_eq!(resolved[0].question.rubric, Some(Rubric::standard()));
        assert_eq!(resolved[0].source.as_ref().unwrap().question, "rest");
        assert_eq!(resolved[1].source, None);
        assert_eq!(resolved[1].question.prompt, "Tell me a story.");
    }

    #[test]
    fn custom_ids_are_slugs_not_used_by_other_custom_questions() {
        let mut plan = InterviewPlan::new("Round 1", "");
        let id = plan.new_custom_id("How would you change our hiring process?");
        assert_eq!(id, "how-would-you-change-our-hiring-process");
        plan.entries.push(PlanEntry {
            question: PlanQuestion::Custom(Box::new(Question::new(id, "?", 5))),
            minutes: None,
        });
        assert_eq!(
            plan.new_custom_id("How would you change our hiring process?"),
            "how-would-you-change-our-hiring-process-2"
        );
        assert!(crate::domain::is_slug(
            &plan.new_custom_id(&"long words ".repeat(20))
        ));
        plan.entries.push(from_pack("cache", None));
        assert!(plan.contains(&QuestionRef {
            pack: "backend".into(),
            question: "cache".into()
        }));
        assert!(!plan.contains(&QuestionRef {
            pack: "backend".into(),
            question: "rest".into()
        }));
    }

    #[test]
    fn reports_every_missing_reference() {
        let mut plan = InterviewPlan::new("Round 1", "");
        plan.entries.push(from_pack("nope", None));
        plan.entries.push(from_pack("cache", None));
        plan.entries.push(from_pack("gone", None));
        let missing = plan.resolve(&[pack()]).unwrap_err();
        let ids: Vec<_> = missing.iter().map(|r| r.question.as_str()).collect();
        assert_eq!(ids, ["nope", "gone"]);
        assert_eq!(plan.total_minutes(&[pack()]), 10);
    }
}
