//! The municipality's status board: every station of the election in one table,
//! where it stands on the evening (phone check, entries, differences, accepted,
//! record code against the phoned one, finalised) and whether its figures deserve a
//! second look ([`plausibility`]). The interface's board screen and `telraam
//! status` both show this; neither parses a record body to build it (the summary
//! table, `storage::board`).
//!
//! Pure domain: the rows are built from [`StationFacts`]; words live in the
//! interface (`tui/text`) and the command line.

pub mod json;
pub mod plausibility;
pub mod words;

use crate::desk::{Source, Stage};
use crate::election::Election;
use crate::record::{EntryMode, RecordState};
use crate::storage::board::StationFacts;
use crate::storage::entries::EntryState;
use crate::verification::receive::PhoneStatus;
pub use plausibility::Flag;

/// Where a station stands: what its next step is. Each station is in exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// Nothing phoned, scanned, imported or typed yet.
    NotReceived,
    /// The quick report was phoned in; no record yet.
    Phoned,
    /// An entry of the paper is being typed, or one entry awaits the second.
    InEntry,
    /// The two entries differ: re-check, or the coordinator decides.
    Differences,
    /// A record is in (and, where the desk's double entry applies, accepted), not
    /// yet finalised.
    Received,
    /// The record is finalised (vastgesteld).
    Finalised,
}

impl Phase {
    pub const ALL: [Phase; 6] = [
        Phase::NotReceived,
        Phase::Phoned,
        Phase::InEntry,
        Phase::Differences,
        Phase::Received,
        Phase::Finalised,
    ];

    /// The stable key of `telraam status --format json` (docs/status.md).
    pub fn key(self) -> &'static str {
        match self {
            Phase::NotReceived => "not-received",
            Phase::Phoned => "phoned",
            Phase::InEntry => "in-entry",
            Phase::Differences => "differences",
            Phase::Received => "received",
            Phase::Finalised => "finalised",
        }
    }
}

/// The latest record of a station, as the board shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordInfo {
    pub version: u32,
    pub state: RecordState,
    pub mode: EntryMode,
}

/// One entry's cell: nothing yet, being typed, or complete (and where from).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryCell {
    Empty,
    Typing,
    Done(Source),
}

/// A station's entries at the desk (double entry, `crate::desk`), as the board's
/// columns show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskColumns {
    pub stage: Stage,
    pub first: EntryCell,
    pub second: EntryCell,
    /// How many boxes differ, once the two entries were compared.
    pub differing: Option<usize>,
    pub accepted: bool,
}

impl DeskColumns {
    pub fn of(state: &EntryState) -> DeskColumns {
        let source = |n: u8| {
            state
                .entries
                .iter()
                .find(|(number, _, _)| *number == n)
                .map_or(EntryCell::Empty, |(_, _, s)| EntryCell::Done(*s))
        };
        let (first, second) = match state.stage {
            Stage::NoEntry => (EntryCell::Empty, EntryCell::Empty),
            Stage::FirstEntry => (EntryCell::Typing, EntryCell::Empty),
            Stage::AwaitingSecond => (source(1), EntryCell::Empty),
            Stage::SecondEntry => (source(1), EntryCell::Typing),
            Stage::Differences | Stage::AtCoordinator | Stage::Accepted => (source(1), source(2)),
        };
        DeskColumns {
            stage: state.stage,
            first,
            second,
            differing: matches!(
                state.stage,
                Stage::Differences | Stage::AtCoordinator | Stage::Accepted
            )
            .then_some(state.differing),
            accepted: state.stage == Stage::Accepted,
        }
    }
}

/// One station's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub station: u32,
    pub name: String,
    pub phase: Phase,
    pub phone: PhoneStatus,
    /// When the phone check was stored (UTC, RFC 3339).
    pub phoned_at: Option<String>,
    /// The phone check's quick-report code matched (true) or not; None: not phoned.
    pub quick_verified: Option<bool>,
    pub record: Option<RecordInfo>,
    /// The desk's double entry; None: no entry made or imported.
    pub desk: Option<DeskColumns>,
    /// Why the figures deserve a second look (empty: nothing found).
    pub second_look: Vec<Flag>,
}

impl Row {
    pub fn finalised(&self) -> bool {
        self.record
            .is_some_and(|r| r.state == RecordState::Finalised)
    }

    /// Whether the record's code is the one phoned: None when there is nothing to
    /// compare (no record, or no record code phoned).
    pub fn matches_phone(&self) -> Option<bool> {
        match self.phone {
            PhoneStatus::RecordMatches => Some(true),
            PhoneStatus::RecordDiffers { .. } => Some(false),
            _ => None,
        }
    }

    /// Whether what was phoned does not agree: the quick report's code, or the
    /// record against the phoned record code.
    pub fn phone_differs(&self) -> bool {
        self.quick_verified == Some(false)
            || matches!(
                self.phone,
                PhoneStatus::QuickDiffers | PhoneStatus::RecordDiffers { .. }
            )
    }
}

/// Which rows the board shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    Phase(Phase),
    /// Marked for a second look.
    SecondLook,
    /// The phone and the record (or the quick report's code) disagree.
    PhoneDiffers,
}

impl Filter {
    /// Every filter, in the order Left/Right walk through them.
    pub fn all() -> Vec<Filter> {
        let mut out = vec![Filter::All];
        out.extend(Phase::ALL.map(Filter::Phase));
        out.extend([Filter::SecondLook, Filter::PhoneDiffers]);
        out
    }

