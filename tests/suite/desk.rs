//! The desk's double entry in the workspace: every step stored with its audit row,
//! the stage of every station readable from one column, and only an accepted record
//! added up by `aggregate` and the exports.

use crate::support::cli::telraam;
use telraam::desk::{BoxValue, Source, Stage, paper_boxes, value};
use telraam::election::Election;
use telraam::form::Target;
use telraam::record::{CountRecord, EntryMode, Field, Mark};
use telraam::storage::{Workspace, body};

/// A paper PV of demo station `station`: every box filled in, D = A + B, H = E + F + G.
pub(crate) fn paper(e: &Election, station: u32) -> CountRecord {
    let mut r = CountRecord::empty(e, station, EntryMode::Transcription);
    for t in paper_boxes(e) {
        if let Target::Count(f) = t {
            r.set(f, Some(0));
        }
    }
    r.set(Field::PollCards, Some(700));
    r.set(Field::ProxyCertificates, Some(12));
    r.set(Field::TotalAdmitted, Some(712));
    r.set(Field::ListTotal(1), Some(702));
    r.set(Field::TotalOnLists, Some(702));
    r.set(Field::Blank, Some(6));
    r.set(Field::Invalid, Some(4));
    r.set(Field::TotalCast, Some(712));
    let first = e.lists[0].candidates[0].number;
    r.set(
        Field::Candidate {
            list: 1,
            candidate: first,
        },
        Some(702),
    );
    r.set(Field::CandidateListTotal(1), Some(702));
    r.set_mark(Mark::Equal, true);
    r
}

pub(crate) fn type_entry(ws: &mut Workspace, station: u32, who: &str, pv: &CountRecord) -> u8 {
    let (_, n) = ws
        .start_entry(station, Source::Paper, None, who)
        .expect("start");
    for t in paper_boxes(ws.election()) {
        ws.save_entry_box(station, n, t, value(pv, t), who)
            .expect("box");
    }
    ws.finish_entry(station, n, who).expect("finish");
    n
}

fn stage(ws: &Workspace, station: u32) -> Stage {
    ws.entry_states()
        .expect("states")
        .into_iter()
        .find(|s| s.station == station)
        .map_or(Stage::NoEntry, |s| s.stage)
}

#[test]
fn a_typo_is_found_re_checked_and_the_station_accepted_every_step_audited() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    let e = ws.election().clone();
    let pv = paper(&e, 1);
    type_entry(&mut ws, 1, "Anna", &pv);
    assert_eq!(stage(&ws, 1), Stage::AwaitingSecond);
    assert!(
        ws.record(1).expect("record").is_none(),
        "nothing accepted yet"
    );
    let mut typo = pv.clone();
    typo.set(Field::Blank, Some(9));
    type_entry(&mut ws, 1, "Bram", &typo);
    assert_eq!(stage(&ws, 1), Stage::Differences);
    let states = ws.entry_states().expect("states");
    assert_eq!(states[0].differing, 1);
    assert_eq!(
        ws.desk(1).expect("desk").differing,
        [Target::Count(Field::Blank)]
    );
    ws.save_entry_box(
        1,
        2,
        Target::Count(Field::Blank),
        BoxValue::Count(Some(6)),
        "Bram",
    )
    .expect("re-typed");
    ws.finish_entry(1, 2, "Bram").expect("re-checked");
    assert_eq!(stage(&ws, 1), Stage::Accepted);
    let accepted = ws.record(1).expect("record").expect("accepted record");
    assert_eq!(accepted.votes.blank, Some(6));
    assert_eq!(accepted.voters.total_admitted, Some(712));
    let log = ws.audit_log().expect("log");
    assert!(
        log.iter()
            .any(|r| r.what == "entry 2 box F" && r.operator == "Bram")
    );
    assert!(log.iter().any(|r| r.what == "double entry accepted"));
    assert!(ws.verify_audit().is_ok());
    // Reopened: the stage is stored, not held in memory.
    let again = Workspace::open(dir.path()).expect("reopen");
    assert_eq!(stage(&again, 1), Stage::Accepted);
}

