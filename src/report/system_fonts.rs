//! Choosing installed fonts for the characters the bundled faces lack.
//!
//! The characters are grouped by script and each group gets the installed face that covers
//! most of it, preferring upright sans-serif text faces near regular weight (they read best
//! next to Inter) and, for Chinese, Japanese and Korean, the face made for the document's
//! language. Whatever is still uncovered then gets further faces, as many as it takes: a
//! character some installed face has is never left out because other faces were found first.

use std::collections::BTreeSet;

use unicode_script::{Script, UnicodeScript};

use super::fonts::{FallbackFont, has_outlines};

/// Which regional forms Han characters (and the punctuation around them) are drawn in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HanVariant {
    /// Simplified Chinese (mainland China, Singapore).
    Simplified,
    /// Traditional Chinese (Taiwan).
    Traditional,
    /// Traditional Chinese as written in Hong Kong.
    HongKong,
    /// Japanese kanji.
    Japanese,
    /// Korean hanja.
    Korean,
}

impl HanVariant {
    /// The variant for a language tag such as `zh-TW`, `zh_CN.UTF-8`, `ja` or `ko-KR`.
    pub fn from_language(tag: &str) -> Option<Self> {
        let tag = tag
            .split(['.', '@'])
            .next()
            .unwrap_or(tag)
            .to_ascii_lowercase();
        let mut parts = tag.split(['-', '_']);
        let language = parts.next().unwrap_or_default();
        let rest: Vec<&str> = parts.collect();
        match language {
            "ja" => Some(Self::Japanese),
            "ko" => Some(Self::Korean),
            "zh" | "yue" => Some(if rest.iter().any(|part| matches!(*part, "hk" | "mo")) {
                Self::HongKong
            } else if rest.iter().any(|part| matches!(*part, "tw" | "hant")) {
                Self::Traditional
            } else {
                Self::Simplified
            }),
            _ => None,
        }
    }

    /// The variant for a document: Japanese when it has kana, Korean when it has hangul,
    /// else what `language` says, else Simplified Chinese.
    pub fn for_text(characters: &BTreeSet<char>, language: Option<&str>) -> Self {
        let has = |script: Script| characters.iter().any(|c| c.script() == script);
        if has(Script::Hiragana) || has(Script::Katakana) {
            Self::Japanese
        } else if has(Script::Hangul) {
            Self::Korean
        } else {
            language
                .and_then(Self::from_language)
                .unwrap_or(Self::Simplified)
        }
    }

    /// The BCP 47 tag text in this variant is shaped with.
    pub fn language_tag(self) -> &'static str {
        match self {
            Self::Simplified => "zh-Hans",
            Self::Traditional => "zh-Hant",
            Self::HongKong => "zh-HK",
            Self::Japanese => "ja",
            Self::Korean => "ko",
        }
    }

    /// The suffix that families made for this variant carry ("Noto Sans CJK SC").
    fn family_suffix(self) -> &'static str {
        match self {
            Self::Simplified => "SC",
            Self::Traditional => "TC",
            Self::HongKong => "HK",
            Self::Japanese => "JP",
            Self::Korean => "KR",
        }
    }
}

/// The user's language from the environment (`LC_ALL`, then `LC_CTYPE`, then `LANG`).
pub fn user_language() -> Option<String> {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty() && value != "C" && value != "POSIX")
}

/// Finds installed fonts that draw `characters`, best match first, with Han forms chosen from
/// the text and the user's locale.
///
/// This is the only part of the report module that reads files: it scans the system font
/// folders. Pass the result in [`ReportOptions::fallback_fonts`](super::ReportOptions).
/// Characters no installed font covers are simply left out of the result.
pub fn system_fallback_fonts(characters: &BTreeSet<char>) -> Vec<FallbackFont> {
    system_fallback_fonts_for(characters, user_language().as_deref())
}

