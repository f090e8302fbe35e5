//! Counting mode: the figures the form adds up, computed from their parts.
//!
//! At the station the operator types A, B, C, the list totals, F and G; the
//! program fills in D, E, H, I, J and ticks the D/H box. In transcription mode
//! nothing here runs: the paper's own totals are typed and the rules compare.

use crate::election::Election;
use crate::form::{Form, MODEL, Shape, Target};
use crate::record::{ComparisonBoxes, Count, CountRecord, EntryMode, Mark, sum_counts};
use std::cmp::Ordering;

/// D: A + B + C (C only where kiezerspassen apply).
pub fn admitted(election: &Election, record: &CountRecord) -> Count {
    let v = &record.voters;
    let c = if election.voter_cards_apply() {
        v.voter_cards
    } else {
        None
    };
    sum_counts([v.poll_cards, v.proxy_certificates, c])
}

/// E: the sum of the list totals.
pub fn on_lists(record: &CountRecord) -> Count {
    sum_counts(record.votes.lists.iter().map(|l| l.total))
}

/// H: E + F + G, with E as the record holds it.
pub fn cast(record: &CountRecord) -> Count {
    let v = &record.votes;
    sum_counts([v.total_on_lists, v.blank, v.invalid])
}

/// The sum of one list's candidate votes (`None` when every box is empty).
pub fn candidate_sum(record: &CountRecord, list: u32) -> Count {
    record
        .candidate_list(list)
        .and_then(|c| sum_counts(c.votes.iter().map(|(_, v)| *v)))
}

/// How H relates to D, once both are known.
pub fn comparison(record: &CountRecord) -> Option<Ordering> {
    Some(record.votes.total_cast?.cmp(&record.voters.total_admitted?))
}

/// H − D as a signed number, when both are known.
pub fn difference(record: &CountRecord) -> Option<i64> {
    Some(record.votes.total_cast? as i64 - record.voters.total_admitted? as i64)
}

/// Fills in D, E, H, I, J, the D/H box (on the form from 2026) and (N 10-1) each
/// list page's "totaal lijst" from their parts, then clears every answer the form no
/// longer asks for ([`clear_hidden`]). Does nothing in transcription mode, where those
/// are the paper's own figures. Returns what was cleared, for the audit log.
pub fn complete(election: &Election, record: &mut CountRecord) -> Vec<Cleared> {
    if record.mode != EntryMode::Counting {
        return Vec::new();
    }
    record.voters.total_admitted = admitted(election, record);
    record.votes.total_on_lists = on_lists(record);
    for page in &mut record.candidate_votes {
        page.total = sum_counts(page.votes.iter().map(|(_, v)| *v));
    }
    record.votes.total_cast = cast(record);
    let with_boxes = Form::of(election).has(Target::Mark(Mark::Equal));
    let d = &mut record.differences;
    match (record.votes.total_cast, record.voters.total_admitted) {
        (Some(h), Some(dd)) => {
            d.more_ballots = (h > dd).then(|| h - dd);
            d.fewer_ballots = (h < dd).then(|| dd - h);
            d.boxes = ComparisonBoxes {
                equal: h == dd,
                more: h > dd,
                fewer: h < dd,
            };
        }
        _ => {
            d.more_ballots = None;
            d.fewer_ballots = None;
            d.boxes = ComparisonBoxes::default();
        }
    }
    if !with_boxes {
        d.boxes = ComparisonBoxes::default();
    }
    clear_hidden(election, record)
}

/// A value counting mode cleared because the form no longer asks for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleared {
    /// The box, or `None` for the note about the difference.
    pub target: Option<Target>,
    /// The value it held, as the audit log writes it.
    pub old: String,
}

