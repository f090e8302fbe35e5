//! The desk's rows as one text per station, for the audit chain: every audit row of
//! a desk step carries the SHA-256 of this text after the step (its `record_hash`,
//! with `record_version` empty), so `audit verify` detects an entry, a typist or a
//! stage changed in the database behind telraam's back, as it does for `records`.
//!
//! The text is read back from the database (never built from the value in memory),
//! so writing and verifying compute it the same way. Each column is SQLite's own
//! literal of the stored value (`quote()`), so a value of another type written by
//! hand differs too: an entry's body is `'…'` when it is TOML text (written before
//! schema 5) and `X'…'` (hex) when it is compact bytes ([`super::body`]); a step
//! hashes the rows as it leaves them, so both forms chain. Format, each value length-prefixed (`<len>` in bytes):
//!
//! ```text
//! telraam-desk-1
//! desk=<len>:<stage>|<differing>|<rechecked>|<kept>   (or desk=0: when no row)
//! entry=<len>:<number>|<operator>|<source>|<finished>|<body>   (one per entry, by number)
//! ```

use super::{StorageError, db};
use rusqlite::{Connection, OptionalExtension};

fn has_tables(conn: &Connection) -> Result<bool, StorageError> {
    let n: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' \
             AND name IN ('desk', 'desk_entries')",
            [],
            |r| r.get(0),
        )
        .map_err(db)?;
    Ok(n == 2)
}

fn line(out: &mut String, name: &str, value: &str) {
    out.push_str(&format!("{name}={}:{value}\n", value.len()));
}

/// The station's desk as stored, as one text.
pub fn text(conn: &Connection, station: u32) -> Result<String, StorageError> {
    let mut out = String::from("telraam-desk-1\n");
    let desk: Option<String> = conn
        .query_row(
            "SELECT quote(stage) || '|' || quote(differing) || '|' || quote(rechecked) \
             || '|' || quote(kept) FROM desk WHERE station = ?1",
            [station],
            |r| r.get(0),
        )
        .optional()
        .map_err(db)?;
    line(&mut out, "desk", desk.as_deref().unwrap_or_default());
    let mut stmt = conn
        .prepare(
            "SELECT quote(number) || '|' || quote(operator) || '|' || quote(source) || '|' \
             || quote(finished) || '|' || quote(body) FROM desk_entries \
             WHERE station = ?1 ORDER BY number",
        )
        .map_err(db)?;
    let rows = stmt
        .query_map([station], |r| r.get::<_, String>(0))
        .map_err(db)?;
    for row in rows {
        line(&mut out, "entry", &row.map_err(db)?);
    }
    Ok(out)
}

/// The SHA-256 of [`text`], for the audit row of a desk step.
pub fn hash(conn: &Connection, station: u32) -> Result<String, StorageError> {
    Ok(super::audit::sha256_hex(text(conn, station)?.as_bytes()))
}

/// Every station with a desk row or an entry, with its text, by station.
pub fn all(conn: &Connection) -> Result<Vec<(u32, String)>, StorageError> {
    if !has_tables(conn)? {
        return Ok(Vec::new());
    }
    let mut stmt = conn
        .prepare("SELECT station FROM desk UNION SELECT station FROM desk_entries ORDER BY station")
        .map_err(db)?;
    let stations = stmt
        .query_map([], |r| r.get::<_, u32>(0))
        .map_err(db)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(db)?;
    stations
        .into_iter()
        .map(|s| Ok((s, text(conn, s)?)))
        .collect()
}
