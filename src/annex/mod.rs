//! The printed annex (bijlage) to the paper proces-verbaal: a PDF made with printpdf.
//!
//! CONTRACT (filled in by the annex work; the CLI and the interface program against it).

use crate::election::Election;
use crate::record::CountRecord;
use crate::verification::Codes;
use std::path::{Path, PathBuf};

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

#[derive(Debug, thiserror::Error)]
pub enum AnnexError {
    #[error("{0}")]
    Pdf(String),
    #[error("{path}: {message}")]
    Io { path: PathBuf, message: String },
}

/// The annex as PDF bytes.
pub fn render(input: &AnnexInput) -> Result<Vec<u8>, AnnexError> {
    let _ = input;
    Err(AnnexError::Pdf("not built yet".into()))
}

/// Writes the annex atomically to `path`.
pub fn write(input: &AnnexInput, path: &Path) -> Result<(), AnnexError> {
    let _ = (input, path);
    Err(AnnexError::Pdf("not built yet".into()))
}
