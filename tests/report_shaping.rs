//! Text shaping in the PDF, checked on glyph ids: each script with the small font subset it
//! needs from `tests/fonts/`, so no system font is involved.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use onsite::domain::{Answer, Evaluation, Question};
use onsite::report::{self, FallbackFont, Layout, ReportOptions, TextLine};

/// A one-question evaluation.
fn built() -> Evaluation {
    let mut evaluation = Evaluation::new("Ana Kovačević", "Staff Engineer");
    let mut question = Question::new("q0", "How would you cache the catalogue?", 10);
    question.key_points = vec!["Names the trade-offs".into()];
    evaluation.answers.push(Answer::new(question, None));
    evaluation
}

/// The scripts the shaping tests use, each with the font subset that draws it.
fn script_fonts() -> Vec<FallbackFont> {
    [
        "NotoSansDevanagari-Subset.ttf",
        "NotoSansArabic-Subset.ttf",
        "NotoSansThai-Subset.ttf",
        "NotoSansHebrew-Subset.ttf",
        "NotoSansCJKsc-Subset.otf",
    ]
    .into_iter()
    .map(common::test_font)
    .collect()
}

/// An evaluation whose first answer has `notes`, laid out with the script fonts.
fn laid_out_notes(notes: &str) -> (Evaluation, ReportOptions, Layout) {
    let mut evaluation = built();
    evaluation.answers[0].notes = notes.to_owned();
    let options = ReportOptions {
        fallback_fonts: script_fonts(),
        ..ReportOptions::default()
    };
    let layout = report::layout(&evaluation, &options).unwrap();
    assert!(
        layout.missing_characters.is_empty(),
        "{:?}",
        layout.missing_characters
    );
    (evaluation, options, layout)
}

/// The glyph `c` has in the test font `file`.
fn cmap_glyph(file: &str, c: char) -> u16 {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fonts")
        .join(file);
    let data = std::fs::read(path).unwrap();
    let face = ttf_parser::Face::parse(&data, 0).unwrap();
    face.glyph_index(c).unwrap().0
}

/// The glyphs of the cluster that starts with the characters `cluster` on the line with
/// `text`, in drawing order.
fn cluster_glyphs(
    layout: &Layout,
    text: &str,
    cluster: &str,
) -> Vec<onsite::report::layout::PlacedGlyph> {
    let line = common::line_with(layout, text);
    let start = line.text.find(cluster).unwrap() as u32;
    line.runs
        .iter()
        .flat_map(|run| run.glyphs.iter().copied())
        .filter(|glyph| glyph.start == start)
        .collect()
}

#[test]
fn devanagari_vowel_sign_i_is_drawn_before_its_consonant() {
    let (_, _, layout) = laid_out_notes("कैशिंग हिंदी में नोट्स");
    let sha = cmap_glyph("NotoSansDevanagari-Subset.ttf", 'श');
    let glyphs = cluster_glyphs(&layout, "कैशिंग", "शि");
    assert!(glyphs.len() >= 2, "{glyphs:?}");
    let consonant = glyphs.iter().find(|glyph| glyph.gid == sha).unwrap();
    // The vowel sign ि is typed after श and drawn to its left.
    let leftmost = glyphs.iter().min_by(|a, b| a.x.total_cmp(&b.x)).unwrap();
    assert_ne!(leftmost.gid, sha);
    assert!(leftmost.x < consonant.x);
    // The cluster covers श, ि and the nasal sign ं: one unit for line breaking and copying.
    let line = common::line_with(&layout, "कैशिंग");
    assert_eq!(
        &line.text[glyphs[0].start as usize..glyphs[0].end as usize],
        "शिं"
    );
}

#[test]
fn arabic_lam_alef_is_one_ligature_glyph_and_persian_letters_join() {
    let (_, _, layout) = laid_out_notes("لا السلام عليكم\n\nپژوهش گسترده");
    let font = "NotoSansArabic-Subset.ttf";
    let glyphs = cluster_glyphs(&layout, "لا السلام", "لا");
    assert_eq!(glyphs.len(), 1, "{glyphs:?}");
    assert_ne!(glyphs[0].gid, cmap_glyph(font, 'ل'));
    assert_ne!(glyphs[0].gid, cmap_glyph(font, 'ا'));
    let line = common::line_with(&layout, "لا السلام");
    assert_eq!(glyphs[0].end - glyphs[0].start, "لا".len() as u32);
    // Peh starts a word, so it takes its initial form, not the isolated one.
    let peh = cluster_glyphs(&layout, "پژوهش", "پ");
    assert_ne!(peh[0].gid, cmap_glyph(font, 'پ'));
    assert!(line.x > layout.margin, "right-aligned");
}

