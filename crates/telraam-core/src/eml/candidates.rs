//! EML 230b, the kandidatenlijsten: every list (affiliation) with its number and
//! name, and every candidate with number, initials, names and place of residence.

use super::identifier::{ElectionIdentifier, read_contest};
use super::xml::{EmlError, EmlKind, EmlProblem, Item, Numbered, Pull, local, parse_number};
use crate::election::{Authority, Candidate, Contest, PoliticalList};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateLists {
    pub election: ElectionIdentifier,
    /// `ManagingAuthority`: the central polling station (CSB) or municipality that
    /// issued the lists.
    pub authority: Authority,
    /// The contest the lists stand in: `geen`, or the kieskring for TK, EP and PS2.
    pub contest: Option<Contest>,
    pub lists: Vec<PoliticalList>,
}

fn id_number(pull: &Pull<'_>, id: Option<String>, what: Numbered) -> Result<u32, EmlError> {
    let id = id.unwrap_or_default();
    parse_number(&id)
        .and_then(|n| u32::try_from(n).ok())
        .filter(|&n| n > 0)
        .ok_or_else(|| {
            pull.error(EmlProblem::IdNotFromOne {
                what,
                id: id.clone(),
            })
        })
}

/// Reads a 230b. `file` names it in errors.
pub fn read(file: &str, text: &str) -> Result<CandidateLists, EmlError> {
    let mut pull = Pull::new(file, text);
    pull.expect_root(EmlKind::Candidates)?;
    let mut election = None;
    let mut lists: Vec<PoliticalList> = Vec::new();
    // The line of each list's AffiliationIdentifier, for messages.
    let mut list_lines: Vec<usize> = Vec::new();
    let mut authority = None;
    let mut list_start = None;
    let mut contest: Option<Contest> = None;
    let mut in_candidate = false;
    loop {
        match pull.step()? {
            Item::Start(e) => match local(&e) {
                "ElectionIdentifier" => election = Some(ElectionIdentifier::read(&mut pull, &e)?),
                "CandidateList" => list_start = Some(pull.line()),
                "AuthorityIdentifier" if authority.is_none() => {
                    let id = pull.attr(&e, "Id")?.unwrap_or_default();
                    authority = Some(Authority {
                        id,
                        name: pull.text()?,
                    });
                }
                "ContestIdentifier" => {
                    let read = read_contest(&mut pull, &e)?;
                    if let Some(first) = &contest {
                        return Err(pull.error(EmlProblem::SecondContestInLists {
                            second: read.id,
                            first: first.id.clone(),
                        }));
                    }
                    contest = Some(read);
                }
                "AffiliationIdentifier" => {
                    let number = id_number(&pull, pull.attr(&e, "Id")?, Numbered::List)?;
                    if lists.iter().any(|l| l.number == number) {
                        return Err(pull.error(EmlProblem::ListTwice(number)));
                    }
                    lists.push(PoliticalList {
                        number,
                        name: String::new(),
                        candidates: Vec::new(),
                    });
                    list_lines.push(pull.line());
                }
                "RegisteredName" => {
                    let name = pull.text()?;
                    if let Some(list) = lists.last_mut() {
                        list.name = name;
                    }
                }
                "Candidate" => in_candidate = true,
                "CandidateIdentifier" => {
                    let number = id_number(&pull, pull.attr(&e, "Id")?, Numbered::Candidate)?;
                    let Some(list) = lists.last_mut() else {
                        return Err(pull.error(EmlProblem::CandidateBeforeList));
                    };
                    if list.candidate(number).is_some() {
                        return Err(pull.error(EmlProblem::CandidateTwice {
                            list: list.number,
                            candidate: number,
                        }));
                    }
                    list.candidates.push(Candidate {
                        number,
                        initials: String::new(),
                        first_name: String::new(),
                        prefix: String::new(),
                        last_name: String::new(),
                        locality: String::new(),
                    });
                }
                name @ ("NameLine" | "FirstName" | "NamePrefix" | "LastName" | "LocalityName")
                    if in_candidate =>
                {
                    let is_initials = name != "NameLine"
                        || pull.attr(&e, "NameType")?.as_deref() == Some("Initials");
                    let name = name.to_string();
                    let value = pull.text()?;
                    let Some(c) = lists.last_mut().and_then(|l| l.candidates.last_mut()) else {
                        continue;
                    };
                    match name.as_str() {
                        "NameLine" if is_initials => c.initials = value,
                        "FirstName" => c.first_name = value,
                        "NamePrefix" => c.prefix = value,
                        "LastName" => c.last_name = value,
                        "LocalityName" => c.locality = value,
                        _ => {}
                    }
                }
                _ => {}
            },
            Item::End(e) => {
                if super::xml::local_end(&e) == "Candidate" {
                    in_candidate = false;
                }
            }
            Item::Text(_) => {}
            Item::Eof => break,
        }
    }
    let election =
        election.ok_or_else(|| EmlError::new(file, None, EmlProblem::NoElectionIdentifier))?;
    if lists.is_empty() {
        return Err(EmlError::new(file, None, EmlProblem::NoLists));
    }
    if let Some((list, line)) = lists
        .iter()
        .zip(&list_lines)
        .find(|(l, _)| l.candidates.is_empty())
    {
        return Err(EmlError::new(
            file,
            Some(*line),
            EmlProblem::ListWithoutCandidates(list.number),
        ));
    }
    let Some(authority) = authority else {
        return Err(EmlError::new(
            file,
            list_start,
            EmlProblem::NoManagingAuthority,
        ));
    };
    Ok(CandidateLists {
        election,
        authority,
        contest,
        lists,
    })
}
