//! Sections 1 and 2 of the form: who was admitted (A + B + C = D) and what was
//! in the box (E.1..E.n = E, E + F + G = H); kiezerspassen where they do not
//! apply; boxes the form requires that are still empty.

use super::{Code, Finding, RuleResult, Target, all_empty, at, result, sum, value};
use crate::election::Election;
use crate::record::{CountRecord, Field};

pub(super) fn check(election: &Election, record: &CountRecord, out: &mut Vec<RuleResult>) {
    admitted(election, record, out);
    voter_cards(election, record, out);
    let f204 = list_totals_without_e(record, out);
    if !f204 {
        lists_add_up_to_e(record, out);
        votes_add_up_to_h(record, out);
    }
    required_boxes(election, record, out);
}

/// F.201: A + B + C ≠ D. C counts only where kiezerspassen apply (never in GR):
/// a C written there is T.101's business, not D's.
fn admitted(election: &Election, record: &CountRecord, out: &mut Vec<RuleResult>) {
    let v = &record.voters;
    let with_c = election.voter_cards_apply();
    let c = if with_c { v.voter_cards } else { None };
    if all_empty(&[v.poll_cards, v.proxy_certificates, c, v.total_admitted]) {
        return;
    }
    let parts = sum([v.poll_cards, v.proxy_certificates, c]);
    let d = value(v.total_admitted);
    if parts == d {
        return;
    }
    let mut fields = vec![at(Field::PollCards), at(Field::ProxyCertificates)];
    if with_c {
        fields.push(at(Field::VoterCards));
    }
    fields.push(at(Field::TotalAdmitted));
    out.push(result(
        Code::F201,
        fields,
        Finding::AdmittedNotD {
            with_voter_cards: with_c,
            parts,
            d,
        },
    ));
}

/// T.101: C (kiezerspassen) filled in where kiezerspassen are not valid (a
/// municipal election: a voter can only vote in their own municipality).
fn voter_cards(election: &Election, record: &CountRecord, out: &mut Vec<RuleResult>) {
    let c = value(record.voters.voter_cards);
    if election.voter_cards_apply() || c == 0 {
        return;
    }
    out.push(result(
        Code::T101,
        vec![at(Field::VoterCards), at(Field::TotalAdmitted)],
        Finding::VoterCardsNotValid { c },
    ));
}

fn list_fields(record: &CountRecord) -> Vec<super::Target> {
    record
        .votes
        .lists
        .iter()
        .map(|l| at(Field::ListTotal(l.list)))
        .collect()
}

/// F.204: the list totals add up to more than 0 but E is empty or 0. Returns
/// whether it was raised (it suppresses F.202 and F.203).
fn list_totals_without_e(record: &CountRecord, out: &mut Vec<RuleResult>) -> bool {
    let lists = sum(record.votes.lists.iter().map(|l| l.total));
    if lists == 0 || value(record.votes.total_on_lists) != 0 {
        return false;
    }
    let mut fields = vec![at(Field::TotalOnLists)];
    fields.extend(list_fields(record));
    out.push(result(
        Code::F204,
        fields,
        Finding::ListsWithoutE { sum: lists },
    ));
    true
}

/// F.202: E.1 + … + E.n ≠ E.
fn lists_add_up_to_e(record: &CountRecord, out: &mut Vec<RuleResult>) {
    let votes = &record.votes;
    let mut counts: Vec<_> = votes.lists.iter().map(|l| l.total).collect();
    counts.push(votes.total_on_lists);
    if all_empty(&counts) {
        return;
    }
    let lists = sum(votes.lists.iter().map(|l| l.total));
    let e = value(votes.total_on_lists);
    if lists == e {
        return;
    }
    let mut fields = list_fields(record);
    fields.push(at(Field::TotalOnLists));
    out.push(result(
        Code::F202,
        fields,
        Finding::ListsNotE {
            lists: votes.lists.len(),
            sum: lists,
            e,
        },
    ));
}

