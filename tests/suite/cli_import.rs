//! `telraam import FILE...`: all files checked first; one bad file and nothing is imported.

use crate::support::cli;

use cli::telraam;
use std::path::{Path, PathBuf};
use telraam::election::Election;
use telraam::record::{CountRecord, EntryMode, Field, RecordState};
use telraam::storage::Workspace;

/// A finalised result file that balances (A = list 1 = its candidate 1 = D = H), so
/// that it passes the finalise gate and stays finalised when imported.
fn result_file(dir: &Path, station: u32, a: u64) -> PathBuf {
    let election = Election::demo();
    let mut record = CountRecord::empty(&election, station, EntryMode::Counting);
    record.set(Field::PollCards, Some(a));
    record.set(Field::ListTotal(1), Some(a));
    record.set(
        Field::Candidate {
            list: 1,
            candidate: 1,
        },
        Some(a),
    );
    record.set(Field::ProxyCertificates, Some(0));
    for list in election.lists.iter().map(|l| l.number).filter(|n| *n != 1) {
        record.set(Field::ListTotal(list), Some(0));
    }
    record.set(Field::Blank, Some(0));
    record.set(Field::Invalid, Some(0));
    telraam::counting::complete(&election, &mut record);
    assert!(
        !telraam::rules::has_errors(&telraam::rules::validate(&election, &record)),
        "the test's record balances"
    );
    record.lifecycle.state = RecordState::Finalised;
    let path = dir.join(format!("station-{station}.toml"));
    std::fs::write(&path, telraam::result_file::to_toml(&record)).expect("write");
    path
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn import_adds_every_file() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws_dir = home.path().join("ws");
    let one = result_file(home.path(), 1, 101);
    let two = result_file(home.path(), 2, 202);
    let out = telraam(
        home.path(),
        &["--data", s(&ws_dir), "import", s(&one), s(&two)],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let ws = Workspace::open(&ws_dir).expect("open");
    let records = ws.records().expect("records");
    assert_eq!(records.len(), 2);
    assert_eq!(records[1].voters.poll_cards, Some(202));
    assert_eq!(records[1].lifecycle.state, RecordState::Finalised);
    assert!(ws.verify_audit().is_ok());
}

#[test]
fn one_bad_file_means_nothing_is_imported_and_the_message_names_file_line_and_field() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws_dir = home.path().join("ws");
    Workspace::open(&ws_dir).expect("create");
    let good = result_file(home.path(), 1, 101);
    let bad = home.path().join("bad.toml");
    let text = std::fs::read_to_string(result_file(home.path(), 2, 5))
        .expect("read")
        .replace("A = 5", "A = -5");
    std::fs::write(&bad, text).expect("write");
    let out = telraam(
        home.path(),
        &["--data", s(&ws_dir), "import", s(&good), s(&bad)],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.toml:"),
        "names the file and line: {stderr}"
    );
    assert!(stderr.contains("voters.A"), "names the field: {stderr}");
    let ws = Workspace::open(&ws_dir).expect("open");
    assert!(
        ws.records().expect("records").is_empty(),
        "nothing imported"
    );
    assert_eq!(
        ws.audit_log().expect("log").len(),
        1,
        "only the seeding row"
    );
}

#[test]
fn a_missing_file_or_a_file_for_another_election_is_refused() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws_dir = home.path().join("ws");
    let good = result_file(home.path(), 1, 101);
    let missing = home.path().join("missing.toml");
    let out = telraam(
        home.path(),
        &["--data", s(&ws_dir), "import", s(&good), s(&missing)],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.toml"));
    assert!(!ws_dir.exists(), "no workspace created");

    let foreign = home.path().join("foreign.toml");
    let text = std::fs::read_to_string(&good)
        .expect("read")
        .replace("GR2025_Juinen", "TK2025");
    std::fs::write(&foreign, text).expect("write");
    let out = telraam(home.path(), &["--data", s(&ws_dir), "import", s(&foreign)]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("foreign.toml:") && stderr.contains("election"),
        "{stderr}"
    );
}

#[test]
fn a_changed_count_for_a_finalised_station_is_refused_as_a_whole() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws_dir = home.path().join("ws");
    let first = result_file(home.path(), 1, 101);
    let out = telraam(home.path(), &["--data", s(&ws_dir), "import", s(&first)]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    let sub = home.path().join("later");
    std::fs::create_dir(&sub).expect("dir");
    let two = result_file(&sub, 2, 202);
    let changed = result_file(&sub, 1, 999);
    let out = telraam(
        home.path(),
        &["--data", s(&ws_dir), "import", s(&two), s(&changed)],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("station-1.toml") && stderr.contains("corrigendum"),
        "{stderr}"
    );
    let ws = Workspace::open(&ws_dir).expect("open");
    assert!(
        ws.record(2).expect("read").is_none(),
        "station 2 not imported either"
    );
    assert_eq!(
        ws.record(1).expect("read").expect("kept").voters.poll_cards,
        Some(101)
    );
}

/// The annex's QR codes, scanned one after another into a text file (parts in any
/// order, a line break after each code as hand scanners type it), import as the
/// record they were printed from — so the municipality need not type it.
#[test]
fn the_scanned_qr_codes_of_an_annex_import_as_the_record() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws_dir = home.path().join("ws");
    let sample = include_str!("../../samples/juinen/station-1.toml");
    let mut original = telraam::result_file::from_toml("station-1.toml", sample, &Election::demo())
        .expect("sample reads");
    // Every candidate box written, as after a full count: too long for one code.
    for list in &mut original.candidate_votes {
        for (_, votes) in &mut list.votes {
            votes.get_or_insert(0);
        }
    }
    // The annex's codes hold the record as telraam writes it.
    let printed = telraam::result_file::to_toml(&original);
    let mut parts = telraam::annex::qr::part_texts(&printed);
    assert!(parts.len() > 1, "the demo station needs more than one code");
    parts.reverse();
    let scans = home.path().join("gescand.txt");
    std::fs::write(&scans, parts.join("\n")).expect("write scans");
    let out = telraam(home.path(), &["--data", s(&ws_dir), "import", s(&scans)]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let ws = Workspace::open(&ws_dir).expect("open");
    let imported = ws.record(1).expect("read").expect("station 1 imported");
    assert_eq!(imported.voters, original.voters);
    assert_eq!(imported.votes, original.votes);
    assert_eq!(imported.differences, original.differences);
    assert_eq!(imported.candidate_votes, original.candidate_votes);

    // One part missing: refused, named, nothing imported.
    let other = home.path().join("ws2");
    let incomplete = home.path().join("half.txt");
    std::fs::write(&incomplete, parts[1..].join("\n")).expect("write");
    let out = telraam(
        home.path(),
        &["--data", s(&other), "import", s(&incomplete)],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("half.txt") && stderr.contains("QR"),
        "{stderr}"
    );
}
