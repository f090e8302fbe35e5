//! A decision taken ahead of storage, with what it was taken on.
//!
//! The interface must show the sums of a confirmed box at once (D = A + B, H, the
//! D/H box) and move on by them, before storage has answered. So it asks the
//! lifecycle itself, on its own copy of the station's latest version, and hands the
//! decision to storage, which writes it as it stands when that copy is still the
//! stored latest version ([`Decided::for_latest`]). The counting sums then run once
//! per confirmed box. Only the lifecycle makes a [`Decided`] (its fields are
//! private), so storage never writes a decision it did not check the base of.

use super::{Command, Decision, Refusal, decide};
use crate::election::Election;
use crate::record::CountRecord;

/// A [`Decision`] with the station, the command and the latest version it was
/// decided on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    station: u32,
    base: Option<CountRecord>,
    command: Command,
    decision: Decision,
}

impl Decided {
    /// Decides `command` for `station` on `latest`, as [`decide`], keeping what it was
    /// decided on.
    pub fn new(
        election: &Election,
        station: u32,
        latest: Option<&CountRecord>,
        command: Command,
    ) -> Result<Decided, Refusal> {
        let decision = decide(election, station, latest, command.clone())?;
        Ok(Decided {
            station,
            base: latest.cloned(),
            command,
            decision,
        })
    }

    pub fn station(&self) -> u32 {
        self.station
    }

    pub fn command(&self) -> &Command {
        &self.command
    }

    /// What was decided: the station's latest version afterwards and what to store.
    pub fn decision(&self) -> &Decision {
        &self.decision
    }

    /// The decision for the station whose latest version is `latest` (as stored):
    /// this one when it was decided on exactly that version, else the command decided
    /// again on it (another window or an import changed the station meanwhile, or the
    /// copy it was decided on carried what the stored version does not).
    pub fn for_latest(
        self,
        election: &Election,
        latest: Option<&CountRecord>,
    ) -> Result<Decision, Refusal> {
        if self.base.as_ref() == latest {
            return Ok(self.decision);
        }
        decide(election, self.station, latest, self.command)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{EntryMode, Field};

    fn set(field: Field, value: u64) -> Command {
        Command::SetField {
            field,
            value: Some(value),
        }
    }

    fn started(election: &Election) -> CountRecord {
        let start = Command::Start {
            mode: EntryMode::Counting,
        };
        decide(election, 1, None, start).expect("starts").record
    }

    #[test]
    fn a_box_decided_on_the_stored_version_is_stored_as_decided() {
        let e = Election::demo();
        let stored = started(&e);
        let decided =
            Decided::new(&e, 1, Some(&stored), set(Field::PollCards, 120)).expect("accepted");
        // D = A + B is computed once, in the decision the interface shows.
        assert_eq!(decided.decision().record.voters.total_admitted, Some(120));
        let expected = decided.decision().clone();
        assert_eq!(decided.for_latest(&e, Some(&stored)), Ok(expected));
    }

    #[test]
    fn a_box_decided_on_a_copy_the_store_no_longer_holds_is_decided_again() {
        let e = Election::demo();
        let copy = started(&e);
        // Meanwhile another window stored B = 3 for the station.
        let stored = decide(&e, 1, Some(&copy), set(Field::ProxyCertificates, 3))
            .expect("accepted")
            .record;
        let decided =
            Decided::new(&e, 1, Some(&copy), set(Field::PollCards, 120)).expect("accepted");
        assert_eq!(decided.decision().record.voters.total_admitted, Some(120));
        let stored_now = decided.for_latest(&e, Some(&stored)).expect("accepted");
        // Both boxes are kept and D adds up what is stored: 120 + 3.
        assert_eq!(stored_now.record.voters.proxy_certificates, Some(3));
        assert_eq!(stored_now.record.voters.total_admitted, Some(123));
        // And a station finalised meanwhile refuses the box, as deciding on it would.
        let mut finalised = stored.clone();
        finalised.lifecycle.state = crate::record::RecordState::Finalised;
        let decided =
            Decided::new(&e, 1, Some(&stored), set(Field::PollCards, 120)).expect("accepted");
        assert!(matches!(
            decided.for_latest(&e, Some(&finalised)),
            Err(Refusal::Finalised { .. })
        ));
    }
}
