//! Onsite: a native desktop interview assistant.
//!
//! The crate is layered so that each part can be used and tested on its own:
//! - [`domain`]: packs, questions, rubrics, plans, evaluations and scoring — plain data, no I/O.
//! - [`storage`]: RON files, validation with file/line/column errors, the library folder and
//!   atomic saves.
//! - [`import`]: documents (Markdown, plain text) → question packs, with a warning for every
//!   piece of text that could not be placed exactly.
//! - [`search`]: word search over the loaded questions (forms, prefixes, typos, ranking and
//!   the matched words' positions), shared by the window and `onsite search`.
//! - [`ui`]: the egui window, built on the layers above.
//! - [`report`]: a finished evaluation as a PDF or Markdown for the hiring committee.
//! - [`cli`]: the `onsite` subcommands, over the same library functions.

pub mod cli;
pub mod domain;
pub mod import;
pub mod report;
pub mod search;
pub mod storage;
pub mod ui;