    pub fn admits(self, row: &Row) -> bool {
        match self {
            Filter::All => true,
            Filter::Phase(p) => row.phase == p,
            Filter::SecondLook => !row.second_look.is_empty(),
            Filter::PhoneDiffers => row.phone_differs(),
        }
    }

    /// The stable key (`telraam status --filter`).
    pub fn key(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Phase(p) => p.key(),
            Filter::SecondLook => "second-look",
            Filter::PhoneDiffers => "phone-differs",
        }
    }

    pub fn parse(key: &str) -> Option<Filter> {
        Filter::all().into_iter().find(|f| f.key() == key)
    }
}

/// The whole board.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Board {
    pub rows: Vec<Row>,
}

/// How many stations are in each phase, and marked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts {
    pub stations: usize,
    /// In the order of [`Phase::ALL`].
    pub phases: [usize; 6],
    pub second_look: usize,
    pub phone_differs: usize,
}

impl Counts {
    pub fn of(&self, filter: Filter) -> usize {
        match filter {
            Filter::All => self.stations,
            Filter::Phase(p) => self.phases[Phase::ALL.iter().position(|q| *q == p).unwrap_or(0)],
            Filter::SecondLook => self.second_look,
            Filter::PhoneDiffers => self.phone_differs,
        }
    }
}

fn phase_of(facts: &StationFacts) -> Phase {
    // The desk first: a record not yet accepted by the double entry is not in.
    match facts.entry.as_ref().map(|e| e.stage) {
        Some(Stage::FirstEntry | Stage::AwaitingSecond | Stage::SecondEntry) => {
            return Phase::InEntry;
        }
        Some(Stage::Differences | Stage::AtCoordinator) => return Phase::Differences,
        _ => {}
    }
    match (&facts.record, &facts.phone) {
        (Some(r), _) if r.state == RecordState::Finalised => Phase::Finalised,
        (Some(_), _) => Phase::Received,
        (None, PhoneStatus::QuickVerified | PhoneStatus::QuickDiffers) => Phase::Phoned,
        (None, _) => Phase::NotReceived,
    }
}

impl Board {
    /// The board of `election` from what the workspace knows of each station.
    pub fn build(election: &Election, facts: Vec<StationFacts>) -> Board {
        // Looked up once per station: `Election::station` searches the list.
        let stations: std::collections::HashMap<u32, &crate::election::PollingStation> =
            election.stations.iter().map(|s| (s.number, s)).collect();
        let figures: Vec<plausibility::Figures> = facts
            .iter()
            .filter_map(|f| {
                let head = &f.record.as_ref()?.head;
                let lists: Vec<(u32, u64)> = head
                    .lists
                    .iter()
                    .map(|(l, v)| (*l, v.unwrap_or(0)))
                    .collect();
                let sum = lists.iter().map(|(_, v)| v).sum();
                Some(plausibility::Figures {
                    station: f.station,
                    on_lists: head.total_on_lists.unwrap_or(sum),
                    lists,
                    admitted: head.total_admitted,
                    eligible: stations.get(&f.station).and_then(|s| s.eligible_voters),
                })
            })
            .collect();
        let mut flags = plausibility::flags(&figures).into_iter();
        let rows = facts
            .into_iter()
            .map(|f| {
                let second_look = if f.record.is_some() {
                    flags.next().unwrap_or_default()
                } else {
                    Vec::new()
                };
                Row {
                    station: f.station,
                    name: stations
                        .get(&f.station)
                        .map(|s| s.name.clone())
                        .unwrap_or_default(),
                    phase: phase_of(&f),
                    record: f.record.as_ref().map(|r| RecordInfo {
                        version: r.version,
                        state: r.state,
                        mode: r.mode,
                    }),
                    desk: f.entry.as_ref().map(DeskColumns::of),
                    phone: f.phone,
                    phoned_at: f.phoned_at,
                    quick_verified: f.quick_verified,
                    second_look,
                }
            })
            .collect();
        Board { rows }
    }

    /// The board of a workspace.
    pub fn load(
        workspace: &crate::storage::Workspace,
    ) -> Result<Board, crate::storage::StorageError> {
        Ok(Board::build(
            workspace.election(),
            workspace.station_facts()?,
        ))
    }

    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            stations: self.rows.len(),
            ..Counts::default()
        };
        for row in &self.rows {
            if let Some(i) = Phase::ALL.iter().position(|p| *p == row.phase) {
                counts.phases[i] += 1;
            }
            counts.second_look += usize::from(!row.second_look.is_empty());
            counts.phone_differs += usize::from(row.phone_differs());
        }
        counts
    }

    /// The rows the filter admits and the search matches, by station number; a
    /// station whose number is exactly the search comes first, then number
    /// prefixes, then names containing it (as the station list orders them).
    pub fn visible(&self, filter: Filter, search: &str) -> Vec<&Row> {
        let needle = search.trim().to_lowercase();
        let mut out: Vec<(u8, &Row)> = self
            .rows
            .iter()
            .filter(|r| filter.admits(r))
            .filter_map(|r| {
                let number = r.station.to_string();
                let rank = if needle.is_empty() || number == needle {
                    0
                } else if number.starts_with(&needle) {
                    1
                } else if r.name.to_lowercase().contains(&needle) {
                    2
                } else {
                    return None;
                };
                Some((rank, r))
            })
            .collect();
        out.sort_by_key(|(rank, r)| (*rank, r.station));
        out.into_iter().map(|(_, r)| r).collect()
    }
}

#[cfg(test)]
mod tests;
