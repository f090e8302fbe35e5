//! The OSV2020 "4-3" CSV: the municipality's count with one column per polling
//! station, as the Kiesraad's OSV software exports it. UTF-8 with a byte-order mark,
//! `;` between fields, every value in double quotes (empty fields bare), `\n`
//! between lines and none after the last.

use crate::aggregate::{Totals, aggregate};
use crate::election::Election;
use crate::record::CountRecord;

/// The figure rows in OSV's order: label, and how to read it from [`Totals`].
type Row = (&'static str, fn(&Totals) -> u64);

const ROWS: [Row; 16] = [
    ("opgeroepenen", |t| t.eligible_voters),
    ("geldige stempas", |t| t.poll_cards),
    ("geldig volmachtbewijs", |t| t.proxy_certificates),
    ("geldige kiezerspas", |t| t.voter_cards),
    ("toegelaten kiezers", |t| t.total_admitted),
    ("geldige stembiljetten", |t| t.total_on_lists),
    ("blanco stembiljetten", |t| t.blank),
    ("ongeldige stembiljetten", |t| t.invalid),
    ("aangetroffen stembiljetten", |t| t.total_cast),
    ("meer stembiljetten dan toegelaten kiezers", |t| {
        t.more_ballots
    }),
    ("minder stembiljetten dan toegelaten kiezers", |t| {
        t.fewer_ballots
    }),
    ("kiezers met stembiljet hebben niet gestemd", |t| {
        t.taken_away
    }),
    ("er zijn te weinig stembiljetten uitgereikt", |t| {
        t.too_few_issued
    }),
    ("er zijn te veel stembiljetten uitgereikt", |t| {
        t.too_many_issued
    }),
    ("geen verklaring", |t| t.no_explanation),
    ("andere verklaring", |t| t.other_explanation),
];

/// A value in double quotes (quotes inside doubled); an empty value stays bare, as
/// OSV and the Kiesraad's eml2csv write it.
fn quote(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The CSV of the election's records (one column per station, by station number).
pub fn write(election: &Election, records: &[CountRecord]) -> String {
    write_with(election, records, None)
}

/// As [`write`], the total column taking the municipal figures that no station has
/// from `file_totals` (the imported 510b's own totals; see
/// [`crate::aggregate::take_municipal_figures`]).
pub fn write_with(
    election: &Election,
    records: &[CountRecord],
    file_totals: Option<&Totals>,
) -> String {
    let mut records: Vec<&CountRecord> = records.iter().collect();
    records.sort_by_key(|r| r.station);
    let columns: Vec<Totals> = records
        .iter()
        .map(|r| Totals::of_record(election, r))
        .collect();
    let owned: Vec<CountRecord> = records.iter().map(|r| (*r).clone()).collect();
    let mut total = aggregate(election, &owned);
    if let Some(file) = file_totals {
        crate::aggregate::take_municipal_figures(&mut total, file);
    }
    let station = |n: u32| election.station(n);

    let mut lines: Vec<String> = Vec::new();
    let authority = election
        .authority
        .clone()
        .unwrap_or_else(|| crate::election::Authority {
            id: String::new(),
            name: String::new(),
        });
    lines.push(format!("\u{feff}\"Verkiezing\";;{}", quote(&election.name)));
    lines.push(format!("\"Datum\";;{}", quote(&election.date)));
    lines.push(format!(
        "\"Gebied\";;{}",
        quote(&format!("Gemeente {}", authority.name))
    ));
    lines.push(format!("\"Nummer\";;{}", quote(&authority.id)));
    lines.push(String::new());

    let mut header =
        String::from("\"Lijstnummer\";\"Aanduiding\";\"Volgnummer\";\"Naam kandidaat\";\"Totaal\"");
    let mut numbers = String::from("\"Gebiednummer\";;;;");
    let mut postcodes = String::from("\"Postcode\";;;;");
    for r in &records {
        let s = station(r.station);
        header.push(';');
        header.push_str(&quote(s.map_or("", |s| s.name.as_str())));
        numbers.push(';');
        numbers.push_str(&quote(&r.station.to_string()));
        postcodes.push(';');
        postcodes.push_str(&quote(s.map_or("", |s| s.postcode.as_str())));
    }
    lines.push(header);
    lines.push(numbers);
    lines.push(postcodes);

    let figures = |prefix: String, get: &dyn Fn(&Totals) -> u64| -> String {
        let mut line = prefix;
        line.push_str(&quote(&get(&total).to_string()));
        for c in &columns {
            line.push(';');
            line.push_str(&quote(&get(c).to_string()));
        }
        line
    };
    for (label, get) in ROWS.iter() {
        lines.push(figures(format!(";{};;;", quote(label)), get));
    }
    for (li, list) in election.lists.iter().enumerate() {
        let list_total = |t: &Totals| t.lists.get(li).map_or(0, |l| l.total);
        lines.push(figures(
            format!(
                "{};{};;;",
                quote(&list.number.to_string()),
                quote(&list.name)
            ),
            &list_total,
        ));
        if !election.counting_method.counts_candidates() {
            continue;
        }
        for (ci, cand) in list.candidates.iter().enumerate() {
            let votes = |t: &Totals| {
                t.lists
                    .get(li)
                    .and_then(|l| l.candidates.get(ci))
                    .map_or(0, |(_, v)| *v)
            };
            lines.push(figures(
                format!(
                    ";;{};{};",
                    quote(&cand.number.to_string()),
                    quote(&cand.surname_first())
                ),
                &votes,
            ));
        }
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_inside_values_are_doubled() {
        assert_eq!(quote("De \"Echte\" Partij"), "\"De \"\"Echte\"\" Partij\"");
        assert_eq!(
            quote(""),
            "",
            "an empty field stays bare (a station without postcode)"
        );
    }
}
