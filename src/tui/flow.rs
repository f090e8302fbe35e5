//! The order of the work: the steps of the count and the fields of each step, in
//! the order of the paper form. Pure data, shared by `update`, `view` and the
//! resume point.

use crate::counting;
use crate::election::Election;
use crate::form::{self, BoxSpec, Form, Part, Shape, Target};
use crate::record::{CountRecord, Field, Mark};

/// A step of the count, as the tab bar shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Toegelaten kiezers: A, B, C; D live.
    Voters,
    /// Uitgebrachte stemmen: E.1..E.n, F, G; E and H live.
    Votes,
    /// Verschillen: I or J, the ballot stock, and the explanation the form asks for
    /// (K..O before 2026, "fully explained?" from 2026).
    Differences,
    /// Kandidaten of one list (DSO only), by the list's index in the election.
    Candidates(usize),
    /// Controle: every rule result.
    Check,
    /// Vaststellen: the figures in the order of the paper form, then finalise.
    Finalise,
}

/// One thing the operator fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// A count box.
    Count(Field),
    /// "Is the difference fully explained?" yes / no.
    Explained,
    /// The free-text note about the difference.
    Note,
    /// A total the program adds up, shown with its parts before moving on (D on the
    /// Kiezers screen); Enter goes on, nothing is typed.
    Total(Field),
}

impl Item {
    /// Stable name for the resume point.
    pub fn key(self) -> String {
        match self {
            Item::Count(f) => f.key(),
            Item::Explained => "explained".into(),
            Item::Note => "note".into(),
            Item::Total(f) => f.key(),
        }
    }
}

impl Step {
    /// Stable name for the resume point.
    pub fn key(self, election: &Election) -> String {
        match self {
            Step::Voters => "voters".into(),
            Step::Votes => "votes".into(),
            Step::Differences => "differences".into(),
            Step::Candidates(i) => match election.lists.get(i) {
                Some(l) => format!("candidates.{}", l.number),
                None => "candidates".into(),
            },
            Step::Check => "check".into(),
            Step::Finalise => "finalise".into(),
        }
    }

    /// Inverse of [`Step::key`].
    pub fn parse(key: &str, election: &Election) -> Option<Step> {
        if let Some(n) = key.strip_prefix("candidates.") {
            let n: u32 = n.parse().ok()?;
            return election
                .lists
                .iter()
                .position(|l| l.number == n)
                .map(Step::Candidates);
        }
        match key {
            "voters" => Some(Step::Voters),
            "votes" => Some(Step::Votes),
            "differences" => Some(Step::Differences),
            "check" => Some(Step::Check),
            "finalise" => Some(Step::Finalise),
            _ => None,
        }
    }
}

/// Every step of a station's count, in order.
pub fn steps(election: &Election) -> Vec<Step> {
    let mut steps = vec![Step::Voters, Step::Votes, Step::Differences];
    if election.counting_method.counts_candidates() {
        steps.extend((0..election.lists.len()).map(Step::Candidates));
    }
    steps.push(Step::Check);
    steps.push(Step::Finalise);
    steps
}

/// Whether D and H are both known and differ: only then is there something to explain.
pub fn has_difference(record: &CountRecord) -> bool {
    matches!(counting::difference(record), Some(d) if d != 0)
}

/// What the operator types in a part of the form, in the model's order: the boxes
/// of the election's form that counting mode does not compute.
fn typed(election: &Election, part: Part) -> impl Iterator<Item = &'static BoxSpec> {
    let voter_cards = election.voter_cards_apply();
    Form::of(election)
        .specs()
        .filter(move |s| s.part == part && !s.computed && (voter_cards || !s.voter_cards_only))
}

