//! Every non-ASCII character the window's code uses must exist in the window's fonts, so no
//! button ever shows an empty box instead of its icon.
#![allow(clippy::unwrap_used)]

use eframe::egui;
use egui_kittest::Harness;

/// Every Rust file under `src/ui/`, read at test time so a new file is covered without
/// listing it here.
fn ui_sources() -> Vec<(String, String)> {
    fn walk(folder: &std::path::Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path.display().to_string(), text));
            }
        }
    }
    let mut sources = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"),
        &mut sources,
    );
    assert!(sources.len() > 15, "{} files", sources.len());
    sources
}

#[test]
fn every_symbol_in_the_ui_has_a_glyph() {
    let mut harness = Harness::new_ui(|ui| {
        ui.label("x");
    });
    harness.run();
    let font = egui::FontId::proportional(14.0);
    let mut missing = Vec::new();
    for (file, source) in ui_sources() {
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
