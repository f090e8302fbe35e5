//! The station list, the desk opened from it, and leaving.

use super::*;

#[test]
fn quitting_asks_first() {
    let mut app = opened();
    app.update(Msg::Quit);
    assert_eq!(app.dialog, Some(Dialog::Quit));
    app.update(Msg::Char('n'));
    assert!(!app.quit && app.dialog.is_none());
    app.update(Msg::Quit);
    app.update(Msg::Char('j'));
    assert!(app.quit);
}

#[test]
fn typing_a_station_number_opens_that_station_even_if_postcodes_contain_it() {
    let mut app = app();
    app.update(Msg::Char('2'));
    assert_eq!(app.update(Msg::Confirm), vec![Effect::OpenStation(2)]);
}

#[test]
fn typing_filters_the_stations_and_enter_opens_the_match() {
    let mut app = app();
    for c in "matten".chars() {
        app.update(Msg::Char(c));
    }
    let names: Vec<u32> = app.filtered_stations().iter().map(|s| s.number).collect();
    assert_eq!(names, vec![2]);
    assert_eq!(app.update(Msg::Confirm), vec![Effect::OpenStation(2)]);
    app.update(Msg::Char('z'));
    app.update(Msg::Char('z'));
    assert_eq!(app.notice, Some(Notice::NoStationMatches));
}

#[test]
fn f9_opens_the_desk_of_the_chosen_station_and_esc_comes_back() {
    let mut app = app();
    app.update(Msg::Char('2'));
    let fx = app.update(Msg::Desk(DeskMsg::OpenChosen));
    assert_eq!(app.screen.kind(), ScreenKind::Desk);
    assert_eq!(
        fx,
        [Effect::Desk(DeskEffect::Load { station: 2 })],
        "the desk of station 2 is read"
    );
    assert!(app.in_text(), "the name is asked: q is a letter there");
    app.update(Msg::Back);
    assert_eq!(app.screen.kind(), ScreenKind::Stations);
}

#[test]
fn a_transcribed_record_opens_at_the_desk_not_in_the_counting_steps() {
    let mut app = app();
    let mut record = CountRecord::empty(&app.election, 3, EntryMode::Transcription);
    record.voters.poll_cards = Some(700);
    record.voters.proxy_certificates = Some(12);
    record.voters.total_admitted = Some(713);
    let fx = app.update(Msg::Opened(record));
    assert_eq!(
        app.screen.kind(),
        ScreenKind::Desk,
        "no sum is shown in the paper's place"
    );
    assert!(fx.contains(&Effect::Desk(DeskEffect::Load { station: 3 })));
    assert!(app.record.is_none());
}

#[test]
fn quitting_with_a_figure_typed_at_the_desk_offers_to_confirm_it_first() {
    use crate::desk::{Desk, Source};
    let mut app = app();
    app.desk.default_operator = "Anna".into();
    app.update(Msg::Desk(DeskMsg::Open(3)));
    app.update(Msg::Confirm);
    let mut desk = Desk::new(3);
    desk.start(&app.election, "Anna", Source::Paper, None)
        .expect("start");
    app.update(Msg::Desk(DeskMsg::Loaded {
        desk,
        expected: Vec::new(),
    }));
    app.update(Msg::Confirm);
    app.update(Msg::Char('7'));
    app.update(Msg::Quit);
    assert!(app.pending_input(), "7 is typed but not confirmed");
    let fx = app.update(Msg::Confirm);
    assert!(app.quit);
    assert!(
        fx.iter().any(|f| matches!(
            f,
            Effect::Desk(DeskEffect::SaveBox {
                value: crate::desk::BoxValue::Count(Some(7)),
                ..
            })
        )),
        "{fx:?}"
    );
}

#[test]
fn back_at_the_station_list_the_cursor_is_on_the_station_just_left() {
    let mut app = app();
    app.update(Msg::Char('3'));
    assert_eq!(app.update(Msg::Confirm), vec![Effect::OpenStation(3)]);
    let record = CountRecord::empty(&app.election, 3, EntryMode::Counting);
    app.update(Msg::Opened(record));
    app.update(Msg::Back);
    app.update(Msg::Char('j'));
    assert_eq!(app.screen.kind(), ScreenKind::Stations);
    assert!(!app.in_text(), "the filter is empty again");
    assert_eq!(app.update(Msg::Confirm), vec![Effect::OpenStation(3)]);
}

#[test]
fn back_from_the_board_the_cursor_is_on_the_station_chosen_there() {
    use crate::board::Board;
    use crate::storage::board::StationFacts;
    use crate::tui::board::BoardMsg;
    use crate::verification::PhoneStatus;
    let mut app = app();
    app.update(Msg::Board(BoardMsg::Show));
    let nothing_yet = |s: &crate::election::PollingStation| StationFacts {
        station: s.number,
        record: None,
        phone: PhoneStatus::NotReceived,
        phoned_at: None,
        quick_verified: None,
        entry: None,
    };
    let facts = app.election.stations.iter().map(nothing_yet).collect();
    let board = Board::build(&app.election, facts);
    assert_eq!(board.rows.len(), 3, "every station of the demo has a row");
    app.update(Msg::Board(BoardMsg::Loaded(board)));
    app.update(Msg::Board(BoardMsg::Next));
    app.update(Msg::Board(BoardMsg::Next));
    app.update(Msg::Board(BoardMsg::Back));
    assert_eq!(app.screen.kind(), ScreenKind::Stations);
    assert_eq!(app.update(Msg::Confirm), vec![Effect::OpenStation(3)]);
}
