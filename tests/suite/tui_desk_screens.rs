//! The desk's screens (proces-verbaal overnemen, double entry), in Dutch and English,
//! at 80x24, as the operator sees them (insta snapshots of ratatui's TestBackend).

use crate::support::screen::render;
use telraam::desk::{BoxValue, Desk, Source};
use telraam::election::Election;
use telraam::form::Target;
use telraam::record::{Field, Mark};
use telraam::settings::Language;
use telraam::tui::desk::DeskMsg;
use telraam::tui::{App, Msg};

fn send(app: &mut App, msgs: &[Msg]) {
    for m in msgs {
        app.update(m.clone());
    }
}

fn load(app: &mut App, desk: Desk) {
    app.update(Msg::Desk(DeskMsg::Loaded {
        desk,
        expected: Vec::new(),
    }));
}

/// The desk of station 3 opened by `who` (the name confirmed), with `desk` stored.
fn desk_app(language: Language, who: &str, desk: Desk) -> App {
    let mut app = App::new(Election::demo(), language, &[], None);
    app.desk.default_operator = who.into();
    send(&mut app, &[Msg::Desk(DeskMsg::Open(3)), Msg::Confirm]);
    load(&mut app, desk);
    app
}

/// A paper with A = 700, B = 12 and D = 713 (F.201), H = 712.
fn wrong_d(desk: &mut Desk, who: &str) -> u8 {
    let e = Election::demo();
    let n = desk.start(&e, who, Source::Paper, None).expect("start");
    let figures = [
        (Field::PollCards, 700),
        (Field::ProxyCertificates, 12),
        (Field::TotalAdmitted, 713),
        (Field::ListTotal(1), 400),
        (Field::ListTotal(2), 200),
        (Field::ListTotal(3), 80),
        (Field::ListTotal(4), 20),
        (Field::TotalOnLists, 700),
        (Field::Blank, 6),
        (Field::Invalid, 6),
        (Field::TotalCast, 712),
    ];
    for (f, v) in figures {
        desk.set(&e, n, who, Target::Count(f), BoxValue::Count(Some(v)))
            .expect("set");
    }
    desk.set(&e, n, who, Target::Mark(Mark::Fewer), BoxValue::Mark(true))
        .expect("tick");
    n
}

fn screens(language: Language) -> Vec<(&'static str, App)> {
    let e = Election::demo();
    let mut out = Vec::new();

    let mut app = App::new(Election::demo(), language, &[], None);
    app.desk.default_operator = "Anna".into();
    send(&mut app, &[Msg::Desk(DeskMsg::Open(3))]);
    out.push(("desk_operator", app));

    out.push((
        "desk_overview_new",
        desk_app(language, "Anna", Desk::new(3)),
    ));

    let mut desk = Desk::new(3);
    wrong_d(&mut desk, "Anna");
    // Taken up again (at its first empty box), then F7 and Enter on F.201: at D.
    let mut app = desk_app(language, "Anna", desk.clone());
    send(
        &mut app,
        &[Msg::Confirm, Msg::Desk(DeskMsg::Rules), Msg::Confirm],
    );
    out.push(("desk_typing_wrong_d", app));

    let mut app = desk_app(language, "Anna", desk.clone());
    send(&mut app, &[Msg::Confirm, Msg::Desk(DeskMsg::Rules)]);
    out.push(("desk_rules", app));

    desk.finish(&e, 1, "Anna").expect("finish");
    out.push((
        "desk_awaiting_second",
        desk_app(language, "Bram", desk.clone()),
    ));

    let mut second = desk.clone();
    let n = wrong_d(&mut second, "Bram");
    second
        .set(
            &e,
            n,
            "Bram",
            Target::Count(Field::TotalAdmitted),
            BoxValue::Count(Some(712)),
        )
        .expect("D");
    second.finish(&e, n, "Bram").expect("second");
    let mut app = desk_app(language, "Bram", second.clone());
    send(&mut app, &[Msg::Confirm]);
    out.push(("desk_recheck", app));

    second.finish(&e, n, "Bram").expect("re-checked");
    let mut app = desk_app(language, "Carla", second.clone());
    send(&mut app, &[Msg::Confirm]);
    out.push(("desk_coordinator", app));

    second.keep(2).expect("keep");
    out.push(("desk_accepted", desk_app(language, "Carla", second)));
    out
}

