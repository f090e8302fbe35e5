//! The receiving side ("telefonische controle"): at the municipality, the figures
//! heard over the phone are typed into a record (transcription mode: the paper's own
//! totals are typed too), then the code is typed group by group. A group whose check
//! digit fails is refused at once. With the record code in, a match verifies the
//! station; a mismatch asks for the section codes, which name the figures to read again.
//!
//! Pure: no storage, no terminal. The interface keeps one [`PhoneCheck`] per call.

use super::compare::{CodeError, Comparison, compare, parse_group};
use super::{Codes, Group, RECORD_GROUPS, SectionCode, codes};
use crate::election::Election;
use crate::form::Target;
use crate::record::{Count, CountRecord, EntryMode, Field, Mark};

/// Where a phone check stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// More groups to type: `typed` of `needed` so far.
    Typing { typed: usize, needed: usize },
    /// The record code matches the typed figures: verified by phone.
    Verified,
    /// The record code differs: ask the station to read the section codes.
    NeedSectionCodes,
    /// The section codes name the sections whose figures must be read again.
    Differs { sections: Vec<SectionCode> },
    /// Every section code matches but the record code does not: type the record code
    /// again; if it still differs, every section's figures are read again.
    EverySectionMatches,
}

/// One station's phone check in progress.
#[derive(Debug, Clone)]
pub struct PhoneCheck {
    election: Election,
    record: CountRecord,
    heard: Vec<Group>,
}

impl PhoneCheck {
    /// A fresh check for `station`: an empty record in transcription mode.
    /// `None` when the election has no such station.
    pub fn new(election: &Election, station: u32) -> Option<PhoneCheck> {
        if !election.stations.is_empty() && election.station(station).is_none() {
            return None;
        }
        Some(PhoneCheck {
            election: election.clone(),
            record: CountRecord::empty(election, station, EntryMode::Transcription),
            heard: Vec::new(),
        })
    }

    pub fn station(&self) -> u32 {
        self.record.station
    }

    /// The figures typed so far.
    pub fn record(&self) -> &CountRecord {
        &self.record
    }

    /// Types one heard figure. False when the election has no such box.
    pub fn set_figure(&mut self, field: Field, value: Count) -> bool {
        self.record.set(field, value)
    }

    /// Ticks or clears one heard checkbox.
    pub fn set_mark(&mut self, mark: Mark, on: bool) {
        self.record.set_mark(mark, on);
    }

    /// The codes of the figures typed so far.
    pub fn codes(&self) -> Codes {
        codes(&self.election, &self.record)
    }

    /// SHA-256 (hex) of the canonical serialisation of the figures typed so far: what
    /// the audit log keeps to tie a phone check to exactly the figures heard.
    pub fn figures_sha256(&self) -> String {
        use sha2::{Digest, Sha256};
        let text = super::canonical::serialise(&self.election, &self.record).text();
        Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// The groups typed so far, in order.
    pub fn heard(&self) -> &[Group] {
        &self.heard
    }

    /// How many groups this check needs: the record code, plus every section code
    /// once the record code is in and does not match.
    pub fn needed(&self) -> usize {
        self.needed_for(&self.codes())
    }

    fn needed_for(&self, codes: &Codes) -> usize {
        if self.heard.len() < RECORD_GROUPS || self.heard[..RECORD_GROUPS] == codes.record[..] {
            RECORD_GROUPS
        } else {
            RECORD_GROUPS + codes.sections.len()
        }
    }

    /// Types the next group. A wrong check digit or a malformed group is refused
    /// at once and not kept; the error names the group's number.
    pub fn type_group(&mut self, text: &str) -> Result<Outcome, CodeError> {
        if self.heard.len() >= self.needed() {
            return Ok(self.outcome());
        }
        let group = parse_group(text, self.heard.len() + 1)?;
        self.heard.push(group);
        Ok(self.outcome())
    }

    /// Takes back the last typed group.
    pub fn undo_group(&mut self) {
        self.heard.pop();
    }

    /// Forgets every typed group (e.g. to type a misheard record code again).
    pub fn clear_code(&mut self) {
        self.heard.clear();
    }

    /// Where the check stands, for the figures as they are now: correcting a figure
    /// after a mismatch re-evaluates against the groups already typed.
    pub fn outcome(&self) -> Outcome {
        let codes = self.codes();
        let needed = self.needed_for(&codes);
        if self.heard.len() < needed {
            if self.heard.len() == RECORD_GROUPS {
                return Outcome::NeedSectionCodes;
            }
            return Outcome::Typing {
                typed: self.heard.len(),
                needed,
            };
        }
        match compare(&codes, &self.heard[..needed]) {
            Ok(Comparison::Match) => Outcome::Verified,
            Ok(Comparison::Differs { sections }) => Outcome::Differs { sections },
            Ok(Comparison::EverySectionMatches) => Outcome::EverySectionMatches,
            Ok(Comparison::DiffersSectionsUnknown) | Err(_) => Outcome::NeedSectionCodes,
        }
    }
}

/// One thing typed while listening: a count box or a checkbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneItem {
    Count(Field),
    Mark(Mark),
}

impl PhoneItem {
    /// The section of the code that holds this item.
    pub fn section(self) -> String {
        match self {
            PhoneItem::Count(field) => super::canonical::section_of(field),
            PhoneItem::Mark(_) => super::canonical::MARK_SECTION.to_string(),
        }
    }
}

