//! Building telraam's own data from EML_NL: the [`Election`] from a 110a, 230b and
//! 110b, and one transcription-mode [`CountRecord`] per polling station from a 510b.

use super::candidates::CandidateLists;
use super::counts::{CountFile, VoteBlock};
use super::definition::Definition;
use super::identifier::same_election;
use super::stations::StationList;
use super::xml::{EmlError, EmlProblem};
use crate::aggregate::{ListTotals, Totals};
use crate::election::{Authority, Contest, CountingMethod, Domain, Election, PollingStation};
use crate::form::{Eml, Form, Generation, MODEL, Target};
use crate::record::{CountRecord, EntryMode, Mark};

/// The files an election is built from, each with the name it is reported under.
pub struct ElectionSources<'a> {
    pub definition: Option<(&'a str, &'a Definition)>,
    pub candidates: (&'a str, &'a CandidateLists),
    pub stations: Option<(&'a str, &'a StationList)>,
    pub counting_method: CountingMethod,
    /// The generation of the paper forms when the election day does not tell it.
    pub form: Option<Generation>,
}

/// The election the files describe. Mismatching ids, dates or categories between the
/// files are an error naming the file that disagrees.
pub fn election(sources: &ElectionSources<'_>) -> Result<Election, EmlError> {
    let (cand_file, cands) = sources.candidates;
    let (base_file, base) = match sources.definition {
        Some((file, def)) => (file, &def.election),
        None => (cand_file, &cands.election),
    };
    if let Some((file, def)) = sources.definition {
        same_election(file, &def.election, cand_file, &cands.election)?;
    }
    if let Some((file, stations)) = sources.stations {
        same_election(base_file, base, file, &stations.election)?;
    }
    let category = base.category(base_file)?;
    let authority = sources
        .stations
        .and_then(|(_, s)| s.authority.clone())
        .or_else(|| domain_authority(base))
        .or_else(|| domain_authority(&cands.election));
    let election = Election {
        id: base.id.clone(),
        name: if base.name.is_empty() {
            cands.election.name.clone()
        } else {
            base.name.clone()
        },
        date: if base.date.is_empty() {
            cands.election.date.clone()
        } else {
            base.date.clone()
        },
        category,
        counting_method: sources.counting_method,
        voter_cards: None,
        form: sources.form,
        authority,
        // The 230b names the contest its lists stand in (the kieskring); a 110a says
        // only "geen" or, for several districts, "alle", which is no contest to count.
        contest: cands.contest.clone().or_else(|| {
            sources
                .definition
                .and_then(|(_, d)| d.contest.clone())
                .filter(|c| c.id != "alle")
        }),
        domain: domain(base).or_else(|| domain(&cands.election)),
        lists: cands.lists.clone(),
        stations: sources
            .stations
            .map(|(_, s)| s.stations.clone())
            .unwrap_or_default(),
    };
    election
        .check()
        .map_err(|e| EmlError::new(cand_file, None, EmlProblem::Election(e)))?;
    Ok(election)
}

/// `kr:ElectionDomain`, where the file has one.
fn domain(ident: &super::identifier::ElectionIdentifier) -> Option<Domain> {
    Some(Domain {
        id: ident.domain_id.clone().unwrap_or_default(),
        name: ident.domain_name.clone()?,
    })
}

/// The municipality as `kr:ElectionDomain` names it (only when it has a code).
fn domain_authority(ident: &super::identifier::ElectionIdentifier) -> Option<Authority> {
    Some(Authority {
        id: ident.domain_id.clone()?,
        name: ident.domain_name.clone().unwrap_or_default(),
    })
}

/// What a 510b import gives: the election (lists from the 230b, stations from the
/// 510b's reporting units), one record per station and the file's own totals.
pub struct CountImport {
    pub election: Election,
    pub records: Vec<CountRecord>,
    pub file_totals: Option<Totals>,
}

