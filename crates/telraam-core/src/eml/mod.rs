//! The Kiesraad's EML_NL: 110a (election definition), 110b (polling stations) and
//! 230b (candidate lists) in; 510b (counts) in and out; the OSV "4-3" CSV out.
//!
//! Every reader streams the file once (quick-xml, no element tree) and reports
//! problems as [`EmlError`]: file, line, and what is wrong as an [`EmlProblem`], which
//! [`words`] says in Dutch or English (printed in the chosen language only).

pub mod candidates;
pub mod counts;
pub mod definition;
pub mod hash;
pub mod identifier;
pub mod import;
pub mod osv;
pub mod stations;
pub mod words;
pub mod write;
pub mod xml;

pub use xml::{EmlError, EmlKind, EmlProblem};

#[cfg(test)]
mod fast_path_tests;
