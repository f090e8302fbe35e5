//! The words of the lifecycle, Dutch and English: why a command is refused, and what
//! stands between a record and vaststellen. The one place where its codes and
//! arguments become sentences.

use super::{Demoted, Gate, Refusal};
use crate::form::{Target, words};

/// The sentence for a refusal.
pub fn refusal(r: &Refusal, english: bool) -> String {
    use Refusal::*;
    let list = |codes: &[String]| codes.join(", ");
    if english {
        match r {
            UnknownStation { station, election } => {
                format!("polling station {station} is not part of election {election}")
            }
            Finalised { station, version } => format!(
                "station {station} version {version} is finalised (vastgesteld); start a \
                 corrigendum to change it"
            ),
            TooLarge { field, value } => {
                format!("{field}: {value} is larger than the form's limit of 999 999 999")
            }
            SumTooLarge { field, value } => format!(
                "{field} would be {value}, larger than the form's limit of 999 999 999: not \
                 saved"
            ),
            Computed {
                target: Target::Count(field),
            } => format!("{field} is computed in counting mode and cannot be typed"),
            Computed { target } => {
                format!("{} is ticked by telraam in counting mode", target.key())
            }
            NotOnForm { target, generation } => format!(
                "the {} has no box \"{}\"",
                crate::form::words::generation_name(*generation, true),
                words::full_name(*target, true)
            ),
            NoSuchBox { field } => format!("{field}: the election has no such box"),
            NothingToExplain { .. } => {
                "D and H do not differ: there is no difference to explain".into()
            }
            NoWarningCode => "an acknowledgement needs the warning's code".into(),
            NothingToAcknowledge { station } => {
                format!("station {station} has no count whose warnings could be acknowledged")
            }
            NothingToFinalise { station } => {
                format!("station {station} has no count to finalise")
            }
            NothingToCorrect { station } => format!("station {station} has no count to correct"),
            AlreadyFinalised { station, version } => {
                format!("station {station} version {version} is already finalised")
            }
            Errors { station, codes } => format!(
                "station {station} cannot be finalised: errors {}",
                list(codes)
            ),
            Unacknowledged { station, codes } => format!(
                "station {station} cannot be finalised: warnings {} are not acknowledged",
                list(codes)
            ),
            NoReason => "a corrigendum needs a reason".into(),
            StillDraft { station, version } => {
                format!("station {station} version {version} is still a draft: change it directly")
            }
            LastVersion { station, version } => format!(
                "station {station}: version {version} is the highest a record can have \
                 ({}); no corrigendum after it",
                crate::record::MAX_VERSION
            ),
            OtherElection {
                station,
                record,
                workspace,
            } => format!(
                "station {station}: the record is for election {record}, the workspace \
                 counts {workspace}"
            ),
            FinalisedHere {
                station,
                finalised,
                version,
            } => format!(
                "station {station}: version {finalised} is already finalised here; a changed \
                 count needs a corrigendum with a higher version (the file has version \
                 {version})"
            ),
        }
    } else {
        match r {
            UnknownStation { station, election } => {
                format!("stembureau {station} hoort niet bij verkiezing {election}")
            }
            Finalised { station, version } => format!(
                "stembureau {station} versie {version} is vastgesteld; maak een corrigendum \
                 om het te wijzigen"
            ),
            TooLarge { field, value } => format!("{field}: {value} is groter dan 999 999 999"),
            SumTooLarge { field, value } => {
                format!("{field} zou {value} worden, groter dan 999 999 999: niet bewaard")
            }
            Computed {
                target: Target::Count(field),
            } => format!("{field} wordt in telmodus berekend en kan niet worden ingevuld"),
            Computed { target } => {
                format!("{} wordt in telmodus door telraam aangevinkt", target.key())
            }
            NotOnForm { target, generation } => format!(
                "het {} heeft geen vak \"{}\"",
                crate::form::words::generation_name(*generation, false),
                words::full_name(*target, false)
            ),
            NoSuchBox { field } => format!("{field}: de verkiezing kent dit vak niet"),
            NothingToExplain { .. } => {
                "D en H verschillen niet: er is geen verschil om toe te lichten".into()
            }
            NoWarningCode => "een bevestiging heeft de code van de waarschuwing nodig".into(),
            NothingToAcknowledge { station } => format!(
                "stembureau {station} heeft geen telling waarvan waarschuwingen bevestigd \
                 kunnen worden"
            ),
            NothingToFinalise { station } => {
                format!("stembureau {station} heeft geen telling om vast te stellen")
            }
            NothingToCorrect { station } => {
                format!("stembureau {station} heeft geen telling om te corrigeren")
            }
            AlreadyFinalised { station, version } => {
                format!("stembureau {station} versie {version} is al vastgesteld")
            }
            Errors { station, codes } => format!(
                "stembureau {station} kan niet worden vastgesteld: fouten {}",
                list(codes)
            ),
            Unacknowledged { station, codes } => format!(
                "stembureau {station} kan niet worden vastgesteld: waarschuwingen {} zijn \
                 niet bevestigd",
                list(codes)
            ),
            NoReason => "een corrigendum heeft een reden nodig".into(),
            StillDraft { station, version } => format!(
                "stembureau {station} versie {version} is nog een concept: wijzig het direct"
            ),
            LastVersion { station, version } => format!(
                "stembureau {station}: versie {version} is de hoogste ({}); er kan geen \
                 corrigendum meer bij",
                crate::record::MAX_VERSION
            ),
            OtherElection {
                station,
                record,
                workspace,
            } => format!(
                "stembureau {station}: het record hoort bij verkiezing {record}, de werkmap \
                 telt {workspace}"
            ),
            FinalisedHere {
                station,
                finalised,
                version,
            } => format!(
                "stembureau {station}: versie {finalised} is hier al vastgesteld; een \
                 gewijzigde telling moet een corrigendum met een hoger versienummer zijn (het \
                 bestand heeft versie {version})"
            ),
        }
    }
}

