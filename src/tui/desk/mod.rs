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
#[cfg(test)]
mod tests;
pub mod view;

pub use hints::{Hint, hint};

use super::app::Msg;
use crate::desk::{BoxValue, Desk, Source, Stage, paper_boxes, value};
use crate::election::Election;
use crate::form::Target;
use crate::record::{CountRecord, Field, MAX_COUNT};
use crate::rules::{self, RuleResult};

/// Which desk screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskScreen {
    /// Who is typing: asked once per session.
    Operator,
    /// The station's stage, its entries and the next step.
    Overview,
    /// Typing the entry (or re-checking its differing boxes).
    Typing,
    /// The rules' findings on the typed paper.
    Rules,
    /// The coordinator: both values side by side; keep or discard an entry.
    Coordinator,
}

/// A key intention on the desk screens or an answer of the runtime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskMsg {
    /// F9 on the station screen: the desk of the station under the cursor.
    OpenChosen,
    /// The desk of this station.
    Open(u32),
    /// F7: the rules' findings (and back).
    Rules,
    /// F8: the entry is complete (or its differences re-checked).
    Finish,
    /// The runtime's answer: the station's desk as stored, and the record code phoned
    /// for it (its groups), if any.
    Loaded { desk: Desk, expected: Vec<String> },
    /// The runtime could not carry out a step; the storage's words.
    Failed(String),
}

/// What the runtime must do for the desk. Each answers with [`DeskMsg::Loaded`] (or
/// [`DeskMsg::Failed`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskEffect {
    Load {
        station: u32,
    },
    Start {
        station: u32,
        operator: String,
    },
    SaveBox {
        station: u32,
        number: u8,
        target: Target,
        value: BoxValue,
        operator: String,
    },
    Finish {
        station: u32,
        number: u8,
        operator: String,
    },
    Keep {
        station: u32,
        number: u8,
        operator: String,
    },
    Discard {
        station: u32,
        number: u8,
        operator: String,
    },
}

/// A question the desk asks before a step that cannot be undone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    Finish,
    Keep(u8),
    Discard(u8),
}

/// What the desk says on its notice line. Words in `text/desk.rs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskNotice {
    NotADigit(char),
    TooLarge,
    /// A tick box: Space ticks it.
    TickWithSpace,
    /// The storage refused a step.
    Refused(String),
    /// The stage after a step the operator took.
    Stage(Stage),
    /// The entry's differing boxes to re-check (never the other entry's values).
    Differs(Vec<Target>),
    /// An empty name.
    NameRequired,
}

