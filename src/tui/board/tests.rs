use super::*;
use crate::board::{Board, Phase, Row};
use crate::verification::receive::PhoneStatus;

fn row(station: u32, name: &str, phase: Phase) -> Row {
    Row {
        station,
        name: name.into(),
        phase,
        phone: PhoneStatus::NotReceived,
        quick_verified: None,
        phoned_at: None,
        record: None,
        desk: None,
        second_look: Vec::new(),
    }
}

fn loaded() -> BoardState {
    let mut state = BoardState::default();
    assert_eq!(state.update(BoardMsg::Show), Outcome::Load);
    state.update(BoardMsg::Loaded(Board {
        rows: vec![
            row(1, "Dorpshuis De Hucht", Phase::NotReceived),
            row(2, "Gemeentehuis", Phase::Phoned),
            row(12, "VTC Wamel", Phase::Received),
        ],
    }));
    state
}

#[test]
fn enter_opens_each_station_at_its_next_step() {
    let mut state = loaded();
    assert_eq!(state.update(BoardMsg::Enter), Outcome::PhoneCheck(1));
    state.update(BoardMsg::Next);
    assert_eq!(state.update(BoardMsg::Enter), Outcome::Nothing);
    let scan = state
        .scan
        .as_ref()
        .expect("phoned: the record is next, scan it");
    assert_eq!(scan.expected, Some(2));
    assert_eq!(state.update(BoardMsg::Back), Outcome::Nothing);
    assert!(state.scan.is_none());
    state.update(BoardMsg::Next);
    assert_eq!(state.update(BoardMsg::Enter), Outcome::OpenStation(12));
    assert_eq!(state.update(BoardMsg::Phone), Outcome::PhoneCheck(12));
}

#[test]
fn search_and_filter_choose_the_rows_and_esc_clears_then_leaves() {
    let mut state = loaded();
    state.update(BoardMsg::Char('w'));
    state.update(BoardMsg::Char('a'));
    let shown: Vec<u32> = state.visible().iter().map(|r| r.station).collect();
    assert_eq!(shown, [12]);
    assert!(state.in_text());
    assert_eq!(state.update(BoardMsg::Back), Outcome::Nothing);
    assert_eq!(state.visible().len(), 3);
    state.update(BoardMsg::NextFilter);
    assert_eq!(
        state.filter,
        crate::board::Filter::Phase(Phase::NotReceived)
    );
    assert_eq!(state.visible().len(), 1);
    state.update(BoardMsg::PrevFilter);
    state.update(BoardMsg::PrevFilter);
    assert_eq!(state.filter, crate::board::Filter::PhoneDiffers);
    assert!(state.visible().is_empty());
    assert_eq!(state.update(BoardMsg::Enter), Outcome::Nothing);
    assert_eq!(state.update(BoardMsg::Back), Outcome::Leave);
}

#[test]
fn a_scanner_typing_into_the_search_opens_the_scan_field() {
    let mut state = loaded();
    for c in "telraam-qr 2/3 station=2".chars() {
        state.update(BoardMsg::Char(c));
    }
    assert!(state.search.is_empty());
    let scan = state.scan.as_ref().expect("scan field");
    assert!(scan.assembly.typing());
}

#[test]
fn in_the_app_f4_loads_the_board_enter_starts_the_phone_check_and_esc_goes_back() {
    use crate::election::Election;
    use crate::settings::Language;
    use crate::tui::app::{App, Effect, Msg, Screen, ScreenKind};
    use crate::tui::keys::{BOARD_KEY, message};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = App::new(Election::demo(), Language::Dutch, &[], None);
    let f4 = message(
        &app,
        KeyEvent::new(KeyCode::F(BOARD_KEY), KeyModifiers::NONE),
    )
    .expect("F4 means something on the station screen");
    let fx = app.update(f4);
    assert_eq!(app.screen.kind(), ScreenKind::Board);
    assert_eq!(fx, [Effect::Board(Request::Load)]);
    let rows = app
        .election
        .stations
        .iter()
        .map(|s| row(s.number, &s.name, Phase::NotReceived))
        .collect();
    app.update(Msg::Board(BoardMsg::Loaded(Board { rows })));
    app.update(Msg::Board(BoardMsg::Back));
    assert_eq!(app.screen.kind(), ScreenKind::Stations);
    app.update(Msg::Board(BoardMsg::Show));
    assert_eq!(app.screen.kind(), ScreenKind::Board);
    app.update(Msg::Board(BoardMsg::Enter));
    assert!(matches!(
        (&app.screen, &app.phone.screen),
        (Screen::Phone, crate::tui::PhoneScreen::Figures(_))
    ));
}

