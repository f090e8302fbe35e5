//! The keys of the phone screens (the receiving side's phone check and the station's
//! read-aloud screen), as part of the App's pure `update`. Their state is
//! [`crate::tui::phone::PhoneState`]; the domain is [`crate::verification::receive`].

use super::{App, Effect, Msg, Notice, Screen};
use crate::record::MAX_COUNT;
use crate::tui::phone::{PhoneNotice, PhoneScreen};
use crate::verification::{CodeError, Outcome, PhoneCheck, PhoneItem};

impl App {
    /// Opens the phone-check overview (F2 on the station screen).
    pub fn open_phone_overview(&mut self, fx: &mut Vec<Effect>) {
        self.screen = Screen::Phone(PhoneScreen::Overview);
        self.phone.check = None;
        self.phone.input.clear();
        fx.push(Effect::LoadPhoneOverview);
    }

    /// Keys on the phone screens.
    pub fn on_phone(&mut self, screen: PhoneScreen, msg: Msg, fx: &mut Vec<Effect>) {
        match screen {
            PhoneScreen::Overview => self.on_phone_overview(msg, fx),
            PhoneScreen::Figures => self.on_phone_figures(msg, fx),
            PhoneScreen::Code => self.on_phone_code(msg, fx),
        }
    }

    /// Keys on the read-aloud screen: scroll, back to the Done screen.
    pub fn on_read_aloud(&mut self, msg: Msg) {
        match msg {
            Msg::Next => self.phone.scroll = self.phone.scroll.saturating_add(1),
            Msg::Prev => self.phone.scroll = self.phone.scroll.saturating_sub(1),
            Msg::Back | Msg::Confirm | Msg::PrevStep => self.screen = Screen::Done,
            _ => {}
        }
    }

    /// Starts the phone check of `station` (from the overview, or the status board).
    pub fn start_phone_check(&mut self, station: u32) {
        if let Some(check) = PhoneCheck::new(&self.election, station) {
            self.phone.check = Some(check);
            self.phone.item = 0;
            self.phone.input.clear();
            self.phone.stored = None;
            self.screen = Screen::Phone(PhoneScreen::Figures);
        }
    }

    fn on_phone_overview(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        let count = self.phone.overview.len();
        match msg {
            Msg::Next if self.phone.cursor + 1 < count => self.phone.cursor += 1,
            Msg::Prev => self.phone.cursor = self.phone.cursor.saturating_sub(1),
            Msg::Confirm => {
                let station = self
                    .phone
                    .overview
                    .get(self.phone.cursor)
                    .map(|s| s.station);
                if let Some(station) = station {
                    self.start_phone_check(station);
                }
            }
            Msg::Back => self.leave_station(fx),
            _ => {}
        }
    }

    fn on_phone_figures(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        let items = self.phone.items();
        let item = items.get(self.phone.item).copied();
        match (item, msg) {
            (Some(PhoneItem::Count(_)), Msg::Char(c)) => self.phone_digit(c),
            (Some(PhoneItem::Mark(_)), Msg::Char(c)) => self.notice = Some(Notice::NotADigit(c)),
            (_, Msg::Erase) => {
                self.phone.input.pop();
            }
            (Some(PhoneItem::Count(field)), Msg::Clear) => {
                self.phone.input.clear();
                if let Some(check) = &mut self.phone.check {
                    check.set_figure(field, None);
                }
            }
            (_, Msg::Confirm | Msg::Next) => {
                self.phone_commit(item);
                if self.phone.item + 1 < items.len() {
                    self.phone.item += 1;
                } else {
                    self.open_phone_code(fx);
                }
            }
            (_, Msg::Prev) => {
                self.phone_commit(item);
                self.phone.item = self.phone.item.saturating_sub(1);
            }
            (_, Msg::NextStep) => {
                self.phone_commit(item);
                self.open_phone_code(fx);
            }
            (_, Msg::Back) => {
                if !self.phone.input.is_empty() {
                    self.phone.input.clear();
                } else {
                    self.screen = Screen::Phone(PhoneScreen::Overview);
                }
            }
            _ => {}
        }
    }

