//! The workspace: one directory holding one SQLite database with the election,
//! every version of every station's record, and a hash-chained audit log.
//!
//! CONTRACT (filled in by the storage work; signatures are what the TUI, the CLI,
//! the verification code and EML import program against).
//!
//! Every change ([`Workspace::save_field`], [`Workspace::save_mark`],
//! [`Workspace::save_note`], [`Workspace::put_record`], [`Workspace::finalise`],
//! [`Workspace::start_correction`], [`Workspace::log_event`]) is one SQLite
//! transaction that writes the change and its audit row together: after a crash
//! either both are there or neither. See [`audit`] for what the chain proves.
//!
//! Lifecycle: a record is a draft (concept) until the supervisor finalises it
//! (vaststellen). A finalised version is never changed again; a change after that
//! is a corrigendum, a new draft version with a reason, and the earlier versions
//! stay readable through [`Workspace::versions`]. What a change may do is the pure
//! lifecycle's to decide ([`crate::lifecycle`]); this module is the repository that
//! writes its decisions ([`change`], [`put`](mod@put)).

mod access;
pub mod atomic;
pub mod audit;
mod background;
pub mod board;
pub mod body;
mod change;
mod desk_text;
pub mod entries;
mod error;
pub mod lock;
mod migrate;
mod migrate_figures;
mod migration;
pub mod phone;
mod put;
mod records;
mod resume;
pub mod schema;
mod stored_election;
pub mod summary;
mod summary_check;
mod varint;
pub mod words;

pub use access::BROKEN_CHAIN_ACCEPTED;
pub use atomic::FileStep;
pub use atomic::write_atomic;
pub use audit::{AuditProblem, AuditSubject, ChainFault};
pub(crate) use error::classify;
pub use error::{DatabaseProblem, StorageError};
pub use gate::{Demoted, Gate};
pub use lock::Holder;
pub use schema::SCHEMA_VERSION;
use stored_election::{read_election, write_election};
pub use summary::Summary;
pub use telraam_core::lifecycle::gate;

use crate::election::Election;
use crate::event::{AuditEvent, StoredTotals};
use crate::lifecycle;
use crate::record::CountRecord;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};

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
    /// The record version the row wrote (None for events and the election).
    pub record_version: Option<u32>,
    pub what: String,
    pub old_value: String,
    pub new_value: String,
    /// UTC, RFC 3339 with milliseconds, e.g. `2026-03-18T21:04:05.123Z`.
    pub at: String,
    pub operator: String,
    /// SHA-256 of the record version (or election) as stored after this row's
    /// change; empty for a free event.
    pub record_hash: String,
    pub prev_hash: String,
    pub hash: String,
    /// The typed event, as stored (one line of JSON, [`crate::event`]); "" on a row
    /// written before schema 3.
    pub event: String,
}

impl AuditEntry {
    /// The row's typed event; None on a row written before schema 3.
    pub fn event(&self) -> Option<Result<AuditEvent, crate::event::EventError>> {
        (!self.event.is_empty()).then(|| AuditEvent::from_stored(&self.event))
    }
}

pub struct Workspace {
    dir: PathBuf,
    election: Election,
    conn: Connection,
    /// Opened with [`Workspace::open_read_only`]: every change is refused.
    read_only: bool,
    /// Set by [`Workspace::check_chain`] when the audit chain is broken: every change
    /// is refused until the operator consents ([`Workspace::accept_broken_chain`]).
    blocked: Option<AuditProblem>,
    /// The audit-chain check running in the background ([`background`]).
    background: Option<background::Background>,
    /// The latest version of each station written or read by a change ([`change`]).
    latest: change::Latest,
}

fn db(e: rusqlite::Error) -> StorageError {
    classify(&e)
}

impl Workspace {
    /// The database file of the workspace in `dir`.
    pub fn db_path(dir: &Path) -> PathBuf {
        schema::db_path(dir)
    }

    /// Whether `dir` already holds a workspace database.
    pub fn exists(dir: &Path) -> bool {
        schema::db_path(dir).is_file()
    }

