//! `telraam import-eml`, `aggregate`, `export-eml` and `export-csv` as a user runs
//! them, on the Kiesraad's real files, and on every kind of bad input: a clear
//! message naming the file, exit 2, nothing written.

use crate::support::cli;

use crate::support::eml::{
    data, import_counts, juinen_110a, juinen_110b, juinen_230b, s, stderr, wmw_230b, wmw_510b,
    wmw_csv,
};
use cli::telraam;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use telraam::election::Election;

/// The hashes the Kiesraad published for Juinen's 110a and 230b.
fn published_hashes() -> (String, String) {
    let text = std::fs::read_to_string(data("juinen/Hashcodes-Juinen.txt")).expect("hash file");
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.contains("eml_hash"))
        .collect();
    (lines[0].to_string(), lines[1].to_string())
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn juinen_imports_with_its_published_hashes_into_the_demo_election() {
    let home = tempfile::tempdir().expect("temp dir");
    let out_file = home.path().join("election.toml");
    let (h110a, h230b) = published_hashes();
    let out = telraam(
        home.path(),
        &[
            "import-eml",
            "--definition",
            &juinen_110a(),
            "--candidates",
            &juinen_230b(),
            "--stations",
            &juinen_110b(),
            "--hash",
            &h110a,
            "--hash",
            &h230b,
            "--form",
            "from-2026",
            "-o",
            s(&out_file),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).matches("hashcode klopt").count(), 2);
    let text = std::fs::read_to_string(&out_file).expect("written");
    assert_eq!(
        Election::from_toml(&text).expect("readable"),
        Election::demo()
    );
}

/// Runs an import that must fail: exit 2, the message names `names_file` and says
/// `says`, and no election file is written.
fn refused(args: &[&str], names_file: &str, says: &str) {
    let home = tempfile::tempdir().expect("temp dir");
    let out_file = home.path().join("election.toml");
    // The messages are checked in English (`--lang en`; Dutch is the default).
    let mut all = vec!["--lang", "en", "import-eml"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", s(&out_file)]);
    let out = telraam(home.path(), &all);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(names_file),
        "message does not name {names_file}: {err}"
    );
    assert!(err.contains(says), "message does not say {says:?}: {err}");
    assert!(
        !out_file.exists(),
        "an election file was written on bad input"
    );
}

#[test]
fn a_hash_that_does_not_match_is_refused_before_reading() {
    let (h110a, _) = published_hashes();
    let wrong = format!("{}0", &h110a[..h110a.len() - 1]);
    refused(
        &[
            "--definition",
            &juinen_110a(),
            "--candidates",
            &juinen_230b(),
            "--hash",
            &wrong,
        ],
        "eml110a_verkiezingsdefinitie-juinen",
        "matches none of the files",
    );
}

#[test]
fn a_hash_that_is_not_64_hex_digits_is_refused() {
    refused(
        &[
            "--definition",
            &juinen_110a(),
            "--candidates",
            &juinen_230b(),
            "--hash",
            "fae2 12ff",
        ],
        "--hash",
        "16 groups of 4",
    );
}

#[test]
fn files_of_different_elections_are_refused() {
    refused(
        &["--definition", &juinen_110a(), "--candidates", &wmw_230b()],
        "Kandidatenlijsten_GR2022_WestMaasenWaal",
        "not about the same election",
    );
}

#[test]
fn a_different_election_date_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let shifted = dir.path().join("110b-other-date.xml");
    let text = std::fs::read_to_string(juinen_110b()).expect("110b");
    std::fs::write(
        &shifted,
        text.replace(
            "2025-08-29</kr:ElectionDate>",
            "2025-08-30</kr:ElectionDate>",
        ),
    )
    .expect("write");
    refused(
        &[
            "--definition",
            &juinen_110a(),
            "--candidates",
            &juinen_230b(),
            "--stations",
            s(&shifted),
        ],
        "110b-other-date.xml",
        "election date",
    );
}

#[test]
fn a_file_of_the_wrong_kind_is_refused() {
    refused(
        &[
            "--definition",
            &juinen_230b(),
            "--candidates",
            &juinen_230b(),
        ],
        "eml230b_kandidatenlijsten-juinen",
        "this is an EML 230b file, not the 110a",
    );
}

#[test]
fn a_truncated_file_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cut = dir.path().join("cut-230b.xml");
    let bytes = std::fs::read(juinen_230b()).expect("230b");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    refused(
        &["--definition", &juinen_110a(), "--candidates", s(&cut)],
        "cut-230b.xml",
        "truncated",
    );
}

