//! Bad EML that must be refused (issue 15, defects 1 and 8): each of these files was
//! once accepted. Every one is now refused with exit 2, the file and line, and nothing
//! written: no election file, no workspace.

use crate::support::cli::telraam;
use crate::support::eml::{
    import_counts, juinen_110a, juinen_110b, juinen_230b, s, stderr, wmw_230b, wmw_510b,
};
use std::path::{Path, PathBuf};

/// `original` with `from` replaced once by `to`, written as `name` in `dir`.
fn changed(dir: &Path, original: &str, name: &str, from: &str, to: &str) -> PathBuf {
    let text = std::fs::read_to_string(original).expect("original");
    assert!(text.contains(from), "{from:?} not in {original}");
    let path = dir.join(name);
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    path
}

/// The 1-based line of the first `needle` in the file.
fn line_of(path: &Path, needle: &str) -> usize {
    let text = std::fs::read_to_string(path).expect("file");
    let at = text.find(needle).expect("needle");
    text[..at].matches('\n').count() + 1
}

/// Importing the election from `files` (110a, 230b, 110b flags) is refused: exit 2,
/// the message holds `file:line` and says `says`, no election file is written.
fn election_refused(home: &Path, args: &[&str], at: &str, says: &str) -> String {
    let out_file = home.join("election.toml");
    // The messages are checked in English (`--lang en`; Dutch is the default).
    let mut all = vec!["--lang", "en", "import-eml"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", s(&out_file)]);
    let out = telraam(home, &all);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(at), "message does not name {at}: {err}");
    assert!(err.contains(says), "message does not say {says:?}: {err}");
    assert!(!out_file.exists(), "an election file was written");
    err
}

/// Importing `counts` (a 510b) with `candidates` into a fresh workspace is refused:
/// exit 2, `at` and `says` in the message, no workspace created.
fn counts_refused(home: &Path, counts: &Path, candidates: &str, at: &str, says: &str) {
    let ws = home.join("ws");
    let out = import_counts(home, &ws, s(counts), candidates, Some("en"));
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(at), "message does not name {at}: {err}");
    assert!(err.contains(says), "message does not say {says:?}: {err}");
    assert!(!ws.exists(), "a workspace was created on bad input");
}

// Defect 1: counts above the form's limit of 999 999 999.

