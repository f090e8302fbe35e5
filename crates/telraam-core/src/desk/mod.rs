// Over 400 lines on purpose: the desk's stages and every transition between them are one state machine, read as one.
//! The municipality's desk (gemeentelijk stembureau): every station's paper
//! proces-verbaal is entered twice, by two different typists (the vierogenprincipe
//! of Abacus and OSV2020), and only a record both entries agree on is added up.
//!
//! Pure domain: no terminal, no database. An [`Entry`] is one transcription of the
//! paper (or the station's own record, from its annex's QR codes or its result
//! file, which counts as one entry as Abacus counts an EML import). A [`Desk`] holds
//! a station's entries and says where the station stands ([`Stage`]):
//!
//! | stage | meaning | next |
//! |---|---|---|
//! | [`Stage::NoEntry`] | nothing entered | a first entry |
//! | [`Stage::FirstEntry`] | the first entry is being typed | its typist finishes it |
//! | [`Stage::AwaitingSecond`] | one entry is complete | a second entry by another typist |
//! | [`Stage::SecondEntry`] | the second entry is being typed | its typist finishes it |
//! | [`Stage::Differences`] | the two differ (W.001): the second typist re-checks those boxes | the second typist finishes the re-check |
//! | [`Stage::AtCoordinator`] | still different after the re-check | the coordinator keeps one entry or discards one |
//! | [`Stage::Accepted`] | both entries agree (or the coordinator kept one) | added up |
//!
//! Every box of the station's form generation that is printed on paper is part of
//! an entry, as written on paper: D, E, H, I, J, the D/H boxes and the explanation
//! boxes included ([`paper_boxes`]). The note (toelichting) is free text and the
//! ballot stock is telraam's own help, not a box of the paper: neither is compared.

pub mod boxes;
#[cfg(test)]
mod tests;

pub use boxes::{BoxValue, differing, paper_boxes, same, set_value, value};

use crate::election::Election;
use crate::form::Target;
use crate::record::{CountRecord, EntryMode};

/// Where an entry's figures come from. Written in audit events by its key
/// (`"result-file"`, as [`Source::key`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// Typed from the paper proces-verbaal at the desk.
    Paper,
    /// The station's own record: its annex's QR codes, scanned.
    QrScan,
    /// The station's own record: its result file.
    ResultFile,
}

impl Source {
    pub const ALL: [Source; 3] = [Source::Paper, Source::QrScan, Source::ResultFile];

    /// The key storage and the audit log write.
    pub fn key(self) -> &'static str {
        match self {
            Source::Paper => "paper",
            Source::QrScan => "qr-scan",
            Source::ResultFile => "result-file",
        }
    }

    pub fn parse(key: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Whether the entry is the station's own record rather than a typist's.
    pub fn from_station(self) -> bool {
        self != Source::Paper
    }
}

/// One entry of a station's paper proces-verbaal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// 1 or 2: the first or the second entry.
    pub number: u8,
    /// Who typed it (for a station's own record: who imported it).
    pub operator: String,
    pub source: Source,
    /// Whether its typist said it is complete.
    pub finished: bool,
    /// The figures, as written on paper (a transcription-mode record).
    pub record: CountRecord,
}

/// Where a station stands at the desk. See the module's table. Written in audit
/// events by its key (`"awaiting-second"`, as [`Stage::key`]).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    NoEntry,
    FirstEntry,
    AwaitingSecond,
    SecondEntry,
    Differences,
    AtCoordinator,
    Accepted,
}

impl Stage {
    pub const ALL: [Stage; 7] = [
        Stage::NoEntry,
        Stage::FirstEntry,
        Stage::AwaitingSecond,
        Stage::SecondEntry,
        Stage::Differences,
        Stage::AtCoordinator,
        Stage::Accepted,
    ];

    /// The key storage writes (and `telraam status` may print).
    pub fn key(self) -> &'static str {
        match self {
            Stage::NoEntry => "no-entry",
            Stage::FirstEntry => "first-entry",
            Stage::AwaitingSecond => "awaiting-second",
            Stage::SecondEntry => "second-entry",
            Stage::Differences => "differences",
            Stage::AtCoordinator => "at-coordinator",
            Stage::Accepted => "accepted",
        }
    }

    pub fn parse(key: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Why a step at the desk is refused. Words in the interface's text table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskError {
    /// Both entries are there already.
    TwoEntries,
    /// The second entry must be typed by someone other than the first typist.
    SameTypist { first: String },
    /// The entry is being typed by someone else.
    OtherTypist { number: u8, operator: String },
    /// No such entry.
    NoEntry(u8),
    /// The step does not apply at this stage.
    WrongStage(Stage),
    /// During the re-check only the boxes that differ may be changed.
    NotDiffering(Target),
    /// The box is not a box of this station's paper form.
    NotOnPaper(Target),
    /// The value does not fit the box (a tick for a count or the other way round).
    WrongKind(Target),
}

