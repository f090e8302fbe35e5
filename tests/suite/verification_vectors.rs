//! The test vectors of docs/verification-code.md: for each station, the exact
//! canonical serialisation and the codes, produced by an independent implementation
//! of the spec (tests/data/vectors/reference.py). telraam must agree byte for byte.
//! When python3 is installed, the reference implementation is also run afresh and
//! must write the same files.

use std::path::PathBuf;
use telraam::election::Election;
use telraam::result_file;
use telraam::verification::{canonical, codes, fingerprint};

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/vectors")
}

fn check_vector(election_file: &str, name: &str) {
    let dir = vectors_dir();
    let read = |file: String| {
        std::fs::read_to_string(dir.join(&file)).unwrap_or_else(|e| panic!("{file}: {e}"))
    };
    let election = Election::from_toml(&read(format!("{election_file}.election.toml"))).unwrap();
    let result_bytes = std::fs::read(dir.join(format!("{name}.toml"))).unwrap();
    let text = String::from_utf8(result_bytes.clone()).unwrap();
    let record = result_file::from_toml(name, &text, &election).unwrap();

    let serialised = canonical::serialise(&election, &record).text();
    assert_eq!(
        serialised,
        read(format!("{name}.canonical.txt")),
        "{name}: canonical serialisation"
    );

    assert_eq!(
        canonical::quick_text(&election, &record),
        read(format!("{name}.quick.txt")),
        "{name}: quick-report text"
    );

    let expected = read(format!("{name}.codes.txt"));
    let value = |prefix: &str| -> Vec<String> {
        expected
            .lines()
            .filter_map(|l| l.strip_prefix(prefix))
            .map(str::to_string)
            .collect()
    };
    let c = codes(&election, &record);
    assert_eq!(
        vec![c.quick_text()],
        value("quick "),
        "{name}: quick-report code"
    );
    assert_eq!(
        vec![c.record_text()],
        value("record "),
        "{name}: record code"
    );
    let sections: Vec<String> = c
        .sections
        .iter()
        .map(|s| format!("{} {}", s.key, s.group))
        .collect();
    assert_eq!(sections, value("section "), "{name}: section codes");
    assert_eq!(
        vec![fingerprint(&result_bytes)],
        value("fingerprint "),
        "{name}: file fingerprint"
    );
}

#[test]
fn demo_station_juinen_1() {
    check_vector("juinen", "juinen-station-1");
}

#[test]
fn west_maas_en_waal_2022_station_1_with_one_ballot_fewer_than_voters() {
    check_vector("gr2022-west-maas-en-waal", "wmw2022-station-1");
}

#[test]
fn west_maas_en_waal_2022_station_7_with_one_ballot_more_than_voters() {
    check_vector("gr2022-west-maas-en-waal", "wmw2022-station-7");
}

#[test]
fn west_maas_en_waal_2022_station_112_early_voting() {
    check_vector("gr2022-west-maas-en-waal", "wmw2022-station-112");
}

#[test]
fn central_count_with_gaps_in_list_numbers_and_empty_boxes() {
    check_vector("gaps-cso", "gaps-cso-station-40");
}

#[test]
fn the_demo_vector_uses_the_demo_election() {
    let from_file = Election::from_toml(
        &std::fs::read_to_string(vectors_dir().join("juinen.election.toml")).unwrap(),
    )
    .unwrap();
    assert_eq!(Election::demo(), from_file);
}

/// Runs reference.py (written from the spec text) on every vector and compares its
/// output with the committed files; skips with a message when python3 is missing.
#[test]
fn the_reference_implementation_still_writes_every_vector() {
    let dir = vectors_dir();
    let out = tempfile::tempdir().unwrap();
    for (election, name) in [
        ("juinen", "juinen-station-1"),
        ("gr2022-west-maas-en-waal", "wmw2022-station-1"),
        ("gr2022-west-maas-en-waal", "wmw2022-station-7"),
        ("gr2022-west-maas-en-waal", "wmw2022-station-112"),
        ("gaps-cso", "gaps-cso-station-40"),
    ] {
        let run = std::process::Command::new("python3")
            .arg(dir.join("reference.py"))
            .arg(dir.join(format!("{election}.election.toml")))
            .arg(dir.join(format!("{name}.toml")))
            .arg(out.path().join(name))
            .status();
        match run {
            Ok(status) => assert!(status.success(), "reference.py failed on {name}"),
            Err(e) => {
                eprintln!("skipped: python3 not available ({e})");
                return;
            }
        }
        for suffix in ["canonical.txt", "quick.txt", "codes.txt"] {
            let file = format!("{name}.{suffix}");
            assert_eq!(
                std::fs::read(out.path().join(&file)).unwrap(),
                std::fs::read(dir.join(&file)).unwrap(),
                "{file}"
            );
        }
    }
}
