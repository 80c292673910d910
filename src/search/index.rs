//! The index: every word of the library once (its vocabulary), and for each word where it
//! occurs (its postings), so a keystroke reads only the occurrences of the words it matches.

use rustc_hash::FxHashMap;

use super::words::{self, QueryWord};
use super::{Filter, FilterKind, Highlight, Hit, NoHits, QuestionKey, SearchField};
use crate::domain::{Level, Question};
use crate::storage::PackEntry;

/// Query words beyond this many are ignored (each takes one bit of a word mask); ignoring
/// them can only show more questions than using them would.
pub(super) const MAX_QUERY_WORDS: usize = 64;

/// One distinct word of the library.
pub(super) struct Term {
    pub(super) folded: Box<str>,
    pub(super) stem: Box<str>,
}

/// One occurrence of a word in a question: which question, which of its texts, and where.
/// Twelve bytes, as there is one for every word of the library.
#[derive(Clone, Copy, Default)]
pub(super) struct Occurrence {
    /// Index into `QuestionIndex::entries`.
    pub(super) entry: u32,
    /// Byte offset of the word in its text.
    pub(super) start: u32,
    /// The text, counted from the entry's first place, in the low [`TEXT_BITS`] bits; the
    /// position of its field in [`SearchField::ALL`] above them, so that a keystroke reading
    /// postings need not look the text up.
    text_and_field: u16,
    /// Length of the word in bytes.
    pub(super) len: u16,
}

/// Bits of [`Occurrence::text_and_field`] for the text: up to 8,192 texts per question, far
/// more than the size limits allow (three texts and three lists of at most 200 items).
const TEXT_BITS: u32 = 13;

impl Occurrence {
    /// The text, counted from the entry's first place.
    pub(super) fn text(self) -> usize {
        usize::from(self.text_and_field & ((1 << TEXT_BITS) - 1))
    }

    /// The field of the text.
    pub(super) fn field(self) -> SearchField {
        let at = usize::from(self.text_and_field >> TEXT_BITS);
        SearchField::ALL
            .get(at)
            .copied()
            .unwrap_or(SearchField::FollowUps)
    }
}

/// One word of a pack title.
#[derive(Clone, Copy)]
pub(super) struct TitleWord {
    pub(super) term: u32,
    pub(super) start: u32,
    pub(super) end: u32,
}

/// One text of one field (an item, for list fields).
#[derive(Clone, Copy)]
pub(super) struct Place {
    pub(super) field: SearchField,
    pub(super) item: u32,
}

pub(super) struct Entry {
    pub(super) key: QuestionKey,
    /// Index into `QuestionIndex::competency_names`.
    pub(super) competency: u32,
    pub(super) level: Level,
    /// The entry's texts: a range of `QuestionIndex::places`.
    pub(super) places: (u32, u32),
}

/// The searchable words of every question, built once when packs load (or change); cheap
/// enough to build on a background thread at start-up.
pub struct QuestionIndex {
    pub(super) terms: Vec<Term>,
    term_ids: FxHashMap<Box<str>, u32>,
    /// The terms by first letter: a query word only ever matches words that begin with its
    /// own first letter (stemming keeps it, and typos in it are not accepted), so a keystroke
    /// compares it with those alone.
    by_first: FxHashMap<char, Vec<u32>>,
    /// Every occurrence, grouped by term; term `t`'s are `postings[starts[t]..starts[t + 1]]`,
    /// in entry order.
    pub(super) postings: Vec<Occurrence>,
    pub(super) starts: Vec<u32>,
    pub(super) places: Vec<Place>,
    pub(super) entries: Vec<Entry>,
    /// Each pack's title, word by word.
    pub(super) titles: Vec<Vec<TitleWord>>,
    /// Every competency as written, `""` included, in order of first use.
    competency_names: Vec<String>,
    /// The non-empty competencies, sorted for a menu.
    competencies: Vec<String>,
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Builds the index: occurrences are gathered in question order, then grouped by term.
struct Builder {
    index: QuestionIndex,
    /// `(term, occurrence)` in question order.
    found: Vec<(u32, Occurrence)>,
    /// The words of the text last read by [`Builder::words_of`]: term, start, length.
    text_words: Vec<(u32, u32, u16)>,
    folded: String,
}

impl Builder {
    fn term_id(&mut self, folded: &str) -> u32 {
        let index = &mut self.index;
        if let Some(&id) = index.term_ids.get(folded) {
            return id;
        }
        let id = to_u32(index.terms.len());
        if let Some(first) = folded.chars().next() {
            index.by_first.entry(first).or_default().push(id);
        }
        index.terms.push(Term {
            folded: folded.into(),
            stem: words::stem(folded).into(),
        });
        index.term_ids.insert(folded.into(), id);
        id
    }

