//! Routing to the phone check (the receiving side: its own component with its own
//! state and `update`, see [`crate::tui::phone`]) and the keys of the station's
//! read-aloud screen.

use super::{App, Effect, Msg, Notice, Screen};
use crate::tui::phone::{PhoneMsg, Reply};

impl App {
    /// Opens the phone-check overview (F2 on the station screen).
    pub fn open_phone_overview(&mut self, fx: &mut Vec<Effect>) {
        self.screen = Screen::Phone;
        let reply = self.phone.open();
        self.phone_replies(vec![reply], fx);
    }

    /// Starts the phone check of `station` (from the status board).
    pub fn start_phone_check(&mut self, station: u32) {
        if self.phone.start(&self.election, station) {
            self.screen = Screen::Phone;
        }
    }

    /// Hands a message to the phone check's own `update` and does what it asks.
    pub(super) fn on_phone(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        let msg = match msg {
            Msg::Char(c) => PhoneMsg::Char(c),
            Msg::Confirm => PhoneMsg::Confirm,
            Msg::Next => PhoneMsg::Next,
            Msg::Prev => PhoneMsg::Prev,
            Msg::NextStep => PhoneMsg::NextStep,
            Msg::PrevStep => PhoneMsg::PrevStep,
            Msg::Erase => PhoneMsg::Erase,
            Msg::Clear => PhoneMsg::Clear,
            Msg::Back => PhoneMsg::Back,
            Msg::PhoneOverview(overview) => PhoneMsg::Loaded(overview),
            _ => return,
        };
        let replies = self.phone.update(&self.election, msg);
        self.phone_replies(replies, fx);
    }

    fn phone_replies(&mut self, replies: Vec<Reply>, fx: &mut Vec<Effect>) {
        for reply in replies {
            match reply {
                Reply::Load => fx.push(Effect::LoadPhoneOverview),
                Reply::Record { station, check } => {
                    fx.push(Effect::RecordPhoneCheck { station, check });
                }
                Reply::Say(notice) => self.notice = Some(Notice::Phone(notice)),
                Reply::NotADigit(c) => self.notice = Some(Notice::NotADigit(c)),
                Reply::TooLarge => self.notice = Some(Notice::TooLarge),
                Reply::Leave => self.leave_station(fx),
            }
        }
    }

    /// Keys on the read-aloud screen: scroll, back to the Done screen.
    pub(super) fn on_read_aloud(&mut self, msg: Msg) {
        let Screen::ReadAloud { scroll } = &mut self.screen else {
            return;
        };
        match msg {
            Msg::Next => *scroll = scroll.saturating_add(1),
            Msg::Prev => *scroll = scroll.saturating_sub(1),
            Msg::Back | Msg::Confirm | Msg::PrevStep => self.screen = Screen::Done,
            _ => {}
        }
    }
}

#[cfg(test)]
#[path = "phone_tests.rs"]
mod tests;