#[test]
fn malformed_xml_is_refused_with_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad-110a.xml");
    let text = std::fs::read_to_string(juinen_110a()).expect("110a");
    std::fs::write(&bad, text.replace("</ElectionName>", "</ElectionNaam>")).expect("write");
    refused(
        &["--definition", s(&bad), "--candidates", &juinen_230b()],
        "bad-110a.xml:10",
        "not well-formed XML",
    );
}

#[test]
fn a_file_that_is_not_xml_at_all_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("empty.xml");
    std::fs::write(&bad, "").expect("write");
    refused(
        &["--definition", &juinen_110a(), "--candidates", s(&bad)],
        "empty.xml",
        "empty",
    );
}

#[test]
fn a_missing_file_is_refused() {
    refused(
        &[
            "--definition",
            "/no/such/110a.xml",
            "--candidates",
            &juinen_230b(),
        ],
        "/no/such/110a.xml",
        "file not found",
    );
}

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
    if Command::new("xmllint").arg("--version").output().is_err() {
        eprintln!("SKIPPED: xmllint is not installed (scripts/test.sh installs it)");
        return;
    }
    let home = tempfile::tempdir().expect("temp dir");
    let ws = wmw_workspace(home.path());
    let xml = home.path().join("Telling.eml.xml");
    let out = telraam(
        home.path(),
        &["--data", s(&ws), "export-eml", "-o", s(&xml)],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let schema = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/eml-xsd/v1.2.2/510-count-kiesraad-strict.xsd"
    );
    let lint = Command::new("xmllint")
        .args(["--noout", "--schema", schema, s(&xml)])
        .output()
        .expect("xmllint runs");
    assert!(
        lint.status.success(),
        "{}",
        String::from_utf8_lossy(&lint.stderr)
    );
}

#[test]
fn a_510b_for_another_election_than_its_230b_writes_no_workspace() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = home.path().join("ws");
    let out = import_counts(home.path(), &ws, &wmw_510b(), &juinen_230b(), None);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Telling_GR2022_WestMaasenWaal"),
        "{}",
        stderr(&out)
    );
    assert!(!ws.exists(), "a workspace was created on bad input");
}

#[test]
fn a_510b_with_a_vote_count_that_is_not_a_number_is_refused() {
    let home = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(wmw_510b()).expect("510b");
    let file = home.path().join("bad-510b.xml");
    std::fs::write(
        &file,
        text.replacen(
            "<ValidVotes>581</ValidVotes>",
            "<ValidVotes>58l</ValidVotes>",
            1,
        ),
    )
    .expect("write");
    let ws = home.path().join("ws");
    let out = import_counts(home.path(), &ws, s(&file), &wmw_230b(), None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("bad-510b.xml:1") && err.contains("\"58l\""),
        "{err}"
    );
    assert!(!ws.exists(), "a workspace was created on bad input");
}

#[test]
fn aggregate_without_a_workspace_says_what_to_do() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = home.path().join("nothing");
    let out = telraam(home.path(), &["--data", s(&ws), "aggregate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("import-eml"), "{}", stderr(&out));
}

#[test]
fn a_510b_goes_into_a_workspace_set_up_earlier_for_the_same_election() {
    let home = tempfile::tempdir().expect("temp dir");
    // The election as set up beforehand (here: from the 230b, under its own name and
    // without the stations' register sizes), then `telraam init`.
    let cands_text = std::fs::read_to_string(wmw_230b()).expect("230b");
    let cands = telraam::eml::candidates::read("230b", &cands_text).expect("230b reads");
    let count_text = std::fs::read_to_string(wmw_510b()).expect("510b");
    let count = telraam::eml::counts::read("510b", &count_text).expect("510b reads");
    let mut election = telraam::eml::import::counts("510b", &count, "230b", &cands)
        .expect("joins")
        .election;
    election.name = "Gemeenteraad 2022 (ingesteld vooraf)".into();
    for station in &mut election.stations {
        station.eligible_voters = None;
    }
    let election_file = home.path().join("election.toml");
    std::fs::write(&election_file, election.to_toml()).expect("write");
    let ws = home.path().join("ws");
    let out = telraam(
        home.path(),
        &["init", "--election", s(&election_file), "--data", s(&ws)],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let out = import_counts(home.path(), &ws, &wmw_510b(), &wmw_230b(), None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let workspace = telraam::storage::Workspace::open(&ws).expect("ws");
    assert_eq!(
        workspace.election().name,
        "Gemeenteraad 2022 (ingesteld vooraf)"
    );
    assert_eq!(workspace.records().expect("records").len(), 21);
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
