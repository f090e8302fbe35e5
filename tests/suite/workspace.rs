//! The workspace as the TUI and the commands use it: seeding, saving with the
//! audit log, the lifecycle (draft, vastgesteld, corrigendum), resume, and the
//! audit chain catching a row changed or deleted behind telraam's back.

use rusqlite::Connection;
use std::path::Path;
use telraam::election::Election;
use telraam::record::{CountRecord, EntryMode, Field, Mark, RecordState};
use telraam::rules::{self, Severity};
use telraam::storage::{ResumePoint, Workspace};

const OP: &str = "Jansen";

/// A balanced count for station 1 of the demo: D = H = 100, stock issued 100.
fn fill_balanced(ws: &mut Workspace, station: u32) -> CountRecord {
    let cand = |list, candidate| Field::Candidate { list, candidate };
    let fields = [
        (Field::PollCards, 98),
        (Field::ProxyCertificates, 2),
        (Field::ListTotal(1), 40),
        (cand(1, 1), 30),
        (cand(1, 2), 10),
        (Field::ListTotal(2), 30),
        (cand(2, 1), 30),
        (Field::ListTotal(3), 20),
        (cand(3, 1), 20),
        (Field::ListTotal(4), 8),
        (cand(4, 1), 8),
        (Field::Blank, 1),
        (Field::Invalid, 1),
        (Field::BallotsReceived, 150),
        (Field::BallotsUnused, 50),
        (Field::BallotsSpoiled, 0),
    ];
    let mut record = None;
    for (field, value) in fields {
        record = Some(
            ws.save_field(station, field, Some(value), OP)
                .expect("save a field"),
        );
    }
    record.expect("saved")
}

/// The warning codes the rules raise for the station's current record.
fn warnings(ws: &Workspace, station: u32) -> Vec<String> {
    let record = ws.record(station).expect("read").expect("exists");
    let results = rules::validate(ws.election(), &record);
    assert!(
        !results.iter().any(|r| r.severity == Severity::Error),
        "the balanced test record must be clean: {results:?}"
    );
    results.iter().map(|r| r.code.to_string()).collect()
}

fn db(dir: &Path) -> Connection {
    Connection::open(Workspace::db_path(dir)).expect("open the database directly")
}

#[test]
fn a_new_workspace_is_seeded_with_the_demo_election_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = Workspace::open(dir.path()).expect("open");
    assert_eq!(ws.election(), &Election::demo());
    assert_eq!(ws.audit_log().expect("log").len(), 1);
    drop(ws);
    let ws = Workspace::open(dir.path()).expect("reopen");
    assert_eq!(ws.election().id, Election::demo().id);
    assert_eq!(ws.audit_log().expect("log").len(), 1, "seeded only once");
    assert_eq!(ws.verify_audit().expect("verifies"), 1);
    assert!(ws.records().expect("records").is_empty());
}

#[test]
fn counting_mode_fills_in_the_sums_and_every_save_survives_a_reopen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    let r = fill_balanced(&mut ws, 1);
    assert_eq!(r.voters.total_admitted, Some(100));
    assert_eq!(r.votes.total_on_lists, Some(98));
    assert_eq!(r.votes.total_cast, Some(100));
    assert!(r.differences.boxes.equal);
    drop(ws);

    let ws = Workspace::open(dir.path()).expect("reopen");
    let back = ws.record(1).expect("read").expect("exists");
    assert_eq!(back, r);
    let log = ws.audit_log().expect("log");
    let a = log
        .iter()
        .find(|e| e.what == "field A")
        .expect("a row for A");
    assert_eq!(
        (
            a.old_value.as_str(),
            a.new_value.as_str(),
            a.operator.as_str()
        ),
        ("", "98", OP)
    );
    assert_eq!(a.station, Some(1));
    assert!(
        a.at.len() >= 20 && a.at.ends_with('Z') && a.at.as_bytes()[10] == b'T',
        "UTC RFC 3339: {}",
        a.at
    );
    // 1 election row + 1 start + 16 fields.
    assert_eq!(ws.verify_audit().expect("verifies"), 18);
}

