//! Positioned glyphs to PDF text operations, so that copying text out of the PDF gives back
//! what was typed.
//!
//! A PDF maps each glyph code of a font to text once, in the font's ToUnicode map. Shaped text
//! breaks the one-glyph-per-character picture: a ligature stands for two letters, a Devanagari
//! vowel sign is drawn before the consonant it follows, Hebrew runs right to left. So:
//!
//! - glyphs are written cluster by cluster in the order of the text, so that right-to-left
//!   text reads back in typed order;
//! - inside a cluster, each glyph stands for its own character where the font's character map
//!   says so, a ligature for the characters the cluster has left; when that would read back
//!   out of order (a vowel sign drawn first), the cluster's characters are dealt out to its
//!   glyphs in drawing order instead;
//! - a glyph that must stand for different text in different places is written through a
//!   second copy of its font, with its own ToUnicode map;
//! - a missing-glyph box copies as U+FFFD, with the typed characters as `/ActualText`.

use std::collections::{BTreeMap, HashMap};

use printpdf::{Codepoint, Color, FontId, Op, PdfFontHandle, Pt, Rgb, TextItem, TextMatrix};

use super::fonts::{Fonts, Slot};
use super::layout::{Layout, PlacedGlyph, TextLine};

/// Old-to-new glyph ids of each embedded font.
pub type Remaps = BTreeMap<Slot, HashMap<u16, u16>>;

/// A font copy: the slot's subset under another resource name and ToUnicode map.
pub type Copy = usize;

/// What each glyph of each font copy reads as.
#[derive(Default)]
pub struct TextMaps {
    copies: BTreeMap<Slot, Vec<HashMap<u16, String>>>,
}

impl TextMaps {
    /// The copy of `slot` in which `gid` reads as `text`, making one if need be.
    fn code(&mut self, slot: Slot, gid: u16, text: &str) -> Copy {
        let copies = self.copies.entry(slot).or_default();
        for (index, map) in copies.iter_mut().enumerate() {
            match map.get(&gid) {
                Some(known) if known == text => return index,
                Some(_) => {}
                None => {
                    map.insert(gid, text.to_owned());
                    return index;
                }
            }
        }
        copies.push(HashMap::from([(gid, text.to_owned())]));
        copies.len() - 1
    }

    /// How many copies each slot needs.
    pub fn copies(&self) -> impl Iterator<Item = (Slot, usize)> + '_ {
        self.copies
            .iter()
            .map(|(&slot, copies)| (slot, copies.len()))
    }
}

/// The resource name of copy `copy` of the font in `slot`.
pub fn font_id(slot: Slot, copy: Copy) -> FontId {
    if copy == 0 {
        FontId(format!("F{slot}"))
    } else {
        FontId(format!("F{slot}c{copy}"))
    }
}

/// One glyph ready to write: where, which code, what it reads as.
pub struct Written<'l> {
    glyph: &'l PlacedGlyph,
    copy: Copy,
    text: String,
    /// On the first glyph of a cluster that copies as `/ActualText`: the typed characters.
    actual: Option<&'l str>,
    /// On the last glyph of such a cluster.
    ends_actual: bool,
}

