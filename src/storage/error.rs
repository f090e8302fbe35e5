//! What can go wrong in the workspace, typed: each variant carries its arguments
//! (paths, station numbers, rows, the lifecycle's or the desk's refusal), so that a
//! caller can act on it (a write-protected folder, a broken audit chain, a refused
//! desk step) and not only print it. The words are in the text tables
//! ([`super::words`], [`crate::lifecycle::words`]); `detail` fields hold the words of
//! the layer below (SQLite, the operating system, the result-file or election reader).

use super::words;
use super::{AuditProblem, FileStep};
use crate::desk::DeskError;
use crate::election::ElectionError;
use crate::event::EventError;
use crate::lifecycle::Refusal;
use crate::result_file::ResultFileError;
use std::path::PathBuf;

/// (Errors of the layer below that are large, the result file's, are boxed: a
/// `StorageError` is passed around by value.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// SQLite failed (not for a full disk or a write-protected folder); `path`: the
    /// database file, when known.
    Database {
        path: Option<PathBuf>,
        detail: String,
    },
    /// The lifecycle refused the change: nothing was stored.
    Refused(Refusal),
    /// The desk refused a step: nothing was stored.
    Desk(DeskError),
    /// A record to be stored (`station`, `version`) does not fit the election or the
    /// form: nothing was stored.
    NotStorable {
        station: u32,
        version: u32,
        error: Box<ResultFileError>,
    },
    /// The election to set up a workspace with is not a valid election.
    BadElection(ElectionError),
    /// The workspace folder or its database cannot be written (write-protected);
    /// `file`: the file that was not written, when it was one file.
    ReadOnly {
        file: Option<PathBuf>,
        detail: Option<String>,
    },
    /// The disk is full: nothing was saved; `file` as for [`StorageError::ReadOnly`].
    DiskFull {
        file: Option<PathBuf>,
        detail: Option<String>,
    },
    /// One step of writing a file (atomically) failed.
    FileNotWritten {
        path: PathBuf,
        step: FileStep,
        detail: String,
    },
    /// A file was to be written where a folder is.
    IsAFolder { path: PathBuf },
    /// The workspace folder cannot be made.
    FolderNotMade { dir: PathBuf, detail: String },
    /// The workspace cannot be locked for this window.
    NotLocked { dir: PathBuf, detail: String },
    /// No workspace in this folder (for reading).
    NoWorkspace { dir: PathBuf },
    /// A workspace folder with a database but no election in it.
    NoElection { dir: PathBuf },
    /// `init` for another election than the workspace holds.
    OtherElection {
        dir: PathBuf,
        existing: String,
        wanted: String,
    },
    /// SQLite's check found damage (`quick`: the quick check at every open, else the
    /// integrity check); `found`: what it said.
    Damaged {
        path: PathBuf,
        quick: bool,
        found: String,
    },
    /// A workspace of an older schema in a place that cannot be written: it cannot be
    /// brought up to date there.
    OlderSchema { path: PathBuf, version: i64 },
    /// A workspace written by a newer telraam.
    NewerSchema { path: PathBuf, version: i64 },
    /// A schema version this telraam does not read.
    UnknownSchema { path: PathBuf, version: i64 },
    /// SQLite would not switch to write-ahead logging.
    NoWal { path: PathBuf, mode: String },
    /// The stored election cannot be read.
    ElectionUnreadable(ElectionError),
    /// A stored record version cannot be read.
    RecordUnreadable {
        station: u32,
        version: u32,
        error: Box<ResultFileError>,
    },
    /// A stored desk entry cannot be read.
    EntryUnreadable {
        station: u32,
        number: u8,
        error: Box<ResultFileError>,
    },
    /// A stored desk entry names a source this telraam does not know.
    UnknownEntrySource {
        station: u32,
        number: u8,
        source: String,
    },
    /// A station's summary row says a state or mode this telraam does not know.
    SummaryState {
        station: u32,
        state: String,
        mode: String,
    },
    /// A station's summary figures are not a blob.
    SummaryFigures { station: u32, detail: String },
    /// A station's summary row cannot be read.
    SummaryUnreadable { station: u32 },
    /// A station's stored phone check cannot be read.
    PhoneCheckUnreadable { station: u32 },
    /// An audit row's typed event cannot be read.
    EventUnreadable { row: i64, error: EventError },
    /// The audit event holding a 510b's totals cannot be read.
    TotalsUnreadable,
    /// The loose 510b totals file of an older workspace cannot be read: not migrated.
    LegacyTotalsUnreadable { detail: String },
    /// The audit chain is broken: nothing is saved until the operator chooses to go on.
    Blocked(AuditProblem),
    /// `audit verify`: the chain or a stored record does not verify.
    AuditBroken(AuditProblem),
    /// The background check of the audit chain stopped without an answer.
    ChainCheckStopped,
    /// SQLite's quick check, run beside the reading, stopped without an answer.
    QuickCheckStopped,
}

impl StorageError {
    /// The lifecycle's refusal, when that is what this is.
    pub fn refusal(&self) -> Option<&Refusal> {
        match self {
            StorageError::Refused(r) => Some(r),
            _ => None,
        }
    }

    /// Whether nothing can be written here at all (a write-protected folder or
    /// database): the caller can stop offering to save.
    pub fn is_read_only(&self) -> bool {
        matches!(self, StorageError::ReadOnly { .. })
    }

    /// The sentence in Dutch or English (the text table).
    pub fn words(&self, english: bool) -> String {
        words::error(self, english)
    }

    /// The SQLite error of the database file `path`.
    pub(crate) fn database(path: Option<PathBuf>, e: &rusqlite::Error) -> StorageError {
        StorageError::Database {
            path,
            detail: e.to_string(),
        }
    }
}

impl std::fmt::Display for StorageError {
    /// In the language chosen for messages ([`crate::i18n`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(crate::i18n::language().is_english()))
    }
}

impl std::error::Error for StorageError {}

impl From<Refusal> for StorageError {
    fn from(r: Refusal) -> StorageError {
        StorageError::Refused(r)
    }
}

impl From<DeskError> for StorageError {
    fn from(e: DeskError) -> StorageError {
        StorageError::Desk(e)
    }
}

/// A database error, with a full disk and a write-protected workspace named as such.
pub(crate) fn classify(e: &rusqlite::Error) -> StorageError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull) => StorageError::DiskFull {
            file: None,
            detail: Some(e.to_string()),
        },
        Some(rusqlite::ErrorCode::ReadOnly) => StorageError::ReadOnly {
            file: None,
            detail: Some(e.to_string()),
        },
        _ => StorageError::database(None, e),
    }
}

/// What `audit verify` finds wrong in the database beyond the audit chain
/// ([`super::Workspace::database_problem`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseProblem {
    /// SQLite's full integrity check found damage; `found`: what it said.
    Damaged { found: String },
    /// The summary table has `rows` rows for `stations` stations with a record.
    SummaryRows { rows: i64, stations: usize },
    /// A station's summary row is not what its latest record says.
    SummaryDiffers { station: u32 },
    /// The election's JSON copy is not what its TOML body says.
    ElectionCopyDiffers,
    /// A station's row in the phone table is not what the audit log says.
    PhoneDiffers { station: u32 },
    /// The check itself could not read the database.
    Unreadable(StorageError),
}

impl std::fmt::Display for DatabaseProblem {
    /// In the language chosen for messages ([`crate::i18n`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&words::database_problem(
            self,
            crate::i18n::language().is_english(),
        ))
    }
}
