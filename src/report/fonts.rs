//! Fonts: the bundled faces, optional system fallbacks, and which face draws a piece of text.
//!
//! Every face is parsed twice over the same bytes: by `ttf-parser` for coverage and metrics,
//! and by `harfrust` for shaping (see [`super::shape`]). The bundled faces come first: Inter
//! for body text, Hack for inline code and Noto Emoji for emoji; fallbacks follow in the order
//! given, each one preferred for the scripts it was chosen for.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

use unicode_properties::{EmojiStatus, UnicodeEmoji};
use unicode_script::Script;

/// Inter Regular, the body face (SIL Open Font License, see `assets/fonts/OFL.txt`).
const REGULAR: &[u8] = include_bytes!("../../assets/fonts/Inter-Regular.otf");
/// Inter Bold, for headings, labels and the badge.
const BOLD: &[u8] = include_bytes!("../../assets/fonts/Inter-Bold.otf");
/// Hack, the monospace face for inline code (MIT and Bitstream Vera licences), as egui ships it.
const CODE: &[u8] = epaint_default_fonts::HACK_REGULAR;
/// Noto Emoji, monochrome outlines for emoji (SIL Open Font License), as egui ships it.
const EMOJI: &[u8] = epaint_default_fonts::NOTO_EMOJI_REGULAR;

/// A font slot: an index into [`Fonts::faces`].
pub type Slot = usize;
/// Slot of Inter Regular.
pub const REGULAR_SLOT: Slot = 0;
/// Slot of Inter Bold.
pub const BOLD_SLOT: Slot = 1;
/// Slot of the monospace face.
pub const CODE_SLOT: Slot = 2;
/// Slot of the emoji face.
pub const EMOJI_SLOT: Slot = 3;
/// Slot of the first fallback font.
const FIRST_FALLBACK: Slot = 4;

/// The face a piece of text is set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// Body text.
    Regular,
    /// Headings and emphasis.
    Bold,
    /// Inline code, in the monospace face.
    Code,
}

impl Style {
    /// The bundled face of this style.
    pub fn slot(self) -> Slot {
        match self {
            Style::Regular => REGULAR_SLOT,
            Style::Bold => BOLD_SLOT,
            Style::Code => CODE_SLOT,
        }
    }
}

/// Why a font cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    /// The font file could not be parsed.
    #[error("{name}: {source}")]
    Parse {
        /// The font's name.
        name: String,
        /// What the parser said.
        #[source]
        source: ttf_parser::FaceParsingError,
    },
    /// The shaper could not read the font's tables.
    #[error("{name}: cannot read the font for shaping: {source}")]
    Shaping {
        /// The font's name.
        name: String,
        /// What the reader said.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The face has no outlines a PDF can embed (a bitmap-only colour emoji font).
    #[error("{name}: no TrueType or CFF outlines to embed")]
    NoOutlines {
        /// The font's name.
        name: String,
    },
    /// The font could not be read for subsetting.
    #[error("{name}: cannot read the font for embedding: {source}")]
    Read {
        /// The font's name.
        name: String,
        /// What the reader said.
        #[source]
        source: allsorts::error::ReadWriteError,
    },
    /// The glyphs the document uses could not be cut out of the font.
    #[error("{name}: cannot subset the font: {source}")]
    Subset {
        /// The font's name.
        name: String,
        /// What the subsetter said.
        #[source]
        source: allsorts::subset::SubsetError,
    },
    /// printpdf could not read the subset back.
    #[error("{name}: the font subset cannot be read back")]
    Embed {
        /// The font's name.
        name: String,
    },
}

/// A font used for text the bundled faces lack, e.g. a system font with Chinese.
#[derive(Clone)]
pub struct FallbackFont {
    name: String,
    data: Arc<Vec<u8>>,
    index: u32,
    /// The scripts this font was chosen for: it is tried first for text in them.
    scripts: Vec<Script>,
}

impl fmt::Debug for FallbackFont {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The font program is megabytes of binary: name and size are what helps in a log.
        f.debug_struct("FallbackFont")
            .field("name", &self.name)
            .field("bytes", &self.data.len())
            .field("index", &self.index)
            .field("scripts", &self.scripts)
            .finish()
    }
}

