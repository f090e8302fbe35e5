//! The words of a result file that cannot be read or stored, Dutch and English. The
//! one place where [`ResultFileProblem`] becomes a sentence.

use super::{FORMAT, ResultFileProblem};
use crate::form::words::{full_name, generation_name};
use crate::record::MAX_VERSION;

/// The sentence for what is wrong in a result file.
pub fn problem(p: &ResultFileProblem, english: bool) -> String {
    use ResultFileProblem::*;
    if english {
        match p {
            NotOnForm {
                generation,
                election,
                target,
            } => format!(
                "the {} of {election} has no box \"{}\"",
                generation_name(*generation, true),
                full_name(*target, true),
            ),
            Twice(t) => format!(
                "number {} is written twice in {}: {:?} on line {} and {:?} on line {}; write \
                 each box once",
                t.number, t.table, t.first, t.first_line, t.second, t.second_line
            ),
            Negative(m) => format!("a count cannot be negative ({m})"),
            NotWhole(m) => format!("a whole number belongs here ({m})"),
            Invalid(m) => format!("invalid file: {m}"),
            NotTelraam(format) => {
                format!("not a telraam result file (format {format:?}, expected {FORMAT:?})")
            }
            UnknownModel(m) => format!("unknown model {m:?}: expected \"N 10-1\" or \"N 10-2\""),
            UnknownMode(m) => {
                format!("unknown mode {m:?}: expected \"counting\" or \"transcription\"")
            }
            UnknownState(s) => format!("unknown state {s:?}: expected \"draft\" or \"finalised\""),
            NotANumber(k) => format!("{k:?} is not a list or candidate number"),
            CannotRead(e) => format!("cannot read the file: {e}"),
            TooLarge(v) => format!("{v} is larger than the form's limit of 999 999 999"),
            OtherElection { found, workspace } => {
                format!("the file is for election {found}, the workspace counts {workspace}")
            }
            StationNotIn { station, election } => {
                format!("polling station {station} is not part of election {election}")
            }
            OtherModel { file, election } => format!(
                "model {} does not match the election, which uses {}",
                file.model(),
                election.model()
            ),
            VersionTooHigh(v) => format!(
                "version {v} is impossible: at most {MAX_VERSION} (version 1 and the \
                 corrigenda after it)"
            ),
            ListNotOnBallot { list, election } => {
                format!("list {list} is not on the ballot of {election}")
            }
            NoSuchCandidate { list, candidate } => {
                format!("list {list} has no candidate {candidate}")
            }
            CandidatesInListTotalsModel => {
                "candidate votes in a model N 10-2 record: the station counts list totals only"
                    .into()
            }
        }
    } else {
        match p {
            NotOnForm {
                generation,
                election,
                target,
            } => format!(
                "het {} van {election} heeft geen vak \"{}\"",
                generation_name(*generation, false),
                full_name(*target, false),
            ),
            Twice(t) => format!(
                "nummer {} staat twee keer in {}: {:?} op regel {} en {:?} op regel {}; schrijf \
                 elk vak één keer",
                t.number, t.table, t.first, t.first_line, t.second, t.second_line
            ),
            Negative(m) => format!("een aantal kan niet negatief zijn ({m})"),
            NotWhole(m) => format!("hier hoort een geheel getal ({m})"),
            Invalid(m) => format!("ongeldig bestand: {m}"),
            NotTelraam(format) => {
                format!(
                    "geen resultaatbestand van telraam (format {format:?}, verwacht {FORMAT:?})"
                )
            }
            UnknownModel(m) => format!("onbekend model {m:?}: verwacht \"N 10-1\" of \"N 10-2\""),
            UnknownMode(m) => {
                format!("onbekende werkwijze {m:?}: verwacht \"counting\" of \"transcription\"")
            }
            UnknownState(s) => {
                format!("onbekende status {s:?}: verwacht \"draft\" of \"finalised\"")
            }
            NotANumber(k) => format!("{k:?} is geen lijst- of kandidaatnummer"),
            CannotRead(e) => format!("kan het bestand niet lezen: {e}"),
            TooLarge(v) => format!("{v} is groter dan 999 999 999, het maximum op het formulier"),
            OtherElection { found, workspace } => {
                format!("het bestand hoort bij verkiezing {found}, de werkmap telt {workspace}")
            }
            StationNotIn { station, election } => {
                format!("stembureau {station} hoort niet bij verkiezing {election}")
            }
            OtherModel { file, election } => format!(
                "model {} past niet bij de verkiezing, die model {} gebruikt",
                file.model(),
                election.model()
            ),
            VersionTooHigh(v) => format!(
                "versie {v} kan niet: hoogstens {MAX_VERSION} (versie 1 en de corrigenda daarna)"
            ),
            ListNotOnBallot { list, election } => {
                format!("lijst {list} staat niet op het stembiljet van {election}")
            }
            NoSuchCandidate { list, candidate } => {
                format!("lijst {list} heeft geen kandidaat {candidate}")
            }
            CandidatesInListTotalsModel => "kandidaatstemmen in een proces-verbaal model N 10-2: \
                                            het stembureau telt alleen lijsttotalen"
                .into(),
        }
    }
}
