//! End to end, a whole phone call and what follows it: the real `telraam` binary in
//! tmux terminals of 80x24, a station's workspace and the municipality's.
//!
//! The station counts station 1 of the demo election in the interface (the figures of
//! the spec's vector: A, B, the lists, F, G, the ballot stock, "fully explained", the
//! note, every candidate), acknowledges its warnings, finalises, and opens the
//! read-aloud screen (`v`); the codes are read off that screen. At the municipality
//! the operator types the quick report with one figure misheard (F: 8 instead of 3):
//! the bottom line already says the lists + F + G do not add up to D as they should,
//! and the quick-report code refuses it; corrected, it verifies, and the record code is
//! stored with one group first misheard and refused at once. Later the station's annex
//! QR text (the result file its annex encodes, cut into the QR parts) is imported:
//! "record matches phone", said by the import and on the overview. Then a corrected
//! version with one candidate figure of list 3 changed arrives: "differs from phone",
//! naming list 3.

use crate::support::tmux;

use std::path::Path;
use telraam::annex::{AnnexInput, qr};
use telraam::election::Election;
use telraam::event::AuditEvent;
use telraam::record::{CountRecord, Field};
use telraam::result_file;
use telraam::storage::Workspace;
use telraam::verification::{PhoneStatus, codes, quick_report};
use tmux::Tmux;

const VECTOR: &str = include_str!("../data/vectors/juinen-station-1.toml");

/// What station 1 finalised and reads aloud (the demo vector of the spec).
fn station_record(election: &Election) -> CountRecord {
    result_file::from_toml("juinen-station-1.toml", VECTOR, election).expect("vector reads")
}

fn digits(group: &str) -> Vec<String> {
    group
        .chars()
        .filter(char::is_ascii_digit)
        .map(String::from)
        .collect()
}

