//! The interface's state and its pure `update`: a message in, the new state and a
//! list of [`Effect`]s out. Nothing here touches a terminal or a database; the
//! runtime carries out the effects (saving through the workspace) and feeds the
//! answers back as messages, so every step can be tested with plain values.

use super::board::{self as board_screen, BoardMsg, BoardState};
use super::desk::{DeskEffect, DeskMsg, DeskUi};
use super::flow::{self, Item, Step};
use super::phone::PhoneState;
use crate::counting;
use crate::election::Election;
use crate::event::{AuditEvent, PhoneCheckEvent};
use crate::record::{CountRecord, EntryMode, Field, MAX_COUNT, Mark, RecordState};
use crate::rules::{self, RuleResult, Severity, Target};
use crate::settings::Language;
use crate::storage::ResumePoint;
use crate::storage::phone::StationPhoneStatus;
use std::collections::{BTreeMap, BTreeSet};

/// The whole state of the interface.
#[derive(Debug, Clone)]
pub struct App {
    pub election: Election,
    pub language: Language,
    /// The screen that shows, with the state that is its own.
    pub screen: Screen,
    pub dialog: Option<Dialog>,
    pub notice: Option<Notice>,
    /// The open station's record (None on the station screen before one is opened).
    pub record: Option<CountRecord>,
    pub statuses: BTreeMap<u32, StationStatus>,
    /// Each station's stage at the desk (double entry), where it has an entry: the
    /// station list shows it in place of the record's state.
    pub desk_stages: BTreeMap<u32, crate::desk::Stage>,
    /// Warning codes the operator acknowledged for the open record.
    pub acknowledged: BTreeSet<String>,
    /// Set when the operator confirmed leaving; the runtime stops when it sees it.
    /// A flag on the App rather than an [`Effect`]: "confirm and stop" saves the
    /// typed figure first, and a refused save (`Msg::NotSaved`, which arrives after
    /// `update` returned) takes the stop back so that the operator sees why.
    pub quit: bool,
    /// Whether to draw in colour (off under NO_COLOR). Meaning never depends on it.
    pub color: bool,
    /// The local time zone's offset from UTC in minutes, when known: times on screen
    /// are local, audit rows stay in UTC.
    pub utc_offset_minutes: Option<i32>,
    /// The phone check (receiving side) and the read-aloud screen.
    pub phone: PhoneState,
    /// Where the annex goes and whether it is printed (from the settings file).
    pub printing: crate::settings::Printing,
    /// The record as the storage last confirmed it: what a refused save falls back to,
    /// so that D and H never rest on a figure that is not in the workspace.
    saved: Option<CountRecord>,
    /// Set when the current field's change was refused by the storage: the reason.
    pub unsaved: Option<String>,
    /// Set when this window may only read the workspace, and why.
    pub guard: Option<Guard>,
    /// The desk's screens (transcription, double entry): their own state.
    pub desk: DeskUi,
    /// The status board and its scan field: their own state.
    pub board: BoardState,
}

impl App {
    /// A fresh interface on the station screen. `records` are the stations already
    /// counted; `resume` is where the last session stopped.
    pub fn new(
        election: Election,
        language: Language,
        records: &[CountRecord],
        resume: Option<ResumePoint>,
    ) -> App {
        let statuses = records
            .iter()
            .map(|r| (r.station, StationStatus::of(r)))
            .collect();
        App::with_statuses(election, language, statuses, resume)
    }

    /// As [`App::new`], from each counted station's status (the workspace's summary
    /// table) rather than its whole record.
    pub fn with_statuses(
        election: Election,
        language: Language,
        statuses: BTreeMap<u32, StationStatus>,
        resume: Option<ResumePoint>,
    ) -> App {
        let resume = resume.filter(|p| election.station(p.station).is_some());
        App {
            election,
            language,
            screen: Screen::Stations(StationList {
                resume,
                ..StationList::default()
            }),
            dialog: None,
            notice: None,
            record: None,
            statuses,
            desk_stages: BTreeMap::new(),
            acknowledged: BTreeSet::new(),
            quit: false,
            color: true,
            utc_offset_minutes: None,
            phone: PhoneState::default(),
            printing: crate::settings::Printing::default(),
            saved: None,
            unsaved: None,
            guard: None,
            desk: DeskUi::default(),
            board: BoardState::default(),
        }
    }

