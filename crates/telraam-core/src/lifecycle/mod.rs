//! The lifecycle of a count record, as a pure function: a station's latest version
//! and a [`Command`] give a [`Decision`] (the new version and the audit events that
//! say what happened) or a typed [`Refusal`]. Nothing here reads or writes a database:
//! storage writes what a decision says, record and events in one transaction, and the
//! words for a refusal live in one text table ([`words`]).
//!
//! A record is a draft (concept) until the supervisor finalises it (vaststellen);
//! [`gate`] says what stands between a draft and vaststellen. A finalised version is
//! never changed again: a change after it is a corrigendum, a new draft version with
//! a reason. Importing a whole record ([`put`]) follows the same rules.

mod decided;
pub mod gate;
mod put;
mod refusal;
#[cfg(test)]
mod tests;
pub mod words;

pub use decided::Decided;
pub use gate::{Demoted, Gate};
pub use put::{Put, put};
pub use refusal::Refusal;

use crate::counting::{self, Cleared};
use crate::election::Election;
use crate::event::{AuditEvent, Mode};
use crate::form::{self, Form, Target};
use crate::record::{
    Count, CountRecord, EntryMode, Field, MAX_COUNT, MAX_VERSION, Mark, RecordState,
};

/// What the operator (or a command-line tool) asks of one station's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Start the station's first draft (nothing happens when it has a record).
    Start { mode: EntryMode },
    /// Type one count box (counting mode then computes the totals).
    SetField { field: Field, value: Count },
    /// Tick or clear one checkbox.
    SetMark { mark: Mark, on: bool },
    /// The difference note (Toelichting).
    SetNote { note: String },
    /// Acknowledge a warning for the current draft (logged; finalising records it).
    Acknowledge { code: String },
    /// Take an acknowledgement back.
    Withdraw { code: String },
    /// Finalise (vaststellen) the draft with the warnings acknowledged.
    Finalise { acknowledged: Vec<String> },
    /// Open a corrigendum on the finalised version, with a reason.
    Corrigendum { reason: String },
    // The desk's double-entry steps (issue 13: entry started, a box of an entry,
    // entry finished, the coordinator's choice) belong here, each a command with its
    // events and refusals, decided in `decide` like the ones above.
}

/// One thing to store: a version of the record to write (None: no record changes,
/// e.g. an acknowledgement) and the audit events that go with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub write: Option<CountRecord>,
    pub events: Vec<AuditEvent>,
}

/// What a command does, for storage to write as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The station's latest version afterwards.
    pub record: CountRecord,
    /// What to store, in order, in one transaction (empty: nothing happened).
    pub changes: Vec<Change>,
}

