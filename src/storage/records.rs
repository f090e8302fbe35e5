//! Reading and writing record versions. A version's body ([`Body`]) is what the audit
//! row's record hash covers: the compact form ([`super::body`]) for every version
//! written since schema 5, whether the lifecycle wrote it (a confirmed box) or it was
//! stored whole (an import, an accepted double entry); the result-file TOML
//! ([`crate::result_file`]) for a version written before, which reads as before.

use super::audit::sha256_hex;
use super::body::{self, Body};
use super::db;
use super::{StorageError, summary};
use crate::election::Election;
use crate::record::CountRecord;
use crate::result_file;
use rusqlite::{Connection, OptionalExtension};

pub use super::summary::state_name;

/// The reader's name for a stored version; the message a user reads names it again
/// in the chosen language ([`super::words`]).
fn record_name(station: u32, version: u32) -> String {
    format!("workspace record station {station} version {version}")
}

fn body_of(
    station: u32,
    version: u32,
    value: rusqlite::types::ValueRef<'_>,
) -> Result<Body, StorageError> {
    Body::from_value(&record_name(station, version), value).map_err(|error| {
        StorageError::RecordUnreadable {
            station,
            version,
            error: Box::new(error),
        }
    })
}

fn parse(
    election: &Election,
    station: u32,
    version: u32,
    body: &Body,
) -> Result<CountRecord, StorageError> {
    body.read(&record_name(station, version), election)
        .map_err(|error| StorageError::RecordUnreadable {
            station,
            version,
            error: Box::new(error),
        })
}

/// The latest version's number and body of a station.
fn latest_body(conn: &Connection, station: u32) -> Result<Option<(u32, Body)>, StorageError> {
    let row = conn
        .query_row(
            "SELECT version, body FROM records WHERE station = ?1 ORDER BY version DESC LIMIT 1",
            [station],
            |r| {
                let version: u32 = r.get(0)?;
                Ok((version, body_of(station, version, r.get_ref(1)?)))
            },
        )
        .optional()
        .map_err(db)?;
    row.map(|(v, body)| body.map(|b| (v, b))).transpose()
}

/// The latest version of a station's record and its stored body.
pub fn latest_with_body(
    conn: &Connection,
    election: &Election,
    station: u32,
) -> Result<Option<(CountRecord, Body)>, StorageError> {
    latest_body(conn, station)?
        .map(|(v, body)| parse(election, station, v, &body).map(|r| (r, body)))
        .transpose()
}

/// The latest version of a station's record.
pub fn latest(
    conn: &Connection,
    election: &Election,
    station: u32,
) -> Result<Option<CountRecord>, StorageError> {
    Ok(latest_with_body(conn, election, station)?.map(|(r, _)| r))
}

/// Every version of a station's record, oldest first.
pub fn versions(
    conn: &Connection,
    election: &Election,
    station: u32,
) -> Result<Vec<CountRecord>, StorageError> {
    let mut stmt = conn
        .prepare("SELECT version, body FROM records WHERE station = ?1 ORDER BY version")
        .map_err(db)?;
    let rows = stmt
        .query_map([station], |r| {
            let version: u32 = r.get(0)?;
            Ok((version, body_of(station, version, r.get_ref(1)?)))
        })
        .map_err(db)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(db)?;
    rows.into_iter()
        .map(|(v, body)| parse(election, station, v, &body?))
        .collect()
}

/// The stations that have a record, ascending.
pub fn stations(conn: &Connection) -> Result<Vec<u32>, StorageError> {
    let mut stmt = conn
        .prepare("SELECT DISTINCT station FROM records ORDER BY station")
        .map_err(db)?;
    let rows = stmt.query_map([], |r| r.get(0)).map_err(db)?;
    rows.collect::<Result<Vec<_>, _>>().map_err(db)
}

/// One stored version: station, version, state column, body bytes.
pub type StoredVersion = (u32, u32, String, Vec<u8>);

/// Every stored version as (station, version, state column, body bytes): what the
/// audit check compares (the bytes of a TOML body are its text).
pub fn all_bodies(conn: &Connection) -> Result<Vec<StoredVersion>, StorageError> {
    let mut stmt = conn
        .prepare("SELECT station, version, state, body FROM records ORDER BY station, version")
        .map_err(db)?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get_ref(3)?.as_bytes()?.to_vec(),
            ))
        })
        .map_err(db)?;
    rows.collect::<Result<Vec<_>, _>>().map_err(db)
}

