//! The words of the desk's screens ("proces-verbaal overnemen", double entry), in
//! Dutch and English. Part of `text.rs`'s table, in a file of its own. Over 400
//! lines on purpose: every word of the desk's screens in one place per language.

use crate::desk::{Source, Stage};
use crate::form::{Target, words};
use crate::settings::Language;
use crate::tui::say::{Confirm, DeskNotice, Hint};

fn pick(language: Language, nl: &str, en: &str) -> String {
    if language.is_english() {
        en.to_string()
    } else {
        nl.to_string()
    }
}

/// The desk's fixed strings.
pub struct DeskText {
    pub title: &'static str,
    pub operator_question: &'static str,
    pub operator_default: &'static str,
    pub recheck_intro: &'static str,
    pub typing_intro: &'static str,
    pub no_findings: &'static str,
    pub rules_title: &'static str,
    pub keys_operator: &'static str,
    pub keys_overview: &'static str,
    pub keys_typing: &'static str,
    pub keys_rules: &'static str,
    pub keys_coordinator: &'static str,
    pub keys_confirm: &'static str,
    pub box_heading: &'static str,
    pub differs_mark: &'static str,
    pub accepted_line: &'static str,
    pub in_progress: &'static str,
    pub complete: &'static str,
    pub help: &'static str,
}

const NL: DeskText = DeskText {
    title: "Proces-verbaal overnemen",
    operator_question: "Wie typt er? Uw naam wordt bij elke invoer vastgelegd.",
    operator_default: "Naam:",
    recheck_intro: "Nakijken: deze vakken verschillen van de andere invoer (W.001). Kijk ze na \
op het papier en typ ze opnieuw; F8 als u klaar bent.",
    typing_intro: "Typ elk vak zoals het op papier staat, ook als het niet klopt; F8 als de \
invoer klaar is.",
    no_findings: "De regels vinden niets op dit papier.",
    rules_title: "Wat de regels op dit papier vinden",
    keys_operator: "Typ uw naam  Enter verder  Esc terug",
    keys_overview: "Enter volgende stap  Esc terug naar de stembureaus",
    keys_typing: "Enter ok  ↓/↑ vak  Spatie vinkje  Del leeg  F7 regels  F8 klaar  Esc terug",
    keys_rules: "↑/↓ kies  Enter naar het vak  Esc terug",
    keys_coordinator: "↑/↓ kies  Enter kiezen  Esc terug",
    keys_confirm: "j ja  n nee",
    box_heading: "vak",
    differs_mark: "<- wijkt af",
    accepted_line: "Goedgekeurd: dit proces-verbaal wordt opgeteld.",
    in_progress: "bezig",
    complete: "klaar",
    help: "Proces-verbaal overnemen (F9 op het stembureauscherm): elk proces-verbaal wordt twee \
keer ingevoerd, door twee verschillende mensen. Typ elk vak zoals het op papier staat, ook D, E, H, \
I en J en de vinkjes; telraam rekent niets uit in plaats van het papier, maar zet ernaast wat het \
zou moeten zijn (\"A + B = 712\"). F7 toont wat de regels op het papier vinden; Enter gaat naar \
het vak. F8 rondt de invoer af. Verschilt de tweede invoer van de eerste, dan hoort de tweede \
typist welke vakken (niet wat de eerste typte) en kijkt die na op het papier. Wat dan nog \
verschilt, beslist de coördinator: een invoer behouden of er een verwerpen. Een invoer die de \
typist onaf liet, kan de coördinator verwerpen (Enter op het overzicht). Het eigen record van \
het stembureau (QR-codes of uitslagbestand) telt als één invoer. Pas een goedgekeurd \
proces-verbaal wordt opgeteld.\n\nToetsen: Enter bevestigt en gaat verder (een leeg vak wordt 0), ↓/↑ of Tab \
volgend/vorig vak, Spatie zet of haalt een vinkje, Delete maakt een vak leeg, F7 regels, F8 \
invoer klaar, Esc terug, q stoppen.",
};

