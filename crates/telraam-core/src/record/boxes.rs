//! The names of the boxes: [`Field`] for a count, [`Mark`] for a checkbox, each with
//! the stable key the audit log, the verification code and rule results use.

use std::fmt;

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

/// The variants of [`Field`] that are one box each, for reading a key back. Which of
/// them a form has, and in which order, is the form model's (`crate::form`), not this
/// list's; it only spares the record module from reaching up into the form.
const UNIT: [Field; 18] = [
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

impl Field {
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
        UNIT.into_iter().find(|f| f.key() == key)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}