    /// Opens (creating it if needed) the workspace in `dir`; an empty workspace is
    /// seeded with the demo election. Runs SQLite's quick check (the full one is
    /// [`Workspace::database_problem`]) and migrates an older schema.
    pub fn open(dir: &Path) -> Result<Workspace, StorageError> {
        let (mut conn, _) = schema::connect(dir)?;
        let election = {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(db)?;
            let election = match read_election(&tx)? {
                Some((e, _)) => e,
                None => {
                    let demo = Election::demo();
                    write_election(&tx, &demo, true, "", "telraam")?;
                    demo
                }
            };
            tx.commit().map_err(db)?;
            election
        };
        Ok(Workspace {
            dir: dir.to_path_buf(),
            election,
            conn,
            read_only: false,
            blocked: None,
            background: None,
            latest: Default::default(),
        })
    }

    /// Creates a workspace for `election`; refuses a workspace that already holds another election.
    ///
    /// The same election again is fine (nothing changes). A workspace that only holds
    /// the demo it was seeded with, and no count yet, takes the new election: a
    /// newcomer who first looked at the demo can still set up the real one.
    pub fn init(dir: &Path, election: Election) -> Result<Workspace, StorageError> {
        Workspace::init_by(dir, election, "telraam")
    }

    /// As [`Workspace::init`], naming the operator in the audit log.
    pub fn init_by(
        dir: &Path,
        election: Election,
        operator: &str,
    ) -> Result<Workspace, StorageError> {
        election.check().map_err(StorageError::BadElection)?;
        let (mut conn, _) = schema::connect(dir)?;
        {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(db)?;
            match read_election(&tx)? {
                None => write_election(&tx, &election, false, "", operator)?,
                Some((existing, _)) if existing == election => {}
                Some((existing, seeded)) => {
                    let has_records = !records::stations(&tx)?.is_empty();
                    if !seeded || has_records {
                        return Err(StorageError::OtherElection {
                            dir: dir.to_path_buf(),
                            existing: existing.id,
                            wanted: election.id,
                        });
                    }
                    write_election(&tx, &election, false, &existing.id, operator)?;
                }
            }
            tx.commit().map_err(db)?;
        }
        Ok(Workspace {
            dir: dir.to_path_buf(),
            election,
            conn,
            read_only: false,
            blocked: None,
            background: None,
            latest: Default::default(),
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
        records::latest(&self.conn, &self.election, station)
    }
    /// Every version of a station's record, oldest first.
    pub fn versions(&self, station: u32) -> Result<Vec<CountRecord>, StorageError> {
        records::versions(&self.conn, &self.election, station)
    }
    /// The latest version of every station that has a record, by station number.
    pub fn records(&self) -> Result<Vec<CountRecord>, StorageError> {
        let mut out = Vec::new();
        for station in records::stations(&self.conn)? {
            if let Some(r) = self.record(station)? {
                out.push(r);
            }
        }
        Ok(out)
    }

    /// Every station with a record: its latest version's state, mode, D and H, from
    /// the summary table (no record is parsed), by station number.
    pub fn summaries(&self) -> Result<Vec<Summary>, StorageError> {
        summary::all(&self.conn)
    }

    /// Calls `each` with every station's latest figures, by station number, from the
    /// summary table: what adding up needs (the counts, station, mode, version and
    /// state), not the marks, note or acknowledged warnings. One record buffer is reused.
    pub fn for_each_latest_figures(
        &self,
        each: impl FnMut(&CountRecord),
    ) -> Result<(), StorageError> {
        let tx = self.conn.unchecked_transaction().map_err(db)?;
        summary::for_each_figures(&tx, &self.election, each)?;
        tx.finish().map_err(db)
    }

    /// The full check of the database, beyond the quick check at open: SQLite's
    /// `integrity_check` (every page, and every index against its table), the
    /// election's JSON copy against its body, and every summary row against the record
    /// it summarises. Ok(None): all is well;
    /// Ok(Some(problem)) says what is not.
    pub fn database_problem(&self) -> Result<Option<DatabaseProblem>, StorageError> {
        let tx = self.conn.unchecked_transaction().map_err(db)?;
        let mut stmt = tx.prepare("PRAGMA integrity_check").map_err(db)?;
        let lines = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(db)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(db)?;
        drop(stmt);
        if lines != ["ok"] {
            return Ok(Some(DatabaseProblem::Damaged {
                found: lines.join("; "),
            }));
        }
        let election_copy = match stored_election::check(&tx) {
            Ok(true) => None,
            Ok(false) => Some(DatabaseProblem::ElectionCopyDiffers),
            Err(e) => Some(DatabaseProblem::Unreadable(e)),
        };
        let problem = election_copy
            .or_else(|| summary_check::check(&tx, &self.election).err())
            .or_else(|| phone::check(&tx).err());
        tx.finish().map_err(db)?;
        Ok(problem)
    }

    /// A station the election does not have is refused (see [`lifecycle::check_station`]).
    pub(crate) fn check_station(&self, station: u32) -> Result<(), StorageError> {
        lifecycle::check_station(&self.election, station).map_err(StorageError::Refused)
    }

    fn begin(&mut self) -> Result<Transaction<'_>, StorageError> {
        self.settle_chain_check();
        self.writable()?;
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db)
    }

