//! EML 110b, the stembureaulijst: the polling stations of a municipality, with the
//! managing authority (the municipality itself).

use super::identifier::ElectionIdentifier;
use super::xml::{EmlError, EmlKind, EmlProblem, Item, Pull, local, parse_number};
use crate::election::{Authority, PollingStation};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StationList {
    pub election: ElectionIdentifier,
    pub authority: Option<Authority>,
    pub stations: Vec<PollingStation>,
}

/// Reads a 110b. `file` names it in errors.
pub fn read(file: &str, text: &str) -> Result<StationList, EmlError> {
    let mut pull = Pull::new(file, text);
    pull.expect_root(EmlKind::Stations)?;
    let mut election = None;
    let mut authority = None;
    let mut stations: Vec<PollingStation> = Vec::new();
    // The polling place being read: name, postcode, eligible voters.
    let mut place: Option<(String, String, Option<u64>)> = None;
    loop {
        match pull.step()? {
            Item::Start(e) => match local(&e) {
                "ElectionIdentifier" => election = Some(ElectionIdentifier::read(&mut pull, &e)?),
                "AuthorityIdentifier" => {
                    let id = pull.attr(&e, "Id")?.unwrap_or_default();
                    authority = Some(Authority {
                        id,
                        name: pull.text()?,
                    });
                }
                "PollingPlace" => place = Some((String::new(), String::new(), None)),
                "LocalityName" => {
                    let name = pull.text()?;
                    if let Some(p) = place.as_mut() {
                        p.0 = name;
                    }
                }
                "PostalCodeNumber" => {
                    let code = pull.text()?;
                    if let Some(p) = place.as_mut() {
                        p.1 = code;
                    }
                }
                "MaxVotes" => {
                    let max = match parse_number(&pull.text()?) {
                        Some(n) => Some(pull.within_limit("MaxVotes", n)?),
                        None => None,
                    };
                    if let Some(p) = place.as_mut() {
                        p.2 = max;
                    }
                }
                "PollingStation" => {
                    let id = pull.attr(&e, "Id")?.unwrap_or_default();
                    let line = pull.line();
                    let _ = pull.text()?;
                    let number = parse_number(&id)
                        .and_then(|n| u32::try_from(n).ok())
                        .ok_or_else(|| {
                            EmlError::new(
                                file,
                                Some(line),
                                EmlProblem::StationIdNotANumber(id.clone()),
                            )
                        })?;
                    let (name, postcode, eligible_voters) = place.clone().unwrap_or_default();
                    if stations.iter().any(|s| s.number == number) {
                        return Err(EmlError::new(
                            file,
                            Some(line),
                            EmlProblem::StationListedTwice(number),
                        ));
                    }
                    stations.push(PollingStation {
                        number,
                        name,
                        postcode,
                        eligible_voters,
                    });
                }
                _ => {}
            },
            Item::End(_) | Item::Text(_) => {}
            Item::Eof => break,
        }
    }
    let election =
        election.ok_or_else(|| EmlError::new(file, None, EmlProblem::NoElectionIdentifier))?;
    Ok(StationList {
        election,
        authority,
        stations,
    })
}
