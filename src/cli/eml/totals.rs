//! `telraam aggregate`: the stations' records added up into the municipality's
//! totals, compared figure by figure with the imported 510b's own.

use super::*;

pub fn aggregate(cli: &Cli, _args: &AggregateArgs) -> u8 {
    let (workspace, lang) = match open_existing(cli) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let election = workspace.election().clone();
    // From the summary table's figures: no record body is parsed. A station still at
    // the desk's double entry is not added up.
    let unsettled = match unsettled(&workspace) {
        Ok(u) => u,
        Err(code) => return code,
    };
    let mut totals = Totals::for_election(&election);
    let mut counted = std::collections::BTreeSet::new();
    if let Err(e) = workspace.for_each_latest_figures(|record| {
        if unsettled.contains_key(&record.station) {
            return;
        }
        totals.add_record(&election, record);
        counted.insert(record.station);
    }) {
        return fail(&format!("{}: {e}", workspace.dir().display()));
    }
    if counted.is_empty() {
        if let Some(line) = unsettled_line(&unsettled, lang.is_english()) {
            eprintln!("telraam: {line}");
            return fail(&super::none_accepted(workspace.dir()));
        }
        return fail(&no_records(workspace.dir()));
    }
    let stored = match workspace.totals_510b() {
        Ok(s) => s.filter(|s| s.election_id == election.id),
        Err(e) => return fail(&e.to_string()),
    };
    let taken = stored
        .as_ref()
        .map(|s| take_municipal_figures(&mut totals, &s.totals))
        .unwrap_or_default();
    let en = lang.is_english();
    if en {
        println!(
            "Municipal totals: {} ({} polling stations)",
            election,
            counted.len()
        );
    } else {
        println!(
            "Gemeentelijke totalen: {} ({} stembureaus)",
            election,
            counted.len()
        );
    }
    print_totals(&totals, &election, en);
    if let Some(line) = unsettled_line(&unsettled, en) {
        println!("{line}");
    }
    let missing: Vec<String> = election
        .stations
        .iter()
        .filter(|s| !counted.contains(&s.number) && !unsettled.contains_key(&s.number))
        .map(|s| s.number.to_string())
        .collect();
    if !missing.is_empty() {
        if en {
            println!(
                "Not yet counted in: {} polling stations without a record ({})",
                missing.len(),
                missing.join(", ")
            );
        } else {
            println!(
                "Nog niet meegeteld: {} stembureaus zonder uitslag ({})",
                missing.len(),
                missing.join(", ")
            );
        }
    }
    let Some(stored) = stored else {
        return 0;
    };
    for key in &taken {
        if en {
            println!(
                "{key}: the figure of the whole municipality, from {} (no polling station has one)",
                stored.source
            );
        } else {
            println!(
                "{key}: het getal van de hele gemeente, uit {} (geen stembureau heeft er een)",
                stored.source
            );
        }
    }
    let differences = totals.differences(&stored.totals, &election);
    println!();
    if differences.is_empty() {
        if en {
            println!("Equal to the totals in {} in every figure.", stored.source);
        } else {
            println!("Gelijk aan de totalen in {} in elk getal.", stored.source);
        }
        return 0;
    }
    if en {
        println!(
            "{} differences from the totals in {}:",
            differences.len(),
            stored.source
        );
    } else {
        println!(
            "{} verschillen met de totalen in {}:",
            differences.len(),
            stored.source
        );
    }
    for d in &differences {
        let label = d.figure.label(en);
        let (ours, theirs) = if en {
            ("added up", "file")
        } else {
            ("opgeteld", "bestand")
        };
        println!(
            "  {:<10} {:<40} {ours} {:>10}  {theirs} {:>10}",
            d.key,
            label.trim(),
            d.ours,
            d.theirs
        );
    }
    EXIT_FOUND
}

/// Stations whose record has an empty box that the files must hold as a number: every
/// box of sections 1 and 2 and of the candidate pages that the form model places in a
/// 510b (A, B, C where kiezerspassen apply, D, every E.n, E, F, G and, under N 10-1,
/// every candidate). Exported, such a box reads 0.
pub(super) fn stations_with_empty_boxes(election: &Election, records: &[CountRecord]) -> Vec<u32> {
    use crate::form::{Eml, Form, Part, Target, spec_of};
    let voter_cards = election.voter_cards_apply();
    let required: Vec<crate::record::Field> = Form::of(election)
        .boxes(election)
        .into_iter()
        .filter(|t| {
            spec_of(*t).is_some_and(|s| {
                s.eml != Eml::Absent
                    && s.part != Part::Differences
                    && (voter_cards || !s.voter_cards_only)
            })
        })
        .filter_map(|t| match t {
            Target::Count(field) => Some(field),
            Target::Mark(_) => None,
        })
        .collect();
    records
        .iter()
        .filter(|r| required.iter().any(|f| r.get(*f).is_none()))
        .map(|r| r.station)
        .collect()
}

/// Warns (stderr) about stations with empty boxes, which an export writes as 0.
pub(super) fn warn_empty_boxes(election: &Election, records: &[CountRecord]) {
    let stations = stations_with_empty_boxes(election, records);
    if stations.is_empty() {
        return;
    }
    let list = stations
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    eprintln!(
        "telraam: {}",
        say(
            &format!("let op: stembureau {list} heeft lege vakjes; die staan als 0 in het bestand"),
            &format!("warning: polling station {list} has empty boxes; the file holds them as 0")
        )
    );
}

pub(super) fn print_totals(totals: &Totals, election: &Election, en: bool) {
    use std::io::Write as _;
    let mut text = String::new();
    for entry in totals.entries(election) {
        let label = entry.figure.label(en);
        let key = if entry.key.starts_with("cand.") || entry.key == "kiesgerechtigden" {
            ""
        } else {
            entry.key.as_str()
        };
        text.push_str(&format!("{key:>5}  {label:<44} {:>11}\n", entry.value));
    }
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// The imported 510b's own totals, when they are of this election: where the
/// municipal figures that no station has come from.
pub(super) fn file_totals(
    workspace: &Workspace,
    election: &Election,
) -> Result<Option<Totals>, u8> {
    let stored = workspace.totals_510b().map_err(|e| fail(&e.to_string()))?;
    Ok(stored
        .filter(|s| s.election_id == election.id)
        .map(|s| s.totals))
}
