//! `update` without a terminal or a database: a message in, state and effects out.
//!
//! Over 400 lines on purpose: the unit tests of the App's `update`, kept together so one
//! file shows how every screen answers a message.

use super::*;
use crate::election::Election;
use crate::record::{CountRecord, EntryMode, Field};
use crate::rules::{RuleResult, Severity, Target};

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

#[test]
fn a_new_station_starts_at_a_and_a_confirmed_figure_is_saved_at_once() {
    let mut app = opened();
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Voters));
    assert_eq!(app.current_item(), Some(Item::Count(Field::PollCards)));
    let effects = enter(&mut app, "105");
    assert_eq!(saved_fields(&effects), vec![(Field::PollCards, Some(105))]);
    assert!(effects.iter().any(|e| matches!(
        e,
        Effect::SetResume(p) if p.station == 1 && p.position == "voters:B"
    )));
    assert_eq!(value(&app, Field::TotalAdmitted), Some(105), "D is live");
    assert_eq!(
        app.current_item(),
        Some(Item::Count(Field::ProxyCertificates))
    );
}

#[test]
fn enter_on_an_empty_field_confirms_a_zero_but_tab_leaves_it_empty() {
    let mut app = opened();
    let effects = app.update(Msg::Next);
    assert!(saved_fields(&effects).is_empty());
    assert_eq!(
        value(&app, Field::PollCards),
        None,
        "Tab does not invent a 0"
    );
    let effects = app.update(Msg::Confirm);
    assert_eq!(
        saved_fields(&effects),
        vec![(Field::ProxyCertificates, Some(0))]
    );
    assert_eq!(value(&app, Field::ProxyCertificates), Some(0));
}

#[test]
fn a_letter_is_refused_with_a_message_and_nothing_is_typed() {
    let mut app = opened();
    app.update(Msg::Char('1'));
    let effects = app.update(Msg::Char('x'));
    assert!(effects.is_empty());
    assert_eq!(app.input, "1");
    assert_eq!(app.notice, Some(Notice::NotADigit('x')));
    assert!(crate::tui::text::notice(Language::Dutch, &Notice::NotADigit('x')).starts_with("Fout"));
}

#[test]
fn a_tenth_digit_beyond_the_largest_count_is_refused() {
    let mut app = opened();
    for c in "999999999".chars() {
        app.update(Msg::Char(c));
    }
    assert_eq!(app.notice, None);
    app.update(Msg::Char('0'));
    assert_eq!(app.notice, Some(Notice::TooLarge));
    assert_eq!(app.input, "999999999");
    let effects = app.update(Msg::Confirm);
    assert_eq!(
        saved_fields(&effects),
        vec![(Field::PollCards, Some(999_999_999))]
    );
}

#[test]
fn escape_undoes_typing_and_delete_empties_a_field() {
    let mut app = opened();
    enter(&mut app, "7");
    app.update(Msg::Prev);
    app.update(Msg::Char('8'));
    app.update(Msg::Back);
    assert_eq!(app.input, "");
    assert_eq!(value(&app, Field::PollCards), Some(7));
    let effects = app.update(Msg::Clear);
    assert_eq!(saved_fields(&effects), vec![(Field::PollCards, None)]);
    assert_eq!(value(&app, Field::PollCards), None);
}

#[test]
fn balanced_votes_skip_the_difference_step_and_say_so() {
    let mut app = opened();
    // D = 100 + 5; H = (50 + 30 + 20 + 0) + 3 + 2.
    enter_votes(&mut app, "100", "5", &["50", "30", "20", ""], "3", "2");
    assert_eq!(value(&app, Field::TotalCast), Some(105));
    assert_eq!(app.notice, Some(Notice::NoDifference));
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Candidates(0)));
}