/// Decides `command` for `station`, whose latest version is `latest`.
pub fn decide(
    election: &Election,
    station: u32,
    latest: Option<&CountRecord>,
    command: Command,
) -> Result<Decision, Refusal> {
    check_station(election, station)?;
    match command {
        Command::Start { mode } => Ok(match latest {
            Some(record) => Decision {
                record: record.clone(),
                changes: Vec::new(),
            },
            None => {
                let change = start(election, station, mode);
                Decision {
                    record: change
                        .write
                        .clone()
                        .unwrap_or_else(|| empty(election, station)),
                    changes: vec![change],
                }
            }
        }),
        Command::SetField { field, value } => {
            if let Some(v) = value
                && v > MAX_COUNT
            {
                return Err(Refusal::TooLarge { field, value: v });
            }
            change_draft(election, station, latest, |record| {
                let target = Target::Count(field);
                if record.mode == EntryMode::Counting && form::computed(target) {
                    return Err(Refusal::Computed { target });
                }
                not_on_form(election, target)?;
                let old = record.get(field);
                if !record.set(field, value) {
                    return Err(Refusal::NoSuchBox { field });
                }
                let cleared = counting::complete(election, record);
                Ok((
                    AuditEvent::Field {
                        field,
                        old,
                        new: value,
                    },
                    cleared,
                ))
            })
        }
        Command::SetMark { mark, on } => change_draft(election, station, latest, |record| {
            let target = Target::Mark(mark);
            if record.mode == EntryMode::Counting && form::computed(target) {
                return Err(Refusal::Computed { target });
            }
            not_on_form(election, target)?;
            if on && record.mode == EntryMode::Counting {
                not_asked(record, Some(target))?;
            }
            let old = record.mark(mark);
            record.set_mark(mark, on);
            let cleared = counting::complete(election, record);
            Ok((AuditEvent::Mark { mark, old, new: on }, cleared))
        }),
        Command::SetNote { note } => change_draft(election, station, latest, |record| {
            // Counting mode keeps no value the form hides: the note explains a
            // difference, and is asked for only while D and H differ.
            if record.mode == EntryMode::Counting && !note.is_empty() {
                not_asked(record, None)?;
            }
            let old = std::mem::replace(&mut record.differences.note, note.clone());
            Ok((AuditEvent::Note { old, new: note }, Vec::new()))
        }),
        Command::Acknowledge { code } | Command::Withdraw { code } if code.trim().is_empty() => {
            Err(Refusal::NoWarningCode)
        }
        Command::Acknowledge { code } => {
            acknowledgement(station, latest, AuditEvent::WarningAcknowledged { code })
        }
        Command::Withdraw { code } => acknowledgement(
            station,
            latest,
            AuditEvent::AcknowledgementWithdrawn { code },
        ),
        Command::Finalise { acknowledged } => finalise(election, station, latest, &acknowledged),
        Command::Corrigendum { reason } => corrigendum(station, latest, &reason),
    }
}

/// A station the election does not have is refused (an election without a station
/// list takes any number).
pub fn check_station(election: &Election, station: u32) -> Result<(), Refusal> {
    if !election.stations.is_empty() && election.station(station).is_none() {
        return Err(Refusal::UnknownStation {
            station,
            election: election.id.clone(),
        });
    }
    Ok(())
}

fn empty(election: &Election, station: u32) -> CountRecord {
    CountRecord::empty(election, station, EntryMode::Counting)
}

/// A new version-1 draft and its start event.
fn start(election: &Election, station: u32, mode: EntryMode) -> Change {
    let mut record = CountRecord::empty(election, station, mode);
    counting::complete(election, &mut record);
    Change {
        write: Some(record),
        events: vec![AuditEvent::Start {
            mode: Mode::from(mode),
        }],
    }
}

/// Applies `change` to the station's draft (starting one in counting mode if it has
/// no record); what counting mode cleared with it gets an event of its own.
fn change_draft(
    election: &Election,
    station: u32,
    latest: Option<&CountRecord>,
    change: impl FnOnce(&mut CountRecord) -> Result<(AuditEvent, Vec<Cleared>), Refusal>,
) -> Result<Decision, Refusal> {
    let mut changes = Vec::new();
    let mut record = match latest {
        Some(r) => r.clone(),
        None => {
            let started = start(election, station, EntryMode::Counting);
            let record = started
                .write
                .clone()
                .unwrap_or_else(|| empty(election, station));
            changes.push(started);
            record
        }
    };
    if record.lifecycle.state == RecordState::Finalised {
        return Err(Refusal::Finalised {
            station,
            version: record.lifecycle.version,
        });
    }
    let (event, cleared) = change(&mut record)?;
    sums_fit(election, &record)?;
    let mut events = vec![event];
    events.extend(cleared.into_iter().map(|c| AuditEvent::Cleared {
        target: c.target,
        old: c.old,
    }));
    changes.push(Change {
        write: Some(record.clone()),
        events,
    });
    Ok(Decision { record, changes })
}

fn acknowledgement(
    station: u32,
    latest: Option<&CountRecord>,
    event: AuditEvent,
) -> Result<Decision, Refusal> {
    let Some(record) = latest else {
        return Err(Refusal::NothingToAcknowledge { station });
    };
    if record.lifecycle.state == RecordState::Finalised {
        return Err(Refusal::Finalised {
            station,
            version: record.lifecycle.version,
        });
    }
    Ok(Decision {
        record: record.clone(),
        changes: vec![Change {
            write: None,
            events: vec![event],
        }],
    })
}

