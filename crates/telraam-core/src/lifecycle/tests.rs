//! The lifecycle as a state machine: a few scenarios as the supervisor lives them,
//! then random command sequences (proptest) checking that nothing panics, every
//! refusal has a reason in both languages, and the invariants hold after every step.

use super::*;
use crate::form::Generation;
use crate::rules::test_support::balanced;
use crate::rules::{self, Severity};
use proptest::prelude::*;

fn demo() -> Election {
    Election::demo()
}

/// Decides and, when accepted, returns the new latest version.
fn step(e: &Election, latest: Option<&CountRecord>, c: Command) -> Result<Decision, Refusal> {
    decide(e, 1, latest, c)
}

fn warnings(e: &Election, r: &CountRecord) -> Vec<String> {
    rules::validate(e, r)
        .into_iter()
        .filter(|x| x.severity == Severity::Warning)
        .map(|x| x.code.to_string())
        .collect()
}

/// Types the balanced station's figures (and, when transcribing, its marks) box by box.
fn fill_balanced(e: &Election, mut record: CountRecord) -> CountRecord {
    let (_, target) = balanced();
    for t in Form::of(e).boxes(e) {
        let counting = record.mode == EntryMode::Counting;
        if counting && form::computed(t) {
            continue;
        }
        let command = match t {
            Target::Count(field) => Command::SetField {
                field,
                value: target.get(field),
            },
            Target::Mark(mark) => Command::SetMark {
                mark,
                on: target.mark(mark),
            },
        };
        if let Ok(d) = step(e, Some(&record), command) {
            record = d.record;
        }
    }
    record
}

#[test]
fn a_station_is_started_counted_finalised_and_corrected_with_one_event_each() {
    let e = demo();
    let started = step(
        &e,
        None,
        Command::Start {
            mode: EntryMode::Counting,
        },
    )
    .unwrap();
    assert_eq!(
        started.changes[0].events,
        vec![AuditEvent::Start {
            mode: Mode::Counting
        }]
    );
    let record = fill_balanced(&e, started.record);
    let done = step(
        &e,
        Some(&record),
        Command::Finalise {
            acknowledged: warnings(&e, &record),
        },
    )
    .unwrap();
    assert_eq!(done.record.lifecycle.state, RecordState::Finalised);
    // A finalised version is never changed: typing is refused with the way out.
    let typed = Command::SetField {
        field: Field::Blank,
        value: Some(6),
    };
    assert_eq!(
        step(&e, Some(&done.record), typed.clone()),
        Err(Refusal::Finalised {
            station: 1,
            version: 1
        })
    );
    assert!(
        Refusal::Finalised {
            station: 1,
            version: 1
        }
        .words(true)
        .contains("corrigendum")
    );
    let corrected = step(
        &e,
        Some(&done.record),
        Command::Corrigendum {
            reason: "  recount  ".into(),
        },
    )
    .unwrap();
    assert_eq!(corrected.record.lifecycle.version, 2);
    assert_eq!(corrected.record.lifecycle.correction_reason, "recount");
    assert!(step(&e, Some(&corrected.record), typed).is_ok());
}

#[test]
fn finalising_with_an_error_or_an_open_warning_is_refused_naming_the_codes() {
    let e = demo();
    let (_, mut r) = balanced();
    r.set(Field::Blank, Some(6));
    counting::complete(&e, &mut r);
    match step(
        &e,
        Some(&r),
        Command::Finalise {
            acknowledged: Vec::new(),
        },
    ) {
        Err(Refusal::Errors { codes, .. }) | Err(Refusal::Unacknowledged { codes, .. }) => {
            assert!(!codes.is_empty())
        }
        other => panic!("expected a refusal naming codes, got {other:?}"),
    }
}

#[test]
fn typing_a_box_counting_mode_computes_is_refused_and_so_is_a_box_the_form_lacks() {
    let e = demo();
    let (_, r) = balanced();
    let d = Command::SetField {
        field: Field::TotalAdmitted,
        value: Some(5),
    };
    assert_eq!(
        step(&e, Some(&r), d),
        Err(Refusal::Computed {
            target: Target::Count(Field::TotalAdmitted)
        })
    );
    let k = Command::SetField {
        field: Field::TakenAway,
        value: Some(1),
    };
    assert!(matches!(
        step(&e, Some(&r), k),
        Err(Refusal::NotOnForm { .. })
    ));
}

#[test]
fn a_station_the_election_lacks_is_refused() {
    let e = demo();
    let refused = decide(
        &e,
        999,
        None,
        Command::Start {
            mode: EntryMode::Counting,
        },
    );
    assert!(matches!(
        refused,
        Err(Refusal::UnknownStation { station: 999, .. })
    ));
}

#[test]
fn importing_the_same_finalised_record_twice_stores_nothing_and_a_changed_one_is_refused() {
    let e = demo();
    let (_, r) = balanced();
    let fin = step(
        &e,
        Some(&r),
        Command::Finalise {
            acknowledged: warnings(&e, &r),
        },
    )
    .unwrap()
    .record;
    let again = put(&e, std::slice::from_ref(&fin), &fin, "import").unwrap();
    assert_eq!(again.event, None);
    let mut changed = fin.clone();
    changed.differences.note = "changed".into();
    assert!(matches!(
        put(&e, std::slice::from_ref(&fin), &changed, "import"),
        Err(Refusal::FinalisedHere {
            finalised: 1,
            version: 1,
            ..
        })
    ));
}

/// One step of a random session.
#[derive(Debug, Clone)]
enum Op {
    Start(bool),
    Field(usize, Option<u64>),
    Mark(usize, bool),
    Note(bool),
    Acknowledge(usize),
    Withdraw(usize),
    /// Finalise with every current warning acknowledged (true) or none.
    Finalise(bool),
    Corrigendum(bool),
    /// Type the balanced station's figures.
    Balance,
}

