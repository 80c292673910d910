//! Colours and type shared with the PDF (see `../shared/DESIGN.md`): colour carries meaning
//! only — the four recommendations, timer state, errors — and one accent marks selection and
//! focus.
//!
//! Both themes are set here explicitly, every text against its own background at WCAG AA
//! contrast (4.5:1; 3:1 for the focus ring), selected and hovered states included; the test
//! below measures every pair. The DESIGN colours are fills (badges, bars, the current question
//! chip); text in those meanings uses a shade of the same hue that reads on the theme's panel.

use eframe::egui::{self, Color32, Visuals};

use crate::domain::Recommendation;

/// Deep red: "Strong no", over budget, errors (as a fill).
pub const RED: Color32 = Color32::from_rgb(0xB4, 0x23, 0x18);
/// Amber: "No", close to budget (as a fill).
pub const AMBER: Color32 = Color32::from_rgb(0xDC, 0x68, 0x03);
/// Green: "Yes" (as a fill).
pub const GREEN: Color32 = Color32::from_rgb(0x03, 0x98, 0x55);
/// Deep green: "Strong yes" (as a fill).
pub const DEEP_GREEN: Color32 = Color32::from_rgb(0x05, 0x60, 0x3A);
/// The accent: selection, focus, the chosen rubric card.
pub const ACCENT: Color32 = Color32::from_rgb(0x2E, 0x5A, 0xAC);
/// Text on dark fills: the accent, red and deep green.
pub const ON_DARK: Color32 = Color32::WHITE;
/// Text on light fills: amber and green (white on them is under 4.5:1).
pub const ON_LIGHT: Color32 = Color32::from_rgb(0x10, 0x18, 0x28);

/// Body text size in points; the prompt is 1.5× this.
pub const BODY: f32 = 14.0;

/// The colours of one theme, beyond what egui's visuals hold.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Errors and "over budget" as text.
    pub red: Color32,
    /// Warnings and "close to budget" as text.
    pub amber: Color32,
    /// Success as text.
    pub green: Color32,
    /// The accent as text or a thin line on the panel (links, the chosen card, focus).
    pub accent: Color32,
}

/// The dark theme's palette.
pub const DARK: Palette = Palette {
    red: Color32::from_rgb(0xFD, 0xA2, 0x9B),
    amber: Color32::from_rgb(0xFE, 0xC8, 0x4B),
    green: Color32::from_rgb(0x6C, 0xE9, 0xA6),
    accent: Color32::from_rgb(0x84, 0xAD, 0xFF),
};

/// The light theme's palette.
pub const LIGHT: Palette = Palette {
    red: Color32::from_rgb(0xB4, 0x23, 0x18),
    amber: Color32::from_rgb(0x93, 0x37, 0x0D),
    green: Color32::from_rgb(0x05, 0x60, 0x3A),
    accent: ACCENT,
};

/// The palette of the theme `visuals` belong to.
pub fn palette(visuals: &Visuals) -> Palette {
    if visuals.dark_mode { DARK } else { LIGHT }
}

/// The palette of the theme `ui` is drawn in.
pub fn colours(ui: &egui::Ui) -> Palette {
    palette(ui.visuals())
}

/// The colour of a recommendation's badge.
pub fn recommendation_colour(recommendation: Recommendation) -> Color32 {
    match recommendation {
        Recommendation::StrongNo => RED,
        Recommendation::No => AMBER,
        Recommendation::Yes => GREEN,
        Recommendation::StrongYes => DEEP_GREEN,
    }
}

/// The text colour that reads on `fill` (one of the DESIGN fills).
pub fn text_on(fill: Color32) -> Color32 {
    if contrast(ON_DARK, fill) >= contrast(ON_LIGHT, fill) {
        ON_DARK
    } else {
        ON_LIGHT
    }
}

/// Timer colour: normal below 80 % of the budget, amber from 80 %, red over budget.
pub fn timer_colour(ui: &egui::Ui, seconds: u64, budget_minutes: u32) -> Color32 {
    let budget = u64::from(budget_minutes) * 60;
    let palette = colours(ui);
    if budget > 0 && seconds > budget {
        palette.red
    } else if budget > 0 && seconds * 5 >= budget * 4 {
        palette.amber
    } else {
        ui.visuals().text_color()
    }
}

/// Relative luminance of an sRGB colour (WCAG 2.x).
pub fn luminance(colour: Color32) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(colour.r()) + 0.7152 * channel(colour.g()) + 0.0722 * channel(colour.b())
}

