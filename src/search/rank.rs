//! One query run over the index: which questions have every query word, how they rank, and
//! where their matched words are.
//!
//! Only the occurrences of the vocabulary words the query matches are read, so the work grows
//! with how much the query matches, not with the size of the library.

use super::index::{Entry, QuestionIndex, TitleWord};
use super::words::{MatchKind, QueryWord};
use super::{Highlight, Hit, SearchField};

/// Orders hits, smaller first: the sum over query words of the best field group each matched
/// in, then of how well it matched there, then more query words together in one text, then
/// more texts with a match; packed into one number so that sorting many hits stays cheap.
fn rank(tiers: u32, kinds: u32, together: u32, mentions: u32) -> u64 {
    // At most 64 words: tiers ≤ 192 and kinds ≤ 128 fit in 8 bits, together ≤ 64 in 8;
    // mentions are capped at 65,535 (a question has at most about 600 texts).
    let mentions = mentions.min(u32::from(u16::MAX));
    (u64::from(tiers.min(255)) << 32)
        | (u64::from(kinds.min(255)) << 24)
        | (u64::from(255 - together.min(255)) << 16)
        | u64::from(u32::from(u16::MAX) - mentions)
}

/// A word's best match in a question as one number, smaller better: field group, then kind.
fn code(field: SearchField, kind: MatchKind) -> u8 {
    field.tier() * 4 + kind as u8
}

/// The positions of the set bits of `mask`.
fn bits(mask: u64) -> impl Iterator<Item = usize> {
    let mut rest = mask;
    std::iter::from_fn(move || {
        (rest != 0).then(|| {
            let bit = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            bit
        })
    })
}

/// What the query matched in one pack's title, shared by all of the pack's questions.
struct TitleMatch {
    mask: u64,
    best: Vec<u8>,
    highlights: Vec<Highlight>,
}

/// A query prepared against the vocabulary.
pub(super) struct Search<'a> {
    index: &'a QuestionIndex,
    words: usize,
    all: u64,
    passing: Vec<bool>,
    /// The vocabulary words the query matches, by id, each with the mask of query words that
    /// match it.
    terms: Vec<(u32, u64)>,
    /// `kinds[i * words + w]`: how query word `w` matches `terms[i]`, where its bit is set.
    kinds: Vec<MatchKind>,
    /// How `terms[i]` is highlighted: its best match among those worth showing, if any.
    shown: Vec<Option<MatchKind>>,
}

impl<'a> Search<'a> {
    /// Compares each of `words` (at most 64) with the vocabulary; `passing` says which
    /// entries the other filters let through.
    pub(super) fn new(index: &'a QuestionIndex, words: &[QueryWord], passing: Vec<bool>) -> Self {
        let mut matched: Vec<(u32, usize, MatchKind)> = Vec::new();
        for (w, word) in words.iter().enumerate() {
            for (id, term) in index.terms_for(word) {
                if let Some(kind) = word.matches(&term.folded, &term.stem) {
                    matched.push((id, w, kind));
                }
            }
        }
        matched.sort_unstable_by_key(|&(id, w, _)| (id, w));
        let mut terms: Vec<(u32, u64)> = Vec::new();
        let mut kinds = Vec::new();
        for (id, w, kind) in matched {
            if terms.last().is_none_or(|&(last, _)| last != id) {
                terms.push((id, 0));
                kinds.extend(std::iter::repeat_n(MatchKind::Typo, words.len()));
            }
            let at = terms.len() - 1;
            terms[at].1 |= 1 << w;
            kinds[at * words.len() + w] = kind;
        }
        let shown = (0..terms.len())
            .map(|i| {
                let kinds = &kinds[i * words.len()..(i + 1) * words.len()];
                bits(terms[i].1)
                    .filter(|&w| words[w].shows(kinds[w]))
                    .map(|w| kinds[w])
                    .min()
            })
            .collect();
        Self {
            index,
            words: words.len(),
            all: if words.len() >= 64 {
                u64::MAX
            } else {
                (1u64 << words.len()) - 1
            },
            passing,
            terms,
            kinds,
            shown,
        }
    }

