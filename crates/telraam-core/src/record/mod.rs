//! The count record of one polling station: everything the paper proces-verbaal
//! (model N 10-1 or N 10-2) can hold, wrong figures included, so that the rules
//! can say what is wrong.
//!
//! Every count is a [`Count`]: `None` is a box left empty on paper, `Some(0)` a
//! written zero. Which boxes a form has, their letters, words and order are the form
//! model's (`crate::form`); a box is named by [`Field`] or [`Mark`] (`boxes.rs`).

mod boxes;

pub use boxes::{Field, Mark};

use crate::election::{CountingMethod, Election};

/// A count as written on paper: empty (`None`) or a whole number.
pub type Count = Option<u64>;

pub use crate::paper::MAX_COUNT;

/// The highest record version: version 1 and at most 998 corrigenda after it. A
/// station never needs that many; a file claiming more is refused, and no
/// corrigendum goes beyond it (the version can never wrap around).
pub const MAX_VERSION: u32 = 999;

/// How the figures got into the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EntryMode {
    /// At the station: the program computes D, E, H, I, J and the D/H box from their parts.
    #[default]
    Counting,
    /// At the municipality, typing a paper proces-verbaal: the paper's own D, E, H, I, J
    /// and boxes are typed too, and the rules check them against the parts.
    Transcription,
}

/// Lifecycle of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RecordState {
    /// Still being entered.
    #[default]
    Draft,
    /// Vastgesteld: the supervisor has finalised it. A change makes a new version (corrigendum).
    Finalised,
}

/// A, B, C and D: who was admitted to vote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VoterCounts {
    /// A: stempassen.
    pub poll_cards: Count,
    /// B: volmachtbewijzen.
    pub proxy_certificates: Count,
    /// C: kiezerspassen. Must stay empty where they do not apply (GR).
    pub voter_cards: Count,
    /// D: totaal toegelaten kiezers (A + B + C).
    pub total_admitted: Count,
}

/// E.n: the vote total of one list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListVotes {
    pub list: u32,
    pub total: Count,
}

/// E.1..E.n, E, F, G and H: what was in the ballot box.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VoteCounts {
    /// E.1..E.n in the election's list order.
    pub lists: Vec<ListVotes>,
    /// E: stemmen op kandidaten (sum of the list totals).
    pub total_on_lists: Count,
    /// F: blanco.
    pub blank: Count,
    /// G: ongeldig.
    pub invalid: Count,
    /// H: totaal uitgebrachte stemmen (E + F + G).
    pub total_cast: Count,
}

/// The three boxes of the "versie 2027" form: exactly one must be ticked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ComparisonBoxes {
    /// "D = H".
    pub equal: bool,
    /// "H > D": more ballots counted than voters admitted.
    pub more: bool,
    /// "H < D": fewer ballots counted than voters admitted.
    pub fewer: bool,
}

/// A yes/no question on the form, which can also be left unanswered or ticked both ways.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct YesNo {
    pub yes: bool,
    pub no: bool,
}

impl YesNo {
    pub fn answer(self) -> Option<bool> {
        match (self.yes, self.no) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        }
    }
    pub fn from_answer(answer: Option<bool>) -> YesNo {
        YesNo {
            yes: answer == Some(true),
            no: answer == Some(false),
        }
    }
}

/// The comparison of D and H and its explanation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Differences {
    pub boxes: ComparisonBoxes,
    /// I: méér getelde stembiljetten (H − D when H > D).
    pub more_ballots: Count,
    /// J: minder getelde stembiljetten (D − H when H < D).
    pub fewer_ballots: Count,
    /// "Is the difference fully explained by the log kept during voting?"
    pub fully_explained: YesNo,
    /// K: niet ingeleverde (meegenomen) stembiljetten. 2023–2025 form.
    pub taken_away: Count,
    /// L: te weinig uitgereikte stembiljetten. 2023–2025 form.
    pub too_few_issued: Count,
    /// M: te veel uitgereikte stembiljetten. 2023–2025 form.
    pub too_many_issued: Count,
    /// N: andere verklaring. 2023–2025 form.
    pub other_explanation: Count,
    /// O: geen verklaring. 2023–2025 form.
    pub no_explanation: Count,
    /// Free text the station writes down about the difference.
    pub note: String,
}

