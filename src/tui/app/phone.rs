//! The keys of the phone screens (the receiving side's phone check and the station's
//! read-aloud screen), as part of the App's pure `update`. Their state is
//! [`crate::tui::phone::PhoneState`]; the domain is [`crate::verification::receive`].

use super::{App, Effect, Msg, Notice, Screen};
use crate::record::MAX_COUNT;
use crate::tui::phone::{PhoneNotice, PhoneScreen};
use crate::verification::{CodeError, Outcome, PhoneCheck, PhoneItem};

impl App {
    /// Opens the phone-check overview (F2 on the station screen).
    pub fn open_phone_overview(&mut self, fx: &mut Vec<Effect>) {
        self.screen = Screen::Phone(PhoneScreen::Overview);
        self.phone.check = None;
        self.phone.input.clear();
        fx.push(Effect::LoadPhoneOverview);
    }

    /// Keys on the phone screens.
    pub fn on_phone(&mut self, screen: PhoneScreen, msg: Msg, fx: &mut Vec<Effect>) {
        match screen {
            PhoneScreen::Overview => self.on_phone_overview(msg),
            PhoneScreen::Figures => self.on_phone_figures(msg, fx),
            PhoneScreen::Code => self.on_phone_code(msg, fx),
        }
    }

    /// Keys on the read-aloud screen: scroll, back to the Done screen.
    pub fn on_read_aloud(&mut self, msg: Msg) {
        match msg {
            Msg::Next => self.phone.scroll = self.phone.scroll.saturating_add(1),
            Msg::Prev => self.phone.scroll = self.phone.scroll.saturating_sub(1),
            Msg::Back | Msg::Confirm | Msg::PrevStep => self.screen = Screen::Done,
            _ => {}
        }
    }

    /// Starts the phone check of `station` (from the overview, or the status board).
    pub fn start_phone_check(&mut self, station: u32) {
        if let Some(check) = PhoneCheck::new(&self.election, station) {
            self.phone.check = Some(check);
            self.phone.item = 0;
            self.phone.input.clear();
            self.phone.stored = None;
            self.screen = Screen::Phone(PhoneScreen::Figures);
        }
    }

    fn on_phone_overview(&mut self, msg: Msg) {
        let count = self.phone.overview.len();
        match msg {
            Msg::Next if self.phone.cursor + 1 < count => self.phone.cursor += 1,
            Msg::Prev => self.phone.cursor = self.phone.cursor.saturating_sub(1),
            Msg::Confirm => {
                let station = self
                    .phone
                    .overview
                    .get(self.phone.cursor)
                    .map(|s| s.station);
                if let Some(station) = station {
                    self.start_phone_check(station);
                }
            }
            Msg::Back => self.screen = Screen::Stations,
            _ => {}
        }
    }

    fn on_phone_figures(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        let items = self.phone.items();
        let item = items.get(self.phone.item).copied();
        match (item, msg) {
            (Some(PhoneItem::Count(_)), Msg::Char(c)) => self.phone_digit(c),
            (Some(PhoneItem::Mark(_)), Msg::Char(c)) => self.notice = Some(Notice::NotADigit(c)),
            (_, Msg::Erase) => {
                self.phone.input.pop();
            }
            (Some(PhoneItem::Count(field)), Msg::Clear) => {
                self.phone.input.clear();
                if let Some(check) = &mut self.phone.check {
                    check.set_figure(field, None);
                }
            }
            (_, Msg::Confirm | Msg::Next) => {
                self.phone_commit(item);
                if self.phone.item + 1 < items.len() {
                    self.phone.item += 1;
                } else {
                    self.open_phone_code(fx);
                }
            }
            (_, Msg::Prev) => {
                self.phone_commit(item);
                self.phone.item = self.phone.item.saturating_sub(1);
            }
            (_, Msg::NextStep) => {
                self.phone_commit(item);
                self.open_phone_code(fx);
            }
            (_, Msg::Back) => {
                if !self.phone.input.is_empty() {
                    self.phone.input.clear();
                } else {
                    self.screen = Screen::Phone(PhoneScreen::Overview);
                }
            }
            _ => {}
        }
    }

    fn phone_digit(&mut self, c: char) {
        if !c.is_ascii_digit() {
            self.notice = Some(Notice::NotADigit(c));
            return;
        }
        let mut typed = self.phone.input.clone();
        typed.push(c);
        let trimmed = typed.trim_start_matches('0');
        let typed = if trimmed.is_empty() { "0" } else { trimmed };
        match typed.parse::<u64>() {
            Ok(v) if v <= MAX_COUNT => self.phone.input = typed.to_string(),
            _ => self.notice = Some(Notice::TooLarge),
        }
    }

    /// Puts what was typed into the heard record. An empty input changes nothing:
    /// a box read as "leeg" stays empty; a 0 must be typed.
    fn phone_commit(&mut self, item: Option<PhoneItem>) {
        let typed = std::mem::take(&mut self.phone.input);
        if let (Some(PhoneItem::Count(field)), Ok(value), Some(check)) =
            (item, typed.parse::<u64>(), &mut self.phone.check)
        {
            check.set_figure(field, Some(value));
        }
    }