    /// How the query words match vocabulary word `term`: their mask and kinds, and how the
    /// word is highlighted.
    fn lookup(&self, term: u32) -> Option<(u64, &[MatchKind], Option<MatchKind>)> {
        let at = self.terms.binary_search_by_key(&term, |&(id, _)| id).ok()?;
        let kinds = &self.kinds[at * self.words..(at + 1) * self.words];
        Some((self.terms[at].1, kinds, self.shown[at]))
    }

    fn title_match(&self, title: &[TitleWord]) -> TitleMatch {
        let mut found = TitleMatch {
            mask: 0,
            best: vec![u8::MAX; self.words],
            highlights: Vec::new(),
        };
        for word in title {
            let Some((mask, kinds, shown)) = self.lookup(word.term) else {
                continue;
            };
            found.mask |= mask;
            for w in bits(mask) {
                found.best[w] = found.best[w].min(code(SearchField::PackTitle, kinds[w]));
            }
            if let Some(kind) = shown {
                found.highlights.push(Highlight {
                    field: SearchField::PackTitle,
                    kind,
                    item: 0,
                    start: word.start,
                    end: word.end,
                });
            }
        }
        found
    }

    /// The hits, best first; equal ranks keep pack order.
    pub(super) fn hits(&self) -> Vec<Hit> {
        let index = self.index;
        let words = self.words;
        let entries = index.entries.len();
        // Each passing entry's matched words and best match per word, from the postings, and
        // the postings found as (posting, matched term).
        let mut entry_mask = vec![0u64; entries];
        let mut best = vec![u8::MAX; entries * words];
        let matched: u32 = self
            .terms
            .iter()
            .map(|&(term, _)| index.starts[term as usize + 1] - index.starts[term as usize])
            .sum();
        let mut found: Vec<(u32, u32, u32)> = Vec::with_capacity(matched as usize);
        for (i, &(term, mask)) in self.terms.iter().enumerate() {
            let kinds = &self.kinds[i * words..(i + 1) * words];
            let postings = index.starts[term as usize]..index.starts[term as usize + 1];
            for at in postings {
                let occurrence = index.postings[at as usize];
                let e = occurrence.entry as usize;
                if !self.passing[e] {
                    continue;
                }
                let field = occurrence.field();
                entry_mask[e] |= mask;
                for w in bits(mask) {
                    let slot = &mut best[e * words + w];
                    *slot = (*slot).min(code(field, kinds[w]));
                }
                found.push((at, to_u32(i), occurrence.entry));
            }
        }
        let titles: Vec<TitleMatch> = index
            .titles
            .iter()
            .map(|title| self.title_match(title))
            .collect();
        // The found postings grouped by entry (a counting sort).
        let mut first = vec![0u32; entries + 1];
        for &(_, _, entry) in &found {
            first[entry as usize + 1] += 1;
        }
        for e in 0..entries {
            first[e + 1] += first[e];
        }
        let mut next = first.clone();
        let mut by_entry = vec![(0u32, 0u32); found.len()];
        for (at, term, entry) in found {
            let slot = &mut next[entry as usize];
            by_entry[*slot as usize] = (at, term);
            *slot += 1;
        }

        let no_title = TitleMatch {
            mask: 0,
            best: vec![u8::MAX; words],
            highlights: Vec::new(),
        };
        let is_hit = |e: usize, pack: usize| {
            let title = titles.get(pack).map_or(0, |t| t.mask);
            self.passing[e] && entry_mask[e] | title == self.all
        };
        let count = (index.entries.iter().enumerate())
            .filter(|(e, entry)| is_hit(*e, entry.key.pack))
            .count();
        let mut scratch = Scratch::default();
        let mut ranks: Vec<(u64, u32)> = Vec::with_capacity(count);
        let mut hits: Vec<Option<Hit>> = Vec::with_capacity(count);
        for (e, entry) in index.entries.iter().enumerate() {
            if !is_hit(e, entry.key.pack) {
                continue;
            }
            let title = titles.get(entry.key.pack).unwrap_or(&no_title);
            let codes = best[e * words..(e + 1) * words]
                .iter()
                .zip(&title.best)
                .map(|(a, b)| *a.min(b));
            let tiers = codes.clone().map(|c| u32::from(c / 4)).sum();
            let kinds = codes.map(|c| u32::from(c % 4)).sum();
            let mine = &by_entry[first[e] as usize..first[e + 1] as usize];
            let found = scratch.arrange(self, entry, mine, title);
            ranks.push((
                rank(tiers, kinds, found.together, found.mentions),
                to_u32(hits.len()),
            ));
            hits.push(Some(Hit {
                key: entry.key,
                best: found.best_field,
                highlights: found.highlights,
            }));
        }
        // A stable sort: equal ranks keep pack order.
        ranks.sort_by_key(|&(rank, _)| rank);
        ranks
            .into_iter()
            .filter_map(|(_, at)| hits.get_mut(at as usize).and_then(Option::take))
            .collect()
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// What one hit matched, text by text.
struct Arranged {
    together: u32,
    mentions: u32,
    best_field: Option<SearchField>,
    highlights: Vec<Highlight>,
}

/// Space reused from hit to hit for putting one entry's postings in text order.
#[derive(Default)]
struct Scratch {
    /// Per text of the entry: where its postings start in `ordered` (a counting sort).
    first: Vec<u32>,
    /// Per text: the query words it holds.
    masks: Vec<u64>,
    next: Vec<u32>,
    ordered: Vec<(u32, u32)>,
}

impl Scratch {
    /// The highlights of one entry in field, item and position order, with how many query
    /// words one text holds together and how many texts match.
    fn arrange(
        &mut self,
        search: &Search<'_>,
        entry: &Entry,
        mine: &[(u32, u32)],
        title: &TitleMatch,
    ) -> Arranged {
        let index = search.index;
        let texts = (entry.places.1 - entry.places.0) as usize;
        self.first.clear();
        self.first.resize(texts + 1, 0);
        self.masks.clear();
        self.masks.resize(texts, 0);
        // Every matched word counts for the rank; only those worth showing are put in order.
        let mut shown = 0;
        for &(at, term) in mine {
            let place = index.postings[at as usize].text();
            self.masks[place] |= search.terms[term as usize].1;
            if search.shown[term as usize].is_some() {
                self.first[place + 1] += 1;
                shown += 1;
            }
        }
        if shown > 0 {
            for p in 0..texts {
                self.first[p + 1] += self.first[p];
            }
            self.ordered.clear();
            self.ordered.resize(shown, (0, 0));
            self.next.clear();
            self.next.extend_from_slice(&self.first);
            for &(at, term) in mine {
                if search.shown[term as usize].is_some() {
                    let slot = &mut self.next[index.postings[at as usize].text()];
                    self.ordered[*slot as usize] = (at, term);
                    *slot += 1;
                }
            }
        }

        let mut found = Arranged {
            together: title.mask.count_ones(),
            mentions: u32::from(title.mask != 0),
            best_field: (title.mask != 0).then_some(SearchField::PackTitle),
            highlights: Vec::new(),
        };
        let mut title_done = false;
        for p in 0..texts {
            let place = index.places[entry.places.0 as usize + p];
            if !title_done && place.field > SearchField::PackTitle {
                found.highlights.extend_from_slice(&title.highlights);
                title_done = true;
            }
            let mask = self.masks[p];
            if mask == 0 {
                continue;
            }
            found.mentions += 1;
            found.together = found.together.max(mask.count_ones());
            found.best_field = Some(found.best_field.map_or(place.field, |f| f.min(place.field)));
            if shown == 0 {
                continue;
            }
            let in_text = &mut self.ordered[self.first[p] as usize..self.first[p + 1] as usize];
            if in_text.len() > 1 {
                in_text.sort_unstable_by_key(|&(at, _)| index.postings[at as usize].start);
            }
            found
                .highlights
                .extend(in_text.iter().filter_map(|&(at, term)| {
                    let occurrence = index.postings[at as usize];
                    Some(Highlight {
                        field: place.field,
                        kind: search.shown[term as usize]?,
                        item: place.item,
                        start: occurrence.start,
                        end: occurrence.start + u32::from(occurrence.len),
                    })
                }));
        }
        if !title_done {
            found.highlights.extend_from_slice(&title.highlights);
        }
        found
    }
}
