//! The PDF's visual constants, taken from `DESIGN.md`: colours, type sizes and spacing.

use crate::domain::Recommendation;

/// An sRGB colour with components in 0–1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Colour {
    /// Red.
    pub r: f32,
    /// Green.
    pub g: f32,
    /// Blue.
    pub b: f32,
}

impl Colour {
    /// A colour from its `0xRRGGBB` value.
    pub const fn hex(value: u32) -> Self {
        Self {
            r: ((value >> 16) & 0xff) as f32 / 255.0,
            g: ((value >> 8) & 0xff) as f32 / 255.0,
            b: (value & 0xff) as f32 / 255.0,
        }
    }
}

/// Body text.
pub const TEXT: Colour = Colour::hex(0x101828);
/// Labels, captions, the footer and other secondary text.
pub const SECONDARY: Colour = Colour::hex(0x475467);
/// Thin rules between sections and table rows.
pub const RULE: Colour = Colour::hex(0xD0D5DD);
/// The empty part of a competency bar.
pub const TRACK: Colour = Colour::hex(0xEAECF0);
/// The filled part of a competency bar: neutral, because colour is kept for meaning.
pub const BAR: Colour = Colour::hex(0x475467);
/// Links (web addresses), the one accent colour.
pub const ACCENT: Colour = Colour::hex(0x2E5AAC);
/// Errors and warnings: a broken seal (the Strong no red, which DESIGN keeps for errors too).
pub const ERROR: Colour = Colour::hex(0xB42318);
/// Text on a coloured badge.
pub const WHITE: Colour = Colour::hex(0xFFFFFF);

/// The badge colour of a recommendation.
pub fn recommendation_colour(recommendation: Recommendation) -> Colour {
    match recommendation {
        Recommendation::StrongNo => Colour::hex(0xB42318),
        Recommendation::No => Colour::hex(0xDC6803),
        Recommendation::Yes => Colour::hex(0x039855),
        Recommendation::StrongYes => Colour::hex(0x05603A),
    }
}

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;
/// Page margin on every side.
pub const MARGIN: f32 = 18.0 * MM;

/// Document title size.
pub const TITLE_SIZE: f32 = 20.0;
/// Section heading size.
pub const HEADING_SIZE: f32 = 13.5;
/// Question heading size.
pub const QUESTION_SIZE: f32 = 11.5;
/// Body text size.
pub const BODY_SIZE: f32 = 10.0;
/// Size of small text: labels, captions, table cells, rubric anchors.
pub const SMALL_SIZE: f32 = 9.0;
/// Footer size.
pub const FOOTER_SIZE: f32 = 8.0;
/// Line height as a multiple of the type size.
pub const LINE_HEIGHT: f32 = 1.35;

/// Space between a heading and the previous block.
pub const HEADING_GAP: f32 = 20.0;
/// Space between paragraphs.
pub const PARAGRAPH_GAP: f32 = 6.0;
/// Height reserved at the bottom of each page for the footer, including its gap.
pub const FOOTER_BAND: f32 = 22.0;
