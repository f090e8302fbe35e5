//! What a printout of a record shows, in the order of the paper form: the annex
//! (`annex::content`) and the Vaststellen screen draw the same rows from here, so
//! that the screen the supervisor signs off and the paper stapled to the
//! proces-verbaal can never show different boxes or figures.

use crate::counting;
use crate::election::Election;
use crate::form::{Form, Part, Shape, Target, spec_of};
use crate::record::{Count, CountRecord, Field, Mark};

/// A part of the printout, with its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    /// 1. Toegelaten kiezers: A to D.
    Voters,
    /// 2. Uitgebrachte stemmen: E.1..E.n, E to H.
    Votes,
    /// 3. Verschil tussen D en H: as the election's form has it.
    Differences,
    /// The ballot stock (telraam's own) and what it says.
    Stock,
    /// One list's candidate page (model N 10-1).
    Candidates(u32),
}

/// A figure telraam derives from the ballot stock (not a box of the paper).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StockLine {
    /// Received − unused − spoiled.
    Issued,
    /// Issued − D, where positive.
    TooManyIssued,
    /// D − issued, where positive.
    TooFewIssued,
    /// Issued − H, where positive.
    TakenAway,
    /// H − issued, where positive: in the box but never handed out.
    InBoxNotIssued,
}

/// One row of the printout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A box and what it holds.
    Figure {
        target: Target,
        value: Count,
        /// A total the form adds up (D, E, H): printed bold.
        total: bool,
    },
    /// The D/H boxes: which are ticked, in form order (none, one, or several on a
    /// paper filled in wrongly).
    Ticked(Vec<Mark>),
    /// "Fully explained?": the answer, or `None` with `both` when yes and no are
    /// both ticked.
    Explained { answer: Option<bool>, both: bool },
    /// A figure derived from the ballot stock; `None` while the stock is incomplete.
    Stock(StockLine, Option<i64>),
}

/// A heading and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub heading: Heading,
    pub rows: Vec<Row>,
}

fn figure(record: &CountRecord, target: Target) -> Row {
    let value = match target {
        Target::Count(field) => record.get(field),
        Target::Mark(mark) => Some(u64::from(record.mark(mark))),
    };
    let total =
        spec_of(target).is_some_and(|s| s.computed && matches!(s.part, Part::Voters | Part::Votes));
    Row::Figure {
        target,
        value,
        total,
    }
}

/// The boxes of section 3 (D compared with H) that a printout of `record` shows, in
/// paper order: the D/H boxes and I, J as the election's form has them; the "fully
/// explained?" question only while there is a difference to explain (or an answer
/// the rules must flag); K–O on the form before 2026. The ballot stock, not on paper,
/// is not among them.
pub fn section_3(election: &Election, record: &CountRecord) -> Vec<Target> {
    let form = Form::of(election);
    let explaining = matches!(counting::difference(record), Some(x) if x != 0);
    let answered = record.differences.fully_explained.yes || record.differences.fully_explained.no;
    form.specs()
        .filter(|s| s.part == Part::Differences && s.on_paper)
        .filter_map(|s| s.single().map(|t| (s, t)))
        .filter(|(s, t)| {
            !matches!(t, Target::Mark(_)) || !s.explains_difference || explaining || answered
        })
        .map(|(_, t)| t)
        .collect()
}

/// Everything a printout of `record` shows, in form order: A to D (C only where
/// kiezerspassen apply or the paper has one, so its error stays visible), the lists
/// and E to H, section 3 as the election's form has it, the ballot stock with what
/// it says, and (N 10-1) each list's candidates closed by the page's total.
pub fn printout(election: &Election, record: &CountRecord) -> Vec<Block> {
    let form = Form {
        generation: election.generation(),
        method: record.counting_method,
    };
    let mut voters = Vec::new();
    let mut votes = Vec::new();
    let mut stock = Vec::new();
    for spec in form.specs() {
        match (spec.part, spec.shape) {
            (Part::Voters, Shape::One(target)) => {
                let shown = !spec.voter_cards_only
                    || election.voter_cards_apply()
                    || record.get(Field::VoterCards).is_some();
                if shown {
                    voters.push(figure(record, target));
                }
            }
            (Part::Votes, Shape::ListTotal) => votes.extend(
                record
                    .votes
                    .lists
                    .iter()
                    .map(|l| figure(record, Target::Count(Field::ListTotal(l.list)))),
            ),
            (Part::Votes, Shape::One(target)) => votes.push(figure(record, target)),
            (Part::Differences, Shape::One(target)) if !spec.on_paper => {
                stock.push(figure(record, target))
            }
            _ => {}
        }
    }
    let mut differences = Vec::new();
    for target in section_3(election, record) {
        let d = &record.differences;
        match target {
            Target::Mark(Mark::Equal) => differences.push(Row::Ticked(
                [Mark::Equal, Mark::More, Mark::Fewer]
                    .into_iter()
                    .filter(|m| record.mark(*m))
                    .collect(),
            )),
            Target::Mark(Mark::ExplainedYes) => differences.push(Row::Explained {
                answer: d.fully_explained.answer(),
                both: d.fully_explained.yes && d.fully_explained.no,
            }),
            // Shown with the first of their group above.
            Target::Mark(_) => {}
            Target::Count(_) => differences.push(figure(record, target)),
        }
    }
    stock.push(Row::Stock(StockLine::Issued, record.ballot_stock.issued()));
    if let Some(b) = counting::stock_balance(record) {
        let derived = [
            (StockLine::TooManyIssued, b.too_many_issued()),
            (StockLine::TooFewIssued, b.too_few_issued()),
            (StockLine::TakenAway, b.taken_away()),
            (StockLine::InBoxNotIssued, b.unaccounted_in_box()),
        ];
        for (line, value) in derived {
            stock.push(Row::Stock(line, i64::try_from(value).ok()));
        }
    }
    let mut blocks = vec![
        Block {
            heading: Heading::Voters,
            rows: voters,
        },
        Block {
            heading: Heading::Votes,
            rows: votes,
        },
        Block {
            heading: Heading::Differences,
            rows: differences,
        },
        Block {
            heading: Heading::Stock,
            rows: stock,
        },
    ];
    if form.specs().any(|s| s.part == Part::Candidates) {
        for page in &record.candidate_votes {
            let mut rows: Vec<Row> = page
                .votes
                .iter()
                .map(|(candidate, _)| {
                    figure(
                        record,
                        Target::Count(Field::Candidate {
                            list: page.list,
                            candidate: *candidate,
                        }),
                    )
                })
                .collect();
            rows.push(figure(
                record,
                Target::Count(Field::CandidateListTotal(page.list)),
            ));
            blocks.push(Block {
                heading: Heading::Candidates(page.list),
                rows,
            });
        }
    }
    blocks
}

/// Every box a printout shows, in its order.
pub fn boxes_shown(blocks: &[Block]) -> Vec<Target> {
    let mut out = Vec::new();
    for row in blocks.iter().flat_map(|b| &b.rows) {
        match row {
            Row::Figure { target, .. } => out.push(*target),
            Row::Ticked(_) => out.extend([Mark::Equal, Mark::More, Mark::Fewer].map(Target::Mark)),
            Row::Explained { .. } => {
                out.extend([Mark::ExplainedYes, Mark::ExplainedNo].map(Target::Mark))
            }
            Row::Stock(..) => {}
        }
    }
    out
}
