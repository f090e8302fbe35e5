//! Figures and versions the form cannot hold: refused, naming the line, and the
//! station stays readable.

use super::{OP, s, sample, text};
use crate::support::cli::telraam;
use std::path::Path;
use telraam::election::Election;
use telraam::record::{Field, MAX_COUNT, RecordState};
use telraam::storage::Workspace;

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
