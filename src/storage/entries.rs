//! The desk's entries in the workspace: every entry of a station's paper
//! proces-verbaal (typed, or the station's own record imported) and where the
//! station stands in the double entry ([`crate::desk`]).
//!
//! Two tables, created at every writable open when missing (they are additive: a
//! workspace written before them has no entries, and reads as such):
//! `desk` holds one row per station with its [`Stage`] in a column of its own, so
//! the status board reads every station's stage without parsing anything
//! ([`Workspace::entry_states`]); `desk_entries` holds each entry with its typist,
//! source and body: since schema 5 the compact form of [`super::body`] (a BLOB),
//! written by every step; an entry written before that is the result-file TOML of
//! its record (TEXT), and reads as before ([`Body`] is either form), until a later
//! step of its station writes it again.
//!
//! Every step (an entry started, a box typed, an entry finished, the coordinator's
//! choice) is one transaction with its audit row, which names the box and its old
//! and new value, and the `record_hash` of the station's desk rows after the step
//! ([`super::desk_text`]): `audit verify` detects an entry changed in the database
//! behind telraam's back. When a station becomes
//! accepted, the accepted record is written as the station's record in the same
//! transaction, so what is added up is always an accepted record.

use super::body::{self, Body};
use super::{StorageError, Workspace, audit, db, records};
use crate::desk::{Desk, DeskError, Source, Stage};
use crate::election::Election;
use crate::event::AuditEvent;
use crate::form::Target;
use crate::record::{CountRecord, EntryMode, RecordState};
use audit::NewRow;
use rusqlite::{Connection, OptionalExtension, Transaction};

mod steps;

/// The tables, created when missing.
pub const TABLES: &str = "
CREATE TABLE IF NOT EXISTS desk (
    station INTEGER PRIMARY KEY,
    stage TEXT NOT NULL,
    differing TEXT NOT NULL,
    rechecked INTEGER NOT NULL,
    kept INTEGER
);
CREATE TABLE IF NOT EXISTS desk_entries (
    station INTEGER NOT NULL,
    number INTEGER NOT NULL,
    operator TEXT NOT NULL,
    source TEXT NOT NULL,
    finished INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (station, number)
);
";

/// One station's place in the double entry, as the status board shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryState {
    pub station: u32,
    pub stage: Stage,
    /// Who typed (or imported) entry 1 and entry 2, with its source.
    pub entries: Vec<(u8, String, Source)>,
    /// How many boxes differed at the last comparison.
    pub differing: usize,
}

fn has_tables(conn: &Connection) -> Result<bool, StorageError> {
    let n: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'desk'",
            [],
            |r| r.get(0),
        )
        .map_err(db)?;
    Ok(n > 0)
}

/// What a user reads when the desk refuses a step (in the language chosen for
/// messages; the words are in [`super::words::desk`]).
pub fn refusal(e: &DeskError) -> String {
    super::words::desk(e, crate::i18n::language().is_english())
}

fn refused(e: DeskError) -> StorageError {
    StorageError::Desk(e)
}

/// A station's desk as stored (an empty desk when it has none).
pub fn load(conn: &Connection, election: &Election, station: u32) -> Result<Desk, StorageError> {
    let mut desk = Desk::new(station);
    if !has_tables(conn)? {
        return Ok(desk);
    }
    let row: Option<(String, bool, Option<u8>)> = conn
        .query_row(
            "SELECT differing, rechecked, kept FROM desk WHERE station = ?1",
            [station],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()
        .map_err(db)?;
    let Some((differing, rechecked, kept)) = row else {
        return Ok(desk);
    };
    desk.differing = differing
        .split_whitespace()
        .filter_map(Target::parse)
        .collect();
    desk.rechecked = rechecked;
    desk.kept = kept;
    let mut stmt = conn
        .prepare(
            "SELECT number, operator, source, finished, body FROM desk_entries \
             WHERE station = ?1 ORDER BY number",
        )
        .map_err(db)?;
    let rows = stmt
        .query_map([station], |r| {
            Ok((
                r.get::<_, u8>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
                Body::from_value(&entry_name(station, r.get(0)?), r.get_ref(4)?),
            ))
        })
        .map_err(db)?;
    for row in rows {
        let (number, operator, source, finished, body) = row.map_err(db)?;
        let unreadable = |error| StorageError::EntryUnreadable {
            station,
            number,
            error: Box::new(error),
        };
        let record = body
            .and_then(|b| b.read(&entry_name(station, number), election))
            .map_err(unreadable)?;
        let source = Source::parse(&source).ok_or(StorageError::UnknownEntrySource {
            station,
            number,
            source,
        })?;
        desk.entries.push(crate::desk::Entry {
            number,
            operator,
            source,
            finished,
            record,
        });
    }
    Ok(desk)
}

/// The reader's name of an entry; the message names it again in the chosen language.
fn entry_name(station: u32, number: u8) -> String {
    format!("workspace entry {number} of station {station}")
}

/// Writes the station's desk (all its rows, every entry in the compact form);
/// returns the hash of the rows as stored, for the step's audit row.
fn store(tx: &Transaction<'_>, desk: &Desk) -> Result<String, StorageError> {
    tx.execute_batch(TABLES).map_err(db)?;
    let differing: Vec<String> = desk.differing.iter().map(|t| t.key()).collect();
    tx.execute(
        "INSERT INTO desk (station, stage, differing, rechecked, kept) VALUES (?1, ?2, ?3, ?4, ?5) \
         ON CONFLICT (station) DO UPDATE SET stage = excluded.stage, \
         differing = excluded.differing, rechecked = excluded.rechecked, kept = excluded.kept",
        rusqlite::params![
            desk.station,
            desk.stage().key(),
            differing.join(" "),
            desk.rechecked,
            desk.kept
        ],
    )
    .map_err(db)?;
    tx.execute(
        "DELETE FROM desk_entries WHERE station = ?1",
        [desk.station],
    )
    .map_err(db)?;
    for e in &desk.entries {
        let (body, _) = body::encode(&e.record);
        tx.execute(
            "INSERT INTO desk_entries (station, number, operator, source, finished, body) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            rusqlite::params![
                desk.station,
                e.number,
                e.operator,
                e.source.key(),
                e.finished,
                body
            ],
        )
        .map_err(db)?;
    }
    super::desk_text::hash(tx, desk.station)
}

