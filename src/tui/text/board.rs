//! The words of the status board and its scan field (Dutch and English); part of
//! `text` (kept in its own file: `text.rs` is long enough already).

use crate::annex::scan::Refusal;
use crate::board::{Filter, Flag, Phase};
use crate::settings::Language;
use crate::verification::receive::PhoneStatus;

/// The fixed words of the board.
pub struct BoardText {
    pub title: &'static str,
    pub all: &'static str,
    pub search: &'static str,
    /// Column headings, each cut to its column.
    pub head_number: &'static str,
    pub head_name: &'static str,
    pub head_phone: &'static str,
    pub head_first: &'static str,
    pub head_second: &'static str,
    pub head_differences: &'static str,
    pub head_accepted: &'static str,
    pub head_code: &'static str,
    pub head_finalised: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub none: &'static str,
    pub loading: &'static str,
    pub nothing_matches: &'static str,
    pub not_phoned: &'static str,
    pub phone_verified: &'static str,
    pub phone_differs: &'static str,
    pub keys: &'static str,
    pub keys_scan: &'static str,
    pub scan_title: &'static str,
    pub scan_hint: &'static str,
    pub help: &'static str,
}

const NL: BoardText = BoardText {
    title: "Overzicht van de stembureaus",
    all: "alle",
    search: "Zoek (nummer of naam)",
    head_number: "nr",
    head_name: "stembureau",
    head_phone: "telefoon",
    head_first: "1e inv",
    head_second: "2e inv",
    head_differences: "versch",
    head_accepted: "akkoord",
    head_code: "pv=tel",
    head_finalised: "vast",
    yes: "ja",
    no: "NEE",
    none: "-",
    loading: "Overzicht wordt geladen...",
    nothing_matches: "Geen stembureau gevonden met dit filter en deze zoektekst.",
    not_phoned: "-",
    phone_verified: "klopt",
    phone_differs: "WIJKT AF",
    keys: "Typ: zoek  Op/neer kies  Links/rechts filter  Enter verder  F5 scan  Esc terug",
    keys_scan: "Scan de QR-codes, in willekeurige volgorde  Esc stop met scannen  F1 hulp",
    scan_title: "Scannen",
    scan_hint: "Richt de handscanner op de QR-codes van de bijlage, in willekeurige volgorde.",
    help: "Het overzicht toont elk stembureau: de telefonische controle, de eerste en tweede \
invoer van het proces-verbaal, het aantal verschillen, of het pv is geaccepteerd, of de controlecode \
van het pv gelijk is aan de telefonisch doorgegeven code, en of het is vastgesteld. Bovenaan staat \
hoeveel stembureaus in elke fase zijn; met pijltje links en rechts kiest u welke u ziet. Typ een \
nummer of een deel van de naam om te zoeken. Enter opent het stembureau bij de volgende stap: de \
telefonische controle, het scannen van de bijlage, de invoer of het pv zelf. F2 opent de telefonische \
controle en F9 de invoer van het papieren pv van het gekozen stembureau. Een ! voor de naam betekent \
nakijken: de cijfers wijken sterk af van de rest van de gemeente (een lijst of de opkomst, zie de regel \
onder de tabel); kijk het papier nog eens na. F5 opent het scanveld: scan de QR-codes van de bijlage \
in willekeurige volgorde; het pv wordt ingelezen zodra alle delen binnen zijn.",
};

const EN: BoardText = BoardText {
    title: "Polling stations overview",
    all: "all",
    search: "Search (number or name)",
    head_number: "no",
    head_name: "polling station",
    head_phone: "phone",
    head_first: "1st",
    head_second: "2nd",
    head_differences: "differ",
    head_accepted: "accepted",
    head_code: "rec=ph",
    head_finalised: "final",
    yes: "yes",
    no: "NO",
    none: "-",
    loading: "Loading the overview...",
    nothing_matches: "No polling station matches this filter and search.",
    not_phoned: "-",
    phone_verified: "verified",
    phone_differs: "DIFFERS",
    keys: "Type: search  Up/down choose  Left/right filter  Enter next step  F5 scan  Esc",
    keys_scan: "Scan the QR codes in any order  Esc stop scanning  F1 help",
    scan_title: "Scanning",
    scan_hint: "Point the hand scanner at the annex's QR codes, in any order.",
    help: "The overview shows every polling station: the phone check, the first and second \
entry of the paper record, how many boxes differ, whether the record is accepted, whether its code \
is the one phoned in, and whether it is finalised. The top lines count the stations in each phase; \
left and right arrows choose which ones you see. Type a number or part of a name to search. Enter \
opens the station at its next step: the phone check, scanning its annex, typing its paper record, or \
the record itself. F2 opens the phone check and F9 the typing of the paper record of the chosen \
station. A ! before the name means look again: the figures are far out of line with the rest of the \
municipality (a list, or the turnout; the line under the table says which): check the paper once \
more. F5 opens the scan field: scan the annex's QR codes in any order; the record is imported as soon \
as every part is in.",
};

