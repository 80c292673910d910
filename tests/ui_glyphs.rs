//! Every non-ASCII character the window's code uses must exist in the window's fonts, so no
//! button ever shows an empty box instead of its icon.
#![allow(clippy::unwrap_used)]

use eframe::egui;
use egui_kittest::Harness;

const SOURCES: [(&str, &str); 12] = [
    ("app.rs", include_str!("../src/ui/app.rs")),
    ("home.rs", include_str!("../src/ui/home.rs")),
    ("interview.rs", include_str!("../src/ui/interview.rs")),
    ("notices.rs", include_str!("../src/ui/notices.rs")),
    ("plan_builder.rs", include_str!("../src/ui/plan_builder.rs")),
    ("review.rs", include_str!("../src/ui/review.rs")),
    ("settings.rs", include_str!("../src/ui/settings.rs")),
    ("widgets.rs", include_str!("../src/ui/widgets.rs")),
    ("shortcuts.rs", include_str!("../src/ui/shortcuts.rs")),
    ("packs.rs", include_str!("../src/ui/packs.rs")),
    ("pack_editor.rs", include_str!("../src/ui/pack_editor.rs")),
    ("export.rs", include_str!("../src/ui/export.rs")),
];

#[test]
fn every_symbol_in_the_ui_has_a_glyph() {
    let mut harness = Harness::new_ui(|ui| {
        ui.label("x");
    });
    harness.run();
    let font = egui::FontId::proportional(14.0);
    let mut missing = Vec::new();
    for (file, source) in SOURCES {
        for line in source.lines() {
            // Comments are not drawn.
            let code = line.split("//").next().unwrap_or_default();
            for c in code.chars().filter(|c| !c.is_ascii()) {
                if !harness.ctx.fonts_mut(|fonts| fonts.has_glyph(&font, c)) {
                    missing.push(format!("{file}: {c:?} (U+{:04X})", c as u32));
                }
            }
        }
    }
    missing.dedup();
    assert!(missing.is_empty(), "no glyph for: {missing:#?}");
}
