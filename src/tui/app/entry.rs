//! Entering figures: typing, confirming (empty means 0), moving between fields and
//! steps, and the question when a candidate list does not add up.

use super::*;
use crate::lifecycle;

impl App {
    pub(super) fn on_entry(&mut self, step: Step, msg: Msg, fx: &mut Vec<Effect>) {
        if self.is_finalised() {
            // A finalised record is read-only; only moving around is allowed.
            if matches!(msg, Msg::Char(_) | Msg::Clear | Msg::Erase | Msg::Toggle) {
                self.notice = Some(Notice::RecordFinalised);
                return;
            }
        }
        let item = self.current_item();
        let Screen::Entry(entry) = &mut self.screen else {
            return;
        };
        match (item, msg) {
            (Some(Item::Note), Msg::Char(c)) => entry.input.push(c),
            (Some(Item::Note), Msg::Toggle) => entry.input.push(' '),
            (Some(Item::Count(_)), Msg::Char(c)) => match with_digit(&entry.input, c) {
                Ok(typed) => entry.input = typed,
                Err(notice) => self.notice = Some(notice),
            },
            (Some(Item::Total(_)), Msg::Char(_) | Msg::Clear) => {
                self.notice = Some(Notice::Computed);
            }
            (Some(Item::Explained), Msg::Char('j' | 'J' | 'y' | 'Y')) => {
                self.answer(Some(true), fx);
                self.forward(step);
            }
            (Some(Item::Explained), Msg::Char('n' | 'N')) => {
                self.answer(Some(false), fx);
                self.forward(step);
            }
            (Some(Item::Explained), Msg::Toggle) => {
                let now = self
                    .record
                    .as_ref()
                    .and_then(|r| r.differences.fully_explained.answer());
                let next = match now {
                    None => Some(true),
                    Some(true) => Some(false),
                    Some(false) => None,
                };
                self.answer(next, fx);
            }
            (Some(Item::Explained), Msg::Char(c)) => self.notice = Some(Notice::YesOrNo(c)),
            (_, Msg::Erase) => {
                entry.input.pop();
            }
            (Some(Item::Count(field)), Msg::Clear) => {
                entry.input.clear();
                self.save(field, None, fx);
            }
            (Some(Item::Note), Msg::Clear) => entry.input.clear(),
            (_, Msg::Confirm) => {
                self.commit(true, fx);
                self.forward(step);
            }
            (_, Msg::Next) => {
                self.commit(false, fx);
                self.forward(step);
            }
            (_, Msg::Prev) => {
                self.commit(false, fx);
                self.backward(step);
            }
            (_, Msg::NextStep) => {
                self.commit(false, fx);
                self.go_next_step(step);
            }
            (_, Msg::PrevStep) => {
                self.commit(false, fx);
                self.go_prev_step(step);
            }
            (_, Msg::GoToTab(tab)) => {
                self.commit(false, fx);
                self.go_to_tab(step, tab);
            }
            (_, Msg::Back) => {
                if item == Some(Item::Note) {
                    let note = self.record.as_ref().map(|r| r.differences.note.clone());
                    if note.as_deref() != Some(entry.input.as_str()) {
                        entry.input = note.unwrap_or_default();
                        self.unsaved = None;
                        return;
                    }
                } else if !entry.input.is_empty() || self.unsaved.is_some() {
                    entry.input.clear();
                    self.unsaved = None;
                    return;
                }
                if entry.from_check {
                    // Back to the rule results this field was reached from.
                    self.go(Step::Check, 0);
                } else if step == Step::Voters && entry.cursor == 0 {
                    // Leaving the station is a choice, never a slip of Esc.
                    self.dialog = Some(Dialog::LeaveStation);
                } else {
                    self.backward(step);
                }
            }
            _ => {}
        }
    }

    /// Confirms what is typed in the current field, as Enter would (the quit question's
    /// "confirm and stop").
    pub(super) fn commit_current(&mut self, fx: &mut Vec<Effect>) {
        self.commit(true, fx);
        if let Some(step) = self.step() {
            // On to the next field, so that the next start resumes there.
            self.forward(step);
        }
    }

