//! telraam: count-night companion for Dutch polling stations.
//!
//! The domain lives in the core crate (`crates/telraam-core`), without any terminal,
//! command-line or database code: the election ([`election`]), the count record
//! ([`record`]), counting-mode arithmetic ([`counting`]), the Kiesraad's rules
//! ([`rules`]), the result-file exchange format ([`result_file`]) and the lifecycle
//! ([`lifecycle`]). This crate re-exports them, so `crate::record::...` reads the same
//! everywhere, and adds the workspace database ([`storage`]), the annex's PDF
//! ([`annex`]), the command line ([`cli`]) and the terminal interface ([`tui`]) above
//! them.

pub use telraam_core::{
    aggregate, counting, desk, election, event, form, generate, i18n, lifecycle, paper, printout,
    record, result_file, rules, verification,
};

pub mod annex;
pub mod board;
pub mod cli;
pub mod eml;
pub mod fuzzing;
pub mod settings;
pub mod storage;
pub mod tui;
