//! What comes into a workspace from outside: an election (`init`), imported records
//! (all or none; a finalised version is never replaced), and a database file telraam
//! cannot use, which is refused and left as it is.

use super::{OP, db};
use telraam::election::Election;
use telraam::record::{CountRecord, EntryMode, Field, RecordState};
use telraam::storage::Workspace;

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
fn a_damaged_or_newer_database_is_refused_not_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    ws.save_field(1, Field::PollCards, Some(5), OP).expect("A");
    drop(ws);
    db(dir.path())
        .execute_batch("PRAGMA user_version = 99")
        .expect("pretend a newer telraam wrote it");
    let err = Workspace::open(dir.path()).err().expect("newer schema");
    assert!(err.to_string().contains("nieuwere telraam"), "{err}");

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
