//! Validation as data: the Kiesraad's rules (F.2xx, F.3xx, F.4xx, W.2xx) and
//! telraam's own (codes `T.xxx`), applied to a [`CountRecord`].
//!
//! Rules never panic and never refuse to save: they return a list of
//! [`RuleResult`]s, each with a stable code, a severity, the fields involved and a
//! message in Dutch and English. `docs/rules.md` lists every rule.

use crate::election::Election;
use crate::record::{CountRecord, Field, Mark};

/// Fout (error): the paper has a problem that must be resolved. Waarschuwing
/// (warning): a remarkable result that must be explained and acknowledged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// What a rule result points at: a count box or a checkbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    Count(Field),
    Mark(Mark),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleResult {
    /// Stable code, e.g. "F.201", "W.203", "T.101".
    pub code: &'static str,
    pub severity: Severity,
    /// The fields the result concerns, in form order; the first is where to jump.
    pub fields: Vec<Target>,
    pub message_nl: String,
    pub message_en: String,
}

impl RuleResult {
    pub fn message(&self, english: bool) -> &str {
        if english {
            &self.message_en
        } else {
            &self.message_nl
        }
    }
}

/// Applies every rule to the record. Results are ordered by severity, then code.
pub fn validate(election: &Election, record: &CountRecord) -> Vec<RuleResult> {
    let _ = (election, record);
    Vec::new()
}

/// Whether any result is an error (a record with errors cannot be finalised).
pub fn has_errors(results: &[RuleResult]) -> bool {
    results.iter().any(|r| r.severity == Severity::Error)
}