/// Writes (inserts or replaces) one version stored whole (an import, the record an
/// accepted double entry makes) in the compact form ([`body::encode`]), and the
/// station's summary row with it; returns what was written.
///
/// Refuses a record that could not be read back (a figure or a computed sum above
/// 999 999 999, a version beyond [`crate::record::MAX_VERSION`], another election,
/// station or model): nothing stored may be unreadable, whichever way it came in.
/// The written bytes are read back ([`Body::read`]) before they are stored, and must
/// give the record itself.
pub fn write(
    conn: &Connection,
    election: &Election,
    record: &CountRecord,
) -> Result<Written, StorageError> {
    result_file::storable(&name(record), record, election).map_err(|e| refused(record, e))?;
    let (bytes, figures_at) = body::encode(record);
    // The record passed the checks above; what it decodes to must be itself.
    if body::decode(&bytes, election).as_ref() != Some(record) {
        return Err(refused(record, body::unreadable(&name(record))));
    }
    insert_compact(conn, record, bytes, figures_at)
}

/// As [`write`] for the second and later records of one transaction (an import of
/// many stations): the same refusals, checked on the record itself
/// ([`result_file::storable`]) without decoding the written bytes.
/// `tests/suite/storable.rs` holds that check to what reading back refuses, and the
/// transaction's first record is still read back in full ([`write`]), so every
/// transaction checks that writer and reader agree.
pub fn write_next(
    conn: &Connection,
    election: &Election,
    record: &CountRecord,
) -> Result<Written, StorageError> {
    result_file::storable(&name(record), record, election).map_err(|e| refused(record, e))?;
    let (bytes, figures_at) = body::encode(record);
    insert_compact(conn, record, bytes, figures_at)
}

/// The checker's name for a record to be stored; the message names it again in the
/// chosen language ([`super::words`]).
fn name(record: &CountRecord) -> String {
    format!(
        "station {} version {}",
        record.station, record.lifecycle.version
    )
}

fn refused(record: &CountRecord, e: result_file::ResultFileError) -> StorageError {
    StorageError::NotStorable {
        station: record.station,
        version: record.lifecycle.version,
        error: Box::new(e),
    }
}

/// A version as written: its body and the body's SHA-256 (what the audit row and
/// the summary row carry).
#[derive(Debug, Clone)]
pub struct Written {
    pub body: Vec<u8>,
    pub sha256: String,
}

/// Writes one version the lifecycle decided ([`crate::lifecycle`]) in the compact
/// form ([`body::encode`]), and the station's summary row with the same figures.
/// Not read back: the lifecycle refuses a figure or a sum that would not fit its
/// box, and keeps the version in range; the body is the record, byte for byte.
pub fn write_decided(conn: &Connection, record: &CountRecord) -> Result<Written, StorageError> {
    let (body, figures_at) = body::encode(record);
    insert_compact(conn, record, body, figures_at)
}

/// Stores compact bytes and the summary row taken from the same bytes, their hash
/// computed once.
fn insert_compact(
    conn: &Connection,
    record: &CountRecord,
    body: Vec<u8>,
    figures_at: usize,
) -> Result<Written, StorageError> {
    let sha256 = sha256_hex(&body);
    insert(conn, record, &body)?;
    let figures = body.get(figures_at..).unwrap_or_default();
    summary::update(conn, record, figures, &sha256)?;
    Ok(Written { body, sha256 })
}

fn insert(
    conn: &Connection,
    record: &CountRecord,
    body: &dyn rusqlite::ToSql,
) -> Result<(), StorageError> {
    conn.execute(
        "INSERT INTO records (station, version, state, body) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (station, version) DO UPDATE SET state = excluded.state, body = excluded.body",
        rusqlite::params![
            record.station,
            record.lifecycle.version,
            state_name(record.lifecycle.state),
            body
        ],
    )
    .map_err(db)?;
    Ok(())
}

/// Removes one version (a draft replaced by an imported record), and the summary row
/// when it described that version: the caller writes the station's new latest version
/// in the same transaction.
pub fn delete(conn: &Connection, station: u32, version: u32) -> Result<(), StorageError> {
    conn.execute(
        "DELETE FROM records WHERE station = ?1 AND version = ?2",
        [station, version],
    )
    .map_err(db)?;
    summary::forget(conn, station, version)
}
