//! Colours and type shared with the PDF (see `../shared/DESIGN.md`): colour carries meaning
//! only — the four recommendations, timer state, errors — and one accent marks focus.

use eframe::egui::{self, Color32};

use crate::domain::Recommendation;

/// Deep red: "Strong no", over budget, errors.
pub const RED: Color32 = Color32::from_rgb(0xB4, 0x23, 0x18);
/// Amber: "No", close to budget.
pub const AMBER: Color32 = Color32::from_rgb(0xDC, 0x68, 0x03);
/// Green: "Yes".
pub const GREEN: Color32 = Color32::from_rgb(0x03, 0x98, 0x55);
/// Deep green: "Strong yes".
pub const DEEP_GREEN: Color32 = Color32::from_rgb(0x05, 0x60, 0x3A);
/// The accent: selection, focus, the chosen rubric card.
pub const ACCENT: Color32 = Color32::from_rgb(0x2E, 0x5A, 0xAC);

/// Body text size in points; the prompt is 1.5× this.
pub const BODY: f32 = 14.0;

/// The colour of a recommendation's badge.
pub fn recommendation_colour(recommendation: Recommendation) -> Color32 {
    match recommendation {
        Recommendation::StrongNo => RED,
        Recommendation::No => AMBER,
        Recommendation::Yes => GREEN,
        Recommendation::StrongYes => DEEP_GREEN,
    }
}

/// Timer colour: normal below 80 % of the budget, amber from 80 %, red over budget.
pub fn timer_colour(ui: &egui::Ui, seconds: u64, budget_minutes: u32) -> Color32 {
    let budget = u64::from(budget_minutes) * 60;
    if budget > 0 && seconds > budget {
        RED
    } else if budget > 0 && seconds * 5 >= budget * 4 {
        AMBER
    } else {
        ui.visuals().text_color()
    }
}

/// Applies Onsite's spacing and accent to both themes.
pub fn install(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(10.0, 4.0);
        style.spacing.interact_size.y = 24.0;
        for (text_style, size) in [
            (egui::TextStyle::Body, BODY),
            (egui::TextStyle::Button, BODY),
            (egui::TextStyle::Monospace, BODY - 1.0),
            (egui::TextStyle::Small, BODY - 3.0),
            (egui::TextStyle::Heading, BODY * 1.45),
        ] {
            if let Some(font) = style.text_styles.get_mut(&text_style) {
                font.size = size;
            }
        }
        style.visuals.selection.bg_fill = ACCENT;
        style.visuals.hyperlink_color = ACCENT;
    });
    // Zoom is handled by our own shortcuts so that Ctrl+0 can clear a rating.
    ctx.options_mut(|options| options.zoom_with_keyboard = false);
}
