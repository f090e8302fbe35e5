//! Reading a heard code and comparing it with the code of a record.

use super::{Codes, Group, RECORD_GROUPS, SectionCode, damm};

/// Why a typed code cannot be compared. Groups are numbered from 1, as they are read.
/// The words are in [`super::words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    /// The check digit of a group is wrong: a digit was misheard or two swapped.
    CheckDigit { group: usize },
    /// A group is not four digits and a check digit.
    Malformed { group: usize, text: String },
    /// Neither the record code alone nor the record code with every section code.
    GroupCount {
        got: usize,
        record: usize,
        all: usize,
    },
}

impl CodeError {
    /// The sentence in Dutch or English (the text table).
    pub fn words(&self, english: bool) -> String {
        super::words::code_error(self, english)
    }
}

impl std::fmt::Display for CodeError {
    /// In the language chosen for messages ([`crate::i18n`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(crate::i18n::language().is_english()))
    }
}

impl std::error::Error for CodeError {}

/// Reads one typed group (`1234-5`, `12345` or `1234 5`), checking its Damm digit.
/// `position` is its number from 1, for the message.
pub fn parse_group(text: &str, position: usize) -> Result<Group, CodeError> {
    let digits: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if digits.len() != 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CodeError::Malformed {
            group: position,
            text: text.trim().to_string(),
        });
    }
    if !damm::is_valid(&digits) {
        return Err(CodeError::CheckDigit { group: position });
    }
    Ok(format!("{}-{}", &digits[..4], &digits[4..]))
}

/// Reads a whole typed code: groups separated by spaces (or commas), each `1234-5` or `12345`.
pub fn parse_code(text: &str) -> Result<Vec<Group>, CodeError> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|t| !t.is_empty())
        .enumerate()
        .map(|(i, token)| parse_group(token, i + 1))
        .collect()
}

/// What a heard code says about a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comparison {
    /// The record code matches: every figure arrived intact.
    Match,
    /// The record code differs and these sections' codes differ: read their figures again.
    Differs { sections: Vec<SectionCode> },
    /// The record code differs; no section codes were given, so it is not known where.
    DiffersSectionsUnknown,
    /// The record code differs but every section code matches. Either the record code
    /// was misheard (two errors in one group) or a section code collides (a
    /// four-digit code misses a difference about once in 10 000): read the record code
    /// again and, if it still differs, compare the figures of every section.
    EverySectionMatches,
}

/// Compares heard groups (the record code, optionally followed by every section
/// code in order) with the codes of a record.
pub fn compare(expected: &Codes, heard: &[Group]) -> Result<Comparison, CodeError> {
    let all = RECORD_GROUPS + expected.sections.len();
    if heard.len() != RECORD_GROUPS && heard.len() != all {
        return Err(CodeError::GroupCount {
            got: heard.len(),
            record: RECORD_GROUPS,
            all,
        });
    }
    if heard[..RECORD_GROUPS] == expected.record[..] {
        return Ok(Comparison::Match);
    }
    if heard.len() == RECORD_GROUPS {
        return Ok(Comparison::DiffersSectionsUnknown);
    }
    let sections: Vec<SectionCode> = expected
        .sections
        .iter()
        .zip(&heard[RECORD_GROUPS..])
        .filter(|(section, group)| section.group != **group)
        .map(|(section, _)| section.clone())
        .collect();
    Ok(if sections.is_empty() {
        Comparison::EverySectionMatches
    } else {
        Comparison::Differs { sections }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::election::Election;
    use crate::record::{CountRecord, EntryMode, Field};
    use crate::verification::codes;

    #[test]
    fn a_group_with_a_wrong_check_digit_is_named() {
        assert_eq!(
            parse_group("5724-1", 3),
            Err(CodeError::CheckDigit { group: 3 })
        );
        let message = parse_code("0000-0 0000-0 5725-0").unwrap_err().to_string();
        assert!(
            message.starts_with("groep 3 klopt niet: vraag opnieuw"),
            "{message}"
        );
    }

    #[test]
    fn groups_are_accepted_with_or_without_dash() {
        assert_eq!(
            parse_group("12340", 1).map(|_| ()),
            parse_group("1234-0", 1).map(|_| ())
        );
        assert!(matches!(
            parse_group("123-4", 2),
            Err(CodeError::Malformed { group: 2, .. })
        ));
    }

    #[test]
    fn mismatch_names_the_section_that_differs() {
        let e = Election::demo();
        let mut station = CountRecord::empty(&e, 1, EntryMode::Counting);
        station.set(Field::Blank, Some(3));
        let mut heard = station.clone();
        heard.set(Field::Blank, Some(8));
        let read_out = codes(&e, &station).all_groups();
        let result = compare(&codes(&e, &heard), &read_out).unwrap();
        match result {
            Comparison::Differs { sections } => {
                let keys: Vec<&str> = sections.iter().map(|s| s.key.as_str()).collect();
                assert_eq!(keys, ["votes"]);
            }
            other => panic!("expected a difference, got {other:?}"),
        }
        assert_eq!(
            compare(&codes(&e, &heard), &read_out[..4]).unwrap(),
            Comparison::DiffersSectionsUnknown
        );
        assert_eq!(
            compare(&codes(&e, &station), &read_out[..4]).unwrap(),
            Comparison::Match
        );
        assert!(matches!(
            compare(&codes(&e, &station), &read_out[..5]),
            Err(CodeError::GroupCount { got: 5, .. })
        ));
    }

    /// A four-digit section code misses a difference about once in 10 000: search for
    /// such a candidate figure and check that the comparison does not claim the record
    /// code was misheard but asks to compare the figures of every section.
    #[test]
    fn when_every_section_code_matches_the_figures_are_compared_not_blamed_on_the_code() {
        let e = Election::demo();
        let mut station = CountRecord::empty(&e, 1, EntryMode::Counting);
        let candidate = Field::Candidate {
            list: 3,
            candidate: 7,
        };
        station.set(candidate, Some(2));
        let read_out = codes(&e, &station).all_groups();
        let mut heard = station.clone();
        let collision = (3..200_000u64).find(|v| {
            heard.set(candidate, Some(*v));
            codes(&e, &heard).sections == codes(&e, &station).sections
        });
        assert!(collision.is_some(), "no section-code collision found");
        let result = compare(&codes(&e, &heard), &read_out).unwrap();
        assert_eq!(result, Comparison::EverySectionMatches);
    }
}