#[test]
fn a_difference_names_j_and_walks_through_stock_and_explanation() {
    let mut app = opened();
    enter_votes(&mut app, "100", "5", &["50", "30", "20", ""], "1", "1");
    // H = 102 < D = 105: J = 3.
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Differences));
    assert_eq!(value(&app, Field::FewerBallots), Some(3));
    assert_eq!(
        app.current_item(),
        Some(Item::Count(Field::BallotsReceived))
    );
    // The demo election uses the form from 2026: the stock, then "fully explained?";
    // no K-O.
    for figure in ["200", "95", "0"] {
        enter(&mut app, figure);
    }
    assert_eq!(value(&app, Field::BallotsSpoiled), Some(0));
    assert_eq!(app.current_item(), Some(Item::Explained));
    let effects = app.update(Msg::Char('j'));
    assert!(effects.contains(&Effect::SaveMark {
        station: 1,
        mark: Mark::ExplainedYes,
        on: true
    }));
    assert_eq!(app.current_item(), Some(Item::Note));
    // In the note, q is a letter, not "quit".
    for c in "kiezer nam biljet mee".chars() {
        let msg = if c == ' ' { Msg::Toggle } else { Msg::Char(c) };
        app.update(msg);
    }
    assert_eq!(app.dialog, None);
    let effects = app.update(Msg::Confirm);
    assert!(effects.contains(&Effect::SaveNote {
        station: 1,
        note: "kiezer nam biljet mee".into()
    }));
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Candidates(0)));
}

#[test]
fn a_list_that_does_not_add_up_needs_confirmation_to_move_on() {
    let mut app = opened();
    enter_votes(&mut app, "10", "0", &["10", "", "", ""], "", "");
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Candidates(0)));
    enter(&mut app, "4");
    app.update(Msg::NextStep);
    assert!(matches!(
        app.dialog,
        Some(Dialog::UnbalancedList { list: 1, .. })
    ));
    app.update(Msg::Char('n'));
    assert_eq!(app.dialog, None);
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Candidates(0)));
    app.update(Msg::NextStep);
    app.update(Msg::Char('j'));
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Candidates(1)));
}

#[test]
fn a_list_that_adds_up_moves_on_without_a_question() {
    let mut app = opened();
    enter_votes(&mut app, "3", "0", &["3", "", "", ""], "", "");
    let candidates = app.items(Step::Candidates(0)).len();
    enter(&mut app, "3");
    for _ in 1..candidates {
        enter(&mut app, "");
    }
    assert_eq!(app.dialog, None);
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Candidates(1)));
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

#[test]
fn a_warning_must_be_acknowledged_before_finalising_and_that_is_logged() {
    let mut app = opened();
    on_check(&mut app);
    *results(&mut app) = vec![warning("W.201", Field::Blank)];
    app.update(Msg::NextStep);
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Finalise));
    // Finalising re-runs the rules; keep the injected warning by checking blockers directly.
    *results(&mut app) = vec![warning("W.201", Field::Blank)];
    assert_eq!(app.blockers(), (0, 1));
    app.update(Msg::PrevStep);
    *results(&mut app) = vec![warning("W.201", Field::Blank)];
    let effects = app.update(Msg::Toggle);
    assert!(effects.contains(&Effect::LogEvent {
        station: 1,
        event: crate::event::AuditEvent::WarningAcknowledged {
            code: "W.201".into()
        }
    }));
    assert_eq!(app.blockers(), (0, 0));
    assert!(app.acknowledged.contains("W.201"));
}

#[test]
fn an_error_cannot_be_acknowledged_and_enter_jumps_to_its_field() {
    let mut app = opened();
    on_check(&mut app);
    *results(&mut app) = vec![RuleResult {
        code: crate::rules::Code::F402,
        severity: Severity::Error,
        fields: vec![Target::Count(Field::Candidate {
            list: 2,
            candidate: 3,
        })],
        finding: crate::rules::Finding::CandidatesNotTotal {
            list: 2,
            candidates: 1,
            total: 0,
        },
    }];
    app.update(Msg::Toggle);
    assert_eq!(app.notice, Some(Notice::ErrorsCannotBeAcknowledged));
    app.update(Msg::Confirm);
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Candidates(1)));
    assert_eq!(
        app.current_item(),
        Some(Item::Count(Field::Candidate {
            list: 2,
            candidate: 3
        }))
    );
    // Esc goes back to the rule results, not to the station list.
    app.update(Msg::Back);
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Check));
    // And Esc there goes back one step, never straight out of the station.
    app.update(Msg::Back);
    let last = app.election.lists.len() - 1;
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Candidates(last)));
}

