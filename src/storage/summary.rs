//! The summary table: per station, what the station list, the status board and
//! aggregation need of its latest record version, so that none of them parses
//! every record's TOML body.
//!
//! One row per station: version, state and mode of the latest version, D and H, the
//! head of its figures (A–O, the ballot stock and the list totals: what the status
//! board reads, about 60 bytes) and the SHA-256 of the body it was taken from; beside
//! it, in `summary_figures`, every figure of that version in a compact binary form
//! ([`encode`], about 3.5 kB for a Tweede Kamer record), which adding up reads. The
//! figures have a table of their own (schema 4) so that reading the summary for the
//! status board touches 1 MB at 10,000 stations instead of 41 MB. It is written by [`super::records::write`]
//! and [`super::records::delete`], so always in the same transaction as the record
//! itself. It is derived data: `summary_check::check` (run by `audit verify`) compares
//! every row with the body it summarises, and `summary_check::rebuild` makes it
//! again from the bodies (the migration of a workspace written before the table
//! existed).

use super::StorageError;
use super::db;
use crate::election::Election;
use crate::record::{Count, CountRecord, EntryMode, RecordState};
use rusqlite::Connection;

mod codec;
pub use codec::{Head, decode_head, decode_into, encode, head_len};

/// A record state as the `state` columns write it.
pub fn state_name(state: RecordState) -> &'static str {
    match state {
        RecordState::Draft => "draft",
        RecordState::Finalised => "finalised",
    }
}

/// The tables (created by the schema, and by the migration from version 1; schema 3
/// kept the figures in `summary` itself, see `migrate::from_3`).
pub const TABLE: &str = "
CREATE TABLE summary (
    station INTEGER PRIMARY KEY,
    version INTEGER NOT NULL,
    state TEXT NOT NULL,
    mode TEXT NOT NULL,
    total_admitted INTEGER,
    total_cast INTEGER,
    -- The start of summary_figures.figures: format, A–O, ballot stock, list totals.
    head BLOB NOT NULL,
    body_sha256 TEXT NOT NULL
);
CREATE TABLE summary_figures (
    station INTEGER PRIMARY KEY,
    figures BLOB NOT NULL
);
";

/// One station's row: what the station list and the status board show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub station: u32,
    pub version: u32,
    pub state: RecordState,
    pub mode: EntryMode,
    /// D.
    pub total_admitted: Count,
    /// H.
    pub total_cast: Count,
}

impl Summary {
    pub fn of(record: &CountRecord) -> Summary {
        Summary {
            station: record.station,
            version: record.lifecycle.version,
            state: record.lifecycle.state,
            mode: record.mode,
            total_admitted: record.voters.total_admitted,
            total_cast: record.votes.total_cast,
        }
    }
}

pub(super) fn mode_name(mode: EntryMode) -> &'static str {
    match mode {
        EntryMode::Counting => "counting",
        EntryMode::Transcription => "transcription",
    }
}

/// Sets the station's row to `record`: its `figures` ([`encode`]) and the SHA-256 of
/// its stored body; a row of a
/// higher version stays (the caller writes an older version only after deleting
/// the newer ones, see [`forget`]).
pub fn update(
    conn: &Connection,
    record: &CountRecord,
    figures: &[u8],
    body_sha256: &str,
) -> Result<(), StorageError> {
    let head = &figures[..head_len(figures).unwrap_or(figures.len())];
    let written = conn
        .prepare_cached(
            "INSERT INTO summary (station, version, state, mode, total_admitted, total_cast, \
             head, body_sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
             ON CONFLICT (station) DO UPDATE SET version = excluded.version, \
             state = excluded.state, mode = excluded.mode, \
             total_admitted = excluded.total_admitted, total_cast = excluded.total_cast, \
             head = excluded.head, body_sha256 = excluded.body_sha256 \
             WHERE excluded.version >= summary.version",
        )
        .and_then(|mut stmt| {
            stmt.execute(rusqlite::params![
                record.station,
                record.lifecycle.version,
                state_name(record.lifecycle.state),
                mode_name(record.mode),
                record.voters.total_admitted.map(|v| v as i64),
                record.votes.total_cast.map(|v| v as i64),
                head,
                body_sha256,
            ])
        })
        .map_err(db)?;
    // The figures go with the row: only when the row was written.
    if written > 0 {
        conn.prepare_cached(
            "INSERT INTO summary_figures (station, figures) VALUES (?1, ?2) \
             ON CONFLICT (station) DO UPDATE SET figures = excluded.figures",
        )
        .and_then(|mut stmt| stmt.execute(rusqlite::params![record.station, figures]))
        .map_err(db)?;
    }
    Ok(())
}

