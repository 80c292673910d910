//! The quick RON reader never disagrees with ron: whatever text it accepts, ron accepts too and
//! reads the same value, for every kind of Onsite file.
#![no_main]

use std::fmt::Debug;

use libfuzzer_sys::fuzz_target;
use onsite::domain::{Evaluation, InterviewPlan, QuestionPack};
use onsite::storage::format::ron_only;
use onsite::storage::ron_subset;
use serde::de::DeserializeOwned;

fn agrees<T: DeserializeOwned + PartialEq + Debug>(text: &str) {
    if let Some(quick) = ron_subset::from_str::<T>(text) {
        match ron_only::<T>(text) {
            Ok(reference) => assert_eq!(quick, reference, "different values for {text:?}"),
            Err(error) => panic!("accepted what ron refuses ({error}): {text:?}"),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        agrees::<QuestionPack>(text);
        agrees::<InterviewPlan>(text);
        agrees::<Evaluation>(text);
    }
});
