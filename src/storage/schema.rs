//! Opening the database: pragmas, the quick integrity check, the schema and its
//! version, and the migration of an older schema.
//!
//! One file, `telraam.sqlite3`, per workspace directory. WAL with
//! `synchronous = FULL` means a change is on disk when its transaction commits,
//! and a crash (power loss, SIGKILL) leaves the database at the last commit.

use super::{StorageError, summary};
use crate::election::Election;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The database file inside a workspace directory.
pub const DB_FILE: &str = "telraam.sqlite3";

/// The schema this build writes and reads (`PRAGMA user_version`). Version 1 had no
/// summary table; it is migrated at open.
pub const SCHEMA_VERSION: i64 = 2;

const SCHEMA: &str = "
CREATE TABLE election (
    only INTEGER PRIMARY KEY CHECK (only = 1),
    election_id TEXT NOT NULL,
    body TEXT NOT NULL,
    seeded_demo INTEGER NOT NULL DEFAULT 0
);
-- One row per version of a station's record; body is the result-file TOML.
CREATE TABLE records (
    station INTEGER NOT NULL,
    version INTEGER NOT NULL,
    state TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (station, version)
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    station INTEGER,
    record_version INTEGER,
    what TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL,
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    record_hash TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE resume (
    only INTEGER PRIMARY KEY CHECK (only = 1),
    station INTEGER NOT NULL,
    position TEXT NOT NULL
);
";

pub fn db_path(dir: &Path) -> PathBuf {
    dir.join(DB_FILE)
}

fn db_error(path: &Path, e: impl std::fmt::Display) -> StorageError {
    StorageError::Database(format!("{}: {e}", path.display()))
}

/// Opens the database, creating the directory and the file when needed. Returns the
/// connection and whether the schema was just created (an empty workspace).
pub fn connect(dir: &Path) -> Result<(Connection, bool), StorageError> {
    std::fs::create_dir_all(dir).map_err(|e| {
        StorageError::Io(format!(
            "{}: cannot create the workspace directory / kan de werkmap niet maken: {e}",
            dir.display()
        ))
    })?;
    let path = db_path(dir);
    let mut conn = Connection::open(&path).map_err(|e| db_error(&path, e))?;
    conn.busy_timeout(Duration::from_secs(10))
        .map_err(|e| db_error(&path, e))?;
    // The quick check at every open (every page readable, records well formed); the
    // full `integrity_check` (indexes agree with their tables too) is `audit verify`'s.
    let integrity: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| db_error(&path, e))?;
    if integrity != "ok" {
        return Err(StorageError::Database(format!(
            "{}: the database is damaged (quick check: {integrity}) / \
             de database is beschadigd",
            path.display()
        )));
    }
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .map_err(|e| db_error(&path, e))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(db_error(
            &path,
            format!("cannot switch to WAL (got {mode})"),
        ));
    }
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
        .map_err(|e| db_error(&path, e))?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| db_error(&path, e))?;
    match version {
        0 => {
            let created = {
                let tx = conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)
                    .map_err(|e| db_error(&path, e))?;
                // A second process may have created the schema meanwhile.
                let again: i64 = tx
                    .query_row("PRAGMA user_version", [], |r| r.get(0))
                    .map_err(|e| db_error(&path, e))?;
                if again == 0 {
                    tx.execute_batch(SCHEMA).map_err(|e| db_error(&path, e))?;
                    tx.execute_batch(summary::TABLE)
                        .map_err(|e| db_error(&path, e))?;
                    tx.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}"))
                        .map_err(|e| db_error(&path, e))?;
                }
                tx.commit().map_err(|e| db_error(&path, e))?;
                again == 0
            };
            Ok((conn, created))
        }
        1 => {
            migrate_from_1(&mut conn).map_err(|e| db_error(&path, e))?;
            Ok((conn, false))
        }
        SCHEMA_VERSION => Ok((conn, false)),
        other => Err(StorageError::Database(format!(
            "{}: schema version {other} was written by a newer telraam (this one reads \
             {SCHEMA_VERSION}) / database van een nieuwere telraam",
            path.display()
        ))),
    }
}

/// Version 1 to 2: the summary table, filled from the records' bodies, in one
/// transaction (a crash leaves version 1, migrated again at the next open).
fn migrate_from_1(conn: &mut Connection) -> Result<(), StorageError> {
    let db = |e: rusqlite::Error| StorageError::Database(e.to_string());
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(db)?;
    let again: i64 = tx
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(db)?;
    if again == 1 {
        tx.execute_batch(summary::TABLE).map_err(db)?;
        let body: Option<String> = tx
            .query_row("SELECT body FROM election WHERE only = 1", [], |r| r.get(0))
            .optional()
            .map_err(db)?;
        if let Some(body) = body {
            let election = Election::from_toml(&body).map_err(|e| {
                StorageError::Database(format!(
                    "the stored election cannot be read / de opgeslagen verkiezing is \
                     onleesbaar: {e}"
                ))
            })?;
            summary::rebuild(&tx, &election)?;
        }
        tx.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}"))
            .map_err(db)?;
    }
    tx.commit().map_err(db)
}
