//! Controle, Vaststellen and the Done screen: rule results, acknowledging warnings,
//! finalising and starting a corrigendum.

use super::*;

impl App {
    pub(super) fn on_check(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        let Screen::Check(check) = &mut self.screen else {
            return;
        };
        let count = check.results.len();
        match msg {
            Msg::Next if check.cursor + 1 < count => check.cursor += 1,
            Msg::Prev => check.cursor = check.cursor.saturating_sub(1),
            Msg::Confirm => match check.results.get(check.cursor) {
                Some(result) => {
                    let target = result.fields.first().copied();
                    self.jump_to(target);
                }
                None => self.go(Step::Finalise, 0),
            },
            Msg::Toggle | Msg::Char('a' | 'A') => self.acknowledge(fx),
            Msg::NextStep => self.go(Step::Finalise, 0),
            Msg::PrevStep => self.go_prev_step(Step::Check),
            Msg::GoToTab(tab) => self.go_to_tab(Step::Check, tab),
            // Back one step, to the last field before the check; never out of the station.
            Msg::Back => self.backward(Step::Check),
            _ => {}
        }
    }

    fn jump_to(&mut self, target: Option<Target>) {
        let Some(record) = &self.record else {
            return;
        };
        let (step, index) = match target {
            Some(Target::Count(field)) => flow::locate(&self.election, record, field),
            Some(Target::Mark(Mark::ExplainedYes | Mark::ExplainedNo)) => {
                let i = flow::items(&self.election, record, Step::Differences)
                    .iter()
                    .position(|i| *i == Item::Explained)
                    .unwrap_or(0);
                (Step::Differences, i)
            }
            Some(Target::Mark(_)) => (Step::Differences, 0),
            None => (Step::Voters, 0),
        };
        self.go(step, index);
        if let Screen::Entry(entry) = &mut self.screen {
            entry.from_check = true;
        }
    }

    fn acknowledge(&mut self, fx: &mut Vec<Effect>) {
        let Screen::Check(check) = &self.screen else {
            return;
        };
        let cursor = check.cursor;
        let Some(result) = check.results.get(cursor) else {
            return;
        };
        if result.severity == Severity::Error {
            self.notice = Some(Notice::ErrorsCannotBeAcknowledged);
            return;
        }
        let code = result.code.to_string();
        let Some(station) = self.station() else {
            return;
        };
        let acknowledged = if self.acknowledged.remove(&code) {
            false
        } else {
            self.acknowledged.insert(code.clone());
            let (done, of) = self.warnings_acknowledged();
            let (errors, _) = self.blockers();
            self.notice = Some(Notice::WarningAcknowledged {
                code: code.clone(),
                done,
                of,
                errors,
            });
            // On to the next warning still open, so that Space, Space, … does them all.
            let open = |r: &RuleResult| {
                r.severity == Severity::Warning && !self.acknowledged.contains(r.code.as_str())
            };
            let results = self.results();
            let after = cursor + 1;
            let next = (after..results.len())
                .chain(0..after)
                .find(|&i| results.get(i).is_some_and(open));
            if let (Some(next), Screen::Check(check)) = (next, &mut self.screen) {
                check.cursor = next;
            }
            true
        };
        fx.push(Effect::LogEvent {
            station,
            event: if acknowledged {
                AuditEvent::WarningAcknowledged { code }
            } else {
                AuditEvent::AcknowledgementWithdrawn { code }
            },
        });
    }

    /// Errors left and warnings not yet acknowledged.
    pub fn blockers(&self) -> (usize, usize) {
        let errors = self
            .results()
            .iter()
            .filter(|r| r.severity == Severity::Error)
            .count();
        let open_warnings = self
            .results()
            .iter()
            .filter(|r| {
                r.severity == Severity::Warning && !self.acknowledged.contains(r.code.as_str())
            })
            .count();
        (errors, open_warnings)
    }

    /// Warnings acknowledged, of all warnings: "2 van 3 bevestigd".
    pub fn warnings_acknowledged(&self) -> (usize, usize) {
        let warnings = self
            .results()
            .iter()
            .filter(|r| r.severity == Severity::Warning);
        let of = warnings.clone().count();
        let done = warnings
            .filter(|r| self.acknowledged.contains(r.code.as_str()))
            .count();
        (done, of)
    }

    // ----- vaststellen -----

    pub(super) fn on_finalise(&mut self, msg: Msg, _fx: &mut Vec<Effect>) {
        let Screen::Finalise(finalise) = &mut self.screen else {
            return;
        };
        match msg {
            Msg::Next => finalise.scroll = finalise.scroll.saturating_add(1),
            Msg::Prev => finalise.scroll = finalise.scroll.saturating_sub(1),
            Msg::PrevStep | Msg::Back => self.go(Step::Check, 0),
            Msg::GoToTab(tab) => self.go_to_tab(Step::Finalise, tab),
            Msg::Confirm => {
                if self.is_finalised() {
                    self.screen = Screen::Done;
                    return;
                }
                self.refresh_results();
                let (errors, warnings) = self.blockers();
                if errors > 0 {
                    self.go(Step::Check, 0);
                    self.notice = Some(Notice::HasErrors(errors));
                } else if warnings > 0 {
                    self.go(Step::Check, 0);
                    self.notice = Some(Notice::Unacknowledged(warnings));
                } else {
                    self.dialog = Some(Dialog::ConfirmFinalise);
                }
            }
            _ => {}
        }
    }

    // ----- done -----

    pub(super) fn on_done(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Done(action) => self.done_action(action, fx),
            Msg::Back => self.go_stations(),
            Msg::PrevStep => self.go(Step::Finalise, 0),
            Msg::GoToTab(tab) => self.go_to_tab(Step::Finalise, tab),
            _ => {}
        }
    }

    /// What each Done action does. Add new actions here; an action that needs the
    /// workspace (a code, an annex) pushes an [`Effect`] and gets its answer as a [`Msg`].
    fn done_action(&mut self, action: DoneAction, fx: &mut Vec<Effect>) {
        match action {
            DoneAction::Correct => self.dialog = Some(Dialog::CorrectionReason(String::new())),
            DoneAction::Stations => self.go_stations(),
            DoneAction::ReadAloud => self.screen = Screen::ReadAloud { scroll: 0 },
            DoneAction::Annex => {
                if let Some(record) = &self.record {
                    fx.push(Effect::WriteAnnex {
                        station: record.station,
                        printing: self.printing.clone(),
                    });
                }
            }
        }
    }
}