#[test]
fn finalising_asks_for_confirmation_then_the_done_screen_offers_a_corrigendum() {
    let mut app = opened();
    enter_station(&mut app);
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Check));
    app.update(Msg::NextStep);
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Finalise));
    app.update(Msg::Confirm);
    assert_eq!(app.dialog, Some(Dialog::ConfirmFinalise));
    // Enter does not finalise: only an explicit yes does.
    assert!(app.update(Msg::Confirm).is_empty());
    let effects = app.update(Msg::Char('j'));
    assert_eq!(
        effects,
        vec![Effect::Finalise {
            station: 1,
            acknowledged: vec![]
        }]
    );
    let mut record = app.record.clone().expect("open");
    record.lifecycle.state = RecordState::Finalised;
    app.update(Msg::Finalised(record.clone()));
    assert_eq!(app.screen.kind(), ScreenKind::Done);
    assert_eq!(
        app.statuses.get(&1),
        Some(&StationStatus::Finalised { version: 1 })
    );
    // A finalised record cannot be typed into.
    for _ in 0..3 {
        app.update(Msg::PrevStep);
    }
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Candidates(3)));
    app.update(Msg::Char('5'));
    assert_eq!(app.notice, Some(Notice::RecordFinalised));

    app.screen = Screen::Done;
    app.update(Msg::Done(DoneAction::Correct));
    assert_eq!(app.dialog, Some(Dialog::CorrectionReason(String::new())));
    assert!(app.update(Msg::Confirm).is_empty());
    assert_eq!(app.notice, Some(Notice::ReasonRequired));
    for c in "hertelling q".chars() {
        let msg = if c == ' ' { Msg::Toggle } else { Msg::Char(c) };
        app.update(msg);
    }
    let effects = app.update(Msg::Confirm);
    assert_eq!(
        effects,
        vec![Effect::StartCorrection {
            station: 1,
            reason: "hertelling q".into()
        }]
    );
    let mut v2 = record;
    v2.lifecycle.version = 2;
    v2.lifecycle.state = RecordState::Draft;
    v2.lifecycle.correction_reason = "hertelling q".into();
    app.update(Msg::Opened(v2));
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Voters));
    assert_eq!(app.notice, Some(Notice::CorrectionStarted { version: 2 }));
}

#[test]
fn a_restart_reopens_the_station_at_the_saved_field() {
    let point = ResumePoint {
        station: 2,
        position: "votes:E.3".into(),
    };
    let mut app = App::new(Election::demo(), Language::English, &[], Some(point));
    assert_eq!(app.start(), vec![Effect::OpenStation(2)]);
    let mut record = CountRecord::empty(&app.election, 2, EntryMode::Counting);
    record.set(Field::PollCards, Some(40));
    app.update(Msg::Opened(record));
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Votes));
    assert_eq!(app.current_item(), Some(Item::Count(Field::ListTotal(3))));
    assert_eq!(value(&app, Field::PollCards), Some(40));
}

#[test]
fn quitting_asks_first() {
    let mut app = opened();
    app.update(Msg::Quit);
    assert_eq!(app.dialog, Some(Dialog::Quit));
    app.update(Msg::Char('n'));
    assert!(!app.quit && app.dialog.is_none());
    app.update(Msg::Quit);
    app.update(Msg::Char('j'));
    assert!(app.quit);
}

#[test]
fn typing_a_station_number_opens_that_station_even_if_postcodes_contain_it() {
    let mut app = app();
    app.update(Msg::Char('2'));
    assert_eq!(app.update(Msg::Confirm), vec![Effect::OpenStation(2)]);
}

