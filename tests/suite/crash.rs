//! A process saving fields is killed with SIGKILL mid-way. Reopening the
//! workspace must pass the integrity check and the audit verification, and every
//! save the process reported (it reports only after the commit) must be there.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use telraam::record::Field;
use telraam::storage::Workspace;

#[test]
fn every_reported_save_survives_a_sigkill() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws_dir = home.path().join("ws");
    Workspace::open(&ws_dir).expect("create the workspace");

    let mut child = Command::new(env!("CARGO_BIN_EXE_telraam"))
        .args(["--data", ws_dir.to_str().expect("utf-8"), "write-loop"])
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the writer");
    let stdout = child.stdout.take().expect("piped");
    let mut lines = BufReader::new(stdout).lines();
    let mut reported: Vec<(Field, u64)> = Vec::new();
    let parse = |line: &str| -> (Field, u64) {
        let mut parts = line.split_whitespace().skip(1);
        let field = Field::parse(parts.next().expect("field")).expect("a field key");
        let value = parts.next().expect("value").parse().expect("a number");
        (field, value)
    };
    for line in lines.by_ref().take(150) {
        reported.push(parse(&line.expect("a line")));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    // Lines still in the pipe were also printed after their commit.
    for line in lines.map_while(Result::ok) {
        reported.push(parse(&line));
    }
    assert!(reported.len() >= 150, "the writer ran: {}", reported.len());

    let ws = Workspace::open(&ws_dir).expect("reopens: integrity check passes");
    let rows = ws.verify_audit().expect("the audit chain verifies");
    assert!(rows > reported.len(), "{rows} rows");
    let record = ws.record(1).expect("read").expect("station 1 exists");

    // Every reported save has its audit row, and the record holds, per field, the
    // last value the log saved (which may be one committed but not yet reported).
    let log = ws.audit_log().expect("log");
    let mut last_logged: BTreeMap<String, String> = BTreeMap::new();
    for row in &log {
        if let Some(key) = row.what.strip_prefix("field ") {
            last_logged.insert(key.to_string(), row.new_value.clone());
        }
    }
    for (field, value) in &reported {
        let wanted = format!("field {field}");
        assert!(
            log.iter()
                .any(|r| r.what == wanted && r.new_value == value.to_string()),
            "reported save {field} = {value} is in the audit log"
        );
        let stored = record.get(*field).expect("saved field is filled");
        assert!(
            stored >= *value,
            "{field}: stored {stored} < reported {value}"
        );
        assert_eq!(
            last_logged.get(&field.key()),
            Some(&stored.to_string()),
            "{field}: record and log agree"
        );
    }
}
