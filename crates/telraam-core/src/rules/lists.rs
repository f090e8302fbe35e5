//! The candidate pages of model N 10-1: each list's candidate votes, the
//! "totaal lijst" at the foot of its page, and E.n in section 2.2. A model
//! N 10-2 record (CSO) has no candidate pages and nothing here applies.

use super::{Code, Finding, RuleResult, Target, all_empty, at, result, sum, value};
use crate::record::{CandidateVotes, CountRecord, Field};

pub(super) fn check(record: &CountRecord, out: &mut Vec<RuleResult>) {
    for page in &record.candidate_votes {
        check_page(record, page, out);
    }
}

fn candidate_fields(page: &CandidateVotes) -> impl Iterator<Item = Target> + '_ {
    page.votes.iter().map(|(candidate, _)| {
        at(Field::Candidate {
            list: page.list,
            candidate: *candidate,
        })
    })
}

fn check_page(record: &CountRecord, page: &CandidateVotes, out: &mut Vec<RuleResult>) {
    let n = page.list;
    let candidates = sum(page.votes.iter().map(|(_, v)| *v));
    let e_n = record.list_total(n);
    let total = value(page.total);
    let page_total = at(Field::CandidateListTotal(n));

    // F.401: votes for the list (on its candidates or in E.n) but its total empty or 0.
    if (candidates > 0 || value(e_n) > 0) && total == 0 {
        out.push(result(
            Code::F401,
            vec![page_total, at(Field::ListTotal(n))],
            Finding::ListTotalMissing {
                list: n,
                candidates,
                e_n: value(e_n),
            },
        ));
        return;
    }

    // F.402: the list total is not the sum of its candidates' votes.
    let mut written: Vec<_> = page.votes.iter().map(|(_, v)| *v).collect();
    written.push(page.total);
    if !all_empty(&written) && total != candidates {
        let mut fields: Vec<Target> = candidate_fields(page).collect();
        fields.push(page_total);
        out.push(result(
            Code::F402,
            fields,
            Finding::CandidatesNotTotal {
                list: n,
                candidates,
                total,
            },
        ));
    }

    // F.403: the list total is not E.n of section 2.2.
    if !all_empty(&[page.total, e_n]) && total != value(e_n) {
        out.push(result(
            Code::F403,
            vec![page_total, at(Field::ListTotal(n))],
            Finding::TotalNotEn {
                list: n,
                total,
                e_n: value(e_n),
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::validate;
    use super::*;

    fn results_for(record: &CountRecord, code: &str) -> Vec<RuleResult> {
        let e = crate::election::Election::demo();
        validate(&e, record)
            .into_iter()
            .filter(|r| r.code == code)
            .collect()
    }

    fn cand(list: u32, candidate: u32) -> Field {
        Field::Candidate { list, candidate }
    }

    /// F.401: "a list has candidate votes or an E.x above 0 but its list total is
    /// empty or 0 (suppresses F.402/F.403 for that list)".
    #[test]
    fn f401_votes_but_no_list_total() {
        let (_, mut r) = transcribed();
        r.set(Field::CandidateListTotal(2), None);
        let f401 = results_for(&r, "F.401");
        assert_eq!(f401.len(), 1);
        assert_eq!(f401[0].fields[0], at(Field::CandidateListTotal(2)));
        assert!(results_for(&r, "F.402").is_empty());
        assert!(results_for(&r, "F.403").is_empty());
    }

    /// F.401 also fires on E.n above 0 when the page is blank (no candidate votes written).
    #[test]
    fn f401_e_n_but_blank_page() {
        let (e, mut r) = transcribed();
        let candidates: Vec<u32> = e.lists[3].candidates.iter().map(|c| c.number).collect();
        for c in candidates {
            r.set(cand(4, c), None);
        }
        r.set(Field::CandidateListTotal(4), None);
        assert_eq!(results_for(&r, "F.401").len(), 1);
    }

    /// F.402: "a list total ≠ the sum of its candidates' votes" — one result for that
    /// list only, jumping to its first candidate.
    #[test]
    fn f402_candidates_do_not_add_up() {
        let (_, mut r) = transcribed();
        r.set(cand(3, 2), Some(50));
        let f402 = results_for(&r, "F.402");
        assert_eq!(f402.len(), 1);
        assert_eq!(f402[0].fields[0], at(cand(3, 1)));
        assert_eq!(
            f402[0].fields.last(),
            Some(&at(Field::CandidateListTotal(3)))
        );
    }

    /// F.403: "a list total ≠ its E.x in section 2.2".
    #[test]
    fn f403_page_total_differs_from_e_n() {
        let (_, mut r) = transcribed();
        r.set(Field::ListTotal(1), Some(401));
        r.set(Field::TotalOnLists, Some(1013));
        r.set(Field::TotalCast, Some(1021));
        let f403 = results_for(&r, "F.403");
        assert_eq!(f403.len(), 1);
        assert_eq!(
            f403[0].fields,
            [at(Field::CandidateListTotal(1)), at(Field::ListTotal(1))]
        );
        assert!(results_for(&r, "F.402").is_empty());
    }

    /// In counting mode the page total is computed, so a candidate typo shows up as
    /// F.403 (page ≠ E.n), never as F.402.
    #[test]
    fn counting_mode_reports_a_candidate_typo_as_f403() {
        let (e, mut r) = balanced();
        r.set(cand(1, 1), Some(201));
        crate::counting::complete(&e, &mut r);
        assert_eq!(results_for(&r, "F.403").len(), 1);
        assert!(results_for(&r, "F.402").is_empty());
    }

    #[test]
    fn a_model_n10_2_record_has_no_candidate_rules() {
        let (_, mut r) = transcribed();
        r.candidate_votes.clear();
        r.counting_method = crate::election::CountingMethod::CSO;
        for code in ["F.401", "F.402", "F.403"] {
            assert!(results_for(&r, code).is_empty());
        }
    }
}
