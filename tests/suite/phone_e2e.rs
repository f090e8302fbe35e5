//! End to end, a whole phone call and what follows it: the real `telraam` binary in
//! tmux terminals of 80x24. Station 1 of the demo election (the finalised record of the
//! spec's vector, imported into the station's workspace) opens its read-aloud screen
//! (`v`), and the codes are read off that screen; at the municipality the operator
//! types the quick report; the operator types
//! it with one figure misheard (F: 8 instead of 3), the quick-report code refuses it,
//! corrected it verifies, and the record code is stored with one group first misheard
//! and refused at once. Later the station's annex QR text is imported: "record matches
//! phone". Then a corrected version with one candidate figure changed arrives: "differs
//! from phone", naming the list.

use crate::support::tmux;

use std::path::Path;
use telraam::annex::qr;
use telraam::election::Election;
use telraam::record::{CountRecord, Field};
use telraam::result_file;
use telraam::storage::Workspace;
use telraam::storage::phone::PHONE_CHECK;
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

/// Runs `telraam import FILE` on the workspace, as the municipality would.
fn import(data: &Path, config: &Path, file: &Path) {
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

/// The station: its finalised record imported, opened, `v`; the codes read off the screen.
fn station_reads_aloud(dir: &Path, station_file: &str) -> (Vec<String>, Vec<String>, String) {
    let data = dir.join("station");
    let config = dir.join("station.toml");
    std::fs::write(&config, "language = \"nl\"\noperator = \"Stembureau 1\"\n").expect("config");
    let file = dir.join("stembureau-1.toml");
    std::fs::write(&file, station_file).expect("station file");
    import(&data, &config, &file);
    let tmux = Tmux::new(format!("telraam-station-{}", std::process::id()), "station");
    tmux.start(&data, &config);
    tmux.wait_for("Studio The Rules");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Vastgesteld");
    tmux.keys(&["v"]);
    let screen = tmux.wait_for_all(&[
        "Code snelle uitslag",
        "Controlecode voor het proces-verbaal",
    ]);
    let groups = wide_groups(&screen);
    assert_eq!(groups.len(), 7, "{screen}");
    (groups[..3].to_vec(), groups[3..].to_vec(), screen)
}

/// The overview line of station 1 once the interface is (re)started.
/// Each start has a server of its own: a killed server's socket is not reused.
fn overview_line(data: &Path, config: &Path, wait: &str, run: u32) -> String {
    let tmux = Tmux::new(
        format!("telraam-phone{run}-{}", std::process::id()),
        "phone",
    );
    tmux.start(data, config);
    tmux.wait_for("Studio The Rules");
    tmux.keys(&["F2"]);
    let screen = tmux.wait_for(wait);
    screen
        .lines()
        .find(|l| l.contains("Studio The Rules"))
        .unwrap_or_default()
        .to_string()
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
    // The station acknowledged its two warnings when it finalised (not part of any code).
    let station_file = VECTOR.replacen(
        "state = \"finalised\"",
        "state = \"finalised\"\nacknowledged_warnings = [\"T.203\", \"T.204\"]",
        1,
    );
    let (quick, record, screen) = station_reads_aloud(dir.path(), &station_file);
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
        let checks: Vec<String> = workspace
            .audit_log()
            .expect("audit log")
            .into_iter()
            .filter(|r| r.what == PHONE_CHECK)
            .map(|r| r.new_value)
            .collect();
        assert_eq!(checks.len(), 2, "{checks:?}");
        assert!(checks[0].starts_with("differs "), "{checks:?}");
        assert!(
            checks[1].starts_with(&format!(
                "verified quick={} expected={} ",
                spoken.quick_text(),
                spoken.record_text()
            )),
            "{checks:?}"
        );
        workspace.verify_audit().expect("audit chain intact");
    }

    // The annex's QR codes, scanned and imported: the record matches the phone.
    let scanned = dir.path().join("scanned.txt");
    std::fs::write(&scanned, qr::part_texts(&station_file).join("\n")).expect("scanned text");
    import(&data, &config, &scanned);
    let line = overview_line(&data, &config, "pv klopt met telefoon", 2);
    assert!(line.contains("pv klopt met telefoon"), "{line}");

    // A corrected version with one candidate figure of list 3 changed (the list total
    // the same): the record differs from the phone, and the list is named.
    let changed = station_file
        .replacen(
            "version = 1",
            "version = 2\ncorrection_reason = \"hertelling\"",
            1,
        )
        .replacen(
            "[candidates.3]\n1 = 166\n2 = 2",
            "[candidates.3]\n1 = 165\n2 = 3",
            1,
        );
    assert!(!changed.contains("1 = 166"));
    let file = dir.path().join("changed.toml");
    std::fs::write(&file, changed).expect("changed file");
    import(&data, &config, &file);
    let line = overview_line(&data, &config, "pv wijkt af van telefoon", 3);
    assert!(line.contains("pv wijkt af van telefoon: lijst 3"), "{line}");

    let workspace = Workspace::open(&data).expect("workspace opens");
    match &workspace.phone_overview().expect("overview")[0].status {
        PhoneStatus::RecordDiffers { located } => {
            assert_eq!(located.sections, ["candidates.3"]);
            assert_eq!(located.matched_version, Some(1));
        }
        other => panic!("{other:?}"),
    }
}
