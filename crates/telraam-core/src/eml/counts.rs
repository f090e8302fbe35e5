//! EML 510b, the count (telling) of a municipality: the municipal totals
//! (`TotalVotes`) and one `ReportingUnitVotes` per polling station. Read in one
//! streaming pass; a 510b carries no candidate names, only list and candidate ids
//! that are joined with the 230b.

use super::identifier::{ElectionIdentifier, read_contest};
use super::xml::{EmlError, EmlKind, EmlProblem, Item, Pull, attr_number, local, local_end};
use crate::election::{Authority, Contest};
use crate::form::{Eml, MODEL, Target, spec_of};
use crate::record::Field;

/// The `ReasonCode`s of `UncountedVotes`, in the order a 510b writes them (A, B, C,
/// D, I, J, K, L, M, O, N). Which box each one holds is the form model's
/// ([`crate::form::Eml`]).
pub const UNCOUNTED: [&str; 11] = [
    "geldige stempassen",
    "geldige volmachtbewijzen",
    "geldige kiezerspassen",
    "toegelaten kiezers",
    "meer getelde stembiljetten",
    "minder getelde stembiljetten",
    "meegenomen stembiljetten",
    "te weinig uitgereikte stembiljetten",
    "te veel uitgereikte stembiljetten",
    "geen verklaring",
    "andere verklaring",
];

/// The count box of the form that an `UncountedVotes` reason code holds.
pub fn uncounted_field(code: &str) -> Option<Field> {
    MODEL
        .iter()
        .find_map(|spec| match (spec.eml, spec.single()) {
            (Eml::Uncounted(c), Some(Target::Count(field))) if c == code => Some(field),
            _ => None,
        })
}

/// One list's votes in a block: `E.n` and its candidates' votes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListBlock {
    pub list: u32,
    pub name: String,
    pub votes: u64,
    /// `(candidate number, votes)` in file order.
    pub candidates: Vec<(u32, u64)>,
}

/// The figures of `TotalVotes` or of one `ReportingUnitVotes` (the schema's VoteGroup).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VoteBlock {
    pub lists: Vec<ListBlock>,
    /// `Cast`: kiesgerechtigden (eligible voters; "opgeroepenen" in OSV).
    pub cast: Option<u64>,
    /// `TotalCounted`: E, the votes on lists (not H).
    pub total_counted: Option<u64>,
    /// F.
    pub blank: Option<u64>,
    /// G.
    pub invalid: Option<u64>,
    /// A, B, C, D, I, J, K, L, M, O, N by [`UNCOUNTED`] index.
    pub uncounted: [Option<u64>; 11],
}

impl VoteBlock {
    /// What the block holds for a single box of the form, where the form model puts
    /// it in a 510b: `UncountedVotes` (A–D, I–O), `RejectedVotes` (F, G) or
    /// `TotalCounted` (E). `None` for a box a 510b does not carry.
    pub fn count(&self, field: Field) -> Option<u64> {
        match spec_of(Target::Count(field))?.eml {
            Eml::Uncounted(code) => {
                let i = UNCOUNTED.iter().position(|c| *c == code)?;
                self.uncounted[i]
            }
            Eml::Rejected("blanco") => self.blank,
            Eml::Rejected(_) => self.invalid,
            Eml::TotalCounted => self.total_counted,
            Eml::Selection | Eml::Absent => None,
        }
    }
}

/// One polling station in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportingUnit {
    /// The file's own id, e.g. `0668::SB1`.
    pub id: String,
    pub station: u32,
    /// The station's name without the "Stembureau " prefix and the postcode suffix.
    pub name: String,
    pub postcode: String,
    pub votes: VoteBlock,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountFile {
    pub election: ElectionIdentifier,
    pub authority: Option<Authority>,
    /// The contest counted (`geen`, or the kieskring).
    pub contest: Option<Contest>,
    /// The file's own municipal totals, where it has them.
    pub totals: Option<VoteBlock>,
    pub units: Vec<ReportingUnit>,
}

