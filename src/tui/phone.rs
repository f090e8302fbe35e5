//! The state of the receiving side ("telefonische controle") and the read-aloud
//! screen: the overview of every station's phone status, typing the quick report as
//! it is read, then the quick-report code and the record code group by group. Its
//! keys are handled in `app/phone.rs` (part of the App's pure `update`), so that this
//! module does not reach into the App. The domain lives in
//! [`crate::verification::receive`]; this is only the interface's state and keys.

use crate::storage::phone::StationPhoneStatus;
use crate::verification::{Outcome, PhoneCheck, PhoneItem};

/// The three screens of the phone check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneScreen {
    /// Every station with its status: not received / received / verified / differs.
    Overview,
    /// Typing the figures as they are read.
    Figures,
    /// Typing the code, group by group.
    Code,
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

/// The state of the phone screens.
#[derive(Debug, Clone, Default)]
pub struct PhoneState {
    /// Every station and its status, as the workspace last said.
    pub overview: Vec<StationPhoneStatus>,
    /// The chosen row of the overview.
    pub cursor: usize,
    /// The check in progress.
    pub check: Option<PhoneCheck>,
    /// The current item of the figures, in reading order.
    pub item: usize,
    /// What is typed and not yet confirmed (a figure or a group).
    pub input: String,
    /// The outcome last stored, so that each result is logged once.
    pub stored: Option<Outcome>,
    /// Scroll offset of the read-aloud screen's code column.
    pub scroll: u16,
}

impl PhoneState {
    /// The items in reading order of the check in progress.
    pub fn items(&self) -> Vec<PhoneItem> {
        match &self.check {
            Some(c) => c.items(),
            None => Vec::new(),
        }
    }
}