/// Counting mode never keeps a value the form hides: while D and H do not differ,
/// the explanation of a difference (the "fully explained?" answer, K–O, the note)
/// is cleared, and so is any box the election's form does not have at all.
pub fn clear_hidden(election: &Election, record: &mut CountRecord) -> Vec<Cleared> {
    if record.mode != EntryMode::Counting {
        return Vec::new();
    }
    let form = Form::of(election);
    let explaining = matches!(difference(record), Some(x) if x != 0);
    let mut cleared = Vec::new();
    for spec in MODEL {
        let Shape::One(target) = spec.shape else {
            continue;
        };
        if spec.computed || (form.includes(spec) && (explaining || !spec.explains_difference)) {
            continue;
        }
        match target {
            Target::Count(field) => {
                if let Some(old) = record.get(field) {
                    record.set(field, None);
                    cleared.push(Cleared {
                        target: Some(target),
                        old: old.to_string(),
                    });
                }
            }
            Target::Mark(mark) => {
                if record.mark(mark) {
                    record.set_mark(mark, false);
                    cleared.push(Cleared {
                        target: Some(target),
                        old: true.to_string(),
                    });
                }
            }
        }
    }
    if !explaining && !record.differences.note.is_empty() {
        cleared.push(Cleared {
            target: None,
            old: std::mem::take(&mut record.differences.note),
        });
    }
    cleared
}

/// What the ballot stock says about a difference between D and H.
///
/// issued = received − unused − spoiled. Then issued − D is the net number of
/// ballots handed out too many (> 0, M) or too few (< 0, L), and issued − H the
/// ballots taken away (K). H − D = (issued − D) − (issued − H), so when both parts
/// are known the stock explains the difference completely or shows it is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StockBalance {
    pub issued: i64,
    /// issued − D: > 0 too many handed out, < 0 too few.
    pub issued_minus_admitted: i64,
    /// issued − H: > 0 ballots taken away; < 0 more in the box than handed out.
    pub issued_minus_cast: i64,
}

impl StockBalance {
    /// Too many ballots handed out (M), as the stock shows it.
    pub fn too_many_issued(&self) -> u64 {
        self.issued_minus_admitted.max(0) as u64
    }
    /// Too few ballots handed out (L).
    pub fn too_few_issued(&self) -> u64 {
        (-self.issued_minus_admitted).max(0) as u64
    }
    /// Ballots taken away (K).
    pub fn taken_away(&self) -> u64 {
        self.issued_minus_cast.max(0) as u64
    }
    /// Ballots in the box that were never handed out: the stock cannot explain these.
    pub fn unaccounted_in_box(&self) -> u64 {
        (-self.issued_minus_cast).max(0) as u64
    }
}

