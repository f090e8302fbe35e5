//! Schema 3 to 4: the summary's figures in a table of their own, and the election
//! kept as JSON beside its TOML body (`stored_election`).
//!
//! Schema 3 kept every figure of a station's latest version (about 3.5 kB for a
//! Tweede Kamer record) in the `summary` row itself, so the status board, which needs
//! only D, E and the list totals, read 41 MB at 10,000 stations. Schema 4 moves the
//! figures to `summary_figures` and keeps their head (format, A–O, the ballot stock,
//! the list totals: the first bytes of the same encoding) in `summary.head`.
//!
//! In one transaction: the figures are copied as they are, the summary table is made
//! again with the head taken from them, and the old table is dropped. Derived data
//! only: no record, audit row or hash changes, and `audit verify` checks the new
//! rows against the records as before. A crash leaves schema 3, migrated again at the
//! next open. The pages the old table held are left free inside the file (SQLite
//! reuses them); the file does not shrink.

use super::db;
use super::stored_election::{parsed_copy, read_election_body};
use super::summary::{self, head_len};
use super::{StorageError, migration};
use rusqlite::Connection;
use rusqlite::types::Value;

/// Migrates a schema-3 database to schema 4 (see the module comment). A summary that
/// already has the schema-4 shape (made by the migration from schema 1) only gets the
/// new version number.
pub fn from_3(conn: &mut Connection) -> Result<(), StorageError> {
    let Some(tx) = migration::begin(conn, 3)? else {
        return Ok(());
    };
    let split: bool = tx
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'summary_figures'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map_err(db)?
        > 0;
    if !split {
        tx.execute_batch("ALTER TABLE summary RENAME TO summary_3;")
            .map_err(db)?;
        tx.execute_batch(summary::TABLE).map_err(db)?;
        tx.execute_batch(
            "INSERT INTO summary_figures (station, figures) \
             SELECT station, figures FROM summary_3;",
        )
        .map_err(db)?;
        {
            let mut read = tx
                .prepare(
                    "SELECT station, version, state, mode, total_admitted, total_cast, figures, \
                     body_sha256 FROM summary_3",
                )
                .map_err(db)?;
            let mut write = tx
                .prepare(
                    "INSERT INTO summary (station, version, state, mode, total_admitted, \
                     total_cast, head, body_sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .map_err(db)?;
            let mut rows = read.query([]).map_err(db)?;
            while let Some(row) = rows.next().map_err(db)? {
                let station: u32 = row.get(0).map_err(db)?;
                let figures = row.get_ref(6).map_err(db)?.as_blob().map_err(|e| {
                    StorageError::SummaryFigures {
                        station,
                        detail: e.to_string(),
                    }
                })?;
                // Figures that cannot be read keep all their bytes as the head: the
                // board then says the row is unreadable, as it did, and `audit
                // verify` names the station.
                let head = &figures[..head_len(figures).unwrap_or(figures.len())];
                write
                    .execute(rusqlite::params![
                        station,
                        row.get::<_, Value>(1).map_err(db)?,
                        row.get::<_, Value>(2).map_err(db)?,
                        row.get::<_, Value>(3).map_err(db)?,
                        row.get::<_, Value>(4).map_err(db)?,
                        row.get::<_, Value>(5).map_err(db)?,
                        head,
                        row.get::<_, Value>(7).map_err(db)?,
                    ])
                    .map_err(db)?;
            }
        }
        tx.execute_batch("DROP TABLE summary_3;").map_err(db)?;
    }
    let has_parsed: bool = tx
        .query_row(
            "SELECT count(*) FROM pragma_table_info('election') WHERE name = 'parsed'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map_err(db)?
        > 0;
    if !has_parsed {
        tx.execute_batch("ALTER TABLE election ADD COLUMN parsed TEXT NOT NULL DEFAULT '';")
            .map_err(db)?;
    }
    if let Some((election, _)) = read_election_body(&tx)? {
        tx.execute(
            "UPDATE election SET parsed = ?1 WHERE only = 1",
            [parsed_copy(&election)],
        )
        .map_err(db)?;
    }
    migration::finish(tx, 4)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{self, SEED, Shape};
    use crate::storage::Workspace;

    /// The schema-3 table, as that telraam wrote it.
    const TABLE_3: &str = "
        CREATE TABLE summary (
            station INTEGER PRIMARY KEY,
            version INTEGER NOT NULL,
            state TEXT NOT NULL,
            mode TEXT NOT NULL,
            total_admitted INTEGER,
            total_cast INTEGER,
            figures BLOB NOT NULL,
            body_sha256 TEXT NOT NULL
        );";

    #[test]
    fn a_schema_3_summary_moves_its_figures_and_reads_the_same() {
        let dir = tempfile::tempdir().expect("temp dir");
        let election = generate::election(&Shape {
            stations: 3,
            lists: 4,
            max_candidates: 6,
        });
        let mut ws = Workspace::init(dir.path(), election.clone()).expect("init");
        let mut seed = SEED;
        ws.put_records(&generate::records(&election, 1, 3, &mut seed), "t", "t")
            .expect("put");
        let board = ws.station_facts().expect("facts");
        let mut before = Vec::new();
        ws.for_each_latest_figures(|r| before.push(r.clone()))
            .expect("figures");
        drop(ws);
        // Back to schema 3: the figures in the summary row itself.
        let conn = Connection::open(Workspace::db_path(dir.path())).expect("open");
        conn.execute_batch(&format!(
            "ALTER TABLE summary RENAME TO summary_4; {TABLE_3}
             INSERT INTO summary SELECT s.station, s.version, s.state, s.mode, \
             s.total_admitted, s.total_cast, f.figures, s.body_sha256 \
             FROM summary_4 s JOIN summary_figures f USING (station);
             DROP TABLE summary_4; DROP TABLE summary_figures; PRAGMA user_version = 3;"
        ))
        .expect("schema 3");
        drop(conn);

        let ws = Workspace::open(dir.path()).expect("opens and migrates");
        let version: i64 = Connection::open(Workspace::db_path(dir.path()))
            .expect("open")
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(
            version,
            crate::storage::SCHEMA_VERSION,
            "and on to the current one"
        );
        assert_eq!(ws.station_facts().expect("facts"), board);
        let mut after = Vec::new();
        ws.for_each_latest_figures(|r| after.push(r.clone()))
            .expect("figures");
        assert_eq!(after, before, "adding up reads the same figures");
        assert!(ws.database_problem().expect("checked").is_none());
        ws.verify_audit().expect("the chain is untouched");
    }
}
