//! The audit chain: a row changed, recomputed or deleted, or a count changed directly
//! in the database, is named; two programs writing at once keep one unbroken chain.

use super::{OP, db, fill_balanced};
use telraam::record::Field;
use telraam::storage::{Workspace, body};

#[test]
fn a_changed_audit_row_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    fill_balanced(&mut ws, 1);
    assert_eq!(ws.verify_audit().expect("intact"), 18);
    drop(ws);
    // Row 5 is the save of B: pretend someone changed what it says.
    let changed = db(dir.path())
        .execute("UPDATE audit SET new_value = '3' WHERE id = 5", [])
        .expect("tamper");
    assert_eq!(changed, 1);
    let ws = Workspace::open(dir.path()).expect("reopen");
    let err = ws.verify_audit().expect_err("tampering detected");
    assert!(err.to_string().contains("auditregel 5:"), "{err}");
}

#[test]
fn a_changed_row_with_a_recomputed_hash_is_caught_by_the_next_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    fill_balanced(&mut ws, 1);
    let mut row = ws.audit_log().expect("log")[4].clone();
    drop(ws);
    row.operator = "Someone else".into();
    let forged = telraam::storage::audit::sha256_hex(&telraam::storage::audit::canonical(&row));
    db(dir.path())
        .execute(
            "UPDATE audit SET operator = ?1, hash = ?2 WHERE id = ?3",
            rusqlite::params![row.operator, forged, row.id],
        )
        .expect("tamper");
    let ws = Workspace::open(dir.path()).expect("reopen");
    let err = ws.verify_audit().expect_err("tampering detected");
    assert!(err.to_string().contains("auditregel 6:"), "{err}");
}

#[test]
fn a_deleted_audit_row_is_named_by_the_row_after_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    fill_balanced(&mut ws, 1);
    drop(ws);
    db(dir.path())
        .execute("DELETE FROM audit WHERE id = 7", [])
        .expect("tamper");
    let ws = Workspace::open(dir.path()).expect("reopen");
    let err = ws.verify_audit().expect_err("deletion detected");
    assert!(err.to_string().contains("auditregel 8:"), "{err}");
}

#[test]
fn a_count_changed_directly_in_the_database_is_detected() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    fill_balanced(&mut ws, 1);
    drop(ws);
    // The stored body rewritten with A = 99, as a tamperer who knows its form would.
    let election = Workspace::open(dir.path())
        .expect("open")
        .election()
        .clone();
    let conn = db(dir.path());
    let stored: Vec<u8> = conn
        .query_row("SELECT body FROM records WHERE station = 1", [], |r| {
            r.get(0)
        })
        .expect("compact body");
    let mut record = body::decode(&stored, &election).expect("reads");
    record.voters.poll_cards = Some(99);
    let changed = conn
        .execute(
            "UPDATE records SET body = ?1 WHERE station = 1",
            [body::encode(&record).0],
        )
        .expect("tamper");
    assert_eq!(changed, 1);
    let ws = Workspace::open(dir.path()).expect("reopen");
    assert_eq!(
        ws.record(1)
            .expect("read")
            .expect("exists")
            .voters
            .poll_cards,
        Some(99)
    );
    let err = ws.verify_audit().expect_err("record tampering detected");
    assert!(err.to_string().contains("stembureau 1 versie 1"), "{err}");
}

#[test]
fn two_programs_writing_at_once_keep_one_unbroken_chain() {
    let dir = tempfile::tempdir().expect("temp dir");
    Workspace::open(dir.path()).expect("create");
    let writers: Vec<_> = [1u32, 2]
        .into_iter()
        .map(|station| {
            let path = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let mut ws = Workspace::open(&path).expect("open a second handle");
                for i in 0..30u64 {
                    ws.save_field(station, Field::PollCards, Some(i), OP)
                        .expect("save while the other writes");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer finished");
    }
    let ws = Workspace::open(dir.path()).expect("reopen");
    // Seeding + per station: start + 30 saves.
    assert_eq!(ws.verify_audit().expect("one unbroken chain"), 1 + 2 * 31);
    assert_eq!(
        ws.record(1).expect("read").expect("1").voters.poll_cards,
        Some(29)
    );
    assert_eq!(
        ws.record(2).expect("read").expect("2").voters.poll_cards,
        Some(29)
    );
}
