//! The domain core of telraam: everything that is true of an election night without
//! a screen, a command line or a database. The election ([`election`]), the paper
//! form as data ([`form`]), the count record ([`record`]), counting-mode arithmetic
//! ([`counting`]), the Kiesraad's rules ([`rules`]), the verification codes
//! ([`verification`]), the result-file exchange format ([`result_file`]), EML_NL
//! ([`eml`]), adding up records ([`aggregate`]), one printout of a record for the
//! screen and the annex ([`printout`]), what the annex prints ([`annex`]), the
//! lifecycle of a record ([`lifecycle`]), the municipality's double entry ([`desk`])
//! and the typed audit events ([`event`]).
//!
//! This crate depends on neither ratatui, clap nor rusqlite: the app crate
//! (`telraam`) holds storage, the interface and the command line above it.

pub mod aggregate;
pub mod annex;
pub mod counting;
pub mod desk;
pub mod election;
pub mod eml;
pub mod event;
pub mod form;
pub mod generate;
pub mod i18n;
pub mod lifecycle;
pub mod paper;
pub mod printout;
pub mod record;
pub mod result_file;
pub mod rules;
pub mod verification;