#[test]
fn a_510b_count_above_999_999_999_is_refused_and_the_right_file_still_imports() {
    for (from, to) in [
        (
            "<ValidVotes>581</ValidVotes>",
            "<ValidVotes>1000000000</ValidVotes>",
        ),
        (
            "<ValidVotes>581</ValidVotes>",
            "<ValidVotes>4294967296</ValidVotes>",
        ),
        (
            "<RejectedVotes ReasonCode=\"blanco\">",
            "<RejectedVotes ReasonCode=\"blanco\">999999999999",
        ),
        ("<Cast>16202</Cast>", "<Cast>1000000000</Cast>"),
    ] {
        let home = tempfile::tempdir().expect("temp dir");
        let file = changed(home.path(), &wmw_510b(), "big-510b.xml", from, to);
        counts_refused(
            home.path(),
            &file,
            &wmw_230b(),
            "big-510b.xml:1:",
            "999 999 999",
        );
        // The workspace is untouched: the right file imports into it afterwards.
        let ws = home.path().join("ws");
        let out = import_counts(home.path(), &ws, &wmw_510b(), &wmw_230b(), None);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let out = telraam(home.path(), &["--data", s(&ws), "aggregate"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
}

#[test]
fn a_510b_whose_sum_h_exceeds_the_limit_is_refused_before_a_workspace_exists() {
    let home = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(wmw_510b()).expect("510b");
    let sb1 = text.find("0668::SB1\"").expect("SB1");
    let blank = sb1 + text[sb1..].find("ReasonCode=\"blanco\">").expect("blank");
    let value = blank + "ReasonCode=\"blanco\">".len();
    let end = value + text[value..].find('<').expect("end");
    let mut changed = text.clone();
    changed.replace_range(value..end, "999999999");
    let file = home.path().join("h-510b.xml");
    std::fs::write(&file, changed).expect("write");
    counts_refused(
        home.path(),
        &file,
        &wmw_230b(),
        "h-510b.xml",
        "station 1: H = E + F + G",
    );
}

#[test]
fn a_110b_register_size_above_the_limit_is_refused() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = changed(
        home.path(),
        &juinen_110b(),
        "big-110b.xml",
        "<MaxVotes>3353</MaxVotes>",
        "<MaxVotes>1000000000</MaxVotes>",
    );
    let at = format!("big-110b.xml:{}:", line_of(&file, "1000000000"));
    election_refused(
        home.path(),
        &[
            "--definition",
            &juinen_110a(),
            "--candidates",
            &juinen_230b(),
            "--stations",
            s(&file),
        ],
        &at,
        "999 999 999",
    );
}

#[test]
fn an_election_file_with_a_register_above_the_limit_is_refused_by_init() {
    let home = tempfile::tempdir().expect("temp dir");
    let text = telraam::election::DEMO_ELECTION_TOML.replacen(
        "number = 1\n",
        "number = 1\neligible_voters = 4294967296\n",
        1,
    );
    let file = home.path().join("election.toml");
    std::fs::write(&file, text).expect("write");
    let ws = home.path().join("ws");
    let out = telraam(
        home.path(),
        &[
            "--lang",
            "en",
            "--data",
            s(&ws),
            "init",
            "--election",
            s(&file),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("999 999 999"), "{}", stderr(&out));
    assert!(
        !ws.join("telraam.sqlite3").exists(),
        "a workspace was created"
    );
}

// Defect 8: the Kiesraad's invalid test files, and a few more.

/// Juinen's 230b without the candidates of list 4.
fn without_candidates_of_list_4(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(juinen_230b()).expect("230b");
    let list = text
        .find("<AffiliationIdentifier Id=\"4\">")
        .expect("list 4");
    let first = list + text[list..].find("<Candidate>").expect("candidate");
    let end = list + text[list..].find("</Affiliation>").expect("end");
    let last = list + text[list..end].rfind("</Candidate>").expect("last") + "</Candidate>".len();
    let mut out = text.clone();
    out.replace_range(first..last, "");
    let path = dir.join("empty-list-230b.xml");
    std::fs::write(&path, out).expect("write");
    path
}

#[test]
fn a_230b_list_without_candidates_is_refused() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = without_candidates_of_list_4(home.path());
    let at = format!(
        "empty-list-230b.xml:{}:",
        line_of(&file, "<AffiliationIdentifier Id=\"4\">")
    );
    election_refused(
        home.path(),
        &["--definition", &juinen_110a(), "--candidates", s(&file)],
        &at,
        "no candidates",
    );
}

#[test]
fn init_refuses_a_dso_election_with_a_list_without_candidates() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut election = telraam::election::Election::demo();
    election.lists[3].candidates.clear();
    let file = home.path().join("election.toml");
    std::fs::write(&file, election.to_toml()).expect("write");
    let ws = home.path().join("ws");
    let out = telraam(
        home.path(),
        &[
            "--lang",
            "en",
            "--data",
            s(&ws),
            "init",
            "--election",
            s(&file),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("no candidates"), "{}", stderr(&out));
    assert!(
        !ws.join("telraam.sqlite3").exists(),
        "a workspace was created"
    );
}

#[test]
fn a_230b_for_another_domain_than_its_110a_is_refused() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = changed(
        home.path(),
        &juinen_230b(),
        "other-domain-230b.xml",
        "<kr:ElectionDomain Id=\"0042\">",
        "<kr:ElectionDomain Id=\"0043\">",
    );
    let at = format!(
        "other-domain-230b.xml:{}:",
        line_of(&file, "<kr:ElectionDomain Id=\"0043\">")
    );
    election_refused(
        home.path(),
        &["--definition", &juinen_110a(), "--candidates", s(&file)],
        &at,
        "0043",
    );
}

#[test]
fn a_230b_without_managing_authority_is_refused() {
    let home = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(juinen_230b()).expect("230b");
    let start = text.find("<ManagingAuthority>").expect("start");
    let end = text.find("</ManagingAuthority>").expect("end") + "</ManagingAuthority>".len();
    let mut cut = text.clone();
    cut.replace_range(start..end, "");
    let file = home.path().join("no-authority-230b.xml");
    std::fs::write(&file, cut).expect("write");
    let at = format!(
        "no-authority-230b.xml:{}:",
        line_of(&file, "<CandidateList>")
    );
    election_refused(
        home.path(),
        &["--definition", &juinen_110a(), "--candidates", s(&file)],
        &at,
        "ManagingAuthority",
    );
}

#[test]
fn a_110a_without_election_domain_is_refused() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = changed(
        home.path(),
        &juinen_110a(),
        "no-domain-110a.xml",
        "<kr:ElectionDomain Id=\"0042\">Juinen</kr:ElectionDomain>",
        "",
    );
    election_refused(
        home.path(),
        &["--definition", s(&file), "--candidates", &juinen_230b()],
        "no-domain-110a.xml:",
        "ElectionDomain",
    );
}

