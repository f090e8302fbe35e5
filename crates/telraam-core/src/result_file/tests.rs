use super::*;
use crate::counting;
use crate::election::Election;
use crate::record::Field;
use crate::record::{CountRecord, EntryMode};

fn filled() -> (Election, CountRecord) {
    let e = Election::demo();
    let mut r = CountRecord::empty(&e, 2, EntryMode::Counting);
    r.set(Field::PollCards, Some(120));
    r.set(Field::ProxyCertificates, Some(3));
    r.set(Field::ListTotal(1), Some(50));
    r.set(Field::ListTotal(3), Some(0));
    r.set(Field::Blank, Some(1));
    r.set(
        Field::Candidate {
            list: 1,
            candidate: 1,
        },
        Some(45),
    );
    r.set(
        Field::Candidate {
            list: 1,
            candidate: 2,
        },
        Some(5),
    );
    r.differences.note = "één kiezer vertrok met het \"stembiljet\"".into();
    r.lifecycle.acknowledged_warnings = vec!["W.203".into()];
    counting::complete(&e, &mut r);
    (e, r)
}

#[test]
fn a_record_survives_writing_and_reading_unchanged() {
    let (e, r) = filled();
    let text = to_toml(&r);
    let back = from_toml("x.toml", &text, &e).expect("reads back");
    assert_eq!(back, r);
}

#[test]
fn an_empty_box_stays_empty_and_a_zero_stays_zero() {
    let (e, r) = filled();
    let back = from_toml("x.toml", &to_toml(&r), &e).expect("reads back");
    assert_eq!(back.get(Field::ListTotal(3)), Some(0));
    assert_eq!(back.get(Field::ListTotal(2)), None);
}

#[test]
fn a_list_pages_own_total_is_kept_apart_from_e_n() {
    let (e, mut r) = filled();
    r.mode = EntryMode::Transcription;
    r.set(Field::CandidateListTotal(1), Some(49));
    let text = to_toml(&r);
    assert!(text.contains("total = 49"), "{text}");
    let back = from_toml("x.toml", &text, &e).expect("reads back");
    assert_eq!(back.get(Field::CandidateListTotal(1)), Some(49));
    assert_eq!(back.get(Field::ListTotal(1)), Some(50));
    assert_eq!(back.get(Field::CandidateListTotal(2)), None);
}

#[test]
fn an_unknown_list_is_named_with_its_line() {
    let (e, r) = filled();
    let text = to_toml(&r).replace("[votes.lists]\n", "[votes.lists]\n27 = 5\n");
    let line = text.lines().position(|l| l == "27 = 5").expect("inserted") + 1;
    let error = from_toml("x.toml", &text, &e).expect_err("list 27 does not exist");
    assert_eq!(error.line, Some(line));
    assert_eq!(error.field.as_deref(), Some("votes.lists.27"));
    assert!(
        error
            .to_string()
            .starts_with(&format!("x.toml:{line}: votes.lists.27:"))
    );
}

#[test]
fn a_negative_number_is_refused_with_its_line() {
    let (e, r) = filled();
    let text = to_toml(&r).replace("A = 120", "A = -1");
    let error = from_toml("x.toml", &text, &e).expect_err("negative");
    let line = text.lines().position(|l| l == "A = -1").expect("there") + 1;
    assert_eq!(error.line, Some(line));
}

#[test]
fn a_negative_number_names_its_field_in_the_chosen_language() {
    let (e, r) = filled();
    let text = to_toml(&r).replace("H = 51", "H = -3");
    let error = from_toml("x.toml", &text, &e).expect_err("negative");
    assert_eq!(error.field.as_deref(), Some("votes.H"));
    let nl = error.to_string();
    assert!(nl.contains("negatief") && !nl.contains("negative"), "{nl}");
    crate::i18n::set(crate::i18n::Language::English);
    let en = error.to_string();
    crate::i18n::set(crate::i18n::Language::Dutch);
    assert!(en.contains("negative") && !en.contains("negatief"), "{en}");
    assert!(matches!(error.problem, ResultFileProblem::Negative(_)));
}

