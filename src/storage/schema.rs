//! Opening the database: pragmas, the integrity check, the schema and its version.
//!
//! One file, `telraam.sqlite3`, per workspace directory. WAL with
//! `synchronous = FULL` means a change is on disk when its transaction commits,
//! and a crash (power loss, SIGKILL) leaves the database at the last commit.

use super::StorageError;
use rusqlite::{Connection, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The database file inside a workspace directory.
pub const DB_FILE: &str = "telraam.sqlite3";

/// The schema this build writes and reads (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = 1;

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
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| db_error(&path, e))?;
    if integrity != "ok" {
        return Err(StorageError::Database(format!(
            "{}: the database is damaged (integrity check: {integrity}) / \
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
                    tx.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}"))
                        .map_err(|e| db_error(&path, e))?;
                }
                tx.commit().map_err(|e| db_error(&path, e))?;
                again == 0
            };
            Ok((conn, created))
        }
        SCHEMA_VERSION => Ok((conn, false)),
        other => Err(StorageError::Database(format!(
            "{}: schema version {other} was written by a newer telraam (this one reads \
             {SCHEMA_VERSION}) / database van een nieuwere telraam",
            path.display()
        ))),
    }
}
