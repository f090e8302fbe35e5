//! Changing a station's record: every change is decided by the lifecycle
//! ([`crate::lifecycle::decide`]), and written here as it stands, record and audit
//! rows in one SQLite transaction. A refusal stores nothing and comes back typed
//! ([`StorageError::Refused`]).
//!
//! A confirmed box in the interface arrives already decided ([`Decided`]: the
//! interface ran the lifecycle on its copy to show the sums at once) and is written
//! as decided when that copy is the stored latest version, so the counting sums run
//! once per box; otherwise it is decided again here on the stored version.
//!
//! The station's latest version is kept in memory with the body it was stored as: a
//! confirmed box compares the stored body with it (to see that nothing changed it
//! behind our back) but does not parse it again, and writes the new version in the
//! compact form ([`super::body`]) without reading it back, since the lifecycle already
//! refused what would not fit: no TOML is written or read for a box.

use super::audit::{self, NewRow};
use super::{ResumePoint, StorageError, Workspace, db, phone, records};
use crate::election::Election;
use crate::event::AuditEvent;
use crate::lifecycle::{self, Change, Command, Decided, Decision, Refusal};
use crate::record::{Count, CountRecord, EntryMode, Field, Mark};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior};

/// The latest version the workspace last wrote or read for a station, with its body.
#[derive(Debug, Default)]
pub(super) struct Latest(std::collections::HashMap<u32, (Vec<u8>, CountRecord)>);

impl Workspace {
    /// Carries out `command` on the station's record: the lifecycle decides, and the
    /// decision is stored, record and audit rows in one transaction.
    pub fn apply(
        &mut self,
        station: u32,
        command: Command,
        operator: &str,
    ) -> Result<Decision, StorageError> {
        let finalising = matches!(command, Command::Finalise { .. });
        self.write_decision(station, finalising, None, operator, |election, latest| {
            lifecycle::decide(election, station, latest, command)
        })
    }

    /// Stores what the interface's lifecycle decided on its own copy of the station's
    /// latest version ([`Decided`]): as decided when that copy is still the stored
    /// version, else decided again on the stored one. Record and audit rows in one
    /// transaction, as [`Workspace::apply`].
    ///
    /// `resume`: where the interface moves on to, written in the same transaction, so
    /// that a confirmed box goes to disk with one sync instead of two.
    pub fn apply_decided(
        &mut self,
        decided: Decided,
        resume: Option<&ResumePoint>,
        operator: &str,
    ) -> Result<Decision, StorageError> {
        let station = decided.station();
        let finalising = matches!(decided.command(), Command::Finalise { .. });
        self.write_decision(station, finalising, resume, operator, |election, latest| {
            decided.for_latest(election, latest)
        })
    }

