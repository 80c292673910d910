//! Fonts: the bundled Inter pair, optional fallbacks for other scripts, and glyph lookup.
//!
//! printpdf does not shape or measure text, so the report resolves every character to a font
//! and a glyph itself. The same lookup serves line breaking (advances) and drawing (glyph ids),
//! which is what guarantees that measured lines and drawn lines have the same width.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::sync::Arc;

use super::ReportError;

/// Inter Regular, the body face (SIL Open Font License, see `assets/fonts/OFL.txt`).
const REGULAR: &[u8] = include_bytes!("../../assets/fonts/Inter-Regular.otf");
/// Inter Bold, for headings, labels and the badge.
const BOLD: &[u8] = include_bytes!("../../assets/fonts/Inter-Bold.otf");

/// How many system fonts a report may draw on at most; each one is embedded.
const MAX_FALLBACKS: usize = 4;

/// The weight a piece of text is set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// Body text.
    Regular,
    /// Headings and emphasis.
    Bold,
}

/// A font used for characters the bundled font lacks, e.g. a system font with Chinese.
#[derive(Clone)]
pub struct FallbackFont {
    name: String,
    data: Arc<Vec<u8>>,
    index: u32,
}

impl fmt::Debug for FallbackFont {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The font program is megabytes of binary: name and size are what helps in a log.
        f.debug_struct("FallbackFont")
            .field("name", &self.name)
            .field("bytes", &self.data.len())
            .field("index", &self.index)
            .finish()
    }
}

impl FallbackFont {
    /// Wraps face `index` of the font file `data`, checking that it can be measured and
    /// embedded (TrueType or CFF outlines; bitmap-only faces such as colour emoji are refused).
    pub fn new(name: impl Into<String>, data: Vec<u8>, index: u32) -> Result<Self, ReportError> {
        let name = name.into();
        let face = ttf_parser::Face::parse(&data, index)
            .map_err(|error| ReportError::Font(format!("{name}: {error}")))?;
        if !has_outlines(&face) {
            return Err(ReportError::Font(format!(
                "{name}: no TrueType or CFF outlines to embed"
            )));
        }
        Ok(Self {
            name,
            data: Arc::new(data),
            index,
        })
    }

    /// The font's family name, for messages.
    pub fn name(&self) -> &str {
        &self.name
    }
}

fn has_outlines(face: &ttf_parser::Face<'_>) -> bool {
    let tables = face.tables();
    tables.hmtx.is_some() && (tables.glyf.is_some() || tables.cff.is_some())
}

/// Finds installed fonts that draw `characters`, best match first.
///
/// This is the only part of the report module that reads files: it scans the system font
/// folders. Pass the result in [`ReportOptions::fallback_fonts`](super::ReportOptions).
/// Characters no installed font covers are simply left out of the result.
pub fn system_fallback_fonts(characters: &BTreeSet<char>) -> Vec<FallbackFont> {
    if characters.is_empty() {
        return Vec::new();
    }
    let mut database = fontdb::Database::new();
    database.load_system_fonts();
    // Upright sans-serif text faces near regular weight read best next to Inter; the order
    // also makes the choice repeatable when several fonts cover the same characters.
    let mut candidates: Vec<&fontdb::FaceInfo> = database
        .faces()
        .filter(|face| face.style == fontdb::Style::Normal)
        .collect();
    candidates.sort_by_key(|face| {
        let family = face
            .families
            .first()
            .map(|(name, _)| name.clone())
            .unwrap_or_default();
        (
            face.monospaced,
            !family.contains("Sans"),
            face.weight.0.abs_diff(400),
            family,
            face.post_script_name.clone(),
            face.index,
        )
    });

    let mut remaining = characters.clone();
    let mut chosen = Vec::new();
    while !remaining.is_empty() && chosen.len() < MAX_FALLBACKS {
        let mut best: Option<(usize, fontdb::ID)> = None;
        for face in &candidates {
            let covered = database
                .with_face_data(face.id, |data, index| {
                    let parsed = ttf_parser::Face::parse(data, index).ok()?;
                    has_outlines(&parsed).then(|| {
                        remaining
                            .iter()
                            .filter(|&&c| parsed.glyph_index(c).is_some())
                            .count()
                    })
                })
                .flatten()
                .unwrap_or(0);
            if covered > best.map_or(0, |(count, _)| count) {
                best = Some((covered, face.id));
            }
        }
        let Some((_, id)) = best else { break };
        let name = database
            .face(id)
            .and_then(|face| face.families.first().map(|(name, _)| name.clone()))
            .unwrap_or_else(|| "system font".to_owned());
        let loaded = database
            .with_face_data(id, |data, index| {
                FallbackFont::new(name, data.to_vec(), index)
            })
            .and_then(Result::ok);
        let Some(font) = loaded else { break };
        if let Ok(face) = ttf_parser::Face::parse(&font.data, font.index) {
            remaining.retain(|&c| face.glyph_index(c).is_none());
        }
        chosen.push(font);
    }
    chosen
}

