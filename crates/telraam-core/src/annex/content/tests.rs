use super::*;
use crate::election::Election;
use crate::record::{EntryMode, Field};
use crate::verification::Codes;
use crate::{counting, rules};

fn input_for<'a>(election: &'a Election, record: &'a CountRecord) -> AnnexInput<'a> {
    AnnexInput {
        election,
        record,
        codes: Codes {
            quick: vec!["1111-3".into()],
            record: vec!["1234-5".into(), "6789-0".into()],
            sections: vec![],
        },
        result_file: String::new(),
        fingerprint: String::new(),
        audit_head: String::new(),
    }
}

fn all_text(annex: &Annex) -> String {
    format!("{annex:?}")
}

fn section<'a>(annex: &'a Annex, title: &str) -> &'a Section {
    annex
        .sections
        .iter()
        .find(|s| s.title == title)
        .unwrap_or_else(|| panic!("no section {title}"))
}

/// Station 2 with A = list 1 = its candidate 1 = D = H = 10: no error, no warning.
fn balanced(e: &Election) -> CountRecord {
    let mut r = CountRecord::empty(e, 2, EntryMode::Counting);
    r.set(Field::PollCards, Some(10));
    r.set(Field::ProxyCertificates, Some(0));
    for list in e.lists.iter().map(|l| l.number) {
        r.set(Field::ListTotal(list), Some(if list == 1 { 10 } else { 0 }));
    }
    r.set(
        Field::Candidate {
            list: 1,
            candidate: 1,
        },
        Some(10),
    );
    r.set(Field::Blank, Some(0));
    r.set(Field::Invalid, Some(0));
    counting::complete(e, &mut r);
    r
}

#[test]
fn a_draft_lists_its_open_errors_and_warnings_first_and_a_finalised_annex_none() {
    let e = Election::demo();
    let mut r = balanced(&e);
    // D = 11, H = 10: the difference is not answered as explained or not (F.310).
    r.set(Field::PollCards, Some(11));
    counting::complete(&e, &mut r);
    let results = rules::validate(&e, &r);
    assert!(!results.is_empty(), "the test needs a result");
    let annex = build(&input_for(&e, &r), vec![]);
    let first = &annex.sections[0];
    assert_eq!(first.title, "Fouten en open waarschuwingen");
    let text = all_text(&annex);
    for result in &results {
        assert!(
            text.contains(result.code.as_str()),
            "{} missing",
            result.code
        );
    }

    let mut fine = balanced(&e);
    fine.lifecycle.state = RecordState::Finalised;
    let annex = build(&input_for(&e, &fine), vec![]);
    assert!(!annex.concept);
    assert!(!all_text(&annex).contains("FOUT"));
    assert!(annex.sections.iter().all(|s| s.title != first.title));
}

#[test]
fn the_signatures_come_after_the_key_totals_in_one_section() {
    let e = Election::demo();
    let r = balanced(&e);
    let annex = build(&input_for(&e, &r), vec![]);
    let signing = section(&annex, "Ondertekening");
    let figures = signing
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Figures(rows) if rows.iter().any(|f| f.letter == "H")))
        .expect("key totals");
    let signatures = signing
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Signatures(_)))
        .expect("signatures");
    assert!(figures < signatures);
}

#[test]
fn an_empty_box_is_printed_as_empty_not_as_zero() {
    let e = Election::demo();
    let mut r = CountRecord::empty(&e, 1, EntryMode::Counting);
    r.set(Field::Blank, Some(0));
    let annex = build(&input_for(&e, &r), vec![]);
    let Block::Figures(rows) = &section(&annex, "2. Uitgebrachte stemmen").blocks[0] else {
        panic!("votes section has figures");
    };
    let f = rows.iter().find(|f| f.letter == "F").unwrap();
    let g = rows.iter().find(|f| f.letter == "G").unwrap();
    assert_eq!(f.value, "0");
    assert_eq!(g.value, EMPTY);
}

#[test]
fn lists_appear_in_form_order_and_c_is_left_out_of_a_municipal_election() {
    let e = Election::demo();
    let r = CountRecord::empty(&e, 1, EntryMode::Counting);
    let annex = build(&input_for(&e, &r), vec![]);
    let Block::Figures(rows) = &section(&annex, "2. Uitgebrachte stemmen").blocks[0] else {
        panic!()
    };
    let letters: Vec<&str> = rows.iter().map(|f| f.letter.as_str()).collect();
    assert_eq!(letters, ["E.1", "E.2", "E.3", "E.4", "E", "F", "G", "H"]);
    assert!(!all_text(&annex).contains("Kiezerspassen"));
    assert!(annex.concept, "a draft is a concept");
}

#[test]
fn a_corrigendum_shows_its_number_and_reason() {
    let e = Election::demo();
    let mut r = balanced(&e);
    r.lifecycle.version = 3;
    r.lifecycle.state = RecordState::Finalised;
    r.lifecycle.correction_reason = "Hertelling lijst 2".into();
    let annex = build(&input_for(&e, &r), vec![]);
    let text = all_text(&annex);
    assert!(text.contains("corrigendum 2 (versie 3)"), "{text}");
    assert!(text.contains("Hertelling lijst 2"));
    assert!(!annex.concept);
    assert!(annex.footer.contains("1234-5  6789-0"));
}

#[test]
fn acknowledged_warnings_are_listed_with_their_codes() {
    let e = Election::demo();
    let mut r = CountRecord::empty(&e, 1, EntryMode::Counting);
    r.lifecycle.acknowledged_warnings = vec!["W.201".into(), "W.203".into()];
    let annex = build(&input_for(&e, &r), vec![]);
    let section = annex
        .sections
        .iter()
        .find(|s| s.title == "Geaccepteerde waarschuwingen")
        .unwrap();
    assert_eq!(section.blocks.len(), 2);
    assert!(matches!(&section.blocks[1], Block::Text(t) if t.starts_with("W.203: ")));
}

/// The open results' heading and request name what is open: a concept whose only
/// open result is a warning (W.201: blank votes F are 3 % of H or more) asks for
/// the warning to be reviewed and acknowledged, not for errors to be resolved.
#[test]
fn a_draft_with_only_a_warning_asks_to_acknowledge_it_not_to_resolve_errors() {
    let e = Election::demo();
    let mut r = balanced(&e);
    r.set(Field::ListTotal(1), Some(7));
    r.set(
        Field::Candidate {
            list: 1,
            candidate: 1,
        },
        Some(7),
    );
    r.set(Field::Blank, Some(3));
    counting::complete(&e, &mut r);
    let results = rules::validate(&e, &r);
    let codes: Vec<&str> = results.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["W.201"], "the test needs exactly one warning");
    let annex = build(&input_for(&e, &r), vec![]);
    let first = &annex.sections[0];
    assert_eq!(first.title, "Open waarschuwingen");
    let Block::Text(advice) = &first.blocks[0] else {
        panic!("the section opens with its request");
    };
    assert!(!advice.contains("fouten"), "{advice}");
    assert!(advice.contains("accepteer"), "{advice}");
    assert!(!all_text(&annex).contains("FOUT "));

    // With an error too, both are asked for.
    r.set(Field::Invalid, None);
    r.set(Field::Blank, Some(30));
    let annex = build(&input_for(&e, &r), vec![]);
    let first = &annex.sections[0];
    assert_eq!(first.title, "Fouten en open waarschuwingen");
    let Block::Text(advice) = &first.blocks[0] else {
        panic!("the section opens with its request");
    };
    assert!(advice.contains("Los de fouten op"), "{advice}");
    assert!(advice.contains("waarschuwingen"), "{advice}");
}
