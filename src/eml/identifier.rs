//! What every EML_NL document says about its election (`ElectionIdentifier`), and the
//! checks that the files given together describe the same election.

use super::xml::{EmlError, Item, Pull, attr, local};
use crate::election::Category;

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
}

impl ElectionIdentifier {
    /// Reads the block whose start tag was just read.
    pub fn read(
        pull: &mut Pull<'_>,
        start: &quick_xml::events::BytesStart<'_>,
    ) -> Result<Self, EmlError> {
        let mut ident = ElectionIdentifier {
            id: attr(start, "Id").unwrap_or_default(),
            ..ElectionIdentifier::default()
        };
        loop {
            match pull.step()? {
                Item::Start(e) => match local(&e) {
                    "ElectionName" => ident.name = pull.text()?,
                    "ElectionCategory" => ident.category = pull.text()?,
                    "ElectionSubcategory" => ident.subcategory = pull.text()?,
                    "ElectionDomain" => {
                        ident.domain_id = attr(&e, "Id");
                        ident.domain_name = Some(pull.text()?);
                    }
                    "ElectionDate" => ident.date = pull.text()?,
                    _ => pull.skip()?,
                },
                Item::End(_) => break,
                Item::Text(_) => {}
                Item::Eof => {
                    return Err(
                        pull.error("unexpected end of file", "onverwacht einde van bestand")
                    );
                }
            }
        }
        if ident.id.is_empty() {
            return Err(pull.error(
                "ElectionIdentifier has no Id",
                "ElectionIdentifier heeft geen Id",
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
                format!("unknown election category \"{}\"", self.category),
                format!("onbekende verkiezingssoort \"{}\"", self.category),
            )
        })
    }
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
/// `first`: same id, and the same date and category where both give them.
pub fn same_election(
    first_file: &str,
    first: &ElectionIdentifier,
    other_file: &str,
    other: &ElectionIdentifier,
) -> Result<(), EmlError> {
    let differ = |what_en: &str, what_nl: &str, a: &str, b: &str| {
        EmlError::new(
            other_file,
            None,
            format!(
                "{what_en} \"{b}\" differs from \"{a}\" in {first_file}: the files are not about the same election"
            ),
            format!(
                "{what_nl} \"{b}\" verschilt van \"{a}\" in {first_file}: de bestanden gaan niet over dezelfde verkiezing"
            ),
        )
    };
    if first.id != other.id {
        return Err(differ(
            "election id",
            "verkiezings-id",
            &first.id,
            &other.id,
        ));
    }
    if !first.date.is_empty() && !other.date.is_empty() && first.date != other.date {
        return Err(differ(
            "election date",
            "verkiezingsdatum",
            &first.date,
            &other.date,
        ));
    }
    if !first.category.is_empty() && !other.category.is_empty() && first.category != other.category
    {
        return Err(differ(
            "election category",
            "verkiezingssoort",
            &first.category,
            &other.category,
        ));
    }
    Ok(())
}