#[test]
fn a_negative_number_is_named_by_its_table_and_key() {
    let e = Election::demo();
    let text = "format = \"telraam-result-1\"\nelection = \"GR2025_Juinen\"\nstation = 1\n\
                model = \"N 10-1\"\nmode = \"counting\"\n\n[voters]\nA = 3\nB = -2\n";
    let err = from_toml("s.toml", text, &e).expect_err("negative");
    assert_eq!(err.line, Some(9));
    assert_eq!(err.field.as_deref(), Some("voters.B"));
    assert!(err.to_string().starts_with("s.toml:9: voters.B: "), "{err}");
}

#[test]
fn a_number_over_nine_digits_is_refused() {
    let (e, r) = filled();
    let text = to_toml(&r).replace("A = 120", "A = 1000000000");
    let error = from_toml("x.toml", &text, &e).expect_err("too large");
    assert_eq!(error.field.as_deref(), Some("voters.A"));
    assert_eq!(error.problem, ResultFileProblem::TooLarge(1_000_000_000));
    assert!(error.to_string().contains("999 999 999"));
}

#[test]
fn malformed_toml_is_refused_with_a_line() {
    let (e, _) = filled();
    let error = from_toml("x.toml", "format = \"telraam-result-1\"\nstation = [", &e)
        .expect_err("malformed");
    assert_eq!(error.line, Some(2));
}

#[test]
fn a_file_for_another_election_is_refused() {
    let (e, r) = filled();
    let text = to_toml(&r).replace("GR2025_Juinen", "GR2022_Elders");
    let error = from_toml("x.toml", &text, &e).expect_err("other election");
    assert_eq!(error.field.as_deref(), Some("election"));
}

#[test]
fn a_box_the_elections_form_does_not_have_is_refused_with_its_line() {
    let e = Election::demo();
    let text = include_str!("../../../../samples/juinen/station-2-warnings.toml")
        .replace("explained_yes = true", "explained_yes = true\nK = 15");
    let err = from_toml("s.toml", &text, &e).expect_err("no K on the form from 2026");
    assert_eq!(err.field.as_deref(), Some("differences.K"));
    assert!(err.line.is_some());
    assert!(err.to_string().contains("heeft geen vak"), "{err}");
    let mut old = e.clone();
    old.form = Some(crate::form::Generation::Before2026);
    let err = from_toml("s.toml", &text, &old).expect_err("no box on the older form");
    assert_eq!(err.field.as_deref(), Some("differences.h_less_than_d"));
}

/// The keys of the lists and candidates tables as they stand in `text`, in order:
/// the list numbers of `[votes.lists]`, the `[candidates.N]` headers, and the keys
/// of the first candidates table.
fn table_keys(text: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let (mut lists, mut tables, mut first) = (Vec::new(), Vec::new(), Vec::new());
    let mut table = "";
    for line in text.lines() {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            table = name;
            if let Some(list) = name.strip_prefix("candidates.") {
                tables.push(list.to_string());
            }
            continue;
        }
        let Some((key, _)) = line.split_once(" = ") else {
            continue;
        };
        if table == "votes.lists" {
            lists.push(key.to_string());
        } else if tables.len() == 1 && table.starts_with("candidates.") {
            first.push(key.to_string());
        }
    }
    (lists, tables, first)
}

/// The file lists lists and candidates in the form's order, by number (1, 2, …, 10,
/// 11), not as text (1, 10, 11, 2), with the list page's total last; the canonical
/// text behind the verification code does not change with it.
#[test]
fn lists_and_candidates_are_written_in_number_order_with_the_page_total_last() {
    let shape = crate::generate::Shape {
        stations: 1,
        lists: 12,
        max_candidates: 12,
    };
    let e = crate::generate::election(&shape);
    let r = crate::generate::record(&e, 1, &mut 7);
    let text = to_toml(&r);
    let (lists, tables, first) = table_keys(&text);
    let numbers = |n: usize| (1..=n).map(|i| i.to_string()).collect::<Vec<_>>();
    assert_eq!(lists, numbers(12), "{text}");
    assert_eq!(tables, numbers(12), "{text}");
    let mut candidates = numbers(12);
    candidates.push(LIST_PAGE_TOTAL.to_string());
    assert_eq!(first, candidates, "{text}");
    let back = from_toml("x.toml", &text, &e).expect("reads back");
    assert_eq!(back, r);
}

