//! What holds for every paper form before any model is chosen: which generation of
//! the proces-verbaal an election uses, and the largest figure a box holds. A leaf
//! module: the election, the record and the form model all build on it.

use serde::{Deserialize, Serialize};

/// The largest figure a single box on the form holds (nine digits).
pub const MAX_COUNT: u64 = 999_999_999;

/// The generation of the proces-verbaal models an election uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Generation {
    /// The forms used up to and including 2025: I or J explained by K–O; no D/H
    /// boxes, no yes/no question.
    #[serde(rename = "before-2026")]
    Before2026,
    /// The forms from 2026 on (the Kiesraad's "versie 2027"): the D/H boxes, I or J,
    /// "fully explained?" yes / no; no K–O.
    #[serde(rename = "from-2026")]
    From2026,
}

impl Generation {
    pub const ALL: [Generation; 2] = [Generation::Before2026, Generation::From2026];

    /// The generation in force on an election day (`YYYY-MM-DD`): the "versie 2027"
    /// forms from 1 January 2026. A date without a readable year gets the current forms.
    pub fn for_date(date: &str) -> Generation {
        match date.get(..4).and_then(|y| y.parse::<u32>().ok()) {
            Some(year) if year < 2026 => Generation::Before2026,
            _ => Generation::From2026,
        }
    }

    /// The key an election file writes (`form = "before-2026"`).
    pub fn key(self) -> &'static str {
        match self {
            Generation::Before2026 => "before-2026",
            Generation::From2026 => "from-2026",
        }
    }

    // How a person names a generation is in the form's text table
    // (`form::words::generation_name`).
}