/// Joins a 510b with its 230b. DSO when the stations' blocks carry candidate votes.
pub fn counts(
    counts_file: &str,
    count: &CountFile,
    candidates_file: &str,
    cands: &CandidateLists,
) -> Result<CountImport, EmlError> {
    same_election(
        candidates_file,
        &cands.election,
        counts_file,
        &count.election,
    )?;
    let contest_id = |c: &Option<Contest>| c.as_ref().map(|c| c.id.clone());
    if let (Some(ours), Some(theirs)) = (contest_id(&count.contest), contest_id(&cands.contest))
        && ours != theirs
    {
        return Err(EmlError::new(
            counts_file,
            None,
            EmlProblem::ContestsDiffer {
                ours: ours.to_string(),
                theirs: theirs.to_string(),
                candidates_file: candidates_file.to_string(),
            },
        ));
    }
    let dso = count
        .units
        .iter()
        .any(|u| u.votes.lists.iter().any(|l| !l.candidates.is_empty()));
    let stations = count
        .units
        .iter()
        .map(|u| PollingStation {
            number: u.station,
            name: u.name.clone(),
            postcode: u.postcode.clone(),
            eligible_voters: u.votes.cast,
        })
        .collect();
    let category = count.election.category(counts_file)?;
    let election = Election {
        id: count.election.id.clone(),
        name: if count.election.name.is_empty() {
            cands.election.name.clone()
        } else {
            count.election.name.clone()
        },
        date: count.election.date.clone(),
        category,
        counting_method: if dso {
            CountingMethod::DSO
        } else {
            CountingMethod::CSO
        },
        voter_cards: None,
        form: None,
        authority: count
            .authority
            .clone()
            .or_else(|| domain_authority(&count.election)),
        contest: count.contest.clone().or_else(|| cands.contest.clone()),
        domain: domain(&count.election).or_else(|| domain(&cands.election)),
        lists: cands.lists.clone(),
        stations,
    };
    election
        .check()
        .map_err(|e| EmlError::new(counts_file, None, EmlProblem::Election(e)))?;
    let mut records = Vec::with_capacity(count.units.len());
    for unit in &count.units {
        records.push(record(counts_file, &election, unit.station, &unit.votes)?);
    }
    let file_totals = count
        .totals
        .as_ref()
        .map(|t| totals(counts_file, &election, t))
        .transpose()?;
    Ok(CountImport {
        election,
        records,
        file_totals,
    })
}

fn unknown_list(file: &str, station: Option<u32>, list: u32) -> EmlError {
    EmlError::new(file, None, EmlProblem::UnknownList { station, list })
}

fn unknown_candidate(file: &str, station: Option<u32>, list: u32, cand: u32) -> EmlError {
    EmlError::new(
        file,
        None,
        EmlProblem::UnknownCandidate {
            station,
            list,
            candidate: cand,
        },
    )
}

