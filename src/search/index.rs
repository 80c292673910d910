//! The index: every word of the library once (its vocabulary), and each question's fields as
//! lists of word numbers with their byte ranges.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::ops::Range;

use super::words::{self, MatchKind, QueryWord};
use super::{Filter, FilterKind, Highlight, Hit, NoHits, QuestionKey, SearchField};
use crate::domain::{Level, Question};
use crate::storage::PackEntry;

/// Query words beyond this many are ignored (each takes one bit of a word mask); ignoring
/// them can only show more questions than using them would, never fewer than none.
const MAX_QUERY_WORDS: usize = 64;

/// One distinct word of the library.
struct Term {
    folded: Box<str>,
    stem: Box<str>,
}

/// One occurrence of a word: which word, and its bytes in the text it came from.
#[derive(Clone, Copy)]
struct Token {
    term: u32,
    start: u32,
    end: u32,
}

/// One text of one field (an item, for list fields) and its tokens.
#[derive(Clone, Copy)]
struct Place {
    field: SearchField,
    item: u32,
    tokens: (u32, u32),
}

struct Entry {
    key: QuestionKey,
    /// Index into `QuestionIndex::competency_names`.
    competency: u32,
    level: Level,
    places: (u32, u32),
}

/// The searchable words of every question, built once when packs load (or change); cheap
/// enough to build on a background thread at start-up.
pub struct QuestionIndex {
    terms: Vec<Term>,
    term_ids: HashMap<Box<str>, u32>,
    /// The terms by first letter: a query word only ever matches words that begin with its
    /// own first letter (stemming keeps it, and typos in it are not accepted), so a keystroke
    /// compares it with those alone.
    by_first: HashMap<char, Vec<u32>>,
    tokens: Vec<Token>,
    places: Vec<Place>,
    entries: Vec<Entry>,
    /// Each pack's title, as places (one or none).
    pack_titles: Vec<(u32, u32)>,
    /// Every competency as written, `""` included, in order of first use.
    competency_names: Vec<String>,
    /// The non-empty competencies, sorted for a menu.
    competencies: Vec<String>,
}

/// Where one query's words match: for each vocabulary word, which query words match it and
/// how.
struct Matches {
    /// Bit `w` set when query word `w` matches the term.
    masks: Vec<u64>,
    /// `kinds[w * terms + term]`: how query word `w` matches the term, when its bit is set.
    kinds: Vec<MatchKind>,
    /// Every query word's bit.
    all: u64,
    words: usize,
}

/// Orders hits, smaller first: the sum over query words of the best field group each
/// matched in, then of how well it matched, then more words together in one text, then more
/// texts with a match.
type Rank = (u32, u32, Reverse<u32>, Reverse<u32>);

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn span((start, end): (u32, u32)) -> Range<usize> {
    start as usize..end as usize
}

impl QuestionIndex {
    /// Indexes every question of `packs`.
    pub fn new(packs: &[PackEntry]) -> Self {
        let mut index = Self {
            terms: Vec::new(),
            term_ids: HashMap::new(),
            by_first: HashMap::new(),
            tokens: Vec::new(),
            places: Vec::new(),
            entries: Vec::new(),
            pack_titles: Vec::new(),
            competency_names: Vec::new(),
            competencies: Vec::new(),
        };
        let mut folded = String::new();
        for (pack_index, entry) in packs.iter().enumerate() {
            let start = to_u32(index.places.len());
            index.add_text(SearchField::PackTitle, 0, &entry.pack.title, &mut folded);
            index.pack_titles.push((start, to_u32(index.places.len())));
            for (question_index, question) in entry.pack.questions.iter().enumerate() {
                let start = to_u32(index.places.len());
                for field in SearchField::ALL {
                    if field == SearchField::PackTitle {
                        continue;
                    }
                    for (item, text) in field.texts(question, "").into_iter().enumerate() {
                        index.add_text(field, to_u32(item), text, &mut folded);
                    }
                }
                let competency = match index
                    .competency_names
                    .iter()
                    .position(|name| *name == question.competency)
                {
                    Some(at) => at,
                    None => {
                        index.competency_names.push(question.competency.clone());
                        index.competency_names.len() - 1
                    }
                };
                index.entries.push(Entry {
                    key: QuestionKey {
                        pack: pack_index,
                        question: question_index,
                    },
                    competency: to_u32(competency),
                    level: question.level,
                    places: (start, to_u32(index.places.len())),
                });
            }
        }
        index.competencies = index
            .competency_names
            .iter()
            .filter(|name| !name.is_empty())
            .cloned()
            .collect();
        index.competencies.sort_by_key(|c| c.to_lowercase());
        index
    }

