//! What each key does on each desk screen: the operator's name, the overview,
//! typing an entry, the rules, the coordinator, and the confirming questions.

use super::*;

impl DeskUi {
    pub(super) fn on_operator(&mut self, msg: DeskMsg) {
        match msg {
            DeskMsg::Char(c) => self.name_input.push(c),
            DeskMsg::Toggle => self.name_input.push(' '),
            DeskMsg::Erase => {
                self.name_input.pop();
            }
            DeskMsg::Clear => self.name_input.clear(),
            DeskMsg::Confirm => {
                let name = self.name_input.trim().to_string();
                if name.is_empty() {
                    self.notice = Some(DeskNotice::NameRequired);
                } else {
                    self.operator = Some(name);
                    self.screen = DeskScreen::Overview;
                }
            }
            DeskMsg::Back => self.leave = true,
            _ => {}
        }
    }

    pub(super) fn on_overview(
        &mut self,
        election: &Election,
        msg: DeskMsg,
        fx: &mut Vec<DeskEffect>,
    ) {
        let (Some(station), Some(operator)) = (self.station, self.operator.clone()) else {
            return;
        };
        match msg {
            DeskMsg::Confirm => match self.stage() {
                Stage::NoEntry | Stage::AwaitingSecond => {
                    fx.push(DeskEffect::Start { station, operator });
                }
                Stage::AtCoordinator => {
                    self.screen = DeskScreen::Coordinator;
                    self.choice = 0;
                }
                // Someone else's entry, half typed (its typist left): the coordinator
                // may discard it, after a question.
                stage @ (Stage::FirstEntry | Stage::SecondEntry)
                    if self
                        .desk
                        .as_ref()
                        .is_some_and(|d| d.open_entry_of(&operator).is_none()) =>
                {
                    let number = if stage == Stage::FirstEntry { 1 } else { 2 };
                    self.confirm = Some(Confirm::Discard(number));
                }
                _ => {
                    if let Some(n) = self.desk.as_ref().and_then(|d| d.open_entry_of(&operator)) {
                        // Where the entry stopped: its first empty box.
                        self.begin_typing(election, n);
                    }
                }
            },
            DeskMsg::Back => self.leave = true,
            _ => {}
        }
    }

    pub(super) fn on_typing(
        &mut self,
        election: &Election,
        msg: DeskMsg,
        fx: &mut Vec<DeskEffect>,
    ) {
        let fields = self.fields(election);
        let Some(target) = fields.get(self.cursor).copied() else {
            if msg == DeskMsg::Back {
                self.screen = DeskScreen::Overview;
            }
            return;
        };
        match msg {
            DeskMsg::Char(c) if c.is_ascii_digit() => match target {
                Target::Count(_) => {
                    let mut typed = self.input.clone();
                    typed.push(c);
                    match typed.parse::<u64>() {
                        Ok(v) if v <= MAX_COUNT => self.input = typed,
                        _ => self.notice = Some(DeskNotice::TooLarge),
                    }
                }
                Target::Mark(_) => self.notice = Some(DeskNotice::TickWithSpace),
            },
            DeskMsg::Char(c) => self.notice = Some(DeskNotice::NotADigit(c)),
            DeskMsg::Erase => {
                self.input.pop();
            }
            DeskMsg::Toggle => {
                if let Some(BoxValue::Mark(on)) = self.record().map(|r| value(r, target)) {
                    self.save(election, target, BoxValue::Mark(!on), fx);
                } else {
                    self.notice = Some(DeskNotice::NotADigit(' '));
                }
            }
            DeskMsg::Clear => {
                self.input.clear();
                if matches!(target, Target::Count(_)) {
                    self.save(election, target, BoxValue::Count(None), fx);
                }
            }
            DeskMsg::Confirm => {
                if let Target::Count(_) = target {
                    let now = self.record().map(|r| value(r, target));
                    let typed = self.input.parse::<u64>().ok();
                    match (typed, now) {
                        (Some(v), _) => self.save(election, target, BoxValue::Count(Some(v)), fx),
                        // Enter on an empty box writes 0, as on the count screens; a
                        // box that holds a figure keeps it.
                        (None, Some(BoxValue::Count(None))) => {
                            self.save(election, target, BoxValue::Count(Some(0)), fx)
                        }
                        _ => {}
                    }
                }
                self.input.clear();
                self.cursor = (self.cursor + 1).min(fields.len().saturating_sub(1));
            }
            DeskMsg::Next => {
                self.input.clear();
                self.cursor = (self.cursor + 1).min(fields.len().saturating_sub(1));
            }
            DeskMsg::Prev => {
                self.input.clear();
                self.cursor = self.cursor.saturating_sub(1);
            }
            DeskMsg::PageDown => {
                self.input.clear();
                self.cursor = (self.cursor + 10).min(fields.len().saturating_sub(1));
            }
            DeskMsg::PageUp => {
                self.input.clear();
                self.cursor = self.cursor.saturating_sub(10);
            }
            DeskMsg::Rules => {
                self.input.clear();
                self.screen = DeskScreen::Rules;
                self.rule_cursor = 0;
            }
            DeskMsg::Finish => {
                self.input.clear();
                self.confirm = Some(Confirm::Finish);
            }
            DeskMsg::Back => {
                if self.input.is_empty() {
                    self.screen = DeskScreen::Overview;
                } else {
                    self.input.clear();
                }
            }
            _ => {}
        }
    }

