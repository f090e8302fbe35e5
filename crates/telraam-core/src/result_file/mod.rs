//! The result file: one polling station's count as TOML, the exchange format
//! between the station and the municipality (also what the annex's QR code holds).
//!
//! ```toml
//! format = "telraam-result-1"
//! election = "GR2025_Juinen"
//! station = 1
//! model = "N 10-1"
//! mode = "counting"
//! version = 1
//! state = "finalised"
//!
//! [voters]
//! A = 1180
//! B = 32
//! D = 1212
//!
//! [votes]
//! E = 1190
//! F = 7
//! G = 4
//! H = 1201
//!
//! [votes.lists]
//! 1 = 612
//! 2 = 578
//!
//! [candidates.1]   # model N 10-1: candidate number = votes
//! 1 = 590
//! 2 = 22
//! total = 612      # "totaal lijst" at the foot of the list's page
//! ```
//!
//! An empty box on paper is a missing key. Lists and candidates are written in the
//! form's order, by number (1, 2, …, 10), the page's `total` last; reading takes
//! them in any order (files written before this order sorted them as text: 1, 10,
//! 2). The file's bytes are not what the verification code covers (that is the
//! canonical text, `crate::verification::canonical`), only its fingerprint. Reading
//! checks every figure against the election (known lists and candidates,
//! 0..=999 999 999) and names the file, line and field of the first problem.

mod checks;
mod dto;
mod read;
mod storable;
pub mod words;
mod write;

use crate::election::CountingMethod;
use crate::form::Target;
use crate::paper::Generation;
pub use read::{from_toml, read};
pub use storable::storable;
pub use write::to_toml;

/// Format identifier written in every result file.
pub const FORMAT: &str = "telraam-result-1";

/// Key, inside a `[candidates.N]` table, of the "totaal lijst" written at the foot of
/// list N's candidate page (not E.N of section 2.2, which is `votes.lists.N`).
pub const LIST_PAGE_TOTAL: &str = "total";

/// Why a result file could not be read. Displays as `file:line: field: problem`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct ResultFileError {
    pub file: String,
    pub line: Option<usize>,
    pub field: Option<String>,
    pub problem: ResultFileProblem,
}

impl ResultFileError {
    fn describe(&self) -> String {
        let mut s = self.file.clone();
        if let Some(line) = self.line {
            s.push_str(&format!(":{line}"));
        }
        s.push_str(": ");
        if let Some(field) = &self.field {
            s.push_str(&format!("{field}: "));
        }
        s.push_str(&self.problem.to_string());
        s
    }
}

/// What is wrong in a result file (or a record that would be written as one). The
/// words are in [`words`]; a `String` argument is what the file says, or the TOML
/// reader's (or the operating system's) own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResultFileProblem {
    /// A box the election's form (its generation) does not have.
    NotOnForm {
        generation: Generation,
        election: String,
        target: Target,
    },
    /// A list or candidate number written twice in one table, under two spellings
    /// (boxed: it is the largest, and errors are passed around by value).
    Twice(Box<WrittenTwice>),
    /// A negative count.
    Negative(String),
    /// Not a whole number where a count belongs.
    NotWhole(String),
    /// Not TOML of a result file.
    Invalid(String),
    /// Another `format` than telraam's.
    NotTelraam(String),
    UnknownModel(String),
    UnknownMode(String),
    UnknownState(String),
    /// A list or candidate key that is not a number.
    NotANumber(String),
    /// The file cannot be read from disk.
    CannotRead(String),
    /// A count larger than the form's nine digits.
    TooLarge(u64),
    /// A file of another election than the workspace's.
    OtherElection {
        found: String,
        workspace: String,
    },
    StationNotIn {
        station: u32,
        election: String,
    },
    /// The file's model (counting method) is not the election's.
    OtherModel {
        file: CountingMethod,
        election: CountingMethod,
    },
    VersionTooHigh(u32),
    ListNotOnBallot {
        list: u32,
        election: String,
    },
    NoSuchCandidate {
        list: u32,
        candidate: u32,
    },
    /// Candidate votes in a model N 10-2 record.
    CandidatesInListTotalsModel,
}

/// A list or candidate number written twice in one table: both spellings and lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenTwice {
    pub number: u32,
    pub table: String,
    pub first: String,
    pub first_line: usize,
    pub second: String,
    pub second_line: usize,
}

impl ResultFileProblem {
    /// The sentence in Dutch or English (the text table).
    pub fn words(&self, english: bool) -> String {
        words::problem(self, english)
    }
}

impl std::fmt::Display for ResultFileProblem {
    /// In the language chosen for messages ([`crate::i18n`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(crate::i18n::language().is_english()))
    }
}

/// The election id and station a result file claims, without checking the rest:
/// lets a command find the right election before reading the file in full.
pub fn peek_election_id(text: &str) -> Option<String> {
    let value: toml::Table = toml::from_str(text).ok()?;
    value.get("election")?.as_str().map(str::to_string)
}

#[cfg(test)]
mod tests;
