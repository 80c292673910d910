//! The plan builder's search lives in [`crate::search`], beside the other layers the window
//! and the command line share; this re-export keeps the window's paths working.

pub use crate::search::*;
