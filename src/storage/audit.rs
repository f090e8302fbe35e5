//! The hash-chained audit log.
//!
//! Every saved change appends one row in the same transaction as the change. A
//! row's `hash` is the SHA-256 (lower-case hex) of [`canonical`]: every column of
//! the row except `hash` itself, in a fixed order, each length-prefixed so that
//! no two different rows serialise alike. `prev_hash` is the hash of the row
//! before (empty for the first row), so changing or deleting a row breaks the
//! chain at the row itself or at the one after it.
//!
//! Rows that change a record also carry `record_hash`: the SHA-256 of the record
//! version's stored text after the change (rows about the election carry the hash
//! of the election file). [`verify`] checks that the stored records and election
//! still match the last row that wrote them, so a record edited directly in the
//! database is detected too. Rows of a desk step carry the hash of the station's
//! desk rows with an empty `record_version` (see `desk_text`), so an entry edited
//! in the database is detected the same way.
//!
//! Not covered: someone with write access to the file who rewrites the whole
//! chain from some row onwards (there is no secret key on an air-gapped laptop),
//! or who removes the last rows together with the changes they describe. The
//! chain's head ([`super::Workspace::audit_head`]) printed on the annex or read out
//! with the verification code detects that. The resume point is not audited: it
//! records where the cursor was, not a count.

use super::db;
use super::{AuditEntry, StorageError};
use crate::event::AuditEvent;
use rusqlite::{Connection, OptionalExtension, Row};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// The exact bytes an audit row's hash is computed over:
///
/// ```text
/// telraam-audit-1\n
/// id=<len>:<decimal>\n
/// station=<len>:<decimal or nothing>\n
/// record_version=<len>:<decimal or nothing>\n
/// what=<len>:<text>\n
/// old_value=<len>:<text>\n
/// new_value=<len>:<text>\n
/// at=<len>:<RFC 3339 UTC>\n
/// operator=<len>:<text>\n
/// record_hash=<len>:<hex or nothing>\n
/// prev_hash=<len>:<hex or nothing>\n
/// ```
///
/// `<len>` is the length in bytes (decimal) of the UTF-8 text after the colon.
///
/// A row with a typed event (every row written since schema 3; rows of an older
/// workspace have none) starts with `telraam-audit-2` instead and ends with one more
/// line, `event=<len>:<the event's JSON>`, so the event is covered by the hash too.
pub fn canonical(e: &AuditEntry) -> Vec<u8> {
    let mut out = if e.event.is_empty() {
        b"telraam-audit-1\n".to_vec()
    } else {
        b"telraam-audit-2\n".to_vec()
    };
    let opt = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let fields: [(&str, String); 10] = [
        ("id", e.id.to_string()),
        ("station", opt(e.station)),
        ("record_version", opt(e.record_version)),
        ("what", e.what.clone()),
        ("old_value", e.old_value.clone()),
        ("new_value", e.new_value.clone()),
        ("at", e.at.clone()),
        ("operator", e.operator.clone()),
        ("record_hash", e.record_hash.clone()),
        ("prev_hash", e.prev_hash.clone()),
    ];
    let event = (!e.event.is_empty()).then_some(("event", e.event.clone()));
    for (name, value) in fields.into_iter().chain(event) {
        out.extend_from_slice(format!("{name}={}:", value.len()).as_bytes());
        out.extend_from_slice(value.as_bytes());
        out.push(b'\n');
    }
    out
}

/// What a new row says; the log adds id, time, chain and hash. The `what`, `old_value`
/// and `new_value` columns are written from the event, for people to read.
pub struct NewRow<'a> {
    pub station: Option<u32>,
    pub record_version: Option<u32>,
    pub event: &'a AuditEvent,
    pub operator: &'a str,
    /// SHA-256 of the record or election text this row wrote ("" for a free event).
    pub record_hash: String,
}

