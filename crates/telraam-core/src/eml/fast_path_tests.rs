//! The fast path for candidate `Selection`s (`xml/selection.rs`) reads exactly what
//! the general path reads: the same figures from the real files, and the same
//! refusal, with the same line, from damaged ones.

use super::counts::{self, CountFile};
use super::xml::{EmlError, Pull};
use proptest::prelude::*;

const WMW: &str = include_str!(
    "../../../../tests/data/eml/gr2022-west-maas-en-waal/Telling_GR2022_WestMaasenWaal.eml.xml"
);
const TK6: &str = include_str!(
    "../../../../tests/data/eml/tk-like-kieskring-6/Telling_TK2025_gemeente_Nijmegen_fictief.eml.xml"
);

/// Both paths over `text`, and how many `Selection`s the fast path took.
fn both(
    text: &str,
) -> (
    Result<CountFile, EmlError>,
    Result<CountFile, EmlError>,
    usize,
) {
    let mut pull = Pull::new("510b.xml", text);
    let fast = counts::read_from("510b.xml", &mut pull);
    let general = counts::read_general_path("510b.xml", text);
    (fast, general, pull.fast_selections())
}

/// Every candidate figure in the file.
fn candidate_figures(count: &CountFile) -> usize {
    let blocks = count.units.iter().map(|u| &u.votes).chain(&count.totals);
    blocks
        .flat_map(|b| &b.lists)
        .map(|l| l.candidates.len())
        .sum()
}

/// A generated Tweede Kamer count of `stations` stations (the layout of the scale files).
fn generated(stations: u32) -> String {
    let shape = crate::generate::Shape {
        stations,
        lists: 4,
        max_candidates: 6,
    };
    let election = crate::generate::election(&shape);
    let records = crate::generate::records(&election, 1, stations, &mut 11);
    crate::generate::counts_510b(&election, &records).expect("510b")
}

#[test]
fn the_real_files_read_the_same_on_both_paths_and_take_the_fast_one() {
    for (name, text) in [
        ("West Maas en Waal 2022", WMW.to_string()),
        ("TK-like kieskring 6", TK6.to_string()),
        ("generated", generated(8)),
    ] {
        let (fast, general, taken) = both(&text);
        let fast = fast.unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(Ok(&fast), general.as_ref(), "{name}");
        // Every candidate but each list's first (which follows the list's own
        // Selection, not a candidate's) is read on the fast path.
        let figures = candidate_figures(&fast);
        assert!(figures > 100, "{name}: {figures}");
        assert!(taken * 10 > figures * 9, "{name}: {taken} of {figures}");
    }
}

/// What a producer might write, or a disk might damage, at a candidate's Selection.
fn edit() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("<!-- x -->".to_string()),
        Just("0".to_string()),
        Just("7".to_string()),
        Just("9999999999".to_string()),
        Just("-".to_string()),
        Just("&#49;".to_string()),
        Just("&amp;".to_string()),
        Just("'".to_string()),
        Just("\"".to_string()),
        Just("/>".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("</Selection>".to_string()),
        Just("<Selection>".to_string()),
        Just("<ValidVotes>5</ValidVotes>".to_string()),
        Just(" Id=\"3\"".to_string()),
        Just("kr:".to_string()),
        Just("x".to_string()),
        Just(String::new()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Damage anywhere in a generated 510b (nearly all of it candidate Selections):
    /// bytes cut out, text put in, the file cut short. Both paths give the same
    /// records or the same refusal with the same line.
    #[test]
    fn a_damaged_file_reads_the_same_on_both_paths(
        at in 0.0f64..1.0,
        cut in 0usize..24,
        insert in edit(),
        truncate in proptest::bool::weighted(0.05),
    ) {
        let mut text = generated(2);
        let mut at = (at * text.len() as f64) as usize;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        if truncate {
            text.truncate(at);
        } else {
            let mut end = (at + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.replace_range(at..end, &insert);
        }
        let (fast, general, _) = both(&text);
        prop_assert_eq!(fast, general);
    }
}

#[test]
fn every_refusal_at_a_candidate_is_the_general_paths() {
    let text = generated(2);
    let plain = "<Selection><Candidate><CandidateIdentifier Id=\"2\"/></Candidate><ValidVotes>";
    let at = text.find(plain).expect("a candidate Selection");
    for (votes, refused) in [
        ("1000000000", true),
        ("0000000001", false),
        ("", true),
        (" 12 ", false),
        ("12x", true),
        ("99999999999999999999", true),
    ] {
        let mut damaged = text.clone();
        damaged.insert_str(at + plain.len(), votes);
        let end = at + plain.len() + votes.len();
        let digits = damaged[end..].find('<').expect("end tag");
        damaged.replace_range(end..end + digits, "");
        let (fast, general, _) = both(&damaged);
        assert_eq!(fast.is_err(), refused, "{votes:?}: {fast:?}");
        assert_eq!(fast, general, "{votes:?}");
    }
}

/// A reporting unit that is not a polling station is refused naming the line of its
/// `ReportingUnitIdentifier`, after the unit's candidates were read.
#[test]
fn a_unit_that_is_no_polling_station_is_refused_at_its_line() {
    let text = TK6.replace("\"0268::SB2\"", "\"0268::XX2\"");
    let (fast, general, _) = both(&text);
    let error = fast.expect_err("not a polling station");
    assert_eq!(error.line, Some(2268), "{error}");
    assert!(error.words(true).contains("0268::XX2"), "{error}");
    assert_eq!(Err(error), general);
}
