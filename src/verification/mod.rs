//! The verification code read aloud over the phone (spec: `docs/verification-code.md`).
//!
//! CONTRACT (filled in by the verification work; the annex and the interface
//! program against these signatures).

use crate::election::Election;
use crate::record::CountRecord;

/// One group as spoken: four digits and a Damm check digit, written "1234-5".
pub type Group = String;

/// The codes of one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codes {
    /// The record code: at least four groups.
    pub record: Vec<Group>,
    /// One group per section, in reading order: (section name in Dutch, in English, group).
    pub sections: Vec<SectionCode>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionCode {
    /// Stable key, e.g. "voters", "votes", "differences", "candidates.3".
    pub key: String,
    pub name_nl: String,
    pub name_en: String,
    pub group: Group,
}

/// The record code and section codes of `record`.
pub fn codes(election: &Election, record: &CountRecord) -> Codes {
    let _ = (election, record);
    Codes {
        record: Vec::new(),
        sections: Vec::new(),
    }
}

/// The SHA-256 of a file's bytes as the Kiesraad prints it: 16 groups of 4 hex characters.
pub fn fingerprint(bytes: &[u8]) -> String {
    let _ = bytes;
    String::new()
}

/// A digit spelled out: "nul", "een", … or "zero", "one", ….
pub fn digit_word(digit: char, english: bool) -> Option<&'static str> {
    let _ = (digit, english);
    None
}
