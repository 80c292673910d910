//! Any text given to the Markdown and plain-text importers: a pack that validates, or an
//! empty one, never a panic; and what it makes must survive a save and load.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use onsite::domain::QuestionPack;
use onsite::domain::validate::validate_pack;
use onsite::import::{ImportOptions, from_markdown, from_text};
use onsite::storage::{parse, to_ron};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for imported in [
        from_markdown(text, &ImportOptions::default()),
        from_text(text, &ImportOptions::default()),
    ] {
        let problems = validate_pack(&imported.pack);
        assert!(problems.is_empty(), "imported pack is invalid: {problems:?}");
        let written = to_ron(&imported.pack).unwrap_or_default();
        let read = parse::<QuestionPack>(Path::new("fuzz.ron"), &written);
        assert!(read.is_ok(), "imported pack does not load back: {read:?}");
    }
});