/// A font slot: 0 and 1 are Inter Regular and Bold, 2 onwards the fallbacks in order.
pub type Slot = usize;

/// A character resolved to a font and glyph.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Glyph {
    /// Which font draws it.
    pub slot: Slot,
    /// The glyph id in that font (0, the "missing" box, when no font has the character).
    pub gid: u16,
    /// Advance width in ems.
    pub advance: f32,
}

/// One parsed face.
pub struct Face<'a> {
    /// The parsed tables.
    pub parsed: ttf_parser::Face<'a>,
    /// The font file.
    pub data: &'a [u8],
    /// The face's index in the file.
    pub index: u32,
    /// Its PostScript name, used as the embedded font's name.
    pub postscript_name: String,
    units_per_em: f32,
}

impl<'a> Face<'a> {
    fn parse(data: &'a [u8], index: u32, fallback_name: &str) -> Result<Self, ReportError> {
        let parsed = ttf_parser::Face::parse(data, index)
            .map_err(|error| ReportError::Font(format!("{fallback_name}: {error}")))?;
        let postscript_name = parsed
            .names()
            .into_iter()
            .filter(|name| name.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|name| name.to_string())
            .filter(|name| !name.is_empty() && name.is_ascii())
            .unwrap_or_else(|| {
                fallback_name
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .collect()
            });
        let units_per_em = f32::from(parsed.units_per_em().max(1));
        Ok(Self {
            parsed,
            data,
            index,
            postscript_name,
            units_per_em,
        })
    }

    fn glyph(&self, slot: Slot, c: char) -> Option<Glyph> {
        let gid = self.parsed.glyph_index(c)?;
        Some(self.glyph_by_id(slot, gid.0))
    }

    fn glyph_by_id(&self, slot: Slot, gid: u16) -> Glyph {
        let advance = self
            .parsed
            .glyph_hor_advance(ttf_parser::GlyphId(gid))
            .map_or(0.0, |units| f32::from(units) / self.units_per_em);
        Glyph { slot, gid, advance }
    }
}

/// The bundled faces plus the fallbacks, with a cache of resolved characters and a record of
/// those no font could draw.
pub struct Fonts<'a> {
    faces: Vec<Face<'a>>,
    cache: HashMap<(char, Style), Option<Glyph>>,
    missing: BTreeSet<char>,
    /// Ascender of the body face, in ems.
    pub ascender: f32,
    /// Descender of the body face (positive, below the baseline), in ems.
    pub descender: f32,
}

impl<'a> Fonts<'a> {
    /// Parses the bundled faces and `fallbacks`.
    pub fn new(fallbacks: &'a [FallbackFont]) -> Result<Self, ReportError> {
        let mut faces = vec![
            Face::parse(REGULAR, 0, "Inter-Regular")?,
            Face::parse(BOLD, 0, "Inter-Bold")?,
        ];
        for font in fallbacks {
            faces.push(Face::parse(&font.data, font.index, &font.name)?);
        }
        let body = &faces[0];
        let ascender = f32::from(body.parsed.ascender()) / body.units_per_em;
        let descender = -f32::from(body.parsed.descender()) / body.units_per_em;
        Ok(Self {
            faces,
            cache: HashMap::new(),
            missing: BTreeSet::new(),
            ascender,
            descender,
        })
    }

