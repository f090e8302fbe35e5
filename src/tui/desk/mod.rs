//! The municipality's desk in the interface: "proces-verbaal overnemen"
//! (transcription) and the double entry. Its own state ([`DeskUi`]) and its own pure
//! `update`; the domain is [`crate::desk`], storage `storage::entries`. The App only
//! routes messages here and carries out the [`DeskEffect`]s through the runtime.
//!
//! Screens: the operator's name (asked once per session), the station's overview
//! (stage, entries, what comes next), typing an entry (every box of the paper form
//! a field, as written; beside each sum what it should be), the rules of the typed
//! paper (Enter jumps to the box), and the coordinator (both values side by side).
//! A typist never sees another entry's figures: the typing screens show only their
//! own entry, the re-check only which boxes differ.

mod hints;
mod screens;
#[cfg(test)]
mod tests;
mod types;
pub mod view;

pub use super::say::{Confirm, DeskNotice, Hint};
pub use hints::hint;
pub use types::{CHOICES, DeskEffect, DeskMsg, DeskScreen};

use crate::desk::{BoxValue, Desk, Source, Stage, paper_boxes, value};
use crate::election::Election;
use crate::form::Target;
use crate::record::{CountRecord, Field, MAX_COUNT};
use crate::rules::{self, RuleResult};

/// The desk's state.
#[derive(Debug, Clone)]
pub struct DeskUi {
    pub screen: DeskScreen,
    /// The settings' operator, offered when the name is asked.
    pub default_operator: String,
    /// The name given this session.
    pub operator: Option<String>,
    /// The name as typed.
    pub name_input: String,
    pub station: Option<u32>,
    pub desk: Option<Desk>,
    /// The record code phoned for the station (groups), if any.
    pub expected: Vec<String>,
    /// The entry being typed or re-checked.
    pub number: Option<u8>,
    pub cursor: usize,
    pub input: String,
    pub rule_cursor: usize,
    pub choice: usize,
    pub confirm: Option<Confirm>,
    pub notice: Option<DeskNotice>,
    /// Set when the operator leaves the desk: the App goes back to the stations.
    pub leave: bool,
}

impl Default for DeskUi {
    fn default() -> Self {
        DeskUi {
            screen: DeskScreen::Operator,
            default_operator: String::new(),
            operator: None,
            name_input: String::new(),
            station: None,
            desk: None,
            expected: Vec::new(),
            number: None,
            cursor: 0,
            input: String::new(),
            rule_cursor: 0,
            choice: 0,
            confirm: None,
            notice: None,
            leave: false,
        }
    }
}

impl DeskUi {
    /// Whether keys are free text (the name), so `q` is a letter.
    pub fn in_text(&self) -> bool {
        self.screen == DeskScreen::Operator && self.confirm.is_none()
    }

    pub fn stage(&self) -> Stage {
        self.desk.as_ref().map_or(Stage::NoEntry, Desk::stage)
    }

    /// The operator's own entry on the typing screens.
    pub fn record(&self) -> Option<&CountRecord> {
        let n = self.number?;
        Some(&self.desk.as_ref()?.entry(n)?.record)
    }

    /// The boxes on the typing screen: every box of the paper form (C only where
    /// kiezerspassen apply or the paper has one), or during the re-check only the
    /// boxes that differ.
    pub fn fields(&self, election: &Election) -> Vec<Target> {
        if self.stage() == Stage::Differences {
            return self
                .desk
                .as_ref()
                .map(|d| d.differing.clone())
                .unwrap_or_default();
        }
        let c = Target::Count(Field::VoterCards);
        let has_c = self
            .record()
            .is_some_and(|r| r.voters.voter_cards.is_some());
        paper_boxes(election)
            .into_iter()
            .filter(|t| *t != c || election.voter_cards_apply() || has_c)
            .collect()
    }

    pub fn current(&self, election: &Election) -> Option<Target> {
        self.fields(election).get(self.cursor).copied()
    }