#[test]
fn leaving_a_desk_or_phone_check_opened_from_the_board_comes_back_to_the_board() {
    use crate::election::Election;
    use crate::settings::Language;
    use crate::tui::app::{App, Effect, Msg, Screen, ScreenKind};
    let mut app = App::new(Election::demo(), Language::Dutch, &[], None);
    let rows = app
        .election
        .stations
        .iter()
        .map(|s| row(s.number, &s.name, Phase::NotReceived))
        .collect();
    app.update(Msg::Board(BoardMsg::Show));
    app.update(Msg::Board(BoardMsg::Loaded(Board { rows })));
    // Enter on a station nobody has phoned: its phone check; Esc back to its overview,
    // Esc again: the board, loaded afresh.
    app.update(Msg::Board(BoardMsg::Enter));
    assert!(matches!(
        (&app.screen, &app.phone.screen),
        (Screen::Phone, crate::tui::PhoneScreen::Figures(_))
    ));
    app.update(Msg::Back);
    assert!(matches!(
        (&app.screen, &app.phone.screen),
        (Screen::Phone, crate::tui::PhoneScreen::Overview)
    ));
    let fx = app.update(Msg::Back);
    assert_eq!(app.screen.kind(), ScreenKind::Board);
    assert!(fx.contains(&Effect::Board(Request::Load)));
    // The board leads to the station screen; from there the phone check's Esc goes back
    // to the station screen, as before.
    app.update(Msg::Board(BoardMsg::Back));
    assert_eq!(app.screen.kind(), ScreenKind::Stations);
    app.update(Msg::PhoneCheck);
    assert!(matches!(
        (&app.screen, &app.phone.screen),
        (Screen::Phone, crate::tui::PhoneScreen::Overview)
    ));
    app.update(Msg::Back);
    assert_eq!(app.screen.kind(), ScreenKind::Stations);
    // A desk opened from the board: leaving it comes back to the board.
    app.update(Msg::Board(BoardMsg::Show));
    app.update(Msg::Board(BoardMsg::Desk));
    assert_eq!(app.screen.kind(), ScreenKind::Desk);
    let fx = app.update(Msg::Back);
    assert_eq!(app.screen.kind(), ScreenKind::Board);
    assert!(fx.contains(&Effect::Board(Request::Load)));
}

#[test]
fn a_board_that_cannot_be_read_says_why_and_does_not_ask_again_by_itself() {
    let mut state = loaded();
    state.update(BoardMsg::Scan);
    assert!(state.scan.is_some());
    // While scanning, a failed read is not an import: no reload follows it.
    assert_eq!(
        state.update(BoardMsg::LoadFailed("schijf weg".into())),
        Outcome::Nothing
    );
    state.update(BoardMsg::Back);
    assert_eq!(
        state.update(BoardMsg::LoadFailed("schijf weg".into())),
        Outcome::Nothing
    );
    assert!(state.board.is_none(), "no stale board beside the reason");
    assert_eq!(state.load_failed.as_deref(), Some("schijf weg"));
    // F4 asks again; a board read clears the reason.
    assert_eq!(state.update(BoardMsg::Show), Outcome::Load);
    state.update(BoardMsg::Loaded(Board { rows: vec![] }));
    assert!(state.load_failed.is_none());
}