/// WCAG contrast ratio between two opaque colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    let (light, dark) = if a > b { (a, b) } else { (b, a) };
    (light + 0.05) / (dark + 0.05)
}

fn grey(value: u8) -> Color32 {
    Color32::from_gray(value)
}

/// Onsite's dark theme: egui's, with text, widget and selection colours that pass AA.
pub fn dark_visuals() -> Visuals {
    let mut visuals = Visuals::dark();
    let text = Color32::from_rgb(0xE4, 0xE7, 0xEC);
    visuals.override_text_color = None;
    visuals.weak_text_color = Some(Color32::from_rgb(0xA8, 0xB0, 0xBD));
    visuals.panel_fill = grey(0x1C);
    visuals.window_fill = grey(0x22);
    visuals.extreme_bg_color = grey(0x12);
    visuals.faint_bg_color = grey(0x24);
    visuals.code_bg_color = grey(0x30);
    visuals.hyperlink_color = DARK.accent;
    visuals.warn_fg_color = DARK.amber;
    visuals.error_fg_color = DARK.red;
    let widgets = &mut visuals.widgets;
    widgets.noninteractive.fg_stroke.color = text;
    widgets.noninteractive.bg_fill = grey(0x1C);
    widgets.noninteractive.weak_bg_fill = grey(0x1C);
    for (state, fill, fg) in [
        (&mut widgets.inactive, grey(0x3A), text),
        (&mut widgets.hovered, grey(0x4A), Color32::WHITE),
        (&mut widgets.active, grey(0x5C), Color32::WHITE),
        (&mut widgets.open, grey(0x30), text),
    ] {
        state.bg_fill = fill;
        state.weak_bg_fill = fill;
        state.fg_stroke.color = fg;
    }
    visuals.selection.bg_fill = ACCENT;
    visuals.selection.stroke = egui::Stroke::new(1.0, ON_DARK);
    visuals.text_cursor.stroke.color = DARK.accent;
    visuals
}

/// Onsite's light theme: DESIGN's ink on a light panel, selection as a tint of the accent.
pub fn light_visuals() -> Visuals {
    let mut visuals = Visuals::light();
    let text = ON_LIGHT;
    visuals.override_text_color = None;
    visuals.weak_text_color = Some(Color32::from_rgb(0x47, 0x54, 0x67));
    visuals.panel_fill = grey(0xF8);
    visuals.window_fill = grey(0xFC);
    visuals.extreme_bg_color = Color32::WHITE;
    visuals.faint_bg_color = grey(0xF0);
    visuals.code_bg_color = grey(0xE8);
    visuals.hyperlink_color = LIGHT.accent;
    visuals.warn_fg_color = LIGHT.amber;
    visuals.error_fg_color = LIGHT.red;
    let widgets = &mut visuals.widgets;
    widgets.noninteractive.fg_stroke.color = text;
    widgets.noninteractive.bg_fill = grey(0xF8);
    widgets.noninteractive.weak_bg_fill = grey(0xF8);
    for (state, fill, fg) in [
        (&mut widgets.inactive, grey(0xE4), text),
        (&mut widgets.hovered, grey(0xD6), Color32::BLACK),
        (&mut widgets.active, grey(0xBE), Color32::BLACK),
        (&mut widgets.open, grey(0xE8), text),
    ] {
        state.bg_fill = fill;
        state.weak_bg_fill = fill;
        state.fg_stroke.color = fg;
    }
    visuals.selection.bg_fill = Color32::from_rgb(0xD5, 0xE1, 0xF7);
    visuals.selection.stroke = egui::Stroke::new(1.0, Color32::from_rgb(0x1B, 0x3A, 0x73));
    visuals.text_cursor.stroke.color = ACCENT;
    visuals
}

/// Applies Onsite's spacing, type and both themes' colours.
pub fn install(ctx: &egui::Context) {
    ctx.set_visuals_of(egui::Theme::Dark, dark_visuals());
    ctx.set_visuals_of(egui::Theme::Light, light_visuals());
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(10.0, 4.0);
        style.spacing.interact_size.y = 24.0;
        for (text_style, size) in [
            (egui::TextStyle::Body, BODY),
            (egui::TextStyle::Button, BODY),
            (egui::TextStyle::Monospace, BODY - 1.0),
            (egui::TextStyle::Small, BODY - 2.0),
            (egui::TextStyle::Heading, BODY * 1.45),
        ] {
            if let Some(font) = style.text_styles.get_mut(&text_style) {
                font.size = size;
            }
        }
    });
    // Zoom is handled by our own shortcuts so that Ctrl+0 can clear a rating.
    ctx.options_mut(|options| options.zoom_with_keyboard = false);
    // Notes in any script: the bundled fonts come first, and a character they lack is drawn
    // with an installed font that has it. The provider reads the system's font list on its
    // own thread as soon as it is made, so the window never waits for it at start-up, and
    // typing waits at most once, for the first such character of a script.
    ctx.add_font_provider(std::sync::Arc::new(
        egui_system_font_provider::SystemFontProvider::new(),
    ));
}

