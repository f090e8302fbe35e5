//! The read-aloud screen and the phone-check screens, in Dutch and English, at 80x24
//! (insta snapshots of ratatui's TestBackend).

use crate::support::eml::{import_counts, stderr, tk_230b, tk_510b};
use crate::support::screen::render;
use telraam::election::Election;
use telraam::event::{ListSum, Located};
use telraam::record::{CountRecord, Field, RecordState};
use telraam::result_file;
use telraam::settings::Language;
use telraam::storage::Workspace;
use telraam::storage::phone::StationPhoneStatus;
use telraam::tui::{App, DoneAction, Msg, PhoneScreen, Screen, ScreenKind};
use telraam::verification::{PhoneStatus, codes};

/// The finalised demo station of the test vectors.
fn finalised() -> CountRecord {
    let text = include_str!("../data/vectors/juinen-station-1.toml");
    let record = result_file::from_toml("juinen-station-1.toml", text, &Election::demo())
        .expect("the vector reads");
    assert_eq!(record.lifecycle.state, RecordState::Finalised);
    record
}

fn read_aloud(language: Language) -> App {
    let mut app = App::new(Election::demo(), language, &[], None);
    app.update(Msg::Opened(finalised()));
    assert_eq!(app.screen.kind(), ScreenKind::Done);
    app.update(Msg::Done(DoneAction::ReadAloud));
    assert_eq!(app.screen.kind(), ScreenKind::ReadAloud);
    app
}

fn overview(language: Language) -> App {
    let election = Election::demo();
    let mut app = App::new(election.clone(), language, &[], None);
    app.update(Msg::PhoneCheck);
    let statuses = [
        (PhoneStatus::QuickVerified, Some("2026-03-18T21:47:12.004Z")),
        (
            PhoneStatus::RecordDiffers {
                located: Located {
                    phoned_figures_known: true,
                    lists: vec![ListSum {
                        list: 3,
                        candidates: 558,
                        phoned: Some(559),
                    }],
                    ..Located::default()
                },
            },
            Some("2026-03-18T21:52:40.611Z"),
        ),
        (PhoneStatus::NotReceived, None),
    ];
    let overview = election
        .stations
        .iter()
        .zip(statuses)
        .map(|(s, (status, at))| StationPhoneStatus {
            station: s.number,
            name: s.name.clone(),
            status,
            at: at.map(str::to_string),
        })
        .collect();
    app.update(Msg::PhoneOverview(overview));
    app
}

/// Station 1's quick report typed with F heard as 8 instead of 3, then its code.
fn differs(language: Language) -> App {
    let mut app = overview(language);
    app.update(Msg::Confirm);
    let read = finalised();
    let mut heard = read.clone();
    heard.set(Field::Blank, Some(8));
    let items = app.phone.items();
    for item in items {
        match item {
            telraam::verification::PhoneItem::Count(f) => {
                for c in heard
                    .get(f)
                    .map(|v| v.to_string())
                    .unwrap_or_default()
                    .chars()
                {
                    app.update(Msg::Char(c));
                }
            }
            telraam::verification::PhoneItem::Mark(_) => {}
        }
        app.update(Msg::Confirm);
    }
    for group in codes(&app.election, &read).quick {
        for c in group.chars() {
            app.update(Msg::Char(c));
        }
    }
    app
}

fn screens(language: Language) -> Vec<(&'static str, App)> {
    let mut figures = overview(language);
    figures.update(Msg::Confirm);
    for c in "205".chars() {
        figures.update(Msg::Char(c));
    }
    figures.update(Msg::Confirm);
    figures.update(Msg::Char('2'));
    let mut code = figures.clone();
    code.update(Msg::NextStep);
    for c in "12345".chars() {
        code.update(Msg::Char(c));
    }
    vec![
        ("read_aloud", read_aloud(language)),
        ("phone_overview", overview(language)),
        ("phone_figures", figures),
        ("phone_code_refused", code),
        ("phone_code_differs", differs(language)),
    ]
}

#[test]
fn phone_screens_in_dutch_at_80x24() {
    for (name, app) in screens(Language::Dutch) {
        insta::assert_snapshot!(format!("nl_{name}"), render(&app));
    }
}

#[test]
fn phone_screens_in_english_at_80x24() {
    for (name, app) in screens(Language::English) {
        insta::assert_snapshot!(format!("en_{name}"), render(&app));
    }
}

