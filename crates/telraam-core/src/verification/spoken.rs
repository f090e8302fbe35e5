//! The spoken form: digits as words, groups read one digit at a time, and the
//! figures of the quick report in the order they are read.
//!
//! Digits are always read one by one ("een twee", never "twaalf"): Dutch number
//! words put the units first ("achtendertig"), which invites 38 ↔ 83 on a bad line.

use crate::election::Election;
use crate::record::{Count, CountRecord, Field};

/// The spoken digits: the one table, used by the read-aloud screen and quoted by
/// `docs/verification-code.md` section 5 (a test keeps the two the same). "één"
/// keeps the digit apart from the article "een"; "zeuven" keeps 7 apart from
/// "negen" on a bad line.
pub const DIGIT_WORDS_NL: [&str; 10] = [
    "nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeuven", "acht", "negen",
];
/// The same in English.
pub const DIGIT_WORDS_EN: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// A digit spelled out: "nul", "één", … or "zero", "one", ….
pub fn digit_word(digit: char, english: bool) -> Option<&'static str> {
    let index = digit.to_digit(10)? as usize;
    Some(if english {
        DIGIT_WORDS_EN[index]
    } else {
        DIGIT_WORDS_NL[index]
    })
}

/// A group as it is read: every digit as a word, the check digit after "streepje" / "dash".
/// "1234-5" → "één twee drie vier streepje vijf".
pub fn spoken_group(group: &str, english: bool) -> String {
    group
        .chars()
        .filter_map(|c| {
            if c == '-' {
                Some(if english { "dash" } else { "streepje" })
            } else {
                digit_word(c, english)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One figure of the quick report (sneltelling): its box, and for a list total the
/// list's name as the election file gives it. Its label (`label`) is in
/// [`super::words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuickFigure {
    pub field: Field,
    /// The list's name for a list total (E.n), else empty.
    pub list_name: String,
    pub value: Count,
}

/// The figures of the quick report in the order they are read over the phone:
/// every list total in list order, then blank (F), invalid (G) and admitted voters (D).
pub fn quick_report(election: &Election, record: &CountRecord) -> Vec<QuickFigure> {
    super::canonical::quick_fields(election)
        .into_iter()
        .map(|field| {
            let list_name = match field {
                Field::ListTotal(n) => election.list(n).map(|l| l.name.clone()),
                _ => None,
            };
            QuickFigure {
                field,
                list_name: list_name.unwrap_or_default(),
                value: record.get(field),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::EntryMode;

    #[test]
    fn every_digit_has_a_dutch_and_an_english_word() {
        let words: Vec<&str> = ('0'..='9').map(|d| digit_word(d, false).unwrap()).collect();
        assert_eq!(
            words,
            [
                "nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeuven", "acht", "negen"
            ]
        );
        assert_eq!(digit_word('7', true), Some("seven"));
        assert_eq!(digit_word('x', false), None);
    }

    /// docs/verification-code.md section 5 quotes the table; it must be this one.
    #[test]
    fn the_spec_quotes_the_same_table_of_digit_words() {
        let spec = include_str!("../../../../docs/verification-code.md");
        let row = |name: &str| -> Vec<String> {
            let line = spec
                .lines()
                .find(|l| l.starts_with(&format!("| {name} |")))
                .unwrap_or_default();
            line.split('|')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .skip(1)
                .map(String::from)
                .collect()
        };
        assert_eq!(row("Dutch"), DIGIT_WORDS_NL);
        assert_eq!(row("English"), DIGIT_WORDS_EN);
    }

    #[test]
    fn a_group_is_read_digit_by_digit() {
        assert_eq!(
            spoken_group("3807-2", false),
            "drie acht nul zeuven streepje twee"
        );
        assert_eq!(
            spoken_group("3807-2", true),
            "three eight zero seven dash two"
        );
    }

    #[test]
    fn quick_report_reads_lists_then_blank_invalid_and_admitted_voters() {
        let e = Election::demo();
        let mut r = CountRecord::empty(&e, 1, EntryMode::Counting);
        r.set(Field::Blank, Some(7));
        let report = quick_report(&e, &r);
        assert_eq!(report.len(), e.lists.len() + 3);
        assert_eq!(report[0].field, Field::ListTotal(1));
        let tail: Vec<Field> = report[e.lists.len()..].iter().map(|f| f.field).collect();
        assert_eq!(tail, [Field::Blank, Field::Invalid, Field::TotalAdmitted]);
        assert_eq!(report[e.lists.len()].value, Some(7));
        // The labels as the receiver reads them out, in either language.
        assert_eq!(report[0].label(false), format!("E.1 {}", e.lists[0].name));
        assert_eq!(report[e.lists.len()].label(false), "F blanco");
        assert_eq!(report[e.lists.len()].label(true), "F blank");
        assert_eq!(report[e.lists.len() + 2].label(true), "D admitted voters");
    }
}
