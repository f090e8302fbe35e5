//! What every EML_NL document says about its election (`ElectionIdentifier`), and the
//! checks that the files given together describe the same election.

use super::xml::{EmlError, EmlProblem, Identity, Item, Pull, local};
use crate::election::{Category, Contest};

/// The `ElectionIdentifier` block: the same in 110a, 110b, 230b and 510b.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ElectionIdentifier {
    /// E.g. `GR2022_WestMaasenWaal`.
    pub id: String,
    pub name: String,
    /// `GR`, `PS`, … as written.
    pub category: String,
    /// E.g. `GR1` (fewer than 19 seats) or `GR2`.
    pub subcategory: String,
    /// `kr:ElectionDomain`: for a municipal election the municipality (CBS code and name).
    pub domain_id: Option<String>,
    pub domain_name: Option<String>,
    /// `kr:ElectionDate`, `YYYY-MM-DD`.
    pub date: String,
    /// The line of the `ElectionIdentifier` in its file (0: unknown), for messages.
    pub line: usize,
    /// The line of its `kr:ElectionDomain` (0: none).
    pub domain_line: usize,
}

impl ElectionIdentifier {
    /// Reads the block whose start tag was just read.
    pub fn read(
        pull: &mut Pull<'_>,
        start: &quick_xml::events::BytesStart<'_>,
    ) -> Result<Self, EmlError> {
        let mut subcategory_line = 0;
        let mut ident = ElectionIdentifier {
            line: pull.line(),
            id: pull.attr(start, "Id")?.unwrap_or_default(),
            ..ElectionIdentifier::default()
        };
        loop {
            match pull.step()? {
                Item::Start(e) => match local(&e) {
                    "ElectionName" => ident.name = pull.text()?,
                    "ElectionCategory" => ident.category = pull.text()?,
                    "ElectionSubcategory" => {
                        ident.subcategory = pull.text()?;
                        subcategory_line = pull.line();
                    }
                    "ElectionDomain" => {
                        ident.domain_line = pull.line();
                        ident.domain_id = pull.attr(&e, "Id")?;
                        ident.domain_name = Some(pull.text()?);
                    }
                    "ElectionDate" => ident.date = pull.text()?,
                    _ => pull.skip()?,
                },
                Item::End(_) => break,
                Item::Text(_) => {}
                Item::Eof => {
                    return Err(pull.error(EmlProblem::UnexpectedEnd));
                }
            }
        }
        if ident.id.is_empty() {
            return Err(pull.error(EmlProblem::ElectionIdentifierWithoutId));
        }
        if !subcategory_fits(&ident.category, &ident.subcategory) {
            return Err(EmlError::new(
                pull.file(),
                Some(subcategory_line),
                EmlProblem::SubcategoryNotOfCategory {
                    subcategory: ident.subcategory.clone(),
                    category: ident.category.clone(),
                },
            ));
        }
        Ok(ident)
    }

    /// The category as telraam knows it.
    pub fn category(&self, file: &str) -> Result<Category, EmlError> {
        parse_category(&self.category).ok_or_else(|| {
            EmlError::new(
                file,
                None,
                EmlProblem::UnknownCategory(self.category.clone()),
            )
        })
    }
}

/// Whether a `kr:ElectionSubcategory` belongs to its category: GR1 and GR2 to GR,
/// PS1 and PS2 to PS, AB1 and AB2 to AB (an absent subcategory always fits).
fn subcategory_fits(category: &str, subcategory: &str) -> bool {
    let sub = subcategory.trim();
    let cat = category.trim();
    let family = |s: &str| ["GR", "PS", "AB"].into_iter().find(|f| s.starts_with(f));
    match (family(cat), family(sub)) {
        _ if sub.is_empty() => true,
        (Some(c), Some(s)) => c == s && cat == c,
        (None, None) => true,
        _ => false,
    }
}

/// Reads a `ContestIdentifier` whose start tag was just read: its Id and `ContestName`.
pub fn read_contest(
    pull: &mut Pull<'_>,
    start: &quick_xml::events::BytesStart<'_>,
) -> Result<Contest, EmlError> {
    let id = pull.attr(start, "Id")?.unwrap_or_default();
    let line = pull.line();
    let name = pull.text()?;
    if !Contest::valid_id(&id) {
        return Err(EmlError::new(
            pull.file(),
            Some(line),
            EmlProblem::BadContestId(id),
        ));
    }
    Ok(Contest { id, name })
}

pub fn parse_category(text: &str) -> Option<Category> {
    Some(match text.trim() {
        "GR" => Category::GR,
        "PS" => Category::PS,
        "AB" => Category::AB,
        "TK" => Category::TK,
        "EP" => Category::EP,
        "EK" => Category::EK,
        _ => return None,
    })
}

/// Checks that `other` (read from `other_file`) is about the same election as
/// `first`: same id, and the same date, category and domain id where both give them.
pub fn same_election(
    first_file: &str,
    first: &ElectionIdentifier,
    other_file: &str,
    other: &ElectionIdentifier,
) -> Result<(), EmlError> {
    let at = |line: usize| (line > 0).then_some(line);
    let differ = |what: Identity, theirs: &str, ours: &str| {
        EmlError::new(
            other_file,
            at(other.line),
            EmlProblem::Differs {
                what,
                ours: ours.to_string(),
                theirs: theirs.to_string(),
                first_file: first_file.to_string(),
            },
        )
    };
    if first.id != other.id {
        return Err(differ(Identity::Id, &first.id, &other.id));
    }
    if !first.date.is_empty() && !other.date.is_empty() && first.date != other.date {
        return Err(differ(Identity::Date, &first.date, &other.date));
    }
    if !first.category.is_empty() && !other.category.is_empty() && first.category != other.category
    {
        return Err(differ(Identity::Category, &first.category, &other.category));
    }
    if let (Some(a), Some(b)) = (&first.domain_id, &other.domain_id)
        && a != b
    {
        let mut e = differ(Identity::Domain, a, b);
        e.line = at(other.domain_line).or(e.line);
        return Err(e);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subcategory_must_belong_to_its_category() {
        assert!(subcategory_fits("GR", "GR1"));
        assert!(subcategory_fits("PS", "PS2"));
        assert!(subcategory_fits("TK", ""));
        assert!(!subcategory_fits("GR", "AB2"));
        assert!(!subcategory_fits("TK", "GR1"));
    }
}