    /// Every face, indexed by [`Slot`].
    pub fn faces(&self) -> &[Face<'a>] {
        &self.faces
    }

    /// Whether the bundled face of `style` itself has `c` (no fallback).
    pub fn bundled_has(&self, c: char, style: Style) -> bool {
        self.faces[primary(style)].parsed.glyph_index(c).is_some()
    }

    /// The glyph that draws `c` in `style`, or `None` for an invisible formatting character
    /// that no font has (a zero-width joiner, a variation selector): those take no space.
    ///
    /// A visible character that no font has is drawn as the missing-glyph box and recorded,
    /// so the caller can report it.
    pub fn glyph(&mut self, c: char, style: Style) -> Option<Glyph> {
        if let Some(found) = self.cache.get(&(c, style)) {
            return *found;
        }
        let own = primary(style);
        let other = primary(match style {
            Style::Regular => Style::Bold,
            Style::Bold => Style::Regular,
        });
        let found = [own, other]
            .into_iter()
            .chain(2..self.faces.len())
            .find_map(|slot| self.faces[slot].glyph(slot, c));
        let resolved = match found {
            Some(glyph) => Some(glyph),
            None if is_invisible(c) => None,
            None => {
                self.missing.insert(c);
                Some(self.faces[own].glyph_by_id(own, 0))
            }
        };
        self.cache.insert((c, style), resolved);
        resolved
    }

    /// The glyph for `c` in the face of `slot` only, if that face has it.
    pub fn glyph_in(&self, slot: Slot, c: char) -> Option<Glyph> {
        self.faces.get(slot)?.glyph(slot, c)
    }

    /// The characters that were drawn as missing-glyph boxes so far.
    pub fn missing(&self) -> &BTreeSet<char> {
        &self.missing
    }
}

fn primary(style: Style) -> Slot {
    match style {
        Style::Regular => 0,
        Style::Bold => 1,
    }
}

/// Formatting characters that are fine to drop when no font has a glyph for them.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}'                      // soft hyphen
        | '\u{034F}'                    // combining grapheme joiner
        | '\u{200B}'..='\u{200F}'       // zero-width space, joiners, direction marks
        | '\u{202A}'..='\u{202E}'       // bidirectional embedding controls
        | '\u{2060}'..='\u{2064}'       // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}'       // bidirectional isolates
        | '\u{FE00}'..='\u{FE0F}'       // variation selectors
        | '\u{FEFF}'                    // byte order mark
        | '\u{E0100}'..='\u{E01EF}'     // variation selectors supplement
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_fonts_cover_latin_greek_cyrillic_and_marks() {
        let mut fonts = Fonts::new(&[]).unwrap();
        for c in "Zoë Łukasiewicz-Ñúñez Σημείωση Примечание ✓ ✗ · – …".chars()
        {
            let glyph = fonts.glyph(c, Style::Regular).unwrap();
            assert!(glyph.slot == 0, "{c:?}");
            assert!(fonts.glyph(c, Style::Bold).unwrap().slot == 1, "{c:?}");
        }
        assert!(fonts.missing().is_empty());
    }

    #[test]
    fn unknown_characters_are_recorded_and_invisible_ones_dropped() {
        let mut fonts = Fonts::new(&[]).unwrap();
        let glyph = fonts.glyph('日', Style::Regular).unwrap();
        assert_eq!(glyph.gid, 0);
        assert!(glyph.advance > 0.0);
        assert_eq!(fonts.glyph('\u{FE0F}', Style::Regular), None);
        assert_eq!(fonts.missing().iter().collect::<String>(), "日");
    }

    #[test]
    fn fallback_fonts_must_have_outlines() {
        assert!(FallbackFont::new("junk", vec![0; 64], 0).is_err());
        assert!(FallbackFont::new("Inter", REGULAR.to_vec(), 0).is_ok());
    }
}
