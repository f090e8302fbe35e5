//! EML 110a, the election definition (verkiezingsdefinitie): which election, its
//! date, category and domain, the number of seats and the registered party names.

use super::identifier::ElectionIdentifier;
use super::xml::{EmlError, Item, Pull, local, parse_number};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    pub election: ElectionIdentifier,
    pub number_of_seats: Option<u64>,
    /// `kr:RegisteredAppellation`s, in file order. These are registered names, not
    /// lists: list numbers come from the 230b.
    pub registered_parties: Vec<String>,
}

/// Reads a 110a. `file` names it in errors.
pub fn read(file: &str, text: &str) -> Result<Definition, EmlError> {
    let mut pull = Pull::new(file, text);
    pull.expect_root("110a", "election definition", "verkiezingsdefinitie")?;
    let mut election = None;
    let mut number_of_seats = None;
    let mut registered_parties = Vec::new();
    loop {
        match pull.step()? {
            Item::Start(e) => match local(&e) {
                "ElectionIdentifier" => election = Some(ElectionIdentifier::read(&mut pull, &e)?),
                "NumberOfSeats" => number_of_seats = parse_number(&pull.text()?),
                "RegisteredAppellation" => registered_parties.push(pull.text()?),
                _ => {}
            },
            Item::Eof => break,
            Item::End(_) | Item::Text(_) => {}
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
    if election.date.is_empty() {
        return Err(EmlError::new(
            file,
            None,
            "no ElectionDate in the file",
            "geen ElectionDate in het bestand",
        ));
    }
    election.category(file)?;
    Ok(Definition {
        election,
        number_of_seats,
        registered_parties,
    })
}