/// Everything of the full record in the order it is read: first the quick report
/// (list totals, F, G, D), then every other box of the record's form (the form
/// model: its generation and model) in paper order, for N 10-1 each list's
/// candidates followed by the list page's total.
pub fn reading_order(election: &Election, record: &CountRecord) -> Vec<PhoneItem> {
    let quick = super::canonical::quick_fields(election);
    let mut items: Vec<PhoneItem> = quick.iter().map(|f| PhoneItem::Count(*f)).collect();
    for target in super::canonical::form_of(election, record).boxes(election) {
        match target {
            Target::Count(field) if quick.contains(&field) => {}
            Target::Count(field) => items.push(PhoneItem::Count(field)),
            Target::Mark(mark) => items.push(PhoneItem::Mark(mark)),
        }
    }
    items
}

/// The phone-check status of a station in the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneStatus {
    /// Nothing heard or imported yet.
    NotReceived,
    /// Figures are in (typed or imported) but no code has been compared.
    Received,
    /// The code matched: verified by phone.
    Verified,
    /// The last comparison did not match.
    Differs,
}

impl PhoneStatus {
    /// Stable key, as stored and logged.
    pub fn key(self) -> &'static str {
        match self {
            PhoneStatus::NotReceived => "not-received",
            PhoneStatus::Received => "received",
            PhoneStatus::Verified => "verified",
            PhoneStatus::Differs => "differs",
        }
    }

    pub fn parse(key: &str) -> Option<PhoneStatus> {
        [
            PhoneStatus::NotReceived,
            PhoneStatus::Received,
            PhoneStatus::Verified,
            PhoneStatus::Differs,
        ]
        .into_iter()
        .find(|s| s.key() == key)
    }

    pub fn label(self, english: bool) -> &'static str {
        match (self, english) {
            (PhoneStatus::NotReceived, false) => "niet ontvangen",
            (PhoneStatus::NotReceived, true) => "not received",
            (PhoneStatus::Received, false) => "ontvangen",
            (PhoneStatus::Received, true) => "received",
            (PhoneStatus::Verified, false) => "gecontroleerd",
            (PhoneStatus::Verified, true) => "verified",
            (PhoneStatus::Differs, false) => "wijkt af",
            (PhoneStatus::Differs, true) => "differs",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn station_record(e: &Election) -> CountRecord {
        let mut r = CountRecord::empty(e, 1, EntryMode::Counting);
        r.set(Field::PollCards, Some(412));
        r.set(Field::ProxyCertificates, Some(9));
        r.set(Field::ListTotal(1), Some(200));
        r.set(Field::ListTotal(2), Some(210));
        r.set(Field::Blank, Some(4));
        r.set(Field::Invalid, Some(2));
        crate::counting::complete(e, &mut r);
        r
    }

    fn type_like(check: &mut PhoneCheck, station: &CountRecord) {
        for field in crate::record::Field::FIXED {
            check.set_figure(field, station.get(field));
        }
        for l in &station.votes.lists {
            check.set_figure(Field::ListTotal(l.list), l.total);
        }
        for c in &station.candidate_votes {
            for (n, v) in &c.votes {
                check.set_figure(
                    Field::Candidate {
                        list: c.list,
                        candidate: *n,
                    },
                    *v,
                );
            }
        }
        for m in Mark::ALL {
            check.set_mark(m, station.mark(m));
        }
    }

    #[test]
    fn one_misheard_figure_names_its_section_and_correcting_it_verifies() {
        let e = Election::demo();
        let station = station_record(&e);
        let spoken = codes(&e, &station);
        let mut check = PhoneCheck::new(&e, 1).unwrap();
        type_like(&mut check, &station);
        check.set_figure(Field::Blank, Some(9)); // heard 9 instead of 4
        for (i, g) in spoken.record.iter().enumerate() {
            let outcome = check.type_group(g).unwrap();
            if i < 3 {
                assert_eq!(
                    outcome,
                    Outcome::Typing {
                        typed: i + 1,
                        needed: 4
                    }
                );
            } else {
                assert_eq!(outcome, Outcome::NeedSectionCodes);
            }
        }
        let mut last = None;
        for s in &spoken.sections {
            last = Some(check.type_group(&s.group).unwrap());
        }
        match last {
            Some(Outcome::Differs { sections }) => {
                assert_eq!(sections.len(), 1);
                assert_eq!(sections[0].key, "votes");
            }
            other => panic!("expected Differs, got {other:?}"),
        }
        check.set_figure(Field::Blank, Some(4));
        assert_eq!(check.outcome(), Outcome::Verified);
    }

    #[test]
    fn a_group_with_a_bad_check_digit_is_refused_and_not_kept() {
        let e = Election::demo();
        let mut check = PhoneCheck::new(&e, 1).unwrap();
        let good = &check.codes().record[0].clone();
        check.type_group(good).unwrap();
        let mut bad = good.clone().into_bytes();
        bad[0] = if bad[0] == b'9' { b'0' } else { bad[0] + 1 };
        let bad = String::from_utf8(bad).unwrap();
        assert_eq!(
            check.type_group(&bad),
            Err(CodeError::CheckDigit { group: 2 })
        );
        assert_eq!(check.heard().len(), 1);
    }

    #[test]
    fn reading_order_holds_every_box_of_the_code_once_quick_report_first() {
        let e = Election::demo();
        let r = CountRecord::empty(&e, 1, EntryMode::Transcription);
        let items = reading_order(&e, &r);
        assert_eq!(items[0], PhoneItem::Count(Field::ListTotal(1)));
        let lines: usize = crate::verification::canonical::serialise(&e, &r)
            .sections
            .iter()
            .map(|s| s.lines.len())
            .sum();
        assert_eq!(items.len(), lines, "one item per line of the serialisation");
        let mut unique = items.clone();
        unique.dedup();
        assert_eq!(unique.len(), items.len());
    }

    #[test]
    fn unknown_station_cannot_be_checked() {
        assert!(PhoneCheck::new(&Election::demo(), 999).is_none());
    }
}
