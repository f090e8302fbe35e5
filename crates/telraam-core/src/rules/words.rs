//! The text tables of the rules: the one place a [`Finding`] becomes a Dutch or an
//! English sentence. The screens, `telraam check` and the annex all read a rule's
//! message from here (via [`super::RuleResult::message`]). `docs/rules.md` lists
//! every sentence.

use super::finding::Finding;
use crate::form::words::list_names;

/// The sentence for a finding, in English or Dutch.
pub fn message(finding: &Finding, english: bool) -> String {
    if english { en(finding) } else { nl(finding) }
}

fn letters(written: &[(crate::record::Field, i128)]) -> String {
    let parts: Vec<String> = written
        .iter()
        .map(|(f, x)| format!("{} = {x}", f.key()))
        .collect();
    parts.join(", ")
}

fn against(wrong: &[(crate::record::Field, i128, i128)], sep: &str) -> String {
    let parts: Vec<String> = wrong
        .iter()
        .map(|(f, want, got)| format!("{} = {got}{sep}{want}", f.key()))
        .collect();
    parts.join(", ")
}

fn sum_text(with_voter_cards: bool) -> &'static str {
    if with_voter_cards {
        "A + B + C"
    } else {
        "A + B"
    }
}

/// Dutch.
fn nl(finding: &Finding) -> String {
    use Finding::*;
    match finding {
        NotFilledIn { boxes } => format!(
            "nog niet ingevuld: {}. Vul 0 in als er geen waren",
            list_names(boxes, false, usize::MAX)
        ),
        AdmittedNotD {
            with_voter_cards,
            parts,
            d,
        } => format!(
            "{} = {parts}, maar D (totaal toegelaten kiezers) = {d}",
            sum_text(*with_voter_cards)
        ),
        ListsNotE { lists, sum, e } => {
            format!("E.1 t/m E.{lists} tellen op tot {sum}, maar E = {e}")
        }
        VotesNotH { parts, h } => {
            format!("E + F + G = {parts}, maar H (totaal uitgebrachte stemmen) = {h}")
        }
        ListsWithoutE { sum } => format!(
            "de lijsttotalen tellen op tot {sum}, maar E (stemmen op kandidaten) is leeg of 0"
        ),
        VoterCardsNotValid { c } => format!(
            "C (kiezerspassen) = {c}, maar kiezerspassen zijn bij deze verkiezing niet geldig; \
             ze tellen niet mee in D. Zoek uit wie met een kiezerspas is toegelaten"
        ),
        EqualTicked { d, h } => format!("vakje \"D = H\" is aangekruist, maar D = {d} en H = {h}"),
        MoreTicked { d, h } => {
            format!("vakje \"H groter dan D\" is aangekruist, maar H = {h} en D = {d}")
        }
        FewerTicked { d, h } => {
            format!("vakje \"H kleiner dan D\" is aangekruist, maar H = {h} en D = {d}")
        }
        TickedCount { ticked } => format!(
            "er moet precies één vakje (D = H, H > D of H < D) zijn aangekruist, \
             er zijn er {ticked} aangekruist"
        ),
        NoDifferenceButIOrJ { d, i, j } => {
            format!("D = H = {d}, maar I = {i} en J = {j}: laat I en J leeg")
        }
        MoreNotI { difference, i } => {
            format!("H − D = {difference}, maar I (méér getelde stembiljetten) = {i}")
        }
        MoreButJ { j } => format!("H is groter dan D, maar J (minder getelde stembiljetten) = {j}"),
        FewerNotJ { difference, j } => {
            format!("D − H = {difference}, maar J (minder getelde stembiljetten) = {j}")
        }
        FewerButI { i } => format!("H is kleiner dan D, maar I (méér getelde stembiljetten) = {i}"),
        ExplainedUnanswered { both } => format!(
            "D en H verschillen, en de vraag of het verschil volledig verklaard is, is {}",
            if *both {
                "met zowel ja als nee beantwoord"
            } else {
                "niet beantwoord"
            }
        ),
        ExplainedNotI { explained, i } => format!("M + N + O − K − L = {explained}, maar I = {i}"),
        ExplainedNotJ { explained, j } => format!("K + L + N + O − M = {explained}, maar J = {j}"),
        NoDifferenceButExplained { d, written } => format!(
            "D = H = {d}, maar {}: er is geen verschil te verklaren",
            letters(written)
        ),
        ListTotalMissing {
            list: n,
            candidates,
            e_n,
        } => format!(
            "lijst {n} heeft stemmen (kandidaten samen {candidates}, E.{n} = {e_n}), maar \
             totaal lijst {n} onderaan de kandidatenpagina is leeg of 0"
        ),
        CandidatesNotTotal {
            list: n,
            candidates,
            total,
        } => format!(
            "de stemmen op de kandidaten van lijst {n} tellen op tot {candidates}, maar het \
             totaal van de lijst is {total}"
        ),
        TotalNotEn {
            list: n,
            total,
            e_n,
        } => {
            format!("het totaal van lijst {n} is {total}, maar in rubriek 2.2 staat E.{n} = {e_n}")
        }
        LargeShare { field, count, h } => format!(
            "{} ({}) = {count}: 3 % of meer van H = {h}",
            field.key(),
            share_words(*field, false)
        ),
        LargeDifference { d, h, difference } => {
            format!("D = {d} en H = {h} verschillen {difference}: 15 of meer, of 2 % of meer van H")
        }
        NoVotesCast => "H (totaal uitgebrachte stemmen) is 0".into(),
        StockIncomplete { missing } => format!(
            "de stembiljettenvoorraad is niet compleet: {} ontbreekt",
            list_names(missing, false, usize::MAX)
        ),
        StockNegative {
            received,
            unused,
            spoiled,
        } => format!(
            "ongebruikt ({unused}) + vervangen ({spoiled}) is meer dan ontvangen \
             ({received}): tel de voorraad opnieuw"
        ),
        IssuedTooMany { issued, d } => format!(
            "volgens de voorraad zijn {issued} stembiljetten uitgereikt aan {d} toegelaten \
             kiezers: {} te veel uitgereikt",
            issued - d
        ),
        IssuedTooFew { issued, d } => format!(
            "volgens de voorraad zijn {issued} stembiljetten uitgereikt aan {d} toegelaten \
             kiezers: {} te weinig uitgereikt",
            d - issued
        ),
        TakenAway { issued, h } => format!(
            "{issued} stembiljetten uitgereikt, {h} in de stembus (H): {} niet ingeleverd \
             (meegenomen)",
            issued - h
        ),
        UnexplainedBallots { issued, h } => format!(
            "{h} stembiljetten in de stembus (H), maar volgens de voorraad maar {issued} \
             uitgereikt: {} niet te verklaren uit de voorraad",
            h - issued
        ),
        StockDisagrees { wrong } => format!(
            "de stembiljettenvoorraad zegt iets anders: {}",
            against(wrong, ", voorraad: ")
        ),
    }
}

