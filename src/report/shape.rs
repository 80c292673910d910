//! Shaping: a run of text in one face, script and direction becomes positioned glyphs.
//!
//! harfrust (the Rust port of HarfBuzz that egui already brings in) does the work: Arabic
//! joining and ligatures, Indic reordering, Thai and Hebrew mark placement, kerning, standard
//! ligatures and mirrored brackets in right-to-left text. allsorts, which printpdf brings in,
//! shapes too, but covers fewer scripts and has no shaping plans to reuse; harfrust follows
//! HarfBuzz release by release.
//!
//! Shaped runs are cached by face, script, direction and text, since a report repeats the same
//! labels, key points and headings many times.

use std::collections::HashMap;
use std::sync::Arc;

use harfrust::{Direction, Feature, ShapeOptions, ShapePlan, Tag, UnicodeBuffer};
use unicode_script::Script;

use super::fonts::{Fonts, REGULAR_SLOT, Slot};

/// One shaped glyph, in ems of the type size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShapedGlyph {
    /// Glyph id in the face.
    pub gid: u16,
    /// Byte offset in the run's text of the first character this glyph belongs to.
    pub cluster: u32,
    /// How far the pen moves after it.
    pub advance: f32,
    /// Horizontal shift of the glyph from the pen.
    pub x_offset: f32,
    /// Vertical shift of the glyph, upwards.
    pub y_offset: f32,
    /// Whether breaking the line just before this glyph would change the shaping.
    pub unsafe_to_break: bool,
}

/// The features set on every run: kerning and standard ligatures (HarfBuzz turns them on by
/// default; naming them keeps that choice visible).
fn features() -> [Feature; 2] {
    [
        Feature::new(Tag::new(b"kern"), 1, ..),
        Feature::new(Tag::new(b"liga"), 1, ..),
    ]
}

type PlanKey = (Slot, Script, bool);

/// Shaping plans and shaped runs of one export.
#[derive(Default)]
pub struct Cache {
    plans: HashMap<PlanKey, ShapePlan>,
    runs: HashMap<PlanKey, HashMap<Box<str>, Arc<[ShapedGlyph]>>>,
}

impl Fonts<'_> {
    /// `text` shaped in the face of `slot`, in `script`, right to left when `rtl`; the glyphs
    /// come in drawing order (left to right), so a right-to-left run's first glyph is its last
    /// character.
    pub fn shape(
        &mut self,
        slot: Slot,
        text: &str,
        script: Script,
        rtl: bool,
    ) -> Arc<[ShapedGlyph]> {
        let key = (slot, script, rtl);
        if let Some(hit) = self.cache.runs.get(&key).and_then(|runs| runs.get(text)) {
            return Arc::clone(hit);
        }
        // The face and the cache are separate fields, so the face can be read while the cache
        // takes the new plan and run.
        let face = self.faces.get(slot).unwrap_or(&self.faces[REGULAR_SLOT]);
        let shaper = face.shaper_data.shaper(&face.shaping).build();
        let direction = if rtl {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        };
        let hb_script = <[u8; 4]>::try_from(script.short_name().as_bytes())
            .ok()
            .and_then(|tag| harfrust::Script::from_iso15924_tag(Tag::new(&tag)));
        let language = match script {
            Script::Han | Script::Hiragana | Script::Katakana | Script::Bopomofo => {
                self.han.clone()
            }
            _ => None,
        };
        let features = features();
        let plan = self.cache.plans.entry(key).or_insert_with(|| {
            ShapePlan::new(&shaper, direction, hb_script, language.as_ref(), &features)
        });
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(direction);
        if let Some(hb_script) = hb_script {
            buffer.set_script(hb_script);
        }
        if let Some(language) = language {
            buffer.set_language(language);
        }
        // Joiners and variation selectors get no glyph at all (rather than an invisible
        // space), so each glyph stands for something visible.
        buffer.set_flags(
            harfrust::BufferFlags::BEGINNING_OF_TEXT
                | harfrust::BufferFlags::END_OF_TEXT
                | harfrust::BufferFlags::REMOVE_DEFAULT_IGNORABLES,
        );
        let output = shaper.shape(
            buffer,
            ShapeOptions::new().plan(Some(plan)).features(&features),
        );
        let per_em = face.units_per_em;
        let glyphs: Arc<[ShapedGlyph]> = output
            .glyph_infos()
            .iter()
            .zip(output.glyph_positions())
            .map(|(info, position)| ShapedGlyph {
                // A face has at most 65 535 glyphs; anything else is the missing glyph.
                gid: u16::try_from(info.glyph_id).unwrap_or(0),
                cluster: info.cluster,
                advance: position.x_advance as f32 / per_em,
                x_offset: position.x_offset as f32 / per_em,
                y_offset: position.y_offset as f32 / per_em,
                unsafe_to_break: info.unsafe_to_break(),
            })
            .collect();
        self.cache
            .runs
            .entry(key)
            .or_default()
            .insert(text.into(), Arc::clone(&glyphs));
        glyphs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_is_kerned_and_ligated() {
        let mut fonts = Fonts::new(&[]).unwrap();
        let face = fonts.face(REGULAR_SLOT);
        let nominal = |text: &str| -> f32 {
            text.chars()
                .map(|c| face.advance(face.glyph_of(c).unwrap()))
                .sum()
        };
        let (plain_av, plain_fi) = (nominal("AV"), nominal("fi"));
        let av = fonts.shape(REGULAR_SLOT, "AV", Script::Latin, false);
        let shaped_av: f32 = av.iter().map(|g| g.advance).sum();
        assert!(shaped_av < plain_av - 0.01, "AV is kerned closer");
        let fi = fonts.shape(REGULAR_SLOT, "fi", Script::Latin, false);
        // Inter draws "fi" with one ligature glyph, or at least not wider than the letters.
        let shaped_fi: f32 = fi.iter().map(|g| g.advance).sum();
        assert!(fi.len() == 1 || shaped_fi <= plain_fi + 1e-4);
        // The cache gives the same glyphs back.
        assert_eq!(fonts.shape(REGULAR_SLOT, "AV", Script::Latin, false), av);
    }

    #[test]
    fn brackets_are_mirrored_right_to_left() {
        let mut fonts = Fonts::new(&[]).unwrap();
        let open = fonts.face(REGULAR_SLOT).glyph_of('(').unwrap();
        let close = fonts.face(REGULAR_SLOT).glyph_of(')').unwrap();
        let glyphs = fonts.shape(REGULAR_SLOT, "(", Script::Hebrew, true);
        assert_eq!(glyphs[0].gid, close);
        let glyphs = fonts.shape(REGULAR_SLOT, "(", Script::Latin, false);
        assert_eq!(glyphs[0].gid, open);
    }
}
