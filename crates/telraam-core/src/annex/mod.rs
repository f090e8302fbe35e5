//! What the annex (bijlage) to the paper proces-verbaal prints, as plain data
//! ([`content`]). Drawing it (layout, fonts, PDF, QR codes, printing) is the app
//! crate's `annex` module.

pub mod content;

use crate::election::Election;
use crate::record::CountRecord;
use crate::verification::Codes;

/// Everything printed besides the record itself.
#[derive(Debug, Clone)]
pub struct AnnexInput<'a> {
    pub election: &'a Election,
    pub record: &'a CountRecord,
    /// The verification codes of the record.
    pub codes: Codes,
    /// The result file's text (also what the QR code holds) and its fingerprint.
    pub result_file: String,
    pub fingerprint: String,
    /// The audit log's latest hash ("" when the record does not come from a workspace).
    pub audit_head: String,
}

impl<'a> AnnexInput<'a> {
    /// The input for `record`: its codes, its result file (as
    /// [`crate::result_file::to_toml`] writes it) and that file's fingerprint.
    pub fn new(election: &'a Election, record: &'a CountRecord, audit_head: &str) -> Self {
        let result_file = crate::result_file::to_toml(record);
        Self::with_result_file(election, record, result_file, audit_head)
    }

    /// As [`AnnexInput::new`] for a record read from a result file: the annex
    /// carries that file's own text and fingerprint.
    pub fn with_result_file(
        election: &'a Election,
        record: &'a CountRecord,
        result_file: String,
        audit_head: &str,
    ) -> Self {
        AnnexInput {
            election,
            record,
            codes: crate::verification::codes(election, record),
            fingerprint: crate::verification::fingerprint(result_file.as_bytes()),
            result_file,
            audit_head: audit_head.to_string(),
        }
    }
}
