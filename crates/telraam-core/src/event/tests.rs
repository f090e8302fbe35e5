use super::*;
use crate::aggregate::Totals;
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
        assert!(stored.starts_with("{\"v\":1,"), "{stored}");
        assert!(!stored.contains('\n'));
        assert_eq!(AuditEvent::from_stored(&stored), Ok(event));
    }
}

#[test]
fn an_event_of_a_newer_format_is_refused_not_guessed_at() {
    let newer = r#"{"v":2,"kind":"start","mode":"counting"}"#;
    assert_eq!(AuditEvent::from_stored(newer), Err(EventError::Newer(2)));
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
