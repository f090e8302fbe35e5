use super::*;
use crate::form::Target;
use crate::record::{Field, Mark};
use proptest::prelude::*;

fn election() -> Election {
    Election::demo()
}

/// A transcription of demo station 1 with every paper box filled in.
fn paper(e: &Election, seed: u64) -> CountRecord {
    let mut r = CountRecord::empty(e, 1, EntryMode::Transcription);
    for (i, t) in paper_boxes(e).into_iter().enumerate() {
        let v = match t {
            Target::Count(_) => BoxValue::Count(Some((seed + i as u64 * 7) % 500)),
            Target::Mark(m) => BoxValue::Mark(m == Mark::Equal),
        };
        assert!(set_value(&mut r, t, v));
    }
    r
}

fn typed(desk: &mut Desk, e: &Election, who: &str, record: &CountRecord) -> u8 {
    let n = desk.start(e, who, Source::Paper, None).expect("start");
    for t in paper_boxes(e) {
        desk.set(e, n, who, t, value(record, t)).expect("set");
    }
    n
}

#[test]
fn every_box_of_the_paper_form_is_an_entry_field_d_e_h_i_j_and_the_ticks_included() {
    let e = election();
    let boxes = paper_boxes(&e);
    for letter in [
        "A",
        "B",
        "D",
        "E",
        "F",
        "G",
        "H",
        "I",
        "J",
        "E.1",
        "box.equal",
    ] {
        assert!(
            boxes.iter().any(|t| t.key() == letter),
            "{letter} is a box of the paper"
        );
    }
    assert!(boxes.contains(&Target::Mark(Mark::ExplainedNo)));
    assert!(boxes.contains(&Target::Count(Field::CandidateListTotal(1))));
    assert!(
        !boxes.contains(&Target::Count(Field::BallotsReceived)),
        "the ballot stock is not on paper"
    );
    assert!(
        !boxes.contains(&Target::Count(Field::TakenAway)),
        "K is not on the form from 2026"
    );
}

#[test]
fn two_agreeing_entries_by_two_typists_are_accepted() {
    let e = election();
    let pv = paper(&e, 3);
    let mut desk = Desk::new(1);
    assert_eq!(desk.stage(), Stage::NoEntry);
    typed(&mut desk, &e, "Anna", &pv);
    assert_eq!(desk.stage(), Stage::FirstEntry);
    assert_eq!(desk.finish(&e, 1, "Anna"), Ok(Stage::AwaitingSecond));
    typed(&mut desk, &e, "Bram", &pv);
    assert_eq!(desk.stage(), Stage::SecondEntry);
    assert_eq!(desk.finish(&e, 2, "Bram"), Ok(Stage::Accepted));
    assert_eq!(desk.accepted(), Some(&pv));
}

#[test]
fn the_first_typist_cannot_type_the_second_entry() {
    let e = election();
    let mut desk = Desk::new(1);
    typed(&mut desk, &e, "Anna", &paper(&e, 1));
    desk.finish(&e, 1, "Anna").expect("finish");
    assert_eq!(
        desk.start(&e, "Anna", Source::Paper, None),
        Err(DeskError::SameTypist {
            first: "Anna".into()
        })
    );
}

#[test]
fn one_typo_differs_in_exactly_that_box_and_the_recheck_may_change_only_it() {
    let e = election();
    let pv = paper(&e, 5);
    let mut desk = Desk::new(1);
    typed(&mut desk, &e, "Anna", &pv);
    desk.finish(&e, 1, "Anna").expect("finish");
    let mut typo = pv.clone();
    typo.set(Field::ListTotal(2), Some(999));
    typed(&mut desk, &e, "Bram", &typo);
    assert_eq!(desk.finish(&e, 2, "Bram"), Ok(Stage::Differences));
    assert_eq!(desk.differing, [Target::Count(Field::ListTotal(2))]);
    assert_eq!(
        desk.set(
            &e,
            2,
            "Bram",
            Target::Count(Field::Blank),
            BoxValue::Count(Some(1))
        ),
        Err(DeskError::NotDiffering(Target::Count(Field::Blank)))
    );
    let right = value(&pv, Target::Count(Field::ListTotal(2)));
    desk.set(&e, 2, "Bram", Target::Count(Field::ListTotal(2)), right)
        .expect("the differing box may be re-typed");
    assert_eq!(desk.finish(&e, 2, "Bram"), Ok(Stage::Accepted));
}

