// Over 400 lines on purpose: the `phone` table, its reads, its writes and its check against the audit chain belong together.
//! The phone check ("telefonische controle") at the municipality: per station, the
//! latest phone check (the quick report heard, the codes typed, the record code phoned:
//! the station's *expected record code*), and what the full record that arrived later
//! (QR codes, result file, 510b, transcription) was found to be against it.
//!
//! Both are typed audit events ([`AuditEvent::PhoneCheck`],
//! [`AuditEvent::RecordCompared`]), so they carry time and operator and are covered by
//! the hash chain. The `phone` table keeps each station's latest check and comparison,
//! written in the same transaction as the event, so the overview reads one row per
//! station and parses no record: it is derived data, like the summary table.
//!
//! The comparison is made when a record arrives ([`super::Workspace::put_records`]
//! calls [`compare_in`] for each record it stores; a transcription calls
//! [`super::Workspace::compare_with_phone`]) and when a check is stored for a station
//! whose record is already in. What it finds is [`crate::verification::arrival`]'s.

use super::{DatabaseProblem, StorageError, Workspace, audit, db, records};
use crate::election::Election;
use crate::event::{AuditEvent, PhoneCheckEvent, RecordComparison};
use crate::verification::arrival;
use crate::verification::receive::PhoneStatus;
use audit::NewRow;
use rusqlite::{Connection, OptionalExtension};
use std::collections::BTreeMap;

pub use crate::event::PHONE_CHECK;

/// The table (schema 3).
pub const TABLE: &str = "
CREATE TABLE IF NOT EXISTS phone (
    station INTEGER PRIMARY KEY,
    check_row INTEGER NOT NULL,
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    check_event TEXT NOT NULL,
    comparison TEXT NOT NULL DEFAULT '',
    compared_body TEXT NOT NULL DEFAULT ''
);
";

/// One station's latest phone check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneCheckEntry {
    pub station: u32,
    pub check: PhoneCheckEvent,
    /// UTC, RFC 3339, as the audit log writes it.
    pub at: String,
    pub operator: String,
    /// The latest comparison of the station's full record with the code phoned.
    pub comparison: Option<RecordComparison>,
}

/// A station in the status overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StationPhoneStatus {
    pub station: u32,
    pub name: String,
    pub status: PhoneStatus,
    /// When the phone check was stored (UTC, RFC 3339).
    pub at: Option<String>,
}

pub(super) struct Row {
    pub(super) entry: PhoneCheckEntry,
    compared_body: String,
}

fn parse<T>(
    text: &str,
    station: u32,
    pick: impl Fn(AuditEvent) -> Option<T>,
) -> Result<T, StorageError> {
    AuditEvent::from_stored(text)
        .ok()
        .and_then(pick)
        .ok_or(StorageError::PhoneCheckUnreadable { station })
}

fn row_of(
    r: &rusqlite::Row<'_>,
) -> rusqlite::Result<(u32, String, String, String, String, String)> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    ))
}

fn to_row(
    (station, at, operator, check, comparison, compared_body): (
        u32,
        String,
        String,
        String,
        String,
        String,
    ),
) -> Result<Row, StorageError> {
    let check = parse(&check, station, |e| match e {
        AuditEvent::PhoneCheck(c) => Some(c),
        _ => None,
    })?;
    let comparison = if comparison.is_empty() {
        None
    } else {
        Some(parse(&comparison, station, |e| match e {
            AuditEvent::RecordCompared(c) => Some(c),
            _ => None,
        })?)
    };
    Ok(Row {
        entry: PhoneCheckEntry {
            station,
            check,
            at,
            operator,
            comparison,
        },
        compared_body,
    })
}

const SELECT: &str =
    "SELECT station, at, operator, check_event, comparison, compared_body FROM phone";

fn read_row(conn: &Connection, station: u32) -> Result<Option<Row>, StorageError> {
    conn.query_row(&format!("{SELECT} WHERE station = ?1"), [station], row_of)
        .optional()
        .map_err(db)?
        .map(to_row)
        .transpose()
}

pub(super) fn read_all(conn: &Connection) -> Result<BTreeMap<u32, Row>, StorageError> {
    let mut stmt = conn.prepare(SELECT).map_err(db)?;
    let rows = stmt.query_map([], row_of).map_err(db)?;
    let mut out = BTreeMap::new();
    for row in rows {
        let row = to_row(row.map_err(db)?)?;
        out.insert(row.entry.station, row);
    }
    Ok(out)
}

