//! EML 230b, the kandidatenlijsten: every list (affiliation) with its number and
//! name, and every candidate with number, initials, names and place of residence.

use super::identifier::ElectionIdentifier;
use super::xml::{EmlError, Item, Pull, attr, local, parse_number};
use crate::election::{Candidate, PoliticalList};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateLists {
    pub election: ElectionIdentifier,
    pub lists: Vec<PoliticalList>,
}

fn id_number(
    pull: &Pull<'_>,
    id: Option<String>,
    what_en: &str,
    what_nl: &str,
) -> Result<u32, EmlError> {
    let id = id.unwrap_or_default();
    parse_number(&id)
        .and_then(|n| u32::try_from(n).ok())
        .filter(|&n| n > 0)
        .ok_or_else(|| {
            pull.error(
                format!("{what_en} Id \"{id}\" is not a number from 1"),
                format!("{what_nl}-Id \"{id}\" is geen getal vanaf 1"),
            )
        })
}

/// Reads a 230b. `file` names it in errors.
pub fn read(file: &str, text: &str) -> Result<CandidateLists, EmlError> {
    let mut pull = Pull::new(file, text);
    pull.expect_root("230b", "candidate lists", "kandidatenlijsten")?;
    let mut election = None;
    let mut lists: Vec<PoliticalList> = Vec::new();
    let mut in_candidate = false;
    loop {
        match pull.step()? {
            Item::Start(e) => match local(&e) {
                "ElectionIdentifier" => election = Some(ElectionIdentifier::read(&mut pull, &e)?),
                "AffiliationIdentifier" => {
                    let number = id_number(&pull, attr(&e, "Id"), "list", "lijst")?;
                    if lists.iter().any(|l| l.number == number) {
                        return Err(pull.error(
                            format!("list {number} appears twice"),
                            format!("lijst {number} staat er twee keer in"),
                        ));
                    }
                    lists.push(PoliticalList {
                        number,
                        name: String::new(),
                        candidates: Vec::new(),
                    });
                }
                "RegisteredName" => {
                    let name = pull.text()?;
                    if let Some(list) = lists.last_mut() {
                        list.name = name;
                    }
                }
                "Candidate" => in_candidate = true,
                "CandidateIdentifier" => {
                    let number = id_number(&pull, attr(&e, "Id"), "candidate", "kandidaat")?;
                    let Some(list) = lists.last_mut() else {
                        return Err(pull.error(
                            "a candidate before any list",
                            "een kandidaat vóór de eerste lijst",
                        ));
                    };
                    if list.candidate(number).is_some() {
                        return Err(pull.error(
                            format!("list {}: candidate {number} appears twice", list.number),
                            format!(
                                "lijst {}: kandidaat {number} staat er twee keer in",
                                list.number
                            ),
                        ));
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
                    let is_initials =
                        name != "NameLine" || attr(&e, "NameType").as_deref() == Some("Initials");
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
    let election = election.ok_or_else(|| {
        EmlError::new(
            file,
            None,
            "no ElectionIdentifier in the file",
            "geen ElectionIdentifier in het bestand",
        )
    })?;
    if lists.is_empty() {
        return Err(EmlError::new(
            file,
            None,
            "the file holds no candidate lists",
            "het bestand bevat geen kandidatenlijsten",
        ));
    }
    Ok(CandidateLists { election, lists })
}
