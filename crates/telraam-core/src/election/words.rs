//! The words of an election that cannot be used, Dutch and English. The one place
//! where [`ElectionProblem`] becomes a sentence.

use super::ElectionProblem;

/// The sentence for what is wrong with an election.
pub fn problem(p: &ElectionProblem, english: bool) -> String {
    use ElectionProblem::*;
    if english {
        match p {
            NoId => "election id is empty".into(),
            NoLists => "the election has no lists".into(),
            ListNumber(n) => format!("list number {n} is 0 or used twice"),
            NoCandidates(n) => {
                format!("list {n} has no candidates, and the stations count candidate votes (DSO)")
            }
            CandidateNumber { list, candidate } => {
                format!("list {list}: candidate number {candidate} is 0 or used twice")
            }
            StationTwice(n) => format!("polling station {n} is listed twice"),
            StationZero => "polling station number 0: numbers start at 1".into(),
            TooManyVoters { station, eligible } => format!(
                "polling station {station}: eligible_voters {eligible} is larger than the \
                 form's limit of 999 999 999"
            ),
            ContestId(id) => format!(
                "contest id \"{id}\" is not a number from 1, a Roman numeral, \"geen\" or \
                 \"alle\""
            ),
            VoterCardsInGr => "kiezerspassen (C) do not apply to a municipal (GR) election".into(),
        }
    } else {
        match p {
            NoId => "het verkiezingsnummer (id) is leeg".into(),
            NoLists => "de verkiezing heeft geen lijsten".into(),
            ListNumber(n) => format!("lijstnummer {n} is 0 of komt twee keer voor"),
            NoCandidates(n) => format!(
                "lijst {n} heeft geen kandidaten, en de stembureaus tellen kandidaatstemmen (DSO)"
            ),
            CandidateNumber { list, candidate } => {
                format!("lijst {list}: kandidaatnummer {candidate} is 0 of komt twee keer voor")
            }
            StationTwice(n) => format!("stembureau {n} staat er twee keer in"),
            StationZero => "stembureaunummer 0: nummers beginnen bij 1".into(),
            TooManyVoters { station, eligible } => format!(
                "stembureau {station}: kiesgerechtigden (eligible_voters) {eligible} is groter \
                 dan 999 999 999, het maximum op het formulier"
            ),
            ContestId(id) => format!(
                "kieskring \"{id}\" is geen nummer vanaf 1, geen Romeins cijfer, en niet \
                 \"geen\" of \"alle\""
            ),
            VoterCardsInGr => {
                "kiezerspassen (C) horen niet bij een gemeenteraadsverkiezing (GR)".into()
            }
        }
    }
}
