//! The interface's effects carried out on a real workspace (SQLite in a temp dir), without
//! a terminal: every confirmed figure and the position survive a restart; finalising and
//! a corrigendum go through storage and the audit log.

use telraam::record::{Field, RecordState};
use telraam::settings::Language;
use telraam::storage::Workspace;
use telraam::tui::runtime::carry_out;
use telraam::tui::{App, Msg, ScreenKind, Step};

/// An App over the workspace, as the runtime starts it.
fn start(ws: &mut Workspace) -> App {
    let records = ws.records().expect("records");
    let resume = ws.resume_point().expect("resume point");
    let mut app = App::new(ws.election().clone(), Language::Dutch, &records, resume);
    let effects = app.start();
    carry_out(&mut app, ws, "test", effects);
    app
}

fn keys(app: &mut App, ws: &mut Workspace, keys: &str) {
    for c in keys.chars() {
        let msg = match c {
            '\n' => Msg::Confirm,
            '>' => Msg::NextStep,
            '\t' => Msg::Next,
            ' ' => Msg::Toggle,
            c => Msg::Char(c),
        };
        let effects = app.update(msg);
        carry_out(app, ws, "test", effects);
    }
}

#[test]
fn figures_and_position_survive_a_restart_and_the_record_can_be_finalised_and_corrected() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("workspace with the demo election");
    let mut app = start(&mut ws);
    assert_eq!(app.screen.kind(), ScreenKind::Stations);
    keys(&mut app, &mut ws, "2\n100\n5\n\n50\n3");
    drop(app);
    drop(ws);

    // As after a crash: a new process opens the same workspace.
    let mut ws = Workspace::open(dir.path()).expect("reopen");
    let stored = ws.record(2).expect("read").expect("station 2 started");
    assert_eq!(stored.get(Field::PollCards), Some(100));
    assert_eq!(stored.get(Field::ListTotal(1)), Some(50));
    assert_eq!(
        stored.get(Field::ListTotal(2)),
        None,
        "typed but not confirmed"
    );
    let mut app = start(&mut ws);
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Votes));
    assert_eq!(
        app.current_item(),
        Some(telraam::tui::flow::Item::Count(Field::ListTotal(2)))
    );

    // Finish: E.2..E.4, F, G, then every candidate (list total on the first).
    keys(&mut app, &mut ws, "30\n20\n\n3\n2\n");
    for (i, list) in app.election.lists.clone().iter().enumerate() {
        let total = ["50", "30", "20", ""][i];
        keys(&mut app, &mut ws, &format!("{total}\n"));
        for _ in 1..list.candidates.len() {
            keys(&mut app, &mut ws, "\n");
        }
    }
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Check));
    assert!(app.results().is_empty(), "{:?}", app.results());
    keys(&mut app, &mut ws, ">\nj");
    assert_eq!(app.screen.kind(), ScreenKind::Done);
    let finalised = ws.record(2).expect("read").expect("there");
    assert_eq!(finalised.lifecycle.state, RecordState::Finalised);
    assert_eq!(finalised.votes.total_cast, Some(105));

    // A corrigendum, with its reason, makes version 2 as a draft.
    let effects = app.update(Msg::Done(telraam::tui::DoneAction::Correct));
    carry_out(&mut app, &mut ws, "test", effects);
    keys(&mut app, &mut ws, "hertelling\n");
    let v2 = ws.record(2).expect("read").expect("there");
    assert_eq!(v2.lifecycle.version, 2);
    assert_eq!(v2.lifecycle.state, RecordState::Draft);
    assert_eq!(v2.lifecycle.correction_reason, "hertelling");
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Voters));
    assert!(ws.verify_audit().is_ok());
}

