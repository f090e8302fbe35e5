//! A workspace written by the telraam of before typed audit events (schema 2), opened
//! by this one. The fixtures in `tests/data/workspaces/` were made with that telraam
//! (commit f7a0a97) as a user would: `v2-demo` imported the demo vector of station 1
//! (kept as a draft: its warnings were not acknowledged), phone-checked station 1
//! (verified, record code stored) and station 2 (quick-report code did not match), and
//! acknowledged warning T.203 of station 1's draft on the check screen; `v2-wmw` is
//! West Maas en Waal 2022 imported from its 510b, whose own municipal totals that
//! telraam kept in a loose `eml-510b-totals.toml` beside the database.

use crate::support::cli::telraam;
use std::path::{Path, PathBuf};
use telraam::desk::{BoxValue, Source, Stage};
use telraam::event::{AuditEvent, DeskStep};
use telraam::form::Target;
use telraam::record::Field;
use telraam::storage::Workspace;
use telraam::verification::PhoneStatus;

fn fixture(name: &str, into: &Path) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/workspaces")
        .join(name);
    let to = into.join(name);
    std::fs::create_dir_all(&to).expect("dir");
    for entry in std::fs::read_dir(&from).expect("fixture") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
    to
}

fn user_version(dir: &Path) -> i64 {
    let conn = rusqlite::Connection::open(dir.join("telraam.sqlite3")).expect("db");
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version")
}

#[test]
fn an_older_workspace_keeps_its_phone_checks_acknowledgements_and_chain() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = fixture("v2-demo", tmp.path());
    assert_eq!(user_version(&dir), 2);
    let ws = Workspace::open(&dir).expect("an older workspace opens");
    assert_eq!(user_version(&dir), telraam::storage::SCHEMA_VERSION);
    ws.verify_audit()
        .expect("the old rows keep their hashes; the new ones chain on");

    let checks = ws.phone_checks().expect("phone checks");
    assert_eq!(checks.len(), 2);
    assert!(checks[0].check.verified);
    assert_eq!(
        checks[0].check.expected,
        ["7640-3", "9757-2", "0189-9", "2012-8"]
    );
    assert_eq!(checks[0].check.migrated_from_row, Some(3));
    assert_eq!(
        checks[0].check.figures, None,
        "schema 2 kept only their hash"
    );
    assert!(!checks[1].check.verified);
    let overview = ws.phone_overview().expect("overview");
    assert_eq!(overview[0].status, PhoneStatus::RecordMatches);
    assert_eq!(overview[1].status, PhoneStatus::QuickDiffers);
    assert_eq!(overview[2].status, PhoneStatus::NotReceived);
    assert_eq!(
        ws.acknowledged_warnings(1).expect("acknowledged"),
        ["T.203"],
        "the draft's acknowledged warning is not asked again"
    );

    let log = ws.audit_log().expect("log");
    let old = log.iter().take_while(|r| r.event.is_empty()).count();
    assert_eq!(old, 5, "the five rows of schema 2 are kept as they were");
    let events: Vec<AuditEvent> = log[old..]
        .iter()
        .map(|r| r.event().expect("typed").expect("readable"))
        .collect();
    assert!(
        matches!(&events[0], AuditEvent::Migrated { from_schema: 2, to_schema: 3, note } if note.contains("2 phone checks")),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|e| matches!(e, AuditEvent::RecordCompared(c) if c.matches()))
    );
    drop(ws);

    // Opening again migrates nothing twice.
    let again = Workspace::open(&dir).expect("opens again");
    assert_eq!(again.audit_log().expect("log").len(), log.len());
}

#[test]
fn the_510b_totals_of_an_older_workspace_move_under_the_audit_chain() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = fixture("v2-wmw", tmp.path());
    let loose = dir.join("eml-510b-totals.toml");
    assert!(loose.exists());
    // A reading command migrates it (the folder can be written) and reads the totals.
    let data = dir.to_string_lossy().to_string();
    let out = telraam(tmp.path(), &["--lang", "en", "--data", &data, "aggregate"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("Equal to the totals in"),
        "the municipal totals are compared with the 510b's own:\n{text}"
    );
    assert!(!loose.exists(), "no longer read from a loose file");
    assert!(dir.join("eml-510b-totals.toml.migrated").exists());
    let ws = Workspace::open_read_only(&dir).expect("opens");
    let totals = ws.totals_510b().expect("readable").expect("carried over");
    assert_eq!(totals.election_id, ws.election().id);
    assert!(totals.totals.total_admitted > 0);
    ws.verify_audit().expect("chain intact");
}

/// `v3-desk` was written by the telraam of main at 490d738, before the desk's steps
/// were typed (audit event format 1), as a user would: station 1's result file
/// imported (one entry), and at the desk of station 3 Anna typed entry 1 and Bram
/// entry 2 with one typo in E.2; the coordinator Carla discarded entry 2, Bram typed
/// it again with the same typo, and Carla kept entry 1.
#[test]
fn an_older_workspace_reads_its_desk_steps_back_as_data_and_keeps_verifying() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = fixture("v3-desk", tmp.path());
    let data = dir.to_string_lossy().to_string();
    let out = telraam(
        tmp.path(),
        &["--lang", "en", "--data", &data, "audit", "verify"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut ws = Workspace::open(&dir).expect("opens");
    let log = ws.audit_log().expect("log");
    let mut steps = 0;
    for row in &log {
        let event = row.event().expect("typed").expect("format 1 reads back");
        // The columns `audit show` prints are what the typed event says.
        assert_eq!(
            (event.what(), event.old_value(), event.new_value()),
            (
                row.what.clone(),
                row.old_value.clone(),
                row.new_value.clone()
            ),
            "row {}",
            row.id
        );
        if let AuditEvent::EntryStep { step, .. } = event {
            steps += 1;
            if row.id == 23 {
                assert_eq!(
                    step,
                    DeskStep::Box {
                        target: Target::Count(Field::ListTotal(2)),
                        old: BoxValue::Count(None),
                        new: BoxValue::Count(Some(210)),
                    },
                    "Bram's typo, as numbers"
                );
            }
        }
    }
    assert_eq!(steps, 48);
    assert!(log.iter().any(|r| matches!(
        r.event(),
        Some(Ok(AuditEvent::EntryStep {
            step: DeskStep::Discarded { typist },
            stage: Some(Stage::AwaitingSecond),
            ..
        })) if typist == "Bram"
    )));
    assert_eq!(ws.desk(3).expect("desk").stage(), Stage::Accepted);

    // A new step chains on in the new format, and the whole log still verifies.
    let (desk, number) = ws
        .start_entry(1, Source::Paper, None, "Dirk")
        .expect("the second entry of station 1");
    assert_eq!((desk.stage(), number), (Stage::SecondEntry, 2));
    let last = ws.audit_log().expect("log").pop().expect("row");
    assert!(last.event.starts_with("{\"v\":2,"), "{}", last.event);
    ws.verify_audit().expect("chain intact");
}