impl FallbackFont {
    /// Wraps face `index` of the font file `data`, checking that it can be measured, shaped
    /// and embedded (TrueType or CFF outlines; bitmap-only faces such as colour emoji are
    /// refused).
    pub fn new(name: impl Into<String>, data: Vec<u8>, index: u32) -> Result<Self, FontError> {
        let name = name.into();
        let face = ttf_parser::Face::parse(&data, index).map_err(|source| FontError::Parse {
            name: name.clone(),
            source,
        })?;
        if !has_outlines(&face) {
            return Err(FontError::NoOutlines { name });
        }
        Ok(Self {
            name,
            data: Arc::new(data),
            index,
            scripts: Vec::new(),
        })
    }

    /// The same font, tried first for text in `scripts`.
    pub fn preferred_for(mut self, scripts: impl IntoIterator<Item = Script>) -> Self {
        self.scripts.extend(scripts);
        self
    }

    /// The font's family name, for messages.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The font file.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// The face's index in its file.
    pub fn index(&self) -> u32 {
        self.index
    }
}

/// Whether a face has outlines a PDF can embed and metrics to measure them by.
pub fn has_outlines(face: &ttf_parser::Face<'_>) -> bool {
    let tables = face.tables();
    tables.hmtx.is_some() && (tables.glyf.is_some() || tables.cff.is_some())
}

/// One parsed face, ready to measure, shape and embed.
pub struct Face<'a> {
    /// The parsed tables, for coverage and metrics.
    pub parsed: ttf_parser::Face<'a>,
    /// The same font for the shaper.
    pub shaping: harfrust::FontRef<'a>,
    /// Cached shaping tables.
    pub shaper_data: harfrust::ShaperData,
    /// The font file.
    pub data: &'a [u8],
    /// The face's index in the file.
    pub index: u32,
    /// Its PostScript name, used as the embedded font's name.
    pub postscript_name: String,
    /// Its family name, for tests and messages.
    pub family: String,
    /// Font units per em.
    pub units_per_em: f32,
    /// Scripts this face is tried first for (fallbacks only).
    scripts: &'a [Script],
}

impl<'a> Face<'a> {
    fn parse(
        data: &'a [u8],
        index: u32,
        name: &str,
        scripts: &'a [Script],
    ) -> Result<Self, FontError> {
        let parsed = ttf_parser::Face::parse(data, index).map_err(|source| FontError::Parse {
            name: name.to_owned(),
            source,
        })?;
        let shaping =
            harfrust::FontRef::from_index(data, index).map_err(|source| FontError::Shaping {
                name: name.to_owned(),
                source: Box::new(source),
            })?;
        let shaper_data = harfrust::ShaperData::new(&shaping);
        let name_of = |id: u16| {
            parsed
                .names()
                .into_iter()
                .filter(|entry| entry.name_id == id)
                .find_map(|entry| entry.to_string())
                .filter(|text| !text.is_empty())
        };
        let postscript_name = name_of(ttf_parser::name_id::POST_SCRIPT_NAME)
            .filter(|text| text.is_ascii())
            .unwrap_or_else(|| name.chars().filter(char::is_ascii_alphanumeric).collect());
        let family = name_of(ttf_parser::name_id::FAMILY).unwrap_or_else(|| name.to_owned());
        let units_per_em = f32::from(parsed.units_per_em().max(1));
        Ok(Self {
            parsed,
            shaping,
            shaper_data,
            data,
            index,
            postscript_name,
            family,
            units_per_em,
            scripts,
        })
    }

    /// Whether the face has a glyph for every visible character of `grapheme`.
    pub fn covers(&self, grapheme: &str) -> bool {
        grapheme
            .chars()
            .all(|c| is_invisible(c) || self.parsed.glyph_index(c).is_some())
    }

    /// The glyph the face's character map gives `c`.
    pub fn glyph_of(&self, c: char) -> Option<u16> {
        self.parsed.glyph_index(c).map(|gid| gid.0)
    }

