//! telraam's own ballot-stock rules (T.2xx). The stock is counted at opening
//! (received), at closing (unused), and spoiled ballots are kept apart; then
//! issued = received − unused − spoiled, and
//!
//! H − D = (issued − D) − (issued − H):
//!
//! issued − D above 0 is ballots handed out too many (M), below 0 too few (L);
//! issued − H above 0 is ballots taken away (K), below 0 ballots in the box that
//! were never handed out. The stock is not part of the proces-verbaal's totals, so its findings are
//! warnings: they explain a difference, or show that it is unexplained.

use super::{Code, Finding, RuleResult, Target, at, result, value};
use crate::form::Generation;
use crate::record::{CountRecord, Field};

fn stock_fields() -> Vec<Target> {
    vec![
        at(Field::BallotsReceived),
        at(Field::BallotsUnused),
        at(Field::BallotsSpoiled),
    ]
}

pub(super) fn check(record: &CountRecord, generation: Generation, out: &mut Vec<RuleResult>) {
    let s = &record.ballot_stock;
    let counts = [
        (Field::BallotsReceived, s.received),
        (Field::BallotsUnused, s.unused),
        (Field::BallotsSpoiled, s.spoiled),
    ];
    let empty: Vec<Field> = counts
        .iter()
        .filter(|(_, c)| c.is_none())
        .map(|(f, _)| *f)
        .collect();
    if empty.len() == counts.len() {
        return; // the stock is not kept on this record
    }
    if !empty.is_empty() {
        let fields: Vec<Target> = empty.into_iter().map(at).collect();
        out.push(result(
            Code::T201,
            fields.clone(),
            Finding::StockIncomplete { missing: fields },
        ));
        return;
    }
    let (received, unused, spoiled) = (value(s.received), value(s.unused), value(s.spoiled));
    let issued = received - unused - spoiled;
    if issued < 0 {
        out.push(result(
            Code::T202,
            stock_fields(),
            Finding::StockNegative {
                received,
                unused,
                spoiled,
            },
        ));
        return;
    }
    let d = record.voters.total_admitted.map(i128::from);
    let h = record.votes.total_cast.map(i128::from);
    if let Some(d) = d {
        issued_against_admitted(issued, d, out);
    }
    if let Some(h) = h {
        issued_against_cast(issued, h, out);
    }
    if let (Some(d), Some(h)) = (d, h) {
        explanation_against_stock(record, generation, issued, d, h, out);
    }
}

/// T.203: issued ≠ D. More issued than admitted: too many handed out (M); fewer: too few (L).
fn issued_against_admitted(issued: i128, d: i128, out: &mut Vec<RuleResult>) {
    if issued == d {
        return;
    }
    let mut fields = vec![at(Field::TotalAdmitted)];
    fields.extend(stock_fields());
    let finding = if issued > d {
        Finding::IssuedTooMany { issued, d }
    } else {
        Finding::IssuedTooFew { issued, d }
    };
    out.push(result(Code::T203, fields, finding));
}

/// T.204: issued > H: ballots taken away (K). T.205: issued < H: more ballots in
/// the box than were handed out, which the stock cannot explain.
fn issued_against_cast(issued: i128, h: i128, out: &mut Vec<RuleResult>) {
    let mut fields = vec![at(Field::TotalCast)];
    fields.extend(stock_fields());
    if issued > h {
        out.push(result(Code::T204, fields, Finding::TakenAway { issued, h }));
    } else if issued < h {
        out.push(result(
            Code::T205,
            fields,
            Finding::UnexplainedBallots { issued, h },
        ));
    }
}