pub fn board_text(language: Language) -> &'static BoardText {
    match language {
        Language::Dutch => &NL,
        Language::English => &EN,
    }
}

/// A filter's name on the board's top lines.
pub fn filter_name(language: Language, filter: Filter) -> &'static str {
    let en = language.is_english();
    match filter {
        Filter::All => board_text(language).all,
        Filter::Phase(p) => phase_name(language, p),
        Filter::SecondLook => {
            if en {
                "look again"
            } else {
                "nakijken"
            }
        }
        Filter::PhoneDiffers => {
            if en {
                "differs from phone"
            } else {
                "wijkt af van telefoon"
            }
        }
    }
}

pub fn phase_name(language: Language, phase: Phase) -> &'static str {
    crate::board::words::phase_words(phase, language.is_english())
}

/// The phone column: what the phone check said of the quick report (None: not
/// phoned; Some(true): its code matched).
pub fn phone_cell(language: Language, quick_verified: Option<bool>) -> &'static str {
    let t = board_text(language);
    match quick_verified {
        None => t.not_phoned,
        Some(true) => t.phone_verified,
        Some(false) => t.phone_differs,
    }
}

/// The code=phone column: the record's code against the record code phoned.
pub fn code_cell(language: Language, status: &PhoneStatus) -> &'static str {
    let t = board_text(language);
    match status {
        PhoneStatus::RecordMatches => t.yes,
        PhoneStatus::RecordDiffers { .. } => t.no,
        _ => t.none,
    }
}

/// Why the selected station deserves a second look, in full.
pub fn flag_long(language: Language, flag: &Flag) -> String {
    crate::board::words::flag_words(flag, language.is_english())
}

/// "3 van 10 delen", with the record they belong to.
pub fn scan_progress(
    language: Language,
    received: usize,
    total: usize,
    station: Option<u32>,
    version: Option<u32>,
) -> String {
    let en = language.is_english();
    let mut out = if en {
        format!("{received} of {total} parts")
    } else {
        format!("{received} van {total} delen")
    };
    if let Some(s) = station {
        out.push_str(&if en {
            format!(" (polling station {s}")
        } else {
            format!(" (stembureau {s}")
        });
        if let Some(v) = version {
            out.push_str(&if en {
                format!(", version {v}")
            } else {
                format!(", versie {v}")
            });
        }
        out.push(')');
    }
    out
}

/// "ontbreken: 1, 2, 5-10"
pub fn scan_missing(language: Language, missing: &[usize]) -> String {
    let mut ranges: Vec<String> = Vec::new();
    let mut i = 0;
    while i < missing.len() {
        let start = missing[i];
        let mut end = start;
        while i + 1 < missing.len() && missing[i + 1] == end + 1 {
            i += 1;
            end += 1;
        }
        ranges.push(if end > start + 1 {
            format!("{start}-{end}")
        } else if end == start + 1 {
            format!("{start}, {end}")
        } else {
            start.to_string()
        });
        i += 1;
    }
    let list = ranges.join(", ");
    if language.is_english() {
        format!("missing: {list}")
    } else {
        format!("ontbreken: {list}")
    }
}

/// The board could not be read from the workspace: why, and how to try again.
pub fn load_failed(language: Language, why: &str) -> String {
    if language.is_english() {
        format!("The overview cannot be read: {why}. F4 tries again.")
    } else {
        format!("Het overzicht kan niet worden gelezen: {why}. F4 probeert het opnieuw.")
    }
}