#[test]
fn a_typed_sum_or_an_impossible_figure_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    ws.save_field(1, Field::PollCards, Some(5), OP).expect("A");
    let rows = ws.audit_log().expect("log").len();
    let err = ws
        .save_field(1, Field::TotalAdmitted, Some(7), OP)
        .expect_err("D is computed in counting mode");
    assert!(err.to_string().contains('D'), "{err}");
    let err = ws
        .save_field(1, Field::CandidateListTotal(1), Some(7), OP)
        .expect_err("a list page's total is computed in counting mode");
    assert!(err.to_string().contains("cand.1.total"), "{err}");
    let err = ws
        .save_field(1, Field::PollCards, Some(1_000_000_000), OP)
        .expect_err("ten digits");
    assert!(err.to_string().contains("999 999 999"), "{err}");
    let err = ws
        .save_field(1, Field::ListTotal(99), Some(1), OP)
        .expect_err("no list 99");
    assert!(err.to_string().contains("E.99"), "{err}");
    assert!(ws.save_field(9, Field::PollCards, Some(1), OP).is_err());
    assert_eq!(ws.audit_log().expect("log").len(), rows);
    assert_eq!(
        ws.record(1)
            .expect("read")
            .expect("exists")
            .voters
            .poll_cards,
        Some(5)
    );
}

#[test]
fn transcription_mode_keeps_the_papers_own_totals() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    ws.start(2, EntryMode::Transcription, OP).expect("start");
    ws.save_field(2, Field::PollCards, Some(10), OP).expect("A");
    let r = ws
        .save_field(2, Field::TotalAdmitted, Some(11), OP)
        .expect("D as on paper");
    assert_eq!(r.voters.total_admitted, Some(11));
    let r = ws.save_mark(2, Mark::More, true, OP).expect("box");
    assert!(r.differences.boxes.more);
}

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
    assert!(err.to_string().contains("audit row 5:"), "{err}");
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
    assert!(err.to_string().contains("audit row 6:"), "{err}");
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
    assert!(err.to_string().contains("audit row 8:"), "{err}");
}

#[test]
fn a_count_changed_directly_in_the_database_is_detected() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    fill_balanced(&mut ws, 1);
    drop(ws);
    let changed = db(dir.path())
        .execute(
            "UPDATE records SET body = replace(body, 'A = 98', 'A = 99') WHERE station = 1",
            [],
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
    assert!(err.to_string().contains("station 1 version 1"), "{err}");
}

#[test]
fn the_resume_point_survives_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    assert_eq!(ws.resume_point().expect("read"), None);
    let point = ResumePoint {
        station: 2,
        position: "votes/E.3".into(),
    };
    ws.set_resume_point(&point).expect("save");
    ws.set_resume_point(&ResumePoint {
        station: 3,
        position: "voters/B".into(),
    })
    .expect("move on");
    drop(ws);
    let ws = Workspace::open(dir.path()).expect("reopen");
    assert_eq!(
        ws.resume_point().expect("read"),
        Some(ResumePoint {
            station: 3,
            position: "voters/B".into()
        })
    );
}

