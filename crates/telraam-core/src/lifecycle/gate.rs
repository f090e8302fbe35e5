//! The finalise gate (vaststellen), shared by finalising in the interface and by
//! importing a file that says `state = "finalised"`: no rule error, and every
//! warning acknowledged. An imported record that does not pass is kept, as a
//! draft, so that no figure is lost and nobody mistakes it for a finished count.

use crate::election::Election;
use crate::record::CountRecord;
use crate::rules::{self, Severity};

/// What stands between a record and vaststellen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gate {
    /// Codes of the rule errors, in rule order.
    pub errors: Vec<String>,
    /// Codes of the warnings not acknowledged.
    pub unacknowledged: Vec<String>,
}

impl Gate {
    /// Checks `record` with the rules against the acknowledged warning codes.
    pub fn check(election: &Election, record: &CountRecord, acknowledged: &[String]) -> Gate {
        let results = rules::validate(election, record);
        let codes = |severity: Severity| {
            let mut codes: Vec<String> = Vec::new();
            for r in results.iter().filter(|r| r.severity == severity) {
                if !codes.iter().any(|c| c == r.code.as_str()) {
                    codes.push(r.code.to_string());
                }
            }
            codes
        };
        let errors = codes(Severity::Error);
        let unacknowledged = codes(Severity::Warning)
            .into_iter()
            .filter(|code| !acknowledged.contains(code))
            .collect();
        Gate {
            errors,
            unacknowledged,
        }
    }

    pub fn passes(&self) -> bool {
        self.errors.is_empty() && self.unacknowledged.is_empty()
    }

    /// "errors F.201, F.203; warnings not acknowledged W.203" (English; the text
    /// table's [`super::words::gate`]).
    pub fn describe_en(&self) -> String {
        super::words::gate(self, true)
    }

    /// The same in Dutch.
    pub fn describe_nl(&self) -> String {
        super::words::gate(self, false)
    }
}

/// An imported record that said "finalised" but was stored as a draft, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Demoted {
    pub station: u32,
    pub version: u32,
    pub gate: Gate,
}

impl Demoted {
    /// What the user reads: the station, that it is a draft, why, and what to do
    /// (the text table's [`super::words::demoted`]).
    pub fn message(&self, english: bool) -> String {
        super::words::demoted(self, english)
    }
}
