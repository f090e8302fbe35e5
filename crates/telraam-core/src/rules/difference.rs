//! Section 3 of the form: D compared with H, the box ticked, I and J, and the
//! explanation. Which checks apply depends on the generation of the form
//! ([`Generation`]): the "versie 2027" form (from 2026) ticks one of D = H / H > D /
//! H < D and asks whether the log fully explains a difference (F.301-F.304, F.310);
//! the form used up to 2025 explains it with K, L, M, N, O instead (T.301-T.303,
//! warnings: a paper that does not explain its difference is flagged, not blocked).
//! F.305-F.309 (I and J) apply to both.
//!
//! Nothing here runs until both D and H are written: comparing with a box that is
//! still empty would only repeat T.001.

use super::{Code, RuleResult, Target, at, filled, result, value};
use crate::form::Generation;
use crate::record::{CountRecord, Field, Mark};
use std::cmp::Ordering;

pub(super) fn check(record: &CountRecord, generation: Generation, out: &mut Vec<RuleResult>) {
    let (Some(d), Some(h)) = (record.voters.total_admitted, record.votes.total_cast) else {
        return;
    };
    let (d, h) = (i128::from(d), i128::from(h));
    more_and_fewer(record, d, h, out);
    match generation {
        Generation::From2026 => {
            boxes(record, d, h, out);
            fully_explained(record, d, h, out);
        }
        Generation::Before2026 => {
            explanation_counts(record, d, h, out);
            explanation_when_equal(record, d, h, out);
        }
    }
}

