//! The workspace: one directory holding one SQLite database with the election,
//! every version of every station's record, and a hash-chained audit log.
//!
//! CONTRACT (filled in by the storage work; signatures are what the TUI, the CLI,
//! the verification code and EML import program against).

use crate::election::Election;
use crate::record::{Count, CountRecord, EntryMode, Field, Mark};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("{0}")]
    Database(String),
    #[error("{0}")]
    Io(String),
    #[error("{0}")]
    Invalid(String),
}

/// Where the operator was, so that the next start resumes there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResumePoint {
    pub station: u32,
    /// Opaque to storage: the interface's own name for the step and field.
    pub position: String,
}

/// One row of the audit log, as `audit verify` and the annex see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: i64,
    pub station: Option<u32>,
    pub what: String,
    pub old_value: String,
    pub new_value: String,
    pub at: String,
    pub operator: String,
    pub prev_hash: String,
    pub hash: String,
}

pub struct Workspace {
    dir: PathBuf,
    election: Election,
}

impl Workspace {
    /// Opens (creating it if needed) the workspace in `dir`; an empty workspace is
    /// seeded with the demo election. Runs the integrity check.
    pub fn open(dir: &Path) -> Result<Workspace, StorageError> {
        Ok(Workspace {
            dir: dir.to_path_buf(),
            election: Election::demo(),
        })
    }
    /// Creates a workspace for `election`; refuses a workspace that already holds another election.
    pub fn init(dir: &Path, election: Election) -> Result<Workspace, StorageError> {
        Ok(Workspace {
            dir: dir.to_path_buf(),
            election,
        })
    }
    pub fn dir(&self) -> &Path {
        &self.dir
    }
    pub fn election(&self) -> &Election {
        &self.election
    }
    /// The latest version of a station's record, if any.
    pub fn record(&self, station: u32) -> Result<Option<CountRecord>, StorageError> {
        let _ = station;
        Ok(None)
    }
    /// Every version of a station's record, oldest first.
    pub fn versions(&self, station: u32) -> Result<Vec<CountRecord>, StorageError> {
        let _ = station;
        Ok(vec![])
    }
    /// The latest version of every station that has a record, by station number.
    pub fn records(&self) -> Result<Vec<CountRecord>, StorageError> {
        Ok(vec![])
    }
    /// Starts a draft record for the station (no-op if one exists).
    pub fn start(
        &mut self,
        station: u32,
        mode: EntryMode,
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        let _ = (operator, mode);
        Ok(CountRecord::empty(&self.election, station, mode))
    }
    /// Saves one count box (recomputing totals in counting mode) and its audit row, in one transaction.
    pub fn save_field(
        &mut self,
        station: u32,
        field: Field,
        value: Count,
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        let _ = (station, field, value, operator);
        unimplemented!()
    }
    /// Saves one checkbox and its audit row.
    pub fn save_mark(
        &mut self,
        station: u32,
        mark: Mark,
        on: bool,
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        let _ = (station, mark, on, operator);
        unimplemented!()
    }
    /// Saves the difference note (free text).
    pub fn save_note(
        &mut self,
        station: u32,
        note: &str,
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        let _ = (station, note, operator);
        unimplemented!()
    }
    /// Stores a whole record (import of a result file or EML) as the station's latest version.
    pub fn put_record(
        &mut self,
        record: &CountRecord,
        operator: &str,
        what: &str,
    ) -> Result<(), StorageError> {
        let _ = (record, operator, what);
        Ok(())
    }
    /// Finalises (vaststellen) the latest draft, recording the acknowledged warnings.
    pub fn finalise(
        &mut self,
        station: u32,
        acknowledged_warnings: &[String],
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        let _ = (station, acknowledged_warnings, operator);
        unimplemented!()
    }
    /// Opens a corrigendum: a new draft version copied from the finalised one, with a reason.
    pub fn start_correction(
        &mut self,
        station: u32,
        reason: &str,
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        let _ = (station, reason, operator);
        unimplemented!()
    }
    pub fn resume_point(&self) -> Result<Option<ResumePoint>, StorageError> {
        Ok(None)
    }
    pub fn set_resume_point(&mut self, point: &ResumePoint) -> Result<(), StorageError> {
        let _ = point;
        Ok(())
    }
    /// The audit log, oldest first.
    pub fn audit_log(&self) -> Result<Vec<AuditEntry>, StorageError> {
        Ok(vec![])
    }
    /// The hash of the latest audit row ("" when the log is empty).
    pub fn audit_head(&self) -> Result<String, StorageError> {
        Ok(String::new())
    }
    /// Checks the audit chain; Err names the first bad row.
    pub fn verify_audit(&self) -> Result<usize, StorageError> {
        Ok(0)
    }
    /// Appends a free audit row (e.g. "phone verification matched").
    pub fn log_event(
        &mut self,
        station: Option<u32>,
        what: &str,
        new_value: &str,
        operator: &str,
    ) -> Result<(), StorageError> {
        let _ = (station, what, new_value, operator);
        Ok(())
    }
}