    fn open_phone_code(&mut self, fx: &mut Vec<Effect>) {
        self.screen = Screen::Phone(PhoneScreen::Code);
        self.phone.input.clear();
        self.phone_outcome(fx);
    }

    fn on_phone_code(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Char('-') => {}
            Msg::Char(c) if c.is_ascii_digit() => {
                self.phone.input.push(c);
                if self.phone.input.len() == 5 {
                    self.phone_group(fx);
                }
            }
            Msg::Char(c) => self.notice = Some(Notice::NotADigit(c)),
            Msg::Erase => {
                if self.phone.input.pop().is_none()
                    && let Some(check) = &mut self.phone.check
                {
                    check.undo_group();
                    self.phone.stored = None;
                }
            }
            Msg::Confirm => {
                if !self.phone.input.is_empty() {
                    self.phone_group(fx);
                    return;
                }
                let outcome = self.phone.check.as_ref().map(PhoneCheck::outcome);
                match outcome {
                    Some(Outcome::QuickDiffers) => {
                        // Back to the first figure: read the quick report again.
                        if let Some(check) = &mut self.phone.check {
                            check.clear_code();
                        }
                        self.phone.stored = None;
                        self.phone.item = 0;
                        self.screen = Screen::Phone(PhoneScreen::Figures);
                    }
                    Some(Outcome::Done) => self.open_phone_overview(fx),
                    _ => {}
                }
            }
            Msg::PrevStep => self.screen = Screen::Phone(PhoneScreen::Figures),
            Msg::Back => {
                if !self.phone.input.is_empty() {
                    self.phone.input.clear();
                } else {
                    self.screen = Screen::Phone(PhoneScreen::Figures);
                }
            }
            _ => {}
        }
    }

    /// Hands the typed group to the check: refused at once when its check digit fails.
    fn phone_group(&mut self, fx: &mut Vec<Effect>) {
        let typed = std::mem::take(&mut self.phone.input);
        let Some(check) = &mut self.phone.check else {
            return;
        };
        match check.type_group(&typed) {
            Ok(_) => self.phone_outcome(fx),
            Err(CodeError::CheckDigit { group }) => {
                self.notice = Some(Notice::Phone(PhoneNotice::GroupRefused(group)));
            }
            Err(CodeError::Malformed { group, .. }) => {
                self.notice = Some(Notice::Phone(PhoneNotice::GroupIncomplete(group)));
            }
            Err(CodeError::GroupCount { .. }) => {}
        }
    }

    /// Says where the check stands; a quick report that differs and a finished check
    /// are each stored once.
    fn phone_outcome(&mut self, fx: &mut Vec<Effect>) {
        let Some(check) = &self.phone.check else {
            return;
        };
        let outcome = check.outcome();
        let notice = match &outcome {
            Outcome::TypingRecord { typed: 0 } => Some(PhoneNotice::QuickVerified),
            Outcome::QuickDiffers => Some(PhoneNotice::QuickDiffers),
            Outcome::Done => Some(PhoneNotice::Stored),
            _ => None,
        };
        if let Some(n) = notice {
            self.notice = Some(Notice::Phone(n));
        }
        let finished = matches!(outcome, Outcome::QuickDiffers | Outcome::Done);
        if finished && self.phone.stored.as_ref() != Some(&outcome) {
            fx.push(Effect::RecordPhoneCheck {
                station: check.station(),
                check: check.to_event(),
            });
            self.phone.stored = Some(outcome);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::election::Election;
    use crate::record::{CountRecord, EntryMode, Field};
    use crate::settings::Language;
    use crate::storage::phone::StationPhoneStatus;
    use crate::verification::{PhoneStatus, codes};

    /// What station 2 finalised and reads aloud.
    fn station_record(election: &Election) -> CountRecord {
        let mut r = CountRecord::empty(election, 2, EntryMode::Counting);
        r.set(Field::PollCards, Some(300));
        r.set(Field::ProxyCertificates, Some(4));
        for (i, list) in election.lists.iter().enumerate() {
            let total = [120, 90, 60, 30][i % 4];
            r.set(Field::ListTotal(list.number), Some(total));
            for (j, c) in list.candidates.iter().enumerate() {
                let votes = if j == 0 { total } else { 0 };
                r.set(
                    Field::Candidate {
                        list: list.number,
                        candidate: c.number,
                    },
                    Some(votes),
                );
            }
            r.set(Field::CandidateListTotal(list.number), Some(total));
        }
        r.set(Field::Blank, Some(2));
        r.set(Field::Invalid, Some(2));
        crate::counting::complete(election, &mut r);
        r
    }

    fn overview_app() -> App {
        let election = Election::demo();
        let mut app = App::new(election.clone(), Language::Dutch, &[], None);
        let effects = app.update(Msg::PhoneCheck);
        assert_eq!(effects, vec![Effect::LoadPhoneOverview]);
        let overview = election
            .stations
            .iter()
            .map(|s| StationPhoneStatus {
                station: s.number,
                name: s.name.clone(),
                status: PhoneStatus::NotReceived,
                at: None,
            })
            .collect();
        app.update(Msg::PhoneOverview(overview));
        app
    }

    /// Types the quick report in reading order; `heard` may differ from what was read.
    fn type_figures(app: &mut App, heard: &CountRecord) {
        let items = app.phone.items();
        for item in items {
            if let PhoneItem::Count(field) = item
                && let Some(v) = heard.get(field)
            {
                for c in v.to_string().chars() {
                    app.update(Msg::Char(c));
                }
            }
            app.update(Msg::Confirm);
        }
    }

    fn type_group(app: &mut App, group: &str) -> Vec<Effect> {
        let mut effects = Vec::new();
        for c in group.chars() {
            effects.extend(app.update(Msg::Char(c)));
        }
        effects
    }

    #[test]
    fn a_misheard_figure_fails_the_quick_code_and_once_corrected_the_record_code_is_stored() {
        let election = Election::demo();
        let read = station_record(&election);
        let spoken = codes(&election, &read);
        let mut heard = read.clone();
        heard.set(Field::Blank, Some(7)); // "twee" heard as "zeven"

        let mut app = overview_app();
        app.update(Msg::Next); // station 2
        app.update(Msg::Confirm);
        assert_eq!(app.screen, Screen::Phone(PhoneScreen::Figures));
        type_figures(&mut app, &heard);
        assert_eq!(app.screen, Screen::Phone(PhoneScreen::Code));

        let mut effects = Vec::new();
        for group in &spoken.quick {
            effects.extend(type_group(&mut app, group));
        }
        assert_eq!(app.notice, Some(Notice::Phone(PhoneNotice::QuickDiffers)));
        assert!(
            matches!(
                effects.as_slice(),
                [Effect::RecordPhoneCheck { station: 2, check }] if !check.verified
            ),
            "{effects:?}"
        );

        // Enter goes back to the first figure; F is the fifth of the quick report.
        app.update(Msg::Confirm);
        assert_eq!(app.screen, Screen::Phone(PhoneScreen::Figures));
        assert_eq!(app.phone.item, 0);
        for _ in 0..election.lists.len() {
            app.update(Msg::Next);
        }
        app.update(Msg::Char('2'));
        app.update(Msg::Confirm);
        assert!(app.update(Msg::NextStep).is_empty());
        for group in &spoken.quick {
            type_group(&mut app, group);
        }
        assert_eq!(app.notice, Some(Notice::Phone(PhoneNotice::QuickVerified)));
        let mut effects = Vec::new();
        for group in &spoken.record {
            effects.extend(type_group(&mut app, group));
        }
        match effects.as_slice() {
            [Effect::RecordPhoneCheck { station: 2, check }] if check.verified => {
                assert_eq!(check.expected, spoken.record)
            }
            other => panic!("expected the expected record code stored, got {other:?}"),
        }
        assert_eq!(app.notice, Some(Notice::Phone(PhoneNotice::Stored)));
        // Back to the overview, which reloads the statuses.
        assert_eq!(app.update(Msg::Confirm), vec![Effect::LoadPhoneOverview]);
    }

    #[test]
    fn a_group_with_a_wrong_check_digit_is_refused_at_once_and_not_kept() {
        let election = Election::demo();
        let read = station_record(&election);
        let spoken = codes(&election, &read);
        let mut app = overview_app();
        app.update(Msg::Confirm);
        app.update(Msg::NextStep);
        type_group(&mut app, &spoken.quick[0]);
        // Swap the first two digits of group 2 (when they differ) or change one.
        let mut wrong: Vec<u8> = spoken.quick[1].replace('-', "").into_bytes();
        if wrong[0] != wrong[1] {
            wrong.swap(0, 1);
        } else {
            wrong[0] = if wrong[0] == b'9' { b'0' } else { wrong[0] + 1 };
        }
        type_group(&mut app, &String::from_utf8(wrong).unwrap());
        assert_eq!(
            app.notice,
            Some(Notice::Phone(PhoneNotice::GroupRefused(2)))
        );
        let check = app.phone.check.as_ref().unwrap();
        assert_eq!(check.heard().len(), 1);
        assert!(app.phone.input.is_empty(), "typed again from scratch");
    }

    #[test]
    fn an_empty_box_stays_empty_and_a_typed_zero_is_zero() {
        let mut app = overview_app();
        app.update(Msg::Confirm);
        app.update(Msg::Confirm); // E.1 heard as "leeg"
        app.update(Msg::Char('0'));
        app.update(Msg::Confirm); // E.2 heard as 0
        let check = app.phone.check.as_ref().unwrap();
        assert_eq!(check.record().get(Field::ListTotal(1)), None);
        assert_eq!(check.record().get(Field::ListTotal(2)), Some(0));
        app.update(Msg::Char('x'));
        assert_eq!(app.notice, Some(Notice::NotADigit('x')));
    }
}
