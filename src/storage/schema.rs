//! Opening the database: pragmas, the quick integrity check, the schema and its
//! version, and the migration of an older schema.
//!
//! One file, `telraam.sqlite3`, per workspace directory. WAL with
//! `synchronous = FULL` means a change is on disk when its transaction commits,
//! and a crash (power loss, SIGKILL) leaves the database at the last commit.

use super::{StorageError, summary};
use crate::election::Election;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The database file inside a workspace directory.
pub const DB_FILE: &str = "telraam.sqlite3";

/// The schema this build writes and reads (`PRAGMA user_version`). Version 1 had no
/// summary table; version 2 had no typed audit events (`audit.event`) and no `phone`
/// table, and kept a 510b's totals in a loose file; version 3 kept the summary's
/// figures in the summary row and had no JSON copy of the election; version 4 stored
/// every record version as TOML text, where version 5 writes a compact body
/// ([`super::body`]) that a telraam of version 4 cannot read. All are migrated at open
/// ([`super::migrate`], [`super::migrate_figures`], [`super::body::migrate_from_4`]).
/// A further change of what is stored is version 6, with a migration from 5 added
/// after `body::migrate_from_4` in [`connect`] (each migration checks the version it
/// starts from; a database the steps leave behind is refused, not read as current).
pub const SCHEMA_VERSION: i64 = 5;

const SCHEMA: &str = "
CREATE TABLE election (
    only INTEGER PRIMARY KEY CHECK (only = 1),
    election_id TEXT NOT NULL,
    body TEXT NOT NULL,
    seeded_demo INTEGER NOT NULL DEFAULT 0,
    -- The same election as JSON, derived from body (schema 4; stored_election.rs).
    parsed TEXT NOT NULL DEFAULT ''
);
-- One row per version of a station's record; body is its compact form (a BLOB,
-- storage/body.rs) or, when stored whole or before schema 5, its result-file TOML.
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
    hash TEXT NOT NULL,
    -- The typed event (crates/telraam-core/src/event/), one line of JSON; '' on rows of schema 2.
    event TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_station ON audit (station);
CREATE TABLE resume (
    only INTEGER PRIMARY KEY CHECK (only = 1),
    station INTEGER NOT NULL,
    position TEXT NOT NULL
);
";

pub fn db_path(dir: &Path) -> PathBuf {
    dir.join(DB_FILE)
}

fn db_error(path: &Path, e: rusqlite::Error) -> StorageError {
    match super::classify(&e) {
        StorageError::Database { path: None, .. } => {
            StorageError::database(Some(path.to_path_buf()), &e)
        }
        other => other,
    }
}

fn denied(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    )
}

/// Whether the workspace in `dir` cannot be written: its folder is write-protected
/// (SQLite needs to create its journal files there) or its database file is.
pub fn is_read_only(dir: &Path) -> bool {
    let path = db_path(dir);
    if path.is_file()
        && let Err(e) = std::fs::OpenOptions::new().append(true).open(&path)
    {
        return denied(&e);
    }
    dir.is_dir() && tempfile::tempfile_in(dir).is_err_and(|e| denied(&e))
}

