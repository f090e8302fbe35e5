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

use super::{Code, Finding, RuleResult, Target, at, filled, result, value};
use crate::form::Generation;
use crate::record::{CountRecord, Field, Mark};
use std::cmp::Ordering;

mod older_form;

pub(in crate::rules) use older_form::uses_explanation_counts;
use older_form::{explanation_counts, explanation_when_equal};

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

pub(super) fn dh() -> Vec<Target> {
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
            Finding::EqualTicked { d, h },
        ));
    }
    if b.more && h <= d {
        out.push(result(
            Code::F302,
            with(Mark::More),
            Finding::MoreTicked { d, h },
        ));
    }
    if b.fewer && h >= d {
        out.push(result(
            Code::F303,
            with(Mark::Fewer),
            Finding::FewerTicked { d, h },
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
            Finding::TickedCount { ticked },
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
                    Finding::NoDifferenceButIOrJ { d, i, j },
                ));
            }
        }
        Ordering::Greater => {
            if i != h - d {
                out.push(result(
                    Code::F306,
                    fields(Field::MoreBallots),
                    Finding::MoreNotI {
                        difference: h - d,
                        i,
                    },
                ));
            }
            if filled(x.fewer_ballots) {
                out.push(result(
                    Code::F307,
                    fields(Field::FewerBallots),
                    Finding::MoreButJ { j },
                ));
            }
        }
        Ordering::Less => {
            if j != d - h {
                out.push(result(
                    Code::F308,
                    fields(Field::FewerBallots),
                    Finding::FewerNotJ {
                        difference: d - h,
                        j,
                    },
                ));
            }
            if filled(x.more_ballots) {
                out.push(result(
                    Code::F309,
                    fields(Field::MoreBallots),
                    Finding::FewerButI { i },
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
    out.push(result(
        Code::F310,
        vec![
            Target::Mark(Mark::ExplainedYes),
            Target::Mark(Mark::ExplainedNo),
        ],
        Finding::ExplainedUnanswered { both: answer.yes },
    ));
}

#[cfg(test)]
mod tests;
