//! The interface's state and its pure `update`: a message in, the new state and a
//! list of [`Effect`]s out. Nothing here touches a terminal or a database; the
//! runtime carries out the effects (saving through the workspace) and feeds the
//! answers back as messages, so every step can be tested with plain values.

use super::board::{self as board_screen, BoardMsg, BoardState};
use super::desk::{DeskEffect, DeskMsg, DeskUi};
use super::flow::{self, Item, Step};
use super::phone::{PhoneNotice, PhoneScreen, PhoneState};
use crate::counting;
use crate::election::Election;
use crate::event::{AuditEvent, PhoneCheckEvent};
use crate::record::{CountRecord, EntryMode, Field, MAX_COUNT, Mark, RecordState};
use crate::rules::{self, RuleResult, Severity, Target};
use crate::settings::Language;
use crate::storage::ResumePoint;
use crate::storage::phone::StationPhoneStatus;
use std::collections::{BTreeMap, BTreeSet};

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Choose the polling station.
    Stations,
    /// One step of the count.
    Step(Step),
    /// The record is finalised; what to do with it.
    Done,
    /// The finalised record's code and quick-report figures, to read aloud by phone.
    ReadAloud,
    /// The receiving side: telefonische controle (see `phone.rs`).
    Phone(PhoneScreen),
    /// The municipality's desk: transcription and double entry (see `desk/`).
    Desk,
    /// The status board of every station, with the scan field (see `board/`).
    Board,
}

/// What can be done with a finalised record. The verification code and the annex
/// hang off here: add a variant, its key in `keys.rs`, its label in `text.rs` and
/// its handling in [`App::done_action`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoneAction {
    /// Open a corrigendum (asks for the reason).
    Correct,
    /// Back to the choice of station.
    Stations,
    /// The verification code and figures to read aloud over the phone.
    ReadAloud,
    /// Write the annex (bijlage) PDF and print it where a printer is configured.
    Annex,
}

/// A modal question or panel over the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    Help,
    /// "Really stop?"
    Quit,
    /// A list's candidates do not add up to its total: move on anyway?
    UnbalancedList {
        list: u32,
        to: (Step, usize),
    },
    /// "Finalise now?"
    ConfirmFinalise,
    /// Esc at the first field: back to the choice of station?
    LeaveStation,
    /// The reason of a corrigendum, typed as free text.
    CorrectionReason(String),
    /// Why this window only reads (see [`App::guard`]); blocks until answered.
    Guard,
}

/// A one-line message under the form. Its words live in `text.rs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A key that is not a digit was typed into a count.
    NotADigit(char),
    /// A key other than j/y/n on a yes/no question.
    YesOrNo(char),
    /// The number would exceed 999 999 999.
    TooLarge,
    /// D = H, so the Verschillen step has nothing to ask.
    NoDifference,
    /// The program restarted where the operator left off.
    Resumed {
        station: u32,
        step: Step,
        field: Option<String>,
    },
    /// Saving failed; the text is the storage's own message.
    Storage(String),
    /// A box (or the note, or the yes/no answer) was not saved: it stays the current
    /// field with what was typed. `item` is the box (named by the text table),
    /// `reason` the storage's message.
    NotSaved { item: flow::Item, reason: String },
    /// D, E and H are added up by the program; nothing is typed there.
    Computed,
    /// Finalising refused: errors remain.
    HasErrors(usize),
    /// Finalising refused: warnings not acknowledged.
    Unacknowledged(usize),
    /// A warning was acknowledged (and the acknowledgement logged): its code, how many
    /// warnings are acknowledged of how many, and how many errors remain.
    WarningAcknowledged {
        code: String,
        done: usize,
        of: usize,
        /// Errors still to resolve: with those, finalising is not the next step.
        errors: usize,
    },
    /// Only warnings are acknowledged; errors are corrected.
    ErrorsCannotBeAcknowledged,
    /// The corrigendum needs a reason.
    ReasonRequired,
    /// The record was finalised.
    Finalised { version: u32 },
    /// A corrigendum was opened.
    CorrectionStarted { version: u32 },
    /// This record is finalised; changes go through a corrigendum.
    RecordFinalised,
    /// No station matches the filter.
    NoStationMatches,
    /// What the phone check says.
    Phone(PhoneNotice),
    /// The annex was written to `path`; `printed` is what printing said, if asked.
    AnnexWritten {
        path: String,
        printed: Option<String>,
    },
    /// A key that would save, refused: this window only reads ([`App::guard`]).
    ReadOnly,
    /// The operator chose to go on with a broken audit log; that choice is logged.
    BrokenChainAccepted,
    /// The open station's figures were changed elsewhere (an import, another window).
    ChangedElsewhere { station: u32 },
}

