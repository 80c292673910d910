//! Rubrics: the anchored scale an answer is rated on.

use serde::{Deserialize, Serialize};

use super::scoring::SCALE_MAX;

/// One level of a rubric: a score, a short label and an anchor describing what an answer at this
/// level sounds like.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricLevel {
    /// The score given for an answer at this level (e.g. 1–4).
    pub score: u8,
    /// A short name for the level, such as "Strong".
    pub label: String,
    /// A concrete description of an answer at this level, specific to the question.
    #[serde(default)]
    pub anchor: String,
}

/// An ordered scale of levels, lowest score first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Rubric {
    /// The levels, in increasing order of score.
    pub levels: Vec<RubricLevel>,
}

impl Rubric {
    /// The built-in four-level scale used when neither the question nor its pack sets one.
    pub fn standard() -> Self {
        let level = |score: u8, label: &str, anchor: &str| RubricLevel {
            score,
            label: label.to_owned(),
            anchor: anchor.to_owned(),
        };
        Self {
            levels: vec![
                level(
                    1,
                    "Weak",
                    "Misses the core of the question or is wrong on fundamentals.",
                ),
                level(
                    2,
                    "Partial",
                    "Covers some key points but with gaps or only with heavy prompting.",
                ),
                level(
                    3,
                    "Solid",
                    "Covers the key points correctly and reasons about trade-offs.",
                ),
                level(
                    4,
                    "Strong",
                    "Complete and precise; adds depth or experience beyond the key points.",
                ),
            ],
        }
    }

    /// The level with exactly this score, if any.
    pub fn level(&self, score: u8) -> Option<&RubricLevel> {
        self.levels.iter().find(|level| level.score == score)
    }

    /// The lowest and highest score on the scale, or `None` for an empty rubric.
    pub fn range(&self) -> Option<(u8, u8)> {
        let min = self.levels.iter().map(|l| l.score).min()?;
        let max = self.levels.iter().map(|l| l.score).max()?;
        Some((min, max))
    }

    /// Maps `score` on this rubric onto the common 1–[`SCALE_MAX`] scale, so answers rated on
    /// rubrics of different lengths can be averaged together.
    ///
    /// `None` for a score not on the scale and for a scale of one level (validation refuses
    /// those), so no score is ever reported outside 1–[`SCALE_MAX`].
    pub fn normalise(&self, score: u8) -> Option<f64> {
        let (min, max) = self.range()?;
        if score < min || score > max || min == max {
            return None;
        }
        let span = SCALE_MAX - 1.0;
        let mapped = 1.0 + f64::from(score - min) * span / f64::from(max - min);
        Some(mapped.clamp(1.0, SCALE_MAX))
    }
}

impl Default for Rubric {
    fn default() -> Self {
        Self::standard()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_scale_is_one_to_four() {
        let rubric = Rubric::standard();
        assert_eq!(rubric.range(), Some((1, 4)));
        assert_eq!(rubric.level(3).map(|l| l.label.as_str()), Some("Solid"));
        assert_eq!(rubric.normalise(3), Some(3.0));
        assert_eq!(rubric.normalise(5), None);
    }

    #[test]
    fn other_scales_are_normalised_to_one_to_four() {
        let mut rubric = Rubric::standard();
        rubric.levels.push(RubricLevel {
            score: 5,
            label: "Exceptional".into(),
            anchor: String::new(),
        });
        assert_eq!(rubric.normalise(1), Some(1.0));
        assert_eq!(rubric.normalise(5), Some(4.0));
        assert_eq!(rubric.normalise(3), Some(2.5));
        assert_eq!(Rubric { levels: vec![] }.normalise(1), None);
        let one_level = Rubric {
            levels: vec![RubricLevel {
                score: 200,
                label: "Only".into(),
                anchor: String::new(),
            }],
        };
        assert_eq!(one_level.normalise(200), None);
        let wide = Rubric {
            levels: vec![
                RubricLevel {
                    score: 0,
                    label: "Low".into(),
                    anchor: String::new(),
                },
                RubricLevel {
                    score: 200,
                    label: "High".into(),
                    anchor: String::new(),
                },
            ],
        };
        assert_eq!(wide.normalise(200), Some(4.0));
        assert_eq!(wide.normalise(0), Some(1.0));
    }
}
