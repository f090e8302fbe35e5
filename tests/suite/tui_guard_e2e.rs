//! End to end, in tmux: a second window on a workspace opens read-only naming the
//! first one's operator and sees its figures as they are saved; a workspace whose
//! audit log was changed behind telraam's back stops the interface with a notice
//! naming the first bad row, and nothing is saved until the operator says go on.

use crate::support::tmux::{self, Tmux};
use std::path::Path;
use telraam::record::Field;
use telraam::storage::Workspace;

fn config(dir: &Path, operator: &str) -> std::path::PathBuf {
    let path = dir.join(format!("{operator}.toml"));
    std::fs::write(
        &path,
        format!("language = \"nl\"\noperator = \"{operator}\"\n"),
    )
    .expect("config");
    path
}

#[test]
fn a_second_window_only_reads_names_the_first_and_follows_its_figures() {
    if !tmux::available() {
        eprintln!("SKIPPED tui_guard_e2e: tmux is not installed (scripts/test.sh installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("workspace");
    let first = Tmux::new(format!("telraam-guard-a-{}", std::process::id()), "a");
    first.start(&data, &config(dir.path(), "Jansen"));
    first.wait_for("Kies het stembureau");
    first.keys(&["1", "Enter"]);
    first.wait_for("A  stempassen");
    first.keys(&["1", "2", "Enter"]);
    first.wait_for("> B  volmachtbewijzen");

    let second = Tmux::new(format!("telraam-guard-b-{}", std::process::id()), "b");
    second.start(&data, &config(dir.path(), "DeVries"));
    second.wait_for_all(&["ALLEEN LEZEN", "Jansen", "stembureau 1 open"]);
    second.keys(&["Enter"]);
    second.wait_for("telraam [ALLEEN LEZEN]");
    second.keys(&["5"]);
    second.wait_for("niet bewaard: dit venster leest de werkmap alleen");

    // The first window saves B; the second shows it without a key pressed.
    first.keys(&["7", "Enter"]);
    second.wait_for("Stembureau 1 is elders gewijzigd");

    let ws = Workspace::open_read_only(&data).expect("open");
    let record = ws.record(1).expect("read").expect("there");
    assert_eq!(record.get(Field::PollCards), Some(12));
    assert_eq!(record.get(Field::ProxyCertificates), Some(7));
    assert!(
        ws.audit_log()
            .expect("log")
            .iter()
            .all(|r| r.operator != "DeVries"),
        "the second window wrote nothing"
    );
}

#[test]
fn a_tampered_audit_log_stops_the_interface_until_the_operator_answers() {
    if !tmux::available() {
        eprintln!("SKIPPED tui_guard_e2e: tmux is not installed (scripts/test.sh installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("workspace");
    {
        let mut ws = Workspace::open(&data).expect("open");
        ws.save_field(1, Field::PollCards, Some(12), "Jansen")
            .expect("saved");
    }
    let conn = rusqlite::Connection::open(Workspace::db_path(&data)).expect("sqlite");
    conn.execute("UPDATE audit SET operator = 'Mallory' WHERE id = 2", [])
        .expect("tamper");
    drop(conn);
    let rows = || {
        Workspace::open_read_only(&data)
            .expect("open")
            .audit_log()
            .expect("log")
    };
    let before = rows().len();

    let config = config(dir.path(), "Jansen");
    let window = Tmux::new(format!("telraam-guard-c-{}", std::process::id()), "c");
    window.start(&data, &config);
    window.wait_for_all(&["AUDITLOG GEBROKEN", "vanaf regel 2"]);
    window.keys(&["n"]);
    window.keys(&["1", "Enter"]);
    window.wait_for("A  stempassen");
    window.keys(&["9"]);
    window.wait_for("niet bewaard");
    window.keys(&["q", "j"]);
    window.wait_gone();
    assert_eq!(rows().len(), before, "nothing appended without consent");

    let window = Tmux::new(format!("telraam-guard-d-{}", std::process::id()), "d");
    window.start(&data, &config);
    window.wait_for("vanaf regel 2");
    window.keys(&["j"]);
    window.wait_for("die keuze staat in het log");
    let log = rows();
    let consent = log.last().expect("a row");
    assert_eq!(consent.what, telraam::storage::BROKEN_CHAIN_ACCEPTED);
    assert!(consent.new_value.starts_with("row 2:"), "{consent:?}");
    assert_eq!(consent.operator, "Jansen");
}
