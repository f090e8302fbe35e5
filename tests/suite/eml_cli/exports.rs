//! What `aggregate`, `export-csv` and `export-eml` make of a workspace: West Maas en
//! Waal 2022 to exactly its official totals and OSV file, a 510b that reads back and
//! validates against the Kiesraad's schema, and warnings about what is missing.

use super::stdout;
use crate::support::cli::telraam;
use crate::support::eml::{
    assert_valid_510b, import_counts, s, stderr, wmw_230b, wmw_510b, wmw_csv,
};
use std::path::{Path, PathBuf};
use telraam::election::Election;

/// A workspace with West Maas en Waal 2022 imported from its 510b.
fn wmw_workspace(home: &Path) -> PathBuf {
    let ws = home.join("ws");
    let out = import_counts(home, &ws, &wmw_510b(), &wmw_230b(), None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("21"), "{}", stdout(&out));
    ws
}

#[test]
fn west_maas_en_waal_aggregates_to_exactly_its_official_totals() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = wmw_workspace(home.path());
    let out = telraam(home.path(), &["--data", s(&ws), "aggregate"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}{}", stderr(&out));
    assert!(text.contains("in elk getal"), "{text}");
    let line = |key: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(&format!("{key} ")))
            .unwrap_or_default()
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(line("D"), "9398");
    assert_eq!(line("H"), "9398");
    assert_eq!(line("I"), "1");
    assert_eq!(line("J"), "1");
}

#[test]
fn aggregate_names_every_figure_that_differs_from_the_510b() {
    let home = tempfile::tempdir().expect("temp dir");
    // SB1's blank votes raised from 2 to 5 (its own block only, not the totals).
    let text = std::fs::read_to_string(wmw_510b()).expect("510b");
    let sb1 = text.find("0668::SB1\"").expect("SB1");
    let blank = sb1
        + text[sb1..]
            .find("ReasonCode=\"blanco\">2<")
            .expect("SB1 blank");
    let mut changed = text.clone();
    changed.replace_range(
        blank..blank + "ReasonCode=\"blanco\">2<".len(),
        "ReasonCode=\"blanco\">5<",
    );
    let file = home.path().join("changed-510b.xml");
    std::fs::write(&file, changed).expect("write");
    let ws = home.path().join("ws");
    let out = import_counts(home.path(), &ws, s(&file), &wmw_230b(), None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = telraam(
        home.path(),
        &["--data", s(&ws), "--lang", "en", "aggregate"],
    );
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("2 differences"), "{text}");
    let diff = |key: &str| {
        text.lines()
            .any(|l| l.trim_start().starts_with(&format!("{key} ")) && l.contains("added up"))
    };
    assert!(diff("F") && diff("H"), "{text}");
}

#[test]
fn export_csv_is_byte_for_byte_the_official_osv_file() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = wmw_workspace(home.path());
    let csv = home.path().join("osv4-3.csv");
    let out = telraam(
        home.path(),
        &["--data", s(&ws), "export-csv", "-o", s(&csv)],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ours = std::fs::read(&csv).expect("written");
    let official = std::fs::read(wmw_csv()).expect("official");
    assert!(
        ours == official,
        "the CSV differs from the official OSV 4-3 file"
    );
}

#[test]
fn export_eml_reimports_to_the_same_figures_and_prints_its_fingerprint() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = wmw_workspace(home.path());
    let xml = home.path().join("Telling.eml.xml");
    let out = telraam(
        home.path(),
        &["--data", s(&ws), "export-eml", "-o", s(&xml)],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = std::fs::read(&xml).expect("written");
    assert!(
        stdout(&out).contains(&telraam::verification::fingerprint(&bytes)),
        "fingerprint not printed: {}",
        stdout(&out)
    );
    // Import the exported file into a second workspace: the same records and totals.
    let ws2 = home.path().join("ws2");
    let out = import_counts(home.path(), &ws2, s(&xml), &wmw_230b(), None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let first = telraam::storage::Workspace::open(&ws).expect("ws");
    let second = telraam::storage::Workspace::open(&ws2).expect("ws2");
    assert_eq!(first.election(), second.election());
    assert_eq!(
        first.records().expect("records"),
        second.records().expect("records")
    );
    let totals = |dir: &Path| {
        assert!(
            !dir.join("eml-510b-totals.toml").exists(),
            "the totals live in the workspace database, under the audit chain"
        );
        telraam::storage::Workspace::open_read_only(dir)
            .expect("workspace")
            .totals_510b()
            .expect("readable")
            .expect("stored")
            .totals
    };
    assert_eq!(totals(&ws), totals(&ws2));
}

#[test]
fn exported_510b_validates_against_the_kiesraad_schema() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = wmw_workspace(home.path());
    let xml = home.path().join("Telling.eml.xml");
    let out = telraam(
        home.path(),
        &["--data", s(&ws), "export-eml", "-o", s(&xml)],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_valid_510b(&xml);
}

#[test]
fn exports_warn_about_empty_boxes_and_aggregate_names_stations_not_yet_counted() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = home.path().join("ws");
    {
        let mut workspace =
            telraam::storage::Workspace::init(&ws, Election::demo()).expect("workspace");
        workspace
            .start(1, telraam::record::EntryMode::Transcription, "test")
            .expect("draft");
        workspace
            .save_field(1, telraam::record::Field::PollCards, Some(100), "test")
            .expect("saved");
    }
    let csv = home.path().join("out.csv");
    let out = telraam(
        home.path(),
        &["--data", s(&ws), "export-csv", "-o", s(&csv)],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("stembureau 1 heeft lege vakjes"),
        "{}",
        stderr(&out)
    );
    let xml = home.path().join("out.xml");
    let out = telraam(
        home.path(),
        &["--data", s(&ws), "export-eml", "-o", s(&xml)],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("stembureau 1 heeft lege vakjes"),
        "{}",
        stderr(&out)
    );
    let out = telraam(
        home.path(),
        &["--data", s(&ws), "--lang", "en", "aggregate"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("2 polling stations without a record (2, 3)"),
        "{}",
        stdout(&out)
    );
}
