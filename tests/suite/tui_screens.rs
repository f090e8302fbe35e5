//! Every screen of the count-night interface, in Dutch and English, at 80x24, as
//! the operator sees it (insta snapshots of ratatui's TestBackend).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use telraam::election::Election;
use telraam::record::{CountRecord, EntryMode, RecordState};
use telraam::settings::Language;
use telraam::tui::{App, DoneAction, Msg, Screen, Step, view};

fn render(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    terminal
        .draw(|frame| view(frame, app))
        .expect("draw into memory");
    terminal.backend().to_string()
}

fn send(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let msg = match c {
            '\n' => Msg::Confirm,
            '\t' => Msg::Next,
            '>' => Msg::NextStep,
            '<' => Msg::PrevStep,
            ' ' => Msg::Toggle,
            c => Msg::Char(c),
        };
        app.update(msg);
    }
}

fn new_app(language: Language) -> App {
    let election = Election::demo();
    let draft = CountRecord::empty(&election, 3, EntryMode::Counting);
    App::new(election, language, &[draft], None)
}

fn opened(language: Language) -> App {
    let mut app = new_app(language);
    let record = CountRecord::empty(&app.election, 1, EntryMode::Counting);
    app.update(Msg::Opened(record));
    app
}

/// A balanced station entered up to the check screen.
fn balanced(language: Language) -> App {
    let mut app = opened(language);
    send(&mut app, "100\n5\n50\n30\n20\n\n3\n2\n");
    for (i, list) in app.election.lists.clone().iter().enumerate() {
        let total = ["50", "30", "20", ""][i];
        send(&mut app, &format!("{total}\n"));
        for _ in 1..list.candidates.len() {
            send(&mut app, "\n");
        }
    }
    app
}

/// Every screen, by name.
fn screens(language: Language) -> Vec<(&'static str, App)> {
    let mut out = Vec::new();

    out.push(("stations", new_app(language)));

    let mut app = new_app(language);
    send(&mut app, "posi");
    out.push(("stations_filtered", app));

    let mut app = opened(language);
    send(&mut app, "120\n4");
    out.push(("voters_typing", app));

    let mut app = opened(language);
    send(&mut app, "120\n3\n50x");
    out.push(("votes_refused_letter", app));

    let mut app = opened(language);
    send(&mut app, "105\n\n50\n30\n20\n\n1\n1\n200\n95\n1\n2\n");
    out.push(("differences_walkthrough", app));

    let mut app = opened(language);
    send(&mut app, "100\n5\n50\n30\n20\n\n3\n2\n<");
    out.push(("differences_none", app));

    let mut app = opened(language);
    send(&mut app, "100\n5\n50\n30\n20\n\n3\n2\n40\n3\n");
    out.push(("candidates", app));

    let mut app = opened(language);
    send(&mut app, "100\n5\n50\n30\n20\n\n3\n2\n40\n>");
    out.push(("candidates_unbalanced_question", app));

    let mut app = opened(language);
    // Many blank votes (warning) and D < H without an answer (error).
    send(&mut app, "100\n\n50\n30\n20\n\n10\n0\n");
    while app.screen != Screen::Step(Step::Check) {
        send(&mut app, ">");
        if app.dialog.is_some() {
            send(&mut app, "j");
        }
    }
    let results = app.results.len();
    assert!(results > 0, "the rules find something");
    out.push(("check_with_results", app));

    let app = balanced(language);
    out.push(("check_clean", app));

    let mut app = balanced(language);
    send(&mut app, ">");
    out.push(("finalise", app));

    let mut app = balanced(language);
    send(&mut app, ">\n");
    out.push(("finalise_question", app));

    let mut app = balanced(language);
    let mut record = app.record.clone().expect("open");
    record.lifecycle.state = RecordState::Finalised;
    app.update(Msg::Finalised(record));
    out.push(("done", app.clone()));

    app.update(Msg::Done(DoneAction::Correct));
    send(&mut app, "hertelling");
    out.push(("correction_reason", app));

    let mut app = opened(language);
    app.update(Msg::Help);
    out.push(("help_entry", app));

    let mut app = opened(language);
    app.update(Msg::Quit);
    out.push(("quit_question", app));

    out
}