/// Writes the accepted record as the station's record: it replaces a draft; after a
/// finalised version that says otherwise, it is the next version.
fn write_accepted(
    tx: &Transaction<'_>,
    election: &Election,
    desk: &Desk,
    operator: &str,
) -> Result<(), StorageError> {
    let Some(accepted) = desk.accepted() else {
        return Ok(());
    };
    let mut record = accepted.clone();
    let versions = records::versions(tx, election, desk.station)?;
    if versions
        .last()
        .is_some_and(|r| crate::desk::differing(election, r, &record).is_empty())
    {
        // The station's record already says what both entries say.
        return Ok(());
    }
    let last = versions.last().map(|r| r.lifecycle.version).unwrap_or(1);
    let finalised = versions
        .last()
        .is_some_and(|r| r.lifecycle.state == RecordState::Finalised);
    record.lifecycle.version = if finalised { last + 1 } else { last };
    record.lifecycle.state = RecordState::Draft;
    if finalised {
        record.lifecycle.correction_reason = "dubbele invoer / double entry".into();
    }
    record.mode = EntryMode::Transcription;
    let body = records::write(tx, election, &record)?;
    audit::append(
        tx,
        NewRow {
            station: Some(desk.station),
            record_version: Some(record.lifecycle.version),
            event: &AuditEvent::DoubleEntryAccepted {
                kept: desk.kept.unwrap_or(1),
            },
            operator,
            record_hash: body.sha256,
        },
    )?;
    // The paper PV is in: compare it with the record code phoned, if one was.
    super::phone::compare_in(tx, election, desk.station, operator)?;
    Ok(())
}

/// Registers a station's own record (imported from its QR codes or result file) as
/// one entry, in the caller's transaction. Where the desk takes no entry now (a
/// typist is typing, or the station is being settled or accepted), the record is
/// imported as before and the desk is left as it is.
pub(super) fn register_in(
    tx: &Transaction<'_>,
    election: &Election,
    record: &CountRecord,
    source: Source,
    operator: &str,
) -> Result<(), StorageError> {
    let mut desk = load(tx, election, record.station)?;
    let before = desk.stage();
    let Ok(number) = desk.start(election, operator, source, Some(record.clone())) else {
        return Ok(());
    };
    let desk_hash = store(tx, &desk)?;
    let after = desk.stage();
    audit::append(
        tx,
        NewRow {
            station: Some(record.station),
            record_version: None,
            event: &AuditEvent::EntryStarted {
                number,
                source,
                stage: (after != before).then_some(after),
            },
            operator,
            record_hash: desk_hash,
        },
    )?;
    if after == Stage::Accepted && before != Stage::Accepted {
        write_accepted(tx, election, &desk, operator)?;
    }
    Ok(())
}

impl Workspace {
    /// A station's entries and stage.
    pub fn desk(&self, station: u32) -> Result<Desk, StorageError> {
        load(&self.conn, &self.election, station)
    }

    /// Every station that has an entry: its stage, typists and number of differing
    /// boxes, by station number. Reads the `desk` table's stage column and the
    /// entries' typists, never an entry's body: cheap for 500+ stations. A station
    /// not listed has no entry ([`Stage::NoEntry`]).
    pub fn entry_states(&self) -> Result<Vec<EntryState>, StorageError> {
        if !has_tables(&self.conn)? {
            return Ok(Vec::new());
        }
        let mut out: Vec<EntryState> = Vec::new();
        let mut stmt = self
            .conn
            .prepare("SELECT station, stage, differing FROM desk ORDER BY station")
            .map_err(db)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(db)?;
        for row in rows {
            let (station, stage, differing) = row.map_err(db)?;
            out.push(EntryState {
                station,
                stage: Stage::parse(&stage).unwrap_or(Stage::NoEntry),
                entries: Vec::new(),
                differing: differing.split_whitespace().count(),
            });
        }
        let mut stmt = self
            .conn
            .prepare("SELECT station, number, operator, source FROM desk_entries ORDER BY station, number")
            .map_err(db)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, u8>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })
            .map_err(db)?;
        for row in rows {
            let (station, number, operator, source) = row.map_err(db)?;
            if let (Ok(i), Some(source)) = (
                out.binary_search_by_key(&station, |s| s.station),
                Source::parse(&source),
            ) {
                out[i].entries.push((number, operator, source));
            }
        }
        Ok(out)
    }

    /// The stations at the desk that are not accepted yet, with their stage: their
    /// records are not added up or exported. A station without any entry is not
    /// here: its record (a station-side count, or a municipality's 510b, settled
    /// where it was made) counts as it stands.
    pub fn unsettled(&self) -> Result<std::collections::BTreeMap<u32, Stage>, StorageError> {
        Ok(self
            .entry_states()?
            .into_iter()
            .filter(|s| s.stage != Stage::Accepted)
            .map(|s| (s.station, s.stage))
            .collect())
    }
}
