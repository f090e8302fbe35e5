//! Typed audit events: what one row of the audit log records, as data.
//!
//! Every change telraam stores is one [`AuditEvent`]. Storage serialises it into the
//! audit row's `event` column ([`AuditEvent::to_stored`]: one line of JSON with a
//! format version, `{"v":1,"kind":"phone-check",...}`), covered by the row's hash, and
//! reads it back with [`AuditEvent::from_stored`]; nothing parses the human-readable
//! `what`/`old_value`/`new_value` columns back. Those columns are still written, from
//! the event ([`AuditEvent::what`], [`AuditEvent::old_value`], [`AuditEvent::new_value`]),
//! so that `audit show` reads as before.
//!
//! This module knows nothing of SQLite (the domain core stays free of it): storage
//! only writes and reads what it is given here.

use crate::aggregate::Totals;
use crate::desk::{Source, Stage};
use crate::form::Target;
use crate::record::{Count, EntryMode, Field, Mark};
use serde::{Deserialize, Serialize};

mod columns;
mod desk;
mod keys;
#[cfg(test)]
mod tests;
pub mod words;

pub use desk::DeskStep;
use keys::{field_key, mark_key, optional_target_key};

/// One code group as spoken, "1234-5" (as `verification::Group`, which this module
/// does not import: the verification code reads events, not the other way round).
type Group = String;

/// The format version written into every event (`"v"`). A row with a higher version
/// was written by a newer telraam and is refused, not guessed at. Version 2 typed the
/// desk's steps ([`DeskStep`]); a version-1 `entry-step` is read back into it.
pub const EVENT_VERSION: u32 = 2;

/// The audit log's `what` of an acknowledged warning.
pub const WARNING_ACKNOWLEDGED: &str = "warning acknowledged";
/// The audit log's `what` of a withdrawn acknowledgement.
pub const ACKNOWLEDGEMENT_WITHDRAWN: &str = "warning acknowledgement withdrawn";
/// The audit log's `what` when the operator went on with a broken audit chain.
pub const BROKEN_CHAIN_ACCEPTED: &str = "continued on a broken audit log";
/// The audit log's `what` of a phone check.
pub const PHONE_CHECK: &str = "phone check";
/// The audit log's `what` of a full record compared with the record code phoned.
pub const RECORD_COMPARED: &str = "record compared with phone";
/// The audit log's `what` of a 510b's own municipal totals.
pub const TOTALS_510B: &str = "510b totals";

/// One figure: a count box and what it held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    #[serde(with = "field_key")]
    pub field: Field,
    pub value: Count,
}

/// A phone check at the municipality: the quick report typed while listening, the
/// quick-report code typed, and (when that matched) the record code phoned with it,
/// the station's *expected record code*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneCheckEvent {
    /// Whether the quick-report code matched the figures typed.
    pub verified: bool,
    /// The quick-report code typed.
    pub quick: Vec<Group>,
    /// The record code phoned (empty unless verified).
    pub expected: Vec<Group>,
    /// The figures typed, in reading order (E.1 … E.n, F, G, D). `None` for a check
    /// carried over from a workspace of before they were kept.
    pub figures: Option<Vec<Figure>>,
    /// SHA-256 (hex) of the quick-report text of the typed figures.
    pub figures_sha256: String,
    /// The audit row of an older workspace this check was carried over from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migrated_from_row: Option<i64>,
}

/// A quick-report figure whose value in the full record is not what was phoned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureDifference {
    #[serde(with = "field_key")]
    pub field: Field,
    pub phoned: Count,
    pub record: Count,
}

/// A list whose candidate votes in the full record do not add up to the list total
/// phoned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListSum {
    pub list: u32,
    /// The list's candidate votes added up, in the full record.
    pub candidates: u64,
    /// E.n as phoned.
    pub phoned: Count,
}

/// Where a full record differs from what was phoned, as far as it can be known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Located {
    /// Whether the figures phoned are known (not for a check carried over from an
    /// older workspace): only then can `quick` and `lists` name anything.
    pub phoned_figures_known: bool,
    /// Quick-report figures whose value in the record differs from what was phoned.
    pub quick: Vec<FigureDifference>,
    /// Lists whose candidate votes do not add up to the list total phoned.
    pub lists: Vec<ListSum>,
    /// The latest earlier version of this record whose code was the phoned one, if any.
    pub matched_version: Option<u32>,
    /// The sections (code keys: "voters", "votes", "differences", "candidates.3") in
    /// which the record's figures differ from that version's, figure by figure.
    pub sections: Vec<String>,
}

impl Located {
    /// Whether anything at all was located: when not, the difference lies outside the
    /// phoned figures and no earlier version matched, so only the paper can tell.
    pub fn is_empty(&self) -> bool {
        self.quick.is_empty() && self.lists.is_empty() && self.sections.is_empty()
    }
}

/// A full record (QR codes, result file, 510b, transcription) compared with the record
/// code phoned on election night.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordComparison {
    /// The version of the record compared.
    pub version: u32,
    /// The record's own record code.
    pub record: Vec<Group>,
    /// The record code phoned.
    pub expected: Vec<Group>,
    /// Where it differs (empty when it matches).
    pub located: Located,
}

impl RecordComparison {
    pub fn matches(&self) -> bool {
        self.record == self.expected
    }
}

/// The municipal totals a 510b states for itself, kept so that `aggregate` and
/// `export-eml` can compare the added-up records with them later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredTotals {
    /// The 510b the totals come from (as given on the command line).
    pub source: String,
    /// Its SHA-256 in groups of four.
    pub fingerprint: String,
    pub election_id: String,
    pub totals: Totals,
}

/// How a record came to be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    Counting,
    Transcription,
}

