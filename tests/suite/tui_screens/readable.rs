//! What the screens keep readable: the current field in view with 30 lists or 80
//! candidates, the current field and errors without colour, an empty box apart from
//! a zero, a window too small said so, the finalise overview in the annex's order,
//! and resizing.

use super::{balanced, opened, send};
use crate::support::screen::{render, render_at};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use telraam::election::Election;
use telraam::record::{CountRecord, EntryMode};
use telraam::settings::Language;
use telraam::tui::{App, Msg, ScreenKind, Step, view};

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