/// [`system_fallback_fonts`] with the document's language given (a tag such as `ja` or
/// `zh-TW`), which decides the Han forms unless the text itself has kana or hangul.
pub fn system_fallback_fonts_for(
    characters: &BTreeSet<char>,
    language: Option<&str>,
) -> Vec<FallbackFont> {
    if characters.is_empty() {
        return Vec::new();
    }
    let mut database = fontdb::Database::new();
    database.load_system_fonts();
    let wanted: Vec<char> = characters.iter().copied().collect();
    let mut candidates = Vec::new();
    for face in database.faces() {
        if face.style != fontdb::Style::Normal {
            continue;
        }
        let coverage = database
            .with_face_data(face.id, |data, index| {
                let parsed = ttf_parser::Face::parse(data, index).ok()?;
                has_outlines(&parsed).then(|| {
                    wanted
                        .iter()
                        .map(|&c| parsed.glyph_index(c).is_some())
                        .collect::<Vec<bool>>()
                })
            })
            .flatten();
        let Some(coverage) = coverage.filter(|covered| covered.contains(&true)) else {
            continue;
        };
        let family = face
            .families
            .first()
            .map(|(name, _)| name.clone())
            .unwrap_or_else(|| face.post_script_name.clone());
        candidates.push((
            face.id,
            Candidate {
                family,
                postscript_name: face.post_script_name.clone(),
                weight_distance: face.weight.0.abs_diff(400),
                monospaced: face.monospaced,
                coverage,
            },
        ));
    }
    let variant = HanVariant::for_text(characters, language);
    let infos: Vec<Candidate> = candidates.iter().map(|(_, c)| c.clone()).collect();
    choose(&infos, &wanted, variant)
        .into_iter()
        .filter_map(|(index, scripts)| {
            let (id, candidate) = candidates.get(index)?;
            database
                .with_face_data(*id, |data, face_index| {
                    FallbackFont::new(candidate.family.clone(), data.to_vec(), face_index)
                })
                .and_then(Result::ok)
                .map(|font| font.preferred_for(scripts))
        })
        .collect()
}

/// An installed face as the choice sees it.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    /// Family name.
    pub family: String,
    /// PostScript name, the last tie-breaker.
    pub postscript_name: String,
    /// How far its weight is from regular (400).
    pub weight_distance: u16,
    /// Whether it is a monospace face.
    pub monospaced: bool,
    /// For each wanted character, whether the face has it.
    pub coverage: Vec<bool>,
}

/// The candidates to use for `wanted`, by index, each with the scripts it was chosen for, in
/// the order they should be tried.
pub(crate) fn choose(
    candidates: &[Candidate],
    wanted: &[char],
    variant: HanVariant,
) -> Vec<(usize, Vec<Script>)> {
    let script_of = |c: char| match c.script() {
        Script::Common | Script::Inherited | Script::Unknown => Script::Common,
        script => script,
    };
    // Scripts with the most characters first; the order of the result is the order of trial.
    let mut scripts: Vec<(Script, usize)> = Vec::new();
    for &c in wanted {
        let script = script_of(c);
        match scripts.iter_mut().find(|(s, _)| *s == script) {
            Some((_, count)) => *count += 1,
            None => scripts.push((script, 1)),
        }
    }
    scripts.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| a.0.short_name().cmp(b.0.short_name()))
    });

    let mut uncovered: Vec<bool> = vec![true; wanted.len()];
    let mut chosen: Vec<(usize, Vec<Script>)> = Vec::new();
    // Each script's characters first, then anything left whatever its script.
    let passes = scripts
        .iter()
        .map(|&(script, _)| Some(script))
        .chain([None]);
    for pass in passes {
        let in_pass = |i: usize| pass.is_none_or(|script| script_of(wanted[i]) == script);
        let suffix = pass.and_then(|script| match script {
            Script::Han | Script::Bopomofo => Some(variant.family_suffix()),
            Script::Hiragana | Script::Katakana => Some("JP"),
            Script::Hangul => Some("KR"),
            _ => None,
        });
        loop {
            let best = candidates
                .iter()
                .enumerate()
                .map(|(index, candidate)| {
                    let covered = (0..wanted.len())
                        .filter(|&i| uncovered[i] && in_pass(i) && candidate.coverage[i])
                        .count();
                    (index, candidate, covered)
                })
                .filter(|&(_, _, covered)| covered > 0)
                .max_by(|a, b| {
                    let made_for = |c: &Candidate| {
                        suffix.is_some_and(|suffix| c.family.ends_with(&format!(" {suffix}")))
                    };
                    // A face named for the script ("Noto Sans Hebrew") is drawn for it; a
                    // broad face (DejaVu Sans) is the fallback's fallback.
                    let named_for = |c: &Candidate| {
                        pass.is_some_and(|script| c.family.contains(script.full_name()))
                    };
                    made_for(a.1)
                        .cmp(&made_for(b.1))
                        .then(a.2.cmp(&b.2))
                        .then_with(|| named_for(a.1).cmp(&named_for(b.1)))
                        .then_with(|| preference(b.1).cmp(&preference(a.1)))
                });
            let Some((index, candidate, _)) = best else {
                break;
            };
            for (i, flag) in uncovered.iter_mut().enumerate() {
                if candidate.coverage[i] {
                    *flag = false;
                }
            }
            let scripts = pass.into_iter().filter(|&script| script != Script::Common);
            match chosen.iter_mut().find(|(i, _)| *i == index) {
                Some((_, known)) => known.extend(scripts),
                None => chosen.push((index, scripts.collect())),
            }
        }
    }
    chosen
}

