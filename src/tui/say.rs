//! What the screens say and show, as codes with their arguments: the App's notices
//! and its read-only guard, a station's status, the Done screen's actions, the
//! scan field's notes, the desk's notices, questions and hints. No words here: the
//! text tables (`text.rs` and `text/`) alone turn each into Dutch or English; the
//! App, the desk and the board only choose which to show.
//!
//! A leaf below the text tables: it names no screen module but the steps of the
//! form (`flow`) and the phone check's notices, so that the text tables can name
//! these types while the screens use both, and no import circle runs through here.

use super::flow::{Item, Step};
use super::phone::PhoneNotice;
use crate::annex::scan::Refusal;
use crate::desk::Stage;
use crate::form::Target;
use crate::record::{CountRecord, RecordState};
use crate::storage::AuditProblem;
use crate::storage::lock::Holder;

// ----- the App -----

/// What can be done with a finalised record. The verification code and the annex
/// hang off here: add a variant, its key in `keys.rs`, its label in `text.rs` and
/// its handling in [`App::done_action`](super::App::done_action).
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
    NotSaved { item: Item, reason: String },
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
    /// A key that would save, refused: this window only reads ([`App::guard`](super::App::guard)).
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

/// Why this window only reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Guard {
    /// Another telraam has the workspace open (who, when its holder file says).
    HeldBy(Option<Holder>),
    /// The workspace folder is write-protected.
    ReadOnlyFolder,
    /// The audit log does not verify (from its first bad row, and why). Saving waits for
    /// the operator's explicit consent, which is logged.
    BrokenChain(AuditProblem),
}

// ----- the status board's scan field -----

/// What the last part (or import) did, for the field's message line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanNote {
    Taken(usize),
    Again(usize),
    Refused(Refusal),
    Importing,
    Imported {
        station: u32,
        version: u32,
    },
    ImportedAsDraft {
        station: u32,
        version: u32,
        why: String,
    },
    NotImported(String),
}

impl ScanNote {
    pub fn is_error(&self) -> bool {
        matches!(self, ScanNote::Refused(_) | ScanNote::NotImported(_))
    }
}

// ----- the desk -----

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

/// What a box should be, and whether the paper says otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// A sum of other boxes: `parts` in the form's letters ("A + B"), its value.
    Sum {
        parts: String,
        value: u64,
        differs: bool,
    },
    /// The candidates of a list page added up.
    Candidates { value: u64, differs: bool },
    /// The box should be empty (or 0): the difference lies the other way.
    Empty { differs: bool },
    /// A tick box: whether it should be ticked.
    Tick { should: bool, differs: bool },
}

impl Hint {
    pub fn differs(&self) -> bool {
        match self {
            Hint::Sum { differs, .. }
            | Hint::Candidates { differs, .. }
            | Hint::Empty { differs }
            | Hint::Tick { differs, .. } => *differs,
        }
    }
}