/// Waiting for the first part, perhaps of a chosen station.
pub fn scan_waiting(language: Language, station: Option<u32>) -> String {
    match (station, language.is_english()) {
        (Some(s), false) => format!("Wacht op de QR-codes van stembureau {s}."),
        (Some(s), true) => format!("Waiting for the QR codes of polling station {s}."),
        (None, false) => "Wacht op de eerste QR-code.".into(),
        (None, true) => "Waiting for the first QR code.".into(),
    }
}

/// What happened to the last part scanned.
pub fn scan_note(language: Language, note: &crate::tui::say::ScanNote) -> String {
    use crate::tui::say::ScanNote;
    let en = language.is_english();
    match note {
        ScanNote::Taken(i) => {
            if en {
                format!("Part {i} read.")
            } else {
                format!("Deel {i} ingelezen.")
            }
        }
        ScanNote::Again(i) => {
            if en {
                format!("Part {i} was already in.")
            } else {
                format!("Deel {i} was al gescand.")
            }
        }
        ScanNote::Refused(r) => refusal(language, r),
        ScanNote::Importing => {
            if en {
                "Every part is in: importing...".into()
            } else {
                "Alle delen zijn binnen: wordt ingelezen...".into()
            }
        }
        ScanNote::Imported { station, version } => {
            if en {
                format!(
                    "Polling station {station} version {version} imported. Scan the next annex, or Esc."
                )
            } else {
                format!(
                    "Stembureau {station} versie {version} ingelezen. Scan de volgende bijlage, of Esc."
                )
            }
        }
        ScanNote::ImportedAsDraft {
            station,
            version,
            why,
        } => {
            if en {
                format!("Polling station {station} version {version} imported as a draft: {why}")
            } else {
                format!("Stembureau {station} versie {version} ingelezen als concept: {why}")
            }
        }
        ScanNote::NotImported(why) => {
            if en {
                format!("NOT imported: {why}")
            } else {
                format!("NIET ingelezen: {why}")
            }
        }
    }
}

/// Why a part was refused.
pub fn refusal(language: Language, r: &Refusal) -> String {
    let en = language.is_english();
    match r {
        Refusal::OtherStation {
            index,
            station,
            expected,
        } => {
            if en {
                format!(
                    "Part {index} REFUSED: it belongs to polling station {station}, not {expected}."
                )
            } else {
                format!(
                    "Deel {index} GEWEIGERD: het hoort bij stembureau {station}, niet bij {expected}."
                )
            }
        }
        Refusal::OtherVersion {
            index,
            version,
            expected,
        } => {
            if en {
                format!(
                    "Part {index} REFUSED: it belongs to version {version} of the record, the other parts to version {expected}."
                )
            } else {
                format!(
                    "Deel {index} GEWEIGERD: het hoort bij versie {version} van het pv, de andere delen bij versie {expected}."
                )
            }
        }
        Refusal::OtherRecord { index } => {
            if en {
                format!(
                    "Part {index} REFUSED: it belongs to another printout of this record (other figures); scan the parts of one annex."
                )
            } else {
                format!(
                    "Deel {index} GEWEIGERD: het hoort bij een andere afdruk van dit pv (andere cijfers); scan de delen van één bijlage."
                )
            }
        }
        Refusal::BadNumber { index, total } => {
            if en {
                format!("REFUSED: part {index} of {total} does not exist.")
            } else {
                format!("GEWEIGERD: deel {index} van {total} bestaat niet.")
            }
        }
        Refusal::Damaged(why) => {
            let why = why.words(en);
            if en {
                format!("Every part is in, but they do not make the record: {why}")
            } else {
                format!("Alle delen zijn binnen, maar ze vormen samen geen pv: {why}")
            }
        }
    }
}

/// An entry's column: "-", "bezig", or where the complete entry came from.
pub fn entry_cell(language: Language, cell: &crate::board::EntryCell) -> String {
    use crate::board::EntryCell;
    use crate::desk::Source;
    let en = language.is_english();
    match (cell, en) {
        (EntryCell::Empty, _) => board_text(language).none.to_string(),
        (EntryCell::Typing, false) => "bezig".into(),
        (EntryCell::Typing, true) => "typing".into(),
        (EntryCell::Done(Source::Paper), false) => "papier".into(),
        (EntryCell::Done(Source::Paper), true) => "paper".into(),
        (EntryCell::Done(Source::QrScan), _) => "QR".into(),
        (EntryCell::Done(Source::ResultFile), false) => "bestand".into(),
        (EntryCell::Done(Source::ResultFile), true) => "file".into(),
    }
}