#[test]
fn what_still_differs_goes_to_the_coordinator_who_keeps_or_discards_an_entry() {
    let e = election();
    let pv = paper(&e, 5);
    let mut wrong = pv.clone();
    wrong.set(Field::TotalAdmitted, Some(1));
    let setup = || {
        let mut desk = Desk::new(1);
        typed(&mut desk, &e, "Anna", &pv);
        desk.finish(&e, 1, "Anna").expect("finish");
        typed(&mut desk, &e, "Bram", &wrong);
        desk.finish(&e, 2, "Bram").expect("second");
        assert_eq!(desk.keep(1), Err(DeskError::WrongStage(Stage::Differences)));
        desk.finish(&e, 2, "Bram").expect("re-checked, unchanged");
        assert_eq!(desk.stage(), Stage::AtCoordinator);
        desk
    };
    let mut keep = setup();
    keep.keep(1).expect("keep");
    assert_eq!(keep.accepted(), Some(&pv));

    let mut discard = setup();
    discard.discard(1).expect("discard");
    assert_eq!(discard.stage(), Stage::AwaitingSecond);
    assert_eq!(discard.entries.len(), 1);
    assert_eq!(discard.entries[0].operator, "Bram");
    assert_eq!(
        discard.start(&e, "Bram", Source::Paper, None),
        Err(DeskError::SameTypist {
            first: "Bram".into()
        }),
        "the one left is entry 1 now: its typist cannot also type the new second"
    );
    assert_eq!(discard.start(&e, "Anna", Source::Paper, None), Ok(2));
}

#[test]
fn a_station_record_is_one_entry_and_one_typed_paper_entry_is_the_second() {
    let e = election();
    let pv = paper(&e, 9);
    let mut desk = Desk::new(1);
    assert_eq!(
        desk.start(&e, "Anna", Source::QrScan, Some(pv.clone())),
        Ok(1)
    );
    assert_eq!(desk.stage(), Stage::AwaitingSecond);
    typed(&mut desk, &e, "Anna", &pv);
    assert_eq!(
        desk.finish(&e, 2, "Anna"),
        Ok(Stage::Accepted),
        "the station is the other party: the importer may type the paper"
    );
    assert_eq!(desk.kept, Some(1));
}

#[test]
fn a_newer_station_record_replaces_the_earlier_one_instead_of_being_a_second_entry() {
    let e = election();
    let mut desk = Desk::new(1);
    desk.start(&e, "Anna", Source::ResultFile, Some(paper(&e, 1)))
        .expect("first");
    let newer = paper(&e, 2);
    assert_eq!(
        desk.start(&e, "Anna", Source::QrScan, Some(newer.clone())),
        Ok(1)
    );
    assert_eq!(desk.entries.len(), 1);
    assert_eq!(desk.entries[0].record, newer);
}

#[test]
fn nobody_types_into_another_typists_entry() {
    let e = election();
    let mut desk = Desk::new(1);
    desk.start(&e, "Anna", Source::Paper, None).expect("start");
    let a = Target::Count(Field::PollCards);
    assert_eq!(
        desk.set(&e, 1, "Bram", a, BoxValue::Count(Some(1))),
        Err(DeskError::OtherTypist {
            number: 1,
            operator: "Anna".into()
        })
    );
    assert!(desk.start(&e, "Bram", Source::Paper, None).is_err());
}

#[test]
fn empty_and_zero_are_the_same_figure() {
    let e = election();
    let a = CountRecord::empty(&e, 1, EntryMode::Transcription);
    let mut b = a.clone();
    b.set(Field::Blank, Some(0));
    assert!(differing(&e, &a, &b).is_empty());
    b.set(Field::Blank, Some(1));
    assert_eq!(differing(&e, &a, &b), [Target::Count(Field::Blank)]);
}

