//! The OSV2020 "4-3" CSV: the municipality's count with one column per polling
//! station, as the Kiesraad's OSV software exports it. UTF-8 with a byte-order mark,
//! `;` between fields, every value in double quotes (empty fields bare), `\n`
//! between lines and none after the last.

use crate::aggregate::{Totals, aggregate};
use crate::election::Election;
use crate::form::{MODEL, Target};
use crate::record::{CountRecord, Field};

/// OSV's words for a box of the form, keyed by the form model's label key
/// ([`crate::form::BoxSpec::label`]), with the box's place among OSV's rows: OSV
/// follows the paper, except that it puts O ("geen verklaring") before N ("andere
/// verklaring"). A box without words here is not an OSV row (the lists, candidates,
/// D/H boxes, the yes/no question and the ballot stock, which are not in a 510b).
fn osv_words(label: &str) -> Option<(u8, &'static str)> {
    Some(match label {
        "poll_cards" => (1, "geldige stempas"),
        "proxy_certificates" => (2, "geldig volmachtbewijs"),
        "voter_cards" => (3, "geldige kiezerspas"),
        "total_admitted" => (4, "toegelaten kiezers"),
        "total_on_lists" => (5, "geldige stembiljetten"),
        "blank" => (6, "blanco stembiljetten"),
        "invalid" => (7, "ongeldige stembiljetten"),
        "total_cast" => (8, "aangetroffen stembiljetten"),
        "more_ballots" => (9, "meer stembiljetten dan toegelaten kiezers"),
        "fewer_ballots" => (10, "minder stembiljetten dan toegelaten kiezers"),
        "taken_away" => (11, "kiezers met stembiljet hebben niet gestemd"),
        "too_few_issued" => (12, "er zijn te weinig stembiljetten uitgereikt"),
        "too_many_issued" => (13, "er zijn te veel stembiljetten uitgereikt"),
        "no_explanation" => (14, "geen verklaring"),
        "other_explanation" => (15, "andere verklaring"),
        _ => return None,
    })
}

/// The figure rows after "opgeroepenen" (the kiesgerechtigden, not a box): every
/// single count box of the form model (of either generation, as OSV's 4-3 lists
/// them all) that OSV has words for, in OSV's order.
fn box_rows() -> Vec<(&'static str, Field)> {
    let mut rows: Vec<(u8, &'static str, Field)> = MODEL
        .iter()
        .filter_map(|spec| match spec.single() {
            Some(Target::Count(field)) => {
                osv_words(spec.label).map(|(rank, words)| (rank, words, field))
            }
            _ => None,
        })
        .collect();
    rows.sort_by_key(|(rank, _, _)| *rank);
    rows.into_iter()
        .map(|(_, words, field)| (words, field))
        .collect()
}

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
    lines.push(figures(format!(";{};;;", quote("opgeroepenen")), &|t| {
        t.eligible_voters
    }));
    for (words, field) in box_rows() {
        let get = move |t: &Totals| t.get(field).unwrap_or(0);
        lines.push(figures(format!(";{};;;", quote(words)), &get));
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

    #[test]
    fn the_rows_are_the_forms_boxes_a_to_o_in_osvs_order() {
        // Every box of the paper with a letter from A to O (either generation), each
        // once, O before N as OSV writes them; every one kept by the totals.
        let letters: Vec<String> = box_rows()
            .iter()
            .map(|(_, f)| crate::form::words::letter(Target::Count(*f)))
            .collect();
        assert_eq!(
            letters.join(" "),
            "A B C D E F G H I J K L M O N",
            "{letters:?}"
        );
        let totals = Totals::default();
        for (words, field) in box_rows() {
            assert_eq!(totals.get(field), Some(0), "{words}: kept by the totals");
        }
    }
}
