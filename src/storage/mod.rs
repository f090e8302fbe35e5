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
//! stay readable through [`Workspace::versions`].

mod access;
pub mod atomic;
pub mod audit;
mod background;
pub mod board;
pub mod entries;
mod events;
pub mod lock;
mod migrate;
pub mod phone;
mod records;
mod resume;
pub mod schema;
pub mod summary;

pub use access::BROKEN_CHAIN_ACCEPTED;
pub use atomic::write_atomic;
pub use audit::AuditProblem;
pub use gate::{Demoted, Gate};
pub use summary::Summary;
pub use telraam_core::lifecycle::gate;

use crate::counting::{self, Cleared};
use crate::election::Election;
use crate::event::{AuditEvent, Mode, StoredTotals};
use crate::form::{self, Form, Target};
use crate::record::{
    Count, CountRecord, EntryMode, Field, MAX_COUNT, MAX_VERSION, Mark, RecordState,
};
use audit::NewRow;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("{0}")]
    Database(String),
    #[error("{0}")]
    Io(String),
    #[error("{0}")]
    Invalid(String),
    /// The workspace folder or its database cannot be written (write-protected).
    #[error("{0}")]
    ReadOnly(String),
    /// The disk is full: nothing was saved.
    #[error("{0}")]
    DiskFull(String),
}

/// What a user reads when the workspace cannot be written (in the chosen language).
pub(crate) fn read_only_text() -> String {
    crate::i18n::say(
        "de werkmap is alleen-lezen (schrijfbeveiligd): hier kan niets worden bewaard; \
         audit verify, audit show, export, aggregate, export-eml, export-csv en annex \
         werken wel",
        "the workspace folder is read-only (write-protected): nothing can be saved here; \
         audit verify, audit show, export, aggregate, export-eml, export-csv and annex \
         still work",
    )
}

/// What a user reads when the disk is full.
pub(crate) fn disk_full_text() -> String {
    crate::i18n::say(
        "de schijf is vol: er is niets bewaard; maak ruimte vrij (of kopieer de werkmap \
         naar een andere schijf) en probeer het opnieuw",
        "the disk is full: nothing was saved; free some space (or copy the workspace to \
         another disk) and try again",
    )
}

/// A database error, with a full disk and a write-protected workspace named as such.
pub(crate) fn classify(e: &rusqlite::Error) -> StorageError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull) => {
            StorageError::DiskFull(format!("{} ({e})", disk_full_text()))
        }
        Some(rusqlite::ErrorCode::ReadOnly) => {
            StorageError::ReadOnly(format!("{} ({e})", read_only_text()))
        }
        _ => StorageError::Database(e.to_string()),
    }
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
}

fn db(e: rusqlite::Error) -> StorageError {
    classify(&e)
}

