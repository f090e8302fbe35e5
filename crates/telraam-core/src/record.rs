//! The count record of one polling station: everything the paper proces-verbaal
//! (model N 10-1 or N 10-2) can hold, wrong figures included, so that the rules
//! can say what is wrong.
//!
//! Every count is a [`Count`]: `None` is a box left empty on paper, `Some(0)` a
//! written zero. The letters are those printed on the form:
//!
//! | letter | field | Dutch |
//! |---|---|---|
//! | A | [`VoterCounts::poll_cards`] | stempassen |
//! | B | [`VoterCounts::proxy_certificates`] | volmachtbewijzen |
//! | C | [`VoterCounts::voter_cards`] | kiezerspassen (not in GR elections) |
//! | D | [`VoterCounts::total_admitted`] | totaal toegelaten kiezers |
//! | E.n | [`ListVotes::total`] | totaal lijst n |
//! | E | [`VoteCounts::total_on_lists`] | stemmen op kandidaten |
//! | F | [`VoteCounts::blank`] | blanco stemmen |
//! | G | [`VoteCounts::invalid`] | ongeldige stemmen |
//! | H | [`VoteCounts::total_cast`] | totaal uitgebrachte stemmen |
//! | I | [`Differences::more_ballots`] | méér getelde stembiljetten |
//! | J | [`Differences::fewer_ballots`] | minder getelde stembiljetten |
//! | K | [`Differences::taken_away`] | niet ingeleverde stembiljetten |
//! | L | [`Differences::too_few_issued`] | te weinig uitgereikte stembiljetten |
//! | M | [`Differences::too_many_issued`] | te veel uitgereikte stembiljetten |
//! | N | [`Differences::other_explanation`] | andere verklaring |
//! | O | [`Differences::no_explanation`] | geen verklaring |

use crate::election::{CountingMethod, Election};
use std::fmt;

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

/// One count box of the form. The key (`"A"`, `"E.3"`, `"cand.3.12"`, `"cand.3.total"`, `"stock.received"`)
/// names it in the audit log, in result files' error messages and in rule results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    PollCards,
    ProxyCertificates,
    VoterCards,
    TotalAdmitted,
    ListTotal(u32),
    TotalOnLists,
    Blank,
    Invalid,
    TotalCast,
    MoreBallots,
    FewerBallots,
    TakenAway,
    TooFewIssued,
    TooManyIssued,
    OtherExplanation,
    NoExplanation,
    BallotsReceived,
    BallotsUnused,
    BallotsSpoiled,
    /// The "totaal lijst" at the foot of a list's candidate page (N 10-1), key `cand.3.total`.
    CandidateListTotal(u32),
    Candidate {
        list: u32,
        candidate: u32,
    },
}

/// One checkbox of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mark {
    /// "D = H" ticked.
    Equal,
    /// "H > D" ticked.
    More,
    /// "H < D" ticked.
    Fewer,
    /// "Fully explained?" answered yes.
    ExplainedYes,
    /// "Fully explained?" answered no.
    ExplainedNo,
}

impl Mark {
    pub const ALL: [Mark; 5] = [
        Mark::Equal,
        Mark::More,
        Mark::Fewer,
        Mark::ExplainedYes,
        Mark::ExplainedNo,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Mark::Equal => "box.equal",
            Mark::More => "box.more",
            Mark::Fewer => "box.fewer",
            Mark::ExplainedYes => "explained.yes",
            Mark::ExplainedNo => "explained.no",
        }
    }

    pub fn parse(key: &str) -> Option<Mark> {
        Mark::ALL.into_iter().find(|m| m.key() == key)
    }
}

impl Field {
    /// The fields with a fixed letter, in the order of the paper form.
    pub const FIXED: [Field; 18] = [
        Field::PollCards,
        Field::ProxyCertificates,
        Field::VoterCards,
        Field::TotalAdmitted,
        Field::TotalOnLists,
        Field::Blank,
        Field::Invalid,
        Field::TotalCast,
        Field::MoreBallots,
        Field::FewerBallots,
        Field::TakenAway,
        Field::TooFewIssued,
        Field::TooManyIssued,
        Field::OtherExplanation,
        Field::NoExplanation,
        Field::BallotsReceived,
        Field::BallotsUnused,
        Field::BallotsSpoiled,
    ];

