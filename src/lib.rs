//! telraam: count-night companion for Dutch polling stations.
//!
//! The domain lives in plain modules without any terminal code: the election
//! ([`election`]), the count record ([`record`]), counting-mode arithmetic
//! ([`counting`]), the Kiesraad's rules ([`rules`]), the result-file exchange format
//! ([`result_file`]) and the workspace database ([`storage`]). The terminal
//! interface is a thin shell over them.

pub mod aggregate;
pub mod annex;
pub mod board;
pub mod cli;
pub mod counting;
pub mod desk;
pub mod election;
pub mod eml;
pub mod form;
pub mod fuzzing;
pub mod generate;
pub mod i18n;
pub mod record;
pub mod result_file;
pub mod rules;
pub mod settings;
pub mod storage;
pub mod tui;
pub mod verification;