fn read_election(conn: &Connection) -> Result<Option<(Election, bool)>, StorageError> {
    let row: Option<(String, bool)> = conn
        .query_row(
            "SELECT body, seeded_demo FROM election WHERE only = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(db)?;
    match row {
        None => Ok(None),
        Some((body, seeded)) => Election::from_toml(&body)
            .map(|e| Some((e, seeded)))
            .map_err(|e| {
                StorageError::Database(format!(
                    "the stored election cannot be read / de opgeslagen verkiezing is onleesbaar: {e}"
                ))
            }),
    }
}

/// Stores the election and its audit row in `tx`.
fn write_election(
    tx: &Transaction<'_>,
    election: &Election,
    seeded_demo: bool,
    old: &str,
    operator: &str,
) -> Result<(), StorageError> {
    let body = election.to_toml();
    tx.execute(
        "INSERT INTO election (only, election_id, body, seeded_demo) VALUES (1, ?1, ?2, ?3) \
         ON CONFLICT (only) DO UPDATE SET election_id = excluded.election_id, \
         body = excluded.body, seeded_demo = excluded.seeded_demo",
        rusqlite::params![election.id, body, seeded_demo],
    )
    .map_err(db)?;
    audit::append(
        tx,
        NewRow {
            station: None,
            record_version: None,
            event: &AuditEvent::Election {
                id: election.id.clone(),
                demo: seeded_demo,
                replaced: old.to_string(),
            },
            operator,
            record_hash: audit::sha256_hex(body.as_bytes()),
        },
    )?;
    Ok(())
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
        election
            .check()
            .map_err(|e| StorageError::Invalid(e.to_string()))?;
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
                        return Err(StorageError::Invalid(format!(
                            "{}: this workspace already holds election {}; use another \
                             directory (--data DIR) for {} / deze werkmap bevat al \
                             verkiezing {}; gebruik een andere map voor {}",
                            dir.display(),
                            existing.id,
                            election.id,
                            existing.id,
                            election.id
                        )));
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
    /// `integrity_check` (every page, and every index against its table) and every
    /// summary row against the record it summarises. Ok(None): all is well;
    /// Ok(Some(problem)) says what is not.
    pub fn database_problem(&self) -> Result<Option<String>, StorageError> {
        let tx = self.conn.unchecked_transaction().map_err(db)?;
        let mut stmt = tx.prepare("PRAGMA integrity_check").map_err(db)?;
        let lines = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(db)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(db)?;
        drop(stmt);
        if lines != ["ok"] {
            return Ok(Some(format!(
                "the database is damaged (integrity check: {}) / de database is beschadigd",
                lines.join("; ")
            )));
        }
        let problem = summary::check(&tx, &self.election)
            .err()
            .or_else(|| phone::check(&tx).err());
        tx.finish().map_err(db)?;
        Ok(problem)
    }

    fn check_station(&self, station: u32) -> Result<(), StorageError> {
        if !self.election.stations.is_empty() && self.election.station(station).is_none() {
            return Err(StorageError::Invalid(format!(
                "polling station {station} is not part of election {} / stembureau {station} \
                 hoort niet bij verkiezing {}",
                self.election.id, self.election.id
            )));
        }
        Ok(())
    }

    fn begin(&mut self) -> Result<Transaction<'_>, StorageError> {
        self.settle_chain_check();
        self.writable()?;
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db)
    }

    /// Starts a draft record for the station (no-op if one exists).
    pub fn start(
        &mut self,
        station: u32,
        mode: EntryMode,
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        self.check_station(station)?;
        let election = self.election.clone();
        let tx = self.begin()?;
        let record = start_in(&tx, &election, station, mode, operator)?;
        tx.commit().map_err(db)?;
        Ok(record)
    }

    /// Applies `change` to the station's latest draft (starting one in counting mode
    /// if there is none), stores it and its audit row in one transaction. What counting
    /// mode cleared with it (answers the form no longer asks for) gets an audit row of
    /// its own in the same transaction.
    fn change_draft(
        &mut self,
        station: u32,
        operator: &str,
        change: impl FnOnce(
            &Election,
            &mut CountRecord,
        ) -> Result<(AuditEvent, Vec<Cleared>), StorageError>,
    ) -> Result<CountRecord, StorageError> {
        self.check_station(station)?;
        let election = self.election.clone();
        let tx = self.begin()?;
        let mut record = match records::latest(&tx, &election, station)? {
            Some(r) => r,
            None => start_in(&tx, &election, station, EntryMode::Counting, operator)?,
        };
        if record.lifecycle.state == RecordState::Finalised {
            return Err(StorageError::Invalid(format!(
                "station {station} version {} is finalised (vastgesteld); start a corrigendum \
                 to change it / stembureau {station} is vastgesteld; maak een corrigendum om \
                 het te wijzigen",
                record.lifecycle.version
            )));
        }
        let (event, cleared) = change(&election, &mut record)?;
        let body = records::write(&tx, &election, &record)?;
        let record_hash = audit::sha256_hex(body.as_bytes());
        let mut events = vec![event];
        events.extend(cleared.into_iter().map(|c| AuditEvent::Cleared {
            target: c.target,
            old: c.old,
        }));
        for event in &events {
            audit::append(
                &tx,
                NewRow {
                    station: Some(station),
                    record_version: Some(record.lifecycle.version),
                    event,
                    operator,
                    record_hash: record_hash.clone(),
                },
            )?;
        }
        tx.commit().map_err(db)?;
        Ok(record)
    }

    /// Saves one count box (recomputing totals in counting mode) and its audit row, in one transaction.
    pub fn save_field(
        &mut self,
        station: u32,
        field: Field,
        value: Count,
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        if let Some(v) = value
            && v > MAX_COUNT
        {
            return Err(StorageError::Invalid(format!(
                "{field}: {v} is larger than the form's limit of 999 999 999 / \
                 {field}: {v} is groter dan 999 999 999"
            )));
        }
        self.change_draft(station, operator, |election, record| {
            if record.mode == EntryMode::Counting && computed_in_counting_mode(field) {
                return Err(StorageError::Invalid(format!(
                    "{field} is computed in counting mode and cannot be typed / \
                     {field} wordt in telmodus berekend en kan niet worden ingevuld"
                )));
            }
            not_on_form(election, Target::Count(field))?;
            let old = record.get(field);
            if !record.set(field, value) {
                return Err(StorageError::Invalid(format!(
                    "{field}: the election {} has no such box / verkiezing {} kent dit vak niet",
                    election.id, election.id
                )));
            }
            let cleared = counting::complete(election, record);
            Ok((
                AuditEvent::Field {
                    field,
                    old,
                    new: value,
                },
                cleared,
            ))
        })
    }
    /// Saves one checkbox and its audit row.
    pub fn save_mark(
        &mut self,
        station: u32,
        mark: Mark,
        on: bool,
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        self.change_draft(station, operator, |election, record| {
            if record.mode == EntryMode::Counting && form::computed(Target::Mark(mark)) {
                return Err(StorageError::Invalid(format!(
                    "{} is ticked by telraam in counting mode / {} wordt in telmodus \
                     door telraam aangevinkt",
                    mark.key(),
                    mark.key()
                )));
            }
            not_on_form(election, Target::Mark(mark))?;
            if on && record.mode == EntryMode::Counting {
                not_asked(record, Target::Mark(mark))?;
            }
            let old = record.mark(mark);
            record.set_mark(mark, on);
            let cleared = counting::complete(election, record);
            Ok((AuditEvent::Mark { mark, old, new: on }, cleared))
        })
    }
    /// Saves the difference note (free text).
    pub fn save_note(
        &mut self,
        station: u32,
        note: &str,
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        self.change_draft(station, operator, |_, record| {
            // Counting mode keeps no value the form hides: the note explains a
            // difference, and is asked for only while D and H differ.
            if record.mode == EntryMode::Counting && !note.is_empty() {
                not_asked(record, None)?;
            }
            let old = std::mem::replace(&mut record.differences.note, note.to_string());
            Ok((
                AuditEvent::Note {
                    old,
                    new: note.to_string(),
                },
                Vec::new(),
            ))
        })
    }
    /// Stores a whole record (import of a result file or EML) as the station's latest version.
    ///
    /// A draft the station has is replaced. A finalised version is never replaced: the
    /// record must then carry a higher version (a corrigendum), or be identical to it
    /// (importing the same file twice changes nothing).
    ///
    /// A record that says finalised must pass the same gate as finalising in the
    /// interface ([`Gate`]); one that does not is stored as a draft, and the answer
    /// says why ([`Demoted`]).
    pub fn put_record(
        &mut self,
        record: &CountRecord,
        operator: &str,
        what: &str,
    ) -> Result<Option<Demoted>, StorageError> {
        self.put_records(std::slice::from_ref(record), operator, what)
            .map(|mut d| d.pop())
    }

    /// Stores several records in one transaction: all of them or, on any refusal, none.
    pub fn put_records(
        &mut self,
        records: &[CountRecord],
        operator: &str,
        what: &str,
    ) -> Result<Vec<Demoted>, StorageError> {
        self.put_records_each(records, operator, what)
            .map_err(|(_, e)| e)
    }

    /// As [`Workspace::put_records`]; a refusal also says which record (its index).
    pub fn put_records_each(
        &mut self,
        records: &[CountRecord],
        operator: &str,
        what: &str,
    ) -> Result<Vec<Demoted>, (usize, StorageError)> {
        self.put_records_with(records, operator, what, &[], None)
    }

    /// As [`Workspace::put_records_each`]; with `sources` (one per record), each
    /// record is the station's own (its QR codes or result file) and also counts as
    /// one entry of the desk's double entry ([`entries`]), in the same transaction.
    pub fn put_records_from(
        &mut self,
        records: &[CountRecord],
        operator: &str,
        what: &str,
        sources: &[crate::desk::Source],
    ) -> Result<Vec<Demoted>, (usize, StorageError)> {
        self.put_records_with(records, operator, what, sources, None)
    }

    /// Stores a 510b's records and the municipal totals it states for itself, in one
    /// transaction: the totals are a typed audit event ([`AuditEvent::Totals510b`]),
    /// read back by [`Workspace::totals_510b`].
    pub fn put_510b(
        &mut self,
        records: &[CountRecord],
        totals: Option<&StoredTotals>,
        operator: &str,
        what: &str,
    ) -> Result<Vec<Demoted>, StorageError> {
        self.put_records_with(records, operator, what, &[], totals)
            .map_err(|(_, e)| e)
    }

    fn put_records_with(
        &mut self,
        records: &[CountRecord],
        operator: &str,
        what: &str,
        sources: &[crate::desk::Source],
        totals: Option<&StoredTotals>,
    ) -> Result<Vec<Demoted>, (usize, StorageError)> {
        for (i, record) in records.iter().enumerate() {
            self.check_station(record.station).map_err(|e| (i, e))?;
            if record.election_id != self.election.id {
                return Err((
                    i,
                    StorageError::Invalid(format!(
                        "station {}: the record is for election {}, the workspace counts {} / \
                         het record hoort bij verkiezing {}, de werkmap telt {}",
                        record.station,
                        record.election_id,
                        self.election.id,
                        record.election_id,
                        self.election.id
                    )),
                ));
            }
        }
        let election = self.election.clone();
        let whole = |e| (records.len(), e);
        let tx = self.begin().map_err(whole)?;
        let mut demoted = Vec::new();
        for (i, record) in records.iter().enumerate() {
            if let Some(d) = put_in(&tx, &election, record, operator, what).map_err(|e| (i, e))? {
                demoted.push(d);
            }
            if let Some(&source) = sources.get(i) {
                entries::register_in(&tx, &election, record, source, operator)
                    .map_err(|e| (i, e))?;
            }
        }
        if let Some(totals) = totals {
            let event = AuditEvent::Totals510b(totals.clone());
            audit::append(
                &tx,
                NewRow {
                    station: None,
                    record_version: None,
                    event: &event,
                    operator,
                    record_hash: String::new(),
                },
            )
            .map_err(whole)?;
        }
        tx.commit().map_err(db).map_err(whole)?;
        Ok(demoted)
    }

    /// Finalises (vaststellen) the latest draft, recording the acknowledged warnings.
    ///
    /// Refused while the rules report an error, or a warning whose code is not in
    /// `acknowledged_warnings`.
    pub fn finalise(
        &mut self,
        station: u32,
        acknowledged_warnings: &[String],
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        self.check_station(station)?;
        let election = self.election.clone();
        let tx = self.begin()?;
        let Some(mut record) = records::latest(&tx, &election, station)? else {
            return Err(StorageError::Invalid(format!(
                "station {station} has no count to finalise / stembureau {station} heeft \
                 geen telling om vast te stellen"
            )));
        };
        if record.lifecycle.state == RecordState::Finalised {
            return Err(StorageError::Invalid(format!(
                "station {station} version {} is already finalised / is al vastgesteld",
                record.lifecycle.version
            )));
        }
        let gate = Gate::check(&election, &record, acknowledged_warnings);
        if !gate.errors.is_empty() {
            return Err(StorageError::Invalid(format!(
                "station {station} cannot be finalised: errors {} / stembureau {station} kan \
                 niet worden vastgesteld: fouten {}",
                gate.errors.join(", "),
                gate.errors.join(", ")
            )));
        }
        if !gate.unacknowledged.is_empty() {
            return Err(StorageError::Invalid(format!(
                "station {station} cannot be finalised: warnings {} are not acknowledged / \
                 stembureau {station} kan niet worden vastgesteld: waarschuwingen {} zijn \
                 niet bevestigd",
                gate.unacknowledged.join(", "),
                gate.unacknowledged.join(", ")
            )));
        }
        let mut acknowledged: Vec<String> = Vec::new();
        for code in acknowledged_warnings {
            if !acknowledged.contains(code) {
                acknowledged.push(code.clone());
            }
        }
        record.lifecycle.state = RecordState::Finalised;
        record.lifecycle.acknowledged_warnings = acknowledged;
        let body = records::write(&tx, &election, &record)?;
        audit::append(
            &tx,
            NewRow {
                station: Some(station),
                record_version: Some(record.lifecycle.version),
                event: &AuditEvent::Finalised {
                    acknowledged: record.lifecycle.acknowledged_warnings.clone(),
                },
                operator,
                record_hash: audit::sha256_hex(body.as_bytes()),
            },
        )?;
        // A paper PV transcribed here is complete once finalised: compare it with the
        // record code phoned, if one was.
        if record.mode == EntryMode::Transcription {
            phone::compare_in(&tx, &election, station, operator)?;
        }
        tx.commit().map_err(db)?;
        Ok(record)
    }
    /// Opens a corrigendum: a new draft version copied from the finalised one, with a reason.
    pub fn start_correction(
        &mut self,
        station: u32,
        reason: &str,
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        self.check_station(station)?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(StorageError::Invalid(
                "a corrigendum needs a reason / een corrigendum heeft een reden nodig".into(),
            ));
        }
        let election = self.election.clone();
        let tx = self.begin()?;
        let Some(mut record) = records::latest(&tx, &election, station)? else {
            return Err(StorageError::Invalid(format!(
                "station {station} has no count to correct / stembureau {station} heeft geen \
                 telling om te corrigeren"
            )));
        };
        if record.lifecycle.state != RecordState::Finalised {
            return Err(StorageError::Invalid(format!(
                "station {station} version {} is still a draft: change it directly / is nog \
                 een concept: wijzig het direct",
                record.lifecycle.version
            )));
        }
        let old_version = record.lifecycle.version;
        let Some(next) = old_version.checked_add(1).filter(|v| *v <= MAX_VERSION) else {
            return Err(StorageError::Invalid(format!(
                "station {station}: version {old_version} is the highest a record can have \
                 ({MAX_VERSION}); no corrigendum after it / stembureau {station}: versie \
                 {old_version} is de hoogste ({MAX_VERSION}); er kan geen corrigendum meer bij"
            )));
        };
        record.lifecycle.version = next;
        record.lifecycle.state = RecordState::Draft;
        record.lifecycle.correction_reason = reason.to_string();
        record.lifecycle.acknowledged_warnings.clear();
        let body = records::write(&tx, &election, &record)?;
        audit::append(
            &tx,
            NewRow {
                station: Some(station),
                record_version: Some(record.lifecycle.version),
                event: &AuditEvent::Corrigendum {
                    from_version: old_version,
                    reason: reason.to_string(),
                },
                operator,
                record_hash: audit::sha256_hex(body.as_bytes()),
            },
        )?;
        tx.commit().map_err(db)?;
        Ok(record)
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
            Err(problem) => Err(StorageError::Invalid(problem.to_string())),
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
                body,
            });
        }
        tx.finish().map_err(db)?;
        Ok(audit::verify(&log, &stored))
    }
    /// Appends an audit row that changes no record (a warning acknowledged, an export).
    pub fn log_event(
        &mut self,
        station: Option<u32>,
        event: &AuditEvent,
        operator: &str,
    ) -> Result<(), StorageError> {
        let tx = self.begin()?;
        audit::append(
            &tx,
            NewRow {
                station,
                record_version: None,
                event,
                operator,
                record_hash: String::new(),
            },
        )?;
        tx.commit().map_err(db)?;
        Ok(())
    }
}

