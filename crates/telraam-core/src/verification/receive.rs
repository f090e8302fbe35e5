//! The receiving side ("telefonische controle") on election night: at the
//! municipality, the receiver types only the quick report (E.1 … E.n, F, G, D) as it
//! is read, sees at once whether the list totals + F + G add up to D (the W.203
//! thresholds), then types the quick-report code group by group and, once that
//! matches, the record code, which becomes the station's expected record code. A
//! group whose check digit fails is refused at once.
//!
//! Pure: no storage, no terminal. The interface keeps one [`PhoneCheck`] per call.

use super::compare::{CodeError, parse_group};
use super::{Codes, Group, QUICK_GROUPS, RECORD_GROUPS, codes};
use crate::election::Election;
use crate::event::{Figure, Located, PhoneCheckEvent};
use crate::form::{Target, section_of};
use crate::record::{Count, CountRecord, EntryMode, Field, Mark};

/// Where a phone check stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Typing the quick-report code: `typed` of three groups so far.
    TypingQuick { typed: usize },
    /// The quick-report code differs from the typed figures: read them again.
    QuickDiffers,
    /// The quick report is verified; typing the record code: `typed` of four groups.
    TypingRecord { typed: usize },
    /// The quick report is verified and the record code is in: the expected record code.
    Done,
}

/// Whether the typed quick report adds up: the list totals + F + G against D.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plausibility {
    /// Σ E.n + F + G: what H will be on the paper.
    pub sum: u64,
    /// D, admitted voters.
    pub admitted: u64,
    /// sum − D.
    pub difference: i64,
    /// Whether the difference reaches W.203: 15 or more, or 2 % or more of the sum.
    pub warning: bool,
}