/// The fields of a step, in form order. Differences has fields only when D ≠ H:
/// first the ballot stock (telraam's own, which says what K, L and M should be),
/// then the explanation the election's form asks for, then the note.
pub fn items(election: &Election, record: &CountRecord, step: Step) -> Vec<Item> {
    let mut items = Vec::new();
    match step {
        Step::Voters | Step::Votes => {
            let part = if step == Step::Voters {
                Part::Voters
            } else {
                Part::Votes
            };
            for spec in typed(election, part) {
                match spec.shape {
                    Shape::One(Target::Count(field)) => items.push(Item::Count(field)),
                    Shape::ListTotal => items.extend(
                        election
                            .lists
                            .iter()
                            .map(|l| Item::Count(Field::ListTotal(l.number))),
                    ),
                    _ => {}
                }
            }
            if step == Step::Voters {
                // The screen stops on D with the figures it came from.
                items.push(Item::Total(Field::TotalAdmitted));
            }
        }
        Step::Differences => {
            if !has_difference(record) {
                return items;
            }
            let mut paper = Vec::new();
            for spec in typed(election, Part::Differences) {
                let item = match spec.shape {
                    Shape::One(Target::Count(field)) => Item::Count(field),
                    // Yes and no are one question on screen.
                    Shape::One(Target::Mark(Mark::ExplainedYes)) => Item::Explained,
                    _ => continue,
                };
                if spec.on_paper {
                    paper.push(item);
                } else {
                    items.push(item);
                }
            }
            items.extend(paper);
            items.push(Item::Note);
        }
        Step::Candidates(i) => {
            let Some(list) = election.lists.get(i) else {
                return items;
            };
            for spec in typed(election, Part::Candidates) {
                if spec.shape == Shape::Candidate {
                    items.extend(list.candidates.iter().map(|c| {
                        Item::Count(Field::Candidate {
                            list: list.number,
                            candidate: c.number,
                        })
                    }));
                }
            }
        }
        Step::Check | Step::Finalise => {}
    }
    items
}

/// The step where a part of the form is entered.
fn step_of(election: &Election, field: Field) -> Step {
    let part = form::spec_of(Target::Count(field)).map(|s| s.part);
    match (part, field) {
        (Some(Part::Voters), _) => Step::Voters,
        (Some(Part::Votes), _) => Step::Votes,
        (Some(Part::Differences), _) => Step::Differences,
        (_, Field::CandidateListTotal(list) | Field::Candidate { list, .. }) => {
            match election.lists.iter().position(|l| l.number == list) {
                Some(i) => Step::Candidates(i),
                None => Step::Check,
            }
        }
        _ => Step::Check,
    }
}

/// Where a field is entered, for "Enter jumps to the field" on the check screen.
/// Computed fields (D, E, H, I, J, page totals) lead to the step where their parts
/// are typed.
pub fn locate(election: &Election, record: &CountRecord, field: Field) -> (Step, usize) {
    let step = step_of(election, field);
    let index = items(election, record, step)
        .iter()
        .position(|i| *i == Item::Count(field) || *i == Item::Total(field))
        .unwrap_or(0);
    (step, index)
}

/// Whether a list's candidate votes add up to its list total (empty counts as 0).
pub fn list_balanced(record: &CountRecord, list: u32) -> bool {
    record.list_total(list).unwrap_or(0) == counting::candidate_sum(record, list).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::EntryMode;

    #[test]
    fn a_municipal_election_asks_no_voter_cards_and_dso_has_a_step_per_list() {
        let e = Election::demo();
        let r = CountRecord::empty(&e, 1, EntryMode::Counting);
        assert_eq!(
            items(&e, &r, Step::Voters),
            [
                Item::Count(Field::PollCards),
                Item::Count(Field::ProxyCertificates),
                Item::Total(Field::TotalAdmitted)
            ],
            "A, B and then D shown with its parts"
        );
        assert_eq!(steps(&e).len(), 3 + e.lists.len() + 2);
    }

    #[test]
    fn step_keys_round_trip_including_list_numbers() {
        let e = Election::demo();
        for s in steps(&e) {
            assert_eq!(Step::parse(&s.key(&e), &e), Some(s));
        }
        assert_eq!(Step::parse("candidates.99", &e), None);
    }
}
