//! Every key binding in one place: a terminal key event becomes a [`Msg`].
//!
//! The conventions follow what count staff already know from Abacus: Enter, Tab
//! and Down go to the next field, Shift-Tab and Up to the previous one, an empty
//! count confirmed with Enter is a 0.

use super::app::{App, DoneAction, Msg, Screen, ScreenKind};
use super::board::BoardMsg;
use super::desk::DeskMsg;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The actions of the Done screen and their keys. Add the verification code and the
/// annex here (and in `DoneAction`, `text::done_action`, `App::done_action`).
pub const DONE_ACTIONS: &[(char, DoneAction)] = &[
    ('v', DoneAction::ReadAloud),
    ('p', DoneAction::Annex),
    ('c', DoneAction::Correct),
];

/// The function key of the step bar's first step: F3 Kiezers, F4 Stemmen, … (F1 is
/// help, F2 the phone check).
pub const FIRST_STEP_KEY: u8 = 3;

/// F9 on the station screen: the desk of the chosen station ("proces-verbaal
/// overnemen", double entry).
pub const DESK_KEY: u8 = 9;
/// On the desk's typing screen: the rules' findings on the typed paper.
pub const DESK_RULES_KEY: u8 = 7;
/// On the desk's typing screen: the entry is complete (or its re-check done).
pub const DESK_FINISH_KEY: u8 = 8;

/// F4 on the station screen: the status board of every station (the step keys
/// F3-F8 mean nothing there, no station being open).
pub const BOARD_KEY: u8 = 4;
/// On the board: the scan field for the annex's QR codes.
pub const SCAN_KEY: u8 = 5;

/// The board's keys: a search typed, the rows, the filters, the next step of a
/// station; in the scan field everything the scanner types (Enter as a line break).
fn board_message(app: &App, key: KeyEvent) -> Option<Msg> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let scanning = app.board.scan.is_some();
    let m = match key.code {
        // A scanner that sends a line feed instead of Enter.
        KeyCode::Char('j' | 'J') if ctrl => BoardMsg::Enter,
        KeyCode::Char(_) if ctrl => return None,
        KeyCode::Enter => BoardMsg::Enter,
        KeyCode::Esc => BoardMsg::Back,
        KeyCode::Char(c) if scanning || app.in_text() => BoardMsg::Char(c),
        KeyCode::Char('?') => return Some(Msg::Help),
        KeyCode::Char('q' | 'Q') => return Some(Msg::Quit),
        KeyCode::Char(c) => BoardMsg::Char(c),
        _ if scanning => return None,
        KeyCode::Backspace => BoardMsg::Erase,
        KeyCode::Down | KeyCode::Tab => BoardMsg::Next,
        KeyCode::Up | KeyCode::BackTab => BoardMsg::Prev,
        KeyCode::PageDown => BoardMsg::PageDown,
        KeyCode::PageUp => BoardMsg::PageUp,
        KeyCode::Right => BoardMsg::NextFilter,
        KeyCode::Left => BoardMsg::PrevFilter,
        KeyCode::F(2) => BoardMsg::Phone,
        KeyCode::F(SCAN_KEY) => BoardMsg::Scan,
        KeyCode::F(DESK_KEY) => BoardMsg::Desk,
        // Read the board again (after it could not be read, say).
        KeyCode::F(BOARD_KEY) => BoardMsg::Show,
        _ => return None,
    };
    Some(Msg::Board(m))
}

