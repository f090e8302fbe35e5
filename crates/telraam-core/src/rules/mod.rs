//! Validation as data: the Kiesraad's rules (F.2xx, F.3xx, F.4xx, W.2xx) and
//! telraam's own (codes `T.xxx`), applied to a [`CountRecord`].
//!
//! Rules never panic and never refuse to save: they return a list of
//! [`RuleResult`]s, each with a stable code, a severity, the fields involved and a
//! [`Finding`] (the figures and boxes its message needs); the text tables in
//! [`words`] alone turn a finding into Dutch or English. `docs/rules.md` lists every rule.
//!
//! What an empty box means: "not written yet". A rule that adds up boxes reads an
//! empty box as 0 (on a finished paper an empty box and a 0 mean the same to the
//! sum), but stays silent while every box it looks at is still empty, so a record
//! being typed is not flooded with errors. Boxes the form requires but that are
//! still empty are reported once, by T.001. The D/H comparison (F.3xx, W.203) waits
//! until both D and H are written. A written 0 in I or J is not "filled in" (it says
//! "none"). All arithmetic is done in `i128`, so no figure a record can hold
//! overflows.

mod codes;
mod difference;
mod finding;
mod lists;
mod plausibility;
mod stock;
mod totals;
pub mod words;

use crate::election::Election;
use crate::record::{Count, CountRecord, Field};

/// Fout (error): the paper has a problem that must be resolved. Waarschuwing
/// (warning): a remarkable result that must be explained and acknowledged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

pub use crate::form::Target;
pub use codes::Code;
pub use finding::Finding;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleResult {
    /// Stable code, e.g. F.201, W.203, T.101.
    pub code: Code,
    pub severity: Severity,
    /// The fields the result concerns; the first is where to jump (the box to correct
    /// first), so they are named with [`RuleResult::boxes`].
    pub fields: Vec<Target>,
    /// What the rule found, as figures and boxes; [`words`] turns it into a sentence.
    pub finding: Finding,
}

impl RuleResult {
    /// The boxes the result concerns in the order of the paper form, as every screen
    /// and message names them ("J, K, L, M, N, O").
    pub fn boxes(&self) -> Vec<Target> {
        let mut boxes = self.fields.clone();
        boxes.sort_by_key(|t| crate::form::paper_order(*t));
        boxes.dedup();
        boxes
    }

    /// The result's sentence in English or Dutch, from the rules' text tables.
    pub fn message(&self, english: bool) -> String {
        words::message(&self.finding, english)
    }
}

/// Applies every rule to the record. Results are ordered by severity, then code;
/// results with the same code (one per list) keep the list order.
pub fn validate(election: &Election, record: &CountRecord) -> Vec<RuleResult> {
    let mut results = Vec::new();
    totals::check(election, record, &mut results);
    let generation = election.generation();
    difference::check(record, generation, &mut results);
    lists::check(record, &mut results);
    plausibility::check(record, &mut results);
    stock::check(record, generation, &mut results);
    results.sort_by_key(|r| (r.severity, r.code));
    results
}

/// Whether any result is an error (a record with errors cannot be finalised).
pub fn has_errors(results: &[RuleResult]) -> bool {
    results.iter().any(|r| r.severity == Severity::Error)
}

// ---- helpers shared by the rule files ----

/// A count as a number: an empty box counts as 0. `i128` holds any sum of `u64`s.
fn value(count: Count) -> i128 {
    i128::from(count.unwrap_or(0))
}

/// The sum of boxes, empty boxes counting as 0.
fn sum(counts: impl IntoIterator<Item = Count>) -> i128 {
    counts.into_iter().map(value).sum()
}

/// Whether every box is still empty (nothing to check yet).
fn all_empty(counts: &[Count]) -> bool {
    counts.iter().all(Option::is_none)
}

/// "Filled in": a number other than 0 is written (a written 0 says "none").
fn filled(count: Count) -> bool {
    count.unwrap_or(0) > 0
}

fn at(field: Field) -> Target {
    Target::Count(field)
}

/// A rule result; its severity is the code's ([`Code::severity`]).
fn result(code: Code, fields: Vec<Target>, finding: Finding) -> RuleResult {
    RuleResult {
        code,
        severity: code.severity(),
        fields,
        finding,
    }
}

#[cfg(test)]
pub(crate) mod test_support;

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn an_untouched_record_only_asks_for_the_empty_boxes_and_cannot_be_finalised() {
        let (e, r) = empty_record();
        let results = validate(&e, &r);
        assert_eq!(codes(&results), ["T.001"]);
        assert!(
            has_errors(&results),
            "an empty record must not be finalisable"
        );
        assert_eq!(results[0].fields.first(), Some(&at(Field::PollCards)));
    }

    #[test]
    fn a_balanced_count_gives_no_results_at_all() {
        let (e, r) = balanced();
        assert_eq!(codes(&validate(&e, &r)), Vec::<&str>::new());
    }

    #[test]
    fn errors_come_before_warnings_and_each_group_is_ordered_by_code() {
        let (e, mut r) = balanced();
        r.set(Field::Blank, Some(40)); // W.201, and H no longer matches E + F + G (F.203)
        r.set(Field::TotalAdmitted, Some(1)); // F.201, D/H comparison wrong (F.30x), W.203
        let results = validate(&e, &r);
        let severities: Vec<Severity> = results.iter().map(|x| x.severity).collect();
        let mut sorted = severities.clone();
        sorted.sort();
        assert_eq!(severities, sorted);
        let errors: Vec<&str> = results
            .iter()
            .filter(|x| x.severity == Severity::Error)
            .map(|x| x.code.as_str())
            .collect();
        let mut errors_sorted = errors.clone();
        errors_sorted.sort();
        assert_eq!(errors, errors_sorted);
        assert!(errors.contains(&"F.201") && errors.contains(&"F.203"));
    }

    #[test]
    fn every_reported_code_has_its_own_severity() {
        let (e, mut r) = balanced();
        for field in crate::form::single_fields() {
            r.set(field, Some(u64::MAX));
        }
        for x in validate(&e, &r) {
            assert_eq!(x.severity, x.code.severity(), "{}", x.code);
        }
    }

    #[test]
    fn every_message_exists_in_dutch_and_english() {
        let (e, mut r) = balanced();
        r.set(Field::TotalCast, Some(0));
        r.set(Field::TotalAdmitted, None);
        r.ballot_stock.received = Some(3);
        for x in validate(&e, &r) {
            let (nl, en) = (x.message(false), x.message(true));
            assert!(!nl.is_empty() && !en.is_empty());
            assert_ne!(nl, en, "{}", x.code);
            assert!(!x.fields.is_empty(), "{} points nowhere", x.code);
        }
    }

    /// "Boxes are named in form order": T.302 lists K–O and then J, the screens and
    /// messages name them J, K, L, M, N, O as the form prints them.
    #[test]
    fn a_result_names_its_boxes_in_form_order() {
        let (mut e, mut r) = transcribed();
        e.form = Some(crate::form::Generation::Before2026);
        r.differences = Default::default();
        r.set(Field::TotalAdmitted, Some(1021));
        r.set(Field::PollCards, Some(1021));
        r.set(Field::FewerBallots, Some(1));
        r.set(Field::NoExplanation, Some(3));
        let results = validate(&e, &r);
        let t302 = results
            .iter()
            .find(|x| x.code == "T.302")
            .expect("K + L + N + O - M = 3 but J = 1");
        let names = crate::form::words::list_names(&t302.boxes(), false, usize::MAX);
        assert_eq!(names, "J, K, L, M, N, O");
    }
}
