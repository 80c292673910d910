//! Search over every question of the loaded packs, by word: what the window's plan builder
//! and `onsite search` both use.
//!
//! A question matches when every query word matches a word of one of its fields: the same
//! word or another form of it (Snowball stems: "cache" finds "caching"), the start of a word
//! ("migr"), or, for a word of five or more letters that matches nothing in the library
//! otherwise, the word with one typo ("cahce"). Case and accents are ignored. Hits are ranked
//! by where the words matched (prompt and tags, then competency, pack title, then key points,
//! purpose and follow-ups), then how well, then how many query words one field holds
//! together; equal hits keep pack order. Each hit carries the byte ranges of the words that
//! matched, so the window can highlight them.
//!
//! The index ([`QuestionIndex`]) holds every distinct word of the library once, with where it
//! occurs, so a keystroke compares the query words with that vocabulary and then reads only
//! the occurrences of the words they match.

mod index;
mod rank;
#[cfg(test)]
mod tests;
mod words;

use std::ops::Range;

pub use index::QuestionIndex;
pub use words::MatchKind;

use crate::domain::{Level, Question, QuestionField};

/// A question's position in the loaded packs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct QuestionKey {
    /// Index of the pack.
    pub pack: usize,
    /// Index of the question within the pack.
    pub question: usize,
}

/// Which questions to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words that must all match; empty shows everything.
    pub query: String,
    /// Only this pack (by index).
    pub pack: Option<usize>,
    /// Only this competency.
    pub competency: Option<String>,
    /// Only this level.
    pub level: Option<Level>,
}

/// One of the filters of a [`Filter`] besides the query.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FilterKind {
    /// [`Filter::pack`].
    Pack,
    /// [`Filter::competency`].
    Competency,
    /// [`Filter::level`].
    Level,
}

/// A searched part of a question (or of its pack), in rank order: a match in an earlier
/// field puts a question higher.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SearchField {
    /// The prompt.
    Prompt,
    /// One of the tags.
    Tags,
    /// The competency.
    Competency,
    /// The title of the question's pack.
    PackTitle,
    /// One of the key points.
    KeyPoints,
    /// Why we ask it.
    Purpose,
    /// One of the follow-up questions.
    FollowUps,
}

impl SearchField {
    /// Every searched field, in rank order.
    pub const ALL: [SearchField; 7] = [
        SearchField::Prompt,
        SearchField::Tags,
        SearchField::Competency,
        SearchField::PackTitle,
        SearchField::KeyPoints,
        SearchField::Purpose,
        SearchField::FollowUps,
    ];

    /// The question's field this is, or `None` for the pack title.
    pub fn question_field(self) -> Option<QuestionField> {
        match self {
            SearchField::Prompt => Some(QuestionField::Prompt),
            SearchField::Tags => Some(QuestionField::Tags),
            SearchField::Competency => Some(QuestionField::Competency),
            SearchField::PackTitle => None,
            SearchField::KeyPoints => Some(QuestionField::KeyPoints),
            SearchField::Purpose => Some(QuestionField::Purpose),
            SearchField::FollowUps => Some(QuestionField::FollowUps),
        }
    }

    /// The name shown to people, e.g. "Key points".
    pub fn label(self) -> &'static str {
        self.question_field().map_or("Pack", QuestionField::label)
    }

    /// Whether this is one of the fields a list of questions does not show (key points,
    /// purpose, follow-ups): a hit found only there needs saying where it was found.
    pub fn is_detail(self) -> bool {
        matches!(
            self,
            SearchField::KeyPoints | SearchField::Purpose | SearchField::FollowUps
        )
    }

    /// Rank of the field's group: prompt and tags 0, competency 1, pack title 2, details 3.
    fn tier(self) -> u8 {
        match self {
            SearchField::Prompt | SearchField::Tags => 0,
            SearchField::Competency => 1,
            SearchField::PackTitle => 2,
            SearchField::KeyPoints | SearchField::Purpose | SearchField::FollowUps => 3,
        }
    }

    /// The texts of this field in `question` (whose pack is titled `pack_title`): one for a
    /// text field, one per item for a list; [`Highlight::item`] counts in this order.
    pub fn texts<'a>(self, question: &'a Question, pack_title: &'a str) -> Vec<&'a str> {
        match self {
            SearchField::Prompt => vec![question.prompt.as_str()],
            SearchField::Competency => vec![question.competency.as_str()],
            SearchField::PackTitle => vec![pack_title],
            SearchField::Purpose => vec![question.purpose.as_str()],
            SearchField::Tags => question.tags.iter().map(String::as_str).collect(),
            SearchField::KeyPoints => question.key_points.iter().map(String::as_str).collect(),
            SearchField::FollowUps => question.follow_ups.iter().map(String::as_str).collect(),
        }
    }
}

/// One matched word: where it is, as a byte range into one text of one field. Offsets are
/// kept as `u32` (texts are far shorter than 4 GiB) so that a query matching every question
/// stays small.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Highlight {
    /// The field.
    pub field: SearchField,
    /// How the word matched.
    pub kind: MatchKind,
    /// Which item of a list field (tags, key points, follow-ups); 0 for the others.
    pub item: u32,
    /// Where the word starts in that text, in bytes, on a character boundary.
    pub start: u32,
    /// Where it ends.
    pub end: u32,
}

impl Highlight {
    /// Which item of a list field, as an index.
    pub fn item(&self) -> usize {
        self.item as usize
    }

    /// The word's bytes in its text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The byte ranges of the words to highlight in one text: item `item` of `field`.
pub fn ranges_in(
    highlights: &[Highlight],
    field: SearchField,
    item: usize,
) -> impl Iterator<Item = Range<usize>> + '_ {
    highlights
        .iter()
        .filter(move |h| h.field == field && h.item() == item)
        .map(Highlight::range)
}

/// A question that passes a [`Filter`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The question.
    pub key: QuestionKey,
    /// The best-ranked field any query word matched in; `None` when there was no query.
    pub best: Option<SearchField>,
    /// Every matched word, by field, item and position.
    pub highlights: Vec<Highlight>,
}

impl Hit {
    /// Whether the words matched only in fields a list does not show (key points, purpose,
    /// follow-ups), so the list should say where: "in key points".
    pub fn only_in_details(&self) -> bool {
        self.best.is_some_and(SearchField::is_detail)
    }

    /// The byte ranges to highlight in item `item` of `field`.
    pub fn ranges(&self, field: SearchField, item: usize) -> impl Iterator<Item = Range<usize>> {
        ranges_in(&self.highlights, field, item)
    }
}

/// Why a search found nothing, for the window and the command line to put into words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoHits {
    /// No pack has any question.
    NoQuestions,
    /// These query words, as typed, match no word of any question in any pack.
    UnknownWords(Vec<String>),
    /// Clearing these filters would show `hits` questions.
    ClearFilters {
        /// The fewest filters to clear.
        filters: Vec<FilterKind>,
        /// How many questions that shows.
        hits: usize,
    },
    /// Every query word matches somewhere, but no question has all of them.
    NotTogether,
}