    /// The storage refused a change: back to the figures it holds (so D and H rest
    /// only on saved figures), and the refused box becomes the current field again,
    /// with what was typed in it, marked as not saved.
    pub(super) fn not_saved(&mut self, what: Unsaved, reason: String) {
        if let Some(saved) = self.saved.clone() {
            self.record = Some(saved);
        }
        let Some(record) = &self.record else {
            self.notice = Some(Notice::Storage(reason));
            return;
        };
        let (item, typed) = match &what {
            Unsaved::Field(field, value) => (
                Item::Count(*field),
                value.map(|v| v.to_string()).unwrap_or_default(),
            ),
            Unsaved::Mark(_) => (Item::Explained, String::new()),
            Unsaved::Note(note) => (Item::Note, note.clone()),
        };
        let (step, index) = match item {
            Item::Count(field) => flow::locate(&self.election, record, field),
            other => {
                let items = flow::items(&self.election, record, Step::Differences);
                let index = items.iter().position(|i| *i == other).unwrap_or(0);
                (Step::Differences, index)
            }
        };
        self.dialog = None;
        self.quit = false;
        if self.is_finalised() {
            self.screen = Screen::Done;
        } else {
            self.go(step, index);
            if self.current_item() == Some(item)
                && let Screen::Entry(entry) = &mut self.screen
            {
                entry.input = typed;
            }
        }
        self.unsaved = Some(reason.clone());
        self.notice = Some(Notice::NotSaved { item, reason });
    }

    /// Confirms what was typed. `zero_if_empty`: Enter on an empty field confirms a 0.
    fn commit(&mut self, zero_if_empty: bool, fx: &mut Vec<Effect>) {
        let item = self.current_item();
        let finalised = self.is_finalised();
        let Screen::Entry(entry) = &mut self.screen else {
            return;
        };
        if finalised {
            // Read-only: moving through a finalised record must not fill in zeros.
            entry.input.clear();
            return;
        }
        match item {
            Some(Item::Count(field)) => {
                let current = self.record.as_ref().and_then(|r| r.get(field));
                let value = if !entry.input.is_empty() {
                    entry.input.parse::<u64>().ok()
                } else if zero_if_empty && current.is_none() {
                    Some(0)
                } else {
                    return;
                };
                entry.input.clear();
                if value.is_some() && (value != current || self.unsaved.is_some()) {
                    self.save(field, value, fx);
                }
            }
            Some(Item::Note) => {
                let Some(record) = &mut self.record else {
                    return;
                };
                if record.differences.note != entry.input {
                    record.differences.note = entry.input.clone();
                    fx.push(Effect::SaveNote {
                        station: record.station,
                        note: entry.input.clone(),
                    });
                }
            }
            _ => {}
        }
    }

    /// Saves a box: the lifecycle decides it on the App's copy (counting mode computes
    /// the sums here, once) and storage writes that decision.
    fn save(&mut self, field: Field, value: Option<u64>, fx: &mut Vec<Effect>) {
        let Some(record) = &mut self.record else {
            return;
        };
        let station = record.station;
        let command = lifecycle::Command::SetField { field, value };
        let decided = match lifecycle::Decided::new(&self.election, station, Some(record), command)
        {
            Ok(decided) => {
                *record = decided.decision().record.clone();
                Some(Box::new(decided))
            }
            // Refused: storage decides again and says why, and the App goes back to
            // what is stored ([`App::not_saved`]).
            Err(_) => {
                record.set(field, value);
                None
            }
        };
        fx.push(Effect::SaveField {
            station,
            field,
            value,
            decided,
        });
    }

    fn answer(&mut self, answer: Option<bool>, fx: &mut Vec<Effect>) {
        let Some(record) = &mut self.record else {
            return;
        };
        let station = record.station;
        let before = record.differences.fully_explained;
        let after = crate::record::YesNo::from_answer(answer);
        record.differences.fully_explained = after;
        if before.yes != after.yes {
            fx.push(Effect::SaveMark {
                station,
                mark: Mark::ExplainedYes,
                on: after.yes,
            });
        }
        if before.no != after.no {
            fx.push(Effect::SaveMark {
                station,
                mark: Mark::ExplainedNo,
                on: after.no,
            });
        }
    }

    /// Next field; after the last, the next step (skipping an empty Verschillen step).
    fn forward(&mut self, step: Step) {
        let count = self.items(step).len();
        if self.cursor() + 1 < count {
            let next = self.cursor() + 1;
            self.go(step, next);
            return;
        }
        let Some(mut next) = self.step_after(step) else {
            return;
        };
        if next == Step::Differences && self.items(Step::Differences).is_empty() {
            if self
                .record
                .as_ref()
                .and_then(counting::difference)
                .is_some_and(|d| d == 0)
            {
                self.notice = Some(Notice::NoDifference);
            }
            next = self.step_after(next).unwrap_or(next);
        }
        self.leave_to(step, (next, 0));
    }