/// The ballot stock of the day: received at opening, unused at closing, spoiled
/// (replaced for a voter who made a mistake). issued = received − unused − spoiled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BallotStock {
    pub received: Count,
    pub unused: Count,
    pub spoiled: Count,
}

impl BallotStock {
    /// Ballots handed to voters, when all three counts are known and consistent.
    pub fn issued(&self) -> Option<i64> {
        let (r, u, s) = (self.received?, self.unused?, self.spoiled?);
        Some(r as i64 - u as i64 - s as i64)
    }
}

/// The candidate votes of one list (DSO only): one page of model N 10-1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateVotes {
    pub list: u32,
    /// `(candidate number, votes)` in the list's candidate order.
    pub votes: Vec<(u32, Count)>,
    /// "Totaal lijst" written at the foot of the list's page. The paper holds it apart
    /// from E.n in section 2.2 (which repeats it), and the two can differ (rule F.403).
    /// In counting mode [`crate::counting::complete`] computes it from the candidates.
    pub total: Count,
}

/// Version and state of a record. Version 1 is the original; 2 and up are corrigenda.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lifecycle {
    pub version: u32,
    pub state: RecordState,
    /// Why this corrigendum was made (empty for the original).
    pub correction_reason: String,
    /// The warning codes the supervisor acknowledged (e.g. "W.203").
    pub acknowledged_warnings: Vec<String>,
}

/// One polling station's count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountRecord {
    pub election_id: String,
    pub station: u32,
    pub counting_method: CountingMethod,
    pub mode: EntryMode,
    pub lifecycle: Lifecycle,
    pub voters: VoterCounts,
    pub votes: VoteCounts,
    pub differences: Differences,
    pub ballot_stock: BallotStock,
    /// Empty for CSO (N 10-2).
    pub candidate_votes: Vec<CandidateVotes>,
}

impl CountRecord {
    /// An empty record for `station`, with a slot for every list (and every candidate under DSO).
    pub fn empty(election: &Election, station: u32, mode: EntryMode) -> CountRecord {
        let candidate_votes = if election.counting_method.counts_candidates() {
            election
                .lists
                .iter()
                .map(|l| CandidateVotes {
                    list: l.number,
                    votes: l.candidates.iter().map(|c| (c.number, None)).collect(),
                    total: None,
                })
                .collect()
        } else {
            Vec::new()
        };
        CountRecord {
            election_id: election.id.clone(),
            station,
            counting_method: election.counting_method,
            mode,
            lifecycle: Lifecycle {
                version: 1,
                ..Lifecycle::default()
            },
            voters: VoterCounts::default(),
            votes: VoteCounts {
                lists: election
                    .lists
                    .iter()
                    .map(|l| ListVotes {
                        list: l.number,
                        total: None,
                    })
                    .collect(),
                ..VoteCounts::default()
            },
            differences: Differences::default(),
            ballot_stock: BallotStock::default(),
            candidate_votes,
        }
    }

    pub fn list_total(&self, list: u32) -> Count {
        self.votes
            .lists
            .iter()
            .find(|l| l.list == list)
            .and_then(|l| l.total)
    }

    pub fn candidate_list(&self, list: u32) -> Option<&CandidateVotes> {
        self.candidate_votes.iter().find(|c| c.list == list)
    }

    /// Reads one count field. `None` for an empty box or a field the record has no slot for.
    pub fn get(&self, field: Field) -> Count {
        let v = &self.voters;
        let e = &self.votes;
        let d = &self.differences;
        let s = &self.ballot_stock;
        match field {
            Field::PollCards => v.poll_cards,
            Field::ProxyCertificates => v.proxy_certificates,
            Field::VoterCards => v.voter_cards,
            Field::TotalAdmitted => v.total_admitted,
            Field::ListTotal(n) => self.list_total(n),
            Field::TotalOnLists => e.total_on_lists,
            Field::Blank => e.blank,
            Field::Invalid => e.invalid,
            Field::TotalCast => e.total_cast,
            Field::MoreBallots => d.more_ballots,
            Field::FewerBallots => d.fewer_ballots,
            Field::TakenAway => d.taken_away,
            Field::TooFewIssued => d.too_few_issued,
            Field::TooManyIssued => d.too_many_issued,
            Field::OtherExplanation => d.other_explanation,
            Field::NoExplanation => d.no_explanation,
            Field::BallotsReceived => s.received,
            Field::BallotsUnused => s.unused,
            Field::BallotsSpoiled => s.spoiled,
            Field::CandidateListTotal(list) => self.candidate_list(list).and_then(|c| c.total),
            Field::Candidate { list, candidate } => self
                .candidate_list(list)
                .and_then(|c| c.votes.iter().find(|(n, _)| *n == candidate))
                .and_then(|(_, v)| *v),
        }
    }