/// Splits "Stembureau Dorpshuis De Hucht (postcode: 6626 AC)" into name and postcode.
pub fn split_unit_name(text: &str) -> (String, String) {
    let text = text.trim();
    let (name, postcode) = match text.rfind(" (postcode: ") {
        Some(i) if text.ends_with(')') => (
            &text[..i],
            text[i + " (postcode: ".len()..text.len() - 1].trim(),
        ),
        _ => (text, ""),
    };
    let name = name.strip_prefix("Stembureau ").unwrap_or(name);
    (name.to_string(), postcode.to_string())
}

/// The station number in a reporting unit id: `0668::SB12` → 12. Only `SB` and a
/// number from 1 (digits only) make a polling station: `0668::XX1` and `SB0` do not.
fn station_number(id: &str) -> Option<u32> {
    let tail = id.rsplit("::").next().unwrap_or(id);
    let digits = tail.strip_prefix("SB")?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|&n| n > 0)
}

/// What the next `ValidVotes` belongs to.
#[derive(Clone, Copy)]
enum Selected {
    Nothing,
    List,
    Candidate(u32),
}

/// Reads a 510b. `file` names it in errors.
pub fn read(file: &str, text: &str) -> Result<CountFile, EmlError> {
    read_from(file, &mut Pull::new(file, text))
}

/// As [`read`] without the fast path for candidate `Selection`s: every element
/// through quick-xml (the tests hold the two to the same result).
#[doc(hidden)]
pub fn read_general_path(file: &str, text: &str) -> Result<CountFile, EmlError> {
    read_from(file, &mut Pull::new(file, text).without_fast_path())
}

