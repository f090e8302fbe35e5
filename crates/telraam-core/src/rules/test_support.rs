//! Records the rule tests start from: the demo election, filled in so that every
//! rule is satisfied, then changed one box at a time.

use super::RuleResult;
use crate::counting;
use crate::election::Election;
use crate::record::{CountRecord, EntryMode, Field};

pub fn empty_record() -> (Election, CountRecord) {
    let e = Election::demo();
    let r = CountRecord::empty(&e, 1, EntryMode::Counting);
    (e, r)
}

/// A station where everything adds up: D = H = 1020, stock issued 1020, every
/// list page adds up to its E.n.
pub fn balanced() -> (Election, CountRecord) {
    let (e, mut r) = empty_record();
    r.set(Field::PollCards, Some(1000));
    r.set(Field::ProxyCertificates, Some(20));
    let totals = [(1, 400), (2, 300), (3, 200), (4, 112)];
    for (list, total) in totals {
        r.set(Field::ListTotal(list), Some(total));
        let candidates: Vec<u32> = e
            .list(list)
            .map(|l| l.candidates.iter().map(|c| c.number).collect())
            .unwrap_or_default();
        // Half to the first candidate, the rest one by one down the list, 0 for the others.
        let mut left = total;
        for (i, candidate) in candidates.iter().enumerate() {
            let votes = if i == 0 { total / 2 } else { left.min(3) };
            let votes = if i + 1 == candidates.len() {
                left
            } else {
                votes
            };
            left -= votes;
            r.set(
                Field::Candidate {
                    list,
                    candidate: *candidate,
                },
                Some(votes),
            );
        }
    }
    r.set(Field::Blank, Some(5));
    r.set(Field::Invalid, Some(3));
    r.ballot_stock.received = Some(1100);
    r.ballot_stock.unused = Some(80);
    r.ballot_stock.spoiled = Some(0);
    counting::complete(&e, &mut r);
    (e, r)
}

/// The balanced station typed from paper: the same figures, nothing computed any more.
pub fn transcribed() -> (Election, CountRecord) {
    let (e, mut r) = balanced();
    r.mode = EntryMode::Transcription;
    (e, r)
}

pub fn codes(results: &[RuleResult]) -> Vec<&'static str> {
    results.iter().map(|r| r.code.as_str()).collect()
}
