//! `telraam export --station N -o FILE`: the result file written atomically.

use crate::support::cli;

use cli::telraam;
use telraam::election::Election;
use telraam::record::Field;
use telraam::storage::Workspace;

#[test]
fn export_writes_the_stations_latest_count_as_a_result_file() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws_dir = home.path().join("ws");
    let mut ws = Workspace::open(&ws_dir).expect("open");
    ws.save_field(2, Field::PollCards, Some(321), "Jansen")
        .expect("save");
    let saved = ws.record(2).expect("read").expect("exists");
    drop(ws);

    let file = home.path().join("stembureau-2.toml");
    let out = telraam(
        home.path(),
        &[
            "--data",
            ws_dir.to_str().expect("utf-8"),
            "export",
            "--station",
            "2",
            "-o",
            file.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let back = telraam::result_file::read(&file, &Election::demo()).expect("reads back");
    assert_eq!(back, saved);
    // The export is in the audit log, with the file's hash.
    let ws = Workspace::open(&ws_dir).expect("reopen");
    let last = ws.audit_log().expect("log").pop().expect("a row");
    assert_eq!(last.what, "export");
    assert!(
        last.new_value.contains("stembureau-2.toml sha256:"),
        "{last:?}"
    );
    assert!(ws.verify_audit().is_ok());
}

#[test]
fn export_of_a_station_without_a_count_writes_nothing() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws_dir = home.path().join("ws");
    Workspace::open(&ws_dir).expect("open");
    let file = home.path().join("out.toml");
    let out = telraam(
        home.path(),
        &[
            "--data",
            ws_dir.to_str().expect("utf-8"),
            "export",
            "--station",
            "3",
            "-o",
            file.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--station 3"));
    assert!(!file.exists());
    let nowhere = home.path().join("no-workspace");
    let out = telraam(
        home.path(),
        &[
            "--data",
            nowhere.to_str().expect("utf-8"),
            "export",
            "--station",
            "1",
            "-o",
            file.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(!nowhere.exists(), "no workspace created by a failed export");
}