/// As [`read`], from a reader made by the caller (tests ask it afterwards how
/// many `Selection`s took the fast path).
#[doc(hidden)]
pub fn read_from(file: &str, pull: &mut Pull<'_>) -> Result<CountFile, EmlError> {
    pull.expect_root(EmlKind::Count)?;
    let mut election = None;
    let mut authority = None;
    let mut contest: Option<Contest> = None;
    let mut totals = None;
    let mut units: Vec<ReportingUnit> = Vec::new();
    let mut block: Option<VoteBlock> = None;
    let mut unit_id = String::new();
    let mut unit_at = 0;
    let mut unit_name = String::new();
    let mut selected = Selected::Nothing;
    loop {
        match pull.step()? {
            Item::Start(e) => match local(&e) {
                "Selection" => selected = Selected::Nothing,
                "CandidateIdentifier" => {
                    let id = attr_number(&e, "Id")
                        .and_then(|n| u32::try_from(n).ok())
                        .ok_or_else(|| pull.error(EmlProblem::CandidateIdNotNumeric))?;
                    selected = Selected::Candidate(id);
                }
                "ValidVotes" => {
                    let votes = pull.count("ValidVotes")?;
                    let Some(b) = block.as_mut() else {
                        return Err(pull.error(EmlProblem::ValidVotesOutsideBlock));
                    };
                    match selected {
                        Selected::List => {
                            if let Some(l) = b.lists.last_mut() {
                                l.votes = votes;
                            }
                        }
                        Selected::Candidate(c) => match b.lists.last_mut() {
                            Some(l) => l.candidates.push((c, votes)),
                            None => {
                                return Err(pull.error(EmlProblem::CandidateVotesBeforeList));
                            }
                        },
                        Selected::Nothing => {
                            return Err(pull.error(EmlProblem::ValidVotesWithoutSelection));
                        }
                    }
                }
                "AffiliationIdentifier" => {
                    let Some(list) = attr_number(&e, "Id").and_then(|n| u32::try_from(n).ok())
                    else {
                        return Err(pull.error(EmlProblem::AffiliationIdNotNumeric));
                    };
                    let Some(b) = block.as_mut() else {
                        return Err(pull.error(EmlProblem::ListOutsideBlock));
                    };
                    if b.lists.iter().any(|l| l.list == list) {
                        return Err(pull.error(EmlProblem::ListTwiceInBlock(list)));
                    }
                    b.lists.push(ListBlock {
                        list,
                        ..ListBlock::default()
                    });
                    selected = Selected::List;
                }
                "RegisteredName" => {
                    let name = pull.text()?;
                    if let Some(l) = block.as_mut().and_then(|b| b.lists.last_mut()) {
                        l.name = name;
                    }
                }
                "Cast" | "TotalCounted" | "RejectedVotes" | "UncountedVotes" => {
                    let what = local(&e).to_string();
                    let reason = pull.attr(&e, "ReasonCode")?.unwrap_or_default();
                    let value = pull.count(&what)?;
                    let Some(b) = block.as_mut() else {
                        return Err(pull.error(EmlProblem::OutsideBlock { what }));
                    };
                    match (what.as_str(), reason.as_str()) {
                        ("Cast", _) => b.cast = Some(value),
                        ("TotalCounted", _) => b.total_counted = Some(value),
                        ("RejectedVotes", "blanco") => b.blank = Some(value),
                        ("RejectedVotes", "ongeldig") => b.invalid = Some(value),
                        ("UncountedVotes", r) => {
                            match UNCOUNTED.iter().position(|code| *code == r) {
                                Some(i) => b.uncounted[i] = Some(value),
                                None => {
                                    return Err(pull
                                        .error(EmlProblem::UnknownUncountedReason(r.to_string())));
                                }
                            }
                        }
                        (_, r) => {
                            return Err(
                                pull.error(EmlProblem::UnknownRejectedReason(r.to_string()))
                            );
                        }
                    }
                }
                "TotalVotes" | "ReportingUnitVotes" => {
                    block = Some(VoteBlock::default());
                    unit_id.clear();
                    unit_name.clear();
                }
                "ReportingUnitIdentifier" => {
                    unit_id = pull.attr(&e, "Id")?.unwrap_or_default();
                    unit_at = pull.position();
                    unit_name = pull.text()?;
                }
                "ElectionIdentifier" => election = Some(ElectionIdentifier::read(pull, &e)?),
                "ContestIdentifier" => {
                    let read = read_contest(pull, &e)?;
                    if let Some(first) = &contest {
                        return Err(pull.error(EmlProblem::SecondContestInCount {
                            second: read.id,
                            first: first.id.clone(),
                        }));
                    }
                    contest = Some(read);
                }
                "AuthorityIdentifier" => {
                    let id = pull.attr(&e, "Id")?.unwrap_or_default();
                    authority = Some(crate::election::Authority {
                        id,
                        name: pull.text()?,
                    });
                }
                _ => {}
            },
            Item::End(e) => match local_end(&e) {
                // A list's candidates follow it: read the plain ones on the fast path,
                // exactly as the arms above would (`xml/selection.rs`).
                "Selection" => {
                    if let Some(list) = block.as_mut().and_then(|b| b.lists.last_mut()) {
                        while let Some((candidate, votes)) = pull.candidate_selection() {
                            list.candidates.push((candidate, votes));
                            selected = Selected::Candidate(candidate);
                        }
                    }
                }
                "TotalVotes" => totals = block.take(),
                "ReportingUnitVotes" => {
                    let votes = block.take().unwrap_or_default();
                    let station = station_number(&unit_id).ok_or_else(|| {
                        EmlError::new(
                            file,
                            Some(pull.line_at(unit_at)),
                            EmlProblem::NotAStation(unit_id.clone()),
                        )
                    })?;
                    if units.iter().any(|u| u.station == station) {
                        return Err(pull.error(EmlProblem::StationTwice(station)));
                    }
                    let (name, postcode) = split_unit_name(&unit_name);
                    units.push(ReportingUnit {
                        id: unit_id.clone(),
                        station,
                        name,
                        postcode,
                        votes,
                    });
                }
                _ => {}
            },
            Item::Text(_) => {}
            Item::Eof => break,
        }
    }
    let election =
        election.ok_or_else(|| EmlError::new(file, None, EmlProblem::NoElectionIdentifier))?;
    if units.is_empty() {
        return Err(EmlError::new(
            file,
            Some(pull.line()),
            EmlProblem::NoStations,
        ));
    }
    Ok(CountFile {
        election,
        authority,
        contest,
        totals,
        units,
    })
}

#[cfg(test)]
mod tests;