    /// The effects to run at start: reopen the station the last session stopped at.
    pub fn start(&mut self) -> Vec<Effect> {
        match &self.screen {
            Screen::Stations(StationList {
                resume: Some(p), ..
            }) => vec![Effect::OpenStation(p.station)],
            _ => Vec::new(),
        }
    }

    pub fn english(&self) -> bool {
        self.language.is_english()
    }

    /// The stations that match the station list's filter (all of them elsewhere).
    pub fn filtered_stations(&self) -> Vec<&crate::election::PollingStation> {
        match &self.screen {
            Screen::Stations(list) => list.matching(&self.election),
            _ => StationList::default().matching(&self.election),
        }
    }

    /// The current step, when a step screen is showing.
    pub fn step(&self) -> Option<Step> {
        self.screen.step()
    }

    /// The rule results shown (on Controle and Vaststellen).
    pub fn results(&self) -> &[RuleResult] {
        self.screen.results()
    }

    /// The steps of the step bar, in order: Kandidaten once (its first list). The
    /// bar's keys are F3, F4, … in this order (`keys::FIRST_STEP_KEY`).
    pub fn tabs(&self) -> Vec<Step> {
        flow::steps(&self.election)
            .into_iter()
            .filter(|s| !matches!(s, Step::Candidates(i) if *i > 0))
            .collect()
    }

    /// Whether something typed in the current field is not yet confirmed (or was
    /// refused by the storage): it would be lost by leaving.
    pub fn pending_input(&self) -> bool {
        if self.screen == Screen::Desk {
            return !self.desk.input.is_empty();
        }
        if self.unsaved.is_some() {
            return true;
        }
        match self.current_item() {
            Some(Item::Count(_)) => !self.input().is_empty(),
            Some(Item::Note) => self
                .record
                .as_ref()
                .is_some_and(|r| r.differences.note != self.input()),
            _ => false,
        }
    }

    pub fn items(&self, step: Step) -> Vec<Item> {
        match &self.record {
            Some(r) => flow::items(&self.election, r, step),
            None => Vec::new(),
        }
    }

    /// The field the cursor is on (on a step where figures are typed).
    pub fn current_item(&self) -> Option<Item> {
        let Screen::Entry(entry) = &self.screen else {
            return None;
        };
        self.items(entry.step).get(entry.cursor).copied()
    }

    /// Index of the current field in the step's items (0 off the typing steps).
    pub fn cursor(&self) -> usize {
        match &self.screen {
            Screen::Entry(entry) => entry.cursor,
            _ => 0,
        }
    }

    /// What is typed in the current field and not yet confirmed ("" off the
    /// typing steps).
    pub fn input(&self) -> &str {
        match &self.screen {
            Screen::Entry(entry) => &entry.input,
            _ => "",
        }
    }

    /// Whether keys are free text here (so `q` and `?` are letters, not commands).
    pub fn in_text(&self) -> bool {
        match &self.dialog {
            Some(Dialog::CorrectionReason(_)) => true,
            Some(_) => false,
            None => match &self.screen {
                Screen::Stations(list) => !list.filter.is_empty(),
                Screen::Entry(_) => self.current_item() == Some(Item::Note),
                Screen::Check(_)
                | Screen::Finalise(_)
                | Screen::Done
                | Screen::ReadAloud { .. }
                | Screen::Phone => false,
                Screen::Desk => self.desk.in_text(),
                Screen::Board => self.board.in_text(),
            },
        }
    }

    fn station(&self) -> Option<u32> {
        self.record.as_ref().map(|r| r.station)
    }

    fn is_finalised(&self) -> bool {
        self.record
            .as_ref()
            .is_some_and(|r| r.lifecycle.state == RecordState::Finalised)
    }

    /// The resume point of the current position.
    pub fn position(&self) -> Option<ResumePoint> {
        let station = self.station()?;
        let position = match self.screen.kind() {
            ScreenKind::Stations => return None,
            ScreenKind::Done | ScreenKind::ReadAloud => "done".to_string(),
            ScreenKind::Phone | ScreenKind::Desk | ScreenKind::Board => return None,
            ScreenKind::Step(step) => {
                let mut p = step.key(&self.election);
                if let Some(item) = self.current_item() {
                    p.push(':');
                    p.push_str(&item.key());
                }
                p
            }
        };
        Some(ResumePoint { station, position })
    }

