//! Which screen shows, with the state that belongs to that screen alone: the
//! station list's filter and cursor, the current field and what is typed in it,
//! the check's rule results and cursor, the finalise screen's scroll. Leaving a
//! screen drops its state, so it never shows stale results, typing or a filter
//! from an earlier visit.
//!
//! What outlives one visit stays in the [`App`](super::App): the open record (and
//! what the storage last confirmed of it), the statuses, the acknowledged warnings,
//! the dialog and notice, and the components with their own state and
//! `update` (the phone check, the desk, the status board), which show on
//! [`Screen::Phone`], [`Screen::Desk`] and [`Screen::Board`].

use crate::election::{Election, PollingStation};
use crate::rules::RuleResult;
use crate::storage::ResumePoint;
use crate::tui::flow::Step;

/// The screen that shows, and its own state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// Choose the polling station.
    Stations(StationList),
    /// A step of the count where figures are typed (Kiezers to Kandidaten).
    Entry(EntryScreen),
    /// Controle: the rules' findings on the open record.
    Check(CheckScreen),
    /// Vaststellen: the figures in the order of the paper form.
    Finalise(FinaliseScreen),
    /// The record is finalised; what to do with it.
    Done,
    /// The finalised record's code and quick-report figures, to read aloud by phone.
    ReadAloud {
        /// Scroll offset of the code column.
        scroll: u16,
    },
    /// The receiving side: telefonische controle (state in `App::phone`, see `phone.rs`).
    Phone,
    /// The municipality's desk: transcription and double entry (state in `App::desk`).
    Desk,
    /// The status board of every station, with the scan field (state in `App::board`).
    Board,
}

/// Which screen shows, without its state: what keys, the runtime and tests compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenKind {
    Stations,
    /// One step of the count, Controle and Vaststellen included.
    Step(Step),
    Done,
    ReadAloud,
    Phone,
    Desk,
    Board,
}

impl Screen {
    pub fn kind(&self) -> ScreenKind {
        match self {
            Screen::Stations(_) => ScreenKind::Stations,
            Screen::Entry(e) => ScreenKind::Step(e.step),
            Screen::Check(_) => ScreenKind::Step(Step::Check),
            Screen::Finalise(_) => ScreenKind::Step(Step::Finalise),
            Screen::Done => ScreenKind::Done,
            Screen::ReadAloud { .. } => ScreenKind::ReadAloud,
            Screen::Phone => ScreenKind::Phone,
            Screen::Desk => ScreenKind::Desk,
            Screen::Board => ScreenKind::Board,
        }
    }

    /// The step of the count showing, if any.
    pub fn step(&self) -> Option<Step> {
        match self.kind() {
            ScreenKind::Step(step) => Some(step),
            _ => None,
        }
    }

    /// The rule results shown (on Controle and Vaststellen; none elsewhere).
    pub fn results(&self) -> &[RuleResult] {
        match self {
            Screen::Check(c) => &c.results,
            Screen::Finalise(f) => &f.results,
            _ => &[],
        }
    }
}

/// The station list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StationList {
    /// The filter as typed.
    pub filter: String,
    /// Index into the filtered list.
    pub cursor: usize,
    /// Where the last session stopped: opened at start, dropped once a station opens.
    pub resume: Option<ResumePoint>,
}

impl StationList {
    /// The stations that match the filter: by number, name or postcode. A station whose
    /// number is exactly what was typed comes first, then number prefixes, then the rest,
    /// so typing "2" and Enter opens station 2 even when every postcode holds a 2.
    pub fn matching<'e>(&self, election: &'e Election) -> Vec<&'e PollingStation> {
        let needle = self.filter.trim().to_lowercase();
        let mut matches: Vec<(u8, &PollingStation)> = election
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
}

/// A step where figures are typed (never Controle or Vaststellen: those have
/// screens of their own; `App::go` builds the right one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryScreen {
    pub step: Step,
    /// Index of the current field in the step's items.
    pub cursor: usize,
    /// What has been typed in the current field and not yet confirmed (the note
    /// starts as the note saved).
    pub input: String,
    /// Reached by Enter on a rule result: Esc on an untouched field goes back to
    /// the check. Kept while moving between the fields and steps of the count.
    pub from_check: bool,
}

/// Controle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckScreen {
    /// The rules' findings on the record as it was when the screen opened (or the
    /// figures last changed elsewhere).
    pub results: Vec<RuleResult>,
    pub cursor: usize,
}

/// Vaststellen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinaliseScreen {
    /// What still blocks finalising, on the figures as they were when it opened.
    pub results: Vec<RuleResult>,
    /// Scroll offset of the form's table.
    pub scroll: u16,
}