#[test]
fn typing_filters_the_stations_and_enter_opens_the_match() {
    let mut app = app();
    for c in "matten".chars() {
        app.update(Msg::Char(c));
    }
    let names: Vec<u32> = app.filtered_stations().iter().map(|s| s.number).collect();
    assert_eq!(names, vec![2]);
    assert_eq!(app.update(Msg::Confirm), vec![Effect::OpenStation(2)]);
    app.update(Msg::Char('z'));
    app.update(Msg::Char('z'));
    assert_eq!(app.notice, Some(Notice::NoStationMatches));
}

#[test]
fn a_station_costs_the_digits_of_its_non_zero_figures_plus_one_key_per_field() {
    let mut app = opened();
    let figures = balanced_station(&app.election);
    let fields = figures.len();
    let digits: usize = figures.iter().filter(|f| *f != "0").map(|f| f.len()).sum();
    let sent = enter_station(&mut app);
    assert_eq!(sent, digits + fields);
    // Those keys alone were enough: the whole station is in, no question asked.
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Check));
    assert_eq!(app.dialog, None);
    let record = app.record.as_ref().expect("open");
    assert_eq!(record.votes.total_cast, Some(105));
    assert!(
        record
            .candidate_votes
            .iter()
            .all(|l| l.votes.iter().all(|(_, v)| v.is_some()))
    );
    assert!(app.results().is_empty(), "{:?}", app.results());
}

#[test]
fn finalising_with_an_error_is_refused_and_leads_to_the_check() {
    let mut app = opened();
    // D = 10 but H = 5, and list 1's candidates have none of its 5 votes.
    enter_votes(&mut app, "10", "", &["5", "", "", ""], "", "");
    on_check(&mut app);
    app.update(Msg::NextStep);
    app.update(Msg::Confirm);
    assert_eq!(app.dialog, None);
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Check));
    assert!(
        matches!(app.notice, Some(Notice::HasErrors(n)) if n > 0),
        "{:?} {:?}",
        app.notice,
        app.results()
    );
}

#[test]
fn walking_through_a_finalised_record_changes_nothing() {
    let mut app = app();
    let mut record = CountRecord::empty(&app.election, 1, EntryMode::Counting);
    record.lifecycle.state = RecordState::Finalised;
    app.update(Msg::Opened(record));
    assert_eq!(app.screen.kind(), ScreenKind::Done);
    app.go(Step::Voters, 0);
    let effects = app.update(Msg::Confirm);
    assert!(saved_fields(&effects).is_empty(), "{effects:?}");
    assert_eq!(value(&app, Field::PollCards), None, "no zero filled in");
    assert_eq!(
        app.current_item(),
        Some(Item::Count(Field::ProxyCertificates))
    );
}

#[test]
fn a_digit_on_the_yes_no_question_is_refused_with_its_own_message() {
    let mut app = opened();
    enter_votes(&mut app, "100", "5", &["50", "30", "20", ""], "1", "1");
    for figure in ["200", "95", "0"] {
        enter(&mut app, figure);
    }
    assert_eq!(app.current_item(), Some(Item::Explained));
    let effects = app.update(Msg::Char('1'));
    assert!(effects.is_empty());
    assert_eq!(app.notice, Some(Notice::YesOrNo('1')));
    assert_eq!(app.current_item(), Some(Item::Explained));
}

#[test]
fn a_failed_save_is_shown_as_an_error_that_says_not_saved() {
    let mut app = opened();
    enter(&mut app, "12");
    app.update(Msg::StorageFailed("schijf vol".into()));
    let notice = app.notice.clone().expect("a notice");
    assert!(notice.is_error());
    let text = crate::tui::text::notice(Language::Dutch, &notice);
    assert_eq!(text, "Fout: NIET bewaard: schijf vol");
}