/// The SHA-256 of the body of the station's latest version (from the summary table).
fn latest_body(conn: &Connection, station: u32) -> Result<Option<String>, StorageError> {
    conn.query_row(
        "SELECT body_sha256 FROM summary WHERE station = ?1",
        [station],
        |r| r.get(0),
    )
    .optional()
    .map_err(db)
}

/// Stores a phone check: its audit event and the station's `phone` row, and compares
/// the station's record with it when one is in. Call inside the transaction.
pub(super) fn check_in(
    conn: &Connection,
    election: &Election,
    station: u32,
    check: &PhoneCheckEvent,
    operator: &str,
) -> Result<PhoneCheckEntry, StorageError> {
    let event = AuditEvent::PhoneCheck(check.clone());
    let row = audit::append(
        conn,
        NewRow {
            station: Some(station),
            record_version: None,
            event: &event,
            operator,
            record_hash: String::new(),
        },
    )?;
    conn.execute(
        "INSERT INTO phone (station, check_row, at, operator, check_event) \
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (station) DO UPDATE SET \
         check_row = excluded.check_row, at = excluded.at, operator = excluded.operator, \
         check_event = excluded.check_event, comparison = '', compared_body = ''",
        rusqlite::params![station, row.id, row.at, row.operator, row.event],
    )
    .map_err(db)?;
    let comparison = compare_in(conn, election, station, operator)?;
    Ok(PhoneCheckEntry {
        station,
        check: check.clone(),
        at: row.at,
        operator: row.operator,
        comparison,
    })
}

/// Compares the station's latest record with the record code phoned, and stores what
/// was found (an audit event and the `phone` row) unless that very record was compared
/// already. None: nothing to compare (no record, or no record code phoned). Call inside
/// the transaction that stored the record.
pub(super) fn compare_in(
    conn: &Connection,
    election: &Election,
    station: u32,
    operator: &str,
) -> Result<Option<RecordComparison>, StorageError> {
    let Some(row) = read_row(conn, station)? else {
        return Ok(None);
    };
    let Some(body) = latest_body(conn, station)? else {
        return Ok(None);
    };
    if row.compared_body == body && row.entry.comparison.is_some() {
        return Ok(row.entry.comparison);
    }
    let versions = records::versions(conn, election, station)?;
    let Some(comparison) = arrival::compare(election, &row.entry.check, &versions) else {
        return Ok(None);
    };
    let event = AuditEvent::RecordCompared(comparison.clone());
    let appended = audit::append(
        conn,
        NewRow {
            station: Some(station),
            record_version: Some(comparison.version),
            event: &event,
            operator,
            record_hash: String::new(),
        },
    )?;
    conn.execute(
        "UPDATE phone SET comparison = ?1, compared_body = ?2 WHERE station = ?3",
        rusqlite::params![appended.event, body, station],
    )
    .map_err(db)?;
    Ok(Some(comparison))
}

/// Checks the `phone` table against the audit chain it is derived from (run by `audit
/// verify`): each station's row must hold its latest phone-check event, and the latest
/// comparison stored after it (or none). A row changed behind telraam's back, say to
/// show "record matches phone", is named.
pub fn check(conn: &Connection) -> Result<(), DatabaseProblem> {
    let unreadable =
        |e: rusqlite::Error| DatabaseProblem::Unreadable(StorageError::database(None, &e));
    let mut stmt = conn
        .prepare(
            "SELECT id, station, event, json_extract(event, '$.kind') FROM audit \
             WHERE station IS NOT NULL AND event != '' \
             AND json_extract(event, '$.kind') IN ('phone-check', 'record-compared') \
             ORDER BY id",
        )
        .map_err(unreadable)?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, u32>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })
        .map_err(unreadable)?;
    // station -> (check event, comparison event or "")
    let mut from_chain: BTreeMap<u32, (String, String)> = BTreeMap::new();
    for row in rows {
        let (station, event, kind) = row.map_err(unreadable)?;
        if kind == "phone-check" {
            from_chain.insert(station, (event, String::new()));
        } else if let Some(latest) = from_chain.get_mut(&station) {
            latest.1 = event;
        }
    }
    let mut stmt = conn
        .prepare("SELECT station, check_event, comparison FROM phone ORDER BY station")
        .map_err(unreadable)?;
    let in_table: BTreeMap<u32, (String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
        .map_err(unreadable)?
        .collect::<Result<_, _>>()
        .map_err(unreadable)?;
    for station in from_chain.keys().chain(in_table.keys()) {
        if from_chain.get(station) != in_table.get(station) {
            return Err(DatabaseProblem::PhoneDiffers { station: *station });
        }
    }
    Ok(())
}