proptest! {
    /// Two entries differ in exactly the boxes where a typo was made, whatever they are.
    #[test]
    fn the_boxes_that_differ_are_exactly_the_boxes_mistyped(
        seed in 0u64..1000,
        picks in proptest::collection::btree_set(0usize..200, 0..6),
    ) {
        let e = election();
        let pv = paper(&e, seed);
        let boxes = paper_boxes(&e);
        let mut typo = pv.clone();
        let mut expected = Vec::new();
        for i in picks {
            let t = boxes[i % boxes.len()];
            if expected.contains(&t) {
                continue;
            }
            let v = match value(&pv, t) {
                BoxValue::Count(c) => BoxValue::Count(Some(c.unwrap_or(0) + 1)),
                BoxValue::Mark(on) => BoxValue::Mark(!on),
            };
            set_value(&mut typo, t, v);
            expected.push(t);
        }
        expected.sort_by_key(|t| boxes.iter().position(|b| b == t));
        prop_assert_eq!(differing(&e, &pv, &typo), expected.clone());
        let mut desk = Desk::new(1);
        typed(&mut desk, &e, "Anna", &pv);
        desk.finish(&e, 1, "Anna").expect("finish");
        typed(&mut desk, &e, "Bram", &typo);
        let stage = desk.finish(&e, 2, "Bram").expect("second");
        prop_assert_eq!(stage == Stage::Accepted, expected.is_empty());
    }
}

#[test]
fn a_station_record_arriving_second_is_compared_and_the_typist_re_checks_their_own_entry() {
    let e = election();
    let pv = paper(&e, 4);
    let mut desk = Desk::new(1);
    typed(&mut desk, &e, "Anna", &pv);
    desk.finish(&e, 1, "Anna").expect("finish");
    let mut station = pv.clone();
    station.set(Field::Invalid, Some(77));
    assert_eq!(
        desk.start(&e, "Bram", Source::ResultFile, Some(station)),
        Ok(2)
    );
    assert_eq!(desk.stage(), Stage::Differences);
    assert_eq!(desk.rechecking(), Some(1));
    assert_eq!(desk.open_entry_of("Anna"), Some(1));
    desk.finish(&e, 1, "Anna").expect("re-checked");
    assert_eq!(desk.stage(), Stage::AtCoordinator);
    desk.keep(2).expect("keep the station's record");
    assert_eq!(desk.accepted().and_then(|r| r.votes.invalid), Some(77));
}

#[test]
fn an_entry_left_half_typed_can_be_discarded_but_not_a_complete_one_meanwhile() {
    let e = election();
    let pv = paper(&e, 5);
    // The first entry, half typed: discarding it leaves the station without entries.
    let mut desk = Desk::new(1);
    let n = desk.start(&e, "Anna", Source::Paper, None).expect("start");
    desk.set(
        &e,
        n,
        "Anna",
        Target::Count(Field::PollCards),
        BoxValue::Count(Some(7)),
    )
    .expect("one box");
    assert_eq!(
        desk.discard(2),
        Err(DeskError::WrongStage(Stage::FirstEntry))
    );
    desk.discard(1).expect("discard the half-typed first entry");
    assert_eq!(desk.stage(), Stage::NoEntry);
    assert_eq!(desk.start(&e, "Bram", Source::Paper, None), Ok(1));

    // The second entry, half typed: the complete first entry stays and awaits a second.
    let mut desk = Desk::new(1);
    typed(&mut desk, &e, "Anna", &pv);
    desk.finish(&e, 1, "Anna").expect("finish");
    desk.start(&e, "Bram", Source::Paper, None).expect("second");
    assert_eq!(desk.stage(), Stage::SecondEntry);
    assert_eq!(
        desk.discard(1),
        Err(DeskError::WrongStage(Stage::SecondEntry)),
        "the complete first entry is not discarded while the second is typed"
    );
    desk.discard(2)
        .expect("discard the half-typed second entry");
    assert_eq!(desk.stage(), Stage::AwaitingSecond);
    assert_eq!(desk.entry(1).map(|e| e.operator.as_str()), Some("Anna"));
    assert_eq!(desk.start(&e, "Carla", Source::Paper, None), Ok(2));
}
