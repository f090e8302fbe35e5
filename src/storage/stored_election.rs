//! The workspace's election: one row, written with its audit row.
//!
//! `body` is the election as TOML, what the audit row's hash covers. Beside it,
//! `parsed` (schema 4) holds the same election as JSON, derived from it: reading JSON
//! takes a tenth of the time of parsing TOML (at 10,000 stations, a 1.1 MB body: about
//! 25 ms of every open), so the workspace reads that. It is checked against the body by
//! `audit verify` ([`check`]), and an empty or unreadable copy falls back to the body.

use super::audit::{self, NewRow};
use super::{StorageError, db};
use crate::election::Election;
use crate::event::AuditEvent;
use rusqlite::{Connection, OptionalExtension, Transaction};

pub(super) fn read_election(conn: &Connection) -> Result<Option<(Election, bool)>, StorageError> {
    // The copy alone first: the body (1.1 MB at 10,000 stations) is not read then.
    let row: Option<(bool, String)> = conn
        .query_row(
            "SELECT seeded_demo, parsed FROM election WHERE only = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(db)?;
    let Some((seeded, parsed)) = row else {
        return Ok(None);
    };
    if let Some(election) = from_parsed(&parsed) {
        return Ok(Some((election, seeded)));
    }
    read_election_body(conn)
}

/// The election as the body has it, for a schema before 4 (no `parsed` column yet):
/// what the migrations read.
pub(super) fn read_election_body(
    conn: &Connection,
) -> Result<Option<(Election, bool)>, StorageError> {
    let row: Option<(String, bool)> = conn
        .query_row(
            "SELECT body, seeded_demo FROM election WHERE only = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(db)?;
    row.map(|(body, seeded)| from_body(&body).map(|e| (e, seeded)))
        .transpose()
}

fn from_body(body: &str) -> Result<Election, StorageError> {
    Election::from_toml(body).map_err(StorageError::ElectionUnreadable)
}

/// The derived JSON copy, when there is one and it reads as a sound election.
fn from_parsed(parsed: &str) -> Option<Election> {
    if parsed.is_empty() {
        return None;
    }
    let election: Election = serde_json::from_str(parsed).ok()?;
    election.check().ok()?;
    Some(election)
}

/// The JSON copy of `election` kept beside its body.
pub(super) fn parsed_copy(election: &Election) -> String {
    // Plain data with string keys: serialising cannot fail.
    serde_json::to_string(election).unwrap_or_default()
}

/// `audit verify`: whether the JSON copy says what the body says (an empty copy is
/// not read, so it cannot differ). Ok(false): it differs.
pub(super) fn check(conn: &Connection) -> Result<bool, StorageError> {
    let row: Option<(String, String)> = conn
        .query_row(
            "SELECT body, parsed FROM election WHERE only = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(db)?;
    let Some((body, parsed)) = row else {
        return Ok(true);
    };
    if parsed.is_empty() {
        return Ok(true);
    }
    let copy: Option<Election> = serde_json::from_str(&parsed).ok();
    Ok(copy == Some(from_body(&body)?))
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
        "INSERT INTO election (only, election_id, body, seeded_demo, parsed) \
         VALUES (1, ?1, ?2, ?3, ?4) \
         ON CONFLICT (only) DO UPDATE SET election_id = excluded.election_id, \
         body = excluded.body, seeded_demo = excluded.seeded_demo, parsed = excluded.parsed",
        rusqlite::params![election.id, body, seeded_demo, parsed_copy(election)],
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{DatabaseProblem, Workspace};

    #[test]
    fn the_json_copy_reads_back_as_the_election_of_the_body() {
        for election in [
            Election::demo(),
            crate::generate::election(&crate::generate::Shape::tweede_kamer(30)),
        ] {
            let copy = from_parsed(&parsed_copy(&election)).expect("reads");
            assert_eq!(copy, election);
            assert_eq!(from_body(&election.to_toml()).expect("toml"), election);
        }
        assert_eq!(from_parsed(""), None, "no copy: the body is read");
        assert_eq!(
            from_parsed("{"),
            None,
            "an unreadable copy: the body is read"
        );
    }

    #[test]
    fn a_copy_changed_behind_telraams_back_is_found_by_the_full_check_and_an_unreadable_one_is_not_read()
     {
        let dir = tempfile::tempdir().expect("temp dir");
        let ws = Workspace::open(dir.path()).expect("open");
        assert!(ws.database_problem().expect("checked").is_none());
        let mut other = Election::demo();
        other.stations[0].name = "Elders".into();
        ws.conn
            .execute(
                "UPDATE election SET parsed = ?1",
                [serde_json::to_string(&other).expect("json")],
            )
            .expect("tampered");
        assert!(matches!(
            ws.database_problem().expect("checked"),
            Some(DatabaseProblem::ElectionCopyDiffers)
        ));
        // A copy that does not read falls back to the body.
        ws.conn
            .execute("UPDATE election SET parsed = 'x'", [])
            .expect("spoiled");
        let (read, _) = read_election(&ws.conn).expect("read").expect("there");
        assert_eq!(read, Election::demo());
    }
}
