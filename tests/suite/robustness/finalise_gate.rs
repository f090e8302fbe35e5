//! A file that says `state = "finalised"`: kept finalised only when it passes the
//! finalise gate, else stored (and printed) as a draft saying why.

use super::{finalised_with_errors, s, sample, text};
use crate::support::cli::telraam;
use std::path::Path;
use telraam::record::RecordState;
use telraam::storage::Workspace;

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