fn op() -> impl Strategy<Value = Op> {
    let value = prop_oneof![
        8 => (0u64..1500).prop_map(Some),
        1 => Just(None),
        1 => (MAX_COUNT - 2..MAX_COUNT + 3).prop_map(Some),
    ];
    prop_oneof![
        1 => any::<bool>().prop_map(Op::Start),
        8 => (any::<usize>(), value).prop_map(|(i, v)| Op::Field(i, v)),
        2 => (any::<usize>(), any::<bool>()).prop_map(|(i, on)| Op::Mark(i, on)),
        1 => any::<bool>().prop_map(Op::Note),
        2 => any::<usize>().prop_map(Op::Acknowledge),
        1 => any::<usize>().prop_map(Op::Withdraw),
        3 => any::<bool>().prop_map(Op::Finalise),
        2 => any::<bool>().prop_map(Op::Corrigendum),
        2 => Just(Op::Balance),
    ]
}

fn command(e: &Election, latest: Option<&CountRecord>, op: &Op) -> Vec<Command> {
    let boxes = Form::of(e).boxes(e);
    let pick = |i: usize| boxes[i % boxes.len()];
    let codes = latest.map(|r| warnings(e, r)).unwrap_or_default();
    let code = |i: usize| {
        codes
            .get(i % codes.len().max(1))
            .cloned()
            .unwrap_or("W.203".into())
    };
    match op {
        Op::Start(counting) => vec![Command::Start {
            mode: if *counting {
                EntryMode::Counting
            } else {
                EntryMode::Transcription
            },
        }],
        Op::Field(i, value) => match pick(*i) {
            Target::Count(field) => vec![Command::SetField {
                field,
                value: *value,
            }],
            Target::Mark(mark) => vec![Command::SetMark {
                mark,
                on: value.is_some(),
            }],
        },
        Op::Mark(i, on) => vec![Command::SetMark {
            mark: Mark::ALL[i % Mark::ALL.len()],
            on: *on,
        }],
        Op::Note(text) => vec![Command::SetNote {
            note: if *text {
                "ballot found in the box".into()
            } else {
                String::new()
            },
        }],
        Op::Acknowledge(i) => vec![Command::Acknowledge { code: code(*i) }],
        Op::Withdraw(i) => vec![Command::Withdraw { code: code(*i) }],
        Op::Finalise(all) => vec![Command::Finalise {
            acknowledged: if *all { codes.clone() } else { Vec::new() },
        }],
        Op::Corrigendum(reason) => vec![Command::Corrigendum {
            reason: if *reason {
                "recount of list 2".into()
            } else {
                " ".into()
            },
        }],
        Op::Balance => Vec::new(),
    }
}

/// What must hold after every accepted command.
fn check_invariants(e: &Election, before: Option<&CountRecord>, c: &Command, d: &Decision) {
    let r = &d.record;
    assert_eq!((r.station, r.election_id.as_str()), (1, e.id.as_str()));
    assert!((1..=crate::record::MAX_VERSION).contains(&r.lifecycle.version));
    for change in &d.changes {
        assert!(
            !change.events.is_empty(),
            "every stored change says what happened: {c:?}"
        );
    }
    if let Some(last) = d.changes.iter().rev().find_map(|ch| ch.write.as_ref()) {
        assert_eq!(last, r, "the record written last is the station's latest");
    }
    if let Some(b) = before {
        assert!(r.lifecycle.version >= b.lifecycle.version);
        if b.lifecycle.state == RecordState::Finalised && !d.changes.is_empty() {
            // A finalised version only ever gives way to a corrigendum.
            assert!(matches!(c, Command::Corrigendum { .. }), "{c:?}");
            assert_eq!(r.lifecycle.version, b.lifecycle.version + 1);
        }
    }
    for t in Form::of(e).boxes(e) {
        if let Target::Count(f) = t {
            assert!(
                r.get(f).is_none_or(|v| v <= MAX_COUNT),
                "{f} does not fit: {c:?}"
            );
        }
    }
    if r.lifecycle.state == RecordState::Finalised {
        let gate = Gate::check(e, r, &r.lifecycle.acknowledged_warnings);
        assert!(gate.passes(), "finalised with {gate:?}");
    }
    if r.mode == EntryMode::Counting {
        let mut again = r.clone();
        let cleared = counting::complete(e, &mut again);
        assert_eq!(
            (&again, cleared.len()),
            (r, 0),
            "counting mode's sums are complete"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn random_sessions_never_panic_keep_the_invariants_and_every_refusal_has_a_reason(
        before_2026 in any::<bool>(),
        ops in proptest::collection::vec(op(), 1..40),
    ) {
        let mut e = demo();
        if before_2026 {
            e.form = Some(Generation::Before2026);
        }
        let mut latest: Option<CountRecord> = None;
        for op in &ops {
            if matches!(op, Op::Balance) {
                if let Some(r) = latest.clone().filter(|r| r.lifecycle.state == RecordState::Draft) {
                    latest = Some(fill_balanced(&e, r));
                }
                continue;
            }
            for c in command(&e, latest.as_ref(), op) {
                match decide(&e, 1, latest.as_ref(), c.clone()) {
                    Ok(d) => {
                        check_invariants(&e, latest.as_ref(), &c, &d);
                        latest = Some(d.record);
                    }
                    Err(refusal) => {
                        for english in [false, true] {
                            let words = refusal.words(english);
                            prop_assert!(words.len() > 10, "{refusal:?} has no reason: {words:?}");
                        }
                    }
                }
            }
        }
    }
}
