//! The summary table checked against the record bodies, and made again from them
//! ([`super::summary`] holds the table itself; this reads the records, which write it).

use super::audit::sha256_hex;
use super::records::{latest_with_body, stations};
use super::summary::*;
use super::{DatabaseProblem, StorageError};
use crate::election::Election;
use rusqlite::{Connection, OptionalExtension};

fn db(e: rusqlite::Error) -> StorageError {
    super::classify(&e)
}

/// Makes every row again from the records' bodies (the latest version of each station).
pub fn rebuild(conn: &Connection, election: &Election) -> Result<(), StorageError> {
    conn.execute_batch("DELETE FROM summary; DELETE FROM summary_figures;")
        .map_err(db)?;
    for station in stations(conn)? {
        if let Some((record, body)) = latest_with_body(conn, election, station)? {
            update(conn, &record, &encode(&record), &sha256_hex(body.bytes()))?;
        }
    }
    Ok(())
}

/// A summary row as stored: version, state, mode, D, H, head, body SHA-256, and the
/// figures beside it.
type Row = (
    u32,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Vec<u8>,
    String,
    Option<Vec<u8>>,
);

/// Whether every row is what the latest record body says, and every station with a
/// record has one: Err names the first station that differs.
pub fn check(conn: &Connection, election: &Election) -> Result<(), DatabaseProblem> {
    let unreadable =
        |e: rusqlite::Error| DatabaseProblem::Unreadable(StorageError::database(None, &e));
    let stations = stations(conn).map_err(DatabaseProblem::Unreadable)?;
    let (rows, figures): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM summary), (SELECT count(*) FROM summary_figures)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(unreadable)?;
    // The figures' table counted too (a row of its own per summary row).
    for rows in [rows, figures] {
        if rows != stations.len() as i64 {
            return Err(DatabaseProblem::SummaryRows {
                rows,
                stations: stations.len(),
            });
        }
    }
    for station in stations {
        let differs = || DatabaseProblem::SummaryDiffers { station };
        let Some((record, body)) =
            latest_with_body(conn, election, station).map_err(DatabaseProblem::Unreadable)?
        else {
            return Err(differs());
        };
        let row: Option<Row> = conn
            .query_row(
                "SELECT s.version, s.state, s.mode, s.total_admitted, s.total_cast, s.head, \
                 s.body_sha256, f.figures FROM summary s \
                 LEFT JOIN summary_figures f ON f.station = s.station WHERE s.station = ?1",
                [station],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                    ))
                },
            )
            .optional()
            .map_err(unreadable)?;
        let figures = encode(&record);
        let head = figures[..head_len(&figures).unwrap_or(figures.len())].to_vec();
        let expected = (
            record.lifecycle.version,
            super::records::state_name(record.lifecycle.state).to_string(),
            mode_name(record.mode).to_string(),
            record.voters.total_admitted.map(|v| v as i64),
            record.votes.total_cast.map(|v| v as i64),
            head,
            sha256_hex(body.bytes()),
            Some(figures),
        );
        if row.as_ref() != Some(&expected) {
            return Err(differs());
        }
    }
    Ok(())
}