#[test]
fn init_refuses_a_workspace_that_holds_another_election() {
    let dir = tempfile::tempdir().expect("temp dir");
    let demo = Election::demo();
    let mut other = demo.clone();
    other.id = "GR2026_Elders".into();

    // A fresh workspace seeded with the demo and no count yet takes the real election.
    Workspace::open(dir.path()).expect("seed the demo");
    let mut ws = Workspace::init(dir.path(), other.clone()).expect("replace the untouched demo");
    assert_eq!(ws.election().id, "GR2026_Elders");
    ws.save_field(1, Field::PollCards, Some(3), OP)
        .expect("count");
    drop(ws);

    let err = Workspace::init(dir.path(), demo)
        .err()
        .expect("holds another election");
    let text = err.to_string();
    assert!(
        text.contains("GR2026_Elders") && text.contains("GR2025_Juinen"),
        "{text}"
    );
    let ws = Workspace::init(dir.path(), other).expect("the same election again is fine");
    assert_eq!(
        ws.record(1).expect("read").expect("kept").voters.poll_cards,
        Some(3)
    );
    ws.verify_audit().expect("chain intact");
}

#[test]
fn importing_keeps_finalised_versions_and_accepts_a_corrigendum() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    let election = ws.election().clone();
    // A count that balances (A = list 1 = its candidate 1 = D = H): it passes the
    // finalise gate, so it is stored finalised.
    let mut record = CountRecord::empty(&election, 2, EntryMode::Counting);
    record.set(Field::PollCards, Some(50));
    record.set(Field::ListTotal(1), Some(50));
    record.set(
        Field::Candidate {
            list: 1,
            candidate: 1,
        },
        Some(50),
    );
    record.set(Field::ProxyCertificates, Some(0));
    for list in election.lists.iter().map(|l| l.number).filter(|n| *n != 1) {
        record.set(Field::ListTotal(list), Some(0));
    }
    record.set(Field::Blank, Some(0));
    record.set(Field::Invalid, Some(0));
    telraam::counting::complete(&election, &mut record);
    record.lifecycle.state = RecordState::Finalised;
    let demoted = ws.put_record(&record, OP, "import").expect("import");
    assert_eq!(demoted, None, "it balances");
    ws.put_record(&record, OP, "import")
        .expect("the same file twice");
    assert_eq!(ws.versions(2).expect("versions").len(), 1);

    let mut changed = record.clone();
    changed.set(Field::PollCards, Some(51));
    let err = ws
        .put_record(&changed, OP, "import")
        .expect_err("a finalised version is never replaced");
    assert!(err.to_string().contains("corrigendum"), "{err}");

    changed.lifecycle.version = 2;
    changed.lifecycle.correction_reason = "A herteld".into();
    ws.put_record(&changed, OP, "import").expect("corrigendum");
    let versions = ws.versions(2).expect("versions");
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0].voters.poll_cards, Some(50));
    assert_eq!(versions[1].voters.poll_cards, Some(51));
    ws.verify_audit().expect("chain intact");
}

#[test]
fn a_failed_batch_import_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    let election = ws.election().clone();
    let good = CountRecord::empty(&election, 1, EntryMode::Transcription);
    let mut foreign = CountRecord::empty(&election, 2, EntryMode::Transcription);
    foreign.election_id = "TK2025".into();
    assert!(ws.put_records(&[good, foreign], OP, "import").is_err());
    assert!(ws.records().expect("records").is_empty());
    assert_eq!(ws.audit_log().expect("log").len(), 1);
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

#[test]
fn a_damaged_or_newer_database_is_refused_not_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    ws.save_field(1, Field::PollCards, Some(5), OP).expect("A");
    drop(ws);
    db(dir.path())
        .execute_batch("PRAGMA user_version = 99")
        .expect("pretend a newer telraam wrote it");
    let err = Workspace::open(dir.path()).err().expect("newer schema");
    assert!(err.to_string().contains("newer telraam"), "{err}");

    let other = tempfile::tempdir().expect("temp dir");
    let path = Workspace::db_path(other.path());
    std::fs::write(&path, vec![0x5a; 8192]).expect("garbage");
    let err = Workspace::open(other.path()).err().expect("not a database");
    assert!(err.to_string().contains("telraam.sqlite3"), "{err}");
    assert_eq!(
        std::fs::read(&path).expect("still there"),
        vec![0x5a; 8192],
        "the damaged file is left for inspection"
    );
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
