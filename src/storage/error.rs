//! What can go wrong in the workspace, typed: a refusal of the lifecycle (the
//! screen can act on it: [`StorageError::Refused`] carries the
//! [`lifecycle::Refusal`](crate::lifecycle::Refusal) itself), a write-protected
//! workspace, a full disk, a database or file problem. The words are in the text
//! tables ([`super::words`], [`crate::lifecycle::words`]).

use super::words;
use crate::lifecycle::Refusal;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("{0}")]
    Database(String),
    #[error("{0}")]
    Io(String),
    #[error("{0}")]
    Invalid(String),
    /// The lifecycle refused the change: nothing was stored.
    #[error("{0}")]
    Refused(Refusal),
    /// The workspace folder or its database cannot be written (write-protected).
    #[error("{0}")]
    ReadOnly(String),
    /// The disk is full: nothing was saved.
    #[error("{0}")]
    DiskFull(String),
}

impl StorageError {
    /// The lifecycle's refusal, when that is what this is.
    pub fn refusal(&self) -> Option<&Refusal> {
        match self {
            StorageError::Refused(r) => Some(r),
            _ => None,
        }
    }
}

impl From<Refusal> for StorageError {
    fn from(r: Refusal) -> StorageError {
        StorageError::Refused(r)
    }
}

/// A database error, with a full disk and a write-protected workspace named as such.
pub(crate) fn classify(e: &rusqlite::Error) -> StorageError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull) => {
            StorageError::DiskFull(format!("{} ({e})", words::disk_full()))
        }
        Some(rusqlite::ErrorCode::ReadOnly) => {
            StorageError::ReadOnly(format!("{} ({e})", words::read_only()))
        }
        _ => StorageError::Database(e.to_string()),
    }
}
