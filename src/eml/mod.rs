//! The Kiesraad's EML_NL: the readers and writers live in the core crate
//! (`telraam_core::eml`); this module adds what touches the workspace directory.

pub use telraam_core::eml::*;

pub mod stored_totals;