/// Draws a clearly visible ring around the widget that has the keyboard, in every theme, so
/// the interviewer can always see what Space or Enter will press.
pub fn focus_ring(ctx: &egui::Context) {
    let Some(id) = ctx.memory(|memory| memory.focused()) else {
        return;
    };
    let Some(response) = ctx.read_response(id) else {
        return;
    };
    let colour = match ctx.theme() {
        egui::Theme::Dark => DARK.accent,
        egui::Theme::Light => LIGHT.accent,
    };
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("focus-ring"),
    ));
    painter.rect_stroke(
        response.rect.expand(2.0),
        4.0,
        egui::Stroke::new(2.0, colour),
        egui::StrokeKind::Outside,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair of text and background the window draws, named for the failure message.
    fn pairs(visuals: &Visuals) -> Vec<(&'static str, Color32, Color32, f64)> {
        let palette = palette(visuals);
        let text = visuals.text_color();
        let weak = visuals.weak_text_color();
        let w = &visuals.widgets;
        let mut pairs = vec![
            ("text on panel", text, visuals.panel_fill, 4.5),
            ("text on window", text, visuals.window_fill, 4.5),
            ("text in a field", text, visuals.extreme_bg_color, 4.5),
            ("text on a striped row", text, visuals.faint_bg_color, 4.5),
            ("weak text on panel", weak, visuals.panel_fill, 4.5),
            ("weak text in a field", weak, visuals.extreme_bg_color, 4.5),
            ("weak text on window", weak, visuals.window_fill, 4.5),
            (
                "link on panel",
                visuals.hyperlink_color,
                visuals.panel_fill,
                4.5,
            ),
            (
                "selected item",
                visuals.selection.stroke.color,
                visuals.selection.bg_fill,
                4.5,
            ),
            (
                "selected text in a field",
                text,
                visuals.selection.bg_fill,
                4.5,
            ),
            ("red text", palette.red, visuals.panel_fill, 4.5),
            ("amber text", palette.amber, visuals.panel_fill, 4.5),
            ("green text", palette.green, visuals.panel_fill, 4.5),
            ("accent text", palette.accent, visuals.panel_fill, 4.5),
            ("focus ring", palette.accent, visuals.panel_fill, 3.0),
            (
                "focus ring in a field",
                palette.accent,
                visuals.extreme_bg_color,
                3.0,
            ),
        ];
        for (name, state) in [
            ("noninteractive", &w.noninteractive),
            ("inactive", &w.inactive),
            ("hovered", &w.hovered),
            ("active", &w.active),
            ("open", &w.open),
        ] {
            pairs.push((name, state.fg_stroke.color, state.bg_fill, 4.5));
            pairs.push((name, state.fg_stroke.color, state.weak_bg_fill, 4.5));
        }
        pairs
    }

    #[test]
    fn every_text_reads_on_its_background_in_both_themes() {
        let mut failures = Vec::new();
        for (theme, visuals) in [("dark", dark_visuals()), ("light", light_visuals())] {
            for (name, fg, bg, needed) in pairs(&visuals) {
                let ratio = contrast(fg, bg);
                if ratio < needed {
                    failures.push(format!("{theme}: {name}: {ratio:.2} < {needed}"));
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn badge_and_chip_text_reads_on_the_design_fills() {
        for fill in [RED, AMBER, GREEN, DEEP_GREEN, ACCENT] {
            let ratio = contrast(text_on(fill), fill);
            assert!(ratio >= 4.5, "{fill:?}: {ratio:.2}");
        }
    }

    #[test]
    fn contrast_is_measured_as_wcag_defines_it() {
        assert!((contrast(Color32::WHITE, Color32::BLACK) - 21.0).abs() < 1e-9);
        assert!((contrast(ACCENT, ACCENT) - 1.0).abs() < 1e-9);
        // #767676 on white is the well-known 4.54:1.
        let ratio = contrast(grey(0x76), Color32::WHITE);
        assert!((ratio - 4.54).abs() < 0.01, "{ratio}");
    }
}
