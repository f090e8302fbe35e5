//! Routing to the screens with their own state: the status board, the desk, and
//! the station list (choosing a station to open).

use super::*;

impl App {
    /// Hands a message to the board's own `update` and does what it asks.
    pub(super) fn on_board(&mut self, msg: BoardMsg, fx: &mut Vec<Effect>) {
        use board_screen::{Outcome, Request};
        if msg == BoardMsg::Show {
            self.record = None;
            self.saved = None;
            self.screen = Screen::Board;
        }
        match self.board.update(msg) {
            Outcome::Nothing => {}
            Outcome::Load => fx.push(Effect::Board(Request::Load)),
            Outcome::Import(text) => fx.push(Effect::Board(Request::Import(text))),
            Outcome::OpenStation(station) => fx.push(Effect::OpenStation(station)),
            Outcome::PhoneCheck(station) => {
                self.start_phone_check(station);
                self.board.return_here = true;
            }
            Outcome::Desk(station) => {
                self.open_desk(station, fx);
                self.board.return_here = true;
            }
            Outcome::Leave => self.go_stations(),
        }
    }

    /// Hands a message to the desk's own `update` (as the desk's own message);
    /// back to the stations when it is left.
    pub(super) fn on_desk(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        let msg = match msg {
            Msg::Desk(m) => m,
            Msg::Char(c) => DeskMsg::Char(c),
            Msg::Toggle => DeskMsg::Toggle,
            Msg::Erase => DeskMsg::Erase,
            Msg::Clear => DeskMsg::Clear,
            Msg::Confirm => DeskMsg::Confirm,
            Msg::Next => DeskMsg::Next,
            Msg::Prev => DeskMsg::Prev,
            Msg::NextStep => DeskMsg::PageDown,
            Msg::PrevStep => DeskMsg::PageUp,
            Msg::Back => DeskMsg::Back,
            // Nothing else reaches the desk (help and quit are the App's own).
            _ => return,
        };
        fx.extend(
            self.desk
                .update(&self.election, msg)
                .into_iter()
                .map(Effect::Desk),
        );
        // The station list says where the open station stands at the desk.
        if let (Some(station), Some(desk)) = (self.desk.station, &self.desk.desk)
            && desk.station == station
        {
            match desk.stage() {
                crate::desk::Stage::NoEntry => self.desk_stages.remove(&station),
                stage => self.desk_stages.insert(station, stage),
            };
        }
        if self.desk.leave {
            self.desk.leave = false;
            self.leave_station(fx);
        }
    }

    /// Leaves a station's desk or phone check: back to the board when it was opened
    /// from there, else to the station screen.
    pub(super) fn leave_station(&mut self, fx: &mut Vec<Effect>) {
        if self.board.return_here {
            self.on_board(BoardMsg::Show, fx);
        } else {
            self.go_stations();
        }
    }

    /// Opens the desk for `station` (F9 on the station screen, or a transcribed
    /// record opened from it).
    pub(super) fn open_desk(&mut self, station: u32, fx: &mut Vec<Effect>) {
        self.record = None;
        self.saved = None;
        self.screen = Screen::Desk;
        fx.extend(self.desk.open(station).into_iter().map(Effect::Desk));
    }

    // ----- station choice -----

    pub(super) fn on_stations(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        let Screen::Stations(list) = &mut self.screen else {
            return;
        };
        let matching = list.matching(&self.election);
        let matches = matching.len();
        let chosen = matching.get(list.cursor).map(|s| s.number);
        match msg {
            Msg::PhoneCheck => self.open_phone_overview(fx),
            Msg::Board(m @ BoardMsg::Show) => self.on_board(m, fx),
            Msg::Desk(DeskMsg::OpenChosen) => match chosen {
                Some(n) => self.open_desk(n, fx),
                None => self.notice = Some(Notice::NoStationMatches),
            },
            Msg::Char(c) => {
                list.filter.push(c);
                list.cursor = 0;
                if list.matching(&self.election).is_empty() {
                    self.notice = Some(Notice::NoStationMatches);
                }
            }
            Msg::Toggle => list.filter.push(' '),
            Msg::Erase => {
                list.filter.pop();
                list.cursor = 0;
            }
            Msg::Back => {
                if list.filter.is_empty() {
                    self.dialog = Some(Dialog::Quit);
                } else {
                    list.filter.clear();
                    list.cursor = 0;
                }
            }
            Msg::Next if list.cursor + 1 < matches => list.cursor += 1,
            Msg::Prev => list.cursor = list.cursor.saturating_sub(1),
            Msg::Confirm => match chosen {
                Some(n) => {
                    list.filter.clear();
                    fx.push(Effect::OpenStation(n));
                }
                None => self.notice = Some(Notice::NoStationMatches),
            },
            _ => {}
        }
    }
}
