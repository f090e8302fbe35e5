//! `telraam import-eml`, `aggregate`, `export-eml` and `export-csv` as a user runs
//! them, by concern: importing the Kiesraad's real files (here), every kind of bad
//! input, refused with a clear message naming the file, exit 2 and nothing written
//! ([`refused`]), and what the exports and `aggregate` make of a workspace
//! ([`exports`]).

use crate::support::cli::telraam;
use crate::support::eml::{
    data, import_counts, juinen_110a, juinen_110b, juinen_230b, s, stderr, wmw_230b, wmw_510b,
};
use std::process::Output;
use telraam::election::Election;

mod exports;
mod refused;

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
