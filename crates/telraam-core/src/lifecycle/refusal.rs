//! Why the lifecycle refuses a command: codes and arguments only. The words, in
//! Dutch and English, are in the text table [`super::words`].

use crate::form::{Generation, Target};
use crate::record::Field;

/// A command the lifecycle does not carry out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The election has no polling station with this number.
    UnknownStation {
        station: u32,
        election: String,
    },
    /// The version is finalised (vastgesteld): a change needs a corrigendum.
    Finalised {
        station: u32,
        version: u32,
    },
    /// A figure larger than a box of the form holds.
    TooLarge {
        field: Field,
        value: u64,
    },
    /// A sum counting mode computes would not fit its box.
    SumTooLarge {
        field: Field,
        value: u64,
    },
    /// Counting mode computes this box (or ticks this mark) itself.
    Computed {
        target: Target,
    },
    /// The election's form has no such box.
    NotOnForm {
        target: Target,
        generation: Generation,
    },
    /// The election has no such list or candidate.
    NoSuchBox {
        field: Field,
    },
    /// D and H do not differ: there is nothing to explain (`None`: the note).
    NothingToExplain {
        target: Option<Target>,
    },
    /// An acknowledgement without a warning code.
    NoWarningCode,
    NothingToAcknowledge {
        station: u32,
    },
    NothingToFinalise {
        station: u32,
    },
    NothingToCorrect {
        station: u32,
    },
    AlreadyFinalised {
        station: u32,
        version: u32,
    },
    /// Rule errors block finalising (codes in rule order).
    Errors {
        station: u32,
        codes: Vec<String>,
    },
    /// Warnings not acknowledged block finalising.
    Unacknowledged {
        station: u32,
        codes: Vec<String>,
    },
    /// A corrigendum needs a reason.
    NoReason,
    /// A draft is changed directly, not by a corrigendum.
    StillDraft {
        station: u32,
        version: u32,
    },
    /// The highest version a record can have; no corrigendum after it.
    LastVersion {
        station: u32,
        version: u32,
    },
    /// A record of another election.
    OtherElection {
        station: u32,
        record: String,
        workspace: String,
    },
    /// A stored record whose version is not above the one finalised here.
    FinalisedHere {
        station: u32,
        finalised: u32,
        version: u32,
    },
}

impl Refusal {
    /// The sentence in Dutch or English (the text table).
    pub fn words(&self, english: bool) -> String {
        super::words::refusal(self, english)
    }
}

impl std::fmt::Display for Refusal {
    /// In the language chosen for messages ([`crate::i18n`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(crate::i18n::language().is_english()))
    }
}

impl std::error::Error for Refusal {}
