//! The status board and its scan field, in Dutch and English, at 80x24, on the real
//! count of West Maas en Waal 2022 (insta snapshots of ratatui's TestBackend).

use crate::support::eml::{import_counts, ok, wmw_230b, wmw_510b};
use crate::support::screen::render;
use telraam::annex::qr;
use telraam::board::Board;
use telraam::result_file;
use telraam::settings::Language;
use telraam::storage::Workspace;
use telraam::tui::board::BoardMsg;
use telraam::tui::{App, Msg, ScreenKind};

/// The board of the real count (every station imported from its 510b), as the
/// runtime would load it, and the workspace it came from.
fn wmw(language: Language) -> (App, Workspace, tempfile::TempDir) {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path().join("wmw");
    ok(&import_counts(
        home.path(),
        &dir,
        &wmw_510b(),
        &wmw_230b(),
        None,
    ));
    let ws = Workspace::open_read_only(&dir).expect("workspace");
    let mut app = App::new(ws.election().clone(), language, &[], None);
    app.update(Msg::Board(BoardMsg::Show));
    assert_eq!(app.screen.kind(), ScreenKind::Board);
    let board = Board::load(&ws).expect("the board");
    app.update(Msg::Board(BoardMsg::Loaded(board)));
    (app, ws, home)
}

fn send(app: &mut App, msgs: &[BoardMsg]) {
    for m in msgs {
        app.update(Msg::Board(m.clone()));
    }
}

/// What a hand scanner types for one QR code: its text and an Enter.
fn scan(app: &mut App, text: &str) {
    for c in text.chars() {
        let m = if c == '\n' {
            BoardMsg::Enter
        } else {
            BoardMsg::Char(c)
        };
        app.update(Msg::Board(m));
    }
    app.update(Msg::Board(BoardMsg::Enter));
}

#[test]
fn the_board_of_the_real_count_with_the_station_to_look_at_again_chosen() {
    let (mut app, _ws, _home) = wmw(Language::Dutch);
    send(&mut app, &[BoardMsg::Next, BoardMsg::Next, BoardMsg::Next]);
    insta::assert_snapshot!("nl_board_wmw", render(&app));
}

#[test]
fn the_board_filtered_to_a_second_look_in_english() {
    let (mut app, _ws, _home) = wmw(Language::English);
    send(&mut app, &[BoardMsg::PrevFilter, BoardMsg::PrevFilter]);
    insta::assert_snapshot!("en_board_second_look", render(&app));
    send(&mut app, &[BoardMsg::NextFilter, BoardMsg::NextFilter]);
    for c in "hanz".chars() {
        app.update(Msg::Board(BoardMsg::Char(c)));
    }
    insta::assert_snapshot!("en_board_search", render(&app));
}

#[test]
fn the_scan_field_counts_the_parts_names_the_missing_and_refuses_another_station() {
    let (mut app, ws, _home) = wmw(Language::Dutch);
    let five = ws.record(5).expect("read").expect("station 5");
    let six = ws.record(6).expect("read").expect("station 6");
    let parts = qr::part_texts(&result_file::to_toml(&five));
    let other = qr::part_texts(&result_file::to_toml(&six));
    assert!(parts.len() >= 3, "{} parts", parts.len());
    send(&mut app, &[BoardMsg::Scan]);
    scan(&mut app, &parts[1]);
    scan(&mut app, &other[0]);
    insta::assert_snapshot!("nl_scan_refused", render(&app));
}