#[test]
fn the_read_aloud_screen_shows_both_codes_of_the_vector_in_order_and_in_words() {
    let app = read_aloud(Language::Dutch);
    let screen = render(&app);
    let expected = include_str!("../data/vectors/juinen-station-1.codes.txt");
    let wide_first = |prefix: &str| -> String {
        let code = expected
            .lines()
            .find_map(|l| l.strip_prefix(prefix))
            .expect("vector has the code");
        let first = code.split(' ').next().unwrap_or_default();
        first
            .chars()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let quick = screen
        .find(&wide_first("quick "))
        .expect("quick code on screen");
    let record = screen
        .find(&wide_first("record "))
        .expect("record code on screen");
    assert!(
        quick < record,
        "the quick-report code comes first\n{screen}"
    );
    assert!(screen.contains("voor het proces-verbaal"), "{screen}");
    assert!(screen.contains("E.1 Lijst Hekking"), "{screen}");
    assert!(screen.contains("streepje"), "{screen}");
    assert!(!screen.contains("Sectiecodes"), "{screen}");
    let english = render(&read_aloud(Language::English));
    assert!(english.contains(" dash "), "{english}");
}

#[test]
fn a_misheard_figure_fails_the_quick_report_code() {
    let app = differs(Language::English);
    assert!(matches!(
        (&app.screen, &app.phone.screen),
        (Screen::Phone, PhoneScreen::Code(_))
    ));
    let screen = render(&app);
    assert!(
        screen.contains("the quick-report code does not match"),
        "{screen}"
    );
    assert!(!screen.contains("Record code for the paper"), "{screen}");
}

#[test]
fn the_quick_report_says_at_once_when_it_does_not_add_up() {
    let mut app = overview(Language::Dutch);
    app.update(Msg::Confirm);
    let items = app.phone.items();
    // List 1 heard as 235, the rest 0, D 200: "sluit niet (+35)" before any code.
    for (i, _) in items.iter().enumerate() {
        let typed = match i {
            0 => "235",
            i if i + 1 == items.len() => "200",
            _ => "0",
        };
        for c in typed.chars() {
            app.update(Msg::Char(c));
        }
        app.update(Msg::Confirm);
        if i + 2 == items.len() {
            break;
        }
    }
    app.update(Msg::Char('2'));
    app.update(Msg::Char('0'));
    app.update(Msg::Char('0'));
    app.update(Msg::Prev);
    let screen = render(&app);
    assert!(screen.contains("sluit niet (+35)"), "{screen}");
}

/// Every key the receiver presses for a whole phone check of `read` (station 1), from
/// the overview: Enter to open the station, the quick report's digits with one Enter
/// per figure, then both codes' digits; checked to end with the record code stored.
fn keys_for_a_phone_check(election: &Election, read: &CountRecord) -> usize {
    let mut app = App::new(election.clone(), Language::Dutch, &[], None);
    app.update(Msg::PhoneCheck);
    app.update(Msg::PhoneOverview(vec![StationPhoneStatus {
        station: read.station,
        name: String::new(),
        status: PhoneStatus::NotReceived,
        at: None,
    }]));
    let mut keys = vec![Msg::Confirm];
    for figure in telraam::verification::quick_report(election, read) {
        if let Some(v) = figure.value {
            keys.extend(v.to_string().chars().map(Msg::Char));
        }
        keys.push(Msg::Confirm);
    }
    let spoken = codes(election, read);
    for group in spoken.quick.iter().chain(&spoken.record) {
        keys.extend(group.chars().filter(char::is_ascii_digit).map(Msg::Char));
    }
    let count = keys.len();
    for key in keys {
        app.update(key);
    }
    let check = &app.phone.call().expect("a check in progress").check;
    assert_eq!(check.expected_record_code(), Some(spoken.record.as_slice()));
    count
}

/// The counts quoted in the README ("Keys for a phone check").
#[test]
fn keys_for_a_phone_check_of_the_demo_station_and_of_a_24_list_station() {
    let election = Election::demo();
    assert_eq!(keys_for_a_phone_check(&election, &finalised()), 61);

    // The first station of the TK-like count of kieskring 6 (tests/data/eml/
    // tk-like-kieskring-6/): 24 lists, 1-23 and 26, imported from its 510b.
    let home = tempfile::tempdir().expect("temp dir");
    let ws = home.path().join("tk");
    let out = import_counts(home.path(), &ws, &tk_510b(), &tk_230b(), None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let workspace = Workspace::open(&ws).expect("workspace");
    let tk = workspace.election().clone();
    assert_eq!(tk.lists.len(), 24);
    let record = workspace
        .records()
        .expect("records")
        .into_iter()
        .next()
        .expect("a station");
    let keys = keys_for_a_phone_check(&tk, &record);
    println!(
        "keys for a phone check of TK-like station {} ({} lists, D = {:?}): {keys}",
        record.station,
        tk.lists.len(),
        record.get(Field::TotalAdmitted)
    );
    assert_eq!(keys, 130);
}
