//! The workspace as the TUI and the commands use it, by concern: seeding, saving and
//! resuming (here), the lifecycle: draft, vastgesteld, corrigendum ([`lifecycle`]),
//! the audit chain catching a row changed or deleted behind telraam's back
//! ([`audit_chain`]), and what comes in from outside: an election, imported records,
//! a database file telraam cannot use ([`init_import`]).

use rusqlite::Connection;
use std::path::Path;
use telraam::election::Election;
use telraam::record::{CountRecord, EntryMode, Field, Mark};
use telraam::rules::{self, Severity};
use telraam::storage::{ResumePoint, Workspace};

mod audit_chain;
mod init_import;
mod lifecycle;

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
