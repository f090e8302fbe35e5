//! EML 110a, the election definition (verkiezingsdefinitie): which election, its
//! date, category and domain, the number of seats and the registered party names.

use super::identifier::{ElectionIdentifier, read_contest};
use super::xml::{EmlError, EmlKind, EmlProblem, Item, Pull, local, parse_number};
use crate::election::{Category, Contest};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    pub election: ElectionIdentifier,
    /// The contest: `geen`, or `alle` for an election of several districts.
    pub contest: Option<Contest>,
    pub number_of_seats: Option<u64>,
    /// `kr:RegisteredAppellation`s, in file order. These are registered names, not
    /// lists: list numbers come from the 230b.
    pub registered_parties: Vec<String>,
}

/// Reads a 110a. `file` names it in errors.
pub fn read(file: &str, text: &str) -> Result<Definition, EmlError> {
    let mut pull = Pull::new(file, text);
    pull.expect_root(EmlKind::Definition)?;
    let mut election = None;
    let mut election_line = 0;
    let mut contest = None;
    let mut number_of_seats = None;
    let mut registered_parties = Vec::new();
    loop {
        match pull.step()? {
            Item::Start(e) => match local(&e) {
                "ElectionIdentifier" => {
                    election_line = pull.line();
                    election = Some(ElectionIdentifier::read(&mut pull, &e)?);
                }
                "ContestIdentifier" if contest.is_none() => {
                    contest = Some(read_contest(&mut pull, &e)?);
                }
                "NumberOfSeats" => number_of_seats = parse_number(&pull.text()?),
                "RegisteredAppellation" => registered_parties.push(pull.text()?),
                _ => {}
            },
            Item::Eof => break,
            Item::End(_) | Item::Text(_) => {}
        }
    }
    let election =
        election.ok_or_else(|| EmlError::new(file, None, EmlProblem::NoElectionIdentifier))?;
    if election.date.is_empty() {
        return Err(EmlError::new(file, None, EmlProblem::NoElectionDate));
    }
    let category = election.category(file)?;
    // The council of a municipality, province or water board is elected in a domain
    // (the schema leaves it out only for TK, EP and EK).
    if matches!(category, Category::GR | Category::PS | Category::AB)
        && election.domain_name.is_none()
    {
        return Err(EmlError::new(
            file,
            Some(election_line),
            EmlProblem::NoDomain(category),
        ));
    }
    Ok(Definition {
        election,
        contest,
        number_of_seats,
        registered_parties,
    })
}