/// `path` as an SQLite URI (`file:/dir/telraam.sqlite3`), unsafe bytes percent-encoded.
fn uri(path: &Path, query: &str) -> String {
    // A relative path (`--data telling`) would read as one from the root.
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::from("file:");
    if !text.starts_with('/') {
        out.push('/'); // a Windows drive: file:/C:/...
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~:".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.push('?');
    out.push_str(query);
    out
}

/// Opens an existing workspace's database for reading only: never creates, changes
/// or locks anything, so it works on a write-protected copy. Runs the quick
/// check and the schema version check (a version 1 workspace, without the summary
/// table, must be opened once where it can be written, which migrates it).
///
/// A WAL database normally needs its `-shm` file; in a write-protected folder
/// without one, SQLite cannot create it, and the database is opened as immutable
/// (nobody can write it there either). A `-wal` file left by a crash in such a
/// folder is then not read: copy the workspace somewhere writable first.
pub fn connect_read_only(dir: &Path) -> Result<Connection, StorageError> {
    let (conn, _) = open_read_only(dir, true)?;
    Ok(conn)
}

/// As [`connect_read_only`] without the quick check: a second connection of a
/// workspace whose first one ran it at its open.
pub(super) fn connect_read_only_unchecked(dir: &Path) -> Result<Connection, StorageError> {
    let (conn, _) = open_read_only(dir, false)?;
    Ok(conn)
}

/// SQLite's quick check (every page readable, every record well formed), the check at
/// every open. It reads the database through memory mapping: the pages are not
/// copied into SQLite's cache, which takes half the time of reading them (at 10,000
/// stations, 25 instead of 60 ms of CPU). Only this check maps the file; writing
/// never goes through the map. Returns SQLite's answer, "ok" when all is well.
fn quick_check(conn: &Connection) -> rusqlite::Result<String> {
    conn.execute_batch("PRAGMA mmap_size = 1073741824")?;
    let found = conn.query_row("PRAGMA quick_check", [], |r| r.get(0));
    conn.execute_batch("PRAGMA mmap_size = 0")?;
    found
}

/// SQLite's quick check of the database, running on a connection and thread of its
/// own beside the reading ([`connect_read_only_checking`]). Whatever was read must not
/// be shown before [`QuickCheck::wait`] said Ok.
pub struct QuickCheck(std::thread::JoinHandle<Result<(), StorageError>>);

impl QuickCheck {
    /// Waits for the check: Err([`StorageError::Damaged`]) as at every open.
    pub fn wait(self) -> Result<(), StorageError> {
        self.0
            .join()
            .unwrap_or(Err(StorageError::QuickCheckStopped))
    }
}

/// As [`connect_read_only`], but SQLite's quick check runs on a second connection in
/// another thread while the caller reads ([`QuickCheck`]): the reading of a large
/// workspace (the status board of 10,000 stations) no longer waits for every page of
/// the file to be checked, and nothing read is shown before the check passed.
pub fn connect_read_only_checking(dir: &Path) -> Result<(Connection, QuickCheck), StorageError> {
    let (conn, query) = open_read_only(dir, false)?;
    let path = db_path(dir);
    let check = std::thread::spawn(move || -> Result<(), StorageError> {
        let conn = Connection::open_with_flags(uri(&path, query), read_only_flags())
            .map_err(|e| db_error(&path, e))?;
        let integrity = quick_check(&conn).map_err(|e| db_error(&path, e))?;
        if integrity != "ok" {
            return Err(StorageError::Damaged {
                path,
                quick: true,
                found: integrity,
            });
        }
        Ok(())
    });
    Ok((conn, QuickCheck(check)))
}

fn read_only_flags() -> OpenFlags {
    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX
}

/// Opens the database read-only (`mode=ro`, or `immutable=1` in a write-protected
/// folder without the `-shm` file; returns which), checks the schema version and,
/// when `check`, runs the quick check first.
fn open_read_only(dir: &Path, check: bool) -> Result<(Connection, &'static str), StorageError> {
    let path = db_path(dir);
    if !path.is_file() {
        return Err(StorageError::NoWorkspace {
            dir: dir.to_path_buf(),
        });
    }
    let flags = read_only_flags();
    // As at every open, the quick check (the full one is `audit verify`'s); without
    // it, a first read that shows whether the database can be read this way.
    let probe = |conn: &Connection| -> rusqlite::Result<String> {
        if check {
            quick_check(conn)
        } else {
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|_| "ok".to_string())
        }
    };
    let (conn, integrity, query) = match Connection::open_with_flags(uri(&path, "mode=ro"), flags)
        .and_then(|c| probe(&c).map(|i| (c, i)))
    {
        Ok((conn, integrity)) => (conn, integrity, "mode=ro"),
        Err(_) => {
            let conn = Connection::open_with_flags(uri(&path, "immutable=1"), flags)
                .map_err(|e| db_error(&path, e))?;
            let integrity = probe(&conn).map_err(|e| db_error(&path, e))?;
            (conn, integrity, "immutable=1")
        }
    };
    if integrity != "ok" {
        return Err(StorageError::Damaged {
            path,
            quick: true,
            found: integrity,
        });
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| db_error(&path, e))?;
    if (1..SCHEMA_VERSION).contains(&version) {
        if is_read_only(dir) {
            return Err(StorageError::OlderSchema { path, version });
        }
        // Written by an older telraam: migrate it once (the only write a reading
        // command makes), then read.
        drop(conn);
        connect(dir)?;
        return open_read_only(dir, check);
    }
    if version != SCHEMA_VERSION {
        return Err(StorageError::UnknownSchema { path, version });
    }
    Ok((conn, query))
}

