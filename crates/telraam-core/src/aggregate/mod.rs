//! Adding up station records into municipal totals, as the municipality's
//! proces-verbaal does: every count summed box by box, the more (I) and fewer (J)
//! counts summed separately and never netted, the explanation counts (K..O) summed.
//! An empty box adds nothing (as on the GSB's form, an empty box counts as 0).
//!
//! [`Totals`] is also what a 510b's own `TotalVotes` is read into, so that the two
//! can be compared figure by figure. A figure says what it is ([`Figure`]); its
//! label, Dutch or English, is in [`words`].

use crate::election::{Candidate, Election};
use crate::form::{Form, MODEL, Shape, Target};
use crate::record::{Count, CountRecord, Field};
use serde::{Deserialize, Serialize};

pub mod words;

/// One list's totals: E.n and its candidates' votes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListTotals {
    pub list: u32,
    pub total: u64,
    /// `(candidate number, votes)` in list order.
    #[serde(default)]
    pub candidates: Vec<(u32, u64)>,
}

/// The municipal totals (or one station's figures, with empty boxes as 0).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Kiesgerechtigden of the stations counted (EML `Cast`, OSV "opgeroepenen").
    pub eligible_voters: u64,
    /// A.
    pub poll_cards: u64,
    /// B.
    pub proxy_certificates: u64,
    /// C.
    pub voter_cards: u64,
    /// D.
    pub total_admitted: u64,
    /// E.1..E.n.
    pub lists: Vec<ListTotals>,
    /// E.
    pub total_on_lists: u64,
    /// F.
    pub blank: u64,
    /// G.
    pub invalid: u64,
    /// H.
    pub total_cast: u64,
    /// I.
    pub more_ballots: u64,
    /// J.
    pub fewer_ballots: u64,
    /// K.
    pub taken_away: u64,
    /// L.
    pub too_few_issued: u64,
    /// M.
    pub too_many_issued: u64,
    /// N.
    pub other_explanation: u64,
    /// O.
    pub no_explanation: u64,
}

/// What a figure of the totals is (its label is [`Figure::label`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Figure {
    /// The kiesgerechtigden.
    EligibleVoters,
    /// E.n, with the list's name as the election file gives it.
    List { list: u32, name: String },
    /// A candidate's votes, with the candidate's name (surname first).
    Candidate { number: u32, name: String },
    /// A box of the form.
    Box(Target),
}

/// One figure of the totals, for printing and comparing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable key: "A", "E.3", "cand.3.12", "kiesgerechtigden".
    pub key: String,
    pub figure: Figure,
    pub value: u64,
}

/// A figure that differs between the added-up records and a file's own totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub key: String,
    pub figure: Figure,
    pub ours: u64,
    pub theirs: u64,
}

fn add(sum: &mut u64, count: Count) {
    *sum = sum.saturating_add(count.unwrap_or(0));
}

impl Totals {
    /// Empty totals with a slot for every list and candidate of the election.
    pub fn for_election(election: &Election) -> Totals {
        Totals {
            lists: election
                .lists
                .iter()
                .map(|l| ListTotals {
                    list: l.number,
                    total: 0,
                    candidates: l.candidates.iter().map(|c| (c.number, 0)).collect(),
                })
                .collect(),
            ..Totals::default()
        }
    }

    /// Where the totals keep the sum of a single box of the form: A–D, E–H, I, J and
    /// K–O. The D/H boxes, the yes/no question and the ballot stock are not summed.
    fn slot_mut(&mut self, field: Field) -> Option<&mut u64> {
        Some(match field {
            Field::PollCards => &mut self.poll_cards,
            Field::ProxyCertificates => &mut self.proxy_certificates,
            Field::VoterCards => &mut self.voter_cards,
            Field::TotalAdmitted => &mut self.total_admitted,
            Field::TotalOnLists => &mut self.total_on_lists,
            Field::Blank => &mut self.blank,
            Field::Invalid => &mut self.invalid,
            Field::TotalCast => &mut self.total_cast,
            Field::MoreBallots => &mut self.more_ballots,
            Field::FewerBallots => &mut self.fewer_ballots,
            Field::TakenAway => &mut self.taken_away,
            Field::TooFewIssued => &mut self.too_few_issued,
            Field::TooManyIssued => &mut self.too_many_issued,
            Field::OtherExplanation => &mut self.other_explanation,
            Field::NoExplanation => &mut self.no_explanation,
            _ => return None,
        })
    }

    /// Sets the total of a single box of the form; false if the totals keep none.
    pub fn set(&mut self, field: Field, value: u64) -> bool {
        self.slot_mut(field).map(|slot| *slot = value).is_some()
    }

    /// The total of a single box of the form, if the totals keep one; a list's E.n
    /// and a candidate's votes too.
    pub fn get(&self, field: Field) -> Option<u64> {
        match field {
            Field::ListTotal(list) => self.lists.iter().find(|l| l.list == list).map(|l| l.total),
            Field::Candidate { list, candidate } => self
                .lists
                .iter()
                .find(|l| l.list == list)
                .and_then(|l| l.candidates.iter().find(|(n, _)| *n == candidate))
                .map(|(_, votes)| *votes),
            _ => {
                // The figures without the lists: a copy of fifteen numbers.
                let mut figures = Totals {
                    lists: Vec::new(),
                    ..*self
                };
                figures.slot_mut(field).map(|v| *v)
            }
        }
    }