const EN: DeskText = DeskText {
    title: "Entering the proces-verbaal",
    operator_question: "Who is typing? Your name is recorded with every entry.",
    operator_default: "Name:",
    recheck_intro: "Re-check: these boxes differ from the other entry (W.001). Check them \
against the paper and type them again; F8 when you are done.",
    typing_intro: "Type every box as it is on paper, even where it does not add up; F8 when \
the entry is complete.",
    no_findings: "The rules find nothing wrong on this paper.",
    rules_title: "What the rules find on this paper",
    keys_operator: "Type your name  Enter continue  Esc back",
    keys_overview: "Enter next step  Esc back to the polling stations",
    keys_typing: "Enter confirm  ↓/↑ box  Space tick  Del empty  F7 rules  F8 done  Esc back",
    keys_rules: "↑/↓ choose  Enter go to the box  Esc back",
    keys_coordinator: "↑/↓ choose  Enter select  Esc back",
    keys_confirm: "y yes  n no",
    box_heading: "box",
    differs_mark: "<- differs",
    accepted_line: "Accepted: this proces-verbaal is added up.",
    in_progress: "in progress",
    complete: "complete",
    help: "Entering the proces-verbaal (F9 on the polling-station screen): every proces-verbaal \
is entered twice, by two different people. Type every box as it is on paper, D, E, H, I and J and \
the ticks included; telraam never puts a sum of its own in the paper's place, but shows beside it \
what it should be (\"A + B = 712\"). F7 lists what the rules find on the paper; Enter goes to \
the box. F8 completes the entry. When the second entry differs from the first, the second typist \
is told which boxes (not what the first typed) and checks them against the paper. The \
coordinator settles what still differs by keeping one entry or discarding one, and can discard an \
entry left unfinished by its typist (Enter on the overview). The station's own \
record (its QR codes or result file) counts as one entry. Only an accepted proces-verbaal is \
added up.\n\nKeys: Enter confirms and moves on (an empty box becomes 0), ↓/↑ or Tab next/previous \
box, Space ticks or clears a box, Delete empties a box, F7 rules, F8 entry complete, Esc back, \
q quit.",
};

pub fn desk_text(language: Language) -> &'static DeskText {
    if language.is_english() { &EN } else { &NL }
}

/// Where a station stands at the desk.
pub fn stage(language: Language, stage: Stage) -> String {
    let (nl, en) = match stage {
        Stage::NoEntry => ("nog niet ingevoerd", "not entered yet"),
        Stage::FirstEntry => ("eerste invoer bezig", "first entry in progress"),
        Stage::AwaitingSecond => ("wacht op de tweede invoer", "awaiting the second entry"),
        Stage::SecondEntry => ("tweede invoer bezig", "second entry in progress"),
        Stage::Differences => ("verschillen: nakijken", "differences to re-check"),
        Stage::AtCoordinator => ("bij de coördinator", "with the coordinator"),
        Stage::Accepted => ("goedgekeurd", "accepted"),
    };
    pick(language, nl, en)
}

/// "Invoer 1: Anna, getypt van papier (klaar)".
pub fn entry_line(language: Language, number: u8, who: &str, source: Source, done: bool) -> String {
    let t = desk_text(language);
    let state = if done { t.complete } else { t.in_progress };
    let (nl, en) = match source {
        Source::Paper => ("getypt van papier", "typed from paper"),
        Source::QrScan => (
            "het eigen record van het stembureau (QR-codes gescand)",
            "the station's own record (QR codes scanned)",
        ),
        Source::ResultFile => (
            "het eigen record van het stembureau (uitslagbestand)",
            "the station's own record (result file)",
        ),
    };
    let how = pick(language, nl, en);
    match (source, language.is_english()) {
        (Source::Paper, true) => format!("Entry {number}: {who}, {how} ({state})"),
        (Source::Paper, false) => format!("Invoer {number}: {who}, {how} ({state})"),
        (_, true) => format!("Entry {number}: {how}, imported by {who}"),
        (_, false) => format!("Invoer {number}: {how}, ingelezen door {who}"),
    }
}