    fn phone_digit(&mut self, c: char) {
        if !c.is_ascii_digit() {
            self.notice = Some(Notice::NotADigit(c));
            return;
        }
        let mut typed = self.phone.input.clone();
        typed.push(c);
        let trimmed = typed.trim_start_matches('0');
        let typed = if trimmed.is_empty() { "0" } else { trimmed };
        match typed.parse::<u64>() {
            Ok(v) if v <= MAX_COUNT => self.phone.input = typed.to_string(),
            _ => self.notice = Some(Notice::TooLarge),
        }
    }

    /// Puts what was typed into the heard record. An empty input changes nothing:
    /// a box read as "leeg" stays empty; a 0 must be typed.
    fn phone_commit(&mut self, item: Option<PhoneItem>) {
        let typed = std::mem::take(&mut self.phone.input);
        if let (Some(PhoneItem::Count(field)), Ok(value), Some(check)) =
            (item, typed.parse::<u64>(), &mut self.phone.check)
        {
            check.set_figure(field, Some(value));
        }
    }

    fn open_phone_code(&mut self, fx: &mut Vec<Effect>) {
        self.screen = Screen::Phone(PhoneScreen::Code);
        self.phone.input.clear();
        self.phone_outcome(fx);
    }

    fn on_phone_code(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Char('-') => {}
            Msg::Char(c) if c.is_ascii_digit() => {
                self.phone.input.push(c);
                if self.phone.input.len() == 5 {
                    self.phone_group(fx);
                }
            }
            Msg::Char(c) => self.notice = Some(Notice::NotADigit(c)),
            Msg::Erase => {
                if self.phone.input.pop().is_none()
                    && let Some(check) = &mut self.phone.check
                {
                    check.undo_group();
                    self.phone.stored = None;
                }
            }
            Msg::Confirm => {
                if !self.phone.input.is_empty() {
                    self.phone_group(fx);
                    return;
                }
                let outcome = self.phone.check.as_ref().map(PhoneCheck::outcome);
                match outcome {
                    Some(Outcome::QuickDiffers) => {
                        // Back to the first figure: read the quick report again.
                        if let Some(check) = &mut self.phone.check {
                            check.clear_code();
                        }
                        self.phone.stored = None;
                        self.phone.item = 0;
                        self.screen = Screen::Phone(PhoneScreen::Figures);
                    }
                    Some(Outcome::Done) => self.open_phone_overview(fx),
                    _ => {}
                }
            }
            Msg::PrevStep => self.screen = Screen::Phone(PhoneScreen::Figures),
            Msg::Back => {
                if !self.phone.input.is_empty() {
                    self.phone.input.clear();
                } else {
                    self.screen = Screen::Phone(PhoneScreen::Figures);
                }
            }
            _ => {}
        }
    }

    /// Hands the typed group to the check: refused at once when its check digit fails.
    fn phone_group(&mut self, fx: &mut Vec<Effect>) {
        let typed = std::mem::take(&mut self.phone.input);
        let Some(check) = &mut self.phone.check else {
            return;
        };
        match check.type_group(&typed) {
            Ok(_) => self.phone_outcome(fx),
            Err(CodeError::CheckDigit { group }) => {
                self.notice = Some(Notice::Phone(PhoneNotice::GroupRefused(group)));
            }
            Err(CodeError::Malformed { group, .. }) => {
                self.notice = Some(Notice::Phone(PhoneNotice::GroupIncomplete(group)));
            }
            Err(CodeError::GroupCount { .. }) => {}
        }
    }

    /// Says where the check stands; a quick report that differs and a finished check
    /// are each stored once.
    fn phone_outcome(&mut self, fx: &mut Vec<Effect>) {
        let Some(check) = &self.phone.check else {
            return;
        };
        let outcome = check.outcome();
        let notice = match &outcome {
            Outcome::TypingRecord { typed: 0 } => Some(PhoneNotice::QuickVerified),
            Outcome::QuickDiffers => Some(PhoneNotice::QuickDiffers),
            Outcome::Done => Some(PhoneNotice::Stored),
            _ => None,
        };
        if let Some(n) = notice {
            self.notice = Some(Notice::Phone(n));
        }
        let finished = matches!(outcome, Outcome::QuickDiffers | Outcome::Done);
        if finished && self.phone.stored.as_ref() != Some(&outcome) {
            fx.push(Effect::RecordPhoneCheck {
                station: check.station(),
                check: check.to_event(),
            });
            self.phone.stored = Some(outcome);
        }
    }
}

#[cfg(test)]
#[path = "phone_tests.rs"]
mod tests;
