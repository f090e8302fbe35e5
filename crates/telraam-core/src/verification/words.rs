//! The words of the verification code's refusals, Dutch and English: why a typed code
//! cannot be compared. The one place where [`CodeError`] becomes a sentence, and
//! where a figure of the quick report and a section code get their names.

use super::spoken::QuickFigure;
use super::{CodeError, SectionCode};
use crate::form::Section;
use crate::record::Field;

impl SectionCode {
    /// The section's name: "toegelaten kiezers (A–D)", "kandidaatstemmen lijst 3", …
    /// in Dutch or English.
    pub fn name(&self, english: bool) -> String {
        let letters = self.part.short_name(self.generation, english);
        match (self.part, english) {
            (Section::Voters, false) => format!("toegelaten kiezers ({letters})"),
            (Section::Voters, true) => format!("admitted voters ({letters})"),
            (Section::Votes, false) => format!("stemmen per lijst en totalen ({letters})"),
            (Section::Votes, true) => format!("votes per list and totals ({letters})"),
            (Section::Differences, false) => {
                format!("verschillen en verklaring ({letters}, stembiljetten)")
            }
            (Section::Differences, true) => {
                format!("differences and their explanation ({letters}, ballot stock)")
            }
            (Section::Candidates(list), false) => format!("kandidaatstemmen lijst {list}"),
            (Section::Candidates(list), true) => format!("candidate votes list {list}"),
        }
    }
}

impl QuickFigure {
    /// The figure's label: "E.1 Partij A", "F blanco", "G ongeldig", "D toegelaten
    /// kiezers" (in English with the words translated).
    pub fn label(&self, english: bool) -> String {
        match (self.field, english) {
            (Field::ListTotal(n), _) => format!("E.{n} {}", self.list_name),
            (Field::Blank, false) => "F blanco".into(),
            (Field::Blank, true) => "F blank".into(),
            (Field::Invalid, false) => "G ongeldig".into(),
            (Field::Invalid, true) => "G invalid".into(),
            (_, false) => "D toegelaten kiezers".into(),
            (_, true) => "D admitted voters".into(),
        }
    }
}

/// The sentence for a code that cannot be read.
pub fn code_error(e: &CodeError, english: bool) -> String {
    match (e, english) {
        (CodeError::CheckDigit { group }, false) => {
            format!("groep {group} klopt niet: vraag opnieuw")
        }
        (CodeError::CheckDigit { group }, true) => format!("group {group} is wrong: ask again"),
        (CodeError::Malformed { group, text }, false) => format!(
            "groep {group} ({text:?}): verwacht vier cijfers, streepje, controlecijfer (1234-5)"
        ),
        (CodeError::Malformed { group, text }, true) => format!(
            "group {group} ({text:?}): expected four digits, a dash and a check digit (1234-5)"
        ),
        (CodeError::GroupCount { got, record, all }, false) => {
            format!("{got} groepen: verwacht {record} (controlecode) of {all} (met sectiecodes)")
        }
        (CodeError::GroupCount { got, record, all }, true) => {
            format!("{got} groups: expected {record} (record code) or {all} (with section codes)")
        }
    }
}
