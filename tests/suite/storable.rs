//! The workspace refuses to store a record that could not be read back, and checks
//! that on the record itself (`result_file::storable`) for all but the first record
//! of a transaction. These properties hold that check to the real thing: writing
//! the record as a result file and reading it back with the reader.

use proptest::prelude::*;
use telraam::election::{CountingMethod, Election};
use telraam::form::{self, Form, Generation, Target};
use telraam::record::{CountRecord, EntryMode, Field, MAX_COUNT, MAX_VERSION, Mark};
use telraam::result_file::{from_toml, storable, to_toml};

/// Every single box with a figure, from the form model (`form::single_fields`): A
/// to J, K to O (before 2026 only), the ballot stock.
fn boxes() -> Vec<Field> {
    form::single_fields().collect()
}

/// The single boxes both generations of the form have (A to J and the ballot stock):
/// the ones every generated record fills in.
fn common_boxes() -> Vec<Field> {
    let has = |generation| {
        let form = Form {
            generation,
            method: CountingMethod::DSO,
        };
        move |f: &Field| form.has(Target::Count(*f))
    };
    boxes()
        .into_iter()
        .filter(has(Generation::Before2026))
        .filter(has(Generation::From2026))
        .collect()
}

/// A figure: mostly ordinary, sometimes at or just above the form's limit.
fn figure() -> impl Strategy<Value = Option<u64>> {
    prop_oneof![
        3 => Just(None),
        6 => (0..2000u64).prop_map(Some),
        1 => (MAX_COUNT - 1..=MAX_COUNT + 2).prop_map(Some),
    ]
}

/// What can make a record unreadable, and what cannot.
#[derive(Debug, Clone)]
enum Defect {
    Figure(usize, Option<u64>),
    Candidate(usize, usize, Option<u64>),
    PageTotal(usize, Option<u64>),
    Version(u32),
    Station(u32),
    OtherElection,
    OtherMethod,
    ListNotOnBallot(u32),
    CandidateNotOnList(usize, u32),
    Mark(usize),
}

fn defect() -> impl Strategy<Value = Defect> {
    prop_oneof![
        (0..boxes().len(), figure()).prop_map(|(i, v)| Defect::Figure(i, v)),
        (0..8usize, 0..40usize, figure()).prop_map(|(l, c, v)| Defect::Candidate(l, c, v)),
        (0..8usize, figure()).prop_map(|(l, v)| Defect::PageTotal(l, v)),
        prop_oneof![0..=3u32, MAX_VERSION - 1..=MAX_VERSION + 2].prop_map(Defect::Version),
        (0..30u32).prop_map(Defect::Station),
        Just(Defect::OtherElection),
        Just(Defect::OtherMethod),
        (100..140u32).prop_map(Defect::ListNotOnBallot),
        (0..8usize, 500..600u32).prop_map(|(l, c)| Defect::CandidateNotOnList(l, c)),
        (0..10usize).prop_map(Defect::Mark),
    ]
}

fn election(method: CountingMethod, generation: Generation) -> Election {
    let mut e = Election::demo();
    e.counting_method = method;
    e.form = Some(generation);
    e
}

fn apply(e: &Election, r: &mut CountRecord, defect: &Defect) {
    match *defect {
        Defect::Figure(i, v) => {
            r.set(boxes()[i], v);
        }
        Defect::Candidate(l, c, v) => {
            if let Some(page) = r.candidate_votes.get_mut(l % e.lists.len().max(1)) {
                let at = c % page.votes.len().max(1);
                if let Some(slot) = page.votes.get_mut(at) {
                    slot.1 = v;
                }
            }
        }
        Defect::PageTotal(l, v) => {
            if let Some(page) = r.candidate_votes.get_mut(l % e.lists.len().max(1)) {
                page.total = v;
            }
        }
        Defect::Version(v) => r.lifecycle.version = v,
        Defect::Station(s) => r.station = s,
        Defect::OtherElection => r.election_id.push('X'),
        Defect::OtherMethod => {
            r.counting_method = match r.counting_method {
                CountingMethod::DSO => CountingMethod::CSO,
                CountingMethod::CSO => CountingMethod::DSO,
            }
        }
        Defect::ListNotOnBallot(n) => {
            if let Some(l) = r.votes.lists.first_mut() {
                l.list = n;
                l.total = Some(1);
            }
            if let Some(page) = r.candidate_votes.first_mut() {
                page.list = n;
                page.total = Some(1);
            }
        }
        Defect::CandidateNotOnList(l, n) => {
            if let Some(page) = r.candidate_votes.get_mut(l % e.lists.len().max(1))
                && let Some(slot) = page.votes.first_mut()
            {
                *slot = (n, Some(1));
            }
        }
        Defect::Mark(i) => match Mark::ALL.get(i) {
            Some(mark) => r.set_mark(*mark, true),
            None => {
                let extra = [Field::TakenAway, Field::NoExplanation];
                r.set(extra[i % 2], Some(1));
            }
        },
    }
}

fn record(e: &Election, figures: &[Option<u64>], defects: &[Defect]) -> CountRecord {
    let mut r = CountRecord::empty(e, 1, EntryMode::Transcription);
    for (field, value) in common_boxes().into_iter().zip(figures) {
        r.set(field, *value);
    }
    for defect in defects {
        apply(e, &mut r, defect);
    }
    r
}

fn cases() -> impl Strategy<Value = (CountingMethod, Generation, Vec<Option<u64>>, Vec<Defect>)> {
    (
        prop_oneof![Just(CountingMethod::DSO), Just(CountingMethod::CSO)],
        prop_oneof![Just(Generation::Before2026), Just(Generation::From2026)],
        proptest::collection::vec(0..2000u64, common_boxes().len())
            .prop_map(|v| v.into_iter().map(Some).collect::<Vec<_>>()),
        proptest::collection::vec(defect(), 0..4),
    )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        max_global_rejects: 8192,
        ..ProptestConfig::default()
    })]

    /// "Nothing stored may be unreadable": the check on the record refuses exactly
    /// what writing the result file and reading it back refuses, with its message.
    #[test]
    fn the_check_on_the_record_refuses_what_reading_back_refuses(
        (method, generation, figures, defects) in cases()
    ) {
        let e = election(method, generation);
        let r = record(&e, &figures, &defects);
        let checked = storable("s", &r, &e);
        let read_back = from_toml("s", &to_toml(&r), &e);
        prop_assert_eq!(checked.is_ok(), read_back.is_ok(), "{:?} / {:?}", checked, read_back.err());
        if let (Err(a), Err(b)) = (&checked, &read_back)
            && defects.len() == 1
        {
            // One defect: the same field and the same words.
            prop_assert_eq!(&a.field, &b.field);
            prop_assert_eq!(&a.problem, &b.problem);
        }
    }

    /// And what it lets through reads back as the same record (a record with a slot
    /// for every list and candidate of the ballot, as every record has).
    #[test]
    fn a_record_the_check_lets_through_reads_back_unchanged(
        (method, generation, figures, mut defects) in cases()
    ) {
        defects.retain(|d| {
            !matches!(d, Defect::ListNotOnBallot(_) | Defect::CandidateNotOnList(..))
        });
        let e = election(method, generation);
        let mut r = record(&e, &figures, &defects);
        r.lifecycle.version = r.lifecycle.version.max(1);
        prop_assume!(storable("s", &r, &e).is_ok());
        let back = from_toml("s", &to_toml(&r), &e).expect("reads back");
        prop_assert_eq!(back, r);
    }
}