/// Σ E.n + F + G against D, once D is typed; `None` before.
pub fn plausibility(election: &Election, record: &CountRecord) -> Option<Plausibility> {
    let admitted = record.get(Field::TotalAdmitted)?;
    let sum: u64 = super::canonical::quick_fields(election)
        .into_iter()
        .filter(|f| *f != Field::TotalAdmitted)
        .map(|f| record.get(f).unwrap_or(0))
        .sum();
    let difference = i64::try_from(sum)
        .unwrap_or(i64::MAX)
        .saturating_sub(i64::try_from(admitted).unwrap_or(i64::MAX));
    let size = difference.unsigned_abs();
    let warning = size != 0 && (size >= 15 || 100 * u128::from(size) >= 2 * u128::from(sum));
    Some(Plausibility {
        sum,
        admitted,
        difference,
        warning,
    })
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

    /// The figures the receiver types, in the order they are read: the quick report.
    pub fn items(&self) -> Vec<PhoneItem> {
        super::canonical::quick_fields(&self.election)
            .into_iter()
            .map(PhoneItem::Count)
            .collect()
    }

    /// Types one heard figure. False when the election has no such box.
    pub fn set_figure(&mut self, field: Field, value: Count) -> bool {
        self.record.set(field, value)
    }

    /// Σ E.n + F + G against D for the figures typed so far.
    pub fn plausibility(&self) -> Option<Plausibility> {
        plausibility(&self.election, &self.record)
    }

    /// The codes of the figures typed so far (only the quick-report code means anything).
    pub fn codes(&self) -> Codes {
        codes(&self.election, &self.record)
    }

    /// SHA-256 (hex) of the quick-report text of the figures typed: what the audit log
    /// keeps to tie a phone check to exactly the figures heard.
    pub fn figures_sha256(&self) -> String {
        use sha2::{Digest, Sha256};
        let text = super::canonical::quick_text(&self.election, &self.record);
        Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// What is stored of a finished check: the figures heard, the codes typed.
    pub fn to_event(&self) -> PhoneCheckEvent {
        let verified = self.outcome() == Outcome::Done;
        PhoneCheckEvent {
            verified,
            quick: self.heard_quick().to_vec(),
            expected: if verified {
                self.heard_record().to_vec()
            } else {
                Vec::new()
            },
            figures: Some(
                super::canonical::quick_fields(&self.election)
                    .into_iter()
                    .map(|field| Figure {
                        field,
                        value: self.record.get(field),
                    })
                    .collect(),
            ),
            figures_sha256: self.figures_sha256(),
            migrated_from_row: None,
        }
    }

    /// The groups typed so far, in order: the quick-report code, then the record code.
    pub fn heard(&self) -> &[Group] {
        &self.heard
    }

    /// The quick-report code as typed (up to three groups).
    pub fn heard_quick(&self) -> &[Group] {
        &self.heard[..self.heard.len().min(QUICK_GROUPS)]
    }

    /// The record code as typed (up to four groups).
    pub fn heard_record(&self) -> &[Group] {
        self.heard.get(QUICK_GROUPS..).unwrap_or(&[])
    }

    /// The expected record code, once the quick report is verified and it is typed.
    pub fn expected_record_code(&self) -> Option<&[Group]> {
        (self.outcome() == Outcome::Done).then(|| self.heard_record())
    }

    /// Types the next group. A wrong check digit or a malformed group is refused
    /// at once and not kept; the error names the group's number within its code.
    /// Nothing more is taken while the quick-report code differs or when done.
    pub fn type_group(&mut self, text: &str) -> Result<Outcome, CodeError> {
        match self.outcome() {
            Outcome::TypingQuick { typed } => {
                let group = parse_group(text, typed + 1)?;
                self.heard.push(group);
            }
            Outcome::TypingRecord { typed } => {
                let group = parse_group(text, typed + 1)?;
                self.heard.push(group);
            }
            Outcome::QuickDiffers | Outcome::Done => {}
        }
        Ok(self.outcome())
    }

    /// Takes back the last typed group.
    pub fn undo_group(&mut self) {
        self.heard.pop();
    }

    /// Forgets every typed group (e.g. to type the quick-report code again).
    pub fn clear_code(&mut self) {
        self.heard.clear();
    }

    /// Where the check stands, for the figures as they are now: correcting a figure
    /// after a mismatch re-evaluates against the groups already typed.
    pub fn outcome(&self) -> Outcome {
        let quick = self.heard_quick();
        if quick.len() < QUICK_GROUPS {
            return Outcome::TypingQuick { typed: quick.len() };
        }
        if quick != self.codes().quick.as_slice() {
            return Outcome::QuickDiffers;
        }
        let record = self.heard_record().len();
        if record < RECORD_GROUPS {
            Outcome::TypingRecord { typed: record }
        } else {
            Outcome::Done
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
            PhoneItem::Count(field) => section_of(Target::Count(field)).key(),
            PhoneItem::Mark(mark) => section_of(Target::Mark(mark)).key(),
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneStatus {
    /// Nothing phoned or imported yet.
    NotReceived,
    /// The quick-report code matched the figures typed; the record code is expected.
    QuickVerified,
    /// The quick-report code did not match the figures typed.
    QuickDiffers,
    /// A full record is in, but no record code was phoned to compare it with.
    RecordReceived,
    /// The full record's code is the record code phoned on election night.
    RecordMatches,
    /// The full record's code is not the one phoned; where it differs, as far as that
    /// can be known ([`super::arrival`]).
    RecordDiffers { located: Located },
}

impl PhoneStatus {
    /// Stable key, as stored and logged.
    pub fn key(&self) -> &'static str {
        match self {
            PhoneStatus::NotReceived => "not-received",
            PhoneStatus::QuickVerified => "verified",
            PhoneStatus::QuickDiffers => "differs",
            PhoneStatus::RecordReceived => "record-received",
            PhoneStatus::RecordMatches => "record-matches",
            PhoneStatus::RecordDiffers { .. } => "record-differs",
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

    fn type_quick(check: &mut PhoneCheck, station: &CountRecord) {
        for item in check.items() {
            if let PhoneItem::Count(field) = item {
                check.set_figure(field, station.get(field));
            }
        }
    }

    #[test]
    fn one_misheard_figure_is_refused_by_the_quick_code_and_correcting_it_verifies() {
        let e = Election::demo();
        let station = station_record(&e);
        let spoken = codes(&e, &station);
        let mut check = PhoneCheck::new(&e, 1).unwrap();
        type_quick(&mut check, &station);
        check.set_figure(Field::Blank, Some(9)); // heard 9 instead of 4
        for g in &spoken.quick {
            check.type_group(g).unwrap();
        }
        assert_eq!(check.outcome(), Outcome::QuickDiffers);
        assert_eq!(
            check.type_group(&spoken.record[0]),
            Ok(Outcome::QuickDiffers)
        );
        check.set_figure(Field::Blank, Some(4));
        assert_eq!(check.outcome(), Outcome::TypingRecord { typed: 0 });
        for g in &spoken.record {
            check.type_group(g).unwrap();
        }
        assert_eq!(check.outcome(), Outcome::Done);
        assert_eq!(check.expected_record_code(), Some(spoken.record.as_slice()));
    }

    #[test]
    fn a_group_with_a_bad_check_digit_is_refused_and_not_kept() {
        let e = Election::demo();
        let mut check = PhoneCheck::new(&e, 1).unwrap();
        let good = &check.codes().quick[0].clone();
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

    /// W.203: "|D − H| ≥ 15, or |D − H| ≥ 2 % of H", with H = Σ E.n + F + G.
    #[test]
    fn the_quick_report_shows_whether_lists_blank_and_invalid_add_up_to_d() {
        let e = Election::demo();
        let mut check = PhoneCheck::new(&e, 1).unwrap();
        check.set_figure(Field::ListTotal(1), Some(200));
        assert_eq!(check.plausibility(), None, "nothing to compare before D");
        check.set_figure(Field::TotalAdmitted, Some(165));
        let p = check.plausibility().unwrap();
        assert_eq!((p.sum, p.difference, p.warning), (200, 35, true));
        check.set_figure(Field::TotalAdmitted, Some(196));
        let p = check.plausibility().unwrap();
        assert_eq!((p.difference, p.warning), (4, true), "4 is 2 % of 200");
        check.set_figure(Field::TotalAdmitted, Some(197));
        let p = check.plausibility().unwrap();
        assert_eq!((p.difference, p.warning), (3, false));
    }

    #[test]
    fn the_receiver_types_only_the_quick_report() {
        let e = Election::demo();
        let check = PhoneCheck::new(&e, 1).unwrap();
        let items = check.items();
        assert_eq!(items.len(), e.lists.len() + 3);
        assert_eq!(items[0], PhoneItem::Count(Field::ListTotal(1)));
        assert_eq!(items.last(), Some(&PhoneItem::Count(Field::TotalAdmitted)));
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
    }

    #[test]
    fn unknown_station_cannot_be_checked() {
        assert!(PhoneCheck::new(&Election::demo(), 999).is_none());
    }
}