#[test]
fn aggregate_adds_up_only_accepted_stations_and_names_the_others() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("ws");
    let mut ws = Workspace::open(&dir).expect("open");
    let e = ws.election().clone();
    // Station 1: its own record (result file) and one typed entry that agrees.
    ws.put_records_from(&[paper(&e, 1)], "Anna", "import", &[Source::ResultFile])
        .expect("import");
    assert_eq!(stage(&ws, 1), Stage::AwaitingSecond);
    type_entry(&mut ws, 1, "Anna", &paper(&e, 1));
    assert_eq!(stage(&ws, 1), Stage::Accepted);
    // Station 2: its own record only: one entry, not added up.
    ws.put_records_from(&[paper(&e, 2)], "Anna", "import", &[Source::QrScan])
        .expect("import");
    assert_eq!(stage(&ws, 2), Stage::AwaitingSecond);
    drop(ws);
    let out = telraam(
        home.path(),
        &[
            "--data",
            dir.to_str().expect("path"),
            "--lang",
            "en",
            "aggregate",
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("(1 polling stations)"), "{text}");
    assert!(
        text.contains("Not added up: 1 polling station whose double entry is not accepted yet: 2 (awaiting the second entry)"),
        "{text}"
    );
    assert!(
        text.contains("Not yet counted in: 1 polling stations without a record (3)"),
        "{text}"
    );
}

#[test]
fn an_entry_edited_in_the_database_behind_telraams_back_is_named_by_audit_verify() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("ws");
    let mut ws = Workspace::open(&dir).expect("open");
    let e = ws.election().clone();
    let pv = paper(&e, 1);
    type_entry(&mut ws, 1, "Anna", &pv);
    let mut typo = pv.clone();
    typo.set(Field::Blank, Some(9));
    type_entry(&mut ws, 1, "Bram", &typo);
    assert_eq!(stage(&ws, 1), Stage::Differences);
    assert!(ws.verify_audit().is_ok(), "intact before the edit");
    drop(ws);
    let verify = || {
        telraam(
            home.path(),
            &["--data", dir.to_str().expect("path"), "audit", "verify"],
        )
    };
    assert_eq!(verify().status.code(), Some(0));

    // Someone with the file makes entry 2 say what entry 1 says (F = 6, not the 9
    // typed), so that the re-check would find nothing to settle. The entry is stored
    // compactly (schema 5), so the edit is made with telraam's own encoder.
    let conn = rusqlite::Connection::open(Workspace::db_path(&dir)).expect("db");
    let read = || -> CountRecord {
        let bytes: Vec<u8> = conn
            .query_row(
                "SELECT body FROM desk_entries WHERE station = 1 AND number = 2",
                [],
                |r| r.get(0),
            )
            .expect("body");
        body::decode(&bytes, &e).expect("compact")
    };
    let mut edited = read();
    assert_eq!(edited.get(Field::Blank), Some(9));
    edited.set(Field::Blank, Some(6));
    let changed = conn
        .execute(
            "UPDATE desk_entries SET body = ?1 WHERE station = 1 AND number = 2",
            [body::encode(&edited).0],
        )
        .expect("edit");
    assert_eq!(changed, 1);
    assert_eq!(read().get(Field::Blank), Some(6), "the edit took");
    drop(conn);

    let out = verify();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let said = String::from_utf8_lossy(&out.stderr);
    // Said in Dutch, the language chosen by default, and in Dutch only.
    assert!(
        said.contains("de invoer van stembureau 1 wijkt af van wat deze regel schreef"),
        "{said}"
    );
    assert!(!said.contains("the desk of station 1"), "{said}");
}

#[test]
fn the_coordinator_discards_an_entry_left_half_typed_and_the_step_is_audited() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    let e = ws.election().clone();
    let pv = paper(&e, 1);
    type_entry(&mut ws, 1, "Anna", &pv);
    // Bram starts the second entry, types one box and leaves.
    let (_, n) = ws
        .start_entry(1, Source::Paper, None, "Bram")
        .expect("start");
    ws.save_entry_box(
        1,
        n,
        Target::Count(Field::PollCards),
        BoxValue::Count(Some(700)),
        "Bram",
    )
    .expect("one box");
    assert_eq!(stage(&ws, 1), Stage::SecondEntry);
    let desk = ws.discard_entry(1, 2, "Carla").expect("discarded");
    assert_eq!(desk.stage(), Stage::AwaitingSecond);
    assert_eq!(stage(&ws, 1), Stage::AwaitingSecond, "stored");
    let log = ws.audit_log().expect("log");
    let row = log.last().expect("a row");
    assert_eq!(row.operator, "Carla");
    assert_eq!(row.what, "entry 2 discarded by the coordinator");
    assert_eq!(row.old_value, "Bram");
    assert!(ws.verify_audit().is_ok());
    // Someone else types the second entry; it agrees, the station is accepted.
    type_entry(&mut ws, 1, "Carla", &pv);
    assert_eq!(stage(&ws, 1), Stage::Accepted);
}
