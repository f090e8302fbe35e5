//! The read-aloud screen and the phone-check screens, in Dutch and English, at 80x24
//! (insta snapshots of ratatui's TestBackend).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use telraam::election::Election;
use telraam::record::{CountRecord, Field, RecordState};
use telraam::result_file;
use telraam::settings::Language;
use telraam::storage::phone::StationPhoneStatus;
use telraam::tui::{App, DoneAction, Msg, PhoneScreen, Screen, view};
use telraam::verification::{PhoneStatus, codes};

fn render(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    terminal
        .draw(|frame| view(frame, app))
        .expect("draw into memory");
    terminal.backend().to_string()
}

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
    assert_eq!(app.screen, Screen::Done);
    app.update(Msg::Done(DoneAction::ReadAloud));
    assert_eq!(app.screen, Screen::ReadAloud);
    app
}

fn overview(language: Language) -> App {
    let election = Election::demo();
    let mut app = App::new(election.clone(), language, &[], None);
    app.update(Msg::PhoneCheck);
    let statuses = [
        (PhoneStatus::Verified, Some("2026-03-18T21:47:12.004Z")),
        (PhoneStatus::Differs, Some("2026-03-18T21:52:40.611Z")),
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

/// Station 1's figures typed with F heard as 8 instead of 3, then every group read.
fn differs(language: Language) -> App {
    let mut app = overview(language);
    app.update(Msg::Confirm);
    let read = finalised();
    let mut heard = read.clone();
    heard.set(Field::Blank, Some(8));
    let items = app.phone.items(&app);
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
            telraam::verification::PhoneItem::Mark(m) => {
                if heard.mark(m) {
                    app.update(Msg::Toggle);
                }
            }
        }
        app.update(Msg::Confirm);
    }
    for group in codes(&app.election, &read).all_groups() {
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
fn the_read_aloud_screen_shows_the_code_of_the_vector_and_its_words() {
    let app = read_aloud(Language::Dutch);
    let screen = render(&app);
    let expected = include_str!("../data/vectors/juinen-station-1.codes.txt");
    let record = expected
        .lines()
        .find_map(|l| l.strip_prefix("record "))
        .expect("vector has a record code");
    let first = record.split(' ').next().unwrap_or_default();
    let wide: Vec<String> = first.chars().map(|c| c.to_string()).collect();
    assert!(screen.contains(&wide.join(" ")), "{screen}");
    assert!(screen.contains("streepje"), "{screen}");
    let english = render(&read_aloud(Language::English));
    assert!(english.contains(" dash "), "{english}");
}

#[test]
fn a_mismatch_names_only_the_section_that_differs() {
    let app = differs(Language::English);
    assert_eq!(app.screen, Screen::Phone(PhoneScreen::Code));
    let screen = render(&app);
    let named: Vec<&str> = screen
        .lines()
        .filter_map(|l| l.trim_start_matches('"').trim().strip_prefix("- "))
        .map(|s| s.trim_end_matches('"').trim())
        .collect();
    assert_eq!(named, ["votes per list and totals (E to H)"], "{screen}");
}
