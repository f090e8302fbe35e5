//! The receiving side's phone check ("telefonische controle") as its own component:
//! its state ([`PhoneState`]), its messages ([`PhoneMsg`]) and its pure
//! [`PhoneState::update`], which says what the App must do ([`Reply`]). The
//! screens: the overview of every station's phone status, typing the quick report
//! as it is read, then the quick-report code and the record code group by group.
//! A call in progress ([`Call`]) lives in the screen that types it, so the figures
//! and code screens always have one. The domain is
//! [`crate::verification::receive`]; the drawing is `phone_view.rs`.

use crate::election::Election;
use crate::event::PhoneCheckEvent;
use crate::record::MAX_COUNT;
use crate::storage::phone::StationPhoneStatus;
use crate::verification::{CodeError, Outcome, PhoneCheck, PhoneItem};

/// The state of the phone check: it outlives a visit, so that the overview keeps
/// its place when the receiver comes back.
#[derive(Debug, Clone, Default)]
pub struct PhoneState {
    /// Every station and its status, as the workspace last said.
    pub overview: Vec<StationPhoneStatus>,
    /// The chosen row of the overview.
    pub cursor: usize,
    pub screen: PhoneScreen,
}

/// The three screens of the phone check.
#[derive(Debug, Clone, Default)]
pub enum PhoneScreen {
    /// Every station with its status: not received / received / verified / differs.
    #[default]
    Overview,
    /// Typing the figures as they are read.
    Figures(Call),
    /// Typing the code, group by group.
    Code(Call),
}

/// One station's call in progress.
#[derive(Debug, Clone)]
pub struct Call {
    pub check: PhoneCheck,
    /// The current item of the figures, in reading order.
    pub item: usize,
    /// What is typed and not yet confirmed (a figure or a group).
    pub input: String,
    /// The outcome last stored, so that each result is logged once.
    pub stored: Option<Outcome>,
}

/// A key on the phone screens, or the runtime's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneMsg {
    Char(char),
    /// Enter: confirm the figure (or the code) and go on.
    Confirm,
    Next,
    Prev,
    /// PageDown: from the figures straight to the code.
    NextStep,
    /// PageUp: from the code back to the figures.
    PrevStep,
    Erase,
    Clear,
    /// Esc: undo typing, or back one screen.
    Back,
    /// The runtime read every station's phone status.
    Loaded(Vec<StationPhoneStatus>),
}

/// What the App must do after a phone message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Read every station's phone status; answer [`PhoneMsg::Loaded`].
    Load,
    /// Store a finished check (audit log); the runtime answers with the overview.
    Record {
        station: u32,
        check: PhoneCheckEvent,
    },
    /// Say this on the notice line.
    Say(PhoneNotice),
    /// A key that is not a digit where a figure or a group is typed.
    NotADigit(char),
    /// The figure would exceed the largest count.
    TooLarge,
    /// Esc on the overview: leave the phone check.
    Leave,
}

/// What the phone screens say on the notice line. Words in `text.rs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneNotice {
    /// A group's check digit is wrong: ask for it again (group number from 1).
    GroupRefused(usize),
    /// A group is not four digits and a check digit.
    GroupIncomplete(usize),
    /// The quick-report code matches: now the record code for the paper.
    QuickVerified,
    /// The quick-report code does not match the figures typed (and is stored so).
    QuickDiffers,
    /// The record code is in: stored as the station's expected record code.
    Stored,
}

impl PhoneNotice {
    pub fn is_error(&self) -> bool {
        !matches!(self, PhoneNotice::QuickVerified | PhoneNotice::Stored)
    }
}

impl PhoneState {
    /// The call in progress, on the figures and code screens.
    pub fn call(&self) -> Option<&Call> {
        match &self.screen {
            PhoneScreen::Overview => None,
            PhoneScreen::Figures(call) | PhoneScreen::Code(call) => Some(call),
        }
    }