    /// The typed events of one station's audit rows (`None`: the rows about no station,
    /// such as the election or a 510b's totals), oldest first, each with its row (time,
    /// operator). Rows written before schema 3 carry no event and are left out.
    pub fn events(
        &self,
        station: Option<u32>,
    ) -> Result<Vec<(AuditEntry, AuditEvent)>, StorageError> {
        audit::events_of(&self.conn, station)
    }

    /// The warnings acknowledged for the station's current draft, from its typed audit
    /// events (a new version starts with none).
    pub fn acknowledged_warnings(&self, station: u32) -> Result<Vec<String>, StorageError> {
        let events = audit::events_of(&self.conn, Some(station))?;
        Ok(crate::event::acknowledged(events.iter().map(|(_, e)| e)))
    }

    /// The municipal totals of the last 510b imported, as its audit event keeps them.
    pub fn totals_510b(&self) -> Result<Option<StoredTotals>, StorageError> {
        let text: Option<String> = self
            .conn
            .query_row(
                "SELECT event FROM audit WHERE station IS NULL AND event != '' \
                 AND json_extract(event, '$.kind') = 'totals510b' ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(db)?;
        match text.map(|t| AuditEvent::from_stored(&t)) {
            None => Ok(None),
            Some(Ok(AuditEvent::Totals510b(totals))) => Ok(Some(totals)),
            Some(_) => Err(StorageError::TotalsUnreadable),
        }
    }

    pub fn resume_point(&self) -> Result<Option<ResumePoint>, StorageError> {
        resume::get(&self.conn)
    }
    pub fn set_resume_point(&mut self, point: &ResumePoint) -> Result<(), StorageError> {
        self.settle_chain_check();
        self.writable()?;
        resume::set(&self.conn, point)
    }
    /// The audit log, oldest first.
    pub fn audit_log(&self) -> Result<Vec<AuditEntry>, StorageError> {
        audit::read_all(&self.conn)
    }
    /// The hash of the latest audit row ("" when the log is empty).
    pub fn audit_head(&self) -> Result<String, StorageError> {
        audit::head(&self.conn)
    }
    /// Checks the audit chain; Err names the first bad row.
    pub fn verify_audit(&self) -> Result<usize, StorageError> {
        match self.audit_problem()? {
            Ok(rows) => Ok(rows),
            Err(problem) => Err(StorageError::AuditBroken(problem)),
        }
    }
    /// Checks the audit chain and the stored records against it: Ok(Ok(rows)), or
    /// Ok(Err(problem)) naming the first bad row; Err only when the database cannot be read.
    pub fn audit_problem(&self) -> Result<Result<usize, AuditProblem>, StorageError> {
        let tx = self.conn.unchecked_transaction().map_err(db)?;
        let log = audit::read_all(&tx)?;
        let mut stored: Vec<audit::Stored> = records::all_bodies(&tx)?
            .into_iter()
            .map(|(station, version, state, body)| audit::Stored {
                station: Some(station),
                version: Some(version),
                state: Some(state),
                body,
            })
            .collect();
        let election_body: Option<String> = tx
            .query_row("SELECT body FROM election WHERE only = 1", [], |r| r.get(0))
            .optional()
            .map_err(db)?;
        if let Some(body) = election_body {
            stored.push(audit::Stored {
                station: None,
                version: None,
                state: None,
                body: body.into_bytes(),
            });
        }
        // Each station's desk: its rows as one text (version None: not a record).
        stored.extend(
            desk_text::all(&tx)?
                .into_iter()
                .map(|(station, body)| audit::Stored {
                    station: Some(station),
                    version: None,
                    state: None,
                    body: body.into_bytes(),
                }),
        );
        tx.finish().map_err(db)?;
        Ok(audit::verify(&log, &stored))
    }
}