#[test]
fn every_desk_screen_in_dutch_at_80x24() {
    for (name, app) in screens(Language::Dutch) {
        insta::assert_snapshot!(format!("nl_{name}"), render(&app));
    }
}

#[test]
fn every_desk_screen_in_english_at_80x24() {
    for (name, app) in screens(Language::English) {
        insta::assert_snapshot!(format!("en_{name}"), render(&app));
    }
}

#[test]
fn the_re_check_never_shows_the_first_entrys_figure() {
    let e = Election::demo();
    let mut desk = Desk::new(3);
    wrong_d(&mut desk, "Anna");
    desk.finish(&e, 1, "Anna").expect("finish");
    let n = wrong_d(&mut desk, "Bram");
    desk.set(
        &e,
        n,
        "Bram",
        Target::Count(Field::TotalAdmitted),
        BoxValue::Count(Some(712)),
    )
    .expect("D");
    desk.finish(&e, n, "Bram").expect("second");
    let mut app = desk_app(Language::Dutch, "Bram", desk);
    send(&mut app, &[Msg::Confirm]);
    let screen = render(&app);
    assert!(screen.contains("D  totaal toegelaten kiezers"), "{screen}");
    assert!(screen.contains("712"), "{screen}");
    assert!(!screen.contains("713"), "Anna's D must not show:\n{screen}");
}

#[test]
fn the_overview_says_whether_the_stations_record_has_the_code_phoned() {
    let e = Election::demo();
    let mut record =
        telraam::record::CountRecord::empty(&e, 3, telraam::record::EntryMode::Transcription);
    record.set(Field::PollCards, Some(700));
    let mut desk = Desk::new(3);
    desk.start(&e, "Anna", Source::QrScan, Some(record.clone()))
        .expect("the station's own record");
    let phoned = telraam::verification::codes(&e, &record).record;
    for (expected, says) in [
        (phoned.clone(), "pv klopt met de telefoon"),
        (vec!["0000-0".to_string(); 4], "pv wijkt af van de telefoon"),
    ] {
        let mut app = App::new(Election::demo(), Language::Dutch, &[], None);
        app.desk.default_operator = "Bram".into();
        send(&mut app, &[Msg::Desk(DeskMsg::Open(3)), Msg::Confirm]);
        app.update(Msg::Desk(DeskMsg::Loaded {
            desk: desk.clone(),
            expected,
        }));
        let screen = render(&app);
        assert!(screen.contains(says), "{screen}");
        assert!(
            screen.contains("het eigen record van het stembureau (QR-codes gescand)"),
            "{screen}"
        );
    }
}

/// The line of `station` on the station screen.
fn station_line(app: &App, station: u32) -> String {
    let screen = render(app);
    screen
        .lines()
        .find(|l| {
            l.trim_start_matches(['"', ' ', '>'])
                .starts_with(&format!("{station} "))
        })
        .unwrap_or_else(|| panic!("no line for station {station}:\n{screen}"))
        .to_string()
}

/// The station screen says where a station stands at the desk, in the desk's words,
/// not the record's state: back from the desk, and from the workspace at start.
#[test]
fn the_station_screen_shows_where_a_station_stands_at_the_desk() {
    let e = Election::demo();
    let mut desk = Desk::new(3);
    wrong_d(&mut desk, "Anna");
    desk.finish(&e, 1, "Anna").expect("finish");
    for (language, awaiting, accepted, draft) in [
        (
            Language::Dutch,
            "wacht op de tweede invoer",
            "goedgekeurd",
            "concept",
        ),
        (
            Language::English,
            "awaiting the second entry",
            "accepted",
            "draft",
        ),
    ] {
        // Back from the desk, Esc.
        let mut app = desk_app(language, "Bram", desk.clone());
        send(&mut app, &[Msg::Back]);
        assert!(station_line(&app, 3).contains(awaiting), "{}", render(&app));
        assert!(!station_line(&app, 2).contains(awaiting));

        // From the workspace: the stage, not the accepted record's state.
        let record =
            telraam::record::CountRecord::empty(&e, 3, telraam::record::EntryMode::Transcription);
        let mut app = App::new(Election::demo(), language, &[record], None);
        assert!(station_line(&app, 3).contains(draft));
        app.update(Msg::DeskStages(
            [(3, telraam::desk::Stage::Accepted)].into_iter().collect(),
        ));
        let line = station_line(&app, 3);
        assert!(line.contains(accepted) && !line.contains(draft), "{line}");
    }
}
