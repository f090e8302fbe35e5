use super::*;
use crate::desk::Desk;
use crate::record::Mark;

fn election() -> Election {
    Election::demo()
}

/// A desk UI for station 3 with Anna's name given and `desk` loaded.
fn loaded(desk: Desk, operator: &str) -> DeskUi {
    let e = election();
    let mut ui = DeskUi {
        default_operator: operator.into(),
        ..DeskUi::default()
    };
    assert_eq!(ui.open(3), [DeskEffect::Load { station: 3 }]);
    ui.update(&e, DeskMsg::Confirm);
    ui.update(
        &e,
        DeskMsg::Loaded {
            desk,
            expected: Vec::new(),
        },
    );
    ui
}

fn typed(ui: &mut DeskUi, keys: &str) -> Vec<DeskEffect> {
    let e = election();
    let mut fx = Vec::new();
    for c in keys.chars() {
        let msg = match c {
            '\n' => DeskMsg::Confirm,
            ' ' => DeskMsg::Toggle,
            c => DeskMsg::Char(c),
        };
        fx.extend(ui.update(&e, msg));
    }
    fx
}

/// The stored desk after Anna started her entry.
fn started(who: &str) -> Desk {
    let e = election();
    let mut desk = Desk::new(3);
    desk.start(&e, who, Source::Paper, None).expect("start");
    desk
}

#[test]
fn the_name_is_asked_once_per_session_with_the_settings_name_offered() {
    let e = election();
    let mut ui = DeskUi {
        default_operator: "Anna".into(),
        ..DeskUi::default()
    };
    ui.open(3);
    assert_eq!(ui.screen, DeskScreen::Operator);
    assert_eq!(ui.name_input, "Anna");
    ui.update(&e, DeskMsg::Clear);
    ui.update(&e, DeskMsg::Confirm);
    assert_eq!(ui.notice, Some(DeskNotice::NameRequired));
    typed(&mut ui, "Bram");
    ui.update(&e, DeskMsg::Confirm);
    assert_eq!(ui.operator.as_deref(), Some("Bram"));
    assert_eq!(ui.screen, DeskScreen::Overview);
    ui.update(&e, DeskMsg::Back);
    assert!(ui.leave);
    ui.open(2);
    assert_eq!(ui.screen, DeskScreen::Overview, "not asked again");
}

#[test]
fn enter_on_a_new_station_starts_an_entry_and_the_typing_screen_opens_when_stored() {
    let e = election();
    let mut ui = loaded(Desk::new(3), "Anna");
    assert_eq!(
        ui.update(&e, DeskMsg::Confirm),
        [DeskEffect::Start {
            station: 3,
            operator: "Anna".into()
        }]
    );
    ui.update(
        &e,
        DeskMsg::Loaded {
            desk: started("Anna"),
            expected: Vec::new(),
        },
    );
    assert_eq!(ui.screen, DeskScreen::Typing);
    assert_eq!(ui.number, Some(1));
    assert_eq!(ui.current(&e), Some(Target::Count(Field::PollCards)));
}

#[test]
fn every_box_is_typed_as_on_paper_d_included_and_enter_on_an_empty_box_is_zero() {
    let e = election();
    let mut ui = loaded(started("Anna"), "Anna");
    ui.update(&e, DeskMsg::Confirm);
    assert_eq!(ui.screen, DeskScreen::Typing);
    let fx = typed(&mut ui, "700\n12\n713\n\n");
    let saved: Vec<(Target, BoxValue)> = fx
        .iter()
        .filter_map(|f| match f {
            DeskEffect::SaveBox { target, value, .. } => Some((*target, *value)),
            _ => None,
        })
        .collect();
    assert_eq!(
        saved,
        [
            (Target::Count(Field::PollCards), BoxValue::Count(Some(700))),
            (
                Target::Count(Field::ProxyCertificates),
                BoxValue::Count(Some(12))
            ),
            (
                Target::Count(Field::TotalAdmitted),
                BoxValue::Count(Some(713))
            ),
            (Target::Count(Field::ListTotal(1)), BoxValue::Count(Some(0))),
        ]
    );
    let record = ui.record().expect("own entry");
    assert_eq!(
        record.voters.total_admitted,
        Some(713),
        "the paper's D, not A + B"
    );
    let codes: Vec<_> = ui.results(&e).iter().map(|r| r.code.to_string()).collect();
    assert!(codes.contains(&"F.201".to_string()), "{codes:?}");
    // F7, then Enter on F.201: back on the typing screen at D.
    ui.update(&e, DeskMsg::Rules);
    let at = ui
        .results(&e)
        .iter()
        .position(|r| r.code == "F.201")
        .expect("F.201");
    ui.rule_cursor = at;
    ui.update(&e, DeskMsg::Confirm);
    assert_eq!(ui.screen, DeskScreen::Typing);
    assert_eq!(ui.current(&e), Some(Target::Count(Field::TotalAdmitted)));
}

