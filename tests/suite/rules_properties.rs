//! Properties of the rules over many generated stations, from a one-list municipal
//! election to a Tweede-Kamer-sized one (30 lists, up to 80 candidates).

use proptest::prelude::*;
use telraam::counting;
use telraam::election::{Candidate, Category, CountingMethod, Election, PoliticalList};
use telraam::form::Generation;
use telraam::record::{BallotStock, CountRecord, EntryMode, Field, MAX_COUNT, Mark, YesNo};
use telraam::rules::{self, Severity};

fn election(category: Category, method: CountingMethod, sizes: &[usize]) -> Election {
    Election {
        id: "TEST".into(),
        name: "test".into(),
        date: "2026-03-18".into(),
        category,
        counting_method: method,
        voter_cards: None,
        form: None,
        authority: None,
        contest: None,
        domain: None,
        lists: sizes
            .iter()
            .enumerate()
            .map(|(i, n)| PoliticalList {
                number: i as u32 + 1,
                name: format!("Lijst {}", i + 1),
                candidates: (1..=*n as u32)
                    .map(|c| Candidate {
                        number: c,
                        initials: String::new(),
                        first_name: String::new(),
                        prefix: String::new(),
                        last_name: format!("Kandidaat {c}"),
                        locality: String::new(),
                    })
                    .collect(),
            })
            .collect(),
        stations: Vec::new(),
    }
}

/// The parts an operator types in counting mode, all within the form's limits.
#[derive(Debug, Clone)]
struct Parts {
    category: Category,
    method: CountingMethod,
    /// Candidate votes per list (their count is the list's size).
    candidates: Vec<Vec<u64>>,
    a: u64,
    b: u64,
    c: u64,
    f: u64,
    g: u64,
    explained: bool,
    stock: Option<(u64, u64, u64)>,
    /// The form generation: before 2026 (K-O) or from 2026 (D/H boxes, yes/no).
    generation: Generation,
}

/// Each list's votes stay small enough that 80 candidates fit in nine digits.
fn parts() -> impl Strategy<Value = Parts> {
    let per_candidate = 0..=MAX_COUNT / 80;
    (
        prop_oneof![Just(Category::GR), Just(Category::TK), Just(Category::PS)],
        prop_oneof![Just(CountingMethod::DSO), Just(CountingMethod::CSO)],
        prop::collection::vec(
            prop::collection::vec(prop_oneof![0..=50u64, per_candidate], 1..=80),
            1..=30,
        ),
        (0..=MAX_COUNT, 0..=MAX_COUNT, 0..=MAX_COUNT),
        (0..=MAX_COUNT, 0..=MAX_COUNT),
        (
            any::<bool>(),
            prop_oneof![Just(Generation::Before2026), Just(Generation::From2026)],
        ),
        prop::option::of((0..=MAX_COUNT, 0..=MAX_COUNT, 0..=MAX_COUNT)),
    )
        .prop_map(
            |(category, method, candidates, (a, b, c), (f, g), (explained, generation), stock)| {
                Parts {
                    category,
                    method,
                    candidates,
                    a,
                    b,
                    c,
                    f,
                    g,
                    explained,
                    stock,
                    generation,
                }
            },
        )
}