    /// The width a PDF viewer moves by after glyph `gid`, in thousandths of an em: the font's
    /// advance as printpdf writes it into the `/W` array (truncated to a whole number).
    pub fn pdf_width(&self, gid: u16) -> f32 {
        let units = self
            .parsed
            .glyph_hor_advance(ttf_parser::GlyphId(gid))
            .unwrap_or(0);
        (f32::from(units) * 1000.0 / self.units_per_em).trunc()
    }

    /// The advance width of glyph `gid` in ems, as the font's metrics give it (what a PDF
    /// viewer moves by after drawing it).
    pub fn advance(&self, gid: u16) -> f32 {
        self.parsed
            .glyph_hor_advance(ttf_parser::GlyphId(gid))
            .map_or(0.0, |units| f32::from(units) / self.units_per_em)
    }
}

/// The faces of one export, with the characters no face could draw.
pub struct Fonts<'a> {
    pub(super) faces: Vec<Face<'a>>,
    missing: BTreeSet<char>,
    /// Shaping plans and shaped runs, reused across the document.
    pub(super) cache: super::shape::Cache,
    /// The language Han text is shaped in, so the font's local forms apply.
    pub(super) han: Option<harfrust::Language>,
    /// Ascender of the body face, in ems.
    pub ascender: f32,
    /// Descender of the body face (positive, below the baseline), in ems.
    pub descender: f32,
}

impl<'a> Fonts<'a> {
    /// Parses the bundled faces and `fallbacks`.
    pub fn new(fallbacks: &'a [FallbackFont]) -> Result<Self, FontError> {
        let mut faces = vec![
            Face::parse(REGULAR, 0, "Inter-Regular", &[])?,
            Face::parse(BOLD, 0, "Inter-Bold", &[])?,
            Face::parse(CODE, 0, "Hack-Regular", &[])?,
            Face::parse(EMOJI, 0, "NotoEmoji-Regular", &[])?,
        ];
        for font in fallbacks {
            faces.push(Face::parse(
                &font.data,
                font.index,
                &font.name,
                &font.scripts,
            )?);
        }
        let body = &faces[REGULAR_SLOT];
        let ascender = f32::from(body.parsed.ascender()) / body.units_per_em;
        let descender = -f32::from(body.parsed.descender()) / body.units_per_em;
        Ok(Self {
            faces,
            missing: BTreeSet::new(),
            cache: super::shape::Cache::default(),
            han: None,
            ascender,
            descender,
        })
    }

    /// Every face, indexed by [`Slot`].
    pub fn faces(&self) -> &[Face<'a>] {
        &self.faces
    }

    /// The face in `slot`; slot 0 for a slot out of range, which never happens for slots this
    /// type handed out.
    pub fn face(&self, slot: Slot) -> &Face<'a> {
        self.faces.get(slot).unwrap_or(&self.faces[REGULAR_SLOT])
    }

    /// Whether the bundled face of `style` itself has `c` (no fallback).
    pub fn bundled_has(&self, c: char, style: Style) -> bool {
        self.face(style.slot()).glyph_of(c).is_some()
    }

    /// The face that draws `grapheme` (in `script`) when set in `style`, or `None` when no face
    /// has it.
    ///
    /// Emoji in emoji presentation go to the emoji face first. Otherwise the style's own face
    /// comes first, then the body face (for code), then fallbacks chosen for the script, then
    /// the other fallbacks in order, then the emoji face for symbols only it has.
    pub fn face_for(&self, grapheme: &str, style: Style, script: Script) -> Option<Slot> {
        let own = style.slot();
        // Nearly all text is Latin that Inter has; answer it without the search.
        if grapheme.len() == 1 && style != Style::Code {
            return Some(own);
        }
        let emoji = is_emoji_presentation(grapheme);
        // A monochrome emoji face has no skin tones or family ligatures: it draws the base
        // emoji, which reads better than a box (see `paragraph`, which drops the rest).
        if emoji
            && grapheme
                .chars()
                .next()
                .is_some_and(|first| self.faces[EMOJI_SLOT].glyph_of(first).is_some())
        {
            return Some(EMOJI_SLOT);
        }
        let fallbacks = FIRST_FALLBACK..self.faces.len();
        let for_script = fallbacks
            .clone()
            .filter(|&slot| self.faces[slot].scripts.contains(&script));
        let others = fallbacks.filter(|&slot| !self.faces[slot].scripts.contains(&script));
        let body = (style == Style::Code).then_some(REGULAR_SLOT);
        [own]
            .into_iter()
            .chain(body)
            .chain(for_script)
            .chain(others)
            .chain([EMOJI_SLOT])
            .find(|&slot| self.faces[slot].covers(grapheme))
    }

    /// Records characters drawn as missing-glyph boxes.
    pub fn record_missing(&mut self, text: &str) {
        self.missing.extend(
            text.chars()
                .filter(|&c| !is_invisible(c) && !c.is_whitespace()),
        );
    }

    /// The characters that were drawn as missing-glyph boxes so far.
    pub fn missing(&self) -> &BTreeSet<char> {
        &self.missing
    }
}

