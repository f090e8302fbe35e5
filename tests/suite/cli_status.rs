//! `telraam status`: the municipality's status board for scripts, on the real
//! count of West Maas en Waal 2022 (tests/data/eml/).

use crate::support::cli::telraam;
use crate::support::eml::{import_counts, ok, s, wmw_230b, wmw_510b};

/// The 21 stations of the real count, by number.
const WMW_STATIONS: [u32; 21] = [
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121,
];

#[test]
fn status_lists_every_station_of_the_real_count_with_its_state() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = home.path().join("wmw");
    ok(&import_counts(
        home.path(),
        &ws,
        &wmw_510b(),
        &wmw_230b(),
        None,
    ));

    let text = ok(&telraam(home.path(), &["--data", s(&ws), "status"]));
    let mut lines = text.lines();
    let head = lines.next().expect("the counts line");
    assert!(head.starts_with("21 stembureaus"), "{head}");
    assert!(head.contains("pv binnen 21"), "{head}");
    assert!(head.contains("niets binnen 0"), "{head}");
    let rows: Vec<&str> = lines.collect();
    let numbers: Vec<u32> = rows
        .iter()
        .map(|l| l.split_whitespace().next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(numbers, WMW_STATIONS);
    // Imported from the 510b: a transcription, version 1, not yet finalised.
    assert!(
        rows.iter()
            .all(|r| r.contains("pv binnen") && r.contains("v1 overgenomen"))
    );
    // De Twee Linden: 308 admitted of 2,047 kiesgerechtigden, against 46 % elsewhere.
    let four = rows
        .iter()
        .find(|r| r.trim_start().starts_with("4 "))
        .unwrap();
    assert!(
        four.contains("nakijken: opkomst 15% (elders 46%)"),
        "{four}"
    );

    let json = ok(&telraam(
        home.path(),
        &[
            "--data",
            s(&ws),
            "--lang",
            "en",
            "status",
            "--format",
            "json",
        ],
    ));
    assert!(json.contains("\"format\": \"telraam-status-1\""));
    assert!(json.contains("\"received\": 21,"));
    for n in WMW_STATIONS {
        let line = json
            .lines()
            .find(|l| l.contains(&format!("{{\"number\": {n}, ")))
            .unwrap_or_else(|| panic!("station {n} in the JSON"));
        assert!(line.contains("\"phase\": \"received\""), "{line}");
        assert!(line.contains("\"state\": \"draft\", \"mode\": \"transcription\""));
    }
    // The station's own result file imported: one entry at the desk, the second
    // (typed from the paper) is next, and it is not added up until then.
    let file = home.path().join("116.toml");
    ok(&telraam(
        home.path(),
        &[
            "--data",
            s(&ws),
            "export",
            "--station",
            "116",
            "-o",
            s(&file),
        ],
    ));
    ok(&telraam(
        home.path(),
        &["--data", s(&ws), "import", s(&file)],
    ));
    let json = ok(&telraam(
        home.path(),
        &[
            "--data",
            s(&ws),
            "status",
            "--format",
            "json",
            "--filter",
            "in-entry",
        ],
    ));
    assert_eq!(json.matches("\"number\":").count(), 1, "{json}");
    assert!(
        json.contains(
            "{\"number\": 116, \"name\": \"Kulturhus d'n Dulper\", \"phase\": \"in-entry\""
        )
    );
    assert!(
        json.contains(
            "\"entries\": {\"stage\": \"awaiting-second\", \"first\": \"result-file\", \
         \"second\": null, \"differing\": null, \"accepted\": false}"
        ),
        "{json}"
    );
    let text = ok(&telraam(home.path(), &["--data", s(&ws), "status"]));
    assert!(
        text.contains("in invoer 1 ·") && text.contains("pv binnen 20 ·"),
        "{text}"
    );

    let flagged = ok(&telraam(
        home.path(),
        &[
            "--data",
            s(&ws),
            "status",
            "--format",
            "json",
            "--filter",
            "second-look",
        ],
    ));
    assert_eq!(flagged.matches("\"number\":").count(), 1);
    assert!(
        flagged.contains("{\"kind\": \"turnout\", \"percent\": 15.0, \"others_percent\": 45.6}")
    );
}

#[test]
fn a_new_workspace_has_nothing_in_and_bad_options_are_refused() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = home.path().join("ws");
    let out = telraam(home.path(), &["--data", s(&ws), "status"]);
    assert_eq!(out.status.code(), Some(2), "no workspace: {out:?}");
    assert!(!ws.exists(), "status creates nothing");
    let sample = format!(
        "{}/samples/juinen/election.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    ok(&telraam(
        home.path(),
        &["--data", s(&ws), "init", "--election", &sample],
    ));
    let text = ok(&telraam(
        home.path(),
        &["--data", s(&ws), "--lang", "en", "status"],
    ));
    assert!(
        text.starts_with("3 polling stations · nothing in 3 ·"),
        "{text}"
    );
    for bad in [["--format", "xml"], ["--filter", "late"]] {
        let mut args = vec!["--data", s(&ws), "status"];
        args.extend(bad);
        assert_eq!(telraam(home.path(), &args).status.code(), Some(2));
    }
}
