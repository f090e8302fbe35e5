//! What a box of the paper should hold, from the other boxes as typed: shown beside
//! the paper's own figure ("A + B = 712"), never in its place. The [`Hint`] type is
//! in `tui/say.rs`, below the text tables that word it.

use crate::counting;
use crate::election::Election;
use crate::form::Target;
use crate::record::{CountRecord, Field, Mark};
use crate::tui::say::Hint;
use std::cmp::Ordering;

fn sum(parts: String, value: Option<u64>, paper: Option<u64>) -> Option<Hint> {
    let value = value?;
    Some(Hint::Sum {
        parts,
        value,
        // An empty box does not differ yet: it is still to be typed.
        differs: paper.is_some_and(|p| p != value),
    })
}

/// The hint for a box, when the boxes it depends on are written.
pub fn hint(election: &Election, record: &CountRecord, target: Target) -> Option<Hint> {
    let d = record.voters.total_admitted;
    let h = record.votes.total_cast;
    let order = match (h, d) {
        (Some(h), Some(d)) => Some(h.cmp(&d)),
        _ => None,
    };
    match target {
        Target::Count(Field::TotalAdmitted) => {
            let parts = if election.voter_cards_apply() {
                "A + B + C"
            } else {
                "A + B"
            };
            sum(parts.into(), counting::admitted(election, record), d)
        }
        Target::Count(Field::TotalOnLists) => {
            let parts = match record.votes.lists.as_slice() {
                [] => return None,
                [one] => format!("E.{}", one.list),
                [first, second] => format!("E.{} + E.{}", first.list, second.list),
                [first, .., last] => format!("E.{} + … + E.{}", first.list, last.list),
            };
            sum(
                parts,
                counting::on_lists(record),
                record.votes.total_on_lists,
            )
        }
        Target::Count(Field::TotalCast) => sum("E + F + G".into(), counting::cast(record), h),
        Target::Count(Field::MoreBallots) => match (order?, h, d) {
            (Ordering::Greater, Some(h), Some(d)) => {
                sum("H - D".into(), Some(h - d), record.differences.more_ballots)
            }
            _ => Some(Hint::Empty {
                differs: record.differences.more_ballots.unwrap_or(0) != 0,
            }),
        },
        Target::Count(Field::FewerBallots) => match (order?, h, d) {
            (Ordering::Less, Some(h), Some(d)) => sum(
                "D - H".into(),
                Some(d - h),
                record.differences.fewer_ballots,
            ),
            _ => Some(Hint::Empty {
                differs: record.differences.fewer_ballots.unwrap_or(0) != 0,
            }),
        },
        Target::Count(Field::CandidateListTotal(list)) => {
            let value = counting::candidate_sum(record, list)?;
            Some(Hint::Candidates {
                value,
                differs: record
                    .get(Field::CandidateListTotal(list))
                    .is_some_and(|p| p != value),
            })
        }
        Target::Mark(mark @ (Mark::Equal | Mark::More | Mark::Fewer)) => {
            let should = match mark {
                Mark::Equal => order? == Ordering::Equal,
                Mark::More => order? == Ordering::Greater,
                _ => order? == Ordering::Less,
            };
            Some(Hint::Tick {
                should,
                differs: record.mark(mark) != should,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::EntryMode;

    #[test]
    fn d_shows_what_a_plus_b_make_beside_the_papers_own_d() {
        let e = Election::demo();
        let mut r = CountRecord::empty(&e, 1, EntryMode::Transcription);
        r.set(Field::PollCards, Some(700));
        r.set(Field::ProxyCertificates, Some(12));
        r.set(Field::TotalAdmitted, Some(713));
        assert_eq!(
            hint(&e, &r, Target::Count(Field::TotalAdmitted)),
            Some(Hint::Sum {
                parts: "A + B".into(),
                value: 712,
                differs: true
            })
        );
        assert_eq!(r.voters.total_admitted, Some(713), "the paper's D stays");
    }

    #[test]
    fn h_greater_than_d_asks_for_i_and_the_more_box() {
        let e = Election::demo();
        let mut r = CountRecord::empty(&e, 1, EntryMode::Transcription);
        r.set(Field::TotalAdmitted, Some(10));
        r.set(Field::TotalCast, Some(12));
        assert_eq!(
            hint(&e, &r, Target::Count(Field::MoreBallots)),
            Some(Hint::Sum {
                parts: "H - D".into(),
                value: 2,
                differs: false
            }),
            "an empty I is still to be typed"
        );
        r.set(Field::MoreBallots, Some(1));
        assert!(
            hint(&e, &r, Target::Count(Field::MoreBallots)).is_some_and(|h| h.differs()),
            "I = 1 where H - D = 2"
        );
        assert_eq!(
            hint(&e, &r, Target::Count(Field::FewerBallots)),
            Some(Hint::Empty { differs: false })
        );
        assert_eq!(
            hint(&e, &r, Target::Mark(Mark::More)),
            Some(Hint::Tick {
                should: true,
                differs: true
            })
        );
    }
}
