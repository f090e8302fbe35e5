//! The table itself: every box of every model and generation, in the order of the
//! paper form, with everything a consumer needs to know about it.

use super::{Generation, Target};
use crate::record::{Field, Mark};

/// Which concrete boxes one entry of the model stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One box.
    One(Target),
    /// E.n: one per list.
    ListTotal,
    /// One per candidate of a list (model N 10-1).
    Candidate,
    /// "Totaal lijst" at the foot of a list's candidate page (model N 10-1).
    PageTotal,
}

/// The section a shape's boxes belong to, without the list number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Voters,
    Votes,
    Differences,
    Candidates,
}

/// Where a box stands in an EML 510b (the Kiesraad's count file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Eml {
    /// Not in a 510b: H (it is E + F + G), the D/H boxes, the yes/no question, the
    /// ballot stock and the candidate page's own total (the 510b has one figure a list).
    Absent,
    /// `UncountedVotes` with this `ReasonCode`.
    Uncounted(&'static str),
    /// `RejectedVotes` with this `ReasonCode`.
    Rejected(&'static str),
    /// `TotalCounted`.
    TotalCounted,
    /// The `ValidVotes` of a list's or a candidate's `Selection`.
    Selection,
}

/// What the model says about one box (or one kind of box, for lists and candidates).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BoxSpec {
    pub shape: Shape,
    /// The letter printed on the form ("A", "E.n"), or "" for a box without one.
    pub letter: &'static str,
    /// Key of the box's words in [`super::words`].
    pub label: &'static str,
    pub part: Part,
    /// Whether the paper form has the box (the ballot stock is telraam's own).
    pub on_paper: bool,
    /// Place in the quick report read first over the phone (E.n, F, G, D), if any.
    pub quick_report: Option<u8>,
    /// Whether counting mode computes it (D, E, H, I, J, the D/H box, page totals).
    pub computed: bool,
    /// Whether it only applies while D and H differ (an explanation of the difference):
    /// counting mode clears it when D becomes equal to H.
    pub explains_difference: bool,
    /// The generations whose form has the box.
    pub generations: &'static [Generation],
    /// Whether only model N 10-1 (candidate votes counted at the station) has it.
    pub candidates_only: bool,
    /// Whether the box only applies where kiezerspassen are valid (C).
    pub voter_cards_only: bool,
    /// Its dotted key in a result file: `voters.A`, `differences.d_equals_h`; for the
    /// boxes one per list or candidate, the table (`votes.lists`, `candidates`).
    pub file: &'static str,
    /// Where a 510b holds it.
    pub eml: Eml,
}

const BOTH: &[Generation] = &[Generation::Before2026, Generation::From2026];
const OLD: &[Generation] = &[Generation::Before2026];
const NEW: &[Generation] = &[Generation::From2026];

const fn spec(
    shape: Shape,
    letter: &'static str,
    label: &'static str,
    part: Part,
    file: &'static str,
) -> BoxSpec {
    BoxSpec {
        shape,
        letter,
        label,
        part,
        on_paper: true,
        quick_report: None,
        computed: false,
        explains_difference: false,
        generations: BOTH,
        candidates_only: false,
        voter_cards_only: false,
        file,
        eml: Eml::Absent,
    }
}

const fn count(
    field: Field,
    letter: &'static str,
    label: &'static str,
    part: Part,
    file: &'static str,
) -> BoxSpec {
    spec(Shape::One(Target::Count(field)), letter, label, part, file)
}

/// A box of section 1 (A–D), in a 510b as `UncountedVotes`.
const fn voters(
    field: Field,
    letter: &'static str,
    label: &'static str,
    file: &'static str,
    eml: &'static str,
) -> BoxSpec {
    BoxSpec {
        eml: Eml::Uncounted(eml),
        ..count(field, letter, label, Part::Voters, file)
    }
}

const fn mark(mark: Mark, label: &'static str, file: &'static str) -> BoxSpec {
    BoxSpec {
        generations: NEW,
        ..spec(
            Shape::One(Target::Mark(mark)),
            "",
            label,
            Part::Differences,
            file,
        )
    }
}

/// I or J: computed from D and H, explained by the form's section 3.
const fn difference(
    field: Field,
    letter: &'static str,
    label: &'static str,
    file: &'static str,
    eml: &'static str,
) -> BoxSpec {
    BoxSpec {
        computed: true,
        explains_difference: true,
        eml: Eml::Uncounted(eml),
        ..count(field, letter, label, Part::Differences, file)
    }
}

/// K–O: the explanation on the form used up to 2025.
const fn explanation(
    field: Field,
    letter: &'static str,
    label: &'static str,
    file: &'static str,
    eml: &'static str,
) -> BoxSpec {
    BoxSpec {
        explains_difference: true,
        generations: OLD,
        eml: Eml::Uncounted(eml),
        ..count(field, letter, label, Part::Differences, file)
    }
}

