//! Property: whatever sequence of saves, finalisations and corrigenda an operator
//! makes, the workspace holds exactly what an in-memory replay of the accepted
//! changes gives, refused changes leave no trace, and the audit chain verifies.

use proptest::prelude::*;
use telraam::counting;
use telraam::election::Election;
use telraam::record::{CountRecord, EntryMode, Field, RecordState};
use telraam::rules;
use telraam::storage::Workspace;

#[derive(Debug, Clone)]
enum Op {
    Save(usize, Option<u64>),
    Note(String),
    Finalise,
    Correct,
}

const FIELDS: [Field; 8] = [
    Field::PollCards,
    Field::ProxyCertificates,
    Field::ListTotal(1),
    Field::ListTotal(2),
    Field::Blank,
    Field::Invalid,
    Field::BallotsReceived,
    Field::Candidate {
        list: 1,
        candidate: 1,
    },
];

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0..FIELDS.len(), proptest::option::of(0u64..2000)).prop_map(|(f, v)| Op::Save(f, v)),
        1 => "[a-z ]{0,12}".prop_map(Op::Note),
        1 => Just(Op::Finalise),
        1 => Just(Op::Correct),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]
    #[test]
    fn the_workspace_matches_a_replay_of_the_accepted_changes(ops in proptest::collection::vec(op(), 1..16)) {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut ws = Workspace::open(dir.path()).expect("open");
        let election = Election::demo();
        let mut model = CountRecord::empty(&election, 1, EntryMode::Counting);
        counting::complete(&election, &mut model);
        ws.start(1, EntryMode::Counting, "op").expect("start");
        let mut rows = 2; // seeding + start
        let mut versions = 1;
        for op in ops {
            let finalised = model.lifecycle.state == RecordState::Finalised;
            // Each accepted change writes one audit row, and one more for every answer
            // counting mode clears because the form no longer asks for it.
            let mut expected = rows;
            match op {
                Op::Save(i, value) => {
                    let result = ws.save_field(1, FIELDS[i], value, "op");
                    prop_assert_eq!(result.is_ok(), !finalised, "saving to a finalised version is refused");
                    if !finalised {
                        model.set(FIELDS[i], value);
                        expected += 1 + counting::complete(&election, &mut model).len();
                    }
                }
                Op::Note(text) => {
                    // The note explains a difference: refused while D and H do not differ.
                    let explaining = matches!(counting::difference(&model), Some(x) if x != 0);
                    let allowed = !finalised && (explaining || text.is_empty());
                    let result = ws.save_note(1, &text, "op");
                    prop_assert_eq!(result.is_ok(), allowed);
                    if allowed {
                        model.differences.note = text;
                        expected += 1;
                    }
                }
                Op::Finalise => {
                    let results = rules::validate(&election, &model);
                    let acks: Vec<String> = results.iter().map(|r| r.code.to_string()).collect();
                    let result = ws.finalise(1, &acks, "op");
                    let allowed = !finalised && !rules::has_errors(&results);
                    prop_assert_eq!(result.is_ok(), allowed);
                    if allowed {
                        model.lifecycle.state = RecordState::Finalised;
                        model.lifecycle.acknowledged_warnings = acks;
                        expected += 1;
                    }
                }
                Op::Correct => {
                    let result = ws.start_correction(1, "herteld", "op");
                    prop_assert_eq!(result.is_ok(), finalised);
                    if finalised {
                        model.lifecycle.version += 1;
                        model.lifecycle.state = RecordState::Draft;
                        model.lifecycle.correction_reason = "herteld".into();
                        model.lifecycle.acknowledged_warnings.clear();
                        versions += 1;
                        expected += 1;
                    }
                }
            }
            let accepted = ws.audit_log().expect("log").len();
            prop_assert_eq!(accepted, expected);
            rows = accepted;
            prop_assert_eq!(ws.record(1).expect("read").expect("exists"), model.clone());
        }
        prop_assert_eq!(ws.versions(1).expect("versions").len(), versions);
        prop_assert_eq!(ws.verify_audit().expect("chain intact"), rows);
    }
}
