//! End to end at the municipality's desk: the real `telraam` binary in tmux terminals
//! of 80x24, one session per typist (the name is asked once per session, the settings'
//! name offered). Station 3 of the demo election.
//!
//! (1) A paper PV with a wrong D (713, while A + B = 712 and "D = H" is ticked with
//! H = 712): typed in transcription mode, the screen shows the paper's D beside what
//! A + B make and F.201, and F7 + Enter jump to D.
//! A second entry by another typist with D = 712 differs in exactly D; the second
//! typist is told "D", re-checks it, and the coordinator keeps the second entry:
//! `aggregate` adds up D = 712.
//!
//! (2) Two entries with one typo (E.2: 200 and 210) differ in exactly E.2; the second
//! typist is told the box but never sees 200; the coordinator sees both side by side,
//! keeps entry 1, and the station is accepted and added up.

use crate::support::tmux::{self, Tmux};
use std::path::Path;
use telraam::desk::Stage;
use telraam::storage::Workspace;

/// A session of `who` at the desk of station 3, on the overview.
fn session(dir: &Path, who: &str, run: &str) -> Tmux {
    let config = dir.join(format!("{who}.toml"));
    std::fs::write(
        &config,
        format!("language = \"nl\"\noperator = \"{who}\"\n"),
    )
    .expect("config");
    let t = Tmux::new(format!("telraam-desk-{run}-{}", std::process::id()), "desk");
    t.start(&dir.join("ws"), &config);
    t.wait_for("Kies het stembureau");
    t.keys(&["3", "F9"]);
    let screen = t.wait_for("Wie typt er?");
    assert!(
        screen.contains(&format!("[{who}_]")),
        "the settings' name is offered:\n{screen}"
    );
    t.keys(&["Enter"]);
    t.wait_for("Enter volgende stap");
    t
}

/// Types each figure and Enter; "sp" ticks a box, "dn" goes on without typing.
fn type_in(t: &Tmux, figures: &[&str]) {
    for f in figures {
        match *f {
            "sp" => t.keys(&["Space"]),
            "dn" => t.keys(&["Down"]),
            digits => {
                t.keys(&["-l", digits]);
                t.keys(&["Enter"]);
            }
        }
    }
}

/// Sections 1 to 3 of the paper: A, B, D, E.1-E.4, E, F, G, H and "D = H" ticked;
/// `d` and `e2` as given.
fn paper<'a>(d: &'a str, e2: &'a str) -> Vec<&'a str> {
    // The station ticked "D = H" (H is 712): with D written as 713 that is wrong
    // too (F.301), as the paper says.
    vec![
        "700", "12", d, "400", e2, "80", "20", "700", "6", "6", "712", "sp",
    ]
}

fn stage(dir: &Path) -> Stage {
    let ws = Workspace::open(&dir.join("ws")).expect("workspace");
    ws.entry_states()
        .expect("states")
        .into_iter()
        .find(|s| s.station == 3)
        .map_or(Stage::NoEntry, |s| s.stage)
}

fn finish(t: &Tmux) {
    t.keys(&["F8"]);
    t.wait_for("klaar? Daarna kunt u die niet meer wijzigen");
    t.keys(&["j"]);
}

/// Back to the station screen and out; returns station 3's line there.
fn quit(t: &Tmux) -> String {
    t.keys(&["Escape"]);
    let stations = t.wait_for("Kies het stembureau");
    t.keys(&["q", "j"]);
    station_3(&stations)
}

/// Station 3's line on the station screen.
fn station_3(screen: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains("3  De Positivozaal"))
        .unwrap_or_else(|| panic!("no station 3:\n{screen}"))
        .to_string()
}

fn typed_entry(dir: &Path, who: &str, figures: &[&str], run: &str) -> Tmux {
    let t = session(dir, who, run);
    t.keys(&["Enter"]);
    t.wait_for(&format!("door {who}"));
    type_in(&t, figures);
    t
}

fn aggregate(dir: &Path) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_telraam"))
        .arg("--data")
        .arg(dir.join("ws"))
        .args(["--lang", "nl", "aggregate"])
        .env("HOME", dir)
        .output()
        .expect("telraam runs");
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    text
}

/// The coordinator's session: both values side by side, then `choice` (0 = keep
/// entry 1, 1 = keep entry 2) confirmed.
fn coordinator(dir: &Path, choice: usize, both: &[&str], run: &str) {
    let t = session(dir, "Carla", run);
    t.keys(&["Enter"]);
    let screen = t.wait_for("Coördinator: de invoeren verschillen");
    for text in both {
        assert!(screen.contains(text), "{text}:\n{screen}");
    }
    for _ in 0..choice {
        t.keys(&["Down"]);
    }
    t.keys(&["Enter"]);
    t.wait_for("behouden en het stembureau goedkeuren? (j/n)");
    t.keys(&["j"]);
    t.wait_for("Goedgekeurd: dit proces-verbaal wordt opgeteld.");
    let line = quit(&t);
    assert!(line.contains("goedgekeurd"), "{line}");
}

