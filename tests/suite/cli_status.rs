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

/// The quick check runs beside the reading of the board (docs/storage.md, "Where each
/// is checked"): a damaged page the board itself never reads (a record body's
/// overflow page) still stops `telraam status` before it prints anything.
#[test]
fn status_prints_nothing_from_a_damaged_database() {
    use telraam::record::Field;
    use telraam::storage::Workspace;
    let home = tempfile::tempdir().expect("temp dir");
    let ws_dir = home.path().join("ws");
    let mut ws = Workspace::open(&ws_dir).expect("open");
    ws.save_field(1, Field::PollCards, Some(12), "Anna")
        .expect("A");
    // H = 11 against D = 12: a difference, so the form asks for a note.
    ws.save_field(1, Field::ListTotal(1), Some(11), "Anna")
        .expect("E.1");
    // A note long enough to spill over several pages of the record's body.
    let marker = "QZQZ".repeat(8 * 1024);
    ws.save_note(1, &marker, "Anna").expect("note");
    drop(ws); // the last connection closing writes the WAL back into the file
    let fine = ok(&telraam(home.path(), &["--data", s(&ws_dir), "status"]));
    assert!(
        fine.lines().count() > 1,
        "the board before the damage: {fine}"
    );

    let path = Workspace::db_path(&ws_dir);
    let mut bytes = std::fs::read(&path).expect("read");
    let page = 4096;
    let found = bytes
        .windows(page)
        .position(|w| w.starts_with(b"QZQZ") && w.ends_with(b"QZQZ"))
        .expect("a page of the note");
    // The page holding that stretch of the note is an overflow page: its first four
    // bytes name the next one. Point them past the end of the file.
    let start = found - found % page;
    bytes[start..start + 4].copy_from_slice(&[0x7f, 0xff, 0xff, 0xff]);
    std::fs::write(&path, &bytes).expect("damaged");

    let out = telraam(home.path(), &["--data", s(&ws_dir), "status"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty(), "nothing printed: {out:?}");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("beschadigd"), "{said}");
}
