//! The lifecycle in the workspace: a finalised count is frozen, a corrigendum is a new
//! version, and the finalise gate (errors, unacknowledged warnings) writes nothing.

use super::{OP, fill_balanced, warnings};
use telraam::record::{EntryMode, Field, RecordState};
use telraam::storage::Workspace;

#[test]
fn a_finalised_count_is_frozen_and_a_corrigendum_is_a_new_version() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    fill_balanced(&mut ws, 1);
    // A balanced count has no difference to explain: no note is asked for, none kept.
    assert!(ws.save_note(1, "geen bijzonderheden", OP).is_err());
    let acks = warnings(&ws, 1);
    let fin = ws.finalise(1, &acks, OP).expect("finalise a clean count");
    assert_eq!(fin.lifecycle.state, RecordState::Finalised);

    let err = ws
        .save_field(1, Field::Blank, Some(2), OP)
        .expect_err("finalised");
    assert!(err.to_string().contains("vastgesteld"), "{err}");
    assert!(ws.save_note(1, "x", OP).is_err());
    assert!(ws.finalise(1, &[], OP).is_err(), "already finalised");
    assert!(ws.start_correction(1, "  ", OP).is_err(), "needs a reason");

    let v2 = ws
        .start_correction(1, "blanco stem verkeerd geteld", OP)
        .expect("corrigendum");
    assert_eq!(v2.lifecycle.version, 2);
    assert_eq!(v2.lifecycle.state, RecordState::Draft);
    ws.save_field(1, Field::Blank, Some(0), OP)
        .expect("change v2");
    ws.save_field(1, Field::Invalid, Some(2), OP)
        .expect("change v2");

    let versions = ws.versions(1).expect("versions");
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0], fin, "version 1 stays exactly as finalised");
    assert_eq!(versions[1].votes.blank, Some(0));
    assert_eq!(
        versions[1].lifecycle.correction_reason,
        "blanco stem verkeerd geteld"
    );
    assert_eq!(
        ws.record(1).expect("read").expect("exists").votes.blank,
        Some(0)
    );
    let acks = warnings(&ws, 1);
    let v2 = ws.finalise(1, &acks, OP).expect("finalise v2");
    assert_eq!(v2.lifecycle.version, 2);
    ws.verify_audit().expect("chain intact");
}

#[test]
fn an_error_blocks_finalising_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    // Transcription: the paper's D is not A + B (F.201).
    ws.start(3, EntryMode::Transcription, OP).expect("start");
    ws.save_field(3, Field::PollCards, Some(10), OP).expect("A");
    ws.save_field(3, Field::TotalAdmitted, Some(12), OP)
        .expect("D as on paper");
    let rows = ws.audit_log().expect("log").len();
    let err = ws
        .finalise(3, &[], OP)
        .expect_err("an error blocks finalising");
    assert!(err.to_string().contains("F.201"), "{err}");
    assert_eq!(
        ws.record(3).expect("read").expect("exists").lifecycle.state,
        RecordState::Draft
    );
    assert_eq!(ws.audit_log().expect("log").len(), rows);
}

#[test]
fn a_warning_must_be_acknowledged_before_finalising() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    fill_balanced(&mut ws, 1);
    // Five blank votes out of 104 is at least 3 % (W.201); D = H stays balanced.
    ws.save_field(1, Field::Blank, Some(5), OP).expect("F");
    ws.save_field(1, Field::PollCards, Some(102), OP)
        .expect("A");
    ws.save_field(1, Field::BallotsUnused, Some(46), OP)
        .expect("stock");
    let acks = warnings(&ws, 1);
    assert!(acks.contains(&"W.201".to_string()), "{acks:?}");
    let err = ws.finalise(1, &[], OP).expect_err("unacknowledged warning");
    assert!(err.to_string().contains("W.201"), "{err}");
    let fin = ws.finalise(1, &acks, OP).expect("acknowledged");
    assert_eq!(fin.lifecycle.acknowledged_warnings, acks);
    let last = ws.audit_log().expect("log").pop().expect("row");
    assert_eq!(last.what, "finalise");
    assert!(last.new_value.contains("W.201"), "{last:?}");
}