    pub(super) fn backward(&mut self, step: Step) {
        if self.cursor() > 0 {
            let prev = self.cursor() - 1;
            self.go(step, prev);
            return;
        }
        let mut prev = self.step_before(step);
        while let Some(p) = prev {
            let count = self.items(p).len();
            if count > 0 || matches!(p, Step::Voters) {
                self.go(p, count.saturating_sub(1));
                return;
            }
            prev = self.step_before(p);
        }
    }

    fn go_next_step(&mut self, step: Step) {
        if let Some(next) = self.step_after(step) {
            self.leave_to(step, (next, 0));
        }
    }

    pub(super) fn go_prev_step(&mut self, step: Step) {
        if let Some(prev) = self.step_before(step) {
            self.go(prev, 0);
        }
    }

    /// Leaves `step` forward; a candidate list that does not add up asks first.
    pub(super) fn leave_to(&mut self, step: Step, to: (Step, usize)) {
        if let Step::Candidates(i) = step
            && let (Some(list), Some(record)) = (self.election.lists.get(i), &self.record)
            && !flow::list_balanced(record, list.number)
            && !self.is_finalised()
        {
            self.dialog = Some(Dialog::UnbalancedList {
                list: list.number,
                to,
            });
            return;
        }
        self.go(to.0, to.1);
    }

    /// A key of the step bar: straight to that step. Kandidaten again while on a
    /// list goes to the next list. Leaving a list that does not add up forward asks.
    pub(super) fn go_to_tab(&mut self, step: Step, tab: usize) {
        let Some(target) = self.tabs().get(tab).copied() else {
            return;
        };
        let target = match (step, target) {
            (Step::Candidates(i), Step::Candidates(_)) => {
                Step::Candidates((i + 1) % self.election.lists.len().max(1))
            }
            (_, t) => t,
        };
        let steps = flow::steps(&self.election);
        let place = |s: Step| steps.iter().position(|x| *x == s);
        if self.step().is_some() && place(target) > place(step) {
            self.leave_to(step, (target, 0));
        } else {
            self.go(target, 0);
        }
    }

    fn step_after(&self, step: Step) -> Option<Step> {
        let steps = flow::steps(&self.election);
        let i = steps.iter().position(|s| *s == step)?;
        steps.get(i + 1).copied()
    }

    fn step_before(&self, step: Step) -> Option<Step> {
        let steps = flow::steps(&self.election);
        let i = steps.iter().position(|s| *s == step)?;
        i.checked_sub(1).and_then(|i| steps.get(i).copied())
    }

    /// Back to the station list, with the cursor on the station just left (the open
    /// record, the desk's station, or the row chosen on the board or the phone
    /// overview), on the first otherwise.
    pub(super) fn go_stations(&mut self) {
        let left = self.station().or(match self.screen {
            Screen::Desk => self.desk.station,
            Screen::Board => self.board.selected().map(|row| row.station),
            Screen::Phone => self
                .phone
                .overview
                .get(self.phone.cursor)
                .map(|s| s.station),
            _ => None,
        });
        let mut list = StationList::default();
        if let Some(left) = left {
            list.cursor = list
                .matching(&self.election)
                .iter()
                .position(|s| s.number == left)
                .unwrap_or(0);
        }
        self.board.return_here = false;
        self.screen = Screen::Stations(list);
        self.record = None;
    }
}

/// What a count's field holds once `c` is typed after `typed`, or why it is refused.
fn with_digit(typed: &str, c: char) -> Result<String, Notice> {
    if !c.is_ascii_digit() {
        return Err(Notice::NotADigit(c));
    }
    let mut typed = typed.to_string();
    typed.push(c);
    // Leading zeros carry no meaning and would only eat the nine digits.
    let typed = typed.trim_start_matches('0');
    let typed = if typed.is_empty() { "0" } else { typed };
    match typed.parse::<u64>() {
        Ok(v) if v <= MAX_COUNT => Ok(typed.to_string()),
        _ => Err(Notice::TooLarge),
    }
}