/// Whether `grapheme` is an emoji shown as a picture: one whose first character defaults to
/// emoji presentation, or any emoji followed by the emoji variation selector.
pub fn is_emoji_presentation(grapheme: &str) -> bool {
    let mut chars = grapheme.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    match first.emoji_status() {
        EmojiStatus::EmojiPresentation
        | EmojiStatus::EmojiPresentationAndModifierBase
        | EmojiStatus::EmojiPresentationAndEmojiComponent
        | EmojiStatus::EmojiPresentationAndModifierAndEmojiComponent => !first.is_ascii(),
        EmojiStatus::NonEmoji | EmojiStatus::NonEmojiButEmojiComponent => false,
        _ => grapheme.contains('\u{FE0F}'),
    }
}

/// Formatting characters that take no space and need no glyph: joiners, direction marks,
/// variation selectors. A face lacking them still covers the text around them.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}'                      // soft hyphen
        | '\u{034F}'                    // combining grapheme joiner
        | '\u{200B}'..='\u{200F}'       // zero-width space, joiners, direction marks
        | '\u{202A}'..='\u{202E}'       // bidirectional embedding controls
        | '\u{2060}'..='\u{2064}'       // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}'       // bidirectional isolates
        | '\u{FE00}'..='\u{FE0F}'       // variation selectors
        | '\u{FEFF}'                    // byte order mark
        | '\u{E0020}'..='\u{E007F}'     // tag characters (flag sequences)
        | '\u{E0100}'..='\u{E01EF}'     // variation selectors supplement
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_fonts_cover_latin_greek_cyrillic_and_the_marks() {
        let fonts = Fonts::new(&[]).unwrap();
        for grapheme in ["Z", "ë", "Ł", "Σ", "П", "✓", "○", "·", "–", "…", "e\u{301}"]
        {
            assert_eq!(
                fonts.face_for(grapheme, Style::Regular, Script::Latin),
                Some(REGULAR_SLOT),
                "{grapheme:?}"
            );
            assert_eq!(
                fonts.face_for(grapheme, Style::Bold, Script::Latin),
                Some(BOLD_SLOT)
            );
        }
        assert_eq!(
            fonts.face_for("{", Style::Code, Script::Latin),
            Some(CODE_SLOT)
        );
    }

    #[test]
    fn emoji_go_to_the_emoji_face_and_unknown_text_to_none() {
        let fonts = Fonts::new(&[]).unwrap();
        for emoji in ["😀", "🚀", "👍🏽", "❤\u{FE0F}", "✅"] {
            assert_eq!(
                fonts.face_for(emoji, Style::Regular, Script::Common),
                Some(EMOJI_SLOT),
                "{emoji:?}"
            );
        }
        // A digit stays in the body face although it is an emoji component.
        assert!(!is_emoji_presentation("1"));
        assert_eq!(fonts.face_for("日", Style::Regular, Script::Han), None);
    }

    #[test]
    fn fallback_fonts_must_have_outlines() {
        assert!(FallbackFont::new("junk", vec![0; 64], 0).is_err());
        assert!(FallbackFont::new("Inter", REGULAR.to_vec(), 0).is_ok());
    }
}