#[test]
fn a_tick_box_is_ticked_with_space_and_a_digit_there_is_refused() {
    let e = election();
    let mut ui = loaded(started("Anna"), "Anna");
    ui.update(&e, DeskMsg::Confirm);
    let equal = ui
        .fields(&e)
        .iter()
        .position(|t| *t == Target::Mark(Mark::Equal))
        .expect("D = H box");
    ui.cursor = equal;
    assert!(typed(&mut ui, "1").is_empty());
    assert_eq!(ui.notice, Some(DeskNotice::TickWithSpace));
    let fx = typed(&mut ui, " ");
    assert!(matches!(
        fx.as_slice(),
        [DeskEffect::SaveBox {
            value: BoxValue::Mark(true),
            ..
        }]
    ));
}

#[test]
fn f8_asks_first_and_then_finishes_the_entry() {
    let e = election();
    let mut ui = loaded(started("Anna"), "Anna");
    ui.update(&e, DeskMsg::Confirm);
    assert!(ui.update(&e, DeskMsg::Finish).is_empty());
    assert_eq!(ui.confirm, Some(Confirm::Finish));
    assert!(ui.update(&e, DeskMsg::Char('n')).is_empty());
    ui.update(&e, DeskMsg::Finish);
    assert_eq!(
        ui.update(&e, DeskMsg::Char('j')),
        [DeskEffect::Finish {
            station: 3,
            number: 1,
            operator: "Anna".into()
        }]
    );
}

/// Anna's entry with E.2 = 200 finished, Bram's with E.2 = 210 finished: they differ.
fn differing() -> Desk {
    let e = election();
    let mut desk = Desk::new(3);
    let e2 = Target::Count(Field::ListTotal(2));
    for (who, v) in [("Anna", 200), ("Bram", 210)] {
        let n = desk.start(&e, who, Source::Paper, None).expect("start");
        desk.set(&e, n, who, e2, BoxValue::Count(Some(v)))
            .expect("E.2");
        desk.finish(&e, n, who).expect("finish");
    }
    desk
}

#[test]
fn the_second_typist_re_checks_only_the_differing_boxes_in_their_own_entry() {
    let e = election();
    let mut ui = loaded(differing(), "Bram");
    ui.update(&e, DeskMsg::Confirm);
    assert_eq!(ui.screen, DeskScreen::Typing);
    assert_eq!(ui.fields(&e), [Target::Count(Field::ListTotal(2))]);
    assert_eq!(
        ui.record().and_then(|r| r.list_total(2)),
        Some(210),
        "Bram sees his own figure, never Anna's"
    );
    let other = loaded(differing(), "Carla");
    assert_eq!(
        other.desk.as_ref().and_then(|d| d.open_entry_of("Carla")),
        None
    );
}

#[test]
fn the_coordinator_chooses_and_confirms_which_entry_to_keep() {
    let e = election();
    let mut desk = differing();
    desk.finish(&e, 2, "Bram").expect("re-checked");
    let mut ui = loaded(desk, "Carla");
    ui.update(&e, DeskMsg::Confirm);
    assert_eq!(ui.screen, DeskScreen::Coordinator);
    ui.update(&e, DeskMsg::Next);
    ui.update(&e, DeskMsg::Confirm);
    assert_eq!(ui.confirm, Some(Confirm::Keep(2)));
    assert_eq!(
        ui.update(&e, DeskMsg::Char('j')),
        [DeskEffect::Keep {
            station: 3,
            number: 2,
            operator: "Carla".into()
        }]
    );
}

#[test]
fn the_coordinator_discards_an_entry_its_typist_left_half_typed_after_a_question() {
    let e = election();
    let mut desk = started("Anna");
    desk.finish(&e, 1, "Anna").expect("first complete");
    desk.start(&e, "Bram", Source::Paper, None).expect("second");
    let mut ui = loaded(desk, "Carla");
    assert_eq!(ui.stage(), Stage::SecondEntry);
    assert_eq!(ui.update(&e, DeskMsg::Confirm), []);
    assert_eq!(ui.confirm, Some(Confirm::Discard(2)));
    assert_eq!(
        ui.screen,
        DeskScreen::Overview,
        "Bram's figures stay unseen"
    );
    assert_eq!(ui.update(&e, DeskMsg::Char('n')), [], "no: nothing happens");
    assert_eq!(ui.confirm, None);
    ui.update(&e, DeskMsg::Confirm);
    assert_eq!(
        ui.update(&e, DeskMsg::Char('j')),
        [DeskEffect::Discard {
            station: 3,
            number: 2,
            operator: "Carla".into()
        }]
    );
}
