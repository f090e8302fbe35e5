//! `telraam audit verify`: an intact log passes; a row changed by hand is named.

use crate::support::cli;

use cli::telraam;
use std::path::Path;
use telraam::record::Field;
use telraam::storage::Workspace;

fn workspace_with_counts(dir: &Path) {
    let mut ws = Workspace::open(dir).expect("open");
    for (i, field) in [Field::PollCards, Field::ProxyCertificates, Field::Blank]
        .into_iter()
        .enumerate()
    {
        ws.save_field(1, field, Some(10 + i as u64), "Jansen")
            .expect("save");
    }
}

#[test]
fn an_intact_log_verifies_with_its_number_of_rows() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = home.path().join("ws");
    workspace_with_counts(&ws);
    let out = telraam(
        home.path(),
        &[
            "--data",
            ws.to_str().expect("utf-8"),
            "--lang",
            "en",
            "audit",
            "verify",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Seeding, start of station 1, three fields.
    assert!(stdout.contains("5 rows"), "{stdout}");
}

#[test]
fn a_row_changed_by_hand_is_named_and_the_exit_status_is_1() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = home.path().join("ws");
    workspace_with_counts(&ws);
    let conn = rusqlite::Connection::open(Workspace::db_path(&ws)).expect("open db");
    conn.execute("UPDATE audit SET old_value = '7' WHERE id = 4", [])
        .expect("tamper");
    drop(conn);
    let out = telraam(
        home.path(),
        &["--data", ws.to_str().expect("utf-8"), "audit", "verify"],
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("audit row 4:"), "{stderr}");
    assert!(stderr.contains("auditregel 4:"), "{stderr}");
}

#[test]
fn verify_without_a_workspace_is_bad_input_and_creates_nothing() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = home.path().join("nothing-here");
    let out = telraam(
        home.path(),
        &["--data", ws.to_str().expect("utf-8"), "audit", "verify"],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(!ws.exists());
}
