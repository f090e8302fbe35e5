//! The status board screen of the municipality's desk, as its own component: its
//! state ([`BoardState`]), its messages ([`BoardMsg`]) and its pure
//! [`BoardState::update`], which says what the App must do ([`Outcome`]). The
//! rows come from [`crate::board`]; the scan field is [`scan`].

pub mod runtime;
pub mod scan;
pub mod view;

pub use super::say::ScanNote;
use crate::board::{Board, Filter, Phase, Row};
pub use scan::ScanField;

/// What the board screen holds.
#[derive(Debug, Clone, Default)]
pub struct BoardState {
    /// The board as the workspace last said; None while it loads.
    pub board: Option<Board>,
    /// Why the board could not be read, the last time it was asked for (shown in
    /// place of the rows; F4 or the next change asks again).
    pub load_failed: Option<String>,
    pub filter: Filter,
    pub search: String,
    /// Index into the visible rows.
    pub cursor: usize,
    /// The scan field, when open.
    pub scan: Option<ScanField>,
    /// A station's desk or phone check was opened from the board: leaving it comes
    /// back here, not to the station screen (the board is the municipality's home).
    pub return_here: bool,
}

/// A key on the board, or the runtime's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardMsg {
    /// Open the board (F9 on the station screen).
    Show,
    Char(char),
    Erase,
    /// Esc: stop scanning, clear the search, or back to the station screen.
    Back,
    Next,
    Prev,
    PageDown,
    PageUp,
    NextFilter,
    PrevFilter,
    /// Enter: the selected station's next step (in the scan field: a line break).
    Enter,
    /// F5: open the scan field.
    Scan,
    /// F2: the phone check of the selected station.
    Phone,
    /// F9: the desk of the selected station (type the paper PV).
    Desk,
    /// No key for a moment: the scanner stopped typing.
    Pause,
    /// The runtime read the board.
    Loaded(Board),
    /// The runtime could not read the board: why.
    LoadFailed(String),
    /// The runtime imported a scanned record.
    Imported(Result<Imported, String>),
}

/// A record the scan field imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub station: u32,
    pub version: u32,
    /// Stored as a draft although it said finalised: why.
    pub demoted: Option<String>,
}

/// What the runtime does for the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Read the board; answer [`BoardMsg::Loaded`].
    Load,
    /// Import the scanned result file as `telraam import` does (the station's own
    /// record: one entry at the desk); answer [`BoardMsg::Imported`].
    Import(String),
}

/// What the App must do after a board message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Nothing,
    /// Read the board from the workspace; answer [`BoardMsg::Loaded`].
    Load,
    /// Import the scanned result file; answer [`BoardMsg::Imported`].
    Import(String),
    /// Open the station (its record, where the count or transcription goes on).
    OpenStation(u32),
    /// Start the phone check of the station.
    PhoneCheck(u32),
    /// Open the desk (transcription, double entry) of the station.
    Desk(u32),
    /// Back to the station screen.
    Leave,
}

/// Rows a page key moves.
const PAGE: usize = 10;

impl BoardState {
    /// The rows shown: those the filter admits that match the search.
    pub fn visible(&self) -> Vec<&Row> {
        match &self.board {
            Some(b) => b.visible(self.filter, &self.search),
            None => Vec::new(),
        }
    }

    /// The selected row.
    pub fn selected(&self) -> Option<&Row> {
        self.visible().get(self.cursor).copied()
    }

    /// Whether keys are text here (a search typed, or the scan field open): `q`
    /// and `?` are then letters.
    pub fn in_text(&self) -> bool {
        self.scan.is_some() || !self.search.is_empty()
    }

    /// Whether the runtime should say when the scanner stops typing.
    pub fn wants_pause(&self) -> bool {
        self.scan.as_ref().is_some_and(|s| s.assembly.typing())
    }

    fn clamp(&mut self) {
        let n = self.visible().len();
        self.cursor = self.cursor.min(n.saturating_sub(1));
    }