#[test]
fn an_acknowledged_warning_stays_acknowledged_after_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("workspace");
    let mut app = start(&mut ws);
    // D = H = 110 with 10 blank votes: at least 3 % blank is a warning (W.201).
    keys(&mut app, &mut ws, "3\n110\n\n\n50\n30\n20\n\n10\n\n");
    for (i, list) in app.election.lists.clone().iter().enumerate() {
        let total = ["50", "30", "20", ""][i];
        keys(&mut app, &mut ws, &format!("{total}\n"));
        for _ in 1..list.candidates.len() {
            keys(&mut app, &mut ws, "\n");
        }
    }
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Check));
    let w201 = app
        .results()
        .iter()
        .position(|r| r.code == "W.201")
        .expect("W.201 raised");
    for _ in 0..w201 {
        keys(&mut app, &mut ws, "\t");
    }
    keys(&mut app, &mut ws, " ");
    assert!(app.acknowledged.contains("W.201"));
    drop(app);
    drop(ws);

    let mut ws = Workspace::open(dir.path()).expect("reopen");
    let app = start(&mut ws);
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Check));
    assert!(app.acknowledged.contains("W.201"), "{:?}", app.acknowledged);
}

/// The window acts on the storage's typed error, not on its words: a box refused
/// because the workspace cannot be written (here: the folder became write-protected
/// while the window was open, as when a USB stick is locked) is shown as not saved,
/// and the window goes on as one opened on a write-protected folder, with the same
/// notice, instead of refusing every further box one by one.
#[test]
fn a_workspace_that_becomes_write_protected_turns_the_window_read_only() {
    use telraam::tui::app::{Guard, Notice};
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("workspace");
    let mut app = start(&mut ws);
    keys(&mut app, &mut ws, "2\n100\n");
    assert_eq!(app.guard, None);
    // From now on the workspace refuses every change as write-protected.
    ws = Workspace::open_read_only(dir.path()).expect("read only");
    keys(&mut app, &mut ws, "5\n");
    assert_eq!(app.guard, Some(Guard::ReadOnlyFolder));
    assert!(app.unsaved.is_some(), "B is shown as not saved");
    let stored = ws.record(2).expect("read").expect("station 2 started");
    assert_eq!(stored.get(Field::PollCards), Some(100));
    assert_eq!(stored.get(Field::ProxyCertificates), None);
    // The notice is dismissed; a further figure is refused by the window itself.
    keys(&mut app, &mut ws, "\n7");
    assert_eq!(app.notice, Some(Notice::ReadOnly));
}

/// A confirmed box is decided once, in the App (which shows D at once), and stored as
/// decided; when the station changed in the workspace meanwhile (another window, an
/// import), storage decides it again on what is stored, so nothing stored is lost.
#[test]
fn a_confirmed_box_is_stored_as_the_app_decided_it_or_decided_again_on_what_is_stored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("workspace with the demo election");
    let mut app = start(&mut ws);
    keys(&mut app, &mut ws, "2\n100\n");
    for c in "5".chars() {
        app.update(Msg::Char(c));
    }
    let effects = app.update(Msg::Confirm);
    let decided = effects
        .iter()
        .find_map(|e| match e {
            telraam::tui::Effect::SaveField {
                decided: Some(d), ..
            } => Some(d.decision().record.clone()),
            _ => None,
        })
        .expect("the App decided the box");
    assert_eq!(decided.get(Field::TotalAdmitted), Some(105), "D = A + B");
    assert_eq!(app.record.as_ref(), Some(&decided), "shown as decided");
    carry_out(&mut app, &mut ws, "test", effects);
    assert_eq!(
        ws.record(2).expect("read"),
        Some(decided),
        "stored as decided"
    );

    // Another window stores B = 9 for the station; this App still shows B = 5, and
    // confirms E.1.
    let mut other = Workspace::open(dir.path()).expect("second window");
    other
        .save_field(2, Field::ProxyCertificates, Some(9), "other")
        .expect("saved elsewhere");
    keys(&mut app, &mut ws, "\n50\n");
    let stored = ws.record(2).expect("read").expect("started");
    assert_eq!(stored.get(Field::ProxyCertificates), Some(9), "kept");
    assert_eq!(stored.get(Field::ListTotal(1)), Some(50));
    assert_eq!(stored.get(Field::TotalAdmitted), Some(109), "D = 100 + 9");
    assert_eq!(
        app.record.as_ref(),
        Some(&stored),
        "the App shows what is stored"
    );
}