/// English.
fn en(finding: &Finding) -> String {
    use Finding::*;
    match finding {
        NotFilledIn { boxes } => format!(
            "not filled in yet: {}. Write 0 if there were none",
            list_names(boxes, true, usize::MAX)
        ),
        AdmittedNotD {
            with_voter_cards,
            parts,
            d,
        } => format!(
            "{} = {parts}, but D (total admitted voters) = {d}",
            sum_text(*with_voter_cards)
        ),
        ListsNotE { lists, sum, e } => format!("E.1 to E.{lists} add up to {sum}, but E = {e}"),
        VotesNotH { parts, h } => format!("E + F + G = {parts}, but H (total votes cast) = {h}"),
        ListsWithoutE { sum } => {
            format!("the list totals add up to {sum}, but E (votes on candidates) is empty or 0")
        }
        VoterCardsNotValid { c } => format!(
            "C (voter cards) = {c}, but voter cards are not valid in this election; they do \
             not count towards D. Find out who was admitted with a voter card"
        ),
        EqualTicked { d, h } => format!("box \"D = H\" is ticked, but D = {d} and H = {h}"),
        MoreTicked { d, h } => format!("box \"H more than D\" is ticked, but H = {h} and D = {d}"),
        FewerTicked { d, h } => format!("box \"H less than D\" is ticked, but H = {h} and D = {d}"),
        TickedCount { ticked } => {
            format!("exactly one box (D = H, H > D or H < D) must be ticked; {ticked} are ticked")
        }
        NoDifferenceButIOrJ { d, i, j } => {
            format!("D = H = {d}, but I = {i} and J = {j}: leave I and J empty")
        }
        MoreNotI { difference, i } => {
            format!("H − D = {difference}, but I (more ballots counted) = {i}")
        }
        MoreButJ { j } => format!("H is more than D, but J (fewer ballots counted) = {j}"),
        FewerNotJ { difference, j } => {
            format!("D − H = {difference}, but J (fewer ballots counted) = {j}")
        }
        FewerButI { i } => format!("H is less than D, but I (more ballots counted) = {i}"),
        ExplainedUnanswered { both } => format!(
            "D and H differ, and the question whether the difference is fully explained is {}",
            if *both {
                "answered both yes and no"
            } else {
                "not answered"
            }
        ),
        ExplainedNotI { explained, i } => format!("M + N + O − K − L = {explained}, but I = {i}"),
        ExplainedNotJ { explained, j } => format!("K + L + N + O − M = {explained}, but J = {j}"),
        NoDifferenceButExplained { d, written } => format!(
            "D = H = {d}, but {}: there is no difference to explain",
            letters(written)
        ),
        ListTotalMissing {
            list: n,
            candidates,
            e_n,
        } => format!(
            "list {n} has votes ({candidates} on its candidates, E.{n} = {e_n}), but the list \
             {n} total at the foot of its candidate page is empty or 0"
        ),
        CandidatesNotTotal {
            list: n,
            candidates,
            total,
        } => format!(
            "the votes on the candidates of list {n} add up to {candidates}, but the list \
             total is {total}"
        ),
        TotalNotEn {
            list: n,
            total,
            e_n,
        } => {
            format!("the total of list {n} is {total}, but section 2.2 has E.{n} = {e_n}")
        }
        LargeShare { field, count, h } => format!(
            "{} ({}) = {count}: 3 % or more of H = {h}",
            field.key(),
            share_words(*field, true)
        ),
        LargeDifference { d, h, difference } => {
            format!("D = {d} and H = {h} differ by {difference}: 15 or more, or 2 % or more of H")
        }
        NoVotesCast => "H (total votes cast) is 0".into(),
        StockIncomplete { missing } => format!(
            "the ballot stock is incomplete: {} missing",
            list_names(missing, true, usize::MAX)
        ),
        StockNegative {
            received,
            unused,
            spoiled,
        } => format!(
            "unused ({unused}) + spoiled ({spoiled}) is more than received ({received}): \
             count the stock again"
        ),
        IssuedTooMany { issued, d } => format!(
            "the stock says {issued} ballots were handed out to {d} admitted voters: {} \
             too many",
            issued - d
        ),
        IssuedTooFew { issued, d } => format!(
            "the stock says {issued} ballots were handed out to {d} admitted voters: {} \
             too few",
            d - issued
        ),
        TakenAway { issued, h } => format!(
            "{issued} ballots handed out, {h} in the ballot box (H): {} taken away",
            issued - h
        ),
        UnexplainedBallots { issued, h } => format!(
            "{h} ballots in the ballot box (H), but the stock says only {issued} were \
             handed out: {} the stock cannot explain",
            h - issued
        ),
        StockDisagrees { wrong } => format!(
            "the ballot stock says otherwise: {}",
            against(wrong, ", stock: ")
        ),
    }
}

/// W.201 names F "blanco stemmen", W.202 names G "ongeldige stemmen".
fn share_words(field: crate::record::Field, english: bool) -> &'static str {
    match (field == crate::record::Field::Blank, english) {
        (true, false) => "blanco stemmen",
        (true, true) => "blank votes",
        (false, false) => "ongeldige stemmen",
        (false, true) => "invalid votes",
    }
}