/// One station's entries and their settlement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Desk {
    pub station: u32,
    /// Entry 1 first; at most two.
    pub entries: Vec<Entry>,
    /// The boxes that differed at the last comparison (W.001).
    pub differing: Vec<Target>,
    /// Whether the second typist finished re-checking the differing boxes.
    pub rechecked: bool,
    /// The entry that was accepted.
    pub kept: Option<u8>,
}

impl Desk {
    pub fn new(station: u32) -> Desk {
        Desk {
            station,
            entries: Vec::new(),
            differing: Vec::new(),
            rechecked: false,
            kept: None,
        }
    }

    pub fn entry(&self, number: u8) -> Option<&Entry> {
        self.entries.iter().find(|e| e.number == number)
    }

    /// Where the station stands.
    pub fn stage(&self) -> Stage {
        if self.kept.is_some() {
            return Stage::Accepted;
        }
        match (self.entry(1), self.entry(2)) {
            (None, _) => Stage::NoEntry,
            (Some(first), None) if !first.finished => Stage::FirstEntry,
            (Some(_), None) => Stage::AwaitingSecond,
            (Some(_), Some(second)) if !second.finished => Stage::SecondEntry,
            _ if self.rechecked => Stage::AtCoordinator,
            _ => Stage::Differences,
        }
    }

    /// The accepted record, once accepted.
    pub fn accepted(&self) -> Option<&CountRecord> {
        self.kept.and_then(|n| self.entry(n)).map(|e| &e.record)
    }

    /// The typed entry that re-checks the differing boxes against the paper: the
    /// second, or the first when the second is the station's own record.
    pub fn rechecking(&self) -> Option<u8> {
        [2, 1]
            .into_iter()
            .find(|n| self.entry(*n).is_some_and(|e| e.source == Source::Paper))
    }

    /// The entry `operator` works on now, if any: the one being typed that is theirs,
    /// or the one that re-checks the differences.
    pub fn open_entry_of(&self, operator: &str) -> Option<u8> {
        let number = match self.stage() {
            Stage::FirstEntry => 1,
            Stage::SecondEntry => 2,
            Stage::Differences => self.rechecking()?,
            _ => return None,
        };
        self.entry(number)
            .filter(|e| e.operator == operator)
            .map(|e| e.number)
    }

    /// Starts the next entry. A typed entry starts empty; a station's own record
    /// arrives complete (finished). Returns its number.
    pub fn start(
        &mut self,
        election: &Election,
        operator: &str,
        source: Source,
        record: Option<CountRecord>,
    ) -> Result<u8, DeskError> {
        let stage = self.stage();
        if source.from_station()
            && stage == Stage::AwaitingSecond
            && let Some(first) = self.entries.iter_mut().find(|e| e.number == 1)
            && first.source.from_station()
        {
            // A newer record from the station replaces its earlier one: the two are
            // not independent entries.
            if let Some(mut record) = record {
                record.station = self.station;
                first.record = record;
            }
            first.source = source;
            first.operator = operator.to_string();
            return Ok(1);
        }
        let number = match stage {
            Stage::NoEntry => 1,
            Stage::AwaitingSecond => 2,
            Stage::FirstEntry | Stage::SecondEntry => {
                return Err(match self.entries.last() {
                    Some(e) => DeskError::OtherTypist {
                        number: e.number,
                        operator: e.operator.clone(),
                    },
                    None => DeskError::WrongStage(stage),
                });
            }
            Stage::Differences | Stage::AtCoordinator | Stage::Accepted => {
                return Err(if self.entries.len() >= 2 {
                    DeskError::TwoEntries
                } else {
                    DeskError::WrongStage(stage)
                });
            }
        };
        if let Some(first) = self.entry(1)
            && source == Source::Paper
            && first.source == Source::Paper
            && first.operator == operator
        {
            return Err(DeskError::SameTypist {
                first: first.operator.clone(),
            });
        }
        let mut record = record.unwrap_or_else(|| {
            CountRecord::empty(election, self.station, EntryMode::Transcription)
        });
        record.station = self.station;
        self.entries.push(Entry {
            number,
            operator: operator.to_string(),
            source,
            finished: source.from_station(),
            record,
        });
        if number == 2 && source.from_station() {
            self.compare(election);
        }
        Ok(number)
    }