/// Sort key of a candidate among those that cover equally much: lower is better.
fn preference(candidate: &Candidate) -> (bool, bool, u16, &str, &str) {
    (
        candidate.monospaced,
        !candidate.family.contains("Sans"),
        candidate.weight_distance,
        &candidate.family,
        &candidate.postscript_name,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(family: &str, wanted: &[char], covers: &str) -> Candidate {
        Candidate {
            family: family.to_owned(),
            postscript_name: family.replace(' ', ""),
            weight_distance: 0,
            monospaced: false,
            coverage: wanted.iter().map(|&c| covers.contains(c)).collect(),
        }
    }

    fn names(candidates: &[Candidate], chosen: &[(usize, Vec<Script>)]) -> Vec<String> {
        chosen
            .iter()
            .map(|(i, _)| candidates[*i].family.clone())
            .collect()
    }

    #[test]
    fn a_character_one_face_has_is_never_lost_to_faces_found_first() {
        let wanted: Vec<char> = "日本𝔘𝔫กขअआ".chars().collect();
        let candidates = vec![
            candidate("Noto Sans CJK JP", &wanted, "日本"),
            candidate("Noto Sans Thai", &wanted, "กข"),
            candidate("Noto Sans Devanagari", &wanted, "अआ"),
            candidate("Noto Sans Symbols", &wanted, "ก"),
            candidate("Noto Serif Thai", &wanted, "กข"),
            candidate("DejaVu Sans", &wanted, "กขअआ"),
            candidate("DejaVu Math TeX Gyre", &wanted, "𝔘𝔫"),
        ];
        let chosen = choose(&candidates, &wanted, HanVariant::Japanese);
        let chosen = names(&candidates, &chosen);
        assert!(
            chosen.contains(&"DejaVu Math TeX Gyre".to_owned()),
            "{chosen:?}"
        );
        assert!(chosen.contains(&"Noto Sans Thai".to_owned()));
        assert!(!chosen.contains(&"Noto Serif Thai".to_owned()));
        assert!(!chosen.contains(&"Noto Sans Symbols".to_owned()));
        // Equal coverage: the face named for the script wins over a broad one.
        assert!(chosen.contains(&"Noto Sans Devanagari".to_owned()));
        assert!(!chosen.contains(&"DejaVu Sans".to_owned()));
        assert_eq!(chosen.len(), 4);
    }

    #[test]
    fn han_takes_the_face_made_for_the_language() {
        let wanted: Vec<char> = "缓存，。".chars().collect();
        let all = "缓存，。";
        let candidates: Vec<Candidate> = ["HK", "JP", "KR", "SC", "TC"]
            .iter()
            .map(|suffix| candidate(&format!("Noto Sans CJK {suffix}"), &wanted, all))
            .collect();
        for (variant, expected) in [
            (HanVariant::Simplified, "Noto Sans CJK SC"),
            (HanVariant::Traditional, "Noto Sans CJK TC"),
            (HanVariant::Japanese, "Noto Sans CJK JP"),
            (HanVariant::Korean, "Noto Sans CJK KR"),
        ] {
            let chosen = choose(&candidates, &wanted, variant);
            assert_eq!(names(&candidates, &chosen), [expected], "{variant:?}");
            assert!(chosen[0].1.contains(&Script::Han));
        }
    }

    #[test]
    fn the_variant_follows_the_text_then_the_language() {
        let text = |s: &str| s.chars().collect::<BTreeSet<char>>();
        assert_eq!(
            HanVariant::for_text(&text("漢字とかな"), Some("zh_CN.UTF-8")),
            HanVariant::Japanese
        );
        assert_eq!(
            HanVariant::for_text(&text("한자 漢字"), None),
            HanVariant::Korean
        );
        assert_eq!(
            HanVariant::for_text(&text("漢字"), Some("zh_TW.UTF-8")),
            HanVariant::Traditional
        );
        assert_eq!(
            HanVariant::for_text(&text("漢字"), Some("zh-HK")),
            HanVariant::HongKong
        );
        assert_eq!(
            HanVariant::for_text(&text("汉字"), Some("en_GB.UTF-8")),
            HanVariant::Simplified
        );
    }
}
