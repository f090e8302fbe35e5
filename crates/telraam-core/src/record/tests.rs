use super::*;

#[test]
fn field_keys_round_trip() {
    let mut all: Vec<Field> = crate::form::single_fields().collect::<Vec<_>>();
    all.push(Field::ListTotal(26));
    all.push(Field::Candidate {
        list: 3,
        candidate: 12,
    });
    all.push(Field::CandidateListTotal(3));
    for f in all {
        assert_eq!(Field::parse(&f.key()), Some(f), "{f}");
    }
    assert_eq!(Field::parse("E.x"), None);
    assert_eq!(Field::parse("Z"), None);
}

#[test]
fn sum_of_empty_boxes_is_empty_but_empty_plus_number_is_the_number() {
    assert_eq!(sum_counts([None, None]), None);
    assert_eq!(sum_counts([None, Some(4)]), Some(4));
    assert_eq!(
        sum_counts([Some(MAX_COUNT), Some(MAX_COUNT), Some(MAX_COUNT)]),
        Some(3 * MAX_COUNT)
    );
}

#[test]
fn empty_record_has_a_slot_for_every_list_and_candidate() {
    let e = Election::demo();
    let r = CountRecord::empty(&e, 1, EntryMode::Counting);
    assert_eq!(r.votes.lists.len(), e.lists.len());
    let total_candidates: usize = e.lists.iter().map(|l| l.candidates.len()).sum();
    let slots: usize = r.candidate_votes.iter().map(|c| c.votes.len()).sum();
    assert_eq!(slots, total_candidates);
}

#[test]
fn set_refuses_unknown_list_and_get_reads_back() {
    let e = Election::demo();
    let mut r = CountRecord::empty(&e, 1, EntryMode::Counting);
    assert!(!r.set(Field::ListTotal(99), Some(1)));
    assert!(r.set(Field::ListTotal(2), Some(17)));
    assert_eq!(r.get(Field::ListTotal(2)), Some(17));
    let c = Field::Candidate {
        list: 1,
        candidate: 2,
    };
    assert!(r.set(c, Some(5)));
    assert_eq!(r.get(c), Some(5));
    assert!(r.set(Field::CandidateListTotal(1), Some(6)));
    assert_eq!(r.get(Field::CandidateListTotal(1)), Some(6));
    assert_eq!(r.get(Field::ListTotal(1)), None, "E.1 is a box of its own");
    assert!(!r.set(Field::CandidateListTotal(99), Some(1)));
}

#[test]
fn issued_ballots_is_received_minus_unused_minus_spoiled() {
    let s = BallotStock {
        received: Some(1000),
        unused: Some(380),
        spoiled: Some(3),
    };
    assert_eq!(s.issued(), Some(617));
    assert_eq!(BallotStock::default().issued(), None);
}