/// A file written before, by the writer that sorted keys as text (1, 10, 11, 12, 2,
/// …; `tests/data/result-files/text-order.toml`, station 1 of the generated 12-list
/// election), reads as the same record, with the same verification code.
#[test]
fn a_file_with_its_keys_sorted_as_text_still_reads_the_same() {
    const OLD: &str = include_str!("../../../../tests/data/result-files/text-order.toml");
    let shape = crate::generate::Shape {
        stations: 1,
        lists: 12,
        max_candidates: 12,
    };
    let e = crate::generate::election(&shape);
    let r = crate::generate::record(&e, 1, &mut 7);
    let (lists, tables, first) = table_keys(OLD);
    assert_eq!(
        lists[..3],
        ["1", "10", "11"],
        "the fixture is in text order"
    );
    assert_eq!(tables[..3], ["1", "10", "11"]);
    assert_eq!(first[..3], ["1", "10", "11"]);
    let old = from_toml("text-order.toml", OLD, &e).expect("an old file reads");
    assert_eq!(old, r);
    assert_eq!(
        crate::verification::codes(&e, &old).record_text(),
        crate::verification::codes(&e, &r).record_text()
    );
    assert_ne!(to_toml(&old), OLD, "written again, it is in number order");
}

mod written_by_hand {
    use super::filled;
    use crate::record::CandidateVotes;
    use crate::result_file::write::to_toml_with;
    use proptest::prelude::*;

    /// A figure: mostly small, sometimes large, up to TOML's 64-bit limit. Past it
    /// the direct writer hands the whole record to the toml crate, which would make
    /// most cases compare the toml crate with itself; that case has its own test.
    fn figure() -> impl Strategy<Value = Option<u64>> {
        prop_oneof![
            4 => (0u64..2_000).prop_map(Some),
            1 => Just(None),
            1 => (0..=i64::MAX as u64).prop_map(Some),
            1 => Just(Some(i64::MAX as u64)),
        ]
    }

    /// Candidate pages as a record can hold them, odd ones included: lists and
    /// candidates out of order, twice, numbered 0 or into the billions, empty pages.
    fn pages() -> impl Strategy<Value = Vec<CandidateVotes>> {
        let number = prop_oneof![4 => 0u32..130, 1 => any::<u32>()];
        let page = (
            prop_oneof![4 => 0u32..30, 1 => any::<u32>()],
            proptest::collection::vec((number, figure()), 0..40),
            figure(),
        )
            .prop_map(|(list, votes, total)| CandidateVotes { list, votes, total });
        proptest::collection::vec(page, 0..12)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// The candidate pages written directly are byte for byte what the toml
        /// crate writes from the same record.
        #[test]
        fn to_toml_is_what_the_toml_crate_writes(pages in pages()) {
            let (_, mut record) = filled();
            record.candidate_votes = pages;
            prop_assert_eq!(to_toml_with(&record, true), to_toml_with(&record, false));
        }
    }

    #[test]
    fn a_figure_past_tomls_64_bit_limit_is_written_as_the_toml_crate_writes_it() {
        let (_, mut record) = filled();
        record.candidate_votes = vec![CandidateVotes {
            list: 1,
            votes: vec![(1, Some(u64::MAX)), (2, Some(3))],
            total: Some(3),
        }];
        assert_eq!(to_toml_with(&record, true), to_toml_with(&record, false));
    }

    #[test]
    fn a_tweede_kamer_record_is_written_as_the_toml_crate_writes_it() {
        let election = crate::generate::election(&crate::generate::Shape::tweede_kamer(3));
        for record in crate::generate::records(&election, 1, 3, &mut 7) {
            let text = to_toml_with(&record, true);
            assert!(text.contains("\n[candidates.10]\n1 = "), "{text}");
            assert_eq!(text, to_toml_with(&record, false));
        }
    }
}
