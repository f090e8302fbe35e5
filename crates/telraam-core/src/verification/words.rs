//! The words of the verification code's refusals, Dutch and English: why a typed code
//! cannot be compared. The one place where [`CodeError`] becomes a sentence.

use super::CodeError;

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