    /// Saves a box: shown at once, stored by the runtime (which answers with the
    /// stored desk).
    pub(super) fn save(
        &mut self,
        election: &Election,
        target: Target,
        new: BoxValue,
        fx: &mut Vec<DeskEffect>,
    ) {
        let (Some(station), Some(number), Some(operator)) =
            (self.station, self.number, self.operator.clone())
        else {
            return;
        };
        if let Some(desk) = &mut self.desk
            && let Err(e) = desk.set(election, number, &operator, target, new)
        {
            self.notice = Some(DeskNotice::Refused(crate::storage::entries::refusal(&e)));
            return;
        }
        fx.push(DeskEffect::SaveBox {
            station,
            number,
            target,
            value: new,
            operator,
        });
    }

    pub(super) fn on_rules(&mut self, election: &Election, msg: DeskMsg) {
        let results = self.results(election);
        match msg {
            DeskMsg::Next if self.rule_cursor + 1 < results.len() => self.rule_cursor += 1,
            DeskMsg::Prev => self.rule_cursor = self.rule_cursor.saturating_sub(1),
            DeskMsg::Confirm => {
                // Jump to the box the finding is about: the paper's own sum that does
                // not add up (D for F.201), else the first box it names.
                let target = results.get(self.rule_cursor).and_then(|r| {
                    r.fields
                        .iter()
                        .find(|t| crate::form::computed(**t))
                        .or(r.fields.first())
                        .copied()
                });
                if let Some(i) =
                    target.and_then(|t| self.fields(election).iter().position(|f| *f == t))
                {
                    self.cursor = i;
                }
                self.screen = DeskScreen::Typing;
            }
            DeskMsg::Back | DeskMsg::Rules => self.screen = DeskScreen::Typing,
            _ => {}
        }
    }

    pub(super) fn on_coordinator(&mut self, msg: DeskMsg) {
        match msg {
            DeskMsg::Next => self.choice = (self.choice + 1).min(CHOICES.len() - 1),
            DeskMsg::Prev => self.choice = self.choice.saturating_sub(1),
            DeskMsg::Confirm => self.confirm = CHOICES.get(self.choice).copied(),
            DeskMsg::Back => self.screen = DeskScreen::Overview,
            _ => {}
        }
    }

    pub(super) fn confirming(&mut self, confirm: Confirm, msg: DeskMsg, fx: &mut Vec<DeskEffect>) {
        let yes = matches!(msg, DeskMsg::Char('j' | 'J' | 'y' | 'Y'));
        let no = matches!(msg, DeskMsg::Char('n' | 'N') | DeskMsg::Back);
        if no {
            self.confirm = None;
            return;
        }
        if !yes {
            return;
        }
        self.confirm = None;
        let (Some(station), Some(operator)) = (self.station, self.operator.clone()) else {
            return;
        };
        fx.push(match confirm {
            Confirm::Finish => {
                let Some(number) = self.number else {
                    return;
                };
                DeskEffect::Finish {
                    station,
                    number,
                    operator,
                }
            }
            Confirm::Keep(number) => DeskEffect::Keep {
                station,
                number,
                operator,
            },
            Confirm::Discard(number) => DeskEffect::Discard {
                station,
                number,
                operator,
            },
        });
        if matches!(confirm, Confirm::Keep(_) | Confirm::Discard(_)) {
            self.screen = DeskScreen::Overview;
        }
    }
}