    /// The items in reading order of the call in progress.
    pub fn items(&self) -> Vec<PhoneItem> {
        self.call().map(|c| c.check.items()).unwrap_or_default()
    }

    /// Opens the overview (F2 on the station screen): the App loads the statuses.
    pub fn open(&mut self) -> Reply {
        self.screen = PhoneScreen::Overview;
        Reply::Load
    }

    /// Starts the call of `station` (from the overview, or the status board). False
    /// when the election has no such station.
    pub fn start(&mut self, election: &Election, station: u32) -> bool {
        let Some(check) = PhoneCheck::new(election, station) else {
            return false;
        };
        self.screen = PhoneScreen::Figures(Call {
            check,
            item: 0,
            input: String::new(),
            stored: None,
        });
        true
    }

    /// Applies one message; returns what the App must do, in order.
    pub fn update(&mut self, election: &Election, msg: PhoneMsg) -> Vec<Reply> {
        let mut out = Vec::new();
        if let PhoneMsg::Loaded(overview) = msg {
            self.cursor = self.cursor.min(overview.len().saturating_sub(1));
            self.overview = overview;
            return out;
        }
        match std::mem::take(&mut self.screen) {
            PhoneScreen::Overview => self.on_overview(election, msg, &mut out),
            PhoneScreen::Figures(call) => self.screen = call.on_figures(msg, &mut out),
            PhoneScreen::Code(call) => self.screen = call.on_code(msg, &mut out),
        }
        out
    }

    fn on_overview(&mut self, election: &Election, msg: PhoneMsg, out: &mut Vec<Reply>) {
        match msg {
            PhoneMsg::Next if self.cursor + 1 < self.overview.len() => self.cursor += 1,
            PhoneMsg::Prev => self.cursor = self.cursor.saturating_sub(1),
            PhoneMsg::Confirm => {
                if let Some(station) = self.overview.get(self.cursor).map(|s| s.station) {
                    self.start(election, station);
                }
            }
            PhoneMsg::Back => out.push(Reply::Leave),
            _ => {}
        }
    }
}

impl Call {
    fn on_figures(mut self, msg: PhoneMsg, out: &mut Vec<Reply>) -> PhoneScreen {
        let items = self.check.items();
        let item = items.get(self.item).copied();
        match (item, msg) {
            (Some(PhoneItem::Count(_)), PhoneMsg::Char(c)) => self.digit(c, out),
            (Some(PhoneItem::Mark(_)), PhoneMsg::Char(c)) => out.push(Reply::NotADigit(c)),
            (_, PhoneMsg::Erase) => {
                self.input.pop();
            }
            (Some(PhoneItem::Count(field)), PhoneMsg::Clear) => {
                self.input.clear();
                self.check.set_figure(field, None);
            }
            (_, PhoneMsg::Confirm | PhoneMsg::Next) => {
                self.commit(item);
                if self.item + 1 < items.len() {
                    self.item += 1;
                } else {
                    return self.into_code(out);
                }
            }
            (_, PhoneMsg::Prev) => {
                self.commit(item);
                self.item = self.item.saturating_sub(1);
            }
            (_, PhoneMsg::NextStep) => {
                self.commit(item);
                return self.into_code(out);
            }
            (_, PhoneMsg::Back) => {
                if self.input.is_empty() {
                    return PhoneScreen::Overview;
                }
                self.input.clear();
            }
            _ => {}
        }
        PhoneScreen::Figures(self)
    }

    fn digit(&mut self, c: char, out: &mut Vec<Reply>) {
        if !c.is_ascii_digit() {
            out.push(Reply::NotADigit(c));
            return;
        }
        let mut typed = self.input.clone();
        typed.push(c);
        let trimmed = typed.trim_start_matches('0');
        let typed = if trimmed.is_empty() { "0" } else { trimmed };
        match typed.parse::<u64>() {
            Ok(v) if v <= MAX_COUNT => self.input = typed.to_string(),
            _ => out.push(Reply::TooLarge),
        }
    }

