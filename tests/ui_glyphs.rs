//! Every non-ASCII character the window's code uses must exist in the window's fonts, so no
//! button ever shows an empty box instead of its icon.
#![allow(clippy::unwrap_used)]

mod common;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

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

/// Whether some installed font has a glyph for `c` (the test below needs one per script).
fn installed_font_has(c: char) -> bool {
    let mut database = fontdb::Database::new();
    database.load_system_fonts();
    database.faces().any(|face| {
        database
            .with_face_data(face.id, |data, index| {
                ttf_parser::Face::parse(data, index)
                    .ok()
                    .and_then(|face| face.glyph_index(c))
                    .is_some()
            })
            .unwrap_or(false)
    })
}

/// Chinese and Hebrew typed into the interview notes are drawn with an installed font that
/// has them, found while the interview runs, not shown as empty boxes.
#[test]
fn notes_in_chinese_and_hebrew_are_drawn_with_an_installed_font() {
    let needed = ['用', 'ש'];
    if let Some(c) = needed.iter().find(|c| !installed_font_has(**c)) {
        eprintln!(
            "skipped: no installed font draws {c:?}; install e.g. fonts-noto-cjk and fonts-noto-core to run this test"
        );
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let path = common::saved_in_progress(home.path());
    let library = onsite::storage::Library::open(home.path()).unwrap();
    let app = onsite::ui::OnsiteApp::new(Some(library), Default::default());
    let mut harness = common::window(app);
    harness
        .state_mut()
        .push(onsite::ui::action::RecordAction::Resume(path));
    harness.run();
    harness
        .get_by_label("Question notes")
        .type_text(" 用幂等键 — שלום");
    harness.run();
    let notes = &common::open_evaluation(&harness).answers[0].notes;
    assert!(notes.ends_with(" 用幂等键 — שלום"), "{notes:?}");
    let font = egui::FontId::proportional(14.0);
    for c in needed {
        assert!(
            harness.ctx.fonts_mut(|fonts| fonts.has_glyph(&font, c)),
            "no glyph for {c:?} in the window's fonts"
        );
    }
}

/// The bundled window icon is a PNG eframe can read.
#[test]
fn the_window_icon_decodes() {
    let icon = eframe::icon_data::from_png_bytes(onsite::ui::ICON).unwrap();
    assert_eq!((icon.width, icon.height), (256, 256));
    assert_eq!(icon.rgba.len(), 256 * 256 * 4);
}
