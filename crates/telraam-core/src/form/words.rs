//! The words for the boxes of the form, in Dutch and English, keyed by the label
//! key the model gives ([`super::BoxSpec::label`]). The screens, the messages, the
//! annex and the command line all name a box from here, so a box reads the same
//! everywhere and never by an internal key ("stock.received", "cand.3.2").

use super::{Target, spec_of};
use crate::record::{Field, Mark};

/// How a person names a generation of the form.
pub fn generation_name(generation: crate::paper::Generation, english: bool) -> &'static str {
    use crate::paper::Generation;
    match (generation, english) {
        (Generation::Before2026, false) => "model tot 2026 (met K t/m O)",
        (Generation::Before2026, true) => "form used until 2025 (with K to O)",
        (Generation::From2026, false) => "model vanaf 2026 (versie 2027)",
        (Generation::From2026, true) => "form from 2026 on (\"versie 2027\")",
    }
}

/// The words of a label key: (Dutch, English). Lower case; the annex capitalises.
pub fn words(label: &str) -> (&'static str, &'static str) {
    match label {
        "poll_cards" => ("stempassen", "poll cards"),
        "proxy_certificates" => ("volmachtbewijzen", "proxy certificates"),
        "voter_cards" => ("kiezerspassen", "voter cards"),
        "total_admitted" => ("totaal toegelaten kiezers", "total admitted voters"),
        "list_total" => ("totaal lijst", "total list"),
        "total_on_lists" => ("stemmen op kandidaten", "votes on candidates"),
        "blank" => ("blanco stemmen", "blank votes"),
        "invalid" => ("ongeldige stemmen", "invalid votes"),
        "total_cast" => ("totaal uitgebrachte stemmen", "total votes cast"),
        "box_equal" => ("vakje D = H", "box D = H"),
        "box_more" => ("vakje H > D", "box H > D"),
        "box_fewer" => ("vakje H < D", "box H < D"),
        "more_ballots" => ("méér getelde stembiljetten", "more ballots counted"),
        "fewer_ballots" => ("minder getelde stembiljetten", "fewer ballots counted"),
        "explained_yes" => ("verklaard: ja", "explained: yes"),
        "explained_no" => ("verklaard: nee", "explained: no"),
        "taken_away" => ("niet ingeleverde stembiljetten", "ballots taken away"),
        "too_few_issued" => (
            "te weinig uitgereikte stembiljetten",
            "too few ballots handed out",
        ),
        "too_many_issued" => (
            "te veel uitgereikte stembiljetten",
            "too many ballots handed out",
        ),
        "other_explanation" => ("andere verklaring", "other explanation"),
        "no_explanation" => ("geen verklaring", "no explanation"),
        "stock_received" => ("ontvangen stembiljetten", "ballots received"),
        "stock_unused" => ("ongebruikte stembiljetten", "unused ballots"),
        "stock_spoiled" => (
            "vervangen (onbruikbaar gemaakte) stembiljetten",
            "spoiled (replaced) ballots",
        ),
        "candidate" => ("kandidaat", "candidate"),
        "page_total" => (
            "totaal lijst (onderaan de pagina)",
            "list total (foot of the page)",
        ),
        _ => ("", ""),
    }
}

fn pick(label: &str, english: bool) -> &'static str {
    let (nl, en) = words(label);
    if english { en } else { nl }
}

/// What a box is called, without its letter: "stempassen", "totaal lijst 3",
/// "lijst 3, kandidaat 2", "ontvangen stembiljetten".
pub fn label(target: Target, english: bool) -> String {
    let key = spec_of(target).map(|s| s.label).unwrap_or("");
    match target {
        Target::Count(Field::ListTotal(n)) => {
            if english {
                format!("list {n} total")
            } else {
                format!("totaal lijst {n}")
            }
        }
        Target::Count(Field::Candidate { list, candidate }) => {
            let list_word = if english { "list" } else { "lijst" };
            format!("{list_word} {list}, {} {candidate}", pick(key, english))
        }
        Target::Count(Field::CandidateListTotal(list)) => {
            if english {
                format!("list {list} total (foot of the page)")
            } else {
                format!("totaal lijst {list} (onderaan de pagina)")
            }
        }
        _ => pick(key, english).to_string(),
    }
}

/// How the form prints the comparison a D/H box stands for: "D = H", "H > D",
/// "H < D" (the same in both languages); "" for any other checkbox.
pub fn comparison(mark: Mark) -> &'static str {
    match mark {
        Mark::Equal => "D = H",
        Mark::More => "H > D",
        Mark::Fewer => "H < D",
        Mark::ExplainedYes | Mark::ExplainedNo => "",
    }
}

/// The letter printed on the form for the box ("A", "E.3"), or "" if it has none.
pub fn letter(target: Target) -> String {
    match target {
        Target::Count(Field::ListTotal(n)) => format!("E.{n}"),
        _ => spec_of(target)
            .map(|s| s.letter.to_string())
            .unwrap_or_default(),
    }
}

/// The short name a message or list of boxes uses: the letter where the form prints
/// one ("H", "E.3"), else the words ("ontvangen stembiljetten", "lijst 3, kandidaat 2").
pub fn short_name(target: Target, english: bool) -> String {
    let letter = letter(target);
    if letter.is_empty() {
        label(target, english)
    } else {
        letter
    }
}

/// Letter and words, as a field is labelled on screen: "A  stempassen",
/// "E.3  totaal lijst 3", "ontvangen stembiljetten".
pub fn full_name(target: Target, english: bool) -> String {
    let letter = letter(target);
    let label = label(target, english);
    if letter.is_empty() {
        label
    } else {
        format!("{letter}  {label}")
    }
}

/// Several boxes named in form order (whatever order they are given in), separated
/// by commas: "H, ontvangen stembiljetten, ongebruikte stembiljetten". More than
/// `limit` are shortened to the first three, "…" and the last two.
pub fn list_names(targets: &[Target], english: bool, limit: usize) -> String {
    let mut targets = targets.to_vec();
    targets.sort_by_key(|t| super::paper_order(*t));
    targets.dedup();
    let names: Vec<String> = targets.iter().map(|t| short_name(*t, english)).collect();
    if names.len() > limit && names.len() > 5 {
        let mut short: Vec<String> = names[..3].to_vec();
        short.push("…".into());
        short.extend(names[names.len() - 2..].iter().cloned());
        short.join(", ")
    } else {
        names.join(", ")
    }
}

/// A candidates section named briefly: "lijst 3".
pub fn list_section(list: u32, english: bool) -> String {
    format!("{} {list}", if english { "list" } else { "lijst" })
}

/// A run of box letters: "A t/m D".
pub fn letter_range(first: &str, last: &str, english: bool) -> String {
    format!("{first} {} {last}", if english { "to" } else { "t/m" })
}