    fn add_text(&mut self, field: SearchField, item: u32, text: &str, folded: &mut String) {
        // Byte offsets are kept as u32; a longer text (far beyond the pack size limit) is
        // left out of the index rather than highlighted at wrong places.
        if u32::try_from(text.len()).is_err() {
            return;
        }
        let first = to_u32(self.tokens.len());
        for range in words::words(text) {
            words::fold_into(&text[range.clone()], folded);
            if folded.is_empty() {
                continue;
            }
            let term = self.term_id(folded);
            self.tokens.push(Token {
                term,
                start: to_u32(range.start),
                end: to_u32(range.end),
            });
        }
        let last = to_u32(self.tokens.len());
        if last > first {
            self.places.push(Place {
                field,
                item,
                tokens: (first, last),
            });
        }
    }

    fn term_id(&mut self, folded: &str) -> u32 {
        if let Some(&id) = self.term_ids.get(folded) {
            return id;
        }
        let id = to_u32(self.terms.len());
        if let Some(first) = folded.chars().next() {
            self.by_first.entry(first).or_default().push(id);
        }
        self.terms.push(Term {
            folded: folded.into(),
            stem: words::stem(folded).into(),
        });
        self.term_ids.insert(folded.into(), id);
        id
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

    /// The terms `word` may match: those with its first letter.
    fn terms_for(&self, word: &QueryWord) -> impl Iterator<Item = (usize, &Term)> {
        word.first()
            .and_then(|first| self.by_first.get(&first))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&id| (id as usize, &self.terms[id as usize]))
    }

    /// Whether `word` matches some word of the library.
    fn known(&self, word: &QueryWord) -> bool {
        self.terms_for(word)
            .any(|(_, term)| word.matches(&term.folded, &term.stem).is_some())
    }

    /// The words of `query`, each with typos allowed when nothing in the library matches it
    /// exactly or by prefix.
    fn query_words(&self, query: &str) -> Vec<QueryWord> {
        let mut parsed = QueryWord::parse(query);
        parsed.truncate(MAX_QUERY_WORDS);
        for word in &mut parsed {
            if word.long_enough_for_typos() && !self.known(word) {
                word.allow_typos();
            }
        }
        parsed
    }

    fn matches(&self, words: &[QueryWord]) -> Matches {
        let terms = self.terms.len();
        let mut masks = vec![0u64; terms];
        let mut kinds = vec![MatchKind::Typo; terms * words.len()];
        for (w, word) in words.iter().enumerate() {
            for (t, term) in self.terms_for(word) {
                if let Some(kind) = word.matches(&term.folded, &term.stem) {
                    masks[t] |= 1 << w;
                    kinds[w * terms + t] = kind;
                }
            }
        }
        Matches {
            masks,
            kinds,
            all: if words.len() >= 64 {
                u64::MAX
            } else {
                (1u64 << words.len()) - 1
            },
            words: words.len(),
        }
    }