/// Builds the record the way counting mode does: the parts typed, the rest computed.
fn counted(p: &Parts) -> (Election, CountRecord) {
    let sizes: Vec<usize> = p.candidates.iter().map(Vec::len).collect();
    let mut e = election(p.category, p.method, &sizes);
    e.form = Some(p.generation);
    let mut r = CountRecord::empty(&e, 1, EntryMode::Counting);
    r.set(Field::PollCards, Some(p.a));
    r.set(Field::ProxyCertificates, Some(p.b));
    if e.voter_cards_apply() {
        r.set(Field::VoterCards, Some(p.c));
    }
    for (i, votes) in p.candidates.iter().enumerate() {
        let list = i as u32 + 1;
        r.set(Field::ListTotal(list), Some(votes.iter().sum()));
        for (j, v) in votes.iter().enumerate() {
            r.set(
                Field::Candidate {
                    list,
                    candidate: j as u32 + 1,
                },
                Some(*v),
            );
        }
    }
    r.set(Field::Blank, Some(p.f));
    r.set(Field::Invalid, Some(p.g));
    if let Some((received, unused, spoiled)) = p.stock {
        r.ballot_stock = BallotStock {
            received: Some(received),
            unused: Some(unused),
            spoiled: Some(spoiled),
        };
    }
    counting::complete(&e, &mut r);
    // What counting mode cannot compute: the supervisor's explanation of a difference,
    // as the election's form asks for it.
    if let Some(x) = counting::difference(&r).filter(|x| *x != 0) {
        match p.generation {
            Generation::From2026 => {
                r.differences.fully_explained = YesNo::from_answer(Some(p.explained));
            }
            Generation::Before2026 => {
                // N (another explanation) accounts for the whole difference.
                r.set(Field::OtherExplanation, Some(x.unsigned_abs()));
                for field in [
                    Field::TakenAway,
                    Field::TooFewIssued,
                    Field::TooManyIssued,
                    Field::NoExplanation,
                ] {
                    r.set(field, Some(0));
                }
            }
        }
    }
    (e, r)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A record built in counting mode from any valid parts, on either generation of
    /// the form, raises no error: at most warnings (a remarkable result, a ballot stock that does not balance).
    #[test]
    fn counting_mode_from_valid_parts_raises_no_error(p in parts()) {
        let (e, r) = counted(&p);
        let results = rules::validate(&e, &r);
        let errors: Vec<_> = results.iter().filter(|x| x.severity == Severity::Error).collect();
        prop_assert!(errors.is_empty(), "{errors:?}");
        prop_assert!(results.iter().all(|x| x.code != "T.001"), "every box is filled in");
    }

    /// The same figures typed from paper (transcription mode) raise no error either.
    #[test]
    fn a_faithful_transcription_raises_no_error(p in parts()) {
        let (e, mut r) = counted(&p);
        r.mode = EntryMode::Transcription;
        prop_assert!(!rules::has_errors(&rules::validate(&e, &r)));
    }

    /// A paper D that is not A + B (+ C) is always caught, whatever else is on the form.
    #[test]
    fn a_wrong_d_is_always_f201(p in parts(), off in 1..=1000u64) {
        let (e, mut r) = counted(&p);
        r.mode = EntryMode::Transcription;
        let d = r.voters.total_admitted.unwrap_or(0);
        r.voters.total_admitted = Some(d + off);
        let results = rules::validate(&e, &r);
        prop_assert!(results.iter().any(|x| x.code == "F.201"));
    }

    /// One typo anywhere in the proces-verbaal's figures (a box of sections 1-3 or a
    /// candidate page, written one or more too high) always raises an error, on either
    /// generation of the form, whatever the rest of the form says. Not covered: K-O and the ballot stock, which explain
    /// rather than count.
    #[test]
    fn a_single_typo_in_a_faithful_transcription_is_always_an_error(
        p in parts(),
        pick in any::<prop::sample::Index>(),
        off in 1..=1000u64,
    ) {
        let (e, mut r) = counted(&p);
        r.mode = EntryMode::Transcription;
        let mut fields: Vec<Field> = telraam::form::single_fields()
            .filter(|f| !matches!(
                f,
                Field::TakenAway | Field::TooFewIssued | Field::TooManyIssued
                    | Field::OtherExplanation | Field::NoExplanation
                    | Field::BallotsReceived | Field::BallotsUnused | Field::BallotsSpoiled
            ))
            .collect();
        for page in &r.candidate_votes {
            fields.push(Field::CandidateListTotal(page.list));
            fields.extend(page.votes.iter().map(|(c, _)| Field::Candidate {
                list: page.list,
                candidate: *c,
            }));
        }
        fields.extend(r.votes.lists.iter().map(|l| Field::ListTotal(l.list)));
        let field = fields[pick.index(fields.len())];
        let typo = r.get(field).unwrap_or(0) + off;
        prop_assert!(r.set(field, Some(typo)));
        let results = rules::validate(&e, &r);
        prop_assert!(rules::has_errors(&results), "{field} + {off}: {results:?}");
    }

    /// Rules never panic, whatever the record holds (any 64-bit figure, any boxes
    /// ticked, any box empty), and always come sorted by severity, then code.
    #[test]
    fn rules_never_panic_and_results_are_sorted(
        values in prop::collection::vec(prop::option::of(any::<u64>()), 19),
        lists in prop::collection::vec(prop::option::of(any::<u64>()), 30),
        candidates in prop::collection::vec(prop::option::of(any::<u64>()), 80),
        marks in prop::collection::vec(any::<bool>(), 5),
        dso in any::<bool>(),
    ) {
        let method = if dso { CountingMethod::DSO } else { CountingMethod::CSO };
        let e = election(Category::TK, method, &[80; 30]);
        let mut r = CountRecord::empty(&e, 1, EntryMode::Transcription);
        let fixed = telraam::form::single_fields().chain([Field::CandidateListTotal(1)]);
        for (field, v) in fixed.zip(values) {
            r.set(field, v);
        }
        for (i, v) in lists.into_iter().enumerate() {
            r.set(Field::ListTotal(i as u32 + 1), v);
        }
        for (i, v) in candidates.into_iter().enumerate() {
            r.set(Field::Candidate { list: 1, candidate: i as u32 + 1 }, v);
        }
        for (mark, on) in Mark::ALL.into_iter().zip(marks) {
            r.set_mark(mark, on);
        }
        let results = rules::validate(&e, &r);
        let keys: Vec<_> = results.iter().map(|x| (x.severity, x.code)).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        prop_assert_eq!(keys, sorted);
        prop_assert!(results.iter().all(|x| !x.fields.is_empty()));
    }
}