fn status_of(comparison: &RecordComparison) -> PhoneStatus {
    if comparison.matches() {
        PhoneStatus::RecordMatches
    } else {
        PhoneStatus::RecordDiffers {
            located: comparison.located.clone(),
        }
    }
}

impl Workspace {
    /// Stores the outcome of a phone check (and, when the station's record is already
    /// in, its comparison with the record code phoned), in one transaction.
    pub fn record_phone_check(
        &mut self,
        station: u32,
        check: &PhoneCheckEvent,
        operator: &str,
    ) -> Result<PhoneCheckEntry, StorageError> {
        self.check_station(station)?;
        let election = self.election.clone();
        let tx = self.begin()?;
        let entry = check_in(&tx, &election, station, check, operator)?;
        tx.commit().map_err(db)?;
        Ok(entry)
    }

    /// Compares the station's latest record with the record code phoned on election
    /// night and keeps what was found. Storing a record through
    /// [`Workspace::put_records`] does this itself; a record that arrives otherwise
    /// (a paper PV transcribed box by box) calls it once the record is complete.
    pub fn compare_with_phone(
        &mut self,
        station: u32,
        operator: &str,
    ) -> Result<Option<RecordComparison>, StorageError> {
        self.check_station(station)?;
        let election = self.election.clone();
        let tx = self.begin()?;
        let found = compare_in(&tx, &election, station, operator)?;
        tx.commit().map_err(db)?;
        Ok(found)
    }

    /// The latest phone check of every station that has one, by station number.
    pub fn phone_checks(&self) -> Result<Vec<PhoneCheckEntry>, StorageError> {
        Ok(read_all(&self.conn)?
            .into_values()
            .map(|r| r.entry)
            .collect())
    }

    /// Every station of the election with its phone status: not received, quick
    /// report verified or differs, record received, record matches or differs from
    /// the phone. Reads the `phone` and summary tables; a record is parsed only when it
    /// changed after it was compared (a draft edited here), and nothing is written.
    pub fn phone_overview(&self) -> Result<Vec<StationPhoneStatus>, StorageError> {
        let tx = self.conn.unchecked_transaction().map_err(db)?;
        let checks = read_all(&tx)?;
        let bodies: BTreeMap<u32, String> = {
            let mut stmt = tx
                .prepare("SELECT station, body_sha256 FROM summary")
                .map_err(db)?;
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(db)?;
            rows.collect::<Result<_, _>>().map_err(db)?
        };
        let mut stations: Vec<_> = self.election.stations.iter().collect();
        stations.sort_by_key(|s| s.number);
        let mut out = Vec::with_capacity(stations.len());
        for s in stations {
            let row = checks.get(&s.number);
            let body = bodies.get(&s.number).map(String::as_str);
            let status = station_status(&tx, &self.election, s.number, body, row)?;
            out.push(StationPhoneStatus {
                station: s.number,
                name: s.name.clone(),
                status,
                at: row.map(|r| r.entry.at.clone()),
            });
        }
        tx.finish().map_err(db)?;
        Ok(out)
    }
}

/// A station's phone status from its `phone` row and the SHA-256 of its latest
/// record body (None: no record); the record is parsed only when it changed after it
/// was compared.
pub(super) fn station_status(
    conn: &Connection,
    election: &Election,
    station: u32,
    body: Option<&str>,
    row: Option<&Row>,
) -> Result<PhoneStatus, StorageError> {
    let check = row.map(|r| &r.entry.check);
    Ok(match (body, check) {
        (None, None) => PhoneStatus::NotReceived,
        (None, Some(c)) if c.verified => PhoneStatus::QuickVerified,
        (None, Some(_)) => PhoneStatus::QuickDiffers,
        (Some(_), None) => PhoneStatus::RecordReceived,
        (Some(_), Some(c)) if !c.verified => PhoneStatus::RecordReceived,
        (Some(body), Some(c)) => match row.and_then(|r| {
            r.entry
                .comparison
                .as_ref()
                .filter(|_| r.compared_body == body)
        }) {
            Some(comparison) => status_of(comparison),
            None => {
                let versions = records::versions(conn, election, station)?;
                arrival::compare(election, c, &versions)
                    .map(|found| status_of(&found))
                    .unwrap_or(PhoneStatus::RecordReceived)
            }
        },
    })
}

#[cfg(test)]
#[path = "phone_tests.rs"]
mod tests;