    /// Reads the words of `text` with their terms into `text_words`; words too long to
    /// record (over 64 KiB, or beyond 4 GiB into a text) are left out rather than highlighted
    /// at wrong places.
    fn words_of(&mut self, text: &str) {
        self.text_words.clear();
        let mut folded = std::mem::take(&mut self.folded);
        for range in words::words(text) {
            let (Ok(start), Ok(len)) = (u32::try_from(range.start), u16::try_from(range.len()))
            else {
                continue;
            };
            let word = &text[range];
            // Most words are already folded (lower-case ASCII): looked up as they are.
            let key = if word
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                word
            } else {
                words::fold_into(word, &mut folded);
                folded.as_str()
            };
            if !key.is_empty() {
                let term = self.term_id(key);
                self.text_words.push((term, start, len));
            }
        }
        self.folded = folded;
    }

    fn add_question(&mut self, key: QuestionKey, question: &Question) {
        let entry = to_u32(self.index.entries.len());
        let first_place = self.index.places.len();
        for field in SearchField::ALL {
            if field == SearchField::PackTitle {
                continue;
            }
            let field_at = SearchField::ALL.iter().position(|f| *f == field);
            for (item, text) in field.texts(question, "").into_iter().enumerate() {
                // A question with more texts than can be counted (far past the size limits)
                // keeps the first ones.
                let text_at = self.index.places.len() - first_place;
                let (Ok(text_at), Some(Ok(field_at))) =
                    (u16::try_from(text_at), field_at.map(u16::try_from))
                else {
                    break;
                };
                if text_at >= 1 << TEXT_BITS {
                    break;
                }
                let text_and_field = text_at | (field_at << TEXT_BITS);
                self.words_of(text);
                if self.text_words.is_empty() {
                    continue;
                }
                self.index.places.push(Place {
                    field,
                    item: to_u32(item),
                });
                self.found
                    .extend(self.text_words.iter().map(|&(term, start, len)| {
                        let occurrence = Occurrence {
                            entry,
                            start,
                            text_and_field,
                            len,
                        };
                        (term, occurrence)
                    }));
            }
        }
        let names = &mut self.index.competency_names;
        let competency = match names.iter().position(|name| *name == question.competency) {
            Some(at) => at,
            None => {
                names.push(question.competency.clone());
                names.len() - 1
            }
        };
        self.index.entries.push(Entry {
            key,
            competency: to_u32(competency),
            level: question.level,
            places: (to_u32(first_place), to_u32(self.index.places.len())),
        });
    }

    /// Groups the occurrences by term (a counting sort, keeping question order).
    fn finish(mut self) -> QuestionIndex {
        let terms = self.index.terms.len();
        let mut starts = vec![0u32; terms + 1];
        for (term, _) in &self.found {
            starts[*term as usize + 1] += 1;
        }
        for t in 0..terms {
            starts[t + 1] += starts[t];
        }
        let mut next = starts.clone();
        let mut postings = vec![Occurrence::default(); self.found.len()];
        for (term, occurrence) in self.found {
            let at = &mut next[term as usize];
            postings[*at as usize] = occurrence;
            *at += 1;
        }
        let index = &mut self.index;
        index.postings = postings;
        index.starts = starts;
        index.competencies = index
            .competency_names
            .iter()
            .filter(|name| !name.is_empty())
            .cloned()
            .collect();
        index.competencies.sort_by_key(|c| c.to_lowercase());
        self.index
    }
}

impl QuestionIndex {
    /// Indexes every question of `packs`.
    pub fn new(packs: &[PackEntry]) -> Self {
        let mut builder = Builder {
            index: Self {
                terms: Vec::new(),
                term_ids: FxHashMap::default(),
                by_first: FxHashMap::default(),
                postings: Vec::new(),
                starts: Vec::new(),
                places: Vec::new(),
                entries: Vec::new(),
                titles: Vec::new(),
                competency_names: Vec::new(),
                competencies: Vec::new(),
            },
            found: Vec::new(),
            text_words: Vec::new(),
            folded: String::new(),
        };
        for (pack_index, entry) in packs.iter().enumerate() {
            builder.words_of(&entry.pack.title);
            let title = (builder.text_words.iter())
                .map(|&(term, start, len)| TitleWord {
                    term,
                    start,
                    end: start + u32::from(len),
                })
                .collect();
            builder.index.titles.push(title);
            for (question_index, question) in entry.pack.questions.iter().enumerate() {
                let key = QuestionKey {
                    pack: pack_index,
                    question: question_index,
                };
                builder.add_question(key, question);
            }
        }
        builder.finish()
    }

    /// Number of questions indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no questions at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every competency named by some question, sorted.
    pub fn competencies(&self) -> &[String] {
        &self.competencies
    }