    fn step_filter(&mut self, forward: bool) {
        let all = Filter::all();
        let at = all.iter().position(|f| *f == self.filter).unwrap_or(0);
        let next = if forward {
            (at + 1) % all.len()
        } else {
            (at + all.len() - 1) % all.len()
        };
        self.filter = all[next];
        self.cursor = 0;
    }

    /// The next step of the selected station.
    fn next_step(&mut self) -> Outcome {
        let Some(row) = self.selected() else {
            return Outcome::Nothing;
        };
        let station = row.station;
        match row.phase {
            Phase::NotReceived => Outcome::PhoneCheck(station),
            // The record is next: scan its annex (or open it to transcribe).
            Phase::Phoned => {
                self.scan = Some(ScanField::expecting(Some(station)));
                Outcome::Nothing
            }
            Phase::InEntry | Phase::Differences => Outcome::Desk(station),
            Phase::Received | Phase::Finalised => Outcome::OpenStation(station),
        }
    }

    /// Applies one message.
    pub fn update(&mut self, msg: BoardMsg) -> Outcome {
        if let Some(scan) = &mut self.scan {
            match msg {
                BoardMsg::Back => {
                    self.scan = None;
                    return Outcome::Nothing;
                }
                BoardMsg::Char(c) => return scan.push(c),
                BoardMsg::Enter => return scan.push('\n'),
                BoardMsg::Pause => return scan.pause(),
                BoardMsg::Imported(result) => {
                    scan.imported(result);
                    return Outcome::Load;
                }
                BoardMsg::Loaded(_) | BoardMsg::LoadFailed(_) => {}
                // Other keys do nothing while scanning: a scanner types only text.
                _ => return Outcome::Nothing,
            }
        }
        match msg {
            BoardMsg::Show => {
                self.scan = None;
                return Outcome::Load;
            }
            BoardMsg::Loaded(board) => {
                self.board = Some(board);
                self.load_failed = None;
                self.clamp();
            }
            // Said in place of the rows; never asked again from here, so a board that
            // cannot be read does not ask for itself over and over.
            BoardMsg::LoadFailed(why) => {
                self.board = None;
                self.load_failed = Some(why);
            }
            BoardMsg::Imported(_) | BoardMsg::Pause => {}
            BoardMsg::Char(c) => {
                self.search.push(c);
                self.cursor = 0;
                // A scanner typing into the search: that is a scan.
                if self.search.starts_with("telraam-qr ") || self.search.starts_with("# telraam") {
                    let typed = std::mem::take(&mut self.search);
                    let mut field = ScanField::expecting(None);
                    for c in typed.chars() {
                        let _ = field.push(c);
                    }
                    self.scan = Some(field);
                }
            }
            BoardMsg::Erase => {
                self.search.pop();
                self.cursor = 0;
            }
            BoardMsg::Back => {
                if self.search.is_empty() {
                    return Outcome::Leave;
                }
                self.search.clear();
                self.cursor = 0;
            }
            BoardMsg::Next => {
                if self.cursor + 1 < self.visible().len() {
                    self.cursor += 1;
                }
            }
            BoardMsg::Prev => self.cursor = self.cursor.saturating_sub(1),
            BoardMsg::PageDown => {
                self.cursor += PAGE;
                self.clamp();
            }
            BoardMsg::PageUp => self.cursor = self.cursor.saturating_sub(PAGE),
            BoardMsg::NextFilter => self.step_filter(true),
            BoardMsg::PrevFilter => self.step_filter(false),
            BoardMsg::Enter => return self.next_step(),
            BoardMsg::Scan => self.scan = Some(ScanField::expecting(None)),
            BoardMsg::Phone => {
                if let Some(row) = self.selected() {
                    return Outcome::PhoneCheck(row.station);
                }
            }
            BoardMsg::Desk => {
                if let Some(row) = self.selected() {
                    return Outcome::Desk(row.station);
                }
            }
        }
        Outcome::Nothing
    }
}

#[cfg(test)]
mod tests;