/// Refuses an answer that explains a difference (the "fully explained?" answer, the
/// note; `None` is the note) while D and H do not differ: counting mode would clear it
/// at once, so it is not taken.
fn not_asked(record: &CountRecord, target: impl Into<Option<Target>>) -> Result<(), StorageError> {
    let explains = target
        .into()
        .is_none_or(|t| form::spec_of(t).is_some_and(|s| s.explains_difference));
    let explaining = matches!(counting::difference(record), Some(x) if x != 0);
    if explains && !explaining {
        return Err(StorageError::Invalid(crate::i18n::say(
            "D en H verschillen niet: er is geen verschil om toe te lichten",
            "D and H do not differ: there is no difference to explain",
        )));
    }
    Ok(())
}

/// Refuses a box the election's form does not have (K–O on the form from 2026, the
/// D/H boxes and the yes/no question before).
fn not_on_form(election: &Election, target: Target) -> Result<(), StorageError> {
    let form = Form::of(election);
    if form.has(target) {
        return Ok(());
    }
    let (nl, en) = (
        form::words::full_name(target, false),
        form::words::full_name(target, true),
    );
    Err(StorageError::Invalid(crate::i18n::say(
        &format!(
            "het {} heeft geen vak \"{nl}\"",
            form.generation.name(false)
        ),
        &format!("the {} has no box \"{en}\"", form.generation.name(true)),
    )))
}

