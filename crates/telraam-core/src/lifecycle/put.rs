//! Storing a whole record (a result file, the annex's QR codes, a 510b): the same
//! lifecycle rules as typing it. A draft the station has is replaced; a finalised
//! version never is: the record must carry a higher version (a corrigendum), or be
//! identical to it (importing the same file twice changes nothing). A record that
//! says finalised must pass the finalise gate; one that does not is stored as a
//! draft, and the decision says why ([`Demoted`]).

use super::{Demoted, Gate, Refusal, check_station};
use crate::election::Election;
use crate::event::AuditEvent;
use crate::record::{CountRecord, RecordState};

/// What storing a record comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Put {
    /// The record as it is to be stored (a version of at least 1; a draft when it
    /// was demoted).
    pub record: CountRecord,
    /// The record said finalised but does not pass the gate.
    pub demoted: Option<Demoted>,
    /// Draft versions to delete before writing (the draft it replaces).
    pub delete: Vec<u32>,
    /// The event to write with it; None: the station already holds this record, and
    /// nothing is stored.
    pub event: Option<AuditEvent>,
}

/// Decides storing `record`, as `source` says it came in, on a station whose stored
/// versions are `versions` (oldest first).
pub fn put(
    election: &Election,
    versions: &[CountRecord],
    record: &CountRecord,
    source: &str,
) -> Result<Put, Refusal> {
    let station = record.station;
    check_station(election, station)?;
    if record.election_id != election.id {
        return Err(Refusal::OtherElection {
            station,
            record: record.election_id.clone(),
            workspace: election.id.clone(),
        });
    }
    let mut record = record.clone();
    record.lifecycle.version = record.lifecycle.version.max(1);
    let mut demoted = None;
    if record.lifecycle.state == RecordState::Finalised {
        let gate = Gate::check(election, &record, &record.lifecycle.acknowledged_warnings);
        if !gate.passes() {
            record.lifecycle.state = RecordState::Draft;
            demoted = Some(Demoted {
                station,
                version: record.lifecycle.version,
                gate,
            });
        }
    }
    let unchanged = |record: CountRecord, demoted| Put {
        record,
        demoted,
        delete: Vec::new(),
        event: None,
    };
    let last_final = versions
        .iter()
        .filter(|r| r.lifecycle.state == RecordState::Finalised)
        .map(|r| r.lifecycle.version)
        .max();
    if let Some(finalised) = last_final
        && record.lifecycle.version <= finalised
    {
        let same = versions
            .iter()
            .any(|r| r.lifecycle.version == record.lifecycle.version && *r == record);
        if same {
            return Ok(unchanged(record, demoted));
        }
        return Err(Refusal::FinalisedHere {
            station,
            finalised,
            version: record.lifecycle.version,
        });
    }
    let drafts: Vec<&CountRecord> = versions
        .iter()
        .filter(|r| r.lifecycle.state == RecordState::Draft)
        .collect();
    if drafts.iter().any(|d| **d == record) {
        return Ok(unchanged(record, demoted));
    }
    let delete: Vec<u32> = drafts.iter().map(|d| d.lifecycle.version).collect();
    let event = AuditEvent::RecordStored {
        source: source.to_string(),
        version: record.lifecycle.version,
        finalised: record.lifecycle.state == RecordState::Finalised,
        replaced_draft: delete.last().copied(),
        demoted: demoted.as_ref().map(|d| d.gate.describe_en()),
    };
    Ok(Put {
        record,
        demoted,
        delete,
        event: Some(event),
    })
}