/// The ballot stock: telraam's own help for section 3, not a box of the paper.
const fn stock(field: Field, label: &'static str, file: &'static str) -> BoxSpec {
    BoxSpec {
        on_paper: false,
        ..count(field, "", label, Part::Differences, file)
    }
}

/// Every box of every model and generation, in the order of the paper form (and of
/// the verification code). The candidate pages repeat per list: each list's
/// candidates, then its page total.
pub const MODEL: &[BoxSpec] = &[
    voters(
        Field::PollCards,
        "A",
        "poll_cards",
        "voters.A",
        "geldige stempassen",
    ),
    voters(
        Field::ProxyCertificates,
        "B",
        "proxy_certificates",
        "voters.B",
        "geldige volmachtbewijzen",
    ),
    BoxSpec {
        voter_cards_only: true,
        ..voters(
            Field::VoterCards,
            "C",
            "voter_cards",
            "voters.C",
            "geldige kiezerspassen",
        )
    },
    BoxSpec {
        computed: true,
        quick_report: Some(3),
        ..voters(
            Field::TotalAdmitted,
            "D",
            "total_admitted",
            "voters.D",
            "toegelaten kiezers",
        )
    },
    BoxSpec {
        quick_report: Some(0),
        eml: Eml::Selection,
        ..spec(
            Shape::ListTotal,
            "E.n",
            "list_total",
            Part::Votes,
            "votes.lists",
        )
    },
    BoxSpec {
        computed: true,
        eml: Eml::TotalCounted,
        ..count(
            Field::TotalOnLists,
            "E",
            "total_on_lists",
            Part::Votes,
            "votes.E",
        )
    },
    BoxSpec {
        quick_report: Some(1),
        eml: Eml::Rejected("blanco"),
        ..count(Field::Blank, "F", "blank", Part::Votes, "votes.F")
    },
    BoxSpec {
        quick_report: Some(2),
        eml: Eml::Rejected("ongeldig"),
        ..count(Field::Invalid, "G", "invalid", Part::Votes, "votes.G")
    },
    BoxSpec {
        computed: true,
        ..count(Field::TotalCast, "H", "total_cast", Part::Votes, "votes.H")
    },
    BoxSpec {
        computed: true,
        ..mark(Mark::Equal, "box_equal", "differences.d_equals_h")
    },
    BoxSpec {
        computed: true,
        ..mark(Mark::More, "box_more", "differences.h_more_than_d")
    },
    BoxSpec {
        computed: true,
        ..mark(Mark::Fewer, "box_fewer", "differences.h_less_than_d")
    },
    difference(
        Field::MoreBallots,
        "I",
        "more_ballots",
        "differences.I",
        "meer getelde stembiljetten",
    ),
    difference(
        Field::FewerBallots,
        "J",
        "fewer_ballots",
        "differences.J",
        "minder getelde stembiljetten",
    ),
    BoxSpec {
        explains_difference: true,
        ..mark(
            Mark::ExplainedYes,
            "explained_yes",
            "differences.explained_yes",
        )
    },
    BoxSpec {
        explains_difference: true,
        ..mark(
            Mark::ExplainedNo,
            "explained_no",
            "differences.explained_no",
        )
    },
    explanation(
        Field::TakenAway,
        "K",
        "taken_away",
        "differences.K",
        "meegenomen stembiljetten",
    ),
    explanation(
        Field::TooFewIssued,
        "L",
        "too_few_issued",
        "differences.L",
        "te weinig uitgereikte stembiljetten",
    ),
    explanation(
        Field::TooManyIssued,
        "M",
        "too_many_issued",
        "differences.M",
        "te veel uitgereikte stembiljetten",
    ),
    explanation(
        Field::OtherExplanation,
        "N",
        "other_explanation",
        "differences.N",
        "andere verklaring",
    ),
    explanation(
        Field::NoExplanation,
        "O",
        "no_explanation",
        "differences.O",
        "geen verklaring",
    ),
    stock(Field::BallotsReceived, "stock_received", "stock.received"),
    stock(Field::BallotsUnused, "stock_unused", "stock.unused"),
    stock(Field::BallotsSpoiled, "stock_spoiled", "stock.spoiled"),
    BoxSpec {
        candidates_only: true,
        eml: Eml::Selection,
        ..spec(
            Shape::Candidate,
            "",
            "candidate",
            Part::Candidates,
            "candidates",
        )
    },
    BoxSpec {
        candidates_only: true,
        computed: true,
        ..spec(
            Shape::PageTotal,
            "",
            "page_total",
            Part::Candidates,
            "candidates",
        )
    },
];