    /// Takes the station's latest version, has `decide` decide on it, and stores the
    /// decision: record and audit rows (and the resume point, if given) in one
    /// transaction.
    fn write_decision(
        &mut self,
        station: u32,
        finalising: bool,
        resume: Option<&ResumePoint>,
        operator: &str,
        decide: impl FnOnce(&Election, Option<&CountRecord>) -> Result<Decision, Refusal>,
    ) -> Result<Decision, StorageError> {
        lifecycle::check_station(&self.election, station)?;
        self.settle_chain_check();
        self.writable()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db)?;
        let latest = self.latest.get(&tx, &self.election, station)?;
        let decision = decide(&self.election, latest.as_ref())?;
        let mut written = None;
        for change in &decision.changes {
            if let Some(body) = store(&tx, station, change, operator)? {
                written = Some(body);
            }
        }
        // A paper PV transcribed here is complete once finalised: compare it with the
        // record code phoned, if one was.
        if finalising && decision.record.mode == EntryMode::Transcription {
            phone::compare_in(&tx, &self.election, station, operator)?;
        }
        if let Some(point) = resume {
            super::resume::set(&tx, point)?;
        }
        tx.commit().map_err(db)?;
        if let Some(body) = written {
            self.latest
                .0
                .insert(station, (body, decision.record.clone()));
        }
        Ok(decision)
    }

    /// Starts a draft record for the station (no-op if one exists).
    pub fn start(
        &mut self,
        station: u32,
        mode: EntryMode,
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        Ok(self
            .apply(station, Command::Start { mode }, operator)?
            .record)
    }

    /// Saves one count box (recomputing totals in counting mode) and its audit row, in
    /// one transaction; what counting mode cleared with it (answers the form no longer
    /// asks for) gets an audit row of its own.
    pub fn save_field(
        &mut self,
        station: u32,
        field: Field,
        value: Count,
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        let command = Command::SetField { field, value };
        Ok(self.apply(station, command, operator)?.record)
    }

    /// Saves one checkbox and its audit row.
    pub fn save_mark(
        &mut self,
        station: u32,
        mark: Mark,
        on: bool,
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        Ok(self
            .apply(station, Command::SetMark { mark, on }, operator)?
            .record)
    }

    /// Saves the difference note (free text).
    pub fn save_note(
        &mut self,
        station: u32,
        note: &str,
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        let command = Command::SetNote {
            note: note.to_string(),
        };
        Ok(self.apply(station, command, operator)?.record)
    }

    /// Logs a warning acknowledged (`on`) or its acknowledgement taken back, for the
    /// station's draft.
    pub fn acknowledge(
        &mut self,
        station: u32,
        code: &str,
        on: bool,
        operator: &str,
    ) -> Result<(), StorageError> {
        let code = code.to_string();
        let command = if on {
            Command::Acknowledge { code }
        } else {
            Command::Withdraw { code }
        };
        self.apply(station, command, operator).map(|_| ())
    }

    /// Finalises (vaststellen) the latest draft, recording the acknowledged warnings.
    ///
    /// Refused while the rules report an error, or a warning whose code is not in
    /// `acknowledged_warnings`.
    pub fn finalise(
        &mut self,
        station: u32,
        acknowledged_warnings: &[String],
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        let command = Command::Finalise {
            acknowledged: acknowledged_warnings.to_vec(),
        };
        Ok(self.apply(station, command, operator)?.record)
    }

    /// Opens a corrigendum: a new draft version copied from the finalised one, with a reason.
    pub fn start_correction(
        &mut self,
        station: u32,
        reason: &str,
        operator: &str,
    ) -> Result<CountRecord, StorageError> {
        let command = Command::Corrigendum {
            reason: reason.to_string(),
        };
        Ok(self.apply(station, command, operator)?.record)
    }

    /// Appends an audit row that changes no record (an export, a broken chain accepted).
    pub fn log_event(
        &mut self,
        station: Option<u32>,
        event: &AuditEvent,
        operator: &str,
    ) -> Result<(), StorageError> {
        let tx = self.begin()?;
        audit::append(
            &tx,
            NewRow {
                station,
                record_version: None,
                event,
                operator,
                record_hash: String::new(),
            },
        )?;
        tx.commit().map_err(db)?;
        Ok(())
    }
}

impl Latest {
    /// The station's latest version: the one kept in memory when the stored body is
    /// still the one it was kept with, else the stored one read afresh.
    fn get(
        &mut self,
        tx: &Transaction<'_>,
        election: &Election,
        station: u32,
    ) -> Result<Option<CountRecord>, StorageError> {
        // Whether the stored body is the one kept, compared where SQLite holds it.
        let kept = self.0.get(&station).map(|(body, _)| body.as_slice());
        let same: Option<bool> = tx
            .query_row(
                "SELECT body FROM records WHERE station = ?1 ORDER BY version DESC LIMIT 1",
                [station],
                |r| {
                    Ok(kept.is_some_and(|k| {
                        r.get_ref(0)
                            .and_then(|v| Ok(v.as_bytes()? == k))
                            .unwrap_or(false)
                    }))
                },
            )
            .optional()
            .map_err(db)?;
        match same {
            None => {
                self.0.remove(&station);
                Ok(None)
            }
            Some(true) => Ok(self.0.get(&station).map(|(_, record)| record.clone())),
            Some(false) => {
                let found = records::latest_with_body(tx, election, station)?;
                match &found {
                    Some((record, body)) => {
                        self.0
                            .insert(station, (body.bytes().to_vec(), record.clone()));
                    }
                    None => {
                        self.0.remove(&station);
                    }
                }
                Ok(found.map(|(record, _)| record))
            }
        }
    }
}

/// Writes one change of a decision: the record version (if any) and its audit rows,
/// each row carrying the hash of the version as written. Returns the body written.
fn store(
    tx: &Transaction<'_>,
    station: u32,
    change: &Change,
    operator: &str,
) -> Result<Option<Vec<u8>>, StorageError> {
    let written = match &change.write {
        Some(record) => Some(records::write_decided(tx, record)?),
        None => None,
    };
    let version = change.write.as_ref().map(|r| r.lifecycle.version);
    let record_hash = written
        .as_ref()
        .map(|w| w.sha256.clone())
        .unwrap_or_default();
    for event in &change.events {
        audit::append(
            tx,
            NewRow {
                station: Some(station),
                record_version: version,
                event,
                operator,
                record_hash: record_hash.clone(),
            },
        )?;
    }
    Ok(written.map(|w| w.body))
}