#[test]
fn a_110a_with_a_subcategory_of_another_category_is_refused() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = changed(
        home.path(),
        &juinen_110a(),
        "ab2-110a.xml",
        "<kr:ElectionSubcategory>GR2</kr:ElectionSubcategory>",
        "<kr:ElectionSubcategory>AB2</kr:ElectionSubcategory>",
    );
    let at = format!("ab2-110a.xml:{}:", line_of(&file, "AB2"));
    election_refused(
        home.path(),
        &["--definition", s(&file), "--candidates", &juinen_230b()],
        &at,
        "AB2",
    );
}

#[test]
fn a_station_id_without_sb_or_numbered_0_is_refused() {
    for (to, says) in [("0668::XX1\"", "0668::XX1"), ("0668::SB0\"", "0668::SB0")] {
        let home = tempfile::tempdir().expect("temp dir");
        let file = changed(
            home.path(),
            &wmw_510b(),
            "odd-id-510b.xml",
            "0668::SB1\"",
            to,
        );
        counts_refused(home.path(), &file, &wmw_230b(), "odd-id-510b.xml:1:", says);
    }
}

#[test]
fn a_510b_without_stations_is_refused() {
    let home = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(wmw_510b()).expect("510b");
    let start = text.find("<ReportingUnitVotes>").expect("first");
    let end = text.rfind("</ReportingUnitVotes>").expect("last") + "</ReportingUnitVotes>".len();
    let mut cut = text.clone();
    cut.replace_range(start..end, "");
    let file = home.path().join("no-stations-510b.xml");
    std::fs::write(&file, cut).expect("write");
    counts_refused(
        home.path(),
        &file,
        &wmw_230b(),
        "no-stations-510b.xml",
        "no polling stations",
    );
}

#[test]
fn an_unknown_entity_in_an_attribute_is_named_as_such() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = changed(
        home.path(),
        &juinen_110a(),
        "entity-110a.xml",
        "<ElectionIdentifier Id=\"GR2025_Juinen\">",
        "<ElectionIdentifier Id=\"GR2025&eacute;Juinen\">",
    );
    let at = format!("entity-110a.xml:{}:", line_of(&file, "&eacute;"));
    let err = election_refused(
        home.path(),
        &["--definition", s(&file), "--candidates", &juinen_230b()],
        &at,
        "&eacute;",
    );
    assert!(!err.contains("has no Id"), "{err}");
}
