//! `telraam audit verify`: an intact log passes; a row changed by hand is named.
//! `telraam audit show`: the boxes read as the form names them.

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
    assert!(stderr.contains("auditregel 4:"), "{stderr}");
    assert!(!stderr.contains("audit row"), "Dutch only: {stderr}");
}

#[test]
fn a_broken_audit_log_is_named_in_dutch_by_default_and_in_english_with_lang_en() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = home.path().join("ws");
    workspace_with_counts(&ws);
    let conn = rusqlite::Connection::open(Workspace::db_path(&ws)).expect("open db");
    conn.execute("UPDATE audit SET old_value = '7' WHERE id = 4", [])
        .expect("tamper");
    drop(conn);
    let data = ws.to_str().expect("utf-8");
    let dutch = telraam(home.path(), &["--data", data, "audit", "verify"]);
    let english = telraam(
        home.path(),
        &["--lang", "en", "--data", data, "audit", "verify"],
    );
    let said = |out: &std::process::Output| {
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let (nl, en) = (said(&dutch), said(&english));
    let reason_nl = "de inhoud past niet bij de hash: de regel is gewijzigd";
    let reason_en = "its contents do not match its hash: the row was changed";
    assert!(nl.contains(&format!("auditregel 4: {reason_nl}")), "{nl}");
    assert!(en.contains(&format!("audit row 4: {reason_en}")), "{en}");
    assert!(
        !nl.contains(reason_en) && !nl.contains(" / "),
        "one language: {nl}"
    );
    assert!(
        !en.contains(reason_nl) && !en.contains(" / "),
        "one language: {en}"
    );
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

#[test]
fn audit_show_names_the_boxes_as_the_form_does_and_the_log_still_verifies() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = home.path().join("ws");
    {
        let mut w = Workspace::open(&ws).expect("open");
        let candidate = Field::Candidate {
            list: 3,
            candidate: 2,
        };
        for field in [Field::BallotsReceived, candidate, Field::PollCards] {
            w.save_field(1, field, Some(12), "Jansen").expect("save");
        }
    }
    let dir = ws.to_str().expect("utf-8");
    let show = |lang: &str| {
        let out = telraam(
            home.path(),
            &["--data", dir, "--lang", lang, "audit", "show"],
        );
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let nl = show("nl");
    for words in [
        "ontvangen stembiljetten",
        "lijst 3, kandidaat 2",
        "A  stempassen",
    ] {
        assert!(nl.contains(words), "{words} in\n{nl}");
    }
    let en = show("en");
    assert!(en.contains("ballots received"), "{en}");
    assert!(en.contains("list 3, candidate 2"), "{en}");
    for key in ["stock.received", "cand.3.2", "field "] {
        assert!(!nl.contains(key), "{key} in\n{nl}");
        assert!(!en.contains(key), "{key} in\n{en}");
    }
    // Display only: the stored rows, and so the hash chain, are as written.
    let verify = telraam(home.path(), &["--data", dir, "audit", "verify"]);
    assert_eq!(verify.status.code(), Some(0), "{verify:?}");
    let conn = rusqlite::Connection::open(Workspace::db_path(&ws)).expect("db");
    let stored: String = conn
        .query_row(
            "SELECT what FROM audit WHERE what LIKE '%cand.3.2%'",
            [],
            |r| r.get(0),
        )
        .expect("the row as stored");
    assert_eq!(stored, "field cand.3.2");
}
