//! Nothing a file or a fault can do poisons a workspace or hides from the user
//! (issue 15): absurd versions, a finalised file that does not pass the finalise
//! gate, a box written twice, a sum the form cannot hold.

use crate::support::cli::telraam;
use std::path::{Path, PathBuf};
use telraam::election::Election;
use telraam::record::{Field, MAX_COUNT, RecordState};
use telraam::storage::Workspace;

const OP: &str = "Jansen";

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn sample(name: &str) -> String {
    format!("{}/samples/juinen/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Sample 3 (four errors, W.203 open) with `state = "finalised"`, as a file.
fn finalised_with_errors(dir: &Path) -> PathBuf {
    let body = std::fs::read_to_string(sample("station-3-errors.toml"))
        .expect("sample")
        .replace("state = \"draft\"", "state = \"finalised\"");
    let path = dir.join("station-3.toml");
    std::fs::write(&path, body).expect("write");
    path
}

#[test]
fn a_version_beyond_any_real_corrigendum_is_refused_at_import_naming_the_line() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws_dir = home.path().join("ws");
    let body = std::fs::read_to_string(sample("station-1.toml"))
        .expect("sample")
        .replace("version = 1", "version = 4294967295")
        .replace("state = \"draft\"", "state = \"finalised\"");
    let line = body
        .lines()
        .position(|l| l.starts_with("version"))
        .expect("version line")
        + 1;
    let file = home.path().join("station-1.toml");
    std::fs::write(&file, &body).expect("write");
    let out = telraam(home.path(), &["--data", s(&ws_dir), "import", s(&file)]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        text(&out).contains(&format!("station-1.toml:{line}: version")),
        "{}",
        text(&out)
    );
    if Workspace::exists(&ws_dir) {
        let ws = Workspace::open(&ws_dir).expect("open");
        assert!(ws.records().expect("records").is_empty());
    }
}

#[test]
fn a_corrigendum_of_the_highest_version_is_refused_and_the_station_stays_readable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    // Sample 1 balances: finalised, it passes the finalise gate.
    let mut record =
        telraam::result_file::read(Path::new(&sample("station-1.toml")), &Election::demo())
            .expect("sample 1");
    record.lifecycle.version = telraam::record::MAX_VERSION;
    record.lifecycle.state = RecordState::Finalised;
    ws.put_record(&record, OP, "import").expect("import");
    let err = ws
        .start_correction(1, "herteld", OP)
        .expect_err("no version after the highest");
    assert!(
        matches!(
            err.refusal(),
            Some(telraam::lifecycle::Refusal::LastVersion { station: 1, .. })
        ),
        "{err}"
    );
    assert!(err.to_string().contains("versie"), "{err}");
    let latest = ws.record(1).expect("readable").expect("there");
    assert_eq!(latest.lifecycle.version, telraam::record::MAX_VERSION);
    assert_eq!(latest.lifecycle.state, RecordState::Finalised);
    ws.verify_audit().expect("chain intact");
}

#[test]
fn a_sum_the_form_cannot_hold_is_refused_and_the_record_stays_readable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    ws.save_field(1, Field::PollCards, Some(MAX_COUNT), OP)
        .expect("A at the limit");
    let err = ws
        .save_field(1, Field::ProxyCertificates, Some(MAX_COUNT), OP)
        .expect_err("D = A + B would exceed nine digits");
    assert!(err.to_string().contains("999 999 999"), "{err}");
    let record = ws.record(1).expect("still readable").expect("there");
    assert_eq!(record.voters.poll_cards, Some(MAX_COUNT));
    assert_eq!(record.voters.proxy_certificates, None);
    ws.records().expect("every station readable");
    ws.verify_audit().expect("chain intact");
}

#[test]
fn a_finalised_file_with_errors_is_stored_as_a_draft_saying_why() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws_dir = home.path().join("ws");
    let file = finalised_with_errors(home.path());
    let out = telraam(
        home.path(),
        &["--lang", "en", "--data", s(&ws_dir), "import", s(&file)],
    );
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    for code in ["F.201", "F.203", "F.310", "F.402", "W.203"] {
        assert!(said.contains(code), "{code} missing from: {said}");
    }
    assert!(said.contains("draft"), "{said}");
    let ws = Workspace::open(&ws_dir).expect("open");
    let record = ws.record(3).expect("read").expect("stored");
    assert_eq!(record.lifecycle.state, RecordState::Draft);
    assert_eq!(record.voters.poll_cards, Some(700), "the figures are kept");
    let log = ws.audit_log().expect("log");
    // The import's own row (the desk's "entry 1 started" row follows it).
    let last = log
        .iter()
        .rev()
        .find(|r| r.what == "import")
        .expect("a row");
    assert!(last.new_value.contains("F.201"), "{last:?}");
    ws.verify_audit().expect("chain intact");
}