/// Runs `telraam import FILE` on the workspace, as the municipality would; its output.
fn import(data: &Path, config: &Path, file: &Path) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_telraam"))
        .arg("--data")
        .arg(data)
        .arg("--config")
        .arg(config)
        .arg("import")
        .arg(file)
        .output()
        .expect("telraam runs");
    assert!(
        out.status.success(),
        "import failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// As [`import`], for a file that says finalised but does not pass the finalise check
/// (it is kept as a draft and the import exits 1, naming the rules); its output.
fn import_found(data: &Path, config: &Path, file: &Path) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_telraam"))
        .arg("--data")
        .arg(data)
        .arg("--config")
        .arg(config)
        .arg("import")
        .arg(file)
        .output()
        .expect("telraam runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Types one figure as the station would: its digits and Enter (a zero: Enter alone).
fn figure(tmux: &Tmux, value: Option<u64>) {
    let mut keys: Vec<String> = match value {
        Some(v) if v > 0 => v.to_string().chars().map(String::from).collect(),
        _ => Vec::new(),
    };
    keys.push("Enter".into());
    tmux.keys(&keys);
}

/// The groups drawn wide on a screen ("3 3 0 1 - 7" → "3301-7"), top to bottom.
fn wide_groups(screen: &str) -> Vec<String> {
    let mut groups = Vec::new();
    for line in screen.lines() {
        let chars: Vec<char> = line.chars().collect();
        for start in 0..chars.len().saturating_sub(10) {
            let w: String = chars[start..start + 11].iter().collect();
            let b = w.as_bytes();
            let digit = |i: usize| b[i].is_ascii_digit();
            if (0..5).all(|k| digit(2 * k + usize::from(k == 4) * 2))
                && &w[1..2] == " "
                && &w[7..10] == " - "
                && (start == 0 || chars[start - 1] == ' ')
            {
                groups.push(format!(
                    "{}{}{}{}-{}",
                    &w[0..1],
                    &w[2..3],
                    &w[4..5],
                    &w[6..7],
                    &w[10..11]
                ));
            }
        }
    }
    groups
}

/// The station counts `read` in the interface, finalises it and opens the read-aloud
/// screen; the codes are read off that screen. Returns them, the screen, and the
/// station's workspace.
fn station_counts_and_reads_aloud(
    dir: &Path,
    election: &Election,
    read: &CountRecord,
) -> (Vec<String>, Vec<String>, String, std::path::PathBuf) {
    let data = dir.join("station");
    let config = dir.join("station.toml");
    std::fs::write(&config, "language = \"nl\"\noperator = \"Stembureau 1\"\n").expect("config");
    let tmux = Tmux::new(format!("telraam-station-{}", std::process::id()), "station");
    tmux.start(&data, &config);
    tmux.wait_for("Kies het stembureau");
    tmux.keys(&["1", "Enter"]);
    tmux.wait_for("A  stempassen");
    figure(&tmux, read.get(Field::PollCards));
    figure(&tmux, read.get(Field::ProxyCertificates));
    tmux.wait_for("> D = A + B = 1726 + 14");
    tmux.keys(&["Enter"]);
    tmux.wait_for("[F4 Stemmen]");
    for list in &election.lists {
        figure(&tmux, read.get(Field::ListTotal(list.number)));
    }
    figure(&tmux, read.get(Field::Blank));
    figure(&tmux, read.get(Field::Invalid));
    tmux.wait_for("H is 2 minder dan D (J = 2)");
    for field in [
        Field::BallotsReceived,
        Field::BallotsUnused,
        Field::BallotsSpoiled,
    ] {
        figure(&tmux, read.get(field));
    }
    tmux.keys(&["j"]);
    tmux.keys(&[read.differences.note.as_str()]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Lijst 1 Lijst Hekking (1 van 4)");
    for list in &election.lists {
        for candidate in &list.candidates {
            figure(
                &tmux,
                read.get(Field::Candidate {
                    list: list.number,
                    candidate: candidate.number,
                }),
            );
        }
    }
    let screen = tmux.wait_for("[F7 Controle]");
    assert!(screen.contains("FOUT: 0 "), "no errors:\n{screen}");
    let warnings: usize = screen
        .split("WAARSCHUWING: ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("the warning count is shown");
    for _ in 0..warnings {
        tmux.keys(&["Space"]);
    }
    tmux.wait_for(&format!("{warnings} van {warnings} bevestigd"));
    tmux.keys(&["PageDown"]);
    tmux.wait_for_all(&["[F8 Vaststellen]", " Enter vaststellen "]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Definitief vaststellen?");
    tmux.keys(&["j"]);
    tmux.wait_for("Vastgesteld - Stembureau 1");
    tmux.keys(&["v"]);
    let screen = tmux.wait_for_all(&[
        "Code snelle uitslag",
        "Controlecode voor het proces-verbaal",
    ]);
    let groups = wide_groups(&screen);
    assert_eq!(groups.len(), 7, "{screen}");
    tmux.keys(&["Escape", "q"]);
    tmux.wait_for("Wilt u stoppen?");
    tmux.keys(&["j"]);
    (groups[..3].to_vec(), groups[3..].to_vec(), screen, data)
}

/// The phone overview once the interface is (re)started.
/// Each start has a server of its own: a killed server's socket is not reused.
fn overview_screen(data: &Path, config: &Path, wait: &str, run: u32) -> String {
    let tmux = Tmux::new(
        format!("telraam-phone{run}-{}", std::process::id()),
        "phone",
    );
    tmux.start(data, config);
    tmux.wait_for("Studio The Rules");
    tmux.keys(&["F2"]);
    tmux.wait_for(wait)
}

#[test]
fn a_whole_call_then_the_record_arrives_and_is_compared_with_the_phoned_code() {
    if !tmux::available() {
        eprintln!("SKIPPED: tmux is not installed (scripts/test.sh installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("workspace");
    let config = dir.path().join("telraam.toml");
    std::fs::write(&config, "language = \"nl\"\noperator = \"Gemeente\"\n").expect("config");
    let tmux = Tmux::new(format!("telraam-phone-{}", std::process::id()), "phone");
    tmux.start(&data, &config);
    tmux.wait_for("Studio The Rules");

    let election = Election::demo();
    let read = station_record(&election);
    let (quick, record, screen, station_data) =
        station_counts_and_reads_aloud(dir.path(), &election, &read);
    assert!(screen.contains("E.1 Lijst Hekking"), "{screen}");
    assert!(
        screen.contains("drie drie nul"),
        "digits as words\n{screen}"
    );
    let spoken = codes(&election, &read);
    assert_eq!(
        (&quick, &record),
        (&spoken.quick, &spoken.record),
        "{screen}"
    );

    tmux.keys(&["F2"]);
    tmux.wait_for("Telefonische controle: stembureaus");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Gehoorde cijfers - Stembureau 1");
    // The quick report as heard: F "drie" heard as "acht". One Enter per figure; the
    // last Enter goes on to the code.
    let mut keys: Vec<String> = Vec::new();
    for figure in quick_report(&election, &read) {
        let value = match figure.field {
            Field::Blank => Some(8),
            _ => figure.value,
        };
        if let Some(v) = value {
            keys.extend(v.to_string().chars().map(String::from));
        }
        keys.push("Enter".into());
    }
    let (figures, last) = keys.split_at(keys.len() - 1);
    tmux.keys(figures);
    // Live plausibility before any code: lists + F + G is 3 more than D (the paper's
    // H is 2 less than D, explained): below the W.203 thresholds, said as small.
    tmux.wait_for("lijsten + F + G tegen D: klein verschil (+3)");
    tmux.keys(last);
    tmux.wait_for("Gehoorde code - Stembureau 1");
    for group in &quick {
        tmux.keys(&digits(group));
    }
    tmux.wait_for("code snelle uitslag wijkt af");

    // Enter: back to E.1; F is the fifth figure. Corrected, the code matches.
    tmux.keys(&["Enter"]);
    tmux.wait_for("> E.1 Lijst Hekking");
    let lists = election.lists.len();
    let mut fix: Vec<String> = vec!["Tab".into(); lists];
    fix.extend(["3".into(), "Enter".into(), "PageDown".into()]);
    tmux.keys(&fix);
    tmux.wait_for("Gehoorde code - Stembureau 1");
    for group in &quick {
        tmux.keys(&digits(group));
    }
    tmux.wait_for("snelle uitslag klopt: typ nu de controlecode");

    // The record code for the paper; group 3 misheard first, refused at once.
    tmux.keys(&digits(&record[0]));
    tmux.keys(&digits(&record[1]));
    let mut wrong = digits(&record[2]);
    let first: u32 = wrong[0].parse().expect("digit");
    wrong[0] = ((first + 1) % 10).to_string();
    tmux.keys(&wrong);
    tmux.wait_for("groep 3 klopt niet: vraag opnieuw");
    tmux.keys(&digits(&record[2]));
    tmux.keys(&digits(&record[3]));
    tmux.wait_for("BEWAARD");
    tmux.keys(&["Enter"]);
    let overview = tmux.wait_for("Telefonische controle: stembureaus");
    assert!(
        overview
            .lines()
            .any(|l| l.contains("Studio The Rules") && l.contains("snelle uitslag klopt")),
        "{overview}"
    );
    tmux.keys(&["Escape", "q"]);
    drop(tmux);

    {
        let workspace = Workspace::open(&data).expect("workspace opens");
        let checks = workspace.phone_checks().expect("phone checks");
        assert_eq!(checks.len(), 1, "one station checked");
        let stored = &checks[0].check;
        assert!(stored.verified);
        assert_eq!(
            (&stored.quick, &stored.expected),
            (&spoken.quick, &spoken.record)
        );
        let heard: Vec<Option<u64>> = stored.figures.iter().flatten().map(|f| f.value).collect();
        let phoned: Vec<Option<u64>> = quick_report(&election, &read)
            .iter()
            .map(|f| f.value)
            .collect();
        assert_eq!(heard, phoned, "the corrected figures are what is kept");
        let typed: Vec<bool> = workspace
            .audit_log()
            .expect("audit log")
            .iter()
            .filter_map(|r| match r.event() {
                Some(Ok(AuditEvent::PhoneCheck(c))) => Some(c.verified),
                _ => None,
            })
            .collect();
        assert_eq!(
            typed,
            [false, true],
            "both checks are in the chain, as data"
        );
        workspace.verify_audit().expect("audit chain intact");
    }

    // The station's annex: its QR codes hold the result file of what it finalised.
    let finalised = Workspace::open(&station_data)
        .expect("station workspace")
        .record(1)
        .expect("readable")
        .expect("finalised record");
    let station_file = AnnexInput::new(&election, &finalised, "").result_file;
    // Scanned at the municipality and imported: the record matches the phone, at once.
    let scanned = dir.path().join("scanned.txt");
    std::fs::write(&scanned, qr::part_texts(&station_file).join("\n")).expect("scanned text");
    let said = import(&data, &config, &scanned);
    assert!(said.contains("pv klopt met telefoon"), "{said}");
    let screen = overview_screen(&data, &config, "pv klopt met telefoon", 2);
    assert!(
        screen
            .lines()
            .any(|l| l.contains("Studio The Rules") && l.contains("pv klopt met telefoon")),
        "{screen}"
    );

    // A corrected version with one candidate figure of list 3 changed (166 to 165;
    // E.3 left alone): the record differs from the phone, and list 3 is named.
    let changed = station_file
        .replacen(
            "version = 1",
            "version = 2\ncorrection_reason = \"hertelling\"",
            1,
        )
        .replacen("[candidates.3]\n1 = 166\n", "[candidates.3]\n1 = 165\n", 1);
    assert!(changed.contains("1 = 165"), "{changed}");
    let file = dir.path().join("changed.toml");
    std::fs::write(&file, changed).expect("changed file");
    let said = import_found(&data, &config, &file);
    assert!(said.contains("pv wijkt af van telefoon"), "{said}");
    assert!(said.contains("lijst 3"), "{said}");
    let screen = overview_screen(&data, &config, "pv wijkt af van telefoon", 3);
    let line = screen
        .lines()
        .find(|l| l.contains("Studio The Rules"))
        .unwrap_or_default();
    assert!(
        line.contains("pv wijkt af van telefoon: lijst 3"),
        "{screen}"
    );
    assert!(
        screen.contains("lijst 3: kandidaten samen 558, lijsttotaal gebeld 559"),
        "the detail of the selected station says what differs:\n{screen}"
    );

    let workspace = Workspace::open(&data).expect("workspace opens");
    match &workspace.phone_overview().expect("overview")[0].status {
        PhoneStatus::RecordDiffers { located } => {
            assert_eq!(located.sections, ["candidates.3"]);
            assert_eq!(located.matched_version, Some(1));
            assert!(located.quick.is_empty(), "every phoned figure is as phoned");
        }
        other => panic!("{other:?}"),
    }
}
