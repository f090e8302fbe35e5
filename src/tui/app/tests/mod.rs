//! `update` without a terminal or a database: a message in, state and effects out.
//! One file per screen: typing the figures ([`entry`]), Controle, Vaststellen and
//! the Done screen ([`review`]), the station list and leaving ([`stations`]); the
//! helpers that open a station and type into it are here.

use super::*;
use crate::election::Election;
use crate::record::{CountRecord, EntryMode, Field};
use crate::rules::{RuleResult, Severity, Target};

mod entry;
mod review;
mod stations;

fn app() -> App {
    App::new(Election::demo(), Language::Dutch, &[], None)
}

/// An App with station 1 opened on an empty record.
fn opened() -> App {
    let mut app = app();
    let record = CountRecord::empty(&app.election, 1, EntryMode::Counting);
    app.update(Msg::Opened(record));
    app
}

/// Types a figure and confirms it with Enter; returns the effects of the Enter.
fn enter(app: &mut App, figure: &str) -> Vec<Effect> {
    for c in figure.chars() {
        app.update(Msg::Char(c));
    }
    app.update(Msg::Confirm)
}

fn saved_fields(effects: &[Effect]) -> Vec<(Field, Option<u64>)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::SaveField { field, value, .. } => Some((*field, *value)),
            _ => None,
        })
        .collect()
}

fn value(app: &App, field: Field) -> Option<u64> {
    app.record.as_ref().and_then(|r| r.get(field))
}

/// Enters A, B, goes on from D, enters the list totals, F and G.
fn enter_votes(app: &mut App, a: &str, b: &str, lists: &[&str], f: &str, g: &str) {
    enter(app, a);
    enter(app, b);
    assert_eq!(app.current_item(), Some(Item::Total(Field::TotalAdmitted)));
    app.update(Msg::Confirm);
    for l in lists {
        enter(app, l);
    }
    enter(app, f);
    enter(app, g);
}

/// The figures of a balanced demo station in the order they are asked: A, B, E.1..E.4,
/// F, G, then every candidate (the list's votes all on its first candidate).
fn balanced_station(election: &Election) -> Vec<String> {
    let mut figures: Vec<String> = ["100", "5", "50", "30", "20", "0", "3", "2"]
        .map(String::from)
        .to_vec();
    for (i, l) in election.lists.iter().enumerate() {
        let total = ["50", "30", "20", "0"][i];
        for c in 0..l.candidates.len() {
            figures.push(if c == 0 { total } else { "0" }.to_string());
        }
    }
    figures
}

/// Enters a whole balanced station the cheapest way (a zero is a bare Enter); returns the
/// keys sent for the figures (not the Enter that goes on from D, shown with its parts).
fn enter_station(app: &mut App) -> usize {
    let mut sent = 0;
    for figure in balanced_station(&app.election) {
        if matches!(app.current_item(), Some(Item::Total(_))) {
            app.update(Msg::Confirm);
        }
        let typed = if figure == "0" { "" } else { figure.as_str() };
        for c in typed.chars() {
            app.update(Msg::Char(c));
            sent += 1;
        }
        app.update(Msg::Confirm);
        sent += 1;
    }
    sent
}

fn warning(code: &'static str, field: Field) -> RuleResult {
    RuleResult {
        code: crate::rules::Code::parse(code).expect("a known code"),
        severity: Severity::Warning,
        fields: vec![Target::Count(field)],
        finding: crate::rules::Finding::NoVotesCast,
    }
}

/// The rule results on the check or finalise screen, to put findings in by hand.
fn results(app: &mut App) -> &mut Vec<RuleResult> {
    match &mut app.screen {
        Screen::Check(check) => &mut check.results,
        Screen::Finalise(finalise) => &mut finalise.results,
        other => panic!("no rule results on {other:?}"),
    }
}

fn check(app: &mut App) -> &mut CheckScreen {
    match &mut app.screen {
        Screen::Check(check) => check,
        other => panic!("not on the check: {other:?}"),
    }
}

fn on_check(app: &mut App) {
    app.update(Msg::NextStep);
    while app.screen.kind() != ScreenKind::Step(Step::Check) {
        app.update(Msg::NextStep);
        if app.dialog.is_some() {
            app.update(Msg::Char('j'));
        }
    }
}