/// One station's block as a transcription-mode record: the file's own D, E, I, J
/// are kept as typed; H (which a 510b does not carry) is E + F + G. On the form used
/// up to 2025 K–O come from the file; on the form from 2026 (which has none; the file
/// writes them as 0, a figure above 0 is refused) the D/H box is the one the file's
/// I and J point to. C stays empty in an election without
/// kiezerspassen unless the file has a non-zero figure (so that the rules can say so).
pub fn record(
    file: &str,
    election: &Election,
    station: u32,
    block: &VoteBlock,
) -> Result<CountRecord, EmlError> {
    let mut r = CountRecord::empty(election, station, EntryMode::Transcription);
    single_boxes(file, election, station, block, &mut r)?;
    for list in &block.lists {
        let Some(slot) = r.votes.lists.iter_mut().find(|l| l.list == list.list) else {
            return Err(unknown_list(file, Some(station), list.list));
        };
        slot.total = Some(list.votes);
        if list.candidates.is_empty() {
            continue;
        }
        let Some(cands) = r.candidate_votes.iter_mut().find(|c| c.list == list.list) else {
            return Err(unknown_list(file, Some(station), list.list));
        };
        // A 510b has one figure per list: both the E.n and the list page's own total.
        cands.total = Some(list.votes);
        for (i, &(number, votes)) in list.candidates.iter().enumerate() {
            let index = match cands.votes.get(i) {
                Some((n, _)) if *n == number => Some(i),
                _ => cands.votes.iter().position(|(n, _)| *n == number),
            };
            match index {
                Some(i) => cands.votes[i].1 = Some(votes),
                None => return Err(unknown_candidate(file, Some(station), list.list, number)),
            }
        }
    }
    r.votes.total_cast = match (block.total_counted, block.blank, block.invalid) {
        (Some(e), Some(f), Some(g)) => {
            let h = e.saturating_add(f).saturating_add(g);
            if h > crate::record::MAX_COUNT {
                return Err(EmlError::new(
                    file,
                    None,
                    EmlProblem::HTooLarge {
                        station,
                        e,
                        f,
                        g,
                        h,
                    },
                ));
            }
            Some(h)
        }
        _ => None,
    };
    let form = Form::of(election);
    if form.has(Target::Mark(Mark::Equal)) {
        // A 510b has no D/H box: the one its I and J point to, as the paper would have it.
        let d = &mut r.differences;
        let more = d.more_ballots.unwrap_or(0) > 0;
        let fewer = d.fewer_ballots.unwrap_or(0) > 0;
        d.boxes.more = more;
        d.boxes.fewer = fewer;
        d.boxes.equal = !more && !fewer;
    }
    Ok(r)
}

/// Every single box of the form that a 510b carries (A–D, E, F, G, I, J and K–O),
/// as the form model places it. C stays empty in an election without kiezerspassen
/// unless the file has a figure above 0 (so that the rules can say so). The form from
/// 2026 has no K–O: a 510b of its elections writes them as 0, a figure above 0 is
/// refused.
fn single_boxes(
    file: &str,
    election: &Election,
    station: u32,
    block: &VoteBlock,
    r: &mut CountRecord,
) -> Result<(), EmlError> {
    let form = Form::of(election);
    for spec in MODEL {
        let Some(target @ Target::Count(field)) = spec.single() else {
            continue;
        };
        if spec.eml == Eml::Absent {
            continue;
        }
        let value = block.count(field);
        if !form.includes(spec) {
            if let Some(n) = value.filter(|n| *n > 0) {
                return Err(EmlError::new(
                    file,
                    None,
                    EmlProblem::NotOnForm {
                        station,
                        target,
                        value: n,
                        generation: form.generation,
                    },
                ));
            }
            continue;
        }
        if spec.voter_cards_only && !election.voter_cards_apply() && value == Some(0) {
            continue;
        }
        r.set(field, value);
    }
    Ok(())
}

/// A file's `TotalVotes` as [`Totals`] (H = E + F + G).
pub fn totals(file: &str, election: &Election, block: &VoteBlock) -> Result<Totals, EmlError> {
    let get = |o: Option<u64>| o.unwrap_or(0);
    let mut lists = Vec::with_capacity(block.lists.len());
    for list in &block.lists {
        let Some(known) = election.list(list.list) else {
            return Err(unknown_list(file, None, list.list));
        };
        for &(c, _) in &list.candidates {
            if known.candidate(c).is_none() {
                return Err(unknown_candidate(file, None, list.list, c));
            }
        }
        lists.push(ListTotals {
            list: list.list,
            total: list.votes,
            candidates: list.candidates.clone(),
        });
    }
    let mut totals = Totals {
        eligible_voters: get(block.cast),
        lists,
        ..Totals::default()
    };
    // Every single box the form model places in a 510b; H is E + F + G.
    for spec in MODEL {
        if let Some(Target::Count(field)) = spec.single() {
            totals.set(field, get(block.count(field)));
        }
    }
    let (e, f, g) = (totals.total_on_lists, totals.blank, totals.invalid);
    totals.total_cast = e.saturating_add(f).saturating_add(g);
    Ok(totals)
}