/// What Enter does next on the overview, for this operator.
pub fn next_step(language: Language, stage: Stage, mine: bool, first_typist: &str) -> String {
    let en = language.is_english();
    match (stage, mine) {
        (Stage::NoEntry, _) => pick(
            language,
            "Enter: de eerste invoer typen",
            "Enter: type the first entry",
        ),
        (Stage::AwaitingSecond, _) if first_typist.is_empty() => pick(
            language,
            "Enter: de tweede invoer typen",
            "Enter: type the second entry",
        ),
        (Stage::AwaitingSecond, _) if en => {
            format!("Enter: type the second entry (someone other than {first_typist})")
        }
        (Stage::AwaitingSecond, _) => {
            format!("Enter: de tweede invoer typen (iemand anders dan {first_typist})")
        }
        (Stage::FirstEntry | Stage::SecondEntry, true) => {
            pick(language, "Enter: verder typen", "Enter: continue typing")
        }
        (Stage::Differences, true) => pick(
            language,
            "Enter: de vakken nakijken die verschillen",
            "Enter: re-check the boxes that differ",
        ),
        (Stage::FirstEntry | Stage::SecondEntry, false) => pick(
            language,
            "Iemand anders typt deze invoer; coördinator: Enter om die te verwerpen",
            "Someone else is typing this entry; coordinator: Enter to discard it",
        ),
        (Stage::Differences, false) => pick(
            language,
            "Iemand anders is hiermee bezig.",
            "Someone else is working on this.",
        ),
        (Stage::AtCoordinator, _) => pick(
            language,
            "Enter: coördinator (beide waarden naast elkaar)",
            "Enter: coordinator (both values side by side)",
        ),
        (Stage::Accepted, _) => desk_text(language).accepted_line.to_string(),
    }
}

/// Whether the record's code equals the one phoned on election night.
pub fn phone_line(language: Language, matches: bool) -> String {
    if matches {
        pick(
            language,
            "pv klopt met de telefoon: de controlecode is gelijk aan de gebelde",
            "record matches the phone: its code equals the one phoned",
        )
    } else {
        pick(
            language,
            "pv wijkt af van de telefoon: de controlecode is anders dan de gebelde",
            "record differs from the phone: its code is not the one phoned",
        )
    }
}

/// The desk's title with the open station: "Proces-verbaal overnemen | stembureau 3 Dorpshuis".
pub fn station_title(language: Language, number: u32, name: &str) -> String {
    let t = desk_text(language);
    let word = if language.is_english() {
        "station"
    } else {
        "stembureau"
    };
    format!("{} | {word} {number} {name}", t.title)
}

/// "Invoer 1 door Anna".
pub fn typing_title(language: Language, number: u8, who: &str) -> String {
    if language.is_english() {
        format!("Entry {number} by {who}")
    } else {
        format!("Invoer {number} door {who}")
    }
}

/// What a box should hold, beside the paper's own figure.
pub fn hint(language: Language, hint: &Hint) -> String {
    let t = desk_text(language);
    let mark = if hint.differs() {
        format!("  {}", t.differs_mark)
    } else {
        String::new()
    };
    let text = match hint {
        Hint::Sum { parts, value, .. } => format!("{parts} = {value}"),
        Hint::Candidates { value, .. } => {
            if language.is_english() {
                format!("candidates together = {value}")
            } else {
                format!("kandidaten samen = {value}")
            }
        }
        Hint::Empty { .. } => pick(language, "hoort leeg (of 0)", "should be empty (or 0)"),
        Hint::Tick { should: true, .. } => pick(language, "hoort aangevinkt", "should be ticked"),
        Hint::Tick { should: false, .. } => pick(language, "hoort leeg", "should not be ticked"),
    };
    format!("{text}{mark}")
}

/// "Het papier: 1 fout, 2 waarschuwingen (F7: lijst)".
pub fn findings(language: Language, errors: usize, warnings: usize) -> String {
    if errors == 0 && warnings == 0 {
        return desk_text(language).no_findings.to_string();
    }
    if language.is_english() {
        let e = if errors == 1 { "error" } else { "errors" };
        let w = if warnings == 1 { "warning" } else { "warnings" };
        format!("On paper: {errors} {e}, {warnings} {w} (F7: the list, Enter goes to the box)")
    } else {
        let e = if errors == 1 { "fout" } else { "fouten" };
        let w = if warnings == 1 {
            "waarschuwing"
        } else {
            "waarschuwingen"
        };
        format!("Op papier: {errors} {e}, {warnings} {w} (F7: de lijst, Enter gaat naar het vak)")
    }
}

/// The coordinator's heading.
pub fn coordinator_title(language: Language, boxes: usize) -> String {
    match (language.is_english(), boxes) {
        (true, 1) => "Coordinator: the entries still differ in 1 box after the re-check".into(),
        (true, n) => {
            format!("Coordinator: the entries still differ in {n} boxes after the re-check")
        }
        (false, 1) => "Coördinator: de invoeren verschillen na het nakijken nog in 1 vak".into(),
        (false, n) => {
            format!("Coördinator: de invoeren verschillen na het nakijken nog in {n} vakken")
        }
    }
}