    /// Applies one message. Returns what the runtime must do.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let before = self.position();
        let mut effects = Vec::new();
        self.handle(msg, &mut effects);
        let after = self.position();
        if after != before
            && let Some(point) = after
        {
            effects.push(Effect::SetResume(point));
        }
        effects
    }

    fn handle(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        // Answers of the runtime come first: they are not key presses.
        match msg {
            Msg::Opened(record) => return self.opened(record, fx),
            Msg::Desk(m @ (DeskMsg::Loaded { .. } | DeskMsg::Failed(_))) => {
                return self.on_desk(Msg::Desk(m), fx);
            }
            // The board's answers from the runtime, on whatever screen they arrive.
            Msg::Board(m @ (BoardMsg::Loaded(_) | BoardMsg::Imported(_))) => {
                return self.on_board(m, fx);
            }
            // The desk of a station, from wherever it is asked (the status board).
            Msg::Desk(DeskMsg::Open(station)) if self.dialog.is_none() => {
                return self.open_desk(station, fx);
            }
            Msg::Saved(record) => {
                if self.station() == Some(record.station) {
                    self.statuses
                        .insert(record.station, StationStatus::of(&record));
                    self.saved = Some(record.clone());
                    self.record = Some(record);
                    self.unsaved = None;
                }
                return;
            }
            Msg::NotSaved { what, reason } => return self.not_saved(what, reason),
            Msg::Finalised(record) => {
                self.statuses
                    .insert(record.station, StationStatus::of(&record));
                self.notice = Some(Notice::Finalised {
                    version: record.lifecycle.version,
                });
                self.saved = Some(record.clone());
                self.record = Some(record);
                self.dialog = None;
                self.screen = Screen::Done;
                return;
            }
            Msg::StorageFailed(text) => {
                // A refused box says more (which box, what to do) than a follow-up failure.
                if self.unsaved.is_none() {
                    self.notice = Some(Notice::Storage(text));
                }
                return;
            }
            Msg::AnnexWritten { path, printed } => {
                self.notice = Some(Notice::AnnexWritten { path, printed });
                return;
            }
            Msg::PhoneOverview(overview) => {
                return self.on_phone(Msg::PhoneOverview(overview), fx);
            }
            Msg::Guard(guard) => return self.guarded(guard),
            Msg::ChainAccepted => return self.chain_accepted(),
            Msg::Refreshed(records) => return self.refreshed(records),
            Msg::DeskStages(stages) => {
                self.desk_stages = stages;
                return;
            }
            _ => {}
        }
        if let Some(dialog) = self.dialog.clone() {
            return self.in_dialog(dialog, msg, fx);
        }
        match msg {
            Msg::Help => {
                self.dialog = Some(Dialog::Help);
                return;
            }
            Msg::Quit => {
                self.dialog = Some(Dialog::Quit);
                return;
            }
            _ => {}
        }
        self.notice = None;
        if self.guard.is_some() && self.would_write(&msg) {
            self.notice = Some(Notice::ReadOnly);
            return;
        }
        match &self.screen {
            Screen::Stations(_) => self.on_stations(msg, fx),
            Screen::Check(_) => self.on_check(msg, fx),
            Screen::Finalise(_) => self.on_finalise(msg, fx),
            Screen::Entry(e) => self.on_entry(e.step, msg, fx),
            Screen::Done => self.on_done(msg, fx),
            Screen::ReadAloud { .. } => self.on_read_aloud(msg),
            Screen::Phone => self.on_phone(msg, fx),
            Screen::Desk => self.on_desk(msg, fx),
            Screen::Board => {
                if let Msg::Board(m) = msg {
                    self.on_board(m, fx);
                }
            }
        }
    }
}

mod dialog;
mod entry;
mod guard;
mod open;
mod phone;
mod review;
mod screen;
mod screens;
mod types;

pub use super::say::{DoneAction, Guard, Notice, StationStatus};
pub use screen::{CheckScreen, EntryScreen, FinaliseScreen, Screen, ScreenKind, StationList};
pub use types::{Dialog, Effect, Msg, Unsaved};
#[cfg(test)]
mod tests;
