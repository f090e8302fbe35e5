//! Controle, Vaststellen and the Done screen.

use super::*;

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