#[test]
fn thai_marks_are_stacked_over_their_consonant() {
    let (_, _, layout) = laid_out_notes("ที่นี่ น้ำ");
    let font = "NotoSansThai-Subset.ttf";
    let glyphs = cluster_glyphs(&layout, "ที่นี่", "ที่");
    assert_eq!(glyphs.len(), 3, "{glyphs:?}");
    let base = glyphs
        .iter()
        .find(|g| g.gid == cmap_glyph(font, 'ท'))
        .unwrap();
    let vowel = glyphs
        .iter()
        .find(|g| g.start == base.start && g.gid != base.gid && g.gid != glyphs[2].gid)
        .unwrap();
    let tone = &glyphs[2];
    // Both marks sit over the consonant, not after it…
    for mark in [vowel, tone] {
        assert!(mark.x < base.x + base.advance, "{mark:?} after {base:?}");
        assert!(mark.advance.abs() < 1e-3, "marks take no room");
    }
    // …and the tone mark goes above the vowel: raised, or swapped for a higher glyph.
    let plain_tone = cmap_glyph(font, '\u{0E48}');
    assert!(
        tone.rise > vowel.rise + 0.5 || tone.gid != plain_tone,
        "{tone:?}"
    );
}

#[test]
fn a_chinese_run_after_a_latin_label_breaks_between_ideographs() {
    let chinese = "缓存一致性和延迟问题很重要说明候选人理解分布式系统".repeat(3);
    let (_, _, layout) = laid_out_notes(&format!("Summary: {chinese}"));
    let lines: Vec<&TextLine> = layout
        .pages
        .iter()
        .flat_map(|page| page.lines())
        .filter(|line| line.text.contains('缓') || line.text.starts_with("Summary"))
        .collect();
    assert!(lines.len() >= 2);
    // The label keeps ideographs on its line instead of standing alone…
    assert!(
        lines[0].text.starts_with("Summary: 缓存"),
        "{:?}",
        lines[0].text
    );
    // …and the line is full: it breaks between two ideographs, close to the right margin.
    let right = layout.width - layout.margin;
    assert!(lines[0].right() > right - 12.0, "{}", lines[0].right());
    let joined: String = lines.iter().map(|line| line.text.as_str()).collect();
    assert_eq!(joined, format!("Summary: {chinese}"));
}

#[test]
fn a_url_is_kept_whole_and_is_a_link() {
    let url = "https://status.example.com/checkout-service/latency-dashboard/p99?region=eu-west&window=30d&compare=previous-week&team=payments-platform";
    let (evaluation, options, layout) =
        laid_out_notes(&format!("Dashboard: {url} (shared in chat)"));
    let lines: Vec<&TextLine> = layout
        .pages
        .iter()
        .flat_map(|page| page.lines())
        .filter(|line| !line.links.is_empty())
        .collect();
    assert!(lines.len() >= 2, "long enough to need two lines");
    let joined: String = lines.iter().map(|line| line.text.as_str()).collect();
    assert!(joined.contains(url));
    for line in &lines[..lines.len() - 1] {
        // Cut only after a separator, never at a hyphen, and nothing added.
        assert!(line.text.ends_with(['/', '?', '&', '=']), "{:?}", line.text);
    }
    assert!(
        lines
            .iter()
            .flat_map(|line| &line.links)
            .all(|link| link.target == url)
    );

    // In the file: a link annotation per line, each opening the whole address.
    let output = report::pdf(&evaluation, &options).unwrap();
    let document = lopdf::Document::load_mem(&output.bytes).unwrap();
    let mut targets = Vec::new();
    for (_, page) in document.get_pages() {
        let page = document.get_dictionary(page).unwrap();
        let Ok(annotations) = page.get(b"Annots").and_then(|a| a.as_array()) else {
            continue;
        };
        for annotation in annotations {
            let annotation = match annotation {
                lopdf::Object::Reference(id) => document.get_dictionary(*id).unwrap(),
                lopdf::Object::Dictionary(dictionary) => dictionary,
                _ => continue,
            };
            let action = annotation.get(b"A").unwrap().as_dict().unwrap();
            let uri = action.get(b"URI").unwrap().as_str().unwrap();
            targets.push(String::from_utf8(uri.to_vec()).unwrap());
        }
    }
    assert_eq!(targets.len(), lines.len());
    assert!(targets.iter().all(|target| target == url));
}