fn finalise(
    election: &Election,
    station: u32,
    latest: Option<&CountRecord>,
    acknowledged_warnings: &[String],
) -> Result<Decision, Refusal> {
    let Some(record) = latest else {
        return Err(Refusal::NothingToFinalise { station });
    };
    if record.lifecycle.state == RecordState::Finalised {
        return Err(Refusal::AlreadyFinalised {
            station,
            version: record.lifecycle.version,
        });
    }
    let gate = Gate::check(election, record, acknowledged_warnings);
    if !gate.errors.is_empty() {
        return Err(Refusal::Errors {
            station,
            codes: gate.errors,
        });
    }
    if !gate.unacknowledged.is_empty() {
        return Err(Refusal::Unacknowledged {
            station,
            codes: gate.unacknowledged,
        });
    }
    let mut acknowledged: Vec<String> = Vec::new();
    for code in acknowledged_warnings {
        if !acknowledged.contains(code) {
            acknowledged.push(code.clone());
        }
    }
    let mut record = record.clone();
    record.lifecycle.state = RecordState::Finalised;
    record.lifecycle.acknowledged_warnings = acknowledged.clone();
    Ok(Decision {
        changes: vec![Change {
            write: Some(record.clone()),
            events: vec![AuditEvent::Finalised { acknowledged }],
        }],
        record,
    })
}

fn corrigendum(
    station: u32,
    latest: Option<&CountRecord>,
    reason: &str,
) -> Result<Decision, Refusal> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Refusal::NoReason);
    }
    let Some(record) = latest else {
        return Err(Refusal::NothingToCorrect { station });
    };
    let old_version = record.lifecycle.version;
    if record.lifecycle.state != RecordState::Finalised {
        return Err(Refusal::StillDraft {
            station,
            version: old_version,
        });
    }
    let Some(next) = old_version.checked_add(1).filter(|v| *v <= MAX_VERSION) else {
        return Err(Refusal::LastVersion {
            station,
            version: old_version,
        });
    };
    let mut record = record.clone();
    record.lifecycle.version = next;
    record.lifecycle.state = RecordState::Draft;
    record.lifecycle.correction_reason = reason.to_string();
    record.lifecycle.acknowledged_warnings.clear();
    Ok(Decision {
        changes: vec![Change {
            write: Some(record.clone()),
            events: vec![AuditEvent::Corrigendum {
                from_version: old_version,
                reason: reason.to_string(),
            }],
        }],
        record,
    })
}

/// Refuses a record whose computed sums do not fit their boxes (D = A + B + C with
/// each near the limit): stored, it could not be read back.
fn sums_fit(election: &Election, record: &CountRecord) -> Result<(), Refusal> {
    for target in Form::of(election).boxes(election) {
        if let Target::Count(field) = target
            && let Some(value) = record.get(field).filter(|v| *v > MAX_COUNT)
        {
            return Err(Refusal::SumTooLarge { field, value });
        }
    }
    Ok(())
}

/// Refuses an answer that explains a difference (the "fully explained?" answer, the
/// note; `None` is the note) while D and H do not differ: counting mode would clear
/// it at once, so it is not taken.
fn not_asked(record: &CountRecord, target: Option<Target>) -> Result<(), Refusal> {
    let explains = target.is_none_or(|t| form::spec_of(t).is_some_and(|s| s.explains_difference));
    let explaining = matches!(counting::difference(record), Some(x) if x != 0);
    if explains && !explaining {
        return Err(Refusal::NothingToExplain { target });
    }
    Ok(())
}

/// Refuses a box the election's form does not have (K–O on the form from 2026, the
/// D/H boxes and the yes/no question before).
fn not_on_form(election: &Election, target: Target) -> Result<(), Refusal> {
    let form = Form::of(election);
    if form.has(target) {
        return Ok(());
    }
    Err(Refusal::NotOnForm {
        target,
        generation: form.generation,
    })
}