#[test]
fn a_wrong_d_is_shown_as_on_paper_with_f201_and_corrected_by_a_second_entry() {
    if !tmux::available() {
        eprintln!("skipped: tmux is not installed (scripts/test.sh installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let figures = paper("713", "200");
    let anna = typed_entry(dir.path(), "Anna", &figures[..3], "anna");
    // The paper's D in its box, what A + B make beside it.
    anna.wait_for("D  totaal toegelaten kiezers         [      713]  A + B = 712  <- wijkt af");
    type_in(&anna, &figures[3..]);
    anna.keys(&["F7"]);
    let rules = anna.wait_for("F.201 fout A, B, D: A + B = 712, maar D");
    assert!(rules.contains("> F.201"), "{rules}");
    anna.keys(&["Enter"]);
    let back = anna.wait_for("F8 klaar");
    assert!(
        back.contains("> D  totaal toegelaten kiezers"),
        "Enter on F.201 jumps to D:\n{back}"
    );
    finish(&anna);
    anna.wait_for("wacht op de tweede invoer");
    // The station screen says where station 3 stands at the desk, not "concept".
    let line = quit(&anna);
    assert!(line.contains("wacht op de tweede invoer"), "{line}");
    drop(anna);

    // The same typist may not type the second entry.
    let again = session(dir.path(), "Anna", "anna-again");
    again.keys(&["Enter"]);
    again.wait_for("Anna typte de eerste invoer; de tweede invoer doet iemand anders");
    quit(&again);
    drop(again);

    let bram = typed_entry(dir.path(), "Bram", &paper("712", "200"), "bram");
    finish(&bram);
    let told = bram.wait_for("De invoeren verschillen in 1 vak: D (W.001)");
    assert!(told.contains("Nakijken"), "{told}");
    assert!(!told.contains("713"), "Anna's D is never shown:\n{told}");
    type_in(&bram, &["712"]);
    finish(&bram);
    bram.wait_for("bij de coördinator");
    let line = quit(&bram);
    assert!(line.contains("bij de coördinator"), "{line}");
    drop(bram);
    assert_eq!(stage(dir.path()), Stage::AtCoordinator);
    // A new window reads it from the workspace at start.
    let fresh = Tmux::new(format!("telraam-desk-fresh-{}", std::process::id()), "desk");
    fresh.start(&dir.path().join("ws"), &dir.path().join("Bram.toml"));
    let line = station_3(&fresh.wait_for("Kies het stembureau"));
    assert!(line.contains("bij de coördinator"), "{line}");
    fresh.keys(&["q", "j"]);
    drop(fresh);
    assert!(aggregate(dir.path()).contains("3 (bij de coördinator)"));

    coordinator(
        dir.path(),
        1,
        &["713", "712", "invoer 1 (Anna)", "invoer 2 (Bram)"],
        "carla",
    );
    assert_eq!(stage(dir.path()), Stage::Accepted);
    let totals = aggregate(dir.path());
    assert!(
        totals.contains("D  totaal toegelaten kiezers                            712"),
        "{totals}"
    );
}

#[test]
fn one_typo_differs_in_exactly_that_box_and_the_coordinator_keeps_the_first_entry() {
    if !tmux::available() {
        eprintln!("skipped: tmux is not installed (scripts/test.sh installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let anna = typed_entry(dir.path(), "Anna", &paper("712", "200"), "typo-anna");
    finish(&anna);
    anna.wait_for("wacht op de tweede invoer");
    quit(&anna);
    drop(anna);

    let bram = typed_entry(dir.path(), "Bram", &paper("712", "210"), "typo-bram");
    finish(&bram);
    let told = bram.wait_for("De invoeren verschillen in 1 vak: E.2 (W.001)");
    assert!(
        told.contains("> E.2  totaal lijst 2                  [      210]"),
        "only E.2, with Bram's own figure:\n{told}"
    );
    assert!(
        !told.contains("200"),
        "Anna's figure is never shown:\n{told}"
    );
    // Bram reads the paper again and keeps 210: the coordinator decides.
    type_in(&bram, &["210"]);
    finish(&bram);
    bram.wait_for("bij de coördinator");
    quit(&bram);
    drop(bram);

    coordinator(
        dir.path(),
        0,
        &["E.2  totaal lijst 2", "200", "210"],
        "typo-carla",
    );
    assert_eq!(stage(dir.path()), Stage::Accepted);
    let ws = Workspace::open(&dir.path().join("ws")).expect("workspace");
    let record = ws.record(3).expect("read").expect("accepted record");
    assert_eq!(record.list_total(2), Some(200));
    let log = ws.audit_log().expect("log");
    for what in [
        "entry 1 finished",
        "entry 2 finished",
        "entry 1 kept by the coordinator",
        "double entry accepted",
    ] {
        assert!(log.iter().any(|r| r.what == what), "{what} is audited");
    }
    ws.verify_audit().expect("chain intact");
    assert!(aggregate(dir.path()).contains("(1 stembureaus)"));
}
