//! The resume point: where the operator was, so a restart after a crash or a
//! closed lid puts them back at the same station and field. Not audited: it is
//! the cursor, not a count.

use super::db;
use super::{ResumePoint, StorageError};
use rusqlite::{Connection, OptionalExtension};

pub fn get(conn: &Connection) -> Result<Option<ResumePoint>, StorageError> {
    conn.query_row(
        "SELECT station, position FROM resume WHERE only = 1",
        [],
        |r| {
            Ok(ResumePoint {
                station: r.get(0)?,
                position: r.get(1)?,
            })
        },
    )
    .optional()
    .map_err(db)
}

pub fn set(conn: &Connection, point: &ResumePoint) -> Result<(), StorageError> {
    conn.execute(
        "INSERT INTO resume (only, station, position) VALUES (1, ?1, ?2) \
         ON CONFLICT (only) DO UPDATE SET station = excluded.station, position = excluded.position",
        rusqlite::params![point.station, point.position],
    )
    .map_err(db)?;
    Ok(())
}
