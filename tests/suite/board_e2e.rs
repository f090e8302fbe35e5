//! End to end at the municipality's desk: the real `telraam` binary in a tmux
//! terminal of 80x24. The status board opens (F4), the scan field (F5) takes the ten
//! QR parts of a station's annex as a hand scanner types them (every line break an
//! Enter, an Enter after each code), out of order; a part of another station's annex
//! is refused with its reason; when the last part is in, the record is imported as
//! `telraam import` would, and the board shows the station's first entry.

use crate::support::tmux::{self, Tmux};
use std::path::Path;
use telraam::annex::qr;
use telraam::election::Election;
use telraam::generate::{self, SEED, Shape};
use telraam::record::CountRecord;
use telraam::result_file;
use telraam::storage::Workspace;

/// An election whose station records each take ten QR codes.
fn election() -> Election {
    generate::election(&Shape {
        stations: 3,
        lists: 24,
        max_candidates: 50,
    })
}

/// Types one QR code's text as a scanner does: the text, Enter for each line break,
/// and an Enter after the code.
fn scan(tmux: &Tmux, text: &str) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            tmux.keys(&["Enter"]);
        }
        if !line.is_empty() {
            tmux.keys(&["-l", line]);
        }
    }
    tmux.keys(&["Enter"]);
}

fn init(dir: &Path, election: &Election) {
    let file = dir.join("election.toml");
    std::fs::write(&file, election.to_toml()).expect("election file");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_telraam"))
        .arg("--data")
        .arg(dir.join("ws"))
        .args(["init", "--election"])
        .arg(&file)
        .output()
        .expect("telraam runs");
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn scanned_parts_out_of_order_with_one_of_another_station_refused_import_the_record() {
    if !tmux::available() {
        eprintln!("tmux not installed: skipping the scan end-to-end test");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let election = election();
    init(dir.path(), &election);
    let mut seed = SEED;
    let records: Vec<CountRecord> = generate::records(&election, 1, 3, &mut seed);
    let parts = qr::part_texts(&result_file::to_toml(&records[1]));
    assert_eq!(parts.len(), 10, "a 10-part annex");
    let other = qr::part_texts(&result_file::to_toml(&records[2]));

    let data = dir.path().join("ws");
    let config = dir.path().join("telraam.toml");
    std::fs::write(&config, "language = \"nl\"\noperator = \"Balie\"\n").expect("config");
    let tmux = Tmux::new(format!("telraam-board-{}", std::process::id()), "board");
    tmux.start(&data, &config);
    tmux.wait_for("Stembureau");
    tmux.keys(&["F4"]);
    tmux.wait_for_all(&["[alle 3]", "niets binnen 3"]);
    tmux.keys(&["F5"]);
    tmux.wait_for("Wacht op de eerste QR-code.");

    // Parts 7, 3, 10 first.
    for i in [7, 3, 10] {
        scan(&tmux, &parts[i - 1]);
    }
    tmux.wait_for_all(&[
        "3 van 10 delen (stembureau 2, versie 1)",
        "ontbreken: 1, 2, 4-6, 8, 9",
        "Deel 10 ingelezen.",
    ]);
    // A part of station 3's annex: refused, with why; nothing changes.
    scan(&tmux, &other[4]);
    tmux.wait_for_all(&[
        "Deel 5 GEWEIGERD: het hoort bij stembureau 3, niet bij 2.",
        "3 van 10 delen",
    ]);
    // A part scanned twice is said so.
    scan(&tmux, &parts[2]);
    tmux.wait_for("Deel 3 was al gescand.");
    for i in [1, 9, 2, 5, 8, 4] {
        scan(&tmux, &parts[i - 1]);
    }
    tmux.wait_for("9 van 10 delen");
    tmux.wait_for("ontbreken: 6");
    scan(&tmux, &parts[5]);
    let screen = tmux.wait_for("Stembureau 2 versie 1 ingelezen.");
    // The board shows it: the station's own record is its first entry at the desk.
    assert!(screen.contains("in invoer 1"), "{screen}");
    let row = screen
        .lines()
        .find(|l| l.trim_start().starts_with("2 "))
        .unwrap_or_else(|| panic!("station 2's row:\n{screen}"));
    assert!(row.contains(" QR "), "{row}");

    tmux.keys(&["Escape"]);
    tmux.wait_for("Typ: zoek");
    // The station screen says it too, without waiting for a change from elsewhere.
    tmux.keys(&["Escape"]);
    let screen = tmux.wait_for("Kies het stembureau");
    let row = screen
        .lines()
        .find(|l| l.trim_start().starts_with("2 "))
        .unwrap_or_else(|| panic!("station 2's line:\n{screen}"));
    assert!(row.contains("wacht op de tweede invoer"), "{row}");
    tmux.keys(&["q", "j"]);
    let ws = Workspace::open_read_only(&data).expect("workspace");
    let stored = ws.record(2).expect("read").expect("station 2 imported");
    assert_eq!(stored.votes, records[1].votes);
    assert_eq!(stored.candidate_votes, records[1].candidate_votes);
    assert!(
        ws.record(3).expect("read").is_none(),
        "the refused part imported nothing"
    );
}
