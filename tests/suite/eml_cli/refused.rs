//! Bad input to `import-eml` and `aggregate`: a hash that does not match, files of
//! different elections or of the wrong kind, broken or missing files. Each is refused
//! with a message naming the file, exit 2, and nothing written.

use super::published_hashes;
use crate::support::cli::telraam;
use crate::support::eml::{
    import_counts, juinen_110a, juinen_110b, juinen_230b, s, stderr, wmw_230b, wmw_510b,
};

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