/// The coordinator's four choices, in screen order.
pub const CHOICES: [Confirm; 4] = [
    Confirm::Keep(1),
    Confirm::Keep(2),
    Confirm::Discard(1),
    Confirm::Discard(2),
];

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
    pub fn update(&mut self, election: &Election, msg: Msg) -> Vec<DeskEffect> {
        let mut fx = Vec::new();
        match msg {
            Msg::Desk(DeskMsg::Loaded { desk, expected }) => {
                self.loaded(election, desk, expected);
                return fx;
            }
            Msg::Desk(DeskMsg::Failed(text)) => {
                self.notice = Some(DeskNotice::Refused(text));
                if let Some(station) = self.station {
                    fx.push(DeskEffect::Load { station });
                }
                return fx;
            }
            Msg::Desk(DeskMsg::Open(station)) => return self.open(station),
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

    fn on_operator(&mut self, msg: Msg) {
        match msg {
            Msg::Char(c) => self.name_input.push(c),
            Msg::Toggle => self.name_input.push(' '),
            Msg::Erase => {
                self.name_input.pop();
            }
            Msg::Clear => self.name_input.clear(),
            Msg::Confirm => {
                let name = self.name_input.trim().to_string();
                if name.is_empty() {
                    self.notice = Some(DeskNotice::NameRequired);
                } else {
                    self.operator = Some(name);
                    self.screen = DeskScreen::Overview;
                }
            }
            Msg::Back => self.leave = true,
            _ => {}
        }
    }

    fn on_overview(&mut self, election: &Election, msg: Msg, fx: &mut Vec<DeskEffect>) {
        let (Some(station), Some(operator)) = (self.station, self.operator.clone()) else {
            return;
        };
        match msg {
            Msg::Confirm => match self.stage() {
                Stage::NoEntry | Stage::AwaitingSecond => {
                    fx.push(DeskEffect::Start { station, operator });
                }
                Stage::AtCoordinator => {
                    self.screen = DeskScreen::Coordinator;
                    self.choice = 0;
                }
                // Someone else's entry, half typed (its typist left): the coordinator
                // may discard it, after a question.
                stage @ (Stage::FirstEntry | Stage::SecondEntry)
                    if self
                        .desk
                        .as_ref()
                        .is_some_and(|d| d.open_entry_of(&operator).is_none()) =>
                {
                    let number = if stage == Stage::FirstEntry { 1 } else { 2 };
                    self.confirm = Some(Confirm::Discard(number));
                }
                _ => {
                    if let Some(n) = self.desk.as_ref().and_then(|d| d.open_entry_of(&operator)) {
                        // Where the entry stopped: its first empty box.
                        self.begin_typing(election, n);
                    }
                }
            },
            Msg::Back => self.leave = true,
            _ => {}
        }
    }

    fn on_typing(&mut self, election: &Election, msg: Msg, fx: &mut Vec<DeskEffect>) {
        let fields = self.fields(election);
        let Some(target) = fields.get(self.cursor).copied() else {
            if msg == Msg::Back {
                self.screen = DeskScreen::Overview;
            }
            return;
        };
        match msg {
            Msg::Char(c) if c.is_ascii_digit() => match target {
                Target::Count(_) => {
                    let mut typed = self.input.clone();
                    typed.push(c);
                    match typed.parse::<u64>() {
                        Ok(v) if v <= MAX_COUNT => self.input = typed,
                        _ => self.notice = Some(DeskNotice::TooLarge),
                    }
                }
                Target::Mark(_) => self.notice = Some(DeskNotice::TickWithSpace),
            },
            Msg::Char(c) => self.notice = Some(DeskNotice::NotADigit(c)),
            Msg::Erase => {
                self.input.pop();
            }
            Msg::Toggle => {
                if let Some(BoxValue::Mark(on)) = self.record().map(|r| value(r, target)) {
                    self.save(election, target, BoxValue::Mark(!on), fx);
                } else {
                    self.notice = Some(DeskNotice::NotADigit(' '));
                }
            }
            Msg::Clear => {
                self.input.clear();
                if matches!(target, Target::Count(_)) {
                    self.save(election, target, BoxValue::Count(None), fx);
                }
            }
            Msg::Confirm => {
                if let Target::Count(_) = target {
                    let now = self.record().map(|r| value(r, target));
                    let typed = self.input.parse::<u64>().ok();
                    match (typed, now) {
                        (Some(v), _) => self.save(election, target, BoxValue::Count(Some(v)), fx),
                        // Enter on an empty box writes 0, as on the count screens; a
                        // box that holds a figure keeps it.
                        (None, Some(BoxValue::Count(None))) => {
                            self.save(election, target, BoxValue::Count(Some(0)), fx)
                        }
                        _ => {}
                    }
                }
                self.input.clear();
                self.cursor = (self.cursor + 1).min(fields.len().saturating_sub(1));
            }
            Msg::Next => {
                self.input.clear();
                self.cursor = (self.cursor + 1).min(fields.len().saturating_sub(1));
            }
            Msg::Prev => {
                self.input.clear();
                self.cursor = self.cursor.saturating_sub(1);
            }
            Msg::NextStep => {
                self.input.clear();
                self.cursor = (self.cursor + 10).min(fields.len().saturating_sub(1));
            }
            Msg::PrevStep => {
                self.input.clear();
                self.cursor = self.cursor.saturating_sub(10);
            }
            Msg::Desk(DeskMsg::Rules) => {
                self.input.clear();
                self.screen = DeskScreen::Rules;
                self.rule_cursor = 0;
            }
            Msg::Desk(DeskMsg::Finish) => {
                self.input.clear();
                self.confirm = Some(Confirm::Finish);
            }
            Msg::Back => {
                if self.input.is_empty() {
                    self.screen = DeskScreen::Overview;
                } else {
                    self.input.clear();
                }
            }
            _ => {}
        }
    }

    /// Saves a box: shown at once, stored by the runtime (which answers with the
    /// stored desk).
    fn save(
        &mut self,
        election: &Election,
        target: Target,
        new: BoxValue,
        fx: &mut Vec<DeskEffect>,
    ) {
        let (Some(station), Some(number), Some(operator)) =
            (self.station, self.number, self.operator.clone())
        else {
            return;
        };
        if let Some(desk) = &mut self.desk
            && let Err(e) = desk.set(election, number, &operator, target, new)
        {
            self.notice = Some(DeskNotice::Refused(crate::storage::entries::refusal(&e)));
            return;
        }
        fx.push(DeskEffect::SaveBox {
            station,
            number,
            target,
            value: new,
            operator,
        });
    }

    fn on_rules(&mut self, election: &Election, msg: Msg) {
        let results = self.results(election);
        match msg {
            Msg::Next if self.rule_cursor + 1 < results.len() => self.rule_cursor += 1,
            Msg::Prev => self.rule_cursor = self.rule_cursor.saturating_sub(1),
            Msg::Confirm => {
                // Jump to the box the finding is about: the paper's own sum that does
                // not add up (D for F.201), else the first box it names.
                let target = results.get(self.rule_cursor).and_then(|r| {
                    r.fields
                        .iter()
                        .find(|t| crate::form::computed(**t))
                        .or(r.fields.first())
                        .copied()
                });
                if let Some(i) =
                    target.and_then(|t| self.fields(election).iter().position(|f| *f == t))
                {
                    self.cursor = i;
                }
                self.screen = DeskScreen::Typing;
            }
            Msg::Back | Msg::Desk(DeskMsg::Rules) => self.screen = DeskScreen::Typing,
            _ => {}
        }
    }

    fn on_coordinator(&mut self, msg: Msg) {
        match msg {
            Msg::Next => self.choice = (self.choice + 1).min(CHOICES.len() - 1),
            Msg::Prev => self.choice = self.choice.saturating_sub(1),
            Msg::Confirm => self.confirm = CHOICES.get(self.choice).copied(),
            Msg::Back => self.screen = DeskScreen::Overview,
            _ => {}
        }
    }

    fn confirming(&mut self, confirm: Confirm, msg: Msg, fx: &mut Vec<DeskEffect>) {
        let yes = matches!(msg, Msg::Char('j' | 'J' | 'y' | 'Y'));
        let no = matches!(msg, Msg::Char('n' | 'N') | Msg::Back);
        if no {
            self.confirm = None;
            return;
        }
        if !yes {
            return;
        }
        self.confirm = None;
        let (Some(station), Some(operator)) = (self.station, self.operator.clone()) else {
            return;
        };
        fx.push(match confirm {
            Confirm::Finish => {
                let Some(number) = self.number else {
                    return;
                };
                DeskEffect::Finish {
                    station,
                    number,
                    operator,
                }
            }
            Confirm::Keep(number) => DeskEffect::Keep {
                station,
                number,
                operator,
            },
            Confirm::Discard(number) => DeskEffect::Discard {
                station,
                number,
                operator,
            },
        });
        if matches!(confirm, Confirm::Keep(_) | Confirm::Discard(_)) {
            self.screen = DeskScreen::Overview;
        }
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