    /// Puts what was typed into the heard record. An empty input changes nothing:
    /// a box read as "leeg" stays empty; a 0 must be typed.
    fn commit(&mut self, item: Option<PhoneItem>) {
        let typed = std::mem::take(&mut self.input);
        if let (Some(PhoneItem::Count(field)), Ok(value)) = (item, typed.parse::<u64>()) {
            self.check.set_figure(field, Some(value));
        }
    }

    fn into_code(mut self, out: &mut Vec<Reply>) -> PhoneScreen {
        self.input.clear();
        self.outcome(out);
        PhoneScreen::Code(self)
    }

    fn on_code(mut self, msg: PhoneMsg, out: &mut Vec<Reply>) -> PhoneScreen {
        match msg {
            PhoneMsg::Char('-') => {}
            PhoneMsg::Char(c) if c.is_ascii_digit() => {
                self.input.push(c);
                if self.input.len() == 5 {
                    self.group(out);
                }
            }
            PhoneMsg::Char(c) => out.push(Reply::NotADigit(c)),
            PhoneMsg::Erase => self.erase_code(),
            PhoneMsg::Confirm => {
                if !self.input.is_empty() {
                    self.group(out);
                    return PhoneScreen::Code(self);
                }
                match self.check.outcome() {
                    Outcome::QuickDiffers => {
                        // Back to the first figure: read the quick report again.
                        self.check.clear_code();
                        self.stored = None;
                        self.item = 0;
                        return PhoneScreen::Figures(self);
                    }
                    Outcome::Done => {
                        // Back to the overview, which reloads the statuses.
                        out.push(Reply::Load);
                        return PhoneScreen::Overview;
                    }
                    _ => {}
                }
            }
            PhoneMsg::PrevStep => return PhoneScreen::Figures(self),
            PhoneMsg::Back => {
                if self.input.is_empty() {
                    return PhoneScreen::Figures(self);
                }
                self.input.clear();
            }
            _ => {}
        }
        PhoneScreen::Code(self)
    }

    /// Backspace on the code: a digit, or on an empty group the group before it.
    fn erase_code(&mut self) {
        if self.input.pop().is_none() {
            self.check.undo_group();
            self.stored = None;
        }
    }

    /// Hands the typed group to the check: refused at once when its check digit fails.
    fn group(&mut self, out: &mut Vec<Reply>) {
        let typed = std::mem::take(&mut self.input);
        match self.check.type_group(&typed) {
            Ok(_) => self.outcome(out),
            Err(CodeError::CheckDigit { group }) => {
                out.push(Reply::Say(PhoneNotice::GroupRefused(group)));
            }
            Err(CodeError::Malformed { group, .. }) => {
                out.push(Reply::Say(PhoneNotice::GroupIncomplete(group)));
            }
            Err(CodeError::GroupCount { .. }) => {}
        }
    }

    /// Says where the check stands; a quick report that differs and a finished check
    /// are each stored once.
    fn outcome(&mut self, out: &mut Vec<Reply>) {
        let outcome = self.check.outcome();
        let notice = match &outcome {
            Outcome::TypingRecord { typed: 0 } => Some(PhoneNotice::QuickVerified),
            Outcome::QuickDiffers => Some(PhoneNotice::QuickDiffers),
            Outcome::Done => Some(PhoneNotice::Stored),
            _ => None,
        };
        out.extend(notice.map(Reply::Say));
        let finished = matches!(outcome, Outcome::QuickDiffers | Outcome::Done);
        if finished && self.stored.as_ref() != Some(&outcome) {
            out.push(Reply::Record {
                station: self.check.station(),
                check: self.check.to_event(),
            });
            self.stored = Some(outcome);
        }
    }
}

#[cfg(test)]
mod tests;
