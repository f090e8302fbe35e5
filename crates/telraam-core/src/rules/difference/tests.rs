use super::super::test_support::*;
use super::super::validate;
use super::*;
use crate::record::{ComparisonBoxes, YesNo};

/// Whether the rules raise `code` on the form from 2026 (the demo election's).
fn has(record: &CountRecord, code: &str) -> bool {
    let e = crate::election::Election::demo();
    validate(&e, record).iter().any(|r| r.code == code)
}

/// The result with `code` on the form used up to 2025, if raised.
fn on_old_form(record: &CountRecord, code: &str) -> Option<super::super::RuleResult> {
    let mut e = crate::election::Election::demo();
    e.form = Some(Generation::Before2026);
    validate(&e, record).into_iter().find(|r| r.code == code)
}

fn has_old(record: &CountRecord, code: &str) -> bool {
    on_old_form(record, code).is_some()
}

/// One ballot fewer in the box than admitted voters (H = D − 1), as the paper has it.
fn one_fewer() -> CountRecord {
    let (_, mut r) = transcribed();
    r.set(Field::TotalAdmitted, Some(1021));
    r.set(Field::ProxyCertificates, Some(21));
    r.differences.boxes = ComparisonBoxes {
        fewer: true,
        ..Default::default()
    };
    r.set(Field::FewerBallots, Some(1));
    r.differences.fully_explained = YesNo::from_answer(Some(true));
    r
}

/// One ballot more in the box than admitted voters (H = D + 1).
fn one_more() -> CountRecord {
    let (_, mut r) = transcribed();
    r.set(Field::TotalAdmitted, Some(1019));
    r.set(Field::ProxyCertificates, Some(19));
    r.differences.boxes = ComparisonBoxes {
        more: true,
        ..Default::default()
    };
    r.set(Field::MoreBallots, Some(1));
    r.differences.fully_explained = YesNo::from_answer(Some(false));
    r
}