#[test]
fn a_finalised_file_that_passes_the_gate_stays_finalised() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws_dir = home.path().join("ws");
    let body = std::fs::read_to_string(sample("station-1.toml"))
        .expect("sample")
        .replace("state = \"draft\"", "state = \"finalised\"");
    let file = home.path().join("station-1.toml");
    std::fs::write(&file, body).expect("write");
    let out = telraam(home.path(), &["--data", s(&ws_dir), "import", s(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let ws = Workspace::open(&ws_dir).expect("open");
    let record = ws.record(1).expect("read").expect("stored");
    assert_eq!(record.lifecycle.state, RecordState::Finalised);
}

fn with_lists(extra: &str) -> String {
    std::fs::read_to_string(sample("station-1.toml"))
        .expect("sample")
        .replace("[votes.lists]\n", &format!("[votes.lists]\n{extra}"))
}

fn refused_naming_lines(body: &str, first: &str, second: &str) {
    let line = |needle: &str| {
        body.lines()
            .position(|l| l == needle)
            .unwrap_or_else(|| panic!("{needle} not in the file"))
            + 1
    };
    let (a, b) = (line(first), line(second));
    let error = telraam::result_file::from_toml("x.toml", body, &Election::demo())
        .expect_err("a box written twice");
    let said = error.to_string();
    assert!(
        said.contains(&format!("{a}")) && said.contains(&format!("{b}")),
        "lines {a} and {b} not both named: {said}"
    );
}

#[test]
fn a_list_total_written_twice_as_1_and_01_is_refused_naming_both_lines() {
    let body = with_lists("01 = 7\n");
    let first = body
        .lines()
        .skip_while(|l| *l != "[votes.lists]")
        .find(|l| l.starts_with("1 = "))
        .expect("1 = ...")
        .to_string();
    refused_naming_lines(&body, "01 = 7", &first);
}

#[test]
fn a_list_total_written_as_plus_1_beside_1_is_refused() {
    let body = with_lists("\"+1\" = 7\n");
    let first = body
        .lines()
        .skip_while(|l| *l != "[votes.lists]")
        .find(|l| l.starts_with("1 = "))
        .expect("1 = ...")
        .to_string();
    refused_naming_lines(&body, "\"+1\" = 7", &first);
}

#[test]
fn a_candidate_table_written_twice_as_1_and_01_is_refused() {
    let mut body = std::fs::read_to_string(sample("station-1.toml")).expect("sample");
    body.push_str("\n[candidates.01]\n3 = 1\n");
    refused_naming_lines(&body, "[candidates.01]", "[candidates.1]");
}

#[test]
fn a_candidate_written_twice_inside_one_table_is_refused() {
    let body = std::fs::read_to_string(sample("station-1.toml"))
        .expect("sample")
        .replace("[candidates.1]\n", "[candidates.1]\n001 = 4\n");
    let first = body
        .lines()
        .skip_while(|l| *l != "[candidates.1]")
        .find(|l| l.starts_with("1 = "))
        .expect("candidate 1")
        .to_string();
    refused_naming_lines(&body, "001 = 4", &first);
}

fn tampered_workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    ws.save_field(1, Field::PollCards, Some(12), OP)
        .expect("saved");
    drop(ws);
    let conn = rusqlite::Connection::open(Workspace::db_path(dir.path())).expect("sqlite");
    conn.execute(
        "UPDATE records SET state = 'finalised' WHERE station = 1",
        [],
    )
    .expect("tamper");
    drop(conn);
    let ws = Workspace::open(dir.path()).expect("open");
    (dir, ws)
}

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

fn annex_text(home: &Path, file: &str) -> (std::process::Output, String) {
    let pdf = home.join("annex.pdf");
    let out = telraam(home, &["annex", file, "-o", s(&pdf)]);
    let text = pdf_extract::extract_text_from_mem(&std::fs::read(&pdf).expect("pdf written"))
        .expect("text");
    (out, text)
}

#[test]
fn the_annex_of_a_draft_with_errors_lists_every_open_error_and_warning() {
    let home = tempfile::tempdir().expect("temp dir");
    let (out, text) = annex_text(home.path(), &sample("station-3-errors.toml"));
    assert_eq!(out.status.code(), Some(0), "{}", self::text(&out));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for code in ["F.201", "F.203", "F.310", "F.402", "W.203"] {
        assert!(
            flat.contains(code),
            "{code} missing from the annex:\n{flat}"
        );
    }
    assert!(flat.contains("CONCEPT"), "{flat}");
}

#[test]
fn the_annex_of_a_file_that_says_finalised_but_has_errors_is_a_concept_with_the_errors() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = finalised_with_errors(home.path());
    let (_, text) = annex_text(home.path(), s(&file));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("F.201"), "{flat}");
    assert!(flat.contains("CONCEPT"), "{flat}");
    assert!(!flat.contains("Status vastgesteld"), "{flat}");
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
