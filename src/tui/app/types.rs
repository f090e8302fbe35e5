//! The App's vocabulary: the dialogs, the messages in ([`Msg`]) and the effects
//! out ([`Effect`]). Which screen shows, with its own state, is `screen.rs`; what
//! the App says (its notices, a station's status, the Done screen's actions) is in
//! `tui/say.rs`, below the text tables.

use super::*;

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
    /// Every station's stage at the desk, from the workspace (at start, and when
    /// another process changed it); a station not listed has no entry.
    DeskStages(BTreeMap<u32, crate::desk::Stage>),
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
    /// A confirmed box: what the lifecycle decided on the App's copy (shown at once),
    /// for storage to write as it stands; None when the lifecycle refused it, so that
    /// storage says why.
    SaveField {
        station: u32,
        field: Field,
        value: Option<u64>,
        decided: Option<Box<crate::lifecycle::Decided>>,
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
