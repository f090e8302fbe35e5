//! The workspace's election: one row, written with its audit row.

use super::audit::{self, NewRow};
use super::{StorageError, db};
use crate::election::Election;
use crate::event::AuditEvent;
use rusqlite::{Connection, OptionalExtension, Transaction};

pub(super) fn read_election(conn: &Connection) -> Result<Option<(Election, bool)>, StorageError> {
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
            .map_err(|e| StorageError::ElectionUnreadable {
                detail: e.to_string(),
            }),
    }
}

/// Stores the election and its audit row in `tx`.
pub(super) fn write_election(
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
