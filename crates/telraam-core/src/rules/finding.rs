//! What a rule found, as data: the figures and boxes its sentence needs, never the
//! sentence itself. [`super::words`] turns a finding into Dutch or English.

use crate::form::Target;
use crate::record::Field;

/// One finding per kind of sentence; the rule's code is on the [`super::RuleResult`].
/// Figures are `i128` as the rules compute them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// T.001: boxes the form requires that are still empty.
    NotFilledIn { boxes: Vec<Target> },
    /// F.201: A + B (+ C) ≠ D.
    AdmittedNotD {
        with_voter_cards: bool,
        parts: i128,
        d: i128,
    },
    /// F.202: E.1 … E.n ≠ E.
    ListsNotE { lists: usize, sum: i128, e: i128 },
    /// F.203: E + F + G ≠ H.
    VotesNotH { parts: i128, h: i128 },
    /// F.204: list totals above 0 but E empty or 0.
    ListsWithoutE { sum: i128 },
    /// T.101: C written where kiezerspassen are not valid.
    VoterCardsNotValid { c: i128 },
    /// F.301: box "D = H" ticked.
    EqualTicked { d: i128, h: i128 },
    /// F.302: box "H > D" ticked.
    MoreTicked { d: i128, h: i128 },
    /// F.303: box "H < D" ticked.
    FewerTicked { d: i128, h: i128 },
    /// F.304: not exactly one box ticked.
    TickedCount { ticked: usize },
    /// F.305: D = H but I or J filled in.
    NoDifferenceButIOrJ { d: i128, i: i128, j: i128 },
    /// F.306: H − D ≠ I.
    MoreNotI { difference: i128, i: i128 },
    /// F.307: H > D but J filled in.
    MoreButJ { j: i128 },
    /// F.308: D − H ≠ J.
    FewerNotJ { difference: i128, j: i128 },
    /// F.309: H < D but I filled in.
    FewerButI { i: i128 },
    /// F.310: "fully explained?" not answered (`both`: answered yes and no).
    ExplainedUnanswered { both: bool },
    /// T.301: M + N + O − K − L ≠ I.
    ExplainedNotI { explained: i128, i: i128 },
    /// T.302: K + L + N + O − M ≠ J.
    ExplainedNotJ { explained: i128, j: i128 },
    /// T.303: D = H but some of K-O written (box, figure).
    NoDifferenceButExplained {
        d: i128,
        written: Vec<(Field, i128)>,
    },
    /// F.401: votes for list `list` but its page total empty or 0.
    ListTotalMissing {
        list: u32,
        candidates: i128,
        e_n: i128,
    },
    /// F.402: the candidates of a list do not add up to its total.
    CandidatesNotTotal {
        list: u32,
        candidates: i128,
        total: i128,
    },
    /// F.403: a list's page total differs from its E.n.
    TotalNotEn { list: u32, total: i128, e_n: i128 },
    /// W.201 (F) / W.202 (G): `count` is 3 % of H or more.
    LargeShare { field: Field, count: i128, h: i128 },
    /// W.203: D and H differ by 15 or more, or 2 % of H or more.
    LargeDifference { d: i128, h: i128, difference: i128 },
    /// W.204: H is 0.
    NoVotesCast,
    /// T.201: some of the stock's boxes missing.
    StockIncomplete { missing: Vec<Target> },
    /// T.202: unused + spoiled is more than received.
    StockNegative {
        received: i128,
        unused: i128,
        spoiled: i128,
    },
    /// T.203: more ballots issued than voters admitted.
    IssuedTooMany { issued: i128, d: i128 },
    /// T.203: fewer ballots issued than voters admitted.
    IssuedTooFew { issued: i128, d: i128 },
    /// T.204: more ballots issued than in the box.
    TakenAway { issued: i128, h: i128 },
    /// T.205: more ballots in the box than issued.
    UnexplainedBallots { issued: i128, h: i128 },
    /// T.206: K, L, M as written against the stock (box, stock says, written).
    StockDisagrees { wrong: Vec<(Field, i128, i128)> },
}
