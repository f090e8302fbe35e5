//! Typing the figures: fields, steps, sums, refused saves and resuming.

use super::*;

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
    assert_eq!(app.input(), "1");
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
    assert_eq!(app.input(), "999999999");
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
    assert_eq!(app.input(), "");
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
    assert_eq!(app.input(), "30", "what was typed is still in the box");
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
    assert_eq!(app.input(), "30");
}