    /// The entries that pass the filters other than the query.
    fn candidates<'a>(&'a self, filter: &'a Filter) -> impl Iterator<Item = &'a Entry> + 'a {
        // A competency no question has leaves nothing.
        let competency = filter.competency.as_ref().map(|wanted| {
            self.competency_names
                .iter()
                .position(|name| name == wanted)
                .map_or(u32::MAX, to_u32)
        });
        self.entries.iter().filter(move |entry| {
            filter.pack.is_none_or(|pack| pack == entry.key.pack)
                && competency.is_none_or(|c| c == entry.competency)
                && filter.level.is_none_or(|level| level == entry.level)
        })
    }

    /// The questions that pass `filter`: best match first for a query, pack order otherwise.
    pub fn search(&self, filter: &Filter) -> Vec<Hit> {
        let words = self.query_words(&filter.query);
        if words.is_empty() {
            return self
                .candidates(filter)
                .map(|entry| Hit {
                    key: entry.key,
                    best: None,
                    highlights: Vec::new(),
                })
                .collect();
        }
        let matches = self.matches(&words);
        let mut hits: Vec<(Rank, Hit)> = Vec::new();
        let mut best = vec![u8::MAX; words.len()];
        let mut found = Vec::new();
        for entry in self.candidates(filter) {
            if let Some((rank, best_field)) = self.score(entry, &matches, &mut best, &mut found) {
                let mut highlights = found.clone();
                highlights.sort_by_key(|h: &Highlight| (h.field, h.item, h.range.start));
                hits.push((
                    rank,
                    Hit {
                        key: entry.key,
                        best: Some(best_field),
                        highlights,
                    },
                ));
            }
        }
        // A stable sort: equal ranks keep pack order.
        hits.sort_by_key(|(rank, _)| *rank);
        hits.into_iter().map(|(_, hit)| hit).collect()
    }

    /// Whether `entry` has every query word, and if so its rank and best field, with the
    /// matched words in `found`. `best` is scratch space, one slot per query word.
    fn score(
        &self,
        entry: &Entry,
        matches: &Matches,
        best: &mut [u8],
        found: &mut Vec<Highlight>,
    ) -> Option<(Rank, SearchField)> {
        best.fill(u8::MAX);
        found.clear();
        let terms = self.terms.len();
        let mut matched = 0u64;
        let mut together = 0;
        let mut mentions = 0;
        let mut best_field = None;
        let title = self
            .pack_titles
            .get(entry.key.pack)
            .copied()
            .unwrap_or((0, 0));
        for place in self.places[span(entry.places)]
            .iter()
            .chain(&self.places[span(title)])
        {
            let tier = place.field.tier();
            let mut in_place = 0u64;
            for token in &self.tokens[span(place.tokens)] {
                let term = token.term as usize;
                let mask = matches.masks[term];
                if mask == 0 {
                    continue;
                }
                in_place |= mask;
                let mut bits = mask;
                let mut token_kind = MatchKind::Typo;
                while bits != 0 {
                    let w = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    let kind = matches.kinds[w * terms + term];
                    token_kind = token_kind.min(kind);
                    best[w] = best[w].min(tier * 4 + kind as u8);
                }
                found.push(Highlight {
                    field: place.field,
                    item: place.item as usize,
                    range: token.start as usize..token.end as usize,
                    kind: token_kind,
                });
            }
            if in_place != 0 {
                matched |= in_place;
                mentions += 1;
                together = together.max(in_place.count_ones());
                best_field =
                    Some(best_field.map_or(place.field, |f: SearchField| f.min(place.field)));
            }
        }
        if matched != matches.all {
            return None;
        }
        let tiers = best.iter().map(|&b| u32::from(b / 4)).sum();
        let kinds = best.iter().map(|&b| u32::from(b % 4)).sum();
        debug_assert_eq!(best.len(), matches.words);
        Some((
            (tiers, kinds, Reverse(together), Reverse(mentions)),
            best_field?,
        ))
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
                for range in words::words(text) {
                    words::fold_into(&text[range.clone()], &mut folded);
                    let stem = match self.term_ids.get(folded.as_str()) {
                        Some(&id) => self.terms[id as usize].stem.to_string(),
                        None => words::stem(&folded),
                    };
                    if let Some(kind) = words.iter().filter_map(|w| w.matches(&folded, &stem)).min()
                    {
                        highlights.push(Highlight {
                            field,
                            item,
                            range,
                            kind,
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
