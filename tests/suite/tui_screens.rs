//! Every screen of the count-night interface, in Dutch and English, at 80x24, as
//! the operator sees it (insta snapshots of ratatui's TestBackend), here; what the
//! screens keep readable at any size, with many lists or candidates, without colour,
//! and in the finalise overview, in [`readable`]. The apps both start from are built
//! here.

use crate::support::screen::render;
use telraam::election::Election;
use telraam::record::Field;
use telraam::record::{CountRecord, EntryMode, RecordState};
use telraam::settings::Language;
use telraam::tui::app::Unsaved;
use telraam::tui::{App, DoneAction, Msg, Screen, ScreenKind, Step};

mod readable;

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