#[test]
fn every_screen_in_dutch_at_80x24() {
    for (name, app) in screens(Language::Dutch) {
        insta::assert_snapshot!(format!("nl_{name}"), render(&app));
    }
}

#[test]
fn every_screen_in_english_at_80x24() {
    for (name, app) in screens(Language::English) {
        insta::assert_snapshot!(format!("en_{name}"), render(&app));
    }
}

#[test]
fn thirty_lists_scroll_and_keep_the_current_field_visible() {
    let mut election = Election::demo();
    let template = election.lists[0].clone();
    election.lists = (1..=32)
        .map(|n| {
            let mut l = template.clone();
            l.number = n;
            l.name = format!("Partij {n}");
            l
        })
        .collect();
    let record = CountRecord::empty(&election, 1, EntryMode::Counting);
    let mut app = App::new(election, Language::Dutch, &[], None);
    app.update(Msg::Opened(record));
    send(&mut app, "1\n1\n");
    for _ in 0..29 {
        send(&mut app, "7\n");
    }
    let screen = render(&app);
    assert!(screen.contains("> E.30  Partij 30"), "{screen}");
    assert!(screen.contains("E.29  Partij 29"), "{screen}");
}

#[test]
fn eighty_candidates_scroll_and_keep_the_current_candidate_visible() {
    let mut election = Election::demo();
    let template = election.lists[0].candidates[0].clone();
    election.lists[0].candidates = (1..=80)
        .map(|n| {
            let mut c = template.clone();
            c.number = n;
            c.last_name = format!("Kandidaat{n}");
            c
        })
        .collect();
    let record = CountRecord::empty(&election, 1, EntryMode::Counting);
    let mut app = App::new(election, Language::Dutch, &[], None);
    app.update(Msg::Opened(record));
    send(&mut app, "80\n\n80\n\n\n\n\n\n");
    assert_eq!(app.screen, Screen::Step(Step::Candidates(0)));
    for _ in 0..76 {
        send(&mut app, "1\n");
    }
    let screen = render(&app);
    assert!(screen.contains(">  77  Kandidaat77"), "{screen}");
    assert!(screen.contains("nog toe te wijzen 4"), "{screen}");
    assert!(
        !screen.contains("Kandidaat1,"),
        "the top has scrolled away:\n{screen}"
    );
}

#[test]
fn without_colour_the_current_field_and_errors_still_read() {
    let mut app = opened(Language::English);
    app.color = false;
    send(&mut app, "12x");
    let screen = render(&app);
    assert!(screen.contains("Error: \"x\" refused"), "{screen}");
    assert!(screen.contains("> A  poll cards"), "{screen}");
    assert!(screen.contains("[       12]"), "{screen}");
}

#[test]
fn an_empty_field_looks_different_from_a_zero() {
    let mut app = opened(Language::Dutch);
    send(&mut app, "\n");
    let screen = render(&app);
    assert!(screen.contains("A  stempassen"), "{screen}");
    let a = screen
        .lines()
        .find(|l| l.contains("A  stempassen"))
        .unwrap_or_default();
    let b = screen
        .lines()
        .find(|l| l.contains("B  volmachtbewijzen"))
        .unwrap_or_default();
    assert!(a.contains("[        0]"), "{a}");
    assert!(b.contains("[.........]"), "{b}");
}

#[test]
fn the_screen_survives_resizing_down_and_up() {
    let app = balanced(Language::Dutch);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    for (w, h) in [(80, 24), (30, 8), (120, 40), (80, 24)] {
        terminal.backend_mut().resize(w, h);
        terminal.autoresize().expect("resize");
        terminal.draw(|f| view(f, &app)).expect("draw");
    }
    assert!(terminal.backend().to_string().contains("Controle"));
}
