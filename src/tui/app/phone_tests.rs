//! The phone screens' keys, as the receiver types a call.
use super::*;
use crate::election::Election;
use crate::record::{CountRecord, EntryMode, Field};
use crate::settings::Language;
use crate::storage::phone::StationPhoneStatus;
use crate::tui::phone::{PhoneNotice, PhoneScreen};
use crate::verification::PhoneItem;
use crate::verification::{PhoneStatus, codes};

/// What station 2 finalised and reads aloud.
fn station_record(election: &Election) -> CountRecord {
    let mut r = CountRecord::empty(election, 2, EntryMode::Counting);
    r.set(Field::PollCards, Some(300));
    r.set(Field::ProxyCertificates, Some(4));
    for (i, list) in election.lists.iter().enumerate() {
        let total = [120, 90, 60, 30][i % 4];
        r.set(Field::ListTotal(list.number), Some(total));
        for (j, c) in list.candidates.iter().enumerate() {
            let votes = if j == 0 { total } else { 0 };
            r.set(
                Field::Candidate {
                    list: list.number,
                    candidate: c.number,
                },
                Some(votes),
            );
        }
        r.set(Field::CandidateListTotal(list.number), Some(total));
    }
    r.set(Field::Blank, Some(2));
    r.set(Field::Invalid, Some(2));
    crate::counting::complete(election, &mut r);
    r
}

fn overview_app() -> App {
    let election = Election::demo();
    let mut app = App::new(election.clone(), Language::Dutch, &[], None);
    let effects = app.update(Msg::PhoneCheck);
    assert_eq!(effects, vec![Effect::LoadPhoneOverview]);
    let overview = election
        .stations
        .iter()
        .map(|s| StationPhoneStatus {
            station: s.number,
            name: s.name.clone(),
            status: PhoneStatus::NotReceived,
            at: None,
        })
        .collect();
    app.update(Msg::PhoneOverview(overview));
    app
}

/// Types the quick report in reading order; `heard` may differ from what was read.
fn type_figures(app: &mut App, heard: &CountRecord) {
    let items = app.phone.items();
    for item in items {
        if let PhoneItem::Count(field) = item
            && let Some(v) = heard.get(field)
        {
            for c in v.to_string().chars() {
                app.update(Msg::Char(c));
            }
        }
        app.update(Msg::Confirm);
    }
}

fn type_group(app: &mut App, group: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in group.chars() {
        effects.extend(app.update(Msg::Char(c)));
    }
    effects
}

#[test]
fn a_misheard_figure_fails_the_quick_code_and_once_corrected_the_record_code_is_stored() {
    let election = Election::demo();
    let read = station_record(&election);
    let spoken = codes(&election, &read);
    let mut heard = read.clone();
    heard.set(Field::Blank, Some(7)); // "twee" heard as "zeven"

    let mut app = overview_app();
    app.update(Msg::Next); // station 2
    app.update(Msg::Confirm);
    assert!(matches!(
        (&app.screen, &app.phone.screen),
        (Screen::Phone, PhoneScreen::Figures(_))
    ));
    type_figures(&mut app, &heard);
    assert!(matches!(
        (&app.screen, &app.phone.screen),
        (Screen::Phone, PhoneScreen::Code(_))
    ));

    let mut effects = Vec::new();
    for group in &spoken.quick {
        effects.extend(type_group(&mut app, group));
    }
    assert_eq!(app.notice, Some(Notice::Phone(PhoneNotice::QuickDiffers)));
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::RecordPhoneCheck { station: 2, check }] if !check.verified
        ),
        "{effects:?}"
    );

    // Enter goes back to the first figure; F is the fifth of the quick report.
    app.update(Msg::Confirm);
    assert!(matches!(
        (&app.screen, &app.phone.screen),
        (Screen::Phone, PhoneScreen::Figures(_))
    ));
    assert_eq!(app.phone.call().map(|c| c.item), Some(0));
    for _ in 0..election.lists.len() {
        app.update(Msg::Next);
    }
    app.update(Msg::Char('2'));
    app.update(Msg::Confirm);
    assert!(app.update(Msg::NextStep).is_empty());
    for group in &spoken.quick {
        type_group(&mut app, group);
    }
    assert_eq!(app.notice, Some(Notice::Phone(PhoneNotice::QuickVerified)));
    let mut effects = Vec::new();
    for group in &spoken.record {
        effects.extend(type_group(&mut app, group));
    }
    match effects.as_slice() {
        [Effect::RecordPhoneCheck { station: 2, check }] if check.verified => {
            assert_eq!(check.expected, spoken.record)
        }
        other => panic!("expected the expected record code stored, got {other:?}"),
    }
    assert_eq!(app.notice, Some(Notice::Phone(PhoneNotice::Stored)));
    // Back to the overview, which reloads the statuses.
    assert_eq!(app.update(Msg::Confirm), vec![Effect::LoadPhoneOverview]);
}

#[test]
fn a_group_with_a_wrong_check_digit_is_refused_at_once_and_not_kept() {
    let election = Election::demo();
    let read = station_record(&election);
    let spoken = codes(&election, &read);
    let mut app = overview_app();
    app.update(Msg::Confirm);
    app.update(Msg::NextStep);
    type_group(&mut app, &spoken.quick[0]);
    // Swap the first two digits of group 2 (when they differ) or change one.
    let mut wrong: Vec<u8> = spoken.quick[1].replace('-', "").into_bytes();
    if wrong[0] != wrong[1] {
        wrong.swap(0, 1);
    } else {
        wrong[0] = if wrong[0] == b'9' { b'0' } else { wrong[0] + 1 };
    }
    type_group(&mut app, &String::from_utf8(wrong).unwrap());
    assert_eq!(
        app.notice,
        Some(Notice::Phone(PhoneNotice::GroupRefused(2)))
    );
    let call = app.phone.call().unwrap();
    assert_eq!(call.check.heard().len(), 1);
    assert!(call.input.is_empty(), "typed again from scratch");
}

#[test]
fn an_empty_box_stays_empty_and_a_typed_zero_is_zero() {
    let mut app = overview_app();
    app.update(Msg::Confirm);
    app.update(Msg::Confirm); // E.1 heard as "leeg"
    app.update(Msg::Char('0'));
    app.update(Msg::Confirm); // E.2 heard as 0
    let check = &app.phone.call().unwrap().check;
    assert_eq!(check.record().get(Field::ListTotal(1)), None);
    assert_eq!(check.record().get(Field::ListTotal(2)), Some(0));
    app.update(Msg::Char('x'));
    assert_eq!(app.notice, Some(Notice::NotADigit('x')));
}