#[test]
fn a_correctly_filled_in_difference_raises_no_section_3_error() {
    for r in [one_fewer(), one_more()] {
        let e = crate::election::Election::demo();
        let errors: Vec<_> = validate(&e, &r)
            .into_iter()
            .filter(|x| x.code.as_str().starts_with("F.3") || x.code.as_str().starts_with("T.3"))
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}

/// F.301: "box "D = H" ticked but D ≠ H".
#[test]
fn f301_equal_ticked_but_d_differs_from_h() {
    let mut r = one_fewer();
    r.differences.boxes = ComparisonBoxes {
        equal: true,
        ..Default::default()
    };
    assert!(has(&r, "F.301"));
    assert!(!has(&transcribed().1, "F.301"));
}

/// F.302: "box "H > D" ticked but H ≤ D".
#[test]
fn f302_more_ticked_but_h_not_more() {
    let mut r = one_fewer();
    r.differences.boxes.more = true;
    assert!(has(&r, "F.302"));
    assert!(!has(&one_more(), "F.302"));
}

/// F.303: "box "H < D" ticked but H ≥ D".
#[test]
fn f303_fewer_ticked_but_h_not_less() {
    let mut r = one_more();
    r.differences.boxes.fewer = true;
    assert!(has(&r, "F.303"));
    assert!(!has(&one_fewer(), "F.303"));
}

/// F.304: "not exactly one of the three boxes ticked" — none, or two.
#[test]
fn f304_not_exactly_one_box() {
    let mut r = one_fewer();
    r.differences.boxes = ComparisonBoxes::default();
    assert!(has(&r, "F.304"));
    r.differences.boxes = ComparisonBoxes {
        fewer: true,
        more: true,
        equal: false,
    };
    assert!(has(&r, "F.304"));
    assert!(!has(&one_fewer(), "F.304"));
}

/// F.305: "D = H but I or J filled in"; a written 0 is not filled in.
#[test]
fn f305_equal_but_i_or_j_filled_in() {
    let (_, mut r) = transcribed();
    r.set(Field::FewerBallots, Some(2));
    assert!(has(&r, "F.305"));
    r.set(Field::FewerBallots, Some(0));
    r.set(Field::MoreBallots, Some(0));
    assert!(!has(&r, "F.305"));
}

/// F.306: "H > D and I ≠ H − D" — also when I is left empty.
#[test]
fn f306_i_is_not_h_minus_d() {
    let mut r = one_more();
    r.set(Field::MoreBallots, Some(2));
    assert!(has(&r, "F.306"));
    r.set(Field::MoreBallots, None);
    assert!(has(&r, "F.306"));
}

/// F.307: "H > D and J filled in".
#[test]
fn f307_more_but_j_filled_in() {
    let mut r = one_more();
    r.set(Field::FewerBallots, Some(1));
    assert!(has(&r, "F.307"));
}

/// F.308: "H < D and J ≠ D − H".
#[test]
fn f308_j_is_not_d_minus_h() {
    let mut r = one_fewer();
    r.set(Field::FewerBallots, Some(3));
    assert!(has(&r, "F.308"));
}

/// F.309: "H < D and I filled in".
#[test]
fn f309_fewer_but_i_filled_in() {
    let mut r = one_fewer();
    r.set(Field::MoreBallots, Some(1));
    assert!(has(&r, "F.309"));
}

/// F.310: "D ≠ H and the "fully explained?" question unanswered or answered both ways".
#[test]
fn f310_explanation_question_unanswered_or_both() {
    let mut r = one_fewer();
    r.differences.fully_explained = YesNo::default();
    assert!(has(&r, "F.310"));
    r.differences.fully_explained = YesNo {
        yes: true,
        no: true,
    };
    assert!(has(&r, "F.310"));
    let (_, balanced) = transcribed();
    assert!(!has(&balanced, "F.310"), "D = H needs no answer");
}

/// F.301-F.304 and F.310: "only where the form has the boxes and the question".
#[test]
fn the_older_form_has_no_boxes_and_no_question_to_check() {
    let mut r = one_fewer();
    r.differences.boxes = ComparisonBoxes::default();
    r.differences.fully_explained = YesNo::default();
    assert!(has(&r, "F.304") && has(&r, "F.310"));
    for code in ["F.301", "F.302", "F.303", "F.304", "F.310"] {
        assert!(!has_old(&r, code), "{code} on the form before 2026");
    }
    assert!(has_old(&r, "F.308") == has(&r, "F.308"), "I and J on both");
}

/// T.301: form before 2026, "when H > D, M + N + O − K − L should equal I"; a warning.
#[test]
fn t301_old_form_more_ballots_explained() {
    let mut r = one_more();
    r.differences.fully_explained = YesNo::default();
    r.differences.boxes = ComparisonBoxes::default();
    r.set(Field::TooManyIssued, Some(1));
    assert!(!has_old(&r, "T.301"), "M = 1 explains I = 1");
    r.set(Field::TakenAway, Some(1));
    let t301 = on_old_form(&r, "T.301").expect("M − K = 0 ≠ I");
    assert_eq!(t301.severity, super::super::Severity::Warning);
    assert!(!has(&r, "T.301"), "the form from 2026 has no K-O");
}

/// T.302: form before 2026, "when H < D, K + L + N + O − M should equal J"; a warning.
#[test]
fn t302_old_form_fewer_ballots_explained() {
    let mut r = one_fewer();
    r.differences.fully_explained = YesNo::default();
    r.differences.boxes = ComparisonBoxes::default();
    r.set(Field::TakenAway, Some(1));
    assert!(!has_old(&r, "T.302"));
    r.set(Field::NoExplanation, Some(1));
    let t302 = on_old_form(&r, "T.302").expect("K + O = 2 ≠ J = 1");
    assert_eq!(t302.severity, super::super::Severity::Warning);
    r.set(Field::TakenAway, Some(0));
    r.set(Field::NoExplanation, Some(0));
    assert!(has_old(&r, "T.302"), "nothing explains J = 1");
}

/// T.303: form before 2026, "D = H but one of K-O filled in"; a warning.
#[test]
fn t303_old_form_explanation_without_a_difference() {
    let (_, mut r) = transcribed();
    r.differences.boxes = ComparisonBoxes::default();
    r.set(Field::OtherExplanation, Some(0));
    assert!(!has_old(&r, "T.303"), "a written 0 explains nothing");
    r.set(Field::OtherExplanation, Some(2));
    let t303 = on_old_form(&r, "T.303").expect("N = 2 while D = H");
    assert_eq!(t303.severity, super::super::Severity::Warning);
    assert!(
        t303.message(false).contains("N = 2"),
        "{}",
        t303.message(false)
    );
}

#[test]
fn nothing_is_compared_while_d_or_h_is_empty() {
    let (_, mut r) = transcribed();
    r.set(Field::TotalCast, None);
    r.differences.boxes = ComparisonBoxes::default();
    assert!(!has(&r, "F.304"));
}