/// D, E, H, I, J and each list page's own total: the sums telraam fills in itself
/// at the station ([`counting::complete`]); a typed value would be overwritten.
fn computed_in_counting_mode(field: Field) -> bool {
    form::computed(Target::Count(field))
}

/// The station's latest record, or a new version-1 draft written with its audit row.
fn start_in(
    tx: &Transaction<'_>,
    election: &Election,
    station: u32,
    mode: EntryMode,
    operator: &str,
) -> Result<CountRecord, StorageError> {
    if let Some(existing) = records::latest(tx, election, station)? {
        return Ok(existing);
    }
    let mut record = CountRecord::empty(election, station, mode);
    counting::complete(election, &mut record);
    let body = records::write(tx, election, &record)?;
    audit::append(
        tx,
        NewRow {
            station: Some(station),
            record_version: Some(record.lifecycle.version),
            event: &AuditEvent::Start {
                mode: Mode::from(mode),
            },
            operator,
            record_hash: audit::sha256_hex(body.as_bytes()),
        },
    )?;
    Ok(record)
}

fn put_in(
    tx: &Transaction<'_>,
    election: &Election,
    record: &CountRecord,
    operator: &str,
    what: &str,
) -> Result<Option<Demoted>, StorageError> {
    let station = record.station;
    let mut record = record.clone();
    record.lifecycle.version = record.lifecycle.version.max(1);
    let mut demoted = None;
    if record.lifecycle.state == RecordState::Finalised {
        let gate = Gate::check(election, &record, &record.lifecycle.acknowledged_warnings);
        if !gate.passes() {
            record.lifecycle.state = RecordState::Draft;
            demoted = Some(Demoted {
                station,
                version: record.lifecycle.version,
                gate,
            });
        }
    }
    let existing = records::versions(tx, election, station)?;
    let last_final = existing
        .iter()
        .filter(|r| r.lifecycle.state == RecordState::Finalised)
        .map(|r| r.lifecycle.version)
        .max();
    if let Some(fin) = last_final
        && record.lifecycle.version <= fin
    {
        let same = existing
            .iter()
            .any(|r| r.lifecycle.version == record.lifecycle.version && *r == record);
        if same {
            return Ok(demoted);
        }
        return Err(StorageError::Invalid(format!(
            "station {station}: version {fin} is already finalised here; a changed count \
             needs a corrigendum with a higher version (the file has version {}) / \
             stembureau {station}: versie {fin} is hier al vastgesteld; een gewijzigde \
             telling moet een corrigendum met een hoger versienummer zijn",
            record.lifecycle.version
        )));
    }
    let mut replaced_draft = None;
    for draft in existing
        .iter()
        .filter(|r| r.lifecycle.state == RecordState::Draft)
    {
        if *draft == record {
            return Ok(demoted);
        }
        records::delete(tx, station, draft.lifecycle.version)?;
        replaced_draft = Some(draft.lifecycle.version);
    }
    let body = records::write(tx, election, &record)?;
    audit::append(
        tx,
        NewRow {
            station: Some(station),
            record_version: Some(record.lifecycle.version),
            event: &AuditEvent::RecordStored {
                source: what.to_string(),
                version: record.lifecycle.version,
                finalised: record.lifecycle.state == RecordState::Finalised,
                replaced_draft,
                demoted: demoted.as_ref().map(|d| d.gate.describe_en()),
            },
            operator,
            record_hash: audit::sha256_hex(body.as_bytes()),
        },
    )?;
    // A full record arrived: compare it with the record code phoned, if one was.
    phone::compare_in(tx, election, station, operator)?;
    Ok(demoted)
}
