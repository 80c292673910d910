//! Reading the long lists of a file with a ceiling: a list far longer than its cap (see
//! [`super::limits`]) is refused while it is read, so a hostile file of a million answers
//! costs no more to refuse than one of a few thousand. Lists over their cap but under the
//! ceiling are read whole and reported by validation, which names the field and the limit.
//!
//! Only reading is bounded (`deserialize_with`); writing is serde's own.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};

use super::limits::{MAX_ENTRIES, MAX_QUESTIONS};

/// How many times its cap a list may be before reading it stops.
pub const CEILING_FACTOR: usize = 4;

struct AtMost<T> {
    ceiling: usize,
    noun: &'static str,
    cap: usize,
    item: PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for AtMost<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a list of {}", self.noun)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            if items.len() == self.ceiling {
                return Err(serde::de::Error::custom(format!(
                    "more than {} {}; the limit is {}",
                    self.ceiling, self.noun, self.cap
                )));
            }
            items.push(item);
        }
        Ok(items)
    }
}

fn at_most<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
    noun: &'static str,
    cap: usize,
) -> Result<Vec<T>, D::Error> {
    deserializer.deserialize_seq(AtMost {
        ceiling: cap.saturating_mul(CEILING_FACTOR),
        noun,
        cap,
        item: PhantomData,
    })
}

/// `deserialize_with` for a pack's questions.
pub fn questions<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    at_most(deserializer, "questions", MAX_QUESTIONS)
}

/// `deserialize_with` for a plan's entries.
pub fn entries<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    at_most(deserializer, "entries", MAX_ENTRIES)
}

/// `deserialize_with` for an evaluation's answers.
pub fn answers<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    at_most(deserializer, "answers", MAX_ENTRIES)
}
