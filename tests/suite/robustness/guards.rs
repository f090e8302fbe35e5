//! What stops a write: an audit log changed behind telraam's back (until the
//! operator consents, in the interface, the commands and the background check), and
//! an import into the station someone is typing in.

use super::{OP, s, sample, tampered_workspace, text};
use crate::support::cli::telraam;
use telraam::record::Field;
use telraam::storage::Workspace;

#[test]
fn a_state_column_changed_behind_telraams_back_is_caught_naming_the_row() {
    let (_dir, ws) = tampered_workspace();
    let problem = ws
        .audit_problem()
        .expect("readable")
        .expect_err("the state column was changed");
    let last = ws.audit_log().expect("log").last().expect("row").id;
    assert_eq!(problem.row, last);
    assert!(problem.to_string().contains("state"), "{problem}");
}

#[test]
fn nothing_is_appended_to_a_broken_chain_until_the_operator_consents() {
    let (_dir, mut ws) = tampered_workspace();
    let rows = ws.audit_log().expect("log").len();
    let problem = ws.check_chain().expect("readable").expect("broken");
    let err = ws
        .save_field(1, Field::ProxyCertificates, Some(1), OP)
        .expect_err("blocked");
    assert!(err.to_string().contains("auditlog"), "{err}");
    assert_eq!(ws.audit_log().expect("log").len(), rows, "nothing appended");

    ws.accept_broken_chain(OP).expect("consent");
    let log = ws.audit_log().expect("log");
    let consent = log.last().expect("the consent row");
    assert_eq!(consent.what, telraam::storage::BROKEN_CHAIN_ACCEPTED);
    assert!(
        consent.new_value.contains(&format!("row {}", problem.row)),
        "{consent:?}"
    );
    assert_eq!(consent.operator, OP);
    ws.save_field(1, Field::ProxyCertificates, Some(1), OP)
        .expect("saved after consent");
    // The consent stays in the log, naming the row that was found broken.
    assert!(
        ws.audit_log()
            .expect("log")
            .iter()
            .any(|r| r.what == telraam::storage::BROKEN_CHAIN_ACCEPTED
                && r.new_value.contains(&format!("row {}", problem.row)))
    );
}

#[test]
fn an_import_into_the_station_someone_is_typing_in_is_refused_naming_them() {
    use telraam::storage::lock::{Acquired, acquire};
    let home = tempfile::tempdir().expect("temp dir");
    let ws_dir = home.path().join("ws");
    Workspace::open(&ws_dir).expect("create");
    let Ok(Acquired::Mine(mut lock)) = acquire(&ws_dir, "Jansen") else {
        panic!("the interface takes the workspace");
    };
    lock.set_station(Some(1)).expect("typing in station 1");

    let one = sample("station-1.toml");
    let out = telraam(home.path(), &["--data", s(&ws_dir), "import", &one]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("Jansen") && said.contains("stembureau 1"),
        "{said}"
    );
    let ws = Workspace::open_read_only(&ws_dir).expect("open");
    assert!(ws.record(1).expect("read").is_none(), "nothing written");

    // Another station is imported, and the import says who else has the workspace open.
    let two = sample("station-2-warnings.toml");
    let out = telraam(home.path(), &["--data", s(&ws_dir), "import", &two]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("Jansen"), "{said}");
    drop(lock);
}

#[test]
fn an_import_into_a_workspace_with_a_broken_audit_log_is_refused_naming_the_row() {
    let home = tempfile::tempdir().expect("temp dir");
    let (dir, ws) = tampered_workspace();
    let row = ws.audit_log().expect("log").last().expect("row").id;
    drop(ws);
    let two = sample("station-2-warnings.toml");
    let out = telraam(home.path(), &["--data", s(dir.path()), "import", &two]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains(&format!("auditregel {row}")), "{said}");
    let ws = Workspace::open_read_only(dir.path()).expect("open");
    assert!(ws.record(2).expect("read").is_none(), "nothing written");
}

#[test]
fn import_eml_also_refuses_to_append_to_a_broken_audit_log() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws_dir = home.path().join("ws");
    let data = format!(
        "{}/tests/data/eml/gr2022-west-maas-en-waal",
        env!("CARGO_MANIFEST_DIR")
    );
    let counts = format!("{data}/Telling_GR2022_WestMaasenWaal.eml.xml");
    let candidates = format!("{data}/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml");
    let args = [
        "--data",
        s(&ws_dir),
        "import-eml",
        "--counts",
        &counts,
        "--candidates",
        &candidates,
    ];
    let out = telraam(home.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let conn = rusqlite::Connection::open(Workspace::db_path(&ws_dir)).expect("sqlite");
    conn.execute("UPDATE audit SET operator = 'Mallory' WHERE id = 2", [])
        .expect("tamper");
    drop(conn);
    let rows = Workspace::open_read_only(&ws_dir)
        .expect("open")
        .audit_log()
        .expect("log")
        .len();
    let out = telraam(home.path(), &args);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("auditregel 2"), "{}", text(&out));
    let after = Workspace::open_read_only(&ws_dir)
        .expect("open")
        .audit_log()
        .expect("log")
        .len();
    assert_eq!(after, rows, "nothing appended");
}

#[test]
fn the_interfaces_background_chain_check_blocks_the_first_save_and_is_reported_once() {
    let (_dir, mut ws) = tampered_workspace();
    let rows = ws.audit_log().expect("log").len();
    ws.check_chain_in_background();
    // A save right away waits for the check, and is refused: nothing on a broken chain.
    let err = ws
        .save_field(1, Field::ProxyCertificates, Some(1), OP)
        .expect_err("blocked");
    assert!(err.to_string().contains("auditlog"), "{err}");
    assert_eq!(ws.audit_log().expect("log").len(), rows, "nothing appended");
    // The interface is told once, to show the notice asking for consent.
    let found = ws.chain_check_finding().expect("in").expect("readable");
    assert!(found.is_some(), "the broken chain is reported");
    assert!(ws.chain_check_finding().is_none(), "only once");
    ws.accept_broken_chain(OP).expect("consent");
    ws.save_field(1, Field::ProxyCertificates, Some(1), OP)
        .expect("saved after consent");
}

#[test]
fn an_intact_chain_checked_in_the_background_lets_saves_through() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    ws.save_field(1, Field::PollCards, Some(3), OP)
        .expect("save");
    ws.check_chain_in_background();
    ws.save_field(1, Field::PollCards, Some(4), OP)
        .expect("saved once the check is in");
    let finding = ws.chain_check_finding();
    assert!(matches!(finding, Some(Ok(None))), "{finding:?}");
}
