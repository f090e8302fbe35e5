//! Section 3 of the form: D compared with H, the box ticked, I and J, and the
//! explanation. The "versie 2027" form ticks one of D = H / H > D / H < D and asks
//! whether the log fully explains a difference (F.301-F.310); the 2023-2025 form
//! explains it with K, L, M, N, O instead (T.301, T.302). A record that has any of
//! K-O written is read as the older form.
//!
//! Nothing here runs until both D and H are written: comparing with a box that is
//! still empty would only repeat T.001.

use super::{RuleResult, Target, at, error, filled, value};
use crate::record::{CountRecord, Field, Mark};
use std::cmp::Ordering;

pub(super) fn check(record: &CountRecord, out: &mut Vec<RuleResult>) {
    let (Some(d), Some(h)) = (record.voters.total_admitted, record.votes.total_cast) else {
        return;
    };
    let (d, h) = (i128::from(d), i128::from(h));
    boxes(record, d, h, out);
    more_and_fewer(record, d, h, out);
    if uses_explanation_counts(record) {
        explanation_counts(record, d, h, out);
    } else {
        fully_explained(record, d, h, out);
    }
}

/// Whether the record is a 2023-2025 form: one of K-O is written.
pub(super) fn uses_explanation_counts(record: &CountRecord) -> bool {
    let x = &record.differences;
    [
        x.taken_away,
        x.too_few_issued,
        x.too_many_issued,
        x.other_explanation,
        x.no_explanation,
    ]
    .iter()
    .any(Option::is_some)
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
        out.push(error(
            "F.301",
            with(Mark::Equal),
            format!("vakje \"D = H\" is aangekruist, maar D = {d} en H = {h}"),
            format!("box \"D = H\" is ticked, but D = {d} and H = {h}"),
        ));
    }
    if b.more && h <= d {
        out.push(error(
            "F.302",
            with(Mark::More),
            format!("vakje \"H groter dan D\" is aangekruist, maar H = {h} en D = {d}"),
            format!("box \"H more than D\" is ticked, but H = {h} and D = {d}"),
        ));
    }
    if b.fewer && h >= d {
        out.push(error(
            "F.303",
            with(Mark::Fewer),
            format!("vakje \"H kleiner dan D\" is aangekruist, maar H = {h} en D = {d}"),
            format!("box \"H less than D\" is ticked, but H = {h} and D = {d}"),
        ));
    }
    let ticked = [b.equal, b.more, b.fewer].iter().filter(|t| **t).count();
    if ticked != 1 {
        out.push(error(
            "F.304",
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
                out.push(error(
                    "F.305",
                    f,
                    format!("D = H = {d}, maar I = {i} en J = {j}: laat I en J leeg"),
                    format!("D = H = {d}, but I = {i} and J = {j}: leave I and J empty"),
                ));
            }
        }
        Ordering::Greater => {
            if i != h - d {
                out.push(error(
                    "F.306",
                    fields(Field::MoreBallots),
                    format!(
                        "H − D = {}, maar I (méér getelde stembiljetten) = {i}",
                        h - d
                    ),
                    format!("H − D = {}, but I (more ballots counted) = {i}", h - d),
                ));
            }
            if filled(x.fewer_ballots) {
                out.push(error(
                    "F.307",
                    fields(Field::FewerBallots),
                    format!("H is groter dan D, maar J (minder getelde stembiljetten) = {j}"),
                    format!("H is more than D, but J (fewer ballots counted) = {j}"),
                ));
            }
        }
        Ordering::Less => {
            if j != d - h {
                out.push(error(
                    "F.308",
                    fields(Field::FewerBallots),
                    format!(
                        "D − H = {}, maar J (minder getelde stembiljetten) = {j}",
                        d - h
                    ),
                    format!("D − H = {}, but J (fewer ballots counted) = {j}", d - h),
                ));
            }
            if filled(x.more_ballots) {
                out.push(error(
                    "F.309",
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
    out.push(error(
        "F.310",
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

/// T.301 / T.302: the 2023-2025 form's explanation. H > D: M + N + O − K − L = I;
/// H < D: K + L + N + O − M = J.
fn explanation_counts(record: &CountRecord, d: i128, h: i128, out: &mut Vec<RuleResult>) {
    let x = &record.differences;
    let (k, l, m, n, o) = (
        value(x.taken_away),
        value(x.too_few_issued),
        value(x.too_many_issued),
        value(x.other_explanation),
        value(x.no_explanation),
    );
    let explanation = vec![
        at(Field::TakenAway),
        at(Field::TooFewIssued),
        at(Field::TooManyIssued),
        at(Field::OtherExplanation),
        at(Field::NoExplanation),
    ];
    if h > d {
        let i = value(x.more_ballots);
        let explained = m + n + o - k - l;
        if explained != i {
            let mut fields = explanation;
            fields.push(at(Field::MoreBallots));
            out.push(error(
                "T.301",
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
            out.push(error(
                "T.302",
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

    fn has(record: &CountRecord, code: &str) -> bool {
        let e = crate::election::Election::demo();
        validate(&e, record).iter().any(|r| r.code == code)
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
                .filter(|x| x.code.starts_with("F.3") || x.code.starts_with("T.3"))
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

    /// T.301: 2023-2025 form, "when H > D, M + N + O − K − L should equal I".
    #[test]
    fn t301_old_form_more_ballots_explained() {
        let mut r = one_more();
        r.differences.fully_explained = YesNo::default();
        r.set(Field::TooManyIssued, Some(1));
        assert!(!has(&r, "T.301"), "M = 1 explains I = 1");
        assert!(!has(&r, "F.310"), "the old form has no yes/no question");
        r.set(Field::TakenAway, Some(1));
        assert!(has(&r, "T.301"), "M − K = 0 ≠ I");
    }

    /// T.302: 2023-2025 form, "when H < D, K + L + N + O − M should equal J".
    #[test]
    fn t302_old_form_fewer_ballots_explained() {
        let mut r = one_fewer();
        r.differences.fully_explained = YesNo::default();
        r.set(Field::TakenAway, Some(1));
        assert!(!has(&r, "T.302"));
        r.set(Field::NoExplanation, Some(1));
        assert!(has(&r, "T.302"), "K + O = 2 ≠ J = 1");
    }

    #[test]
    fn nothing_is_compared_while_d_or_h_is_empty() {
        let (_, mut r) = transcribed();
        r.set(Field::TotalCast, None);
        r.differences.boxes = ComparisonBoxes::default();
        assert!(!has(&r, "F.304"));
    }
}