/// Issue 15, defect 2: a box the storage refused stays the current field with what
/// was typed, marked unsaved with the reason, and D rests only on saved figures.
#[test]
fn a_refused_save_keeps_the_box_current_unsaved_and_out_of_the_sums() {
    let mut app = opened();
    enter(&mut app, "100");
    // The runtime's answer to the first save: stored.
    let mut stored = app.record.clone().expect("open");
    stored.set(Field::PollCards, Some(100));
    counting::complete(&app.election, &mut stored);
    app.update(Msg::Saved(stored));
    let effects = enter(&mut app, "30");
    assert_eq!(
        saved_fields(&effects),
        vec![(Field::ProxyCertificates, Some(30))]
    );
    // The storage refuses B (e.g. the station was finalised meanwhile by an import).
    app.update(Msg::NotSaved {
        what: Unsaved::Field(Field::ProxyCertificates, Some(30)),
        reason: "stembureau 1 is vastgesteld".into(),
    });
    assert_eq!(
        app.current_item(),
        Some(Item::Count(Field::ProxyCertificates)),
        "the refused box is the current field again"
    );
    assert_eq!(app.input, "30", "what was typed is still in the box");
    assert_eq!(value(&app, Field::ProxyCertificates), None);
    assert_eq!(value(&app, Field::TotalAdmitted), Some(100), "D = A only");
    assert!(app.unsaved.is_some());
    let notice = app.notice.clone().expect("a notice");
    assert!(notice.is_error());
    let shown = crate::tui::text::notice(Language::Dutch, &notice);
    assert!(
        shown.contains("B  volmachtbewijzen NIET bewaard"),
        "{shown}"
    );
    assert!(shown.contains("stembureau 1 is vastgesteld"), "{shown}");
    assert!(shown.contains("druk op Enter"), "{shown}");
    // A later failure of the resume point does not hide which box was refused.
    app.update(Msg::StorageFailed("schijf vol".into()));
    assert!(matches!(app.notice, Some(Notice::NotSaved { .. })));
    // Enter tries again.
    let effects = app.update(Msg::Confirm);
    assert_eq!(
        saved_fields(&effects),
        vec![(Field::ProxyCertificates, Some(30))]
    );
}

/// Issue 17, item 6: after B the Kiezers screen stops on D with its parts.
#[test]
fn after_b_the_voters_screen_shows_d_before_moving_on() {
    let mut app = opened();
    enter(&mut app, "120");
    enter(&mut app, "3");
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Voters));
    assert_eq!(app.current_item(), Some(Item::Total(Field::TotalAdmitted)));
    assert_eq!(value(&app, Field::TotalAdmitted), Some(123));
    let effects = app.update(Msg::Char('5'));
    assert!(effects.is_empty(), "nothing is typed into D");
    assert_eq!(app.notice, Some(Notice::Computed));
    app.update(Msg::Confirm);
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Votes));
}

/// Issue 17, item 4: Esc on an untouched field goes back one field, never out of
/// the station; at the first field it asks before leaving.
#[test]
fn escape_goes_back_one_field_and_leaving_the_station_asks_first() {
    let mut app = opened();
    enter(&mut app, "120");
    enter(&mut app, "3");
    app.update(Msg::Confirm);
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Votes));
    app.update(Msg::Back);
    assert_eq!(app.current_item(), Some(Item::Total(Field::TotalAdmitted)));
    app.update(Msg::Back);
    app.update(Msg::Back);
    assert_eq!(app.current_item(), Some(Item::Count(Field::PollCards)));
    app.update(Msg::Back);
    assert_eq!(app.dialog, Some(Dialog::LeaveStation));
    assert_eq!(
        app.screen.kind(),
        ScreenKind::Step(Step::Voters),
        "not left yet"
    );
    app.update(Msg::Char('n'));
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Voters));
    app.update(Msg::Back);
    app.update(Msg::Char('j'));
    assert_eq!(app.screen.kind(), ScreenKind::Stations);
}

