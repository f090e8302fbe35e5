//! The status board's words, Dutch and English: a station's phase and why it
//! deserves a second look. The command line (`telraam status`) and the interface's
//! board both say them from here.

use super::{Flag, Phase};

/// A phase in words.
pub fn phase_words(phase: Phase, english: bool) -> &'static str {
    match (phase, english) {
        (Phase::NotReceived, false) => "niets binnen",
        (Phase::NotReceived, true) => "nothing in",
        (Phase::Phoned, false) => "gebeld",
        (Phase::Phoned, true) => "phoned in",
        (Phase::InEntry, false) => "in invoer",
        (Phase::InEntry, true) => "being entered",
        (Phase::Differences, false) => "verschillen",
        (Phase::Differences, true) => "differences",
        (Phase::Received, false) => "pv binnen",
        (Phase::Received, true) => "record in",
        (Phase::Finalised, false) => "vastgesteld",
        (Phase::Finalised, true) => "finalised",
    }
}

/// Why a station deserves a second look, in words.
pub fn flag_words(flag: &Flag, english: bool) -> String {
    match (flag, english) {
        (
            Flag::ListShare {
                list,
                here,
                average,
            },
            false,
        ) => {
            format!("lijst {list} {here:.0}% (elders {average:.0}%)")
        }
        (
            Flag::ListShare {
                list,
                here,
                average,
            },
            true,
        ) => {
            format!("list {list} {here:.0}% (elsewhere {average:.0}%)")
        }
        (Flag::Turnout { here, average }, false) => {
            format!("opkomst {here:.0}% (elders {average:.0}%)")
        }
        (Flag::Turnout { here, average }, true) => {
            format!("turnout {here:.0}% (elsewhere {average:.0}%)")
        }
    }
}