#[test]
fn copied_text_is_the_typed_text_in_every_script() {
    let samples = [
        "Zoë Łukasiewicz, Σημείωση, Примечание",
        "कैशिंग हिंदी में नोट्स",
        "لا السلام عليكم",
        "پژوهش گسترده",
        "ที่นี่ น้ำ",
        "שלום עולם",
        "缓存一致性和延迟问题很重要",
        "キャッシュの整合性",
        "캐시 일관성",
        "Great answer 👍 🚀",
    ];
    let notes = samples.join("\n\n");
    let (evaluation, options, layout) = laid_out_notes(&notes);
    let output = report::pdf(&evaluation, &options).unwrap();
    // printpdf's extractor reads a move of the pen as a space, and marks the font positions
    // over their letter need such moves, so spaces are left out of the comparison. A glyph
    // the shaper adds (Thai ำ is drawn as two) reads as a zero-width space.
    let text = common::squeeze(&common::pdf_pages(&output.bytes).concat()).replace('\u{200B}', "");
    for sample in samples {
        assert!(layout.text().contains(sample), "layout lacks {sample:?}");
        assert!(
            text.contains(&common::squeeze(sample)),
            "copying gives back {sample:?} wrongly:\n{text}"
        );
    }
    assert!(!text.contains('\u{FFFD}'));
}

#[test]
fn emoji_are_drawn_by_the_emoji_font_never_as_boxes() {
    let (_, _, layout) = laid_out_notes("Great answer 👍 🚀 ❤️ ✅");
    let line = common::line_with(&layout, "Great answer");
    let emoji = layout
        .fonts
        .iter()
        .position(|name| name == "Noto Emoji")
        .unwrap();
    let mut drawn_by_emoji: Vec<&str> = line
        .runs
        .iter()
        .filter(|run| run.slot == emoji)
        .flat_map(|run| run.glyphs.iter())
        .map(|glyph| &line.text[glyph.start as usize..glyph.end as usize])
        .filter(|cluster| !cluster.trim().is_empty())
        .collect();
    // A cluster may have more than one glyph (the emoji and its variation selector).
    drawn_by_emoji.dedup();
    assert_eq!(drawn_by_emoji, ["👍", "🚀", "❤️", "✅"]);
    assert!(
        line.runs
            .iter()
            .flat_map(|run| &run.glyphs)
            .all(|glyph| glyph.gid != 0)
    );
}

#[test]
fn the_page_says_how_many_characters_could_not_be_drawn() {
    let mut evaluation = built();
    evaluation.answers[0].notes = "Georgian: ქართ".into();
    let layout = report::layout(&evaluation, &ReportOptions::default()).unwrap();
    let notes: Vec<(usize, &TextLine)> = layout
        .pages
        .iter()
        .enumerate()
        .flat_map(|(index, page)| page.lines().map(move |line| (index, line)))
        .filter(|(_, line)| line.footer && line.text.contains("could not be drawn"))
        .collect();
    assert_eq!(notes.len(), 1);
    assert!(notes[0].1.text.starts_with("4 characters on this page"));
    let page = &layout.pages[notes[0].0];
    assert!(page.lines().any(|line| line.text.contains("ქართ")));
    assert_inside_margins_and_footer_notes(&layout);
}

/// The margins check, with a page allowed a second footer line (the note on missing glyphs).
fn assert_inside_margins_and_footer_notes(layout: &Layout) {
    let bottom = layout.height - layout.margin;
    for page in &layout.pages {
        for line in page.lines().filter(|line| line.footer) {
            assert!(line.top > layout.body_bottom, "{:?}", line.text);
            assert!(line.bottom() <= bottom + 0.05);
            assert!(line.right() <= layout.width - layout.margin + 0.05);
        }
    }
}

#[test]
fn inline_code_in_prompts_is_monospace_without_backticks() {
    let mut evaluation = built();
    evaluation.answers[0].question.prompt =
        "Rename `price` to `price_cents` without downtime.".into();
    let layout = report::layout(&evaluation, &ReportOptions::default()).unwrap();
    let line = common::line_with(&layout, "Rename price to price_cents without downtime.");
    let code = layout.fonts.iter().position(|name| name == "Hack").unwrap();
    let in_code: Vec<&str> = line
        .runs
        .iter()
        .filter(|run| run.slot == code)
        .map(|run| {
            let start = run.glyphs.iter().map(|g| g.start).min().unwrap() as usize;
            let end = run.glyphs.iter().map(|g| g.end).max().unwrap() as usize;
            &line.text[start..end]
        })
        .collect();
    assert_eq!(in_code, ["price", "price_cents"]);
    assert!(!layout.text().contains('`'));
}
