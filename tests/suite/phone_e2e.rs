//! End to end, the receiving side: the real `telraam` binary in a tmux terminal of
//! 80x24 at the municipality. Station 1 of the demo election phones its figures; the
//! operator types them with one figure misheard (F: 8 instead of 3), then the code.
//! A group typed with a wrong check digit is refused at once. The mismatch names
//! exactly the section holding F; corrected, the station verifies, and the workspace
//! and its audit log say so.

use crate::support::tmux;

use telraam::election::Election;
use telraam::record::{CountRecord, Field};
use telraam::result_file;
use telraam::storage::Workspace;
use telraam::storage::phone::PHONE_CHECK;
use telraam::verification::{PhoneItem, PhoneStatus, codes, reading_order};
use tmux::Tmux;

/// What station 1 finalised and reads aloud (the demo vector of the spec).
fn station_record(election: &Election) -> CountRecord {
    let text = include_str!("../data/vectors/juinen-station-1.toml");
    result_file::from_toml("juinen-station-1.toml", text, election).expect("vector reads")
}

/// The keys for one heard item: its digits (none for an empty box) or Space for a
/// ticked box, then Enter.
fn keys_for(item: PhoneItem, heard: &CountRecord) -> Vec<String> {
    let mut keys: Vec<String> = match item {
        PhoneItem::Count(field) => heard
            .get(field)
            .map(|v| v.to_string().chars().map(String::from).collect())
            .unwrap_or_default(),
        PhoneItem::Mark(mark) if heard.mark(mark) => vec!["Space".into()],
        PhoneItem::Mark(_) => Vec::new(),
    };
    keys.push("Enter".into());
    keys
}

fn digits(group: &str) -> Vec<String> {
    group
        .chars()
        .filter(char::is_ascii_digit)
        .map(String::from)
        .collect()
}

#[test]
fn a_misheard_figure_names_its_section_and_once_corrected_the_station_verifies() {
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
    let spoken = codes(&election, &read);
    let mut heard = read.clone();
    heard.set(Field::Blank, Some(8)); // "drie" heard as "acht"

    tmux.keys(&["F2"]);
    tmux.wait_for("Telefonische controle: stembureaus");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Gehoorde cijfers - Stembureau 1");
    let items = reading_order(&election, &heard);
    for chunk in items.chunks(10) {
        let keys: Vec<String> = chunk.iter().flat_map(|i| keys_for(*i, &heard)).collect();
        tmux.keys(&keys);
    }
    tmux.wait_for("Gehoorde code - Stembureau 1");

    // Group 3 misheard first: one digit off. Refused at once, then typed right.
    tmux.keys(&digits(&spoken.record[0]));
    tmux.keys(&digits(&spoken.record[1]));
    let mut wrong = digits(&spoken.record[2]);
    let first: u32 = wrong[0].parse().expect("digit");
    wrong[0] = ((first + 1) % 10).to_string();
    tmux.keys(&wrong);
    tmux.wait_for("groep 3 klopt niet: vraag opnieuw");
    tmux.keys(&digits(&spoken.record[2]));
    tmux.keys(&digits(&spoken.record[3]));
    tmux.wait_for("controlecode wijkt af: vraag nu de sectiecodes");
    for section in &spoken.sections {
        tmux.keys(&digits(&section.group));
    }
    let screen = tmux.wait_for("Deze onderdelen opnieuw laten voorlezen:");
    let named: Vec<&str> = screen
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- "))
        .collect();
    assert_eq!(
        named,
        ["stemmen per lijst en totalen (E t/m H)"],
        "{screen}"
    );

    // Enter: back to E.1, the first figure of that section; F is four further.
    tmux.keys(&["Enter"]);
    tmux.wait_for("> E.1 Lijst Hekking");
    let mut fix: Vec<String> = vec!["Tab".into(); 4];
    fix.extend(["3".into(), "Enter".into(), "PageDown".into()]);
    tmux.keys(&fix);
    tmux.wait_for("KLOPT");
    tmux.keys(&["Enter"]);
    let overview = tmux.wait_for("Telefonische controle: stembureaus");
    assert!(
        overview
            .lines()
            .any(|l| l.contains("Studio The Rules") && l.contains("gecontroleerd")),
        "{overview}"
    );
    drop(tmux);

    let workspace = Workspace::open(&data).expect("workspace opens");
    let statuses = workspace.phone_overview().expect("overview");
    assert_eq!(statuses[0].status, PhoneStatus::Verified);
    assert!(statuses[0].at.is_some());
    let log = workspace.audit_log().expect("audit log");
    let checks: Vec<&str> = log
        .iter()
        .filter(|r| r.what == PHONE_CHECK)
        .map(|r| r.new_value.as_str())
        .collect();
    assert_eq!(checks.len(), 2, "{checks:?}");
    assert!(checks[0].starts_with("differs ") && checks[0].contains("sections=votes "));
    assert!(checks[1].starts_with("verified "));
    assert!(log.iter().any(|r| r.operator == "Gemeente"));
    workspace.verify_audit().expect("audit chain intact");
}
