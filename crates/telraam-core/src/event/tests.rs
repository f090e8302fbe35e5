use super::*;
use crate::aggregate::Totals;
use crate::desk::{BoxValue, Source, Stage};
use crate::form::Target;
use crate::record::{Field, Mark};

fn every_kind() -> Vec<AuditEvent> {
    vec![
        AuditEvent::Start {
            mode: Mode::Transcription,
        },
        AuditEvent::Field {
            field: Field::Candidate {
                list: 3,
                candidate: 7,
            },
            old: None,
            new: Some(2),
        },
        AuditEvent::Cleared {
            target: Some(Target::Mark(Mark::ExplainedNo)),
            old: "true".into(),
        },
        AuditEvent::Cleared {
            target: None,
            old: "note".into(),
        },
        AuditEvent::PhoneCheck(PhoneCheckEvent {
            verified: true,
            quick: vec!["3301-7".into()],
            expected: vec!["7640-3".into()],
            figures: Some(vec![Figure {
                field: Field::ListTotal(3),
                value: Some(559),
            }]),
            figures_sha256: "ab".into(),
            migrated_from_row: None,
        }),
        AuditEvent::EntryStarted {
            number: 1,
            source: Source::ResultFile,
            stage: Some(Stage::AwaitingSecond),
        },
        AuditEvent::EntryStep {
            number: 2,
            step: DeskStep::Box {
                target: Target::Count(Field::ListTotal(2)),
                old: BoxValue::Count(None),
                new: BoxValue::Count(Some(210)),
            },
            stage: None,
        },
        AuditEvent::EntryStep {
            number: 2,
            step: DeskStep::Finished {
                from: Stage::SecondEntry,
                differing: vec![
                    Target::Count(Field::ListTotal(2)),
                    Target::Mark(Mark::Equal),
                ],
            },
            stage: Some(Stage::Differences),
        },
        AuditEvent::EntryStep {
            number: 2,
            step: DeskStep::Discarded {
                typist: "Bram".into(),
            },
            stage: Some(Stage::AwaitingSecond),
        },
        AuditEvent::Totals510b(StoredTotals {
            source: "510b.xml".into(),
            fingerprint: "d6be".into(),
            election_id: "GR2022".into(),
            totals: Totals::default(),
        }),
    ]
}

#[test]
fn every_event_reads_back_as_the_same_data() {
    for event in every_kind() {
        let stored = event.to_stored();
        assert!(stored.starts_with("{\"v\":2,"), "{stored}");
        assert!(!stored.contains('\n'));
        assert_eq!(AuditEvent::from_stored(&stored), Ok(event));
    }
}

#[test]
fn an_event_of_a_newer_format_is_refused_not_guessed_at() {
    let newer = r#"{"v":3,"kind":"start","mode":"counting"}"#;
    assert_eq!(AuditEvent::from_stored(newer), Err(EventError::Newer(3)));
    assert!(matches!(
        AuditEvent::from_stored(r#"{"v":1,"kind":"teleport"}"#),
        Err(EventError::Unreadable(_))
    ));
}

#[test]
fn a_new_version_starts_without_acknowledged_warnings() {
    let ack = |c: &str| AuditEvent::WarningAcknowledged { code: c.into() };
    let events = [
        ack("W.201"),
        AuditEvent::Corrigendum {
            from_version: 1,
            reason: "typo".into(),
        },
        ack("W.203"),
        ack("W.204"),
        ack("W.203"),
        AuditEvent::AcknowledgementWithdrawn {
            code: "W.204".into(),
        },
    ];
    assert_eq!(acknowledged(&events), ["W.203"]);
}

/// Rows written by the telraam of before typed desk steps (format 1, as in
/// tests/data/workspaces/v3-desk), with the columns `audit show` printed for them.
const FORMAT_1_DESK_ROWS: [(&str, &str, &str, &str); 7] = [
    (
        r#"{"v":1,"kind":"entry-started","number":1,"source":"result-file","stage":"awaiting-second"}"#,
        "entry 1 started",
        "",
        "result-file (awaiting-second)",
    ),
    (
        r#"{"v":1,"kind":"entry-step","number":1,"step":"started","old":"","new":"paper (first-entry)"}"#,
        "entry 1 started",
        "",
        "paper (first-entry)",
    ),
    (
        r#"{"v":1,"kind":"entry-step","number":1,"step":"box box.equal","old":"false","new":"true"}"#,
        "entry 1 box box.equal",
        "false",
        "true",
    ),
    (
        r#"{"v":1,"kind":"entry-step","number":2,"step":"box E.2","old":"","new":"210"}"#,
        "entry 2 box E.2",
        "",
        "210",
    ),
    (
        r#"{"v":1,"kind":"entry-step","number":1,"step":"finished","old":"first-entry","new":" (awaiting-second)"}"#,
        "entry 1 finished",
        "first-entry",
        " (awaiting-second)",
    ),
    (
        r#"{"v":1,"kind":"entry-step","number":2,"step":"discarded by the coordinator","old":"Bram","new":"discarded (awaiting-second)"}"#,
        "entry 2 discarded by the coordinator",
        "Bram",
        "discarded (awaiting-second)",
    ),
    (
        r#"{"v":1,"kind":"entry-step","number":1,"step":"kept by the coordinator","old":"","new":"kept (accepted)"}"#,
        "entry 1 kept by the coordinator",
        "",
        "kept (accepted)",
    ),
];

#[test]
fn a_desk_step_of_format_1_reads_back_typed_and_says_what_it_said() {
    for (stored, what, old, new) in FORMAT_1_DESK_ROWS {
        let event = AuditEvent::from_stored(stored).expect(stored);
        assert_eq!(
            (
                event.what().as_str(),
                event.old_value().as_str(),
                event.new_value().as_str()
            ),
            (what, old, new),
            "{stored}"
        );
        // Written again, it is format 2 and reads back as the same data.
        assert_eq!(AuditEvent::from_stored(&event.to_stored()), Ok(event));
    }
    let typed = AuditEvent::from_stored(FORMAT_1_DESK_ROWS[3].0).expect("box");
    assert_eq!(
        typed,
        AuditEvent::EntryStep {
            number: 2,
            step: DeskStep::Box {
                target: Target::Count(Field::ListTotal(2)),
                old: BoxValue::Count(None),
                new: BoxValue::Count(Some(210)),
            },
            stage: None,
        }
    );
}

#[test]
fn a_format_1_desk_step_telraam_never_wrote_is_refused() {
    for bad in [
        r#"{"v":1,"kind":"entry-step","number":1,"step":"box E.99x","old":"","new":"1"}"#,
        r#"{"v":1,"kind":"entry-step","number":1,"step":"box E.2","old":"","new":"twelve"}"#,
        r#"{"v":1,"kind":"entry-step","number":1,"step":"started","old":"","new":"fax"}"#,
    ] {
        assert!(
            matches!(AuditEvent::from_stored(bad), Err(EventError::Unreadable(_))),
            "{bad}"
        );
    }
}

#[test]
fn desk_stages_and_sources_are_written_by_their_keys() {
    for stage in Stage::ALL {
        assert_eq!(
            serde_json::to_string(&stage).expect("stage"),
            format!("\"{}\"", stage.key())
        );
    }
    for source in Source::ALL {
        assert_eq!(
            serde_json::to_string(&source).expect("source"),
            format!("\"{}\"", source.key())
        );
    }
}