/// Issue 17, item 4: the step bar's keys jump straight to a step; from the check
/// screen Esc goes back one step.
#[test]
fn the_step_bar_jumps_straight_to_a_step_and_esc_on_the_check_goes_back_one() {
    let mut app = opened();
    enter_station(&mut app);
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Check));
    app.update(Msg::GoToTab(1));
    assert_eq!(
        app.screen.kind(),
        ScreenKind::Step(Step::Votes),
        "one key, not six"
    );
    app.update(Msg::GoToTab(3));
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Candidates(0)));
    app.update(Msg::GoToTab(3));
    assert_eq!(
        app.screen.kind(),
        ScreenKind::Step(Step::Candidates(1)),
        "next list"
    );
    app.update(Msg::GoToTab(4));
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Check));
    app.update(Msg::Back);
    let last = app.election.lists.len() - 1;
    assert_eq!(app.screen.kind(), ScreenKind::Step(Step::Candidates(last)));
    app.update(Msg::GoToTab(5));
    app.update(Msg::Back);
    assert_eq!(
        app.screen.kind(),
        ScreenKind::Step(Step::Check),
        "never the station list"
    );
}

/// Issue 17, item 5: quitting with a typed but unconfirmed figure says so and
/// offers to confirm it.
#[test]
fn quitting_with_a_typed_figure_offers_to_confirm_it() {
    let mut app = opened();
    app.update(Msg::Char('3'));
    app.update(Msg::Char('0'));
    app.update(Msg::Quit);
    assert_eq!(app.dialog, Some(Dialog::Quit));
    assert!(app.pending_input());
    let effects = app.update(Msg::Confirm);
    assert_eq!(saved_fields(&effects), vec![(Field::PollCards, Some(30))]);
    assert!(app.quit);
    // Had the storage refused it, the program would not stop.
    app.update(Msg::NotSaved {
        what: Unsaved::Field(Field::PollCards, Some(30)),
        reason: "schijf vol".into(),
    });
    assert!(!app.quit, "a refused save keeps the program open");
    assert_eq!(app.input, "30");
}

/// Issue 17, item 2: Space acknowledges and moves on to the next open warning.
#[test]
fn acknowledging_moves_to_the_next_open_warning_and_counts() {
    let mut app = opened();
    on_check(&mut app);
    *results(&mut app) = vec![
        warning("W.201", Field::Blank),
        warning("W.202", Field::Invalid),
        warning("W.203", Field::TotalCast),
    ];
    check(&mut app).cursor = 0;
    app.update(Msg::Toggle);
    assert_eq!(check(&mut app).cursor, 1);
    assert_eq!(app.warnings_acknowledged(), (1, 3));
    app.update(Msg::Toggle);
    assert_eq!(check(&mut app).cursor, 2);
    let shown = crate::tui::text::notice(Language::Dutch, app.notice.as_ref().expect("notice"));
    assert!(shown.contains("2 van 3 bevestigd"), "{shown}");
    app.update(Msg::Toggle);
    assert_eq!(app.warnings_acknowledged(), (3, 3));
}

/// Issue 17, item 1: with a warning open, Vaststellen does not offer to finalise
/// but says how many are left; Enter leads to the check.
#[test]
fn vaststellen_with_open_warnings_says_how_many_and_enter_leads_to_the_check() {
    let mut app = opened();
    on_check(&mut app);
    *results(&mut app) = vec![
        warning("W.201", Field::Blank),
        warning("W.203", Field::TotalCast),
    ];
    check(&mut app).cursor = 0;
    app.update(Msg::Toggle);
    let results = results(&mut app).clone();
    app.screen = Screen::Finalise(FinaliseScreen { results, scroll: 0 });
    let (done, of) = app.warnings_acknowledged();
    let line = crate::tui::text::finalise_blocked(Language::Dutch, 0, done, of);
    assert!(line.contains("1 van 2 bevestigd"), "{line}");
    assert!(line.contains("nog 1 te gaan"), "{line}");
    assert!(line.contains("Enter: naar Controle"), "{line}");
    app.update(Msg::Confirm);
    assert_eq!(app.dialog, None, "no finalise question");
}

