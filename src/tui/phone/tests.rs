//! The phone check as a component, without the App: the keys of one call give the
//! replies the App must carry out, and nothing else.

use super::*;
use crate::record::{CountRecord, EntryMode, Field};
use crate::verification::{PhoneStatus, codes};

/// What the station finalised and reads aloud: every list's votes on its first
/// candidate, two blank and two invalid votes.
fn read_aloud(election: &Election, station: u32) -> CountRecord {
    let mut r = CountRecord::empty(election, station, EntryMode::Counting);
    r.set(Field::PollCards, Some(250));
    for (i, list) in election.lists.iter().enumerate() {
        let total = [100, 80, 40, 26][i % 4];
        r.set(Field::ListTotal(list.number), Some(total));
        for (j, c) in list.candidates.iter().enumerate() {
            let field = Field::Candidate {
                list: list.number,
                candidate: c.number,
            };
            r.set(field, Some(if j == 0 { total } else { 0 }));
        }
        r.set(Field::CandidateListTotal(list.number), Some(total));
    }
    r.set(Field::Blank, Some(2));
    r.set(Field::Invalid, Some(2));
    crate::counting::complete(election, &mut r);
    r
}

fn overview(election: &Election) -> PhoneState {
    let mut phone = PhoneState::default();
    assert_eq!(phone.open(), Reply::Load);
    let rows = election
        .stations
        .iter()
        .map(|s| StationPhoneStatus {
            station: s.number,
            name: s.name.clone(),
            status: PhoneStatus::NotReceived,
            at: None,
        })
        .collect();
    assert!(phone.update(election, PhoneMsg::Loaded(rows)).is_empty());
    phone
}

fn keys(phone: &mut PhoneState, election: &Election, text: &str) -> Vec<Reply> {
    text.chars()
        .flat_map(|c| phone.update(election, PhoneMsg::Char(c)))
        .collect()
}

#[test]
fn a_call_typed_as_read_stores_one_check_and_enter_goes_back_to_a_reloaded_overview() {
    let election = Election::demo();
    let read = read_aloud(&election, 3);
    let spoken = codes(&election, &read);
    let mut phone = overview(&election);
    phone.update(&election, PhoneMsg::Next);
    phone.update(&election, PhoneMsg::Next);
    assert!(phone.update(&election, PhoneMsg::Confirm).is_empty());
    assert_eq!(phone.call().map(|c| c.check.station()), Some(3));

    let mut replies = Vec::new();
    for item in phone.items() {
        if let PhoneItem::Count(field) = item
            && let Some(v) = read.get(field)
        {
            replies.extend(keys(&mut phone, &election, &v.to_string()));
        }
        replies.extend(phone.update(&election, PhoneMsg::Confirm));
    }
    assert!(matches!(phone.screen, PhoneScreen::Code(_)));
    assert!(
        replies.is_empty(),
        "no reply while the figures are typed: {replies:?}"
    );

    let quick: Vec<Reply> = spoken
        .quick
        .iter()
        .flat_map(|g| keys(&mut phone, &election, g))
        .collect();
    assert_eq!(quick, [Reply::Say(PhoneNotice::QuickVerified)]);
    let record: Vec<Reply> = spoken
        .record
        .iter()
        .flat_map(|g| keys(&mut phone, &election, g))
        .collect();
    match record.as_slice() {
        [
            Reply::Say(PhoneNotice::Stored),
            Reply::Record { station: 3, check },
        ] => {
            assert!(check.verified);
            assert_eq!(check.expected, spoken.record);
        }
        other => panic!("one stored check expected, got {other:?}"),
    }
    assert_eq!(phone.update(&election, PhoneMsg::Confirm), [Reply::Load]);
    assert!(matches!(phone.screen, PhoneScreen::Overview));
    assert_eq!(phone.cursor, 2, "the overview keeps its place");
    assert_eq!(phone.update(&election, PhoneMsg::Back), [Reply::Leave]);
}

#[test]
fn a_letter_or_a_figure_past_the_largest_count_is_refused_and_not_typed() {
    let election = Election::demo();
    let mut phone = overview(&election);
    phone.update(&election, PhoneMsg::Confirm);
    assert_eq!(keys(&mut phone, &election, "x"), [Reply::NotADigit('x')]);
    assert_eq!(keys(&mut phone, &election, "999999999"), []);
    assert_eq!(keys(&mut phone, &election, "9"), [Reply::TooLarge]);
    assert_eq!(phone.call().map(|c| c.input.as_str()), Some("999999999"));
    // Esc first undoes the typing, then goes back to the overview.
    phone.update(&election, PhoneMsg::Back);
    assert_eq!(phone.call().map(|c| c.input.as_str()), Some(""));
    phone.update(&election, PhoneMsg::Back);
    assert!(matches!(phone.screen, PhoneScreen::Overview));
}
