//! When the interface may not change the workspace: another telraam has it open,
//! its folder is write-protected, or its audit log is broken and the operator has
//! not (yet) chosen to go on. A blocking notice says so at start; afterwards every
//! key that would save is refused with a one-line reminder, and the figures can
//! still be read, checked, read aloud and printed.

use super::{App, Dialog, DoneAction, Effect, Guard, Msg, Notice, Screen};
use crate::record::CountRecord;

impl App {
    /// The runtime found a reason to only read: show it, blocking, and keep it.
    pub(super) fn guarded(&mut self, guard: Guard) {
        self.guard = Some(guard);
        self.dialog = Some(Dialog::Guard);
    }

    /// Keys on the blocking notice.
    pub(super) fn in_guard_dialog(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        let broken = matches!(self.guard, Some(Guard::BrokenChain(_)));
        match msg {
            Msg::Char('j' | 'J' | 'y' | 'Y') if broken => {
                self.dialog = None;
                fx.push(Effect::AcceptBrokenChain);
            }
            Msg::Char('n' | 'N') | Msg::Back if broken => {
                self.dialog = None;
                self.notice = Some(Notice::ReadOnly);
            }
            Msg::Confirm | Msg::Back if !broken => self.dialog = None,
            Msg::Quit | Msg::Char('q' | 'Q') => self.dialog = Some(Dialog::Quit),
            _ => {}
        }
    }

    /// The runtime logged the operator's consent: saving works again.
    pub(super) fn chain_accepted(&mut self) {
        self.guard = None;
        self.notice = Some(Notice::BrokenChainAccepted);
    }

    /// Whether `msg` on this screen would save something.
    pub(super) fn would_write(&self, msg: &Msg) -> bool {
        match self.screen {
            Screen::Stations(_) => matches!(msg, Msg::PhoneCheck),
            Screen::Check(_) => matches!(msg, Msg::Toggle),
            Screen::Finalise(_) => matches!(msg, Msg::Confirm | Msg::Char(_)),
            Screen::Entry(_) => matches!(
                msg,
                Msg::Char(_) | Msg::Confirm | Msg::Erase | Msg::Clear | Msg::Toggle
            ),
            Screen::Done => matches!(msg, Msg::Done(DoneAction::Correct)),
            Screen::ReadAloud { .. } | Screen::Phone => false,
            // Scanning imports a record.
            Screen::Board => matches!(msg, Msg::Board(super::BoardMsg::Scan)),
            // The desk saves on every step except reading and moving around.
            Screen::Desk => {
                !matches!(
                    msg,
                    Msg::Next | Msg::Prev | Msg::Back | Msg::NextStep | Msg::PrevStep
                ) && !matches!(msg, Msg::Desk(super::DeskMsg::Rules))
            }
        }
    }