#[test]
fn the_done_screen_writes_the_annex_and_shows_where_it_went() {
    let mut app = opened();
    app.printing.printer = "kantoor".into();
    let mut record = app.record.clone().expect("open");
    record.lifecycle.state = RecordState::Finalised;
    app.update(Msg::Finalised(record));
    assert_eq!(app.screen.kind(), ScreenKind::Done);
    let effects = app.update(Msg::Done(DoneAction::Annex));
    assert_eq!(
        effects,
        vec![Effect::WriteAnnex {
            station: 1,
            printing: app.printing.clone(),
        }]
    );
    app.update(Msg::AnnexWritten {
        path: "/werkmap/annex/bijlage-stembureau-1-versie-1.pdf".into(),
        printed: Some("niet afgedrukt / not printed: geen printer".into()),
    });
    assert_eq!(
        app.screen.kind(),
        ScreenKind::Done,
        "the operator stays on the Done screen"
    );
    let notice = app.notice.clone().expect("a notice");
    let shown = crate::tui::text::notice(Language::Dutch, &notice);
    assert!(
        shown.contains("bijlage-stembureau-1-versie-1.pdf"),
        "{shown}"
    );
    assert!(shown.contains("niet afgedrukt"), "{shown}");
    assert!(!notice.is_error(), "a missing printer is not a failure");
}

/// Issue 17, item 1: with the last warning acknowledged but errors left, the notice
/// does not send the operator to Vaststellen.
#[test]
fn the_last_warning_acknowledged_with_errors_left_does_not_offer_to_finalise() {
    let mut app = opened();
    on_check(&mut app);
    let mut error = warning("F.201", Field::TotalAdmitted);
    error.severity = Severity::Error;
    *results(&mut app) = vec![error, warning("W.201", Field::Blank)];
    check(&mut app).cursor = 1;
    app.update(Msg::Toggle);
    let shown = crate::tui::text::notice(Language::Dutch, app.notice.as_ref().expect("notice"));
    assert!(shown.contains("nog 1 fout op te lossen"), "{shown}");
    assert!(!shown.contains("Vaststellen"), "{shown}");
}

#[test]
fn f9_opens_the_desk_of_the_chosen_station_and_esc_comes_back() {
    let mut app = app();
    app.update(Msg::Char('2'));
    let fx = app.update(Msg::Desk(DeskMsg::OpenChosen));
    assert_eq!(app.screen.kind(), ScreenKind::Desk);
    assert_eq!(
        fx,
        [Effect::Desk(DeskEffect::Load { station: 2 })],
        "the desk of station 2 is read"
    );
    assert!(app.in_text(), "the name is asked: q is a letter there");
    app.update(Msg::Back);
    assert_eq!(app.screen.kind(), ScreenKind::Stations);
}

#[test]
fn a_transcribed_record_opens_at_the_desk_not_in_the_counting_steps() {
    let mut app = app();
    let mut record = CountRecord::empty(&app.election, 3, EntryMode::Transcription);
    record.voters.poll_cards = Some(700);
    record.voters.proxy_certificates = Some(12);
    record.voters.total_admitted = Some(713);
    let fx = app.update(Msg::Opened(record));
    assert_eq!(
        app.screen.kind(),
        ScreenKind::Desk,
        "no sum is shown in the paper's place"
    );
    assert!(fx.contains(&Effect::Desk(DeskEffect::Load { station: 3 })));
    assert!(app.record.is_none());
}

#[test]
fn quitting_with_a_figure_typed_at_the_desk_offers_to_confirm_it_first() {
    use crate::desk::{Desk, Source};
    let mut app = app();
    app.desk.default_operator = "Anna".into();
    app.update(Msg::Desk(DeskMsg::Open(3)));
    app.update(Msg::Confirm);
    let mut desk = Desk::new(3);
    desk.start(&app.election, "Anna", Source::Paper, None)
        .expect("start");
    app.update(Msg::Desk(DeskMsg::Loaded {
        desk,
        expected: Vec::new(),
    }));
    app.update(Msg::Confirm);
    app.update(Msg::Char('7'));
    app.update(Msg::Quit);
    assert!(app.pending_input(), "7 is typed but not confirmed");
    let fx = app.update(Msg::Confirm);
    assert!(app.quit);
    assert!(
        fx.iter().any(|f| matches!(
            f,
            Effect::Desk(DeskEffect::SaveBox {
                value: crate::desk::BoxValue::Count(Some(7)),
                ..
            })
        )),
        "{fx:?}"
    );
}