impl Notice {
    /// Whether the message reports something refused or failed (shown as "fout"/"error").
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            Notice::NotADigit(_)
                | Notice::YesOrNo(_)
                | Notice::TooLarge
                | Notice::Storage(_)
                | Notice::NotSaved { .. }
                | Notice::Computed
                | Notice::HasErrors(_)
                | Notice::Unacknowledged(_)
                | Notice::ErrorsCannotBeAcknowledged
                | Notice::ReasonRequired
                | Notice::RecordFinalised
                | Notice::NoStationMatches
                | Notice::ReadOnly
        ) || matches!(self, Notice::Phone(n) if n.is_error())
    }
}

/// A user's intention (from `keys.rs`) or an answer of the runtime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// A printable character.
    Char(char),
    /// Enter: confirm the field (empty means 0) and go to the next.
    Confirm,
    /// Tab / Down: next field (keeps typed digits, does not fill in a 0).
    Next,
    /// Shift-Tab / Up: previous field.
    Prev,
    /// PageDown: next step.
    NextStep,
    /// PageUp: previous step.
    PrevStep,
    /// A key of the step bar (F3, F4, …): straight to that step; the index is the
    /// step's place in [`App::tabs`].
    GoToTab(usize),
    /// Backspace.
    Erase,
    /// Delete: empty the field.
    Clear,
    /// Space: tick / untick (acknowledge a warning, answer yes/no).
    Toggle,
    /// Esc: undo typing, close a panel, or go back.
    Back,
    /// F1 or ?.
    Help,
    /// q or Ctrl-C: asks before leaving; twice leaves.
    Quit,
    /// An action on the Done screen.
    Done(DoneAction),
    /// The runtime opened a station's record.
    Opened(CountRecord),
    /// The runtime saved a change; this is the stored record.
    Saved(CountRecord),
    /// The runtime finalised the record.
    Finalised(CountRecord),
    /// The runtime could not save.
    StorageFailed(String),
    /// The runtime could not save a box, the note or the yes/no answer: what it was and why.
    NotSaved { what: Unsaved, reason: String },
    /// F2 on the station screen: the phone check (telefonische controle).
    PhoneCheck,
    /// The runtime's answer: every station's phone status.
    PhoneOverview(Vec<StationPhoneStatus>),
    /// The runtime wrote the annex (and printed it when configured).
    AnnexWritten {
        path: String,
        printed: Option<String>,
    },
    /// The runtime found that this window may only read the workspace.
    Guard(Guard),
    /// The runtime logged the operator's consent to go on with a broken audit log.
    ChainAccepted,
    /// The workspace was changed by another process: every station's latest record.
    Refreshed(Vec<CountRecord>),
    /// The desk's keys and the runtime's answers for it (see `desk/`).
    Desk(DeskMsg),
    /// The status board's keys and the runtime's answers for it (see `board/`).
    Board(BoardMsg),
}

/// A change the storage refused, as the runtime hands it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsaved {
    Field(Field, Option<u64>),
    Mark(Mark),
    Note(String),
}

