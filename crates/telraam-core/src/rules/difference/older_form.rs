//! Section 3 on the form used up to 2025: the difference between D and H explained by
//! K, L, M, N and O (T.301-T.303). These are warnings: a paper that does not explain
//! its difference is flagged, not blocked (the paper is leading).

use super::super::{Code, Finding, RuleResult, Target, at, filled, result, value};
use crate::record::{CountRecord, Field};

/// Whether any of K-O is written.
pub(in crate::rules) fn uses_explanation_counts(record: &CountRecord) -> bool {
    explanation(record).iter().any(Option::is_some)
}

fn explanation(record: &CountRecord) -> [crate::record::Count; 5] {
    let x = &record.differences;
    [
        x.taken_away,
        x.too_few_issued,
        x.too_many_issued,
        x.other_explanation,
        x.no_explanation,
    ]
}

/// K, L, M, N, O in the order of the form.
fn explanation_boxes() -> [Field; 5] {
    [
        Field::TakenAway,
        Field::TooFewIssued,
        Field::TooManyIssued,
        Field::OtherExplanation,
        Field::NoExplanation,
    ]
}

fn explanation_fields() -> Vec<Target> {
    explanation_boxes().into_iter().map(at).collect()
}

/// T.303: the form used up to 2025, D = H but one of K-O filled in (other than 0):
/// there is no difference to explain (the older form's counterpart of F.305).
pub(super) fn explanation_when_equal(
    record: &CountRecord,
    d: i128,
    h: i128,
    out: &mut Vec<RuleResult>,
) {
    if d != h || !explanation(record).into_iter().any(filled) {
        return;
    }
    let mut fields = explanation_fields();
    fields.extend(super::dh());
    let written: Vec<(Field, i128)> = explanation_boxes()
        .into_iter()
        .zip(explanation(record))
        .filter(|(_, c)| filled(*c))
        .map(|(field, c)| (field, value(c)))
        .collect();
    out.push(result(
        Code::T303,
        fields,
        Finding::NoDifferenceButExplained { d, written },
    ));
}

/// T.301 / T.302 (warnings): the 2023-2025 form's explanation. H > D: M + N + O − K − L = I;
/// H < D: K + L + N + O − M = J.
pub(super) fn explanation_counts(
    record: &CountRecord,
    d: i128,
    h: i128,
    out: &mut Vec<RuleResult>,
) {
    let x = &record.differences;
    let [k, l, m, n, o] = explanation(record).map(value);
    let explanation = explanation_fields();
    if h > d {
        let i = value(x.more_ballots);
        let explained = m + n + o - k - l;
        if explained != i {
            let mut fields = explanation;
            fields.push(at(Field::MoreBallots));
            out.push(result(
                Code::T301,
                fields,
                Finding::ExplainedNotI { explained, i },
            ));
        }
    } else if h < d {
        let j = value(x.fewer_ballots);
        let explained = k + l + n + o - m;
        if explained != j {
            let mut fields = explanation;
            fields.push(at(Field::FewerBallots));
            out.push(result(
                Code::T302,
                fields,
                Finding::ExplainedNotJ { explained, j },
            ));
        }
    }
}