    /// The terms `word` may match: those with its first letter, by id.
    pub(super) fn terms_for(&self, word: &QueryWord) -> impl Iterator<Item = (u32, &Term)> {
        word.first()
            .and_then(|first| self.by_first.get(&first))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&id| (id, &self.terms[id as usize]))
    }

    /// Whether `word` matches some word of the library.
    fn known(&self, word: &QueryWord) -> bool {
        self.terms_for(word)
            .any(|(_, term)| word.matches(&term.folded, &term.stem).is_some())
    }

    /// The words of `query`, each with typos allowed when nothing in the library matches it
    /// exactly or by prefix.
    pub(super) fn query_words(&self, query: &str) -> Vec<QueryWord> {
        let mut parsed = QueryWord::parse(query);
        parsed.truncate(MAX_QUERY_WORDS);
        for word in &mut parsed {
            if word.long_enough_for_typos() && !self.known(word) {
                word.allow_typos();
            }
        }
        parsed
    }

    /// For each entry, whether it passes the filters other than the query.
    pub(super) fn passing(&self, filter: &Filter) -> Vec<bool> {
        // A competency no question has leaves nothing.
        let competency = filter.competency.as_ref().map(|wanted| {
            self.competency_names
                .iter()
                .position(|name| name == wanted)
                .map_or(u32::MAX, to_u32)
        });
        self.entries
            .iter()
            .map(|entry| {
                filter.pack.is_none_or(|pack| pack == entry.key.pack)
                    && competency.is_none_or(|c| c == entry.competency)
                    && filter.level.is_none_or(|level| level == entry.level)
            })
            .collect()
    }

    /// The questions that pass `filter`: best match first for a query, pack order otherwise.
    pub fn search(&self, filter: &Filter) -> Vec<Hit> {
        let passing = self.passing(filter);
        let words = self.query_words(&filter.query);
        if words.is_empty() {
            return self
                .entries
                .iter()
                .zip(&passing)
                .filter(|(_, passes)| **passes)
                .map(|(entry, _)| Hit {
                    key: entry.key,
                    best: None,
                    highlights: Vec::new(),
                })
                .collect();
        }
        super::rank::Search::new(self, &words, passing).hits()
    }

    /// The words of `query` in `question` (of the pack titled `pack_title`), for showing the
    /// whole question with its matches highlighted; the same matching as [`Self::search`].
    pub fn highlights(&self, question: &Question, pack_title: &str, query: &str) -> Vec<Highlight> {
        let words = self.query_words(query);
        let mut highlights = Vec::new();
        if words.is_empty() {
            return highlights;
        }
        let mut folded = String::new();
        for field in SearchField::ALL {
            for (item, text) in field.texts(question, pack_title).into_iter().enumerate() {
                let Ok(item) = u32::try_from(item) else {
                    break;
                };
                for range in words::words(text) {
                    let (Ok(start), Ok(end)) =
                        (u32::try_from(range.start), u32::try_from(range.end))
                    else {
                        break;
                    };
                    words::fold_into(&text[range], &mut folded);
                    let stem = match self.term_ids.get(folded.as_str()) {
                        Some(&id) => self.terms[id as usize].stem.to_string(),
                        None => words::stem(&folded),
                    };
                    let kind = (words.iter())
                        .filter_map(|w| w.matches(&folded, &stem).filter(|&k| w.shows(k)))
                        .min();
                    if let Some(kind) = kind {
                        highlights.push(Highlight {
                            field,
                            kind,
                            item,
                            start,
                            end,
                        });
                    }
                }
            }
        }
        highlights
    }

    /// Why `filter` finds nothing, or `None` when it finds something: query words that no
    /// question has, else the fewest filters whose clearing shows questions, else that the
    /// words are never found together.
    pub fn explain_no_hits(&self, filter: &Filter) -> Option<NoHits> {
        if !self.search(filter).is_empty() {
            return None;
        }
        if self.entries.is_empty() {
            return Some(NoHits::NoQuestions);
        }
        let unknown: Vec<String> = self
            .query_words(&filter.query)
            .into_iter()
            .filter(|word| !self.known(word))
            .map(|word| word.typed)
            .collect();
        if !unknown.is_empty() {
            return Some(NoHits::UnknownWords(unknown));
        }
        let set: Vec<FilterKind> = [
            (FilterKind::Pack, filter.pack.is_some()),
            (FilterKind::Competency, filter.competency.is_some()),
            (FilterKind::Level, filter.level.is_some()),
        ]
        .into_iter()
        .filter_map(|(kind, on)| on.then_some(kind))
        .collect();
        // Every subset of the set filters, fewest first; among equals the one showing most.
        let mut subsets: Vec<Vec<FilterKind>> = (1u32..1 << set.len())
            .map(|bits| {
                set.iter()
                    .enumerate()
                    .filter(|(n, _)| bits & (1 << n) != 0)
                    .map(|(_, kind)| *kind)
                    .collect()
            })
            .collect();
        subsets.sort_by_key(Vec::len);
        let mut found: Option<(Vec<FilterKind>, usize)> = None;
        for clear in subsets {
            if found
                .as_ref()
                .is_some_and(|(best, _)| best.len() < clear.len())
            {
                break;
            }
            let mut relaxed = filter.clone();
            for kind in &clear {
                match kind {
                    FilterKind::Pack => relaxed.pack = None,
                    FilterKind::Competency => relaxed.competency = None,
                    FilterKind::Level => relaxed.level = None,
                }
            }
            let hits = self.search(&relaxed).len();
            if hits > found.as_ref().map_or(0, |(_, most)| *most) {
                found = Some((clear, hits));
            }
        }
        Some(match found {
            Some((filters, hits)) => NoHits::ClearFilters { filters, hits },
            None => NoHits::NotTogether,
        })
    }
}
