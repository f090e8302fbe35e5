//! The Kiesraad's plausibility checks (W.201-W.204): remarkable results that must
//! be explained, not errors. Percentages in integer arithmetic: "x ≥ p % of H" is
//! `100·x ≥ p·H`, which for whole x is the same as x ≥ p % of H rounded up.

use super::{Code, Finding, RuleResult, at, result};
use crate::record::{CountRecord, Field};

pub(super) fn check(record: &CountRecord, out: &mut Vec<RuleResult>) {
    let Some(h) = record.votes.total_cast.map(i128::from) else {
        return;
    };
    share(record.votes.blank, h, Field::Blank, out);
    share(record.votes.invalid, h, Field::Invalid, out);
    if let Some(d) = record.voters.total_admitted.map(i128::from) {
        difference(d, h, out);
    }
    if h == 0 {
        out.push(result(
            Code::W204,
            vec![at(Field::TotalCast)],
            Finding::NoVotesCast,
        ));
    }
}

/// W.201 (blank, F) / W.202 (invalid, G): the count is 3 % of H or more.
fn share(count: Option<u64>, h: i128, field: Field, out: &mut Vec<RuleResult>) {
    let Some(x) = count.map(i128::from) else {
        return;
    };
    if (x == 0 && h == 0) || 100 * x < 3 * h {
        return;
    }
    let code = if field == Field::Blank {
        Code::W201
    } else {
        Code::W202
    };
    out.push(result(
        code,
        vec![at(field), at(Field::TotalCast)],
        Finding::LargeShare { field, count: x, h },
    ));
}

/// W.203: |D − H| ≥ 15, or |D − H| ≥ 2 % of H.
fn difference(d: i128, h: i128, out: &mut Vec<RuleResult>) {
    let diff = (d - h).abs();
    if diff == 0 || (diff < 15 && 100 * diff < 2 * h) {
        return;
    }
    out.push(result(
        Code::W203,
        vec![at(Field::TotalAdmitted), at(Field::TotalCast)],
        Finding::LargeDifference {
            d,
            h,
            difference: diff,
        },
    ));
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::validate;
    use super::*;
    use crate::counting;

    fn has(record: &CountRecord, code: &str) -> bool {
        let e = crate::election::Election::demo();
        validate(&e, record).iter().any(|r| r.code == code)
    }

    /// A counted station with these list votes, blank and invalid, and D = H.
    fn counted(lists: u64, blank: u64, invalid: u64) -> CountRecord {
        let (e, mut r) = empty_record();
        r.set(Field::ListTotal(1), Some(lists));
        for l in 2..=4 {
            r.set(Field::ListTotal(l), Some(0));
        }
        r.set(Field::Blank, Some(blank));
        r.set(Field::Invalid, Some(invalid));
        r.set(Field::PollCards, Some(lists + blank + invalid));
        r.set(Field::ProxyCertificates, Some(0));
        counting::complete(&e, &mut r);
        r
    }

    /// W.201: "blank F ≥ 3 % of H (integer arithmetic: 100·F ≥ 3·H; not when F = H = 0)".
    #[test]
    fn w201_blank_at_three_percent() {
        assert!(has(&counted(97, 3, 0), "W.201"), "3 of 100 is 3 %");
        assert!(!has(&counted(98, 2, 0), "W.201"), "2 of 100");
        assert!(!has(&counted(198, 5, 0), "W.201"), "5 of 203 is 2.46 %");
        assert!(has(&counted(194, 6, 0), "W.201"), "6 of 200");
        assert!(!has(&counted(0, 0, 0), "W.201"), "F = H = 0");
    }

    /// W.202: "invalid G ≥ 3 % of H (same arithmetic)".
    #[test]
    fn w202_invalid_at_three_percent() {
        assert!(has(&counted(97, 0, 3), "W.202"));
        assert!(!has(&counted(98, 0, 2), "W.202"));
        assert!(!has(&counted(0, 0, 0), "W.202"));
    }

    /// W.203: "|D − H| ≥ 15, or |D − H| ≥ 2 % of H".
    #[test]
    fn w203_difference_between_d_and_h() {
        let with_d = |h_lists: u64, d: u64| {
            let mut r = counted(h_lists, 0, 0);
            r.mode = crate::record::EntryMode::Transcription;
            r.set(Field::TotalAdmitted, Some(d));
            r
        };
        assert!(has(&with_d(100, 102), "W.203"), "2 of 100 is 2 %");
        assert!(!has(&with_d(100, 101), "W.203"), "1 of 100");
        assert!(has(&with_d(100, 98), "W.203"), "either direction");
        assert!(has(&with_d(5000, 5015), "W.203"), "15 always");
        assert!(!has(&with_d(5000, 5014), "W.203"), "14 of 5000 is 0.28 %");
        assert!(has(&with_d(0, 1), "W.203"), "anything against H = 0");
        assert!(!has(&with_d(0, 0), "W.203"), "D = H = 0");
    }

    /// W.204: "H is 0".
    #[test]
    fn w204_nothing_cast() {
        assert!(has(&counted(0, 0, 0), "W.204"));
        assert!(!has(&counted(1, 0, 0), "W.204"));
        let (_, empty) = empty_record();
        assert!(!has(&empty, "W.204"), "an empty H is not yet 0");
    }
}