    /// The rules' findings on the operator's own entry.
    pub fn results(&self, election: &Election) -> Vec<RuleResult> {
        self.record()
            .map(|r| rules::validate(election, r))
            .unwrap_or_default()
    }

    /// Opens the desk for `station`: asks the name first when it is not known yet.
    pub fn open(&mut self, station: u32) -> Vec<DeskEffect> {
        self.station = Some(station);
        self.desk = None;
        self.number = None;
        self.confirm = None;
        self.notice = None;
        self.leave = false;
        if self.operator.is_none() {
            self.name_input = self.default_operator.clone();
            self.screen = DeskScreen::Operator;
        } else {
            self.screen = DeskScreen::Overview;
        }
        vec![DeskEffect::Load { station }]
    }

    /// Applies one message; returns what the runtime must do.
    pub fn update(&mut self, election: &Election, msg: DeskMsg) -> Vec<DeskEffect> {
        let mut fx = Vec::new();
        match msg {
            DeskMsg::Loaded { desk, expected } => {
                self.loaded(election, desk, expected);
                return fx;
            }
            DeskMsg::Failed(text) => {
                self.notice = Some(DeskNotice::Refused(text));
                if let Some(station) = self.station {
                    fx.push(DeskEffect::Load { station });
                }
                return fx;
            }
            DeskMsg::Open(station) => return self.open(station),
            _ => {}
        }
        if let Some(confirm) = self.confirm {
            self.confirming(confirm, msg, &mut fx);
            return fx;
        }
        self.notice = None;
        match self.screen {
            DeskScreen::Operator => self.on_operator(msg),
            DeskScreen::Overview => self.on_overview(election, msg, &mut fx),
            DeskScreen::Typing => self.on_typing(election, msg, &mut fx),
            DeskScreen::Rules => self.on_rules(election, msg),
            DeskScreen::Coordinator => self.on_coordinator(msg),
        }
        fx
    }

    fn loaded(&mut self, election: &Election, desk: Desk, expected: Vec<String>) {
        let before = self.desk.as_ref().map(Desk::stage);
        let after = desk.stage();
        let changed = before.is_some_and(|b| b != after);
        self.expected = expected;
        let operator = self.operator.clone().unwrap_or_default();
        let mine = desk.open_entry_of(&operator);
        if changed {
            self.notice = Some(match after {
                Stage::Differences => DeskNotice::Differs(desk.differing.clone()),
                stage => DeskNotice::Stage(stage),
            });
        }
        self.desk = Some(desk);
        match (self.screen, mine) {
            (DeskScreen::Operator, _) => {}
            // The operator's next work after a step: their entry, or its re-check.
            (DeskScreen::Overview, Some(n)) if changed => self.begin_typing(election, n),
            (DeskScreen::Typing | DeskScreen::Rules, Some(n))
                if changed || self.number != Some(n) =>
            {
                self.begin_typing(election, n)
            }
            (DeskScreen::Typing | DeskScreen::Rules, None) => {
                self.screen = DeskScreen::Overview;
                self.number = None;
            }
            _ => {}
        }
        let count = self.fields(election).len();
        self.cursor = self.cursor.min(count.saturating_sub(1));
    }

    fn begin_typing(&mut self, election: &Election, number: u8) {
        self.number = Some(number);
        self.screen = DeskScreen::Typing;
        self.input.clear();
        // Where the entry stopped: the first box still empty.
        self.cursor = match self.record() {
            Some(r) if self.stage() != Stage::Differences => self
                .fields(election)
                .iter()
                .position(|t| value(r, *t) == BoxValue::Count(None))
                .unwrap_or(0),
            _ => 0,
        };
    }

    /// The entry's source as the overview names it.
    pub fn sources(&self) -> Vec<(u8, String, Source, bool)> {
        self.desk
            .as_ref()
            .map(|d| {
                d.entries
                    .iter()
                    .map(|e| (e.number, e.operator.clone(), e.source, e.finished))
                    .collect()
            })
            .unwrap_or_default()
    }
}