/// Translates a key press; `None` for keys that mean nothing here (and releases).
pub fn message(app: &App, key: KeyEvent) -> Option<Msg> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c' | 'C')) {
        return Some(Msg::Quit);
    }
    let text = app.in_text();
    if app.screen == Screen::Board && app.dialog.is_none() && key.code != KeyCode::F(1) {
        return board_message(app, key);
    }
    let stations = app.screen.kind() == ScreenKind::Stations;
    let msg = match key.code {
        KeyCode::F(1) => Msg::Help,
        // The status board of every station.
        KeyCode::F(BOARD_KEY) if stations => Msg::Board(BoardMsg::Show),
        // The phone check (telefonische controle) at the municipality.
        KeyCode::F(2) if stations => Msg::PhoneCheck,
        // The desk (proces-verbaal overnemen, double entry) of the chosen station.
        KeyCode::F(DESK_KEY) if stations => Msg::Desk(DeskMsg::OpenChosen),
        // On the desk's typing screen: the rules' findings, and "entry complete".
        KeyCode::F(DESK_RULES_KEY) if app.screen == Screen::Desk => Msg::Desk(DeskMsg::Rules),
        KeyCode::F(DESK_FINISH_KEY) if app.screen == Screen::Desk => Msg::Desk(DeskMsg::Finish),
        // The step bar: straight to a step of the open station.
        KeyCode::F(n)
            if n >= FIRST_STEP_KEY
                && (app.step().is_some() || app.screen == Screen::Done)
                && usize::from(n - FIRST_STEP_KEY) < app.tabs().len() =>
        {
            Msg::GoToTab(usize::from(n - FIRST_STEP_KEY))
        }
        KeyCode::Enter => Msg::Confirm,
        KeyCode::Tab | KeyCode::Down => Msg::Next,
        KeyCode::BackTab | KeyCode::Up => Msg::Prev,
        KeyCode::PageDown => Msg::NextStep,
        KeyCode::PageUp => Msg::PrevStep,
        KeyCode::Backspace => Msg::Erase,
        KeyCode::Delete => Msg::Clear,
        KeyCode::Esc => Msg::Back,
        KeyCode::Char(' ') => Msg::Toggle,
        KeyCode::Char(_) if ctrl => return None,
        KeyCode::Char(c) if text => Msg::Char(c),
        KeyCode::Char('?') => Msg::Help,
        KeyCode::Char('q' | 'Q') if app.dialog.is_none() => Msg::Quit,
        KeyCode::Char(c) if app.screen == Screen::Done && app.dialog.is_none() => {
            match DONE_ACTIONS
                .iter()
                .find(|(k, _)| *k == c.to_ascii_lowercase())
            {
                Some((_, action)) => Msg::Done(*action),
                None => return None,
            }
        }
        KeyCode::Char(c) => Msg::Char(c),
        _ => return None,
    };
    Some(msg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::election::Election;
    use crate::settings::Language;

    fn press(app: &App, code: KeyCode) -> Option<Msg> {
        message(app, KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn q_asks_to_quit_but_is_a_letter_in_a_search_text() {
        let mut app = App::new(Election::demo(), Language::Dutch, &[], None);
        assert_eq!(press(&app, KeyCode::Char('q')), Some(Msg::Quit));
        app.update(Msg::Char('s'));
        assert_eq!(press(&app, KeyCode::Char('q')), Some(Msg::Char('q')));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(message(&app, ctrl_c), Some(Msg::Quit));
    }

    #[test]
    fn enter_tab_and_arrows_move_between_fields() {
        let app = App::new(Election::demo(), Language::Dutch, &[], None);
        assert_eq!(press(&app, KeyCode::Enter), Some(Msg::Confirm));
        assert_eq!(press(&app, KeyCode::Tab), Some(Msg::Next));
        assert_eq!(press(&app, KeyCode::BackTab), Some(Msg::Prev));
        assert_eq!(press(&app, KeyCode::F(1)), Some(Msg::Help));
        assert_eq!(press(&app, KeyCode::Char('?')), Some(Msg::Help));
    }

    #[test]
    fn function_keys_from_f3_jump_to_the_steps_of_the_bar() {
        let mut app = App::new(Election::demo(), Language::Dutch, &[], None);
        assert_eq!(press(&app, KeyCode::F(3)), None, "no station open yet");
        let record =
            crate::record::CountRecord::empty(&app.election, 1, crate::record::EntryMode::Counting);
        app.update(Msg::Opened(record));
        assert_eq!(press(&app, KeyCode::F(3)), Some(Msg::GoToTab(0)));
        assert_eq!(press(&app, KeyCode::F(8)), Some(Msg::GoToTab(5)));
        assert_eq!(press(&app, KeyCode::F(9)), None, "six steps in the bar");
    }

    #[test]
    fn on_the_board_letters_search_arrows_filter_and_in_the_scan_field_everything_is_text() {
        let mut app = App::new(Election::demo(), Language::Dutch, &[], None);
        assert_eq!(
            press(&app, KeyCode::F(BOARD_KEY)),
            Some(Msg::Board(BoardMsg::Show))
        );
        app.update(Msg::Board(BoardMsg::Show));
        assert_eq!(press(&app, KeyCode::Char('q')), Some(Msg::Quit));
        assert_eq!(
            press(&app, KeyCode::Char('w')),
            Some(Msg::Board(BoardMsg::Char('w')))
        );
        assert_eq!(
            press(&app, KeyCode::Right),
            Some(Msg::Board(BoardMsg::NextFilter))
        );
        assert_eq!(press(&app, KeyCode::F(1)), Some(Msg::Help));
        assert_eq!(
            press(&app, KeyCode::F(SCAN_KEY)),
            Some(Msg::Board(BoardMsg::Scan))
        );
        app.update(Msg::Board(BoardMsg::Scan));
        // A scanner's text: q, ? and a line feed are part of it.
        assert_eq!(
            press(&app, KeyCode::Char('q')),
            Some(Msg::Board(BoardMsg::Char('q')))
        );
        assert_eq!(
            press(&app, KeyCode::Char('?')),
            Some(Msg::Board(BoardMsg::Char('?')))
        );
        let line_feed = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL);
        assert_eq!(message(&app, line_feed), Some(Msg::Board(BoardMsg::Enter)));
        assert_eq!(press(&app, KeyCode::Right), None);
    }
}