impl From<EntryMode> for Mode {
    fn from(m: EntryMode) -> Mode {
        match m {
            EntryMode::Counting => Mode::Counting,
            EntryMode::Transcription => Mode::Transcription,
        }
    }
}

/// One audited change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum AuditEvent {
    /// The workspace's election was set (or replaced the demo it was seeded with).
    Election {
        id: String,
        demo: bool,
        /// The election it replaced ("" for none).
        replaced: String,
    },
    /// A station's first draft was started.
    Start { mode: Mode },
    /// One count box saved.
    Field {
        #[serde(with = "field_key")]
        field: Field,
        old: Count,
        new: Count,
    },
    /// One checkbox saved.
    Mark {
        #[serde(with = "mark_key")]
        mark: Mark,
        old: bool,
        new: bool,
    },
    /// The difference note saved.
    Note { old: String, new: String },
    /// An answer counting mode cleared because the form no longer asks for it
    /// (`target` None: the note).
    Cleared {
        #[serde(with = "optional_target_key")]
        target: Option<Target>,
        old: String,
    },
    /// A version finalised (vastgesteld), with the warnings acknowledged.
    Finalised { acknowledged: Vec<String> },
    /// A corrigendum: a new draft version after a finalised one, with a reason.
    Corrigendum { from_version: u32, reason: String },
    /// A whole record stored (import of a result file, QR codes or a 510b; generate).
    RecordStored {
        /// How it came in: "import", "import-eml 510b FILE", "generate".
        source: String,
        version: u32,
        finalised: bool,
        /// The draft version it replaced.
        replaced_draft: Option<u32>,
        /// Why a record that said finalised was stored as a draft.
        demoted: Option<String>,
    },
    /// A warning acknowledged for the current draft.
    WarningAcknowledged { code: String },
    /// An acknowledgement taken back.
    AcknowledgementWithdrawn { code: String },
    /// A result file written.
    Exported { note: String },
    /// The operator chose to go on with a broken audit chain.
    BrokenChainAccepted { said: String },
    /// A phone check.
    PhoneCheck(PhoneCheckEvent),
    /// A full record compared with the record code phoned.
    RecordCompared(RecordComparison),
    /// A 510b's own municipal totals.
    Totals510b(StoredTotals),
    /// The desk's double entry: entry `number` of a station's paper PV started from
    /// the station's own record on import; `stage`: the station's new stage when the
    /// entry changed it.
    EntryStarted {
        number: u8,
        source: Source,
        stage: Option<Stage>,
    },
    /// One step of entry `number` at the desk (started, a box typed, the entry
    /// finished, the coordinator's choice); `stage`: the station's new stage when the
    /// step changed it.
    EntryStep {
        number: u8,
        step: DeskStep,
        stage: Option<Stage>,
    },
    /// The double entry agreed (or the coordinator chose): entry `kept` became the
    /// station's record.
    DoubleEntryAccepted { kept: u8 },
    /// An older workspace brought up to this version.
    Migrated {
        from_schema: u32,
        to_schema: u32,
        note: String,
    },
}

/// Why a stored event cannot be read. Said in the chosen language ([`crate::i18n`];
/// the words are in [`words`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventError {
    /// The row's format version is higher than this telraam reads.
    Newer(u64),
    /// The row is not an event this telraam wrote; the JSON reader's words.
    Unreadable(String),
}

impl std::fmt::Display for EventError {
    /// In the language chosen for messages ([`crate::i18n`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&words::event_error(
            self,
            crate::i18n::language().is_english(),
        ))
    }
}

impl std::error::Error for EventError {}

#[derive(Serialize)]
struct Out<'a> {
    v: u32,
    #[serde(flatten)]
    event: &'a AuditEvent,
}

#[derive(Deserialize)]
struct In {
    v: u64,
    #[serde(flatten)]
    event: serde_json::Value,
}

impl AuditEvent {
    /// The one-line JSON stored in the audit row, with the format version.
    pub fn to_stored(&self) -> String {
        serde_json::to_string(&Out {
            v: EVENT_VERSION,
            event: self,
        })
        .unwrap_or_default()
    }

    /// Reads a stored event back.
    pub fn from_stored(text: &str) -> Result<AuditEvent, EventError> {
        let read: In =
            serde_json::from_str(text).map_err(|e| EventError::Unreadable(e.to_string()))?;
        if read.v > u64::from(EVENT_VERSION) {
            return Err(EventError::Newer(read.v));
        }
        if read.v == 1 && read.event.get("kind").and_then(|k| k.as_str()) == Some("entry-step") {
            let legacy: desk::LegacyStep = serde_json::from_value(read.event)
                .map_err(|e| EventError::Unreadable(e.to_string()))?;
            return desk::legacy_step(legacy)
                .ok_or_else(|| EventError::Unreadable("entry-step".into()));
        }
        serde_json::from_value(read.event).map_err(|e| EventError::Unreadable(e.to_string()))
    }
}

/// The warnings acknowledged for a station's current draft, from its events oldest
/// first: a new version (start, corrigendum, a stored record, finalising) starts with none.
pub fn acknowledged<'a>(events: impl IntoIterator<Item = &'a AuditEvent>) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for event in events {
        match event {
            AuditEvent::Start { .. }
            | AuditEvent::Corrigendum { .. }
            | AuditEvent::RecordStored { .. }
            | AuditEvent::Finalised { .. } => codes.clear(),
            AuditEvent::WarningAcknowledged { code } if !codes.contains(code) => {
                codes.push(code.clone());
            }
            AuditEvent::AcknowledgementWithdrawn { code } => codes.retain(|c| c != code),
            _ => {}
        }
    }
    codes
}