    /// Whether `operator` may change `target` in entry `number` now.
    pub fn may_set(
        &self,
        election: &Election,
        number: u8,
        operator: &str,
        target: Target,
    ) -> Result<(), DeskError> {
        let entry = self.entry(number).ok_or(DeskError::NoEntry(number))?;
        if !paper_boxes(election).contains(&target) {
            return Err(DeskError::NotOnPaper(target));
        }
        if entry.operator != operator || entry.source != Source::Paper {
            return Err(DeskError::OtherTypist {
                number,
                operator: entry.operator.clone(),
            });
        }
        let stage = self.stage();
        match stage {
            Stage::FirstEntry if number == 1 => Ok(()),
            Stage::SecondEntry if number == 2 => Ok(()),
            Stage::Differences if Some(number) == self.rechecking() => {
                if self.differing.contains(&target) {
                    Ok(())
                } else {
                    Err(DeskError::NotDiffering(target))
                }
            }
            _ => Err(DeskError::WrongStage(stage)),
        }
    }

    /// Writes one box of entry `number` as typed; returns the value it held.
    pub fn set(
        &mut self,
        election: &Election,
        number: u8,
        operator: &str,
        target: Target,
        new: BoxValue,
    ) -> Result<BoxValue, DeskError> {
        self.may_set(election, number, operator, target)?;
        let entry = self
            .entries
            .iter_mut()
            .find(|e| e.number == number)
            .ok_or(DeskError::NoEntry(number))?;
        let old = value(&entry.record, target);
        if !set_value(&mut entry.record, target, new) {
            return Err(DeskError::WrongKind(target));
        }
        Ok(old)
    }

    /// The typist says entry `number` is complete (or, in [`Stage::Differences`], that
    /// the differing boxes are re-checked). The second entry is then compared with
    /// the first. Returns the new stage.
    pub fn finish(
        &mut self,
        election: &Election,
        number: u8,
        operator: &str,
    ) -> Result<Stage, DeskError> {
        let stage = self.stage();
        let entry = self.entry(number).ok_or(DeskError::NoEntry(number))?;
        if entry.operator != operator {
            return Err(DeskError::OtherTypist {
                number,
                operator: entry.operator.clone(),
            });
        }
        match (stage, number) {
            (Stage::FirstEntry, 1) | (Stage::SecondEntry, 2) => {}
            (Stage::Differences, n) if Some(n) == self.rechecking() => self.rechecked = true,
            _ => return Err(DeskError::WrongStage(stage)),
        }
        if let Some(e) = self.entries.iter_mut().find(|e| e.number == number) {
            e.finished = true;
        }
        if self.entries.len() == 2 {
            self.compare(election);
        }
        Ok(self.stage())
    }

    /// Compares the two entries: accepted when they agree, else the boxes that differ.
    fn compare(&mut self, election: &Election) {
        let (Some(first), Some(second)) = (self.entry(1), self.entry(2)) else {
            return;
        };
        let found = differing(election, &first.record, &second.record);
        // Both say the same on paper: keep the station's own record where there is
        // one (it also holds the ballot stock and the note), else the first.
        let kept = [first, second]
            .into_iter()
            .find(|e| e.source.from_station())
            .map_or(1, |e| e.number);
        if found.is_empty() {
            self.kept = Some(kept);
        }
        self.differing = found;
    }

    /// The coordinator keeps entry `number`: the station is accepted with its figures.
    pub fn keep(&mut self, number: u8) -> Result<(), DeskError> {
        let stage = self.stage();
        if stage != Stage::AtCoordinator {
            return Err(DeskError::WrongStage(stage));
        }
        self.entry(number).ok_or(DeskError::NoEntry(number))?;
        self.kept = Some(number);
        Ok(())
    }

    /// The coordinator discards entry `number`, to be typed again: the other entry
    /// becomes the first, and a second entry is awaited. Also an entry still being
    /// typed (its typist left halfway): the first while it is typed (the station has
    /// no entry again), the second while it is typed (the first awaits a second).
    pub fn discard(&mut self, number: u8) -> Result<(), DeskError> {
        let stage = self.stage();
        let allowed = match stage {
            Stage::AtCoordinator => true,
            Stage::FirstEntry => number == 1,
            Stage::SecondEntry => number == 2,
            _ => false,
        };
        if !allowed {
            return Err(DeskError::WrongStage(stage));
        }
        self.entry(number).ok_or(DeskError::NoEntry(number))?;
        self.entries.retain(|e| e.number != number);
        for e in &mut self.entries {
            e.number = 1;
        }
        self.differing.clear();
        self.rechecked = false;
        Ok(())
    }
}