    /// Stable key of the field, as the audit log and messages write it.
    pub fn key(self) -> String {
        match self {
            Field::PollCards => "A".into(),
            Field::ProxyCertificates => "B".into(),
            Field::VoterCards => "C".into(),
            Field::TotalAdmitted => "D".into(),
            Field::ListTotal(n) => format!("E.{n}"),
            Field::TotalOnLists => "E".into(),
            Field::Blank => "F".into(),
            Field::Invalid => "G".into(),
            Field::TotalCast => "H".into(),
            Field::MoreBallots => "I".into(),
            Field::FewerBallots => "J".into(),
            Field::TakenAway => "K".into(),
            Field::TooFewIssued => "L".into(),
            Field::TooManyIssued => "M".into(),
            Field::OtherExplanation => "N".into(),
            Field::NoExplanation => "O".into(),
            Field::BallotsReceived => "stock.received".into(),
            Field::BallotsUnused => "stock.unused".into(),
            Field::BallotsSpoiled => "stock.spoiled".into(),
            Field::CandidateListTotal(list) => format!("cand.{list}.total"),
            Field::Candidate { list, candidate } => format!("cand.{list}.{candidate}"),
        }
    }

    /// Inverse of [`Field::key`].
    pub fn parse(key: &str) -> Option<Field> {
        if let Some(n) = key.strip_prefix("E.") {
            return n.parse().ok().map(Field::ListTotal);
        }
        if let Some(rest) = key.strip_prefix("cand.") {
            let (l, c) = rest.split_once('.')?;
            if c == "total" {
                return l.parse().ok().map(Field::CandidateListTotal);
            }
            return Some(Field::Candidate {
                list: l.parse().ok()?,
                candidate: c.parse().ok()?,
            });
        }
        Field::FIXED.into_iter().find(|f| f.key() == key)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
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
mod tests {
    use super::*;

    #[test]
    fn field_keys_round_trip() {
        let mut all: Vec<Field> = Field::FIXED.to_vec();
        all.push(Field::ListTotal(26));
        all.push(Field::Candidate {
            list: 3,
            candidate: 12,
        });
        all.push(Field::CandidateListTotal(3));
        for f in all {
            assert_eq!(Field::parse(&f.key()), Some(f), "{f}");
        }
        assert_eq!(Field::parse("E.x"), None);
        assert_eq!(Field::parse("Z"), None);
    }

    #[test]
    fn sum_of_empty_boxes_is_empty_but_empty_plus_number_is_the_number() {
        assert_eq!(sum_counts([None, None]), None);
        assert_eq!(sum_counts([None, Some(4)]), Some(4));
        assert_eq!(
            sum_counts([Some(MAX_COUNT), Some(MAX_COUNT), Some(MAX_COUNT)]),
            Some(3 * MAX_COUNT)
        );
    }

    #[test]
    fn empty_record_has_a_slot_for_every_list_and_candidate() {
        let e = Election::demo();
        let r = CountRecord::empty(&e, 1, EntryMode::Counting);
        assert_eq!(r.votes.lists.len(), e.lists.len());
        let total_candidates: usize = e.lists.iter().map(|l| l.candidates.len()).sum();
        let slots: usize = r.candidate_votes.iter().map(|c| c.votes.len()).sum();
        assert_eq!(slots, total_candidates);
    }

    #[test]
    fn set_refuses_unknown_list_and_get_reads_back() {
        let e = Election::demo();
        let mut r = CountRecord::empty(&e, 1, EntryMode::Counting);
        assert!(!r.set(Field::ListTotal(99), Some(1)));
        assert!(r.set(Field::ListTotal(2), Some(17)));
        assert_eq!(r.get(Field::ListTotal(2)), Some(17));
        let c = Field::Candidate {
            list: 1,
            candidate: 2,
        };
        assert!(r.set(c, Some(5)));
        assert_eq!(r.get(c), Some(5));
        assert!(r.set(Field::CandidateListTotal(1), Some(6)));
        assert_eq!(r.get(Field::CandidateListTotal(1)), Some(6));
        assert_eq!(r.get(Field::ListTotal(1)), None, "E.1 is a box of its own");
        assert!(!r.set(Field::CandidateListTotal(99), Some(1)));
    }

    #[test]
    fn issued_ballots_is_received_minus_unused_minus_spoiled() {
        let s = BallotStock {
            received: Some(1000),
            unused: Some(380),
            spoiled: Some(3),
        };
        assert_eq!(s.issued(), Some(617));
        assert_eq!(BallotStock::default().issued(), None);
    }
}
