//! Writing a 510b (the municipality's count) from the workspace's records, in the
//! layout the Kiesraad's own software writes: municipal totals, then one
//! `ReportingUnitVotes` per station. Valid against the EML_NL v1.2.2 schema
//! `510-count-kiesraad-strict.xsd`.
//!
//! A 510b has no way to say "empty": an empty box is written as 0. Every station
//! carries the explanation counts K..O, as the Kiesraad's files of both form
//! generations do (0 on the form from 2026, which has no such boxes): the Kiesraad's
//! converter eml2csv reads a station without them into a shorter row than the OSV
//! 4-3 CSV has.

use super::counts::{UNCOUNTED, uncounted_field};
use super::xml::{EmlError, EmlProblem};
use crate::aggregate::{Totals, aggregate};
use crate::election::{Category, Contest, Election};
use crate::record::CountRecord;
use quick_xml::escape::escape;
use std::fmt::Write as _;

const NAMESPACES: &str = concat!(
    "xmlns=\"urn:oasis:names:tc:evs:schema:eml\" ",
    "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" ",
    "xmlns:kr=\"http://www.kiesraad.nl/extensions\" ",
    "xmlns:xal=\"urn:oasis:names:tc:ciq:xsdschema:xAL:2.0\" ",
    "xmlns:xnl=\"urn:oasis:names:tc:ciq:xsdschema:xNL:2.0\""
);

/// The figures of one block (the municipality or one station) in the order a 510b
/// writes them.
struct Block<'a> {
    totals: &'a Totals,
}

fn write_block(out: &mut String, election: &Election, block: &Block<'_>) {
    let t = block.totals;
    let with_candidates = election.counting_method.counts_candidates();
    for list in &t.lists {
        let name = election
            .list(list.list)
            .map(|l| l.name.as_str())
            .unwrap_or("");
        let _ = write!(
            out,
            "<Selection><AffiliationIdentifier Id=\"{}\"><RegisteredName>{}</RegisteredName></AffiliationIdentifier><ValidVotes>{}</ValidVotes></Selection>",
            list.list,
            escape(name),
            list.total
        );
        if with_candidates {
            for (number, votes) in &list.candidates {
                let _ = write!(
                    out,
                    "<Selection><Candidate><CandidateIdentifier Id=\"{number}\"/></Candidate><ValidVotes>{votes}</ValidVotes></Selection>"
                );
            }
        }
    }
    let _ = write!(
        out,
        "<Cast>{}</Cast><TotalCounted>{}</TotalCounted><RejectedVotes ReasonCode=\"ongeldig\">{}</RejectedVotes><RejectedVotes ReasonCode=\"blanco\">{}</RejectedVotes>",
        t.eligible_voters, t.total_on_lists, t.invalid, t.blank
    );
    for code in UNCOUNTED {
        // The box the form model places under this reason code.
        let value = uncounted_field(code)
            .and_then(|field| t.get(field))
            .unwrap_or(0);
        let _ = write!(
            out,
            "<UncountedVotes ReasonCode=\"{code}\">{value}</UncountedVotes>"
        );
    }
}

/// The contest a 510b names: the election's own; for a municipal election without
/// one, `geen` (a municipal council has no districts). `None` for any other category
/// without a contest: writing `geen` there would not match its 230b.
pub fn contest(election: &Election) -> Option<Contest> {
    match (&election.contest, election.category) {
        (Some(c), _) => Some(c.clone()),
        (None, Category::GR) => Some(Contest {
            id: "geen".into(),
            name: String::new(),
        }),
        (None, _) => None,
    }
}

/// The 510b of `records`. `created` is the `kr:CreationDateTime` (local time,
/// `YYYY-MM-DDTHH:MM:SS.mmm`); `target` names the output in errors.
pub fn write(
    target: &str,
    election: &Election,
    records: &[CountRecord],
    created: &str,
) -> Result<String, EmlError> {
    write_with(target, election, records, created, None)
}

