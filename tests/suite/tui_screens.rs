//! Every screen of the count-night interface, in Dutch and English, at 80x24, as
//! the operator sees it (insta snapshots of ratatui's TestBackend).

use crate::support::screen::{render, render_at};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use telraam::election::Election;
use telraam::record::Field;
use telraam::record::{CountRecord, EntryMode, RecordState};
use telraam::settings::Language;
use telraam::tui::app::Unsaved;
use telraam::tui::{App, DoneAction, Msg, Screen, ScreenKind, Step, view};

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
    send(&mut app, "100\n5\n\n50\n30\n20\n\n3\n2\n");
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
    send(&mut app, "120\n3\n\n50x");
    out.push(("votes_refused_letter", app));

    // The demo election's form (from 2026): the stock, then "fully explained?".
    let mut app = opened(language);
    send(&mut app, "105\n\n\n50\n30\n20\n\n1\n1\n200\n95\n1\n");
    out.push(("differences_walkthrough", app));

    // The form before 2026: the stock, then K to O.
    let mut election = Election::demo();
    election.form = Some(telraam::form::Generation::Before2026);
    let record = CountRecord::empty(&election, 1, EntryMode::Counting);
    let mut app = App::new(election, language, &[], None);
    app.update(Msg::Opened(record));
    send(&mut app, "105\n\n\n50\n30\n20\n\n1\n1\n200\n95\n1\n2\n");
    out.push(("differences_walkthrough_before_2026", app));

    let mut app = opened(language);
    send(&mut app, "100\n5\n\n50\n30\n20\n\n3\n2\n<");
    out.push(("differences_none", app));

    let mut app = opened(language);
    send(&mut app, "100\n5\n\n50\n30\n20\n\n3\n2\n40\n3\n");
    out.push(("candidates", app));

    let mut app = opened(language);
    send(&mut app, "100\n5\n\n50\n30\n20\n\n3\n2\n40\n>");
    out.push(("candidates_unbalanced_question", app));

    let mut app = opened(language);
    // Many blank votes (warning) and D < H without an answer (error).
    send(&mut app, "100\n\n\n50\n30\n20\n\n10\n0\n");
    while app.screen.kind() != ScreenKind::Step(Step::Check) {
        send(&mut app, ">");
        if app.dialog.is_some() {
            send(&mut app, "j");
        }
    }
    let results = app.results().len();
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

    // Issue 17, item 6: after B the screen stops on D with its parts.
    let mut app = opened(language);
    send(&mut app, "120\n3\n");
    out.push(("voters_d", app));

    // Issue 17, item 5: a typed but unconfirmed figure is named when quitting.
    let mut app = opened(language);
    send(&mut app, "120\n3\n\n30");
    app.update(Msg::Quit);
    out.push(("quit_unconfirmed", app));

    // Issue 15, defect 2: the storage refused B; it is the current field, unsaved.
    let mut app = opened(language);
    send(&mut app, "120\n30\n");
    app.update(Msg::NotSaved {
        what: Unsaved::Field(Field::ProxyCertificates, Some(30)),
        reason: "station 1 version 1 is finalised (vastgesteld) / stembureau 1 is vastgesteld"
            .into(),
    });
    out.push(("not_saved", app));

    // Issue 17, items 7 and 9: the difference as the form says it, and a long note
    // wrapped so that its end stays in view.
    let mut app = opened(language);
    send(&mut app, "105\n\n\n50\n30\n20\n\n1\n1\n200\n95\n\nj");
    send(
        &mut app,
        "twee kiezers hebben hun stembiljet meegenomen en een kiezer kreeg er per ongeluk twee \
         mee omdat de stapel aan elkaar plakte",
    );
    out.push(("differences_long_note", app));

    // Issue 17, item 8: F.401 jumps to a list page that shows its foot total.
    let mut app = opened(language);
    send(&mut app, "100\n5\n\n100\n\n\n\n3\n2\n");
    while app.screen.kind() != ScreenKind::Step(Step::Check) {
        send(&mut app, ">");
        if app.dialog.is_some() {
            send(&mut app, "j");
        }
    }
    let f401 = app
        .results()
        .iter()
        .position(|r| r.code == "F.401")
        .expect("F.401 raised");
    let Screen::Check(check) = &mut app.screen else {
        panic!("on the check");
    };
    check.cursor = f401;
    out.push(("check_f401", app.clone()));
    send(&mut app, "\n");
    out.push(("candidates_after_f401", app));

    // Issue 17, items 1 and 2: one of two warnings acknowledged.
    let mut app = opened(language);
    // Blank and invalid votes each 10 of H = 120: two warnings (W.201, W.202).
    send(&mut app, "120\n\n\n50\n30\n20\n\n10\n10\n");
    while app.screen.kind() != ScreenKind::Step(Step::Check) {
        send(&mut app, ">");
        if app.dialog.is_some() {
            send(&mut app, "j");
        }
    }
    while matches!(&app.screen, Screen::Check(check)
        if check.results.get(check.cursor).is_some_and(|r| r.code.as_str().starts_with("F.")))
    {
        send(&mut app, "\t");
    }
    send(&mut app, " ");
    out.push(("check_one_acknowledged", app.clone()));
    send(&mut app, ">");
    out.push(("finalise_blocked", app));

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
    send(&mut app, "1\n1\n\n");
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
    send(&mut app, "80\n\n\n80\n\n\n\n\n\n");
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Candidates(0)));
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