/// Drops the station's row when it describes `version` (which is being deleted);
/// the caller writes the station's new latest version next, or [`rebuild`]s.
pub fn forget(conn: &Connection, station: u32, version: u32) -> Result<(), StorageError> {
    let dropped = conn
        .execute(
            "DELETE FROM summary WHERE station = ?1 AND version = ?2",
            [station, version],
        )
        .map_err(db)?;
    if dropped > 0 {
        conn.execute("DELETE FROM summary_figures WHERE station = ?1", [station])
            .map_err(db)?;
    }
    Ok(())
}

pub(super) fn parse_state(text: &str) -> Option<RecordState> {
    match text {
        "draft" => Some(RecordState::Draft),
        "finalised" => Some(RecordState::Finalised),
        _ => None,
    }
}

pub(super) fn parse_mode(text: &str) -> Option<EntryMode> {
    match text {
        "counting" => Some(EntryMode::Counting),
        "transcription" => Some(EntryMode::Transcription),
        _ => None,
    }
}

fn count_column(v: Option<i64>) -> Count {
    v.and_then(|v| u64::try_from(v).ok())
}

/// Every station's row, by station number.
pub fn all(conn: &Connection) -> Result<Vec<Summary>, StorageError> {
    let mut stmt = conn
        .prepare(
            "SELECT station, version, state, mode, total_admitted, total_cast FROM summary \
             ORDER BY station",
        )
        .map_err(db)?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, u32>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, Option<i64>>(5)?,
            ))
        })
        .map_err(db)?;
    let mut out = Vec::new();
    for row in rows {
        let (station, version, state, mode, d, h) = row.map_err(db)?;
        let (Some(state), Some(mode)) = (parse_state(&state), parse_mode(&mode)) else {
            return Err(StorageError::SummaryState {
                station,
                state,
                mode,
            });
        };
        out.push(Summary {
            station,
            version,
            state,
            mode,
            total_admitted: count_column(d),
            total_cast: count_column(h),
        });
    }
    Ok(out)
}

/// Calls `each` with every station's latest figures (one record buffer, reused: only
/// station, mode, lifecycle version and state and the figures are filled in).
pub fn for_each_figures(
    conn: &Connection,
    election: &Election,
    mut each: impl FnMut(&CountRecord),
) -> Result<(), StorageError> {
    let mut stmt = conn
        .prepare(
            "SELECT s.station, s.version, s.state, s.mode, f.figures FROM summary s \
             LEFT JOIN summary_figures f ON f.station = s.station ORDER BY s.station",
        )
        .map_err(db)?;
    let mut rows = stmt.query([]).map_err(db)?;
    let mut record = CountRecord::empty(election, 0, EntryMode::Transcription);
    while let Some(row) = rows.next().map_err(db)? {
        let station: u32 = row.get(0).map_err(db)?;
        let state: String = row.get(2).map_err(db)?;
        let mode: String = row.get(3).map_err(db)?;
        let figures =
            row.get_ref(4)
                .map_err(db)?
                .as_blob()
                .map_err(|e| StorageError::SummaryFigures {
                    station,
                    detail: e.to_string(),
                })?;
        let unreadable = || StorageError::SummaryUnreadable { station };
        record.station = station;
        record.lifecycle.version = row.get(1).map_err(db)?;
        record.lifecycle.state = parse_state(&state).ok_or_else(unreadable)?;
        record.mode = parse_mode(&mode).ok_or_else(unreadable)?;
        decode_into(figures, &mut record).ok_or_else(unreadable)?;
        each(&record);
    }
    Ok(())
}
