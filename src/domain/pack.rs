//! Question packs and the questions in them.

use serde::{Deserialize, Serialize};

use super::{FORMAT_VERSION, Rubric};

/// A named, shareable collection of interview questions (one `.ron` file).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionPack {
    /// File format version; see [`FORMAT_VERSION`].
    pub format: u32,
    /// Stable identifier (a slug such as `backend-engineering`).
    pub id: String,
    /// Human-readable title.
    pub title: String,
    /// What the pack is for and who it suits.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Who wrote or maintains the pack.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// Free-form tags used for search.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The scale for questions that do not set their own; the standard scale when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_rubric: Option<Rubric>,
    /// The questions, in the pack's order.
    #[serde(deserialize_with = "super::bounded::questions")]
    pub questions: Vec<Question>,
}

impl QuestionPack {
    /// An empty pack with the current format version.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            format: FORMAT_VERSION,
            id: id.into(),
            title: title.into(),
            description: String::new(),
            author: String::new(),
            tags: Vec::new(),
            default_rubric: None,
            questions: Vec::new(),
        }
    }

    /// The question with this id, if the pack has it.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The rubric that applies to `question` in this pack: its own, else the pack's default,
    /// else the standard scale.
    pub fn rubric_for(&self, question: &Question) -> Rubric {
        question
            .rubric
            .clone()
            .or_else(|| self.default_rubric.clone())
            .unwrap_or_default()
    }

    /// A copy of `question` with its rubric resolved, as it is frozen into an evaluation.
    pub fn resolved(&self, question: &Question) -> Question {
        Question {
            rubric: Some(self.rubric_for(question)),
            ..question.clone()
        }
    }
}

impl AsRef<QuestionPack> for QuestionPack {
    fn as_ref(&self) -> &QuestionPack {
        self
    }
}

/// The seniority a question is aimed at.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Level {
    /// Suits every level; answers are judged against the role's expectations.
    #[default]
    Any,
    /// Early-career engineers.
    Junior,
    /// Engineers working independently.
    Mid,
    /// Engineers who lead the design of systems.
    Senior,
    /// Engineers whose scope spans several teams.
    Staff,
}

impl Level {
    /// Every level, in order.
    pub const ALL: [Level; 5] = [
        Level::Any,
        Level::Junior,
        Level::Mid,
        Level::Senior,
        Level::Staff,
    ];

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Level::Any => "Any level",
            Level::Junior => "Junior",
            Level::Mid => "Mid-level",
            Level::Senior => "Senior",
            Level::Staff => "Staff",
        }
    }
}

fn default_weight() -> f64 {
    1.0
}

fn is_default_weight(weight: &f64) -> bool {
    *weight == 1.0
}

/// One interview question with everything an interviewer needs to ask and rate it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Identifier, unique within its pack (a slug).
    pub id: String,
    /// The question as it is put to the candidate.
    pub prompt: String,
    /// Why we ask it: what it reveals about the candidate.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    /// What a strong answer covers; a checklist during the interview.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_points: Vec<String>,
    /// The anchored scale for this question; the pack's default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rubric: Option<Rubric>,
    /// Free-text rating guidance kept when it could not be turned into rubric anchors.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub guidance: String,
    /// Questions to probe deeper.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<String>,
    /// Warning signs in an answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub red_flags: Vec<String>,
    /// The skill the question assesses, e.g. "API design".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub competency: String,
    /// The seniority the question is aimed at.
    #[serde(default)]
    pub level: Level,
    /// Free-form tags used for search.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Time budget in minutes.
    pub minutes: u32,
    /// Relative weight in the overall score (1 unless set).
    #[serde(default = "default_weight", skip_serializing_if = "is_default_weight")]
    pub weight: f64,
}

impl Question {
    /// A question with just a prompt and time budget; everything else empty or default.
    pub fn new(id: impl Into<String>, prompt: impl Into<String>, minutes: u32) -> Self {
        Self {
            id: id.into(),
            prompt: prompt.into(),
            purpose: String::new(),
            key_points: Vec::new(),
            rubric: None,
            guidance: String::new(),
            follow_ups: Vec::new(),
            red_flags: Vec::new(),
            competency: String::new(),
            level: Level::Any,
            tags: Vec::new(),
            minutes,
            weight: 1.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RubricLevel;

    #[test]
    fn rubric_resolution_prefers_question_then_pack_then_standard() {
        let mut pack = QuestionPack::new("p", "P");
        let plain = Question::new("a", "Why?", 5);
        assert_eq!(pack.rubric_for(&plain), Rubric::standard());

        let pack_scale = Rubric {
            levels: vec![RubricLevel {
                score: 1,
                label: "Only".into(),
                anchor: String::new(),
            }],
        };
        pack.default_rubric = Some(pack_scale.clone());
        assert_eq!(pack.rubric_for(&plain), pack_scale);

        let mut own = plain.clone();
        own.rubric = Some(Rubric::standard());
        assert_eq!(pack.rubric_for(&own), Rubric::standard());
        assert_eq!(pack.resolved(&plain).rubric, Some(pack_scale));
    }
}