    /// The workspace changed elsewhere (an import, another window): fresh figures
    /// for the station list and for the open station, with a notice when the open
    /// station's figures changed.
    pub(super) fn refreshed(&mut self, records: Vec<CountRecord>) {
        for r in &records {
            self.statuses.insert(r.station, super::StationStatus::of(r));
        }
        let Some(open) = self.record.as_ref() else {
            return;
        };
        if let Some(fresh) = records.into_iter().find(|r| r.station == open.station) {
            let mut fresh = fresh;
            fresh.lifecycle.acknowledged_warnings = open.lifecycle.acknowledged_warnings.clone();
            if fresh != *open {
                let station = fresh.station;
                self.record = Some(fresh);
                self.notice = Some(Notice::ChangedElsewhere { station });
                if matches!(self.screen, Screen::Check(_)) {
                    self.refresh_results();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::election::Election;
    use crate::record::{EntryMode, Field};
    use crate::settings::Language;
    use crate::storage::lock::Holder;
    use crate::tui::app::ScreenKind;

    fn held() -> Guard {
        Guard::HeldBy(Some(Holder {
            operator: "Jansen".into(),
            pid: 4242,
            since: "2026-03-18T21:04:05Z".into(),
            station: Some(2),
        }))
    }

    fn opened_with(guard: Guard) -> App {
        let mut app = App::new(Election::demo(), Language::Dutch, &[], None);
        app.update(Msg::Guard(guard));
        app.update(Msg::Confirm); // closes the notice (a broken chain needs j or n)
        let record = CountRecord::empty(&app.election, 1, EntryMode::Counting);
        app.update(Msg::Opened(record));
        app
    }

    fn writes(effects: &[Effect]) -> bool {
        effects.iter().any(|e| {
            !matches!(
                e,
                Effect::OpenStation(_) | Effect::SetResume(_) | Effect::LoadPhoneOverview
            )
        })
    }

    #[test]
    fn a_second_window_names_the_holder_and_saves_nothing() {
        let mut app = App::new(Election::demo(), Language::Dutch, &[], None);
        app.update(Msg::Guard(held()));
        assert_eq!(app.dialog, Some(Dialog::Guard));
        let (title, body) = crate::tui::text::guard_notice(app.language, &held());
        assert_eq!(title, "ALLEEN LEZEN");
        assert!(body.contains("Jansen") && body.contains("4242"), "{body}");
        assert!(body.contains("stembureau 2"), "{body}");

        let mut app = opened_with(held());
        let mut effects = Vec::new();
        for msg in [Msg::Char('7'), Msg::Confirm, Msg::Clear, Msg::Toggle] {
            effects.extend(app.update(msg));
        }
        assert!(!writes(&effects), "{effects:?}");
        assert_eq!(app.notice, Some(Notice::ReadOnly));
        assert_eq!(
            app.record.as_ref().and_then(|r| r.get(Field::PollCards)),
            None
        );
        // Moving around still works.
        app.update(Msg::NextStep);
        assert!(matches!(app.screen.kind(), ScreenKind::Step(_)));
    }

    #[test]
    fn a_broken_chain_blocks_until_the_operator_answers_and_yes_is_logged() {
        let broken = Guard::BrokenChain(crate::storage::AuditProblem {
            row: 7,
            fault: crate::storage::ChainFault::Altered,
        });
        let (_, body) = crate::tui::text::guard_notice(Language::Dutch, &broken);
        assert!(
            body.contains("vanaf regel 7: de inhoud past niet bij de hash"),
            "{body}"
        );
        let (_, body) = crate::tui::text::guard_notice(Language::English, &broken);
        assert!(
            body.contains("from row 7: its contents do not match its hash"),
            "{body}"
        );

        let mut app = App::new(Election::demo(), Language::Dutch, &[], None);
        app.update(Msg::Guard(broken.clone()));
        // Enter does not wave it away: it needs an answer.
        app.update(Msg::Confirm);
        assert_eq!(app.dialog, Some(Dialog::Guard));
        let effects = app.update(Msg::Char('j'));
        assert_eq!(effects, vec![Effect::AcceptBrokenChain]);
        app.update(Msg::ChainAccepted);
        assert_eq!(app.guard, None);

        let mut app = App::new(Election::demo(), Language::Dutch, &[], None);
        app.update(Msg::Guard(broken));
        assert!(app.update(Msg::Char('n')).is_empty());
        assert!(app.guard.is_some(), "no answer yes: only read");
        app.update(Msg::Opened(CountRecord::empty(
            &app.election,
            1,
            EntryMode::Counting,
        )));
        assert!(!writes(&app.update(Msg::Char('5'))));
        assert_eq!(app.notice, Some(Notice::ReadOnly));
    }

    #[test]
    fn figures_saved_elsewhere_replace_the_shown_ones_with_a_notice() {
        let mut app = App::new(Election::demo(), Language::Dutch, &[], None);
        let record = CountRecord::empty(&app.election, 1, EntryMode::Counting);
        app.update(Msg::Opened(record.clone()));
        let mut changed = record;
        changed.set(Field::PollCards, Some(812));
        app.update(Msg::Refreshed(vec![changed]));
        assert_eq!(
            app.record.as_ref().and_then(|r| r.get(Field::PollCards)),
            Some(812)
        );
        assert_eq!(app.notice, Some(Notice::ChangedElsewhere { station: 1 }));
    }
}