/// Issue 15, defect 12: below 80x24 the screen says it is too small instead of
/// showing cut-off figures.
#[test]
fn a_window_below_80_by_24_says_so_instead_of_cutting_figures() {
    let mut app = opened(Language::Dutch);
    send(&mut app, "123456789\n");
    for (w, h) in [(79, 24), (80, 23), (62, 20)] {
        let screen = render_at(&app, w, h);
        assert!(
            screen.contains("venster te klein: minimaal 80×24"),
            "{w}x{h}:\n{screen}"
        );
        assert!(!screen.contains("12345"), "no cut figures at {w}x{h}");
    }
    let app = opened(Language::English);
    let screen = render_at(&app, 70, 24);
    assert!(
        screen.contains("window too small: at least 80×24"),
        "{screen}"
    );
    assert!(render_at(&app, 80, 24).contains("A  poll cards"));
}

/// Issue 17, item 3: the Vaststellen overview shows every figure and text the annex
/// prints, in the annex's order (the note included).
#[test]
fn the_finalise_overview_shows_what_the_annex_prints_in_its_order() {
    use telraam::annex::AnnexInput;
    use telraam::annex::content::{Block, build};
    let mut app = opened(Language::Dutch);
    send(&mut app, "105\n\n\n50\n30\n20\n\n1\n1\n200\n95\n\nj");
    send(&mut app, "kiezer nam biljet mee\n");
    while app.screen.kind() != ScreenKind::Step(Step::Finalise) {
        send(&mut app, ">");
        if app.dialog.is_some() {
            send(&mut app, "j");
        }
    }
    let record = app.record.clone().expect("open");
    let annex = build(
        &AnnexInput {
            election: &app.election,
            record: &record,
            codes: telraam::verification::codes(&app.election, &record),
            result_file: String::new(),
            fingerprint: String::new(),
            audit_head: String::new(),
        },
        vec![],
    );
    // Every figure the annex prints, in order, up to and including the candidates.
    let mut expected: Vec<String> = Vec::new();
    // Sections 1 to 5 (a concept's list of open results comes before them on paper;
    // the finalised annex has none, and the check screen shows them before this one).
    let numbered = annex
        .sections
        .iter()
        .filter(|s| s.title.starts_with(|c: char| c.is_ascii_digit()));
    for section in numbered {
        for block in &section.blocks {
            match block {
                Block::Figures(rows) => expected.extend(rows.iter().map(|r| r.value.clone())),
                Block::Text(text) => {
                    expected.push(text.trim_start_matches("Toelichting: ").to_string())
                }
                Block::Candidates(tables) => {
                    for table in tables {
                        expected.extend(table.rows.iter().map(|r| r.votes.clone()));
                        expected.push(table.total.clone());
                    }
                }
                _ => {}
            }
        }
    }
    assert!(expected.contains(&"kiezer nam biljet mee".to_string()));
    let screen = render_at(&app, 80, 400);
    let mut rest = screen.as_str();
    for value in &expected {
        // The annex joins two ticked boxes with "én"; the screen with "+".
        let value = value.replace(" én ", " + ");
        match rest.find(&value) {
            Some(at) => rest = &rest[at + value.len()..],
            None => panic!("{value:?} missing or out of the annex's order:\n{screen}"),
        }
    }
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