    /// Adds one station's record (and its kiesgerechtigden, where the election knows
    /// them): every single box of the form model that the totals keep.
    pub fn add_record(&mut self, election: &Election, record: &CountRecord) {
        for spec in MODEL {
            if let Some(Target::Count(field)) = spec.single()
                && let Some(slot) = self.slot_mut(field)
            {
                add(slot, record.get(field));
            }
        }
        if let Some(eligible) = election
            .station(record.station)
            .and_then(|s| s.eligible_voters)
        {
            self.eligible_voters = self.eligible_voters.saturating_add(eligible);
        }
        for list in &record.votes.lists {
            let slot = self.list_mut(list.list);
            add(&mut slot.total, list.total);
        }
        for cands in &record.candidate_votes {
            let slot = self.list_mut(cands.list);
            for (i, &(number, votes)) in cands.votes.iter().enumerate() {
                // Records keep the election's candidate order: try the same position first.
                let found = match slot.candidates.get(i) {
                    Some((n, _)) if *n == number => Some(i),
                    _ => slot.candidates.iter().position(|(n, _)| *n == number),
                };
                match found.map(|i| &mut slot.candidates[i]) {
                    Some((_, sum)) => add(sum, votes),
                    None => slot.candidates.push((number, votes.unwrap_or(0))),
                }
            }
        }
    }

    fn list_mut(&mut self, list: u32) -> &mut ListTotals {
        let index = match self.lists.iter().position(|l| l.list == list) {
            Some(i) => i,
            None => {
                self.lists.push(ListTotals {
                    list,
                    ..ListTotals::default()
                });
                self.lists.len() - 1
            }
        };
        &mut self.lists[index]
    }

    /// The totals of one record.
    pub fn of_record(election: &Election, record: &CountRecord) -> Totals {
        let mut totals = Totals::for_election(election);
        totals.add_record(election, record);
        totals
    }

    /// Every figure in the order of the election's form (the form model), with its
    /// key and labels: the kiesgerechtigden, then each box of the form the totals keep
    /// (A to D, E.1 … E.n, E to H, I, J, K to O on the form before 2026, and under
    /// N 10-1 each list's candidates).
    pub fn entries(&self, election: &Election) -> Vec<Entry> {
        let mut out = vec![Entry {
            key: "kiesgerechtigden".into(),
            figure: Figure::EligibleVoters,
            value: self.eligible_voters,
        }];
        let mut lists: Vec<&ListTotals> = self.lists.iter().collect();
        lists.sort_by_key(|l| l.list);
        let form = Form::of(election);
        for spec in form.specs() {
            match spec.shape {
                Shape::ListTotal => out.extend(lists.iter().map(|list| {
                    let name = election
                        .list(list.list)
                        .map(|l| l.name.clone())
                        .unwrap_or_default();
                    Entry {
                        key: Field::ListTotal(list.list).key(),
                        figure: Figure::List {
                            list: list.list,
                            name,
                        },
                        value: list.total,
                    }
                })),
                Shape::Candidate => {
                    for list in &lists {
                        for &(number, votes) in &list.candidates {
                            let name = election
                                .list(list.list)
                                .and_then(|l| l.candidate(number))
                                .map(Candidate::surname_first)
                                .unwrap_or_default();
                            out.push(Entry {
                                key: Field::Candidate {
                                    list: list.list,
                                    candidate: number,
                                }
                                .key(),
                                figure: Figure::Candidate { number, name },
                                value: votes,
                            });
                        }
                    }
                }
                Shape::One(target @ Target::Count(field)) => {
                    if let Some(value) = self.get(field).filter(|_| spec.on_paper) {
                        out.push(Entry {
                            key: field.key(),
                            figure: Figure::Box(target),
                            value,
                        });
                    }
                }
                Shape::One(Target::Mark(_)) | Shape::PageTotal => {}
            }
        }
        out
    }

    /// Every figure where `self` (the added-up records) and `theirs` (a file's own
    /// totals) differ. A figure one side lacks counts as 0 there.
    pub fn differences(&self, theirs: &Totals, election: &Election) -> Vec<Difference> {
        let ours = self.entries(election);
        let other = theirs.entries(election);
        let other_map: std::collections::BTreeMap<&str, &Entry> =
            other.iter().map(|e| (e.key.as_str(), e)).collect();
        let our_keys: std::collections::BTreeSet<&str> =
            ours.iter().map(|e| e.key.as_str()).collect();
        let mut out = Vec::new();
        for e in &ours {
            let theirs = other_map.get(e.key.as_str()).map_or(0, |o| o.value);
            if theirs != e.value {
                out.push(Difference {
                    key: e.key.clone(),
                    figure: e.figure.clone(),
                    ours: e.value,
                    theirs,
                });
            }
        }
        for o in &other {
            if !our_keys.contains(o.key.as_str()) && o.value != 0 {
                out.push(Difference {
                    key: o.key.clone(),
                    figure: o.figure.clone(),
                    ours: 0,
                    theirs: o.value,
                });
            }
        }
        out
    }
}

/// Figures of the municipality that are no sum of stations (issue 15, defect 10): a
/// 510b may give the kiesgerechtigden (`Cast`, OSV "opgeroepenen") of the whole
/// municipality with 0 (or nothing) for every station. Where the stations add up to 0
/// and the municipality's own file (`file`) has a figure, that figure is the total.
/// Returns the keys taken over, for the message that says so.
pub fn take_municipal_figures(totals: &mut Totals, file: &Totals) -> Vec<&'static str> {
    let mut taken = Vec::new();
    if totals.eligible_voters == 0 && file.eligible_voters > 0 {
        totals.eligible_voters = file.eligible_voters;
        taken.push("kiesgerechtigden");
    }
    taken
}

/// Adds up every record into municipal totals.
pub fn aggregate(election: &Election, records: &[CountRecord]) -> Totals {
    let mut totals = Totals::for_election(election);
    for record in records {
        totals.add_record(election, record);
    }
    totals
}

#[cfg(test)]
mod tests;