/// The three-way balance issued vs cast vs voters, when the stock, D and H are known.
pub fn stock_balance(record: &CountRecord) -> Option<StockBalance> {
    let issued = record.ballot_stock.issued()?;
    let d = record.voters.total_admitted? as i64;
    let h = record.votes.total_cast? as i64;
    Some(StockBalance {
        issued,
        issued_minus_admitted: issued - d,
        issued_minus_cast: issued - h,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Field;

    fn demo_record() -> (Election, CountRecord) {
        let e = Election::demo();
        let r = CountRecord::empty(&e, 1, EntryMode::Counting);
        (e, r)
    }

    #[test]
    fn complete_computes_d_e_h_and_j_when_fewer_ballots_than_voters() {
        let (e, mut r) = demo_record();
        r.set(Field::PollCards, Some(100));
        r.set(Field::ProxyCertificates, Some(5));
        r.set(Field::ListTotal(1), Some(60));
        r.set(Field::ListTotal(2), Some(40));
        r.set(Field::Blank, Some(1));
        r.set(Field::Invalid, Some(2));
        complete(&e, &mut r);
        assert_eq!(r.voters.total_admitted, Some(105));
        assert_eq!(r.votes.total_on_lists, Some(100));
        assert_eq!(r.votes.total_cast, Some(103));
        assert_eq!(r.differences.fewer_ballots, Some(2));
        assert_eq!(r.differences.more_ballots, None);
        assert!(r.differences.boxes.fewer && !r.differences.boxes.equal);
    }

    #[test]
    fn complete_adds_up_each_list_page_but_leaves_e_n_as_typed() {
        let (e, mut r) = demo_record();
        let cand = |candidate| Field::Candidate { list: 1, candidate };
        r.set(cand(1), Some(40));
        r.set(cand(2), Some(7));
        r.set(Field::ListTotal(1), Some(48));
        complete(&e, &mut r);
        assert_eq!(r.get(Field::CandidateListTotal(1)), Some(47));
        assert_eq!(r.get(Field::ListTotal(1)), Some(48));
        assert_eq!(r.get(Field::CandidateListTotal(2)), None, "nothing typed");
    }

    #[test]
    fn voter_cards_do_not_count_towards_d_in_a_municipal_election() {
        let (e, mut r) = demo_record();
        r.set(Field::PollCards, Some(10));
        r.set(Field::VoterCards, Some(3));
        complete(&e, &mut r);
        assert_eq!(r.voters.total_admitted, Some(10));
    }

    #[test]
    fn transcription_mode_keeps_the_papers_own_totals() {
        let e = Election::demo();
        let mut r = CountRecord::empty(&e, 1, EntryMode::Transcription);
        r.set(Field::PollCards, Some(10));
        r.set(Field::TotalAdmitted, Some(11));
        complete(&e, &mut r);
        assert_eq!(r.voters.total_admitted, Some(11));
    }

    #[test]
    fn stock_explains_a_taken_away_ballot() {
        let (e, mut r) = demo_record();
        r.set(Field::PollCards, Some(100));
        r.set(Field::ListTotal(1), Some(99));
        r.set(Field::BallotsReceived, Some(150));
        r.set(Field::BallotsUnused, Some(50));
        r.set(Field::BallotsSpoiled, Some(0));
        complete(&e, &mut r);
        let b = stock_balance(&r).expect("all known");
        assert_eq!(b.issued, 100);
        assert_eq!(b.taken_away(), 1);
        assert_eq!(b.too_many_issued(), 0);
        assert_eq!(b.too_few_issued(), 0);
    }

    /// The hidden-answer defect: G = 6 makes H = D + 1, "fully explained?" is
    /// answered no; G back to 5 makes D = H, and the answer must go with it.
    #[test]
    fn d_becoming_equal_to_h_clears_the_explanation_in_the_same_change() {
        let (e, mut r) = demo_record();
        r.set(Field::PollCards, Some(500));
        r.set(Field::ListTotal(1), Some(490));
        r.set(Field::Blank, Some(5));
        r.set(Field::Invalid, Some(6));
        complete(&e, &mut r);
        assert_eq!(r.differences.more_ballots, Some(1));
        r.set_mark(Mark::ExplainedNo, true);
        r.differences.note = "een stembiljet te veel".into();
        assert!(complete(&e, &mut r).is_empty(), "still a difference");
        r.set(Field::Invalid, Some(5));
        let cleared = complete(&e, &mut r);
        assert_eq!(r.differences.fully_explained, Default::default());
        assert_eq!(r.differences.note, "");
        assert_eq!(r.differences.more_ballots, None);
        assert!(r.differences.boxes.equal);
        let what: Vec<Option<Target>> = cleared.iter().map(|c| c.target).collect();
        assert_eq!(what, [Some(Target::Mark(Mark::ExplainedNo)), None]);
    }

    #[test]
    fn the_form_before_2026_keeps_k_to_o_while_explaining_and_ticks_no_box() {
        let (mut e, mut r) = demo_record();
        e.form = Some(crate::form::Generation::Before2026);
        r.set(Field::PollCards, Some(10));
        r.set(Field::ListTotal(1), Some(9));
        r.set(Field::TakenAway, Some(1));
        r.set_mark(Mark::ExplainedYes, true);
        let cleared = complete(&e, &mut r);
        assert_eq!(r.differences.boxes, ComparisonBoxes::default());
        assert_eq!(r.get(Field::TakenAway), Some(1));
        assert!(!r.differences.fully_explained.yes, "not on this form");
        assert_eq!(cleared.len(), 1);
        r.set(Field::ListTotal(1), Some(10));
        complete(&e, &mut r);
        assert_eq!(r.get(Field::TakenAway), None, "D = H: nothing to explain");
    }
}