    /// Writes one count field. Returns false when the record has no slot for it
    /// (a list or candidate the election does not know).
    pub fn set(&mut self, field: Field, value: Count) -> bool {
        let slot: &mut Count = match field {
            Field::PollCards => &mut self.voters.poll_cards,
            Field::ProxyCertificates => &mut self.voters.proxy_certificates,
            Field::VoterCards => &mut self.voters.voter_cards,
            Field::TotalAdmitted => &mut self.voters.total_admitted,
            Field::ListTotal(n) => match self.votes.lists.iter_mut().find(|l| l.list == n) {
                Some(l) => &mut l.total,
                None => return false,
            },
            Field::TotalOnLists => &mut self.votes.total_on_lists,
            Field::Blank => &mut self.votes.blank,
            Field::Invalid => &mut self.votes.invalid,
            Field::TotalCast => &mut self.votes.total_cast,
            Field::MoreBallots => &mut self.differences.more_ballots,
            Field::FewerBallots => &mut self.differences.fewer_ballots,
            Field::TakenAway => &mut self.differences.taken_away,
            Field::TooFewIssued => &mut self.differences.too_few_issued,
            Field::TooManyIssued => &mut self.differences.too_many_issued,
            Field::OtherExplanation => &mut self.differences.other_explanation,
            Field::NoExplanation => &mut self.differences.no_explanation,
            Field::BallotsReceived => &mut self.ballot_stock.received,
            Field::BallotsUnused => &mut self.ballot_stock.unused,
            Field::BallotsSpoiled => &mut self.ballot_stock.spoiled,
            Field::CandidateListTotal(list) => {
                match self.candidate_votes.iter_mut().find(|c| c.list == list) {
                    Some(cl) => &mut cl.total,
                    None => return false,
                }
            }
            Field::Candidate { list, candidate } => {
                let Some(cl) = self.candidate_votes.iter_mut().find(|c| c.list == list) else {
                    return false;
                };
                match cl.votes.iter_mut().find(|(n, _)| *n == candidate) {
                    Some((_, v)) => v,
                    None => return false,
                }
            }
        };
        *slot = value;
        true
    }

    /// Reads a checkbox.
    pub fn mark(&self, mark: Mark) -> bool {
        let d = &self.differences;
        match mark {
            Mark::Equal => d.boxes.equal,
            Mark::More => d.boxes.more,
            Mark::Fewer => d.boxes.fewer,
            Mark::ExplainedYes => d.fully_explained.yes,
            Mark::ExplainedNo => d.fully_explained.no,
        }
    }

    /// Ticks or clears a checkbox.
    pub fn set_mark(&mut self, mark: Mark, on: bool) {
        let d = &mut self.differences;
        match mark {
            Mark::Equal => d.boxes.equal = on,
            Mark::More => d.boxes.more = on,
            Mark::Fewer => d.boxes.fewer = on,
            Mark::ExplainedYes => d.fully_explained.yes = on,
            Mark::ExplainedNo => d.fully_explained.no = on,
        }
    }
}

/// Adds counts the way the form does: empty boxes count as 0, but the sum of only
/// empty boxes is itself empty. u64 cannot overflow on sums of nine-digit counts.
pub fn sum_counts(counts: impl IntoIterator<Item = Count>) -> Count {
    counts.into_iter().fold(None, |acc, c| match (acc, c) {
        (None, None) => None,
        (a, c) => Some(a.unwrap_or(0).saturating_add(c.unwrap_or(0))),
    })
}

#[cfg(test)]
mod tests;