/// What the runtime must do for the App. Every confirmed change is saved at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open (or start) the station's record; answer with [`Msg::Opened`].
    OpenStation(u32),
    SaveField {
        station: u32,
        field: Field,
        value: Option<u64>,
    },
    SaveMark {
        station: u32,
        mark: Mark,
        on: bool,
    },
    SaveNote {
        station: u32,
        note: String,
    },
    SetResume(ResumePoint),
    /// Append a row to the audit log (e.g. a warning acknowledged).
    LogEvent {
        station: u32,
        event: AuditEvent,
    },
    Finalise {
        station: u32,
        acknowledged: Vec<String>,
    },
    StartCorrection {
        station: u32,
        reason: String,
    },
    /// Read every station's phone status; answer with [`Msg::PhoneOverview`].
    LoadPhoneOverview,
    /// Write the station's annex PDF, print it when `printing` says so; answer
    /// with [`Msg::AnnexWritten`].
    WriteAnnex {
        station: u32,
        printing: crate::settings::Printing,
    },
    /// Log the operator's consent to go on with a broken audit log; answer with
    /// [`Msg::ChainAccepted`].
    AcceptBrokenChain,
    /// A step of the desk; answered with [`Msg::Desk`].
    Desk(DeskEffect),
    /// The status board reads the workspace or imports a scanned record; answered
    /// with [`Msg::Board`].
    Board(board_screen::Request),
    /// Store a finished phone check (audit log); answer with [`Msg::PhoneOverview`].
    RecordPhoneCheck {
        station: u32,
        check: PhoneCheckEvent,
    },
}

/// How far a station is, for the station list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StationStatus {
    Draft { version: u32 },
    Finalised { version: u32 },
}

impl StationStatus {
    pub fn of(record: &CountRecord) -> StationStatus {
        StationStatus::from_state(record.lifecycle.state, record.lifecycle.version)
    }

    pub fn from_state(state: RecordState, version: u32) -> StationStatus {
        match state {
            RecordState::Draft => StationStatus::Draft { version },
            RecordState::Finalised => StationStatus::Finalised { version },
        }
    }
}