/// Decides, for every line of `layout`, the order glyphs are written in and what each reads
/// as; returns the maps and, per page and line, the glyphs to write.
pub fn plan<'l>(
    layout: &'l Layout,
    fonts: &Fonts<'_>,
) -> (TextMaps, Vec<Vec<Vec<Vec<Written<'l>>>>>) {
    let mut maps = TextMaps::default();
    let pages = layout
        .pages
        .iter()
        .map(|page| {
            page.lines()
                .map(|line| {
                    line.runs
                        .iter()
                        .map(|run| {
                            let mut out = Vec::with_capacity(run.glyphs.len());
                            for cluster in clusters_in_text_order(&run.glyphs) {
                                let text = line.text.get(cluster_range(&cluster)).unwrap_or("");
                                write_cluster(&mut maps, fonts, run.slot, &cluster, text, &mut out);
                            }
                            out
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    (maps, pages)
}

fn cluster_range(cluster: &[&PlacedGlyph]) -> std::ops::Range<usize> {
    cluster
        .first()
        .map_or(0..0, |glyph| glyph.start as usize..glyph.end as usize)
}

/// The run's glyphs grouped by cluster, clusters in the order of the text, glyphs inside a
/// cluster in drawing order.
fn clusters_in_text_order(glyphs: &[PlacedGlyph]) -> Vec<Vec<&PlacedGlyph>> {
    let mut clusters: Vec<Vec<&PlacedGlyph>> = Vec::new();
    for glyph in glyphs {
        match clusters.last_mut() {
            Some(cluster) if cluster[0].start == glyph.start => cluster.push(glyph),
            _ => clusters.push(vec![glyph]),
        }
    }
    // Right-to-left runs come in drawing order, last character first.
    clusters.sort_by_key(|cluster| cluster[0].start);
    clusters
}

fn write_cluster<'l>(
    maps: &mut TextMaps,
    fonts: &Fonts<'_>,
    slot: Slot,
    cluster: &[&'l PlacedGlyph],
    text: &'l str,
    out: &mut Vec<Written<'l>>,
) {
    let last = cluster.len().saturating_sub(1);
    if cluster.iter().all(|glyph| glyph.gid == 0) {
        for (index, glyph) in cluster.iter().enumerate() {
            out.push(Written {
                glyph,
                copy: maps.code(slot, 0, "\u{FFFD}"),
                text: "\u{FFFD}".to_owned(),
                actual: (index == 0).then_some(text),
                ends_actual: index == last,
            });
        }
        return;
    }
    let (pieces, in_order) = pieces(fonts, slot, cluster, text);
    // Readers that lay text out again from glyph positions (pdftotext) take a raised mark for
    // a line of its own, and dealt-out pieces for what they say: the cluster's own text is
    // given to them whole.
    let actual = cluster.len() > 1 && (!in_order || cluster.iter().any(|glyph| glyph.rise != 0.0));
    for (index, (glyph, piece)) in cluster.iter().zip(pieces).enumerate() {
        out.push(Written {
            glyph,
            copy: maps.code(slot, glyph.gid, &piece),
            text: piece,
            actual: (actual && index == 0).then_some(text),
            ends_actual: actual && index == last,
        });
    }
}

/// What each glyph of a cluster reads as, so that the pieces in drawing order spell `text`;
/// and whether each glyph could keep its own characters (false when they had to be dealt out).
fn pieces(
    fonts: &Fonts<'_>,
    slot: Slot,
    cluster: &[&PlacedGlyph],
    text: &str,
) -> (Vec<String>, bool) {
    if let [_] = cluster {
        return (vec![text.to_owned()], true);
    }
    let face = fonts.face(slot);
    // Each character to the glyph the character map gives it, when that glyph is here.
    let mut owner: Vec<Option<usize>> = Vec::new();
    let mut taken = vec![false; cluster.len()];
    for c in text.chars() {
        let natural = face
            .glyph_of(c)
            .and_then(|gid| (0..cluster.len()).find(|&i| !taken[i] && cluster[i].gid == gid));
        if let Some(i) = natural {
            taken[i] = true;
        }
        owner.push(natural);
    }
    // Characters left over go to the first glyph that has none (a ligature or a contextual
    // form), or else join the character before them.
    let spare = (0..cluster.len()).find(|&i| !taken[i]);
    let mut previous = None;
    for slot in owner.iter_mut() {
        if slot.is_none() {
            *slot = spare.or(previous);
        }
        previous = *slot;
    }
    let mut natural = vec![String::new(); cluster.len()];
    for (c, owner) in text.chars().zip(&owner) {
        if let Some(i) = owner {
            natural[*i].push(c);
        }
    }
    if natural.concat() == text && natural.iter().all(|piece| !piece.is_empty()) {
        return (natural, true);
    }
    // Out of order (or a glyph with nothing of its own): deal the characters out in drawing
    // order, one each, the last glyph taking the rest.
    let chars: Vec<char> = text.chars().collect();
    let dealt = (0..cluster.len())
        .map(|i| {
            if i + 1 == cluster.len() {
                chars
                    .get(i..)
                    .map_or(String::new(), |rest| rest.iter().collect())
            } else {
                chars.get(i).map_or(String::new(), |c| c.to_string())
            }
        })
        .map(|piece| {
            if piece.is_empty() {
                "\u{200B}".to_owned()
            } else {
                piece
            }
        })
        .collect();
    (dealt, false)
}

/// Font, colour and rise last set in the text object, to avoid repeating them.
#[derive(Default)]
pub struct TextState {
    font: Option<(Slot, Copy, u32)>,
    colour: Option<[u32; 3]>,
    rise: f32,
}

/// Writes one line's planned glyphs.
pub fn line_ops(
    line: &TextLine,
    runs: &[Vec<Written<'_>>],
    page_height: f32,
    remaps: &Remaps,
    fonts: &Fonts<'_>,
    state: &mut TextState,
    ops: &mut Vec<Op>,
) {
    let size = line.size;
    let baseline = page_height - line.baseline;
    for (run, written) in line.runs.iter().zip(runs) {
        let colour = run.colour;
        let colour_key = [colour.r, colour.g, colour.b].map(f32::to_bits);
        if state.colour != Some(colour_key) {
            ops.push(Op::SetFillColor {
                col: Color::Rgb(Rgb {
                    r: colour.r,
                    g: colour.g,
                    b: colour.b,
                    icc_profile: None,
                }),
            });
            state.colour = Some(colour_key);
        }
        let face = fonts.face(run.slot);
        let remap = remaps.get(&run.slot);
        let mut index = 0;
        while index < written.len() {
            // A stretch of glyphs in one copy and at one rise that does not cross the edge of
            // an ActualText span.
            let first = &written[index];
            let mut end = index + 1;
            while !written[end - 1].ends_actual
                && written.get(end).is_some_and(|next| {
                    next.copy == first.copy
                        && next.actual.is_none()
                        && (next.glyph.rise - first.glyph.rise).abs() < 1e-3
                })
            {
                end += 1;
            }
            let font_key = (run.slot, first.copy, size.to_bits());
            if state.font != Some(font_key) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(font_id(run.slot, first.copy)),
                    size: Pt(size),
                });
                state.font = Some(font_key);
            }
            if (state.rise - first.glyph.rise).abs() >= 1e-3 {
                ops.push(Op::SetLineOffset {
                    multiplier: first.glyph.rise,
                });
                state.rise = first.glyph.rise;
            }
            if let Some(actual) = first.actual {
                ops.push(actual_text(actual));
            }
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(first.glyph.x), Pt(baseline)),
            });
            let stretch = &written[index..end];
            // After each glyph a viewer moves by the glyph's width in the font's /W array
            // (whole thousandths of an em, truncated); the number after a glyph moves the pen on
            // to where the next one belongs. Drift under five thousandths of an em (a twentieth
            // of a point at 10 pt) is left to add up until it reaches that, which keeps one
            // number per kerning pair rather than one per glyph.
            let mut pen = first.glyph.x;
            let codepoints = stretch
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    pen += face.pdf_width(item.glyph.gid) * size / 1000.0;
                    let offset = stretch.get(i + 1).map_or(0.0, |next| {
                        let thousandths = ((pen - next.glyph.x) * 1000.0 / size).round();
                        if thousandths.abs() < 5.0 {
                            0.0
                        } else {
                            pen -= thousandths * size / 1000.0;
                            thousandths
                        }
                    });
                    Codepoint {
                        gid: remap
                            .and_then(|remap| remap.get(&item.glyph.gid))
                            .copied()
                            .unwrap_or(0),
                        offset,
                        cid: Some(item.text.clone()),
                    }
                })
                .collect();
            ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(codepoints)],
            });
            if written[end - 1].ends_actual {
                ops.push(Op::EndMarkedContent);
            }
            index = end;
        }
    }
}

/// Opens a marked-content span whose `/ActualText` is `text`, what a reader copies instead of
/// the glyphs inside.
fn actual_text(text: &str) -> Op {
    let mut data = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        data.extend(unit.to_be_bytes());
    }
    Op::BeginMarkedContentWithProperties {
        tag: "Span".to_owned(),
        properties: printpdf::DictItem::Dict {
            map: BTreeMap::from([(
                "ActualText".to_owned(),
                printpdf::DictItem::String {
                    data,
                    literal: false,
                },
            )]),
        },
    }
}
