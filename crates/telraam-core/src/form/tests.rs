use super::*;
use crate::election::Election;

fn election(generation: Generation, method: CountingMethod) -> Election {
    let mut e = Election::demo();
    e.form = Some(generation);
    e.counting_method = method;
    e
}

fn has(generation: Generation, method: CountingMethod, target: Target) -> bool {
    Form { generation, method }.has(target)
}

#[test]
fn the_election_day_decides_the_generation_unless_the_file_says() {
    assert_eq!(Generation::for_date("2022-03-16"), Generation::Before2026);
    assert_eq!(Generation::for_date("2025-10-29"), Generation::Before2026);
    assert_eq!(Generation::for_date("2026-03-18"), Generation::From2026);
    let mut e = Election::demo();
    assert_eq!(
        e.generation(),
        Generation::From2026,
        "the demo file says so"
    );
    e.form = None;
    assert_eq!(
        e.generation(),
        Generation::Before2026,
        "its date is in 2025"
    );
}

#[test]
fn the_older_form_has_k_to_o_and_no_boxes_or_question() {
    use CountingMethod::*;
    for method in [DSO, CSO] {
        let old = |t| has(Generation::Before2026, method, t);
        let new = |t| has(Generation::From2026, method, t);
        for field in [
            Field::TakenAway,
            Field::TooFewIssued,
            Field::TooManyIssued,
            Field::OtherExplanation,
            Field::NoExplanation,
        ] {
            assert!(old(Target::Count(field)) && !new(Target::Count(field)));
        }
        for mark in Mark::ALL {
            assert!(!old(Target::Mark(mark)) && new(Target::Mark(mark)));
        }
        for field in [
            Field::MoreBallots,
            Field::FewerBallots,
            Field::BallotsReceived,
        ] {
            assert!(old(Target::Count(field)) && new(Target::Count(field)));
        }
    }
}

#[test]
fn model_n_10_2_has_no_candidate_pages() {
    let cand = Target::Count(Field::Candidate {
        list: 1,
        candidate: 1,
    });
    for generation in Generation::ALL {
        assert!(has(generation, CountingMethod::DSO, cand));
        assert!(!has(generation, CountingMethod::CSO, cand));
        let e = election(generation, CountingMethod::CSO);
        assert!(
            Form::of(&e)
                .boxes(&e)
                .iter()
                .all(|t| section_of(*t) != Section::Candidates(1))
        );
    }
}

#[test]
fn boxes_come_in_paper_order_with_each_candidate_page_closed_by_its_total() {
    let e = election(Generation::From2026, CountingMethod::DSO);
    let boxes = Form::of(&e).boxes(&e);
    let keys: Vec<String> = boxes.iter().map(|t| t.key()).collect();
    let expected_start = [
        "A", "B", "C", "D", "E.1", "E.2", "E.3", "E.4", "E", "F", "G", "H",
    ];
    assert_eq!(&keys[..12], expected_start);
    let page_1_total = keys.iter().position(|k| k == "cand.1.total");
    let list_2_first = keys.iter().position(|k| k == "cand.2.1");
    assert!(page_1_total < list_2_first);
    let mut unique = keys.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), keys.len(), "every box once");
}

#[test]
fn every_box_has_words_in_both_languages_and_never_an_internal_key() {
    for generation in Generation::ALL {
        let e = election(generation, CountingMethod::DSO);
        for target in Form::of(&e).boxes(&e) {
            for english in [false, true] {
                let name = words::full_name(target, english);
                assert!(!name.trim().is_empty(), "{}", target.key());
                assert!(
                    !name.contains("stock.") && !name.contains("cand.") && !name.contains('_'),
                    "{name}"
                );
            }
            assert_ne!(words::label(target, false), words::label(target, true));
        }
    }
    let cand = Target::Count(Field::Candidate {
        list: 3,
        candidate: 2,
    });
    assert_eq!(words::short_name(cand, false), "lijst 3, kandidaat 2");
    assert_eq!(
        words::short_name(Target::Count(Field::BallotsReceived), false),
        "ontvangen stembiljetten"
    );
}

#[test]
fn computed_boxes_are_the_sums_and_the_comparison() {
    let computed: Vec<String> = MODEL
        .iter()
        .filter(|s| s.computed)
        .map(|s| s.label.to_string())
        .collect();
    assert_eq!(
        computed,
        [
            "total_admitted",
            "total_on_lists",
            "total_cast",
            "box_equal",
            "box_more",
            "box_fewer",
            "more_ballots",
            "fewer_ballots",
            "page_total"
        ]
    );
}

#[test]
fn sections_follow_the_form() {
    assert_eq!(
        section_of(Target::Count(Field::TotalAdmitted)),
        Section::Voters
    );
    assert_eq!(
        section_of(Target::Count(Field::ListTotal(7))),
        Section::Votes
    );
    assert_eq!(
        section_of(Target::Mark(Mark::ExplainedNo)),
        Section::Differences
    );
    assert_eq!(
        section_of(Target::Count(Field::CandidateListTotal(3))),
        Section::Candidates(3)
    );
    assert_eq!(Section::Candidates(3).key(), "candidates.3");
}

#[test]
fn target_keys_round_trip() {
    let e = election(Generation::From2026, CountingMethod::DSO);
    let mut all = Form::of(&e).boxes(&e);
    let old = election(Generation::Before2026, CountingMethod::DSO);
    all.extend(Form::of(&old).boxes(&old));
    for t in all {
        assert_eq!(Target::parse(&t.key()), Some(t));
    }
}

#[test]
fn a_section_is_named_by_the_letters_its_form_has() {
    let old = Generation::Before2026;
    let new = Generation::From2026;
    assert_eq!(Section::Voters.short_name(new, false), "A t/m D");
    assert_eq!(Section::Votes.short_name(old, true), "E to H");
    assert_eq!(Section::Differences.short_name(old, false), "I t/m O");
    assert_eq!(
        Section::Differences.short_name(new, false),
        "D/H, I, J",
        "no K to O on the form from 2026"
    );
    assert_eq!(Section::Candidates(3).short_name(new, false), "lijst 3");
}

#[test]
fn a_section_key_reads_back_and_is_named_for_its_form() {
    for s in [
        Section::Voters,
        Section::Votes,
        Section::Differences,
        Section::Candidates(3),
    ] {
        assert_eq!(Section::parse(&s.key()), Some(s));
    }
    let (old, new) = (Generation::Before2026, Generation::From2026);
    assert_eq!(
        Section::key_short_name("differences", old, false),
        "I t/m O"
    );
    assert_eq!(
        Section::key_short_name("differences", new, true),
        "D/H, I, J"
    );
    assert_eq!(Section::key_short_name("candidates.7", new, true), "list 7");
}
