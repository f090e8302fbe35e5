//! Schema 2 to 3: typed audit events.
//!
//! A workspace of schema 2 kept its events as text that code parsed back: phone checks
//! as `verified quick=… expected=… figures=<sha>`, acknowledged warnings as rows
//! `warning acknowledged` / `… withdrawn` after a `start` or `corrigendum`, and a
//! 510b's own totals in a loose file `eml-510b-totals.toml` outside the database and
//! the audit chain. The migration, in one transaction:
//!
//! - adds the `event` column to the audit table (old rows keep `''` and keep their
//!   hash: the chain is not rewritten), the index on `audit.station` and the `phone`
//!   table;
//! - appends a `migration` row, then carries over as typed events what later code still
//!   reads: each station's latest phone check (without the figures, which schema 2 did
//!   not keep; the row it came from is named), the warnings acknowledged for each
//!   current draft, and the 510b totals of the loose file (the file is then renamed
//!   to `eml-510b-totals.toml.migrated`);
//! - compares each phone-checked station's record with the code phoned.
//!
//! The legacy text is parsed here and nowhere else. A crash leaves schema 2, migrated
//! again at the next open.

use super::db;
use super::stored_election::read_election_body;
use super::{StorageError, audit, migration, phone, records};
use crate::eml::stored_totals;
use crate::event::{AuditEvent, PhoneCheckEvent};
use crate::record::RecordState;
use audit::NewRow;
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::path::Path;

/// Who the carried-over rows are written by.
pub const OPERATOR: &str = "telraam (migration)";

/// A schema-2 phone check row's value: `<verified|differs> quick=<groups>
/// expected=<groups or nothing> figures=<sha256>`.
fn legacy_phone_check(row: i64, value: &str) -> PhoneCheckEvent {
    let between = |start: &str, end: &str| -> Vec<String> {
        value
            .split_once(start)
            .map(|(_, rest)| rest.split(end).next().unwrap_or(""))
            .unwrap_or("")
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    let verified = value.starts_with("verified ");
    PhoneCheckEvent {
        verified,
        quick: between(" quick=", " expected="),
        expected: if verified {
            between(" expected=", " figures=")
        } else {
            Vec::new()
        },
        figures: None,
        figures_sha256: value
            .split_once(" figures=")
            .map(|(_, sha)| sha.trim().to_string())
            .unwrap_or_default(),
        migrated_from_row: Some(row),
    }
}

/// Migrates a schema-2 database in `dir` to schema 3 (see the module comment).
pub fn from_2(conn: &mut Connection, dir: &Path) -> Result<(), StorageError> {
    let Some(tx) = migration::begin(conn, 2)? else {
        return Ok(());
    };
    // A schema-1 database made from this build's tables (as the summary test does) has
    // the column already.
    let has_event: bool = tx
        .query_row(
            "SELECT count(*) FROM pragma_table_info('audit') WHERE name = 'event'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map_err(db)?
        > 0;
    if !has_event {
        tx.execute_batch("ALTER TABLE audit ADD COLUMN event TEXT NOT NULL DEFAULT '';")
            .map_err(db)?;
    }
    tx.execute_batch("CREATE INDEX IF NOT EXISTS audit_station ON audit (station);")
        .map_err(db)?;
    tx.execute_batch(phone::TABLE).map_err(db)?;
    let totals = stored_totals::load_legacy(dir)
        .map_err(|detail| StorageError::LegacyTotalsUnreadable { detail })?;
    let mut carried = Vec::new();
    if let Some((election, _)) = read_election_body(&tx)? {
        let log = audit::read_all(&tx)?;
        let mut checks: BTreeMap<u32, PhoneCheckEvent> = BTreeMap::new();
        let mut acknowledged: BTreeMap<u32, Vec<String>> = BTreeMap::new();
        for row in &log {
            let Some(station) = row.station else { continue };
            let codes = acknowledged.entry(station).or_default();
            match row.what.as_str() {
                "phone check" => {
                    checks.insert(station, legacy_phone_check(row.id, &row.new_value));
                }
                "start" | "corrigendum" => codes.clear(),
                "warning acknowledged" if !codes.contains(&row.new_value) => {
                    codes.push(row.new_value.clone());
                }
                "warning acknowledgement withdrawn" => codes.retain(|c| *c != row.new_value),
                _ => {}
            }
        }
        // Only a draft still needs its acknowledgements: a finalised version keeps
        // them in the record itself.
        acknowledged.retain(|station, codes| {
            !codes.is_empty()
                && records::latest(&tx, &election, *station)
                    .ok()
                    .flatten()
                    .is_some_and(|r| r.lifecycle.state == RecordState::Draft)
        });
        let acks: usize = acknowledged.values().map(Vec::len).sum();
        carried.push(format!("{} phone checks", checks.len()));
        carried.push(format!("{acks} acknowledged warnings"));
        if totals.is_some() {
            carried.push(format!("510b totals from {}", stored_totals::LEGACY_FILE));
        }
        let append = |station: Option<u32>, event: &AuditEvent| {
            audit::append(
                &tx,
                NewRow {
                    station,
                    record_version: None,
                    event,
                    operator: OPERATOR,
                    record_hash: String::new(),
                },
            )
        };
        append(
            None,
            &AuditEvent::Migrated {
                from_schema: 2,
                to_schema: 3,
                note: format!("typed audit events; carried over: {}", carried.join(", ")),
            },
        )?;
        for (station, check) in &checks {
            phone::check_in(&tx, &election, *station, check, OPERATOR)?;
        }
        for (station, codes) in acknowledged {
            for code in codes {
                append(Some(station), &AuditEvent::WarningAcknowledged { code })?;
            }
        }
        if let Some(totals) = &totals {
            append(None, &AuditEvent::Totals510b(totals.clone()))?;
        }
    }
    migration::finish(tx, 3)?;
    if totals.is_some() {
        // Carried into the database: the loose file is no longer read. Kept beside it,
        // renamed, rather than deleted.
        let from = stored_totals::legacy_path(dir);
        let _ = std::fs::rename(&from, from.with_extension("toml.migrated"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_schema_2_phone_check_row_reads_back_as_the_check_it_recorded() {
        let check = legacy_phone_check(
            3,
            "verified quick=3301-7 8379-8 1304-5 expected=7640-3 9757-2 0189-9 2012-8 \
             figures=e5bb",
        );
        assert!(check.verified);
        assert_eq!(check.quick, ["3301-7", "8379-8", "1304-5"]);
        assert_eq!(check.expected, ["7640-3", "9757-2", "0189-9", "2012-8"]);
        assert_eq!(check.figures_sha256, "e5bb");
        assert_eq!(check.figures, None);
        let differs =
            legacy_phone_check(4, "differs quick=3301-7 8379-8 1304-5 expected= figures=2d");
        assert!(!differs.verified && differs.expected.is_empty());
    }
}
