//! Any bytes given as a plan file: refused or accepted, never a panic or a hang.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use onsite::domain::InterviewPlan;
use onsite::storage::format::{decode, parse};

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.ron");
    if let Ok(text) = decode(path, data.to_vec()) {
        let _ = parse::<InterviewPlan>(path, &text);
    }
});