/// What stands between a record and vaststellen: "errors F.201, F.203; warnings not
/// acknowledged W.203".
pub fn gate(gate: &Gate, english: bool) -> String {
    let (errors, warnings) = if english {
        ("errors", "warnings not acknowledged")
    } else {
        ("fouten", "niet bevestigde waarschuwingen")
    };
    let mut parts = Vec::new();
    if !gate.errors.is_empty() {
        parts.push(format!("{errors} {}", gate.errors.join(", ")));
    }
    if !gate.unacknowledged.is_empty() {
        parts.push(format!("{warnings} {}", gate.unacknowledged.join(", ")));
    }
    parts.join("; ")
}

/// An imported record that said finalised but was stored as a draft: the station,
/// why, and what to do.
pub fn demoted(d: &Demoted, english: bool) -> String {
    if english {
        format!(
            "station {} version {}: the file says finalised, but it does not pass the \
             finalise check ({}); stored as a draft: check the paper, correct or \
             acknowledge, then finalise it in telraam",
            d.station,
            d.version,
            gate(&d.gate, true)
        )
    } else {
        format!(
            "stembureau {} versie {}: het bestand zegt vastgesteld, maar het voldoet \
             niet aan de controle voor vaststellen ({}); opgeslagen als concept: \
             controleer het papier, verbeter of bevestig, en stel het daarna vast in \
             telraam",
            d.station,
            d.version,
            gate(&d.gate, false)
        )
    }
}

/// The heading of a concept annex's first section: what is actually open.
pub fn open_results_title(gate: &Gate, english: bool) -> &'static str {
    match (
        gate.errors.is_empty(),
        gate.unacknowledged.is_empty(),
        english,
    ) {
        (false, false, false) => "Fouten en open waarschuwingen",
        (false, false, true) => "Errors and open warnings",
        (false, true, false) => "Fouten",
        (false, true, true) => "Errors",
        (true, _, false) => "Open waarschuwingen",
        (true, _, true) => "Open warnings",
    }
}

/// What a concept annex asks before the record can be finalised: resolve the
/// errors, acknowledge the warnings, or both, as far as each is open.
pub fn open_results_advice(gate: &Gate, english: bool) -> &'static str {
    match (
        gate.errors.is_empty(),
        gate.unacknowledged.is_empty(),
        english,
    ) {
        (false, false, false) => {
            "Dit proces-verbaal kan zo niet worden vastgesteld. Los de fouten op (hertellen \
             of verbeteren) en beoordeel de waarschuwingen: controleer ze op het papier en \
             accepteer ze, of verbeter de telling:"
        }
        (false, false, true) => {
            "This record cannot be finalised as it stands. Resolve the errors (recount or \
             correct) and review the warnings: check them against the paper and acknowledge \
             them, or correct the count:"
        }
        (false, true, false) => {
            "Dit proces-verbaal kan zo niet worden vastgesteld. Los de fouten op (hertellen \
             of verbeteren):"
        }
        (false, true, true) => {
            "This record cannot be finalised as it stands. Resolve the errors (recount or \
             correct):"
        }
        (true, _, false) => {
            "Dit proces-verbaal kan nog niet worden vastgesteld. Beoordeel de waarschuwingen: \
             controleer ze op het papier en accepteer ze, of verbeter de telling:"
        }
        (true, _, true) => {
            "This record cannot be finalised yet. Review the warnings: check them against the \
             paper and acknowledge them, or correct the count:"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::Gate;

    /// A concept annex's request, in both languages, names only what is open.
    #[test]
    fn the_open_results_request_names_only_what_is_open_in_both_languages() {
        let only_warning = Gate {
            errors: vec![],
            unacknowledged: vec!["W.201".into()],
        };
        let only_error = Gate {
            errors: vec!["F.201".into()],
            unacknowledged: vec![],
        };
        let nl = open_results_advice(&only_warning, false);
        let en = open_results_advice(&only_warning, true);
        assert!(
            !nl.contains("fouten") && nl.contains("waarschuwingen"),
            "{nl}"
        );
        assert!(!en.contains("error") && en.contains("acknowledge"), "{en}");
        assert_eq!(open_results_title(&only_warning, true), "Open warnings");
        let nl = open_results_advice(&only_error, false);
        let en = open_results_advice(&only_error, true);
        assert!(
            nl.contains("Los de fouten op") && !nl.contains("waarschuwing"),
            "{nl}"
        );
        assert!(
            en.contains("Resolve the errors") && !en.contains("warning"),
            "{en}"
        );
        assert_eq!(open_results_title(&only_error, false), "Fouten");
    }
}