/// "invoer 1 (Anna)".
pub fn entry_heading(language: Language, number: u8, who: &str) -> String {
    if language.is_english() {
        format!("entry {number} ({who})")
    } else {
        format!("invoer {number} ({who})")
    }
}

/// A coordinator's choice, as listed.
pub fn choice(language: Language, choice: Confirm, who: &str) -> String {
    let en = language.is_english();
    match (choice, en) {
        (Confirm::Keep(n), false) => {
            format!("Invoer {n} behouden ({who}): goedkeuren met die waarden")
        }
        (Confirm::Keep(n), true) => format!("Keep entry {n} ({who}): accept with its values"),
        (Confirm::Discard(n), false) => {
            format!("Invoer {n} verwerpen ({who}): opnieuw laten typen")
        }
        (Confirm::Discard(n), true) => format!("Discard entry {n} ({who}): to be typed again"),
        (Confirm::Finish, _) => String::new(),
    }
}

/// The question before a step that cannot be undone.
pub fn question(language: Language, confirm: Confirm, number: u8) -> String {
    let en = language.is_english();
    match (confirm, en) {
        (Confirm::Finish, false) => {
            format!("Is invoer {number} klaar? Daarna kunt u die niet meer wijzigen. (j/n)")
        }
        (Confirm::Finish, true) => {
            format!("Is entry {number} complete? It cannot be changed afterwards. (y/n)")
        }
        (Confirm::Keep(n), false) => {
            format!("Invoer {n} behouden en het stembureau goedkeuren? (j/n)")
        }
        (Confirm::Keep(n), true) => format!("Keep entry {n} and accept the station? (y/n)"),
        (Confirm::Discard(n), false) => {
            format!("Invoer {n} verwerpen, zodat die opnieuw wordt getypt? (j/n)")
        }
        (Confirm::Discard(n), true) => format!("Discard entry {n}, to be typed again? (y/n)"),
    }
}

/// The words of a desk notice; errors start with "Fout:"/"Error:".
pub fn notice(language: Language, notice: &DeskNotice) -> String {
    let en = language.is_english();
    let error = if en { "Error" } else { "Fout" };
    match notice {
        DeskNotice::NotADigit(c) => {
            if en {
                format!("{error}: '{c}' is not a digit")
            } else {
                format!("{error}: '{c}' is geen cijfer")
            }
        }
        DeskNotice::TooLarge => {
            if en {
                format!("{error}: a box holds at most 999 999 999")
            } else {
                format!("{error}: een vak kan hoogstens 999 999 999 bevatten")
            }
        }
        DeskNotice::TickWithSpace => {
            if en {
                format!("{error}: this is a tick box: Space ticks or clears it")
            } else {
                format!("{error}: dit is een vinkje: Spatie zet of haalt het")
            }
        }
        DeskNotice::Refused(why) => format!("{error}: {why}"),
        DeskNotice::Stage(s) => {
            if en {
                format!("Now: {}", stage(language, *s))
            } else {
                format!("Nu: {}", stage(language, *s))
            }
        }
        DeskNotice::Differs(boxes) => {
            let names = words::list_names(boxes, en, 8);
            let n = boxes.len();
            match (en, n) {
                (true, 1) => format!(
                    "The entries differ in 1 box: {names} (W.001). Check it against the paper."
                ),
                (true, _) => format!(
                    "The entries differ in {n} boxes: {names} (W.001). Check them against the paper."
                ),
                (false, 1) => format!(
                    "De invoeren verschillen in 1 vak: {names} (W.001). Kijk het na op het papier."
                ),
                (false, _) => format!(
                    "De invoeren verschillen in {n} vakken: {names} (W.001). Kijk ze na op het papier."
                ),
            }
        }
        DeskNotice::NameRequired => {
            if en {
                format!("{error}: type your name")
            } else {
                format!("{error}: typ uw naam")
            }
        }
    }
}

/// The name of a box on the desk's screens: letter and words.
pub fn box_name(language: Language, target: Target) -> String {
    words::full_name(target, language.is_english())
}

/// Whether a notice reports something refused (shown as an error).
pub fn is_error(notice: &DeskNotice) -> bool {
    !matches!(notice, DeskNotice::Stage(_) | DeskNotice::Differs(_))
}