/// The whole state of the interface.
#[derive(Debug, Clone)]
pub struct App {
    pub election: Election,
    pub language: Language,
    pub screen: Screen,
    pub dialog: Option<Dialog>,
    pub notice: Option<Notice>,
    /// The open station's record (None on the station screen before one is opened).
    pub record: Option<CountRecord>,
    /// Index of the current field in the current step's items.
    pub cursor: usize,
    /// What has been typed in the current field and not yet confirmed.
    pub input: String,
    /// The station filter as typed.
    pub filter: String,
    /// Index into the filtered station list.
    pub station_cursor: usize,
    pub statuses: BTreeMap<u32, StationStatus>,
    /// The rule results shown on the check screen.
    pub results: Vec<RuleResult>,
    pub result_cursor: usize,
    /// Warning codes the operator acknowledged for the open record.
    pub acknowledged: BTreeSet<String>,
    /// Scroll offset of the finalise screen's table.
    pub scroll: u16,
    /// Set when Enter on a rule result led to a field: Esc goes back to the check.
    pub from_check: bool,
    /// Where to go once the resumed station is open.
    pending_resume: Option<ResumePoint>,
    /// Set when the operator confirmed leaving.
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
            screen: Screen::Stations,
            dialog: None,
            notice: None,
            record: None,
            cursor: 0,
            input: String::new(),
            filter: String::new(),
            station_cursor: 0,
            statuses,
            results: Vec::new(),
            result_cursor: 0,
            acknowledged: BTreeSet::new(),
            scroll: 0,
            from_check: false,
            pending_resume: resume,
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
        match &self.pending_resume {
            Some(p) => vec![Effect::OpenStation(p.station)],
            None => Vec::new(),
        }
    }

    pub fn english(&self) -> bool {
        self.language.is_english()
    }

    /// The stations that match the filter: by number, name or postcode. A station whose
    /// number is exactly what was typed comes first, then number prefixes, then the rest,
    /// so typing "2" and Enter opens station 2 even when every postcode holds a 2.
    pub fn filtered_stations(&self) -> Vec<&crate::election::PollingStation> {
        let needle = self.filter.trim().to_lowercase();
        let mut matches: Vec<(u8, &crate::election::PollingStation)> = self
            .election
            .stations
            .iter()
            .filter_map(|s| {
                let number = s.number.to_string();
                let rank = if needle.is_empty() || number == needle {
                    0
                } else if number.starts_with(&needle) {
                    1
                } else if s.name.to_lowercase().contains(&needle)
                    || s.postcode.to_lowercase().contains(&needle)
                {
                    2
                } else {
                    return None;
                };
                Some((rank, s))
            })
            .collect();
        matches.sort_by_key(|(rank, s)| (*rank, s.number));
        matches.into_iter().map(|(_, s)| s).collect()
    }

    /// The current step, when a step screen is showing.
    pub fn step(&self) -> Option<Step> {
        match self.screen {
            Screen::Step(s) => Some(s),
            _ => None,
        }
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
            Some(Item::Count(_)) => !self.input.is_empty(),
            Some(Item::Note) => self
                .record
                .as_ref()
                .is_some_and(|r| r.differences.note != self.input),
            _ => false,
        }
    }

    pub fn items(&self, step: Step) -> Vec<Item> {
        match &self.record {
            Some(r) => flow::items(&self.election, r, step),
            None => Vec::new(),
        }
    }

    /// The field the cursor is on.
    pub fn current_item(&self) -> Option<Item> {
        let step = self.step()?;
        self.items(step).get(self.cursor).copied()
    }

    /// Whether keys are free text here (so `q` and `?` are letters, not commands).
    pub fn in_text(&self) -> bool {
        match &self.dialog {
            Some(Dialog::CorrectionReason(_)) => true,
            Some(_) => false,
            None => match self.screen {
                Screen::Stations => !self.filter.is_empty(),
                Screen::Step(_) => self.current_item() == Some(Item::Note),
                Screen::Done | Screen::ReadAloud | Screen::Phone(_) => false,
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
        let position = match self.screen {
            Screen::Stations => return None,
            Screen::Done | Screen::ReadAloud => "done".to_string(),
            Screen::Phone(_) | Screen::Desk | Screen::Board => return None,
            Screen::Step(step) => {
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
                self.phone.cursor = self.phone.cursor.min(overview.len().saturating_sub(1));
                self.phone.overview = overview;
                return;
            }
            Msg::Guard(guard) => return self.guarded(guard),
            Msg::ChainAccepted => return self.chain_accepted(),
            Msg::Refreshed(records) => return self.refreshed(records),
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
        match self.screen {
            Screen::Stations => self.on_stations(msg, fx),
            Screen::Step(Step::Check) => self.on_check(msg, fx),
            Screen::Step(Step::Finalise) => self.on_finalise(msg, fx),
            Screen::Step(step) => self.on_entry(step, msg, fx),
            Screen::Done => self.on_done(msg, fx),
            Screen::ReadAloud => self.on_read_aloud(msg),
            Screen::Phone(screen) => self.on_phone(screen, msg, fx),
            Screen::Desk => self.on_desk(msg, fx),
            Screen::Board => {
                if let Msg::Board(m) = msg {
                    self.on_board(m, fx);
                }
            }
        }
    }

    /// Hands a message to the board's own `update` and does what it asks.
    fn on_board(&mut self, msg: BoardMsg, fx: &mut Vec<Effect>) {
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

    /// Hands a message to the desk's own `update`; back to the stations when it is left.
    fn on_desk(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        fx.extend(
            self.desk
                .update(&self.election, msg)
                .into_iter()
                .map(Effect::Desk),
        );
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
    fn open_desk(&mut self, station: u32, fx: &mut Vec<Effect>) {
        self.record = None;
        self.saved = None;
        self.screen = Screen::Desk;
        fx.extend(self.desk.open(station).into_iter().map(Effect::Desk));
    }

    fn in_dialog(&mut self, dialog: Dialog, msg: Msg, fx: &mut Vec<Effect>) {
        let yes = matches!(msg, Msg::Char('j' | 'J' | 'y' | 'Y'));
        let no = matches!(msg, Msg::Char('n' | 'N') | Msg::Back);
        match dialog {
            Dialog::Help => {
                if matches!(msg, Msg::Back | Msg::Help | Msg::Confirm | Msg::Char('q')) {
                    self.dialog = None;
                } else if msg == Msg::Quit {
                    self.dialog = Some(Dialog::Quit);
                }
            }
            Dialog::Quit => {
                if msg == Msg::Confirm && self.pending_input() {
                    // Confirm what is typed, then stop; a refused save cancels the stop
                    // (see `not_saved`) so that the operator sees it.
                    self.dialog = None;
                    self.quit = true;
                    if self.screen == Screen::Desk {
                        self.on_desk(Msg::Confirm, fx);
                    } else {
                        self.commit_current(fx);
                    }
                } else if yes || msg == Msg::Quit {
                    self.quit = true;
                    self.dialog = None;
                } else if no {
                    self.dialog = None;
                }
            }
            Dialog::LeaveStation => {
                if yes {
                    self.dialog = None;
                    self.go_stations();
                } else if no || msg == Msg::Quit {
                    self.dialog = None;
                }
            }
            Dialog::UnbalancedList { to, .. } => {
                if yes {
                    self.dialog = None;
                    self.go(to.0, to.1);
                } else if no || msg == Msg::Quit {
                    self.dialog = None;
                }
            }
            Dialog::ConfirmFinalise => {
                if yes {
                    self.dialog = None;
                    if let Some(station) = self.station() {
                        fx.push(Effect::Finalise {
                            station,
                            acknowledged: self.acknowledged.iter().cloned().collect(),
                        });
                    }
                } else if no || msg == Msg::Quit {
                    self.dialog = None;
                }
            }
            Dialog::CorrectionReason(mut reason) => match msg {
                Msg::Char(c) => {
                    reason.push(c);
                    self.dialog = Some(Dialog::CorrectionReason(reason));
                }
                Msg::Toggle => {
                    reason.push(' ');
                    self.dialog = Some(Dialog::CorrectionReason(reason));
                }
                Msg::Erase => {
                    reason.pop();
                    self.dialog = Some(Dialog::CorrectionReason(reason));
                }
                Msg::Confirm => {
                    let reason = reason.trim().to_string();
                    if reason.is_empty() {
                        self.notice = Some(Notice::ReasonRequired);
                    } else if let Some(station) = self.station() {
                        self.dialog = None;
                        fx.push(Effect::StartCorrection { station, reason });
                    }
                }
                Msg::Back => self.dialog = None,
                Msg::Quit => self.dialog = Some(Dialog::Quit),
                _ => {}
            },
            Dialog::Guard => self.in_guard_dialog(msg, fx),
        }
    }

    fn opened(&mut self, record: CountRecord, fx: &mut Vec<Effect>) {
        if record.mode == EntryMode::Transcription {
            // A transcribed paper (or a station's record received here) is handled at
            // the desk, where the paper's own figures are shown and typed, not summed.
            self.pending_resume = None;
            return self.open_desk(record.station, fx);
        }
        self.from_check = false;
        self.statuses
            .insert(record.station, StationStatus::of(&record));
        self.acknowledged = record
            .lifecycle
            .acknowledged_warnings
            .iter()
            .cloned()
            .collect();
        let station = record.station;
        let version = record.lifecycle.version;
        let finalised = record.lifecycle.state == RecordState::Finalised;
        self.saved = Some(record.clone());
        self.unsaved = None;
        self.record = Some(record);
        self.input.clear();
        self.dialog = None;
        if finalised {
            self.screen = Screen::Done;
            self.pending_resume = None;
            return;
        }
        if let Some(point) = self.pending_resume.take()
            && point.station == station
            && let Some((step, index)) = self.parse_position(&point.position)
        {
            self.go(step, index);
            self.notice = Some(Notice::Resumed {
                station,
                step,
                field: self.current_item().map(Item::key),
            });
            return;
        }
        if version > 1 {
            // A corrigendum starts from a full copy: walk it from the top.
            self.go(Step::Voters, 0);
            self.notice = Some(Notice::CorrectionStarted { version });
            return;
        }
        let (step, index) = self.first_empty();
        self.go(step, index);
    }

    fn parse_position(&self, position: &str) -> Option<(Step, usize)> {
        let (step_key, item_key) = match position.split_once(':') {
            Some((s, i)) => (s, Some(i)),
            None => (position, None),
        };
        let step = Step::parse(step_key, &self.election)?;
        let index = match item_key {
            Some(key) => self
                .items(step)
                .iter()
                .position(|i| i.key() == key)
                .unwrap_or(0),
            None => 0,
        };
        Some((step, index))
    }

    /// The first field still empty, in form order (where a new or half-done record starts).
    fn first_empty(&self) -> (Step, usize) {
        let Some(record) = &self.record else {
            return (Step::Voters, 0);
        };
        for step in flow::steps(&self.election) {
            for (index, item) in self.items(step).iter().enumerate() {
                if let Item::Count(f) = item
                    && record.get(*f).is_none()
                {
                    return (step, index);
                }
            }
        }
        (Step::Check, 0)
    }

    /// Moves to a step and field, clearing any typing.
    fn go(&mut self, step: Step, index: usize) {
        if step == Step::Check && self.screen != Screen::Step(Step::Check) {
            self.refresh_results();
            self.from_check = false;
        }
        if step == Step::Finalise {
            self.scroll = 0;
        }
        if step == Step::Finalise && self.screen != Screen::Step(Step::Finalise) {
            // The overview says what still blocks finalising: on today's figures.
            self.refresh_results();
        }
        self.screen = Screen::Step(step);
        let count = self.items(step).len();
        self.cursor = index.min(count.saturating_sub(1));
        self.input.clear();
        self.unsaved = None;
        if self.current_item() == Some(Item::Note)
            && let Some(r) = &self.record
        {
            self.input = r.differences.note.clone();
        }
    }

    fn refresh_results(&mut self) {
        if let Some(r) = &self.record {
            self.results = rules::validate(&self.election, r);
        }
        self.result_cursor = 0;
    }

    // ----- station choice -----

    fn on_stations(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::PhoneCheck => self.open_phone_overview(fx),
            Msg::Board(m @ BoardMsg::Show) => self.on_board(m, fx),
            Msg::Desk(DeskMsg::OpenChosen) => {
                let chosen = self
                    .filtered_stations()
                    .get(self.station_cursor)
                    .map(|s| s.number);
                match chosen {
                    Some(n) => {
                        self.filter.clear();
                        self.open_desk(n, fx);
                    }
                    None => self.notice = Some(Notice::NoStationMatches),
                }
            }
            Msg::Char(c) => {
                self.filter.push(c);
                self.station_cursor = 0;
                if self.filtered_stations().is_empty() {
                    self.notice = Some(Notice::NoStationMatches);
                }
            }
            Msg::Toggle => self.filter.push(' '),
            Msg::Erase => {
                self.filter.pop();
                self.station_cursor = 0;
            }
            Msg::Back => {
                if self.filter.is_empty() {
                    self.dialog = Some(Dialog::Quit);
                } else {
                    self.filter.clear();
                    self.station_cursor = 0;
                }
            }
            Msg::Next if self.station_cursor + 1 < self.filtered_stations().len() => {
                self.station_cursor += 1;
            }
            Msg::Prev => self.station_cursor = self.station_cursor.saturating_sub(1),
            Msg::Confirm => {
                let chosen = self
                    .filtered_stations()
                    .get(self.station_cursor)
                    .map(|s| s.number);
                match chosen {
                    Some(n) => {
                        self.filter.clear();
                        fx.push(Effect::OpenStation(n));
                    }
                    None => self.notice = Some(Notice::NoStationMatches),
                }
            }
            _ => {}
        }
    }
}

mod entry;
mod guard;
mod phone;
mod review;

pub use guard::Guard;
#[cfg(test)]
mod tests;