/// Opens the database, creating the directory and the file when needed. Returns the
/// connection and whether the schema was just created (an empty workspace).
pub fn connect(dir: &Path) -> Result<(Connection, bool), StorageError> {
    std::fs::create_dir_all(dir).map_err(|e| StorageError::FolderNotMade {
        dir: dir.to_path_buf(),
        detail: e.to_string(),
    })?;
    if is_read_only(dir) {
        return Err(StorageError::ReadOnly {
            file: None,
            detail: None,
        });
    }
    let path = db_path(dir);
    let mut conn = Connection::open(&path).map_err(|e| db_error(&path, e))?;
    conn.busy_timeout(Duration::from_secs(10))
        .map_err(|e| db_error(&path, e))?;
    // The quick check at every open (every page readable, records well formed); the
    // full `integrity_check` (indexes agree with their tables too) is `audit verify`'s.
    let integrity = quick_check(&conn).map_err(|e| db_error(&path, e))?;
    if integrity != "ok" {
        return Err(StorageError::Damaged {
            path,
            quick: true,
            found: integrity,
        });
    }
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .map_err(|e| db_error(&path, e))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StorageError::NoWal { path, mode });
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
                    tx.execute_batch(super::phone::TABLE)
                        .map_err(|e| db_error(&path, e))?;
                    tx.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}"))
                        .map_err(|e| db_error(&path, e))?;
                }
                tx.commit().map_err(|e| db_error(&path, e))?;
                again == 0
            };
            Ok((conn, created))
        }
        // Each step migrates only a database at its own version (and leaves any other
        // alone), so running every step in order brings any older schema up to date.
        // A new schema version adds its step at the end, and nowhere else.
        1..SCHEMA_VERSION => {
            migrate_from_1(&mut conn)?;
            super::migrate::from_2(&mut conn, dir)?;
            super::migrate_figures::from_3(&mut conn)?;
            super::body::migrate_from_4(&mut conn)?;
            // A step missing for a new version would leave the database behind: refuse
            // it then rather than read it as current.
            let reached: i64 = conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .map_err(|e| db_error(&path, e))?;
            if reached != SCHEMA_VERSION {
                return Err(StorageError::UnknownSchema {
                    path,
                    version: reached,
                });
            }
            Ok((conn, false))
        }
        SCHEMA_VERSION => Ok((conn, false)),
        version => Err(StorageError::NewerSchema { path, version }),
    }
}

/// Version 1 to 2 (then [`super::migrate::from_2`] to 3): the summary table, filled from the records' bodies, in one
/// transaction (a crash leaves version 1, migrated again at the next open).
fn migrate_from_1(conn: &mut Connection) -> Result<(), StorageError> {
    let db = super::db;
    let Some(tx) = super::migration::begin(conn, 1)? else {
        return Ok(());
    };
    tx.execute_batch(summary::TABLE).map_err(db)?;
    let body: Option<String> = tx
        .query_row("SELECT body FROM election WHERE only = 1", [], |r| r.get(0))
        .optional()
        .map_err(db)?;
    if let Some(body) = body {
        let election = Election::from_toml(&body).map_err(StorageError::ElectionUnreadable)?;
        super::summary_check::rebuild(&tx, &election)?;
    }
    super::migration::finish(tx, 2)
}