/// T.206: on the 2023-2025 form, K, L and M as written differ from what the
/// stock shows (K = issued − H, M = issued − D, L = D − issued, each when above 0).
fn explanation_against_stock(
    record: &CountRecord,
    generation: Generation,
    issued: i128,
    d: i128,
    h: i128,
    out: &mut Vec<RuleResult>,
) {
    if generation != Generation::Before2026 || !super::difference::uses_explanation_counts(record) {
        return;
    }
    let x = &record.differences;
    let expected = [
        (Field::TakenAway, (issued - h).max(0), value(x.taken_away)),
        (
            Field::TooFewIssued,
            (d - issued).max(0),
            value(x.too_few_issued),
        ),
        (
            Field::TooManyIssued,
            (issued - d).max(0),
            value(x.too_many_issued),
        ),
    ];
    let wrong: Vec<(Field, i128, i128)> = expected
        .into_iter()
        .filter(|(_, want, got)| want != got)
        .collect();
    if wrong.is_empty() {
        return;
    }
    let mut fields: Vec<Target> = wrong.iter().map(|(f, _, _)| at(*f)).collect();
    fields.extend(stock_fields());
    out.push(result(
        Code::T206,
        fields,
        Finding::StockDisagrees { wrong },
    ));
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::validate;
    use super::*;

    fn codes_of(record: &CountRecord) -> Vec<&'static str> {
        let e = crate::election::Election::demo();
        codes(&validate(&e, record))
    }

    #[test]
    fn a_balanced_stock_says_nothing_and_no_stock_says_nothing() {
        let (_, r) = transcribed();
        assert!(codes_of(&r).iter().all(|c| !c.starts_with("T.2")));
        let (_, mut r) = transcribed();
        r.ballot_stock = Default::default();
        assert!(codes_of(&r).iter().all(|c| !c.starts_with("T.2")));
    }

    /// T.201: "the ballot stock is incomplete": some of received / unused / spoiled written, not all.
    #[test]
    fn t201_stock_partly_filled_in() {
        let (_, mut r) = transcribed();
        r.ballot_stock.spoiled = None;
        assert!(codes_of(&r).contains(&"T.201"));
    }

    /// T.202: "unused + spoiled is more than received": issued would be negative.
    #[test]
    fn t202_more_left_than_received() {
        let (_, mut r) = transcribed();
        r.ballot_stock.unused = Some(1101);
        let c = codes_of(&r);
        assert!(c.contains(&"T.202"));
        assert!(!c.contains(&"T.203"), "no comparison with a negative stock");
    }

    /// T.203: "issued ≠ D": the stock shows too many (M) or too few (L) ballots handed out.
    #[test]
    fn t203_issued_differs_from_admitted() {
        let (_, mut r) = transcribed();
        r.ballot_stock.unused = Some(79); // issued 1021, D = H = 1020
        let e = crate::election::Election::demo();
        let results = validate(&e, &r);
        let t203: Vec<_> = results.iter().filter(|x| x.code == "T.203").collect();
        assert_eq!(t203.len(), 1);
        assert!(
            t203[0].message(true).contains("1 too many"),
            "{}",
            t203[0].message(true)
        );
        assert!(
            codes(&results).contains(&"T.204"),
            "and 1 ballot was taken away"
        );
    }

    /// T.204: "issued > H": ballots taken away (K).
    #[test]
    fn t204_ballot_taken_away() {
        let (_, mut r) = transcribed();
        r.set(Field::TotalAdmitted, Some(1021));
        r.set(Field::ProxyCertificates, Some(21));
        r.ballot_stock.unused = Some(79); // issued 1021 = D, H = 1020
        let c = codes_of(&r);
        assert!(c.contains(&"T.204"));
        assert!(!c.contains(&"T.203"));
    }

    /// T.205: "issued < H": more ballots in the box than handed out.
    #[test]
    fn t205_more_in_the_box_than_issued() {
        let (_, mut r) = transcribed();
        r.ballot_stock.unused = Some(81);
        assert!(codes_of(&r).contains(&"T.205"));
    }

    /// T.206: form before 2026, "K, L and M as written differ from what the stock shows".
    #[test]
    fn t206_explanation_counts_against_the_stock() {
        let (_, mut r) = transcribed();
        // D = 1021, H = 1020, issued 1021: one ballot taken away, K = 1.
        r.set(Field::TotalAdmitted, Some(1021));
        r.set(Field::ProxyCertificates, Some(21));
        r.ballot_stock.unused = Some(79);
        r.differences.boxes = Default::default();
        r.set(Field::TakenAway, Some(1));
        let mut old = crate::election::Election::demo();
        old.form = Some(Generation::Before2026);
        let on_old_form = |r: &CountRecord| codes(&validate(&old, r)).contains(&"T.206");
        assert!(!on_old_form(&r));
        r.set(Field::TakenAway, Some(0));
        r.set(Field::NoExplanation, Some(1));
        assert!(on_old_form(&r));
        assert!(
            !codes_of(&r).contains(&"T.206"),
            "the form from 2026 has no K-O"
        );
    }
}