/// As [`write`], `TotalVotes` taking the municipal figures that no station has from
/// `file_totals` (the imported 510b's own totals; see
/// [`crate::aggregate::take_municipal_figures`]).
pub fn write_with(
    target: &str,
    election: &Election,
    records: &[CountRecord],
    created: &str,
    file_totals: Option<&Totals>,
) -> Result<String, EmlError> {
    let Some(authority) = election.authority.as_ref() else {
        return Err(EmlError::new(target, None, EmlProblem::NoAuthority));
    };
    let Some(contest) = contest(election) else {
        return Err(EmlError::new(
            target,
            None,
            EmlProblem::NoContest(election.category),
        ));
    };
    if records.is_empty() {
        return Err(EmlError::new(target, None, EmlProblem::NoRecords));
    }
    let mut records: Vec<&CountRecord> = records.iter().collect();
    records.sort_by_key(|r| r.station);
    let owned: Vec<CountRecord> = records.iter().map(|r| (*r).clone()).collect();
    let mut totals = aggregate(election, &owned);
    if let Some(file) = file_totals {
        crate::aggregate::take_municipal_figures(&mut totals, file);
    }

    let mut out = String::with_capacity(1024 + records.len() * 120 * (1 + totals.lists.len() * 40));
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = write!(
        out,
        "<EML {NAMESPACES} Id=\"510b\" SchemaVersion=\"5\"><TransactionId>1</TransactionId><ManagingAuthority><AuthorityIdentifier Id=\"{}\">{}</AuthorityIdentifier><AuthorityAddress></AuthorityAddress></ManagingAuthority><kr:CreationDateTime>{}</kr:CreationDateTime><ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments\"></ds:CanonicalizationMethod>",
        escape(&authority.id),
        escape(&authority.name),
        escape(created)
    );
    let _ = write!(
        out,
        "<Count><EventIdentifier></EventIdentifier><Election><ElectionIdentifier Id=\"{}\"><ElectionName>{}</ElectionName><ElectionCategory>{}</ElectionCategory>",
        escape(&election.id),
        escape(&election.name),
        election.category.code()
    );
    match (&election.domain, election.category) {
        (Some(domain), _) if !domain.id.is_empty() => {
            let _ = write!(
                out,
                "<kr:ElectionDomain Id=\"{}\">{}</kr:ElectionDomain>",
                escape(&domain.id),
                escape(&domain.name)
            );
        }
        (Some(domain), _) => {
            let _ = write!(
                out,
                "<kr:ElectionDomain>{}</kr:ElectionDomain>",
                escape(&domain.name)
            );
        }
        // An election file without a domain: a municipal council's domain is the municipality.
        (None, Category::GR) => {
            let _ = write!(
                out,
                "<kr:ElectionDomain Id=\"{}\">{}</kr:ElectionDomain>",
                escape(&authority.id),
                escape(&authority.name)
            );
        }
        (None, _) => {}
    }
    let _ = write!(
        out,
        "<kr:ElectionDate>{}</kr:ElectionDate></ElectionIdentifier><Contests><Contest>",
        escape(&election.date)
    );
    match &contest {
        Contest { id, name } if name.is_empty() => {
            let _ = write!(
                out,
                "<ContestIdentifier Id=\"{}\"></ContestIdentifier>",
                escape(id)
            );
        }
        Contest { id, name } => {
            let _ = write!(
                out,
                "<ContestIdentifier Id=\"{}\"><ContestName>{}</ContestName></ContestIdentifier>",
                escape(id),
                escape(name)
            );
        }
    }
    out.push_str("<TotalVotes>");
    write_block(&mut out, election, &Block { totals: &totals });
    out.push_str("</TotalVotes>");
    for record in &records {
        let station = election.station(record.station);
        let name = station.map_or(String::new(), |s| s.name.clone());
        let label = match station.map(|s| s.postcode.as_str()) {
            Some(pc) if !pc.is_empty() => format!("Stembureau {name} (postcode: {pc})"),
            _ => format!("Stembureau {name}"),
        };
        let _ = write!(
            out,
            "<ReportingUnitVotes><ReportingUnitIdentifier Id=\"{}::SB{}\">{}</ReportingUnitIdentifier>",
            escape(&authority.id),
            record.station,
            escape(label.trim())
        );
        let figures = Totals::of_record(election, record);
        write_block(&mut out, election, &Block { totals: &figures });
        out.push_str("</ReportingUnitVotes>");
    }
    out.push_str("</Contest></Contests></Election></Count></EML>\n");
    Ok(out)
}

/// The current UTC time as `kr:CreationDateTime` writes it.
pub fn now() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = now.as_secs();
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        now.subsec_millis()
    )
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_from_day_numbers() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_067), (2022, 3, 16));
    }
}