/// Appends a row; call inside the transaction that makes the change.
pub fn append(conn: &Connection, row: NewRow<'_>) -> Result<AuditEntry, StorageError> {
    let last: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(db)?;
    let (id, prev_hash) = match last {
        Some((id, hash)) => (id + 1, hash),
        None => (1, String::new()),
    };
    let at: String = conn
        .query_row("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')", [], |r| {
            r.get(0)
        })
        .map_err(db)?;
    let mut entry = AuditEntry {
        id,
        station: row.station,
        record_version: row.record_version,
        what: row.event.what(),
        old_value: row.event.old_value(),
        new_value: row.event.new_value(),
        at,
        operator: row.operator.to_string(),
        record_hash: row.record_hash,
        prev_hash,
        hash: String::new(),
        event: row.event.to_stored(),
    };
    entry.hash = sha256_hex(&canonical(&entry));
    conn.execute(
        "INSERT INTO audit (id, station, record_version, what, old_value, new_value, at, \
         operator, record_hash, prev_hash, hash, event) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        rusqlite::params![
            entry.id,
            entry.station,
            entry.record_version,
            entry.what,
            entry.old_value,
            entry.new_value,
            entry.at,
            entry.operator,
            entry.record_hash,
            entry.prev_hash,
            entry.hash,
            entry.event
        ],
    )
    .map_err(db)?;
    Ok(entry)
}

fn entry(r: &Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        id: r.get(0)?,
        station: r.get(1)?,
        record_version: r.get(2)?,
        what: r.get(3)?,
        old_value: r.get(4)?,
        new_value: r.get(5)?,
        at: r.get(6)?,
        operator: r.get(7)?,
        record_hash: r.get(8)?,
        prev_hash: r.get(9)?,
        hash: r.get(10)?,
        event: r.get(11)?,
    })
}

/// The columns [`entry`] reads, in its order.
pub const COLUMNS: &str = "id, station, record_version, what, old_value, new_value, at, \
                           operator, record_hash, prev_hash, hash, event";

/// The typed events of one station's rows (or of the rows without a station: None),
/// oldest first, with their row id, time and operator. Rows of an older workspace
/// without an event are skipped: the migration carried over what is still needed.
pub fn events_of(
    conn: &Connection,
    station: Option<u32>,
) -> Result<Vec<(AuditEntry, AuditEvent)>, StorageError> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM audit WHERE station IS ?1 AND event != '' ORDER BY id"
        ))
        .map_err(db)?;
    let rows = stmt.query_map([station], entry).map_err(db)?;
    let mut out = Vec::new();
    for row in rows {
        let row = row.map_err(db)?;
        let event = AuditEvent::from_stored(&row.event)
            .map_err(|error| StorageError::EventUnreadable { row: row.id, error })?;
        out.push((row, event));
    }
    Ok(out)
}

/// The whole log, oldest first.
pub fn read_all(conn: &Connection) -> Result<Vec<AuditEntry>, StorageError> {
    let mut stmt = conn
        .prepare(&format!("SELECT {COLUMNS} FROM audit ORDER BY id"))
        .map_err(db)?;
    let rows = stmt.query_map([], entry).map_err(db)?;
    rows.collect::<Result<Vec<_>, _>>().map_err(db)
}

/// The hash of the last row, "" for an empty log.
pub fn head(conn: &Connection) -> Result<String, StorageError> {
    conn.query_row("SELECT hash FROM audit ORDER BY id DESC LIMIT 1", [], |r| {
        r.get(0)
    })
    .optional()
    .map_err(db)
    .map(Option::unwrap_or_default)
}

/// Why the log does not verify: the first bad row and what is wrong with it. The
/// words are in [`super::words`]; shown, it is said in the chosen language
/// ([`crate::i18n`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditProblem {
    /// The id of the first row that does not verify.
    pub row: i64,
    pub fault: ChainFault,
}

impl AuditProblem {
    /// What is wrong with the row, in Dutch or English (the text table).
    pub fn reason(&self, english: bool) -> String {
        super::words::chain_fault(&self.fault, english)
    }
}

