//! Whether a record can be written as a result file and read back, checked on the
//! record itself: the refusals of [`super::from_toml`] for text that [`super::to_toml`]
//! wrote, without writing and parsing that text. The workspace stores nothing that
//! fails this (a figure or a sum above 999 999 999, a version beyond
//! [`MAX_VERSION`], a list or candidate not on the ballot, a box the election's form
//! does not have), and a batch import checks every record with it before anything
//! is created.
//!
//! `tests/suite/storable.rs` checks, over generated records with such defects,
//! that this refuses exactly what writing and reading back refuses; the messages are
//! the reader's own (the helpers below are shared with it).

use super::checks::off_the_form;
use super::{ResultFileError, ResultFileProblem};
use crate::election::{CountingMethod, Election};
use crate::form::{MODEL, Target};
use crate::record::{Count, CountRecord, MAX_COUNT, MAX_VERSION};

pub(super) fn too_large(value: u64) -> ResultFileProblem {
    ResultFileProblem::TooLarge(value)
}

pub(super) fn other_election(found: &str, election: &Election) -> ResultFileProblem {
    ResultFileProblem::OtherElection {
        found: found.to_string(),
        workspace: election.id.clone(),
    }
}

pub(super) fn station_not_in(station: u32, election: &Election) -> ResultFileProblem {
    ResultFileProblem::StationNotIn {
        station,
        election: election.id.clone(),
    }
}

pub(super) fn other_model(method: CountingMethod, election: &Election) -> ResultFileProblem {
    ResultFileProblem::OtherModel {
        file: method,
        election: election.counting_method,
    }
}

pub(super) fn version_too_high(version: u32) -> ResultFileProblem {
    ResultFileProblem::VersionTooHigh(version)
}

pub(super) fn list_not_on_ballot(list: u32, election: &Election) -> ResultFileProblem {
    ResultFileProblem::ListNotOnBallot {
        list,
        election: election.id.clone(),
    }
}

pub(super) fn no_such_candidate(list: u32, candidate: u32) -> ResultFileProblem {
    ResultFileProblem::NoSuchCandidate { list, candidate }
}

pub(super) fn candidates_in_list_totals_model() -> ResultFileProblem {
    ResultFileProblem::CandidatesInListTotalsModel
}

/// Ok when `record`, written by [`super::to_toml`], reads back with
/// [`super::from_toml`] against `election`; else the reader's first refusal of
/// those checked here, naming `file` and the field (no line: there is no text).
pub fn storable(
    file: &str,
    record: &CountRecord,
    election: &Election,
) -> Result<(), ResultFileError> {
    let refuse = |field: String, problem: ResultFileProblem| ResultFileError {
        file: file.to_string(),
        line: None,
        field: Some(field),
        problem,
    };
    if record.election_id != election.id {
        return Err(refuse(
            "election".into(),
            other_election(&record.election_id, election),
        ));
    }
    let station = record.station;
    if !election.stations.is_empty() && election.station(station).is_none() {
        return Err(refuse("station".into(), station_not_in(station, election)));
    }
    let method = record.counting_method;
    if method != election.counting_method {
        return Err(refuse("model".into(), other_model(method, election)));
    }
    if record.lifecycle.version > MAX_VERSION {
        return Err(refuse(
            "version".into(),
            version_too_high(record.lifecycle.version),
        ));
    }
    let limit = |field: &dyn Fn() -> String, c: Count| match c {
        Some(v) if v > MAX_COUNT => Err(refuse(field(), too_large(v))),
        _ => Ok(()),
    };
    // Every single box of the model, in the reader's order and by its key.
    for spec in MODEL {
        if let Some(Target::Count(field)) = spec.single() {
            limit(&|| spec.file.to_string(), record.get(field))?;
        }
    }
    for l in &record.votes.lists {
        let Some(total) = l.total else { continue };
        let field = || format!("votes.lists.{}", l.list);
        limit(&field, Some(total))?;
        if !election.lists.iter().any(|e| e.number == l.list) {
            return Err(refuse(field(), list_not_on_ballot(l.list, election)));
        }
    }
    // The pages the text would hold: those with a figure on them.
    let mut pages = record
        .candidate_votes
        .iter()
        .filter(|c| c.total.is_some() || c.votes.iter().any(|(_, v)| v.is_some()))
        .peekable();
    if pages.peek().is_some() && !method.counts_candidates() {
        return Err(refuse(
            "candidates".into(),
            candidates_in_list_totals_model(),
        ));
    }
    for page in pages {
        let list = page.list;
        let Some(on_ballot) = election.lists.iter().find(|l| l.number == list) else {
            return Err(refuse(
                format!("candidates.{list}"),
                list_not_on_ballot(list, election),
            ));
        };
        for (i, &(candidate, votes)) in page.votes.iter().enumerate() {
            let Some(votes) = votes else { continue };
            let field = || format!("candidates.{list}.{candidate}");
            // The slots are in the list's order, so the candidate is usually at `i`.
            let known = on_ballot.candidates.get(i).map(|c| c.number) == Some(candidate)
                || on_ballot.candidates.iter().any(|c| c.number == candidate);
            if !known {
                return Err(refuse(field(), no_such_candidate(list, candidate)));
            }
            limit(&field, Some(votes))?;
        }
        limit(
            &|| format!("candidates.{list}.{}", super::LIST_PAGE_TOTAL),
            page.total,
        )?;
    }
    match off_the_form("", election, record) {
        Some((_, field, problem)) => Err(refuse(field, problem)),
        None => Ok(()),
    }
}