/// F.203: E + F + G ≠ H.
fn votes_add_up_to_h(record: &CountRecord, out: &mut Vec<RuleResult>) {
    let v = &record.votes;
    if all_empty(&[v.total_on_lists, v.blank, v.invalid, v.total_cast]) {
        return;
    }
    let parts = sum([v.total_on_lists, v.blank, v.invalid]);
    let h = value(v.total_cast);
    if parts == h {
        return;
    }
    out.push(result(
        Code::F203,
        vec![
            at(Field::TotalOnLists),
            at(Field::Blank),
            at(Field::Invalid),
            at(Field::TotalCast),
        ],
        Finding::VotesNotH { parts, h },
    ));
}

/// T.001: boxes the form requires (A, B, C where it applies, D, every E.n, E, F,
/// G, H) that are still empty. An empty box counts as 0 in the other rules; this
/// asks the operator to write the 0 if 0 is meant. It is an error, not a warning:
/// a record with boxes not yet filled in is not finished and must not be finalised
/// (an acknowledged warning would let an empty record through).
fn required_boxes(election: &Election, record: &CountRecord, out: &mut Vec<RuleResult>) {
    use crate::form::{Form, Part, spec_of};
    let voter_cards = election.voter_cards_apply();
    let required: Vec<Field> = Form::of(election)
        .boxes(election)
        .into_iter()
        .filter_map(|target| match target {
            Target::Count(field) => Some((target, field)),
            Target::Mark(_) => None,
        })
        .filter(|(target, _)| {
            spec_of(*target).is_some_and(|s| {
                matches!(s.part, Part::Voters | Part::Votes) && (voter_cards || !s.voter_cards_only)
            })
        })
        .map(|(_, field)| field)
        .collect();
    let empty: Vec<Field> = required
        .into_iter()
        .filter(|f| record.get(*f).is_none())
        .collect();
    if empty.is_empty() {
        return;
    }
    let boxes: Vec<Target> = empty.into_iter().map(at).collect();
    out.push(result(
        Code::T001,
        boxes.clone(),
        Finding::NotFilledIn { boxes },
    ));
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{Severity, validate};
    use super::*;

    fn only(results: &[RuleResult], code: &str) -> Vec<RuleResult> {
        results.iter().filter(|r| r.code == code).cloned().collect()
    }

    /// F.201: "A + B + C ≠ D" — a paper D one higher than its parts is an error that
    /// points at A first.
    #[test]
    fn f201_d_is_not_a_plus_b_plus_c() {
        let (e, mut r) = transcribed();
        r.set(Field::TotalAdmitted, Some(1021));
        let results = validate(&e, &r);
        let f201 = only(&results, "F.201");
        assert_eq!(f201.len(), 1);
        assert_eq!(f201[0].severity, Severity::Error);
        assert_eq!(f201[0].fields[0], at(Field::PollCards));
        assert!(f201[0].fields.contains(&at(Field::TotalAdmitted)));
        assert!(f201[0].message(true).contains("1020") && f201[0].message(true).contains("1021"));
    }

    /// F.201: "A + B + C ≠ D" — an empty D with A and B written does not add up.
    #[test]
    fn f201_an_empty_d_does_not_add_up() {
        let (e, mut r) = transcribed();
        r.set(Field::TotalAdmitted, None);
        assert_eq!(only(&validate(&e, &r), "F.201").len(), 1);
    }

    /// T.101: C (kiezerspassen) filled in where it does not apply (GR) — an error,
    /// and D = A + B (without C) is still accepted by F.201.
    #[test]
    fn t101_voter_cards_in_a_municipal_election() {
        let (e, mut r) = transcribed();
        r.set(Field::VoterCards, Some(2));
        let results = validate(&e, &r);
        assert_eq!(codes(&only(&results, "T.101")), ["T.101"]);
        assert!(only(&results, "F.201").is_empty());
        r.set(Field::VoterCards, Some(0));
        assert!(only(&validate(&e, &r), "T.101").is_empty(), "0 is no card");
    }

    /// F.201 counts C where kiezerspassen apply (a provincial election), and T.101 is silent.
    #[test]
    fn f201_counts_c_in_a_provincial_election() {
        let (mut e, mut r) = transcribed();
        e.category = crate::election::Category::PS;
        r.set(Field::VoterCards, Some(4));
        let results = validate(&e, &r);
        assert!(only(&results, "T.101").is_empty());
        assert_eq!(
            only(&results, "F.201").len(),
            1,
            "D lacks the 4 voter cards"
        );
        r.set(Field::TotalAdmitted, Some(1024));
        assert!(only(&validate(&e, &r), "F.201").is_empty());
    }

    /// F.202: "E.1 + … + E.n ≠ E".
    #[test]
    fn f202_list_totals_do_not_add_up_to_e() {
        let (e, mut r) = transcribed();
        r.set(Field::TotalOnLists, Some(1011));
        let results = validate(&e, &r);
        let f202 = only(&results, "F.202");
        assert_eq!(f202.len(), 1);
        assert_eq!(f202[0].fields[0], at(Field::ListTotal(1)));
        assert!(f202[0].fields.contains(&at(Field::TotalOnLists)));
    }

    /// F.203: "E + F + G ≠ H".
    #[test]
    fn f203_e_f_g_do_not_add_up_to_h() {
        let (e, mut r) = transcribed();
        r.set(Field::Invalid, Some(4));
        let results = validate(&e, &r);
        assert_eq!(only(&results, "F.203").len(), 1);
        assert!(only(&results, "F.202").is_empty());
    }

    /// F.204: "the list totals add up to more than 0 but E is empty or 0 (F.202 and
    /// F.203 are not raised when F.204 is)".
    #[test]
    fn f204_e_empty_or_zero_suppresses_f202_and_f203() {
        for e_value in [None, Some(0)] {
            let (e, mut r) = transcribed();
            r.set(Field::TotalOnLists, e_value);
            let results = validate(&e, &r);
            assert_eq!(only(&results, "F.204").len(), 1, "{e_value:?}");
            assert!(only(&results, "F.202").is_empty());
            assert!(only(&results, "F.203").is_empty());
            assert_eq!(
                only(&results, "F.204")[0].fields[0],
                at(Field::TotalOnLists)
            );
        }
    }

    /// F.204 is not raised when the lists hold no votes (all 0): then E = 0 is right.
    #[test]
    fn f204_not_when_the_lists_are_all_zero() {
        let (e, mut r) = transcribed();
        for l in 1..=4 {
            r.set(Field::ListTotal(l), Some(0));
        }
        r.set(Field::TotalOnLists, Some(0));
        assert!(only(&validate(&e, &r), "F.204").is_empty());
    }

    /// T.001: required boxes still empty — listed in form order, the first is where
    /// to jump; a written 0 is not empty.
    #[test]
    fn t001_names_the_empty_required_boxes() {
        let (e, mut r) = transcribed();
        r.set(Field::Invalid, None);
        r.set(Field::ListTotal(3), None);
        let t001 = only(&validate(&e, &r), "T.001");
        assert_eq!(t001.len(), 1);
        assert_eq!(
            t001[0].fields,
            [at(Field::ListTotal(3)), at(Field::Invalid)]
        );
        assert_eq!(t001[0].severity, Severity::Error);
        let (e, mut r) = transcribed();
        r.set(Field::Invalid, Some(0));
        assert!(only(&validate(&e, &r), "T.001").is_empty());
    }

    /// F.201 and friends survive the largest figures a record can hold.
    #[test]
    fn huge_counts_do_not_overflow() {
        let (e, mut r) = transcribed();
        for field in crate::form::single_fields() {
            r.set(field, Some(u64::MAX));
        }
        for l in 1..=4 {
            r.set(Field::ListTotal(l), Some(u64::MAX));
        }
        let results = validate(&e, &r);
        assert!(!only(&results, "F.201").is_empty());
        assert!(!only(&results, "F.202").is_empty());
    }
}
