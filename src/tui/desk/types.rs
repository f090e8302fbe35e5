//! The desk's vocabulary: its screens, messages and effects. Its questions and
//! notices are in `tui/say.rs`, below the text tables that word them.

use super::*;

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

/// A key intention on the desk screens or an answer of the runtime. The App hands
/// the desk its key messages as these (see `App::on_desk`), so that the desk never
/// names the App's own messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskMsg {
    /// A printable character: a digit, a letter of the name, j/y or n to a question.
    Char(char),
    /// Space: tick or untick a box (a space in the name).
    Toggle,
    /// Backspace.
    Erase,
    /// Delete: empty the box.
    Clear,
    /// Enter: write the box (empty means 0), take the step, choose.
    Confirm,
    /// Tab / Down.
    Next,
    /// Shift-Tab / Up.
    Prev,
    /// PageDown: ten boxes on.
    PageDown,
    /// PageUp: ten boxes back.
    PageUp,
    /// Esc: undo typing, or go back.
    Back,
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

/// The coordinator's four choices, in screen order.
pub const CHOICES: [Confirm; 4] = [
    Confirm::Keep(1),
    Confirm::Keep(2),
    Confirm::Discard(1),
    Confirm::Discard(2),
];