/// What is wrong with an audit row, or with what it wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainFault {
    /// Its `prev_hash` is not the hash of the row before it: a row before it was
    /// deleted or changed.
    Unlinked,
    /// Its contents do not match its hash: the row was changed.
    Altered,
    /// Something is stored that no audit row wrote.
    Unwritten(AuditSubject),
    /// What is stored is not what the last row that wrote it wrote.
    ChangedOutside(AuditSubject),
    /// A record's `state` column says `column`, its body (as the row wrote it) `body`.
    StateColumn {
        subject: AuditSubject,
        column: String,
        body: String,
    },
    /// A station's record (`desk`: its desk rows) that the row wrote is gone.
    Missing { station: u32, desk: bool },
}

/// What an audit row wrote: a record version, a station's desk rows, the election.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditSubject {
    Record { station: u32, version: u32 },
    Desk { station: u32 },
    Election,
}

impl std::fmt::Display for AuditProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&super::words::audit_problem(
            self,
            crate::i18n::language().is_english(),
        ))
    }
}

/// A stored record version or election text, to check against the log.
pub struct Stored {
    pub station: Option<u32>,
    pub version: Option<u32>,
    /// The `records.state` column (None for the election): it must say what the body says.
    pub state: Option<String>,
    /// The bytes stored (a TOML body's text, a compact body's bytes).
    pub body: Vec<u8>,
}

use super::body::state_in as body_state;

/// Checks the chain, then that every stored record version (and the election)
/// matches the last row that wrote it. Ok: the number of rows.
pub fn verify(log: &[AuditEntry], stored: &[Stored]) -> Result<usize, AuditProblem> {
    let mut prev = String::new();
    for row in log {
        if row.prev_hash != prev {
            return Err(AuditProblem {
                row: row.id,
                fault: ChainFault::Unlinked,
            });
        }
        if sha256_hex(&canonical(row)) != row.hash {
            return Err(AuditProblem {
                row: row.id,
                fault: ChainFault::Altered,
            });
        }
        prev = row.hash.clone();
    }
    // The last row that wrote each record version (or the election: None, None).
    let mut last_write: BTreeMap<(Option<u32>, Option<u32>), &AuditEntry> = BTreeMap::new();
    for row in log.iter().filter(|r| !r.record_hash.is_empty()) {
        last_write.insert((row.station, row.record_version), row);
    }
    let last_row = log.last().map(|r| r.id).unwrap_or(0);
    for s in stored {
        let subject = match (s.station, s.version) {
            (Some(station), Some(version)) => AuditSubject::Record { station, version },
            (Some(station), None) => AuditSubject::Desk { station },
            _ => AuditSubject::Election,
        };
        match last_write.get(&(s.station, s.version)) {
            None => {
                return Err(AuditProblem {
                    row: last_row,
                    fault: ChainFault::Unwritten(subject),
                });
            }
            Some(row) if row.record_hash != sha256_hex(&s.body) => {
                return Err(AuditProblem {
                    row: row.id,
                    fault: ChainFault::ChangedOutside(subject),
                });
            }
            Some(row) => {
                if let Some(state) = &s.state
                    && *state != body_state(&s.body)
                {
                    return Err(AuditProblem {
                        row: row.id,
                        fault: ChainFault::StateColumn {
                            subject,
                            column: state.clone(),
                            body: body_state(&s.body),
                        },
                    });
                }
            }
        }
    }
    // A station the log wrote but whose record (or desk: version None) is gone.
    for ((station, version), row) in &last_write {
        if let Some(st) = station
            && !stored
                .iter()
                .any(|s| s.station == Some(*st) && s.version.is_some() == version.is_some())
        {
            return Err(AuditProblem {
                row: row.id,
                fault: ChainFault::Missing {
                    station: *st,
                    desk: version.is_none(),
                },
            });
        }
    }
    Ok(log.len())
}