/// Whether any of K-O is written.
pub(super) fn uses_explanation_counts(record: &CountRecord) -> bool {
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

fn explanation_fields() -> Vec<Target> {
    vec![
        at(Field::TakenAway),
        at(Field::TooFewIssued),
        at(Field::TooManyIssued),
        at(Field::OtherExplanation),
        at(Field::NoExplanation),
    ]
}

/// T.303: the form used up to 2025, D = H but one of K-O filled in (other than 0):
/// there is no difference to explain (the older form's counterpart of F.305).
fn explanation_when_equal(record: &CountRecord, d: i128, h: i128, out: &mut Vec<RuleResult>) {
    if d != h || !explanation(record).into_iter().any(filled) {
        return;
    }
    let mut fields = explanation_fields();
    fields.extend(dh());
    let written: Vec<String> = ["K", "L", "M", "N", "O"]
        .into_iter()
        .zip(explanation(record))
        .filter(|(_, c)| filled(*c))
        .map(|(letter, c)| format!("{letter} = {}", value(c)))
        .collect();
    let written = written.join(", ");
    out.push(result(
        Code::T303,
        fields,
        format!("D = H = {d}, maar {written}: er is geen verschil te verklaren"),
        format!("D = H = {d}, but {written}: there is no difference to explain"),
    ));
}

fn dh() -> Vec<Target> {
    vec![at(Field::TotalAdmitted), at(Field::TotalCast)]
}

fn with(mark: Mark) -> Vec<Target> {
    let mut fields = vec![Target::Mark(mark)];
    fields.extend(dh());
    fields
}

/// F.301-F.304: the box ticked must match D and H, and exactly one is ticked.
fn boxes(record: &CountRecord, d: i128, h: i128, out: &mut Vec<RuleResult>) {
    let b = record.differences.boxes;
    if b.equal && d != h {
        out.push(result(
            Code::F301,
            with(Mark::Equal),
            format!("vakje \"D = H\" is aangekruist, maar D = {d} en H = {h}"),
            format!("box \"D = H\" is ticked, but D = {d} and H = {h}"),
        ));
    }
    if b.more && h <= d {
        out.push(result(
            Code::F302,
            with(Mark::More),
            format!("vakje \"H groter dan D\" is aangekruist, maar H = {h} en D = {d}"),
            format!("box \"H more than D\" is ticked, but H = {h} and D = {d}"),
        ));
    }
    if b.fewer && h >= d {
        out.push(result(
            Code::F303,
            with(Mark::Fewer),
            format!("vakje \"H kleiner dan D\" is aangekruist, maar H = {h} en D = {d}"),
            format!("box \"H less than D\" is ticked, but H = {h} and D = {d}"),
        ));
    }
    let ticked = [b.equal, b.more, b.fewer].iter().filter(|t| **t).count();
    if ticked != 1 {
        out.push(result(
            Code::F304,
            vec![
                Target::Mark(Mark::Equal),
                Target::Mark(Mark::More),
                Target::Mark(Mark::Fewer),
            ],
            format!(
                "er moet precies één vakje (D = H, H > D of H < D) zijn aangekruist, \
                 er zijn er {ticked} aangekruist"
            ),
            format!("exactly one box (D = H, H > D or H < D) must be ticked; {ticked} are ticked"),
        ));
    }
}

/// F.305-F.309: I and J against the real difference between D and H.
fn more_and_fewer(record: &CountRecord, d: i128, h: i128, out: &mut Vec<RuleResult>) {
    let x = &record.differences;
    let (i, j) = (value(x.more_ballots), value(x.fewer_ballots));
    let fields = |first: Field| {
        let mut f = vec![at(first)];
        f.extend(dh());
        f
    };
    match h.cmp(&d) {
        Ordering::Equal => {
            if filled(x.more_ballots) || filled(x.fewer_ballots) {
                let first = if filled(x.more_ballots) {
                    Field::MoreBallots
                } else {
                    Field::FewerBallots
                };
                let mut f = vec![at(first)];
                if first == Field::MoreBallots && filled(x.fewer_ballots) {
                    f.push(at(Field::FewerBallots));
                }
                f.extend(dh());
                out.push(result(
                    Code::F305,
                    f,
                    format!("D = H = {d}, maar I = {i} en J = {j}: laat I en J leeg"),
                    format!("D = H = {d}, but I = {i} and J = {j}: leave I and J empty"),
                ));
            }
        }
        Ordering::Greater => {
            if i != h - d {
                out.push(result(
                    Code::F306,
                    fields(Field::MoreBallots),
                    format!(
                        "H − D = {}, maar I (méér getelde stembiljetten) = {i}",
                        h - d
                    ),
                    format!("H − D = {}, but I (more ballots counted) = {i}", h - d),
                ));
            }
            if filled(x.fewer_ballots) {
                out.push(result(
                    Code::F307,
                    fields(Field::FewerBallots),
                    format!("H is groter dan D, maar J (minder getelde stembiljetten) = {j}"),
                    format!("H is more than D, but J (fewer ballots counted) = {j}"),
                ));
            }
        }
        Ordering::Less => {
            if j != d - h {
                out.push(result(
                    Code::F308,
                    fields(Field::FewerBallots),
                    format!(
                        "D − H = {}, maar J (minder getelde stembiljetten) = {j}",
                        d - h
                    ),
                    format!("D − H = {}, but J (fewer ballots counted) = {j}", d - h),
                ));
            }
            if filled(x.more_ballots) {
                out.push(result(
                    Code::F309,
                    fields(Field::MoreBallots),
                    format!("H is kleiner dan D, maar I (méér getelde stembiljetten) = {i}"),
                    format!("H is less than D, but I (more ballots counted) = {i}"),
                ));
            }
        }
    }
}

/// F.310: D ≠ H and "is the difference fully explained?" unanswered or answered both ways.
fn fully_explained(record: &CountRecord, d: i128, h: i128, out: &mut Vec<RuleResult>) {
    let answer = record.differences.fully_explained;
    if d == h || answer.answer().is_some() {
        return;
    }
    let (how_nl, how_en) = if answer.yes {
        (
            "met zowel ja als nee beantwoord",
            "answered both yes and no",
        )
    } else {
        ("niet beantwoord", "not answered")
    };
    out.push(result(
        Code::F310,
        vec![
            Target::Mark(Mark::ExplainedYes),
            Target::Mark(Mark::ExplainedNo),
        ],
        format!(
            "D en H verschillen, en de vraag of het verschil volledig verklaard is, is \
             {how_nl}"
        ),
        format!(
            "D and H differ, and the question whether the difference is fully explained is \
             {how_en}"
        ),
    ));
}

/// T.301 / T.302 (warnings): the 2023-2025 form's explanation. H > D: M + N + O − K − L = I;
/// H < D: K + L + N + O − M = J.
fn explanation_counts(record: &CountRecord, d: i128, h: i128, out: &mut Vec<RuleResult>) {
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
                format!("M + N + O − K − L = {explained}, maar I = {i}"),
                format!("M + N + O − K − L = {explained}, but I = {i}"),
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
                format!("K + L + N + O − M = {explained}, maar J = {j}"),
                format!("K + L + N + O − M = {explained}, but J = {j}"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
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
                .filter(|x| {
                    x.code.as_str().starts_with("F.3") || x.code.as_str().starts_with("T.3")
                })
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
        assert!(t303.message_nl.contains("N = 2"), "{}", t303.message_nl);
    }

    #[test]
    fn nothing_is_compared_while_d_or_h_is_empty() {
        let (_, mut r) = transcribed();
        r.set(Field::TotalCast, None);
        r.differences.boxes = ComparisonBoxes::default();
        assert!(!has(&r, "F.304"));
    }
}
