// Over 400 lines on purpose: one table of every visible word per language, kept in one place so nl and en stay side by side.
//! Every word the interface shows, in Dutch (the default) and English. The form's
//! own letters (A, B, … O) and legal terms stay as on paper in both languages.

pub mod board;
pub mod desk;

use super::flow::{Item, Step};
use super::phone::PhoneNotice;
use super::say::{DoneAction, Guard, Notice, StationStatus};
use crate::record::Field;
use crate::rules::Severity;
use crate::settings::Language;
use crate::verification::PhoneStatus;

/// The fixed strings of one language.
pub struct Text {
    pub stations_title: &'static str,
    pub filter: &'static str,
    pub not_started: &'static str,
    pub draft: &'static str,
    pub finalised: &'static str,
    pub version: &'static str,
    pub station: &'static str,
    pub empty: &'static str,
    pub step_voters: &'static str,
    pub step_votes: &'static str,
    pub step_differences: &'static str,
    pub step_candidates: &'static str,
    pub step_check: &'static str,
    pub step_finalise: &'static str,
    pub error: &'static str,
    pub warning: &'static str,
    pub note: &'static str,
    pub acknowledged: &'static str,
    pub not_acknowledged: &'static str,
    pub no_results: &'static str,
    pub check_summary: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub unanswered: &'static str,
    pub fully_explained: &'static str,
    pub note_label: &'static str,
    pub stock_heading: &'static str,
    pub events_heading: &'static str,
    pub issued: &'static str,
    pub no_difference: &'static str,
    pub difference_unknown: &'static str,
    pub explained: &'static str,
    pub not_explained: &'static str,
    pub from_stock: &'static str,
    pub finalise_intro: &'static str,
    pub finalise_ready: &'static str,
    pub finalise_blocked: &'static str,
    pub already_finalised: &'static str,
    pub done_title: &'static str,
    pub quit_question: &'static str,
    pub finalise_question: &'static str,
    pub reason_question: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub yes_no_keys: &'static str,
    pub candidates_total: &'static str,
    pub candidates_sum: &'static str,
    pub remaining: &'static str,
    pub too_many_assigned: &'static str,
    pub keys_stations: &'static str,
    pub keys_entry: &'static str,
    pub keys_explained: &'static str,
    pub keys_note: &'static str,
    pub keys_check: &'static str,
    pub keys_finalise: &'static str,
    pub keys_finalise_blocked: &'static str,
    pub keys_total: &'static str,
    pub keys_quit_pending: &'static str,
    pub leave_question: &'static str,
    /// After a box the storage refused: the marker beside it.
    pub not_saved: &'static str,
    /// What to do about a refused box.
    pub not_saved_hint: &'static str,
    /// The headings of the Vaststellen overview, as the annex prints its sections.
    pub overview_sections: [&'static str; 6],
    pub ticked: &'static str,
    pub no_box_ticked: &'static str,
    /// The stock lines of the overview: issued, too many, too few, taken away, in the
    /// box without being issued (as the annex prints them).
    pub stock_lines: [&'static str; 5],
    pub no_warnings: &'static str,
    pub keys_done: &'static str,
    pub keys_dialog: &'static str,
    pub keys_reason: &'static str,
    pub help_stations: &'static str,
    pub help_entry: &'static str,
    pub help_differences: &'static str,
    pub help_candidates: &'static str,
    pub help_check: &'static str,
    pub help_finalise: &'static str,
    pub help_done: &'static str,
    pub too_small: &'static str,
    pub list: &'static str,
    pub of: &'static str,
    pub issued_word: &'static str,
    pub too_many: &'static str,
    pub too_few: &'static str,
    pub difference_not_known: &'static str,
    pub help_keys: &'static str,
}

pub const NL: Text = Text {
    stations_title: "Kies het stembureau",
    filter: "Zoek (nummer of naam)",
    not_started: "nog niet begonnen",
    draft: "concept",
    finalised: "vastgesteld",
    version: "versie",
    station: "Stembureau",
    empty: "leeg",
    step_voters: "Kiezers",
    step_votes: "Stemmen",
    step_differences: "Verschillen",
    step_candidates: "Kandidaten",
    step_check: "Controle",
    step_finalise: "Vaststellen",
    error: "FOUT",
    warning: "WAARSCHUWING",
    note: "Let op",
    acknowledged: "bevestigd",
    not_acknowledged: "nog bevestigen",
    no_results: "Geen fouten en geen waarschuwingen.",
    check_summary: "Fouten moeten worden opgelost; elke waarschuwing moet u bevestigen.",
    yes: "ja",
    no: "nee",
    unanswered: "niet beantwoord",
    fully_explained: "Verschil volledig verklaard?",
    note_label: "Toelichting",
    stock_heading: "Stembiljetten (voorraad)",
    events_heading: "Verklaring van het verschil",
    issued: "uitgereikt = ontvangen - ongebruikt - onbruikbaar",
    no_difference: "D = H: er is geen verschil; deze stap is klaar.",
    difference_unknown: "D of H is nog niet ingevuld.",
    explained: "sluit",
    not_explained: "sluit niet",
    from_stock: "voorraad:",
    finalise_intro: "Neem deze getallen over op het proces-verbaal, in deze volgorde.",
    finalise_ready: "Enter: vaststellen (u wordt nog om bevestiging gevraagd).",
    finalise_blocked: "Nog niet vast te stellen",
    already_finalised: "Dit proces-verbaal is vastgesteld.",
    done_title: "Vastgesteld",
    quit_question: "Wilt u stoppen? Alles wat bevestigd is, is bewaard.",
    leave_question: "Terug naar de stembureaus? Alles wat bevestigd is, is bewaard.",
    not_saved: "<- NIET bewaard",
    not_saved_hint: "Het getal staat nog in het vak: los de oorzaak op en druk op Enter, \
of Esc om het te laten vallen.",
    overview_sections: [
        "1. Toegelaten kiezers",
        "2. Uitgebrachte stemmen",
        "3. Verschil tussen D en H",
        "4. Stembiljetten",
        "5. Stemmen per kandidaat",
        "Geaccepteerde waarschuwingen",
    ],
    ticked: "Aangekruist",
    no_box_ticked: "geen vakje",
    stock_lines: [
        "Uitgereikt (ontvangen - ongebruikt - vervangen)",
        "Te veel uitgereikt (uitgereikt - D)",
        "Te weinig uitgereikt (D - uitgereikt)",
        "Meegenomen (uitgereikt - H)",
        "Niet uitgereikt maar wel in de stembus",
    ],
    no_warnings: "Geen.",
    finalise_question: "Definitief vaststellen? Daarna kan het alleen nog met een corrigendum.",
    reason_question: "Reden van het corrigendum:",
    help_title: "Hulp",
    help_close: "Esc of F1: sluiten",
    yes_no_keys: "j = ja   n = nee",
    candidates_total: "totaal lijst",
    candidates_sum: "onderaan deze pagina",
    remaining: "nog toe te wijzen",
    too_many_assigned: "te veel toegewezen",
    keys_stations: "Typ nr/naam  ↑↓ kies  Enter open  F2 telefoon  F9 overnemen  F1 hulp  q stop",
    keys_entry: "Enter bevestig (leeg=0)  Tab/S-Tab veld  {steps} stap  Esc terug  F1 hulp",
    keys_explained: "j ja  n nee  Spatie wissel  Tab verder  {steps} stap  Esc terug  F1 hulp",
    keys_note: "Typ tekst  Enter bevestig  Tab verder  Esc herstel  F1 hulp  Ctrl-C stop",
    keys_check: "Pijltjes kies  Enter naar veld  Spatie bevestig waarsch.  {steps} stap",
    keys_finalise: "Enter vaststellen  Pijltjes scroll  {steps} stap  Esc controle  F1 hulp",
    keys_finalise_blocked: "Enter naar Controle  Pijltjes scroll  {steps} stap  Esc controle  F1 hulp",
    keys_total: "Enter verder  Tab/S-Tab veld  {steps} stap  Esc terug  F1 hulp  q stop",
    keys_quit_pending: "Enter bevestig en stop  j stop zonder bewaren  n/Esc terug",
    keys_done: "Esc stembureaus  q stoppen  F1 hulp",
    keys_dialog: "j ja  n nee  Esc terug",
    keys_reason: "Typ de reden  Enter bevestig  Esc terug",
    help_stations: "Typ het nummer of een deel van de naam van het stembureau; de lijst wordt \
korter. Kies met de pijltjes en druk op Enter. Een stembureau in concept gaat verder waar u \
was; een vastgesteld stembureau toont wat u ermee kunt doen. Bij de gemeente: F2 opent de \
telefonische controle van de stembureaus.",
    help_entry: "Typ het getal en druk op Enter. Enter op een leeg veld betekent 0. Een leeg \
veld toont puntjes, een nul toont 0. Tab en Shift-Tab (of pijltjes) gaan naar het volgende of \
vorige veld zonder een 0 in te vullen; Delete maakt het veld weer leeg. F3 tot en met F8 gaan \
meteen naar een stap (de balk bovenaan), PgDn/PgUp naar de volgende/vorige. Esc maakt getypte \
cijfers ongedaan, en gaat anders een veld terug; het stembureau verlaten vraagt het programma \
eerst. Elk bevestigd getal wordt meteen bewaard. D, E en H rekent het programma zelf uit; D \
ziet u met A en B erbij voordat u naar Stemmen gaat.",
    help_differences: "Als D en H verschillen, zegt het programma of I (meer getelde \
stembiljetten) of J (minder getelde) geldt. Vul de voorraad stembiljetten in (ontvangen, \
ongebruikt, onbruikbaar gemaakt): daaruit volgt hoeveel er zijn uitgereikt en wat het verschil \
verklaart. Vul daarna de verklaringen K tot en met O in zoals op papier, en beantwoord of het \
verschil volledig is verklaard (j/n).",
    help_candidates: "Typ per kandidaat het aantal stemmen. Bovenaan ziet u E van deze lijst \
(uit de stap Stemmen), het totaal lijst onderaan deze pagina (de kandidaten samen) en wat nog \
toe te wijzen is. Klopt een lijst niet, dan vraagt het programma of u toch verder wilt.",
    help_check: "Hier staan alle fouten (F.) en waarschuwingen (W.) van de Kiesraad. Kies er een \
met de pijltjes; Enter gaat naar het veld (Esc brengt u daarna terug). Een fout moet u \
oplossen. Een waarschuwing bevestigt u met de spatiebalk nadat u haar heeft gecontroleerd; dat \
wordt vastgelegd en de cursor gaat naar de volgende open waarschuwing.",
    help_finalise: "Dit is alles wat de bijlage afdrukt, in dezelfde volgorde: de getallen van het \
proces-verbaal, de toelichting, de stembiljetten, de kandidaten en de bevestigde \
waarschuwingen. Neem ze over. Enter stelt vast, na een bevestiging met j; zolang er fouten of \
onbevestigde waarschuwingen zijn, brengt Enter u naar Controle. Na het vaststellen kan alleen \
een corrigendum (met reden) nog iets veranderen.",
    help_done: "Het proces-verbaal is vastgesteld. Met v ziet u de controlecode en de cijfers \
om aan de gemeente voor te lezen, met p maakt (en print) u de bijlage, met c begint u een \
corrigendum (u geeft een reden op); Esc gaat terug naar de stembureaus.",
    too_small: "venster te klein: minimaal 80×24",
    list: "Lijst",
    of: "van",
    issued_word: "uitgereikt",
    too_many: "te veel",
    too_few: "te weinig",
    difference_not_known: "verschil: nog niet bekend",
    help_keys: "Toetsen: Enter bevestig - Tab/Shift-Tab volgend/vorig veld - F3-F8 naar een \
stap, PgDn/PgUp volgende/vorige stap - Esc terug - F1 of ? hulp - q of Ctrl-C stoppen (u wordt het gevraagd).",
};

pub const EN: Text = Text {
    stations_title: "Choose the polling station",
    filter: "Search (number or name)",
    not_started: "not started",
    draft: "draft",
    finalised: "finalised",
    version: "version",
    station: "Polling station",
    empty: "empty",
    step_voters: "Voters",
    step_votes: "Votes",
    step_differences: "Differences",
    step_candidates: "Candidates",
    step_check: "Check",
    step_finalise: "Finalise",
    error: "ERROR",
    warning: "WARNING",
    note: "Note",
    acknowledged: "acknowledged",
    not_acknowledged: "not acknowledged",
    no_results: "No errors and no warnings.",
    check_summary: "Errors must be resolved; each warning must be acknowledged.",
    yes: "yes",
    no: "no",
    unanswered: "not answered",
    fully_explained: "Difference fully explained?",
    note_label: "Note",
    stock_heading: "Ballot stock",
    events_heading: "Explanation of the difference",
    issued: "issued = received - unused - spoiled",
    no_difference: "D = H: there is no difference; this step is done.",
    difference_unknown: "D or H has not been filled in yet.",
    explained: "balances",
    not_explained: "does not balance",
    from_stock: "stock says",
    finalise_intro: "Copy these figures onto the proces-verbaal, in this order.",
    finalise_ready: "Enter: finalise (you will be asked to confirm).",
    finalise_blocked: "Not ready to finalise",
    already_finalised: "This proces-verbaal is finalised.",
    done_title: "Finalised",
    quit_question: "Stop now? Every confirmed figure has been saved.",
    leave_question: "Back to the polling stations? Every confirmed figure has been saved.",
    not_saved: "<- NOT saved",
    not_saved_hint: "The figure is still in the box: deal with the cause and press Enter, or \
Esc to drop it.",
    overview_sections: [
        "1. Admitted voters",
        "2. Votes cast",
        "3. Difference between D and H",
        "4. Ballots",
        "5. Votes per candidate",
        "Acknowledged warnings",
    ],
    ticked: "Box ticked",
    no_box_ticked: "none",
    stock_lines: [
        "Issued (received - unused - replaced)",
        "Too many issued (issued - D)",
        "Too few issued (D - issued)",
        "Taken away (issued - H)",
        "In the ballot box but never issued",
    ],
    no_warnings: "None.",
    finalise_question: "Finalise for good? After this only a corrigendum can change it.",
    reason_question: "Reason for the corrigendum:",
    help_title: "Help",
    help_close: "Esc or F1: close",
    yes_no_keys: "y = yes   n = no",
    candidates_total: "list total",
    candidates_sum: "at the foot of this page",
    remaining: "left to assign",
    too_many_assigned: "too many assigned",
    keys_stations: "Type no./name  ↑↓ choose  Enter open  F2 phone  F9 transcribe  F1 help  q quit",
    keys_entry: "Enter confirm (empty=0)  Tab/S-Tab field  {steps} step  Esc back  F1 help",
    keys_explained: "y yes  n no  Space toggle  Tab next  {steps} step  Esc back  F1 help",
    keys_note: "Type text  Enter confirm  Tab next  Esc undo  F1 help  Ctrl-C quit",
    keys_check: "Arrows choose  Enter go to field  Space acknowledge  {steps} step  Esc back",
    keys_finalise: "Enter finalise  Arrows scroll  {steps} step  Esc check  F1 help",
    keys_finalise_blocked: "Enter go to Check  Arrows scroll  {steps} step  Esc check  F1 help",
    keys_total: "Enter go on  Tab/S-Tab field  {steps} step  Esc back  F1 help  q quit",
    keys_quit_pending: "Enter confirm and stop  y stop without it  n/Esc back",
    keys_done: "Esc stations  q quit  F1 help",
    keys_dialog: "y yes  n no  Esc back",
    keys_reason: "Type the reason  Enter confirm  Esc back",
    help_stations: "Type the polling station's number or part of its name to narrow the list. \
Choose with the arrows and press Enter. A draft picks up where you left off; a finalised \
station shows what you can still do with it. At the municipality, F2 opens the phone check.",
    help_entry: "Type the figure and press Enter. Enter on an empty field means 0. An empty \
field shows dots, a zero shows 0. Tab and Shift-Tab (or the arrows) go to the next or previous \
field without filling in a 0; Delete empties the field. F3 to F8 go straight to a step (the bar \
at the top), PgDn/PgUp to the next or previous one. Esc undoes what you typed, or else goes \
back one field; the program asks before you leave the station. Every confirmed figure is \
saved at once. The program adds up D, E and H itself, and shows D beside A and B before you \
go on to the votes.",
    help_differences: "When D and H differ, the program says whether I (more ballots counted) \
or J (fewer counted) applies. Fill in the ballot stock (received, unused, spoiled): it shows how \
many were issued and what explains the difference. Then fill in the explanations K to O as on \
paper, and answer whether the difference is fully explained (y/n).",
    help_candidates: "Type each candidate's votes. The top line shows the list's E from the \
votes step, the list total at the foot of this page (the candidates' votes added up) and what \
is left to assign. When a list does not add up, the program asks before you move on.",
    help_check: "All errors (F.) and warnings (W.) under the Kiesraad's rules. Choose one with \
the arrows; Enter takes you to the field (Esc brings you back). An error must be resolved. Once \
you have checked a warning, acknowledge it with the space bar: this is recorded, and the cursor \
moves on to the next open warning.",
    help_finalise: "This is everything the annex prints, in the same order: the figures of the \
proces-verbaal, the note, the ballots, the candidates and the acknowledged warnings. Copy them \
onto the form. Enter finalises once you confirm with y; while errors or unacknowledged \
warnings remain, Enter takes you to the check instead. Once finalised, only a corrigendum \
(with a reason) can change anything.",
    help_done: "The proces-verbaal is finalised. Press v for the verification code and the \
figures to read aloud to the municipality, p to write (and print) the annex, c to start a \
corrigendum (you give a reason); Esc goes back to the polling stations.",
    too_small: "window too small: at least 80×24",
    list: "List",
    of: "of",
    issued_word: "issued",
    too_many: "too many",
    too_few: "too few",
    difference_not_known: "difference: not yet known",
    help_keys: "Keys: Enter confirm - Tab/Shift-Tab next/previous field - F3-F8 straight to a \
step, PgDn/PgUp next/previous step - Esc back - F1 or ? help - q or Ctrl-C quit (you are asked first).",
};

/// The strings of a language.
pub fn text(language: Language) -> &'static Text {
    match language {
        Language::Dutch => &NL,
        Language::English => &EN,
    }
}

/// The label of a count box: the form's letter and what it counts.
pub fn field_label(language: Language, field: Field) -> String {
    crate::form::words::full_name(crate::form::Target::Count(field), language.is_english())
}

/// The name of a step in the tab bar.
pub fn step_name(language: Language, step: Step) -> &'static str {
    let t = text(language);
    match step {
        Step::Voters => t.step_voters,
        Step::Votes => t.step_votes,
        Step::Differences => t.step_differences,
        Step::Candidates(_) => t.step_candidates,
        Step::Check => t.step_check,
        Step::Finalise => t.step_finalise,
    }
}

/// A station's progress as the station list says it.
/// A station's line on the station screen: where it stands at the desk when it
/// has an entry there, in the desk's words ("wacht op de tweede invoer",
/// "goedgekeurd"), else its record's state.
pub fn status(
    language: Language,
    status: Option<StationStatus>,
    desk: Option<crate::desk::Stage>,
) -> String {
    match desk {
        None | Some(crate::desk::Stage::NoEntry) => record_status(language, status),
        Some(stage) => self::desk::stage(language, stage),
    }
}

/// The record's state: "concept (versie 2)".
fn record_status(language: Language, status: Option<StationStatus>) -> String {
    let t = text(language);
    match status {
        None => t.not_started.to_string(),
        Some(StationStatus::Draft { version }) => format!("{} ({} {version})", t.draft, t.version),
        Some(StationStatus::Finalised { version }) => {
            format!("{} ({} {version})", t.finalised, t.version)
        }
    }
}

/// The label and key of an action on the Done screen.
pub fn done_action(language: Language, action: DoneAction) -> &'static str {
    let en = language.is_english();
    match action {
        DoneAction::Correct => {
            if en {
                "corrigendum (correction, with a reason)"
            } else {
                "corrigendum (correctie, met reden)"
            }
        }
        DoneAction::Stations => {
            if en {
                "back to the polling stations"
            } else {
                "terug naar de stembureaus"
            }
        }
        DoneAction::ReadAloud => {
            if en {
                "read aloud (the verification code, for the phone call)"
            } else {
                "voorlezen (controlecode voor de telefoon)"
            }
        }
        DoneAction::Annex => {
            if en {
                "annex (write the PDF, and print it if a printer is set up)"
            } else {
                "bijlage (PDF maken; naar de printer als die is ingesteld)"
            }
        }
    }
}

/// The words of a notice. Errors start with "Fout:" / "Error:" so that colour is never
/// the only sign.
pub fn notice(language: Language, notice: &Notice) -> String {
    let en = language.is_english();
    let t = text(language);
    let body = match notice {
        Notice::NotADigit(c) => {
            if en {
                format!("\"{c}\" refused: a count takes only the digits 0-9.")
            } else {
                format!("\"{c}\" geweigerd: in een telling passen alleen cijfers 0-9.")
            }
        }
        Notice::YesOrNo(c) => {
            if en {
                format!("\"{c}\" refused: answer with y (yes) or n (no).")
            } else {
                format!("\"{c}\" geweigerd: antwoord met j (ja) of n (nee).")
            }
        }
        Notice::TooLarge => {
            if en {
                "refused: a count cannot be more than 999 999 999.".to_string()
            } else {
                "geweigerd: een telling is hoogstens 999 999 999.".to_string()
            }
        }
        Notice::NoDifference => t.no_difference.to_string(),
        Notice::Resumed {
            station,
            step,
            field,
        } => {
            let at = match field {
                Some(f) => format!("{}, {f}", step_name(language, *step)),
                None => step_name(language, *step).to_string(),
            };
            if en {
                format!("Resumed where you left off: polling station {station}, {at}.")
            } else {
                format!("Verder waar u was: stembureau {station}, {at}.")
            }
        }
        Notice::Storage(message) => {
            if en {
                format!("NOT saved: {message}")
            } else {
                format!("NIET bewaard: {message}")
            }
        }
        Notice::NotSaved { item, reason } => {
            let label = match item {
                Item::Count(field) => field_label(language, *field),
                Item::Note => t.note_label.to_string(),
                _ => t.fully_explained.to_string(),
            };
            // What to do comes before the reason, which can be long.
            let reason = reason.trim_end_matches('.');
            if en {
                format!("{label} NOT saved. {} Reason: {reason}.", t.not_saved_hint)
            } else {
                format!(
                    "{label} NIET bewaard. {} Reden: {reason}.",
                    t.not_saved_hint
                )
            }
        }
        Notice::Computed => {
            if en {
                "the program adds up this total itself; there is nothing to type here.".into()
            } else {
                "dit totaal telt het programma zelf op; hier typt u niets.".into()
            }
        }
        Notice::HasErrors(n) => {
            let n = count(language, *n, Noun::Error);
            if en {
                format!("cannot finalise yet: first resolve {n}.")
            } else {
                format!("nog niet vast te stellen: los eerst {n} op.")
            }
        }
        Notice::Unacknowledged(n) => {
            let n = count(language, *n, Noun::Warning);
            if en {
                format!("cannot finalise yet: first acknowledge {n} (Space).")
            } else {
                format!("nog niet vast te stellen: bevestig eerst {n} (spatie).")
            }
        }
        Notice::WarningAcknowledged {
            code,
            done,
            of,
            errors,
        } if done == of && *errors > 0 => {
            let n = count(language, *errors, Noun::Error);
            if en {
                format!(
                    "{code} acknowledged: {}, none left open; {n} still to resolve.",
                    acknowledged_count(language, *done, *of)
                )
            } else {
                format!(
                    "{code} bevestigd: {}, geen open waarschuwingen meer; nog {n} op te lossen.",
                    acknowledged_count(language, *done, *of)
                )
            }
        }
        Notice::WarningAcknowledged { code, done, of, .. } => {
            let all = done == of;
            match (en, all) {
                (true, false) => format!(
                    "{code} acknowledged (recorded in the audit log): {}.",
                    acknowledged_count(language, *done, *of)
                ),
                (true, true) => format!(
                    "{code} acknowledged: {}, none left open; PgDn to finalise.",
                    acknowledged_count(language, *done, *of)
                ),
                (false, false) => format!(
                    "{code} bevestigd (vastgelegd in het logboek): {}.",
                    acknowledged_count(language, *done, *of)
                ),
                (false, true) => format!(
                    "{code} bevestigd: {}, geen open waarschuwingen meer; PgDn: naar \
                     Vaststellen.",
                    acknowledged_count(language, *done, *of)
                ),
            }
        }
        Notice::ErrorsCannotBeAcknowledged => {
            if en {
                "an error cannot be acknowledged; it must be resolved.".to_string()
            } else {
                "een fout kunt u niet bevestigen; los haar op.".to_string()
            }
        }
        Notice::ReasonRequired => {
            if en {
                "a corrigendum needs a reason.".to_string()
            } else {
                "een corrigendum heeft een reden nodig.".to_string()
            }
        }
        Notice::Finalised { version } => {
            if en {
                format!("Finalised ({} {version}).", t.version)
            } else {
                format!("Vastgesteld ({} {version}).", t.version)
            }
        }
        Notice::CorrectionStarted { version } => {
            if en {
                format!(
                    "Corrigendum started ({} {version}): go through the figures again.",
                    t.version
                )
            } else {
                format!(
                    "Corrigendum begonnen ({} {version}): loop de getallen na.",
                    t.version
                )
            }
        }
        Notice::AnnexWritten { path, printed } => {
            let written = if en {
                format!("Annex written: {path}")
            } else {
                format!("Bijlage geschreven: {path}")
            };
            match printed {
                Some(printed) => format!("{written}. {printed}"),
                None => format!("{written}."),
            }
        }
        Notice::RecordFinalised => {
            if en {
                "this record is finalised; changes need a corrigendum.".to_string()
            } else {
                "dit proces-verbaal is vastgesteld; wijzig het met een corrigendum.".to_string()
            }
        }
        Notice::NoStationMatches => {
            if en {
                "no polling station matches.".to_string()
            } else {
                "geen stembureau gevonden.".to_string()
            }
        }
        Notice::Phone(n) => phone_notice(language, n),
        Notice::ReadOnly => {
            if en {
                "not saved: this window only reads the workspace.".to_string()
            } else {
                "niet bewaard: dit venster leest de werkmap alleen.".to_string()
            }
        }
        Notice::BrokenChainAccepted => {
            if en {
                "You go on with the broken audit log; your choice is in the log.".into()
            } else {
                "U werkt door met het gebroken auditlog; die keuze staat in het log.".into()
            }
        }
        Notice::ChangedElsewhere { station } => {
            if en {
                format!(
                    "Polling station {station} was changed elsewhere; these are the new figures."
                )
            } else {
                format!("Stembureau {station} is elders gewijzigd; u ziet de nieuwe cijfers.")
            }
        }
    };
    if notice.is_error() {
        let prefix = if en { "Error" } else { "Fout" };
        format!("{prefix}: {body}")
    } else {
        body
    }
}

/// What is counted in a sentence like "2 fouten" / "1 warning".
#[derive(Debug, Clone, Copy)]
pub enum Noun {
    Error,
    Warning,
}

/// "1 fout", "2 fouten", "1 warning", "2 warnings".
pub fn count(language: Language, n: usize, noun: Noun) -> String {
    let word = match (language.is_english(), noun, n == 1) {
        (false, Noun::Error, true) => "fout",
        (false, Noun::Error, false) => "fouten",
        (false, Noun::Warning, true) => "waarschuwing",
        (false, Noun::Warning, false) => "waarschuwingen",
        (true, Noun::Error, true) => "error",
        (true, Noun::Error, false) => "errors",
        (true, Noun::Warning, true) => "warning",
        (true, Noun::Warning, false) => "warnings",
    };
    format!("{n} {word}")
}

/// "2 van 3 bevestigd" / "2 of 3 acknowledged".
pub fn acknowledged_count(language: Language, done: usize, of: usize) -> String {
    if language.is_english() {
        format!("{done} of {of} acknowledged")
    } else {
        format!("{done} van {of} bevestigd")
    }
}

/// Why Vaststellen cannot finalise yet: how many errors are left and how many
/// warnings are acknowledged of how many, and what Enter does instead.
pub fn finalise_blocked(language: Language, errors: usize, done: usize, of: usize) -> String {
    let t = text(language);
    let en = language.is_english();
    let open = of.saturating_sub(done);
    let mut parts = Vec::new();
    if errors > 0 {
        let n = count(language, errors, Noun::Error);
        parts.push(if en {
            format!("{n} to resolve")
        } else {
            format!("{n} op te lossen")
        });
    }
    if open > 0 {
        parts.push(if en {
            format!("warnings {done} of {of} acknowledged, {open} to go")
        } else {
            format!("waarschuwingen {done} van {of} bevestigd, nog {open} te gaan")
        });
    }
    let then = if en {
        "Enter: go to Check"
    } else {
        "Enter: naar Controle"
    };
    format!("{}: {}. {then}.", t.finalise_blocked, parts.join("; "))
}

/// H against D as the form thinks: "H is 3 meer dan D (I = 3)", "D = H".
pub fn difference(language: Language, diff: i64) -> String {
    let n = diff.unsigned_abs();
    match (language.is_english(), diff.signum()) {
        (_, 0) => "D = H".to_string(),
        (false, 1) => format!("H is {n} meer dan D (I = {n})"),
        (false, _) => format!("H is {n} minder dan D (J = {n})"),
        (true, 1) => format!("H is {n} more than D (I = {n})"),
        (true, _) => format!("H is {n} less than D (J = {n})"),
    }
}

/// The ballots issued against D and H, as the form thinks: "uitgereikt is 1 minder
/// dan D (L = 1) en 2 meer dan H (K = 2)". `vs_d` is issued - D, `vs_h` issued - H.
pub fn issued_against(language: Language, vs_d: i64, vs_h: i64) -> String {
    let en = language.is_english();
    let part = |diff: i64, of: &str, more: &str, less: &str| {
        let n = diff.unsigned_abs();
        let letter = match diff.signum() {
            1 => more,
            -1 => less,
            _ => "",
        };
        let words = match (en, diff.signum()) {
            (false, 0) => format!("gelijk aan {of}"),
            (false, 1) => format!("{n} meer dan {of}"),
            (false, _) => format!("{n} minder dan {of}"),
            (true, 0) => format!("equal to {of}"),
            (true, 1) => format!("{n} more than {of}"),
            (true, _) => format!("{n} less than {of}"),
        };
        if letter.is_empty() {
            words
        } else {
            format!("{words} ({letter} = {n})")
        }
    };
    let d = part(vs_d, "D", "M", "L");
    let h = part(vs_h, "H", "K", "");
    if en {
        format!("issued is {d} and {h}")
    } else {
        format!("uitgereikt is {d} en {h}")
    }
}

/// Whether K..O explain I or J: "K + L + N + O - M = 1: 2 minder dan J = 3, nog niet
/// verklaard". `sum` is what the formula gives, `target` is I or J (`letter`).
/// Returns the words and whether they balance.
pub fn explanation(
    language: Language,
    formula: &str,
    sum: i64,
    letter: &str,
    target: i64,
) -> (String, bool) {
    use std::cmp::Ordering::{Equal, Greater, Less};
    let gap = (target - sum).unsigned_abs();
    let words = match (language.is_english(), sum.cmp(&target)) {
        (false, Equal) => format!("{formula} = {sum} = {letter}: het verschil is verklaard"),
        (false, Less) => {
            format!("{formula} = {sum}: {gap} minder dan {letter} = {target}, nog niet verklaard")
        }
        (false, Greater) => {
            format!("{formula} = {sum}: {gap} meer dan {letter} = {target}, te veel verklaard")
        }
        (true, Equal) => format!("{formula} = {sum} = {letter}: the difference is explained"),
        (true, Less) => {
            format!("{formula} = {sum}: {gap} less than {letter} = {target}, not yet explained")
        }
        (true, Greater) => {
            format!("{formula} = {sum}: {gap} more than {letter} = {target}, explains too much")
        }
    };
    (words, sum == target)
}

/// The quit question when the current field holds something not saved: what is in
/// it, and (`refused`) whether the storage refused it or it was never confirmed.
pub fn quit_pending(language: Language, label: &str, typed: &str, refused: bool) -> String {
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    match (language.is_english(), refused) {
        (false, false) => format!(
            "Vak {label}: \"{typed}\" is getypt maar niet bevestigd, dus NIET bewaard. Eerst \
             bevestigen?"
        ),
        (false, true) => format!(
            "Vak {label}: \"{typed}\" kon NIET worden bewaard. Bij stoppen gaat het verloren."
        ),
        (true, false) => format!(
            "Box {label}: \"{typed}\" was typed but not confirmed, so it has NOT been saved. \
             Confirm it first?"
        ),
        (true, true) => {
            format!("Box {label}: \"{typed}\" could NOT be saved. Stopping now loses it.")
        }
    }
}

/// The mark in the title bar of a window that only reads the workspace.
pub fn read_only_mark(language: Language) -> &'static str {
    if language.is_english() {
        "READ ONLY"
    } else {
        "ALLEEN LEZEN"
    }
}

/// The blocking notice of a window that only reads the workspace: title and text.
pub fn guard_notice(language: Language, guard: &Guard) -> (&'static str, String) {
    let en = language.is_english();
    match guard {
        Guard::HeldBy(holder) => {
            let who = holder.as_ref().map(|h| h.describe(en));
            let at = holder.as_ref().and_then(|h| h.station);
            if en {
                let who = who.unwrap_or_else(|| "another telraam".into());
                let at = at
                    .map(|s| format!(" It is working on polling station {s}."))
                    .unwrap_or_default();
                (
                    "READ ONLY",
                    format!(
                        "This workspace is already open in telraam by {who}.{at}\n\n\
                         This window only reads: you can look at every station, check, \
                         read the code aloud and print the annex, but nothing is saved \
                         here. Figures changed in the other window appear here as they \
                         are saved.\n\nEnter: continue reading   q: quit"
                    ),
                )
            } else {
                let who = who.unwrap_or_else(|| "een andere telraam".into());
                let at = at
                    .map(|s| format!(" Daar is stembureau {s} open."))
                    .unwrap_or_default();
                (
                    "ALLEEN LEZEN",
                    format!(
                        "Deze werkmap is al geopend in telraam door {who}.{at}\n\n\
                         Dit venster leest alleen: u kunt elk stembureau bekijken, \
                         controleren, de code voorlezen en de bijlage afdrukken, maar \
                         hier wordt niets bewaard. Wat in het andere venster wordt \
                         bewaard, ziet u hier meteen.\n\nEnter: verder met lezen   \
                         q: stoppen"
                    ),
                )
            }
        }
        Guard::ReadOnlyFolder => {
            if en {
                (
                    "READ ONLY",
                    "The workspace folder is read-only (write-protected): nothing can be \
                     saved here. You can look at every station, check it and read its \
                     code aloud. To count, copy the workspace to a folder you can write \
                     to.\n\nEnter: continue reading   q: quit"
                        .to_string(),
                )
            } else {
                (
                    "ALLEEN LEZEN",
                    "De werkmap is alleen-lezen (schrijfbeveiligd): hier kan niets worden \
                     bewaard. U kunt elk stembureau bekijken, controleren en de code \
                     voorlezen. Kopieer de werkmap naar een map waarin u mag schrijven om \
                     te tellen.\n\nEnter: verder met lezen   q: stoppen"
                        .to_string(),
                )
            }
        }
        Guard::BrokenChain(problem) => {
            let row = problem.row;
            let reason = problem.reason(en);
            if en {
                (
                    "AUDIT LOG BROKEN",
                    format!(
                        "The audit log does not verify from row {row}: {reason}.\n\n\
                         The workspace may have been changed outside telraam. Tell the \
                         coordinator, and compare the figures with the paper.\n\n\
                         Go on saving in this workspace anyway? Your choice is written \
                         in the audit log, naming row {row}.\n\n\
                         y: go on (logged)   n: only read"
                    ),
                )
            } else {
                (
                    "AUDITLOG GEBROKEN",
                    format!(
                        "Het auditlog klopt niet vanaf regel {row}: {reason}.\n\n\
                         De werkmap is mogelijk buiten telraam gewijzigd. Meld dit aan \
                         de coördinator en vergelijk de cijfers met het papier.\n\n\
                         Toch doorwerken en bewaren in deze werkmap? Uw keuze komt in \
                         het auditlog, met regel {row}.\n\n\
                         j: doorwerken (vastgelegd)   n: alleen lezen"
                    ),
                )
            }
        }
    }
}

/// The box at the foot of a candidate page: "totaal lijst 3 (onderaan de pagina)".
pub fn page_total_label(language: Language, list: u32) -> String {
    field_label(language, Field::CandidateListTotal(list))
}

/// The words of the phone check's notices. "groep 3 klopt niet: vraag opnieuw" is
/// what the receiver says back to the station.
pub fn phone_notice(language: Language, notice: &PhoneNotice) -> String {
    let en = language.is_english();
    match (notice, en) {
        (PhoneNotice::GroupRefused(g), false) => format!("groep {g} klopt niet: vraag opnieuw"),
        (PhoneNotice::GroupRefused(g), true) => format!("group {g} is wrong: ask again"),
        (PhoneNotice::GroupIncomplete(g), false) => {
            format!("groep {g}: vier cijfers en een controlecijfer nodig")
        }
        (PhoneNotice::GroupIncomplete(g), true) => {
            format!("group {g} needs four digits and a check digit")
        }
        (PhoneNotice::QuickVerified, false) => {
            "snelle uitslag klopt: typ nu de controlecode voor het proces-verbaal.".into()
        }
        (PhoneNotice::QuickVerified, true) => {
            "the quick report matches: now type the record code for the paper.".into()
        }
        (PhoneNotice::QuickDiffers, false) => {
            "code snelle uitslag wijkt af: Enter en laat de cijfers opnieuw voorlezen.".into()
        }
        (PhoneNotice::QuickDiffers, true) => {
            "the quick-report code does not match: Enter, then have the figures read again.".into()
        }
        (PhoneNotice::Stored, false) => {
            "snelle uitslag klopt; controlecode bewaard als verwachte code van het pv.".into()
        }
        (PhoneNotice::Stored, true) => {
            "quick report verified; record code stored as the record's expected code.".into()
        }
    }
}

/// The fixed words of the read-aloud and phone-check screens.
pub struct PhoneText {
    pub read_title: &'static str,
    pub quick_report: &'static str,
    pub record_code: &'static str,
    pub quick_code: &'static str,
    pub for_paper: &'static str,
    pub adds_up: &'static str,
    pub does_not_add_up: &'static str,
    pub small_difference: &'static str,
    pub stored_hint: &'static str,
    pub read_hint: &'static str,
    pub keys_read: &'static str,
    pub overview_title: &'static str,
    pub figures_title: &'static str,
    pub code_title: &'static str,
    pub keys_overview: &'static str,
    pub keys_figures: &'static str,
    pub keys_code: &'static str,
    pub figures_hint: &'static str,
    pub code_hint: &'static str,
    pub help_read: &'static str,
    pub help_phone: &'static str,
    /// Where a full record differs from the phone: `{box}`, `{phoned}`, `{record}`.
    pub figure_differs: &'static str,
    /// A list whose candidates do not add up to the total phoned: `{list}`, `{sum}`, `{phoned}`.
    pub list_sum_differs: &'static str,
    /// Sections changed since the version that matched: `{version}`, `{sections}`.
    pub changed_since: &'static str,
    /// Short, in the overview line: the list of a candidate page.
    pub list_short: &'static str,
    /// Short, in the overview line: nothing located, the figures phoned were kept.
    pub outside_short: &'static str,
    /// Short: nothing located, and the figures phoned are not known.
    pub unknown_short: &'static str,
    /// The detail when nothing is located and the figures phoned match.
    pub outside_detail: &'static str,
    /// The detail when nothing is located and the figures phoned were not kept.
    pub unknown_detail: &'static str,
}

const PHONE_NL: PhoneText = PhoneText {
    read_title: "Voorlezen aan de gemeente",
    quick_report: "Snelle uitslag, in deze volgorde",
    record_code: "Controlecode",
    quick_code: "Code snelle uitslag",
    for_paper: "Controlecode voor het proces-verbaal",
    adds_up: "lijsten + F + G = D: sluit",
    does_not_add_up: "lijsten + F + G tegen D: sluit niet",
    small_difference: "lijsten + F + G tegen D: klein verschil",
    stored_hint: "Enter: terug naar het overzicht.",
    read_hint: "Lees elk cijfer apart voor; een leeg vak is \"leeg\".",
    keys_read: "Pijltjes schuif  Esc terug  F1 hulp  q stop",
    overview_title: "Telefonische controle: stembureaus",
    figures_title: "Gehoorde cijfers",
    code_title: "Gehoorde code",
    keys_overview: "Pijltjes kies  Enter controleer  Esc terug  F1 hulp  q stop",
    keys_figures: "Enter bevestig (leeg blijft leeg)  PgDn code  Esc terug",
    keys_code: "Typ 5 cijfers per groep  Backspace terug  PgUp cijfers  Esc terug",
    figures_hint: "Snelle uitslag: typ wat u hoort. \"Leeg\" laat u leeg; 0 typt u.",
    code_hint: "Per groep vier cijfers en het controlecijfer; een fout wordt meteen geweigerd.",
    help_read: "Lees eerst de snelle uitslag voor (elk lijsttotaal, F, G, D), dan de code van de \
snelle uitslag, groep voor groep, elk cijfer apart, met de woorden op het scherm (\"één\", \"zeuven\"). \
Lees daarna de controlecode voor het proces-verbaal voor: de gemeente bewaart die en vergelijkt er het \
pv mee dat later binnenkomt.",
    help_phone: "Kies het stembureau en typ de snelle uitslag zoals die wordt voorgelezen: elk \
lijsttotaal, F, G en D (Enter na elk cijfer; een leeg vak laat u leeg). Onderaan ziet u meteen of \
lijsten + F + G met D sluiten. Dan met PgDn de code van de snelle uitslag: per groep vier cijfers en \
het controlecijfer; een verkeerd verstane groep wordt meteen geweigerd. Klopt de code, typ dan de \
controlecode voor het proces-verbaal: die wordt bewaard (met tijd, in het logboek) en vergeleken met het \
volledige pv zodra dat binnenkomt.",
    figure_differs: "{box}: {phoned} gebeld, {record} in het pv",
    list_sum_differs: "lijst {list}: kandidaten samen {sum}, lijsttotaal gebeld {phoned}",
    changed_since: "anders dan versie {version}, die klopte: {sections}",
    list_short: "lijst",
    outside_short: "buiten de gebelde cijfers",
    unknown_short: "waar is onbekend",
    outside_detail: "De gebelde cijfers kloppen; het verschil zit elders in het pv. Vergelijk het \
met het papieren proces-verbaal.",
    unknown_detail: "De gebelde cijfers zijn niet bewaard (werkmap van een oudere telraam). \
Vergelijk het pv met het papieren proces-verbaal.",
};

const PHONE_EN: PhoneText = PhoneText {
    read_title: "Read aloud to the municipality",
    quick_report: "Quick report, in this order",
    record_code: "Record code",
    quick_code: "Quick-report code",
    for_paper: "Record code for the paper",
    adds_up: "lists + F + G = D: adds up",
    does_not_add_up: "lists + F + G against D: does not add up",
    small_difference: "lists + F + G against D: small difference",
    stored_hint: "Enter: back to the overview.",
    read_hint: "Read every digit on its own; an empty box is \"empty\".",
    keys_read: "Arrows scroll  Esc back  F1 help  q quit",
    overview_title: "Phone check: polling stations",
    figures_title: "Figures heard",
    code_title: "Code heard",
    keys_overview: "Arrows choose  Enter check  Esc back  F1 help  q quit",
    keys_figures: "Enter confirm (empty stays empty)  PgDn code  Esc back",
    keys_code: "Type 5 digits per group  Backspace undo  PgUp figures  Esc back",
    figures_hint: "Quick report: type what you hear. Leave \"empty\" empty; type 0 for zero.",
    code_hint: "Four digits and the check digit per group; a wrong group is refused at once.",
    help_read: "Read the quick report first (each list total, F, G, D), then the quick-report \
code, group by group, every digit on its own in the words on the screen. Then read the record code \
for the paper: the municipality stores it and compares the full record with it when that arrives.",
    help_phone: "Choose the station and type the quick report as it is read: each list total, F, \
G and D (Enter after each; leave an empty box empty). The bottom line shows at once whether the lists \
+ F + G add up to D. Then PgDn for the quick-report code: four digits and the check digit per group; \
a misheard group is refused at once. When it matches, type the record code for the paper: it is \
stored (with the time, in the audit log) and compared with the full record as soon as that arrives.",
    figure_differs: "{box}: {phoned} phoned, {record} in the record",
    list_sum_differs: "list {list}: candidates add up to {sum}, list total phoned {phoned}",
    changed_since: "differs from version {version}, which matched: {sections}",
    list_short: "list",
    outside_short: "outside the figures phoned",
    unknown_short: "where is not known",
    outside_detail: "The figures phoned match; the difference is elsewhere in the record. Compare \
it with the paper proces-verbaal.",
    unknown_detail: "The figures phoned were not kept (a workspace of an older telraam). Compare \
the record with the paper proces-verbaal.",
};

/// The phone screens' words in a language.
pub fn phone_text(language: Language) -> &'static PhoneText {
    match language {
        Language::Dutch => &PHONE_NL,
        Language::English => &PHONE_EN,
    }
}

/// The question when a candidate list does not add up to its list total.
pub fn unbalanced_list(language: Language, list: u32, sum: &str, total: &str) -> String {
    if language.is_english() {
        format!(
            "List {list}: its candidates have {sum} votes between them, but the list total \
             E.{list} is {total}. Move on anyway?"
        )
    } else {
        format!(
            "Lijst {list}: de kandidaten hebben samen {sum} stemmen, het lijsttotaal E.{list} \
             is {total}. Toch verder?"
        )
    }
}

/// A rule result's severity as the screens and the command line say it: "fout" /
/// "error", "waarschuwing" / "warning".
pub fn severity(severity: Severity, english: bool) -> &'static str {
    match (severity, english) {
        (Severity::Error, false) => "fout",
        (Severity::Error, true) => "error",
        (Severity::Warning, false) => "waarschuwing",
        (Severity::Warning, true) => "warning",
    }
}

/// A station's phone status as the overview, the board and `telraam status` say it.
pub fn phone_status(status: &PhoneStatus, english: bool) -> &'static str {
    match (status, english) {
        (PhoneStatus::NotReceived, false) => "niet ontvangen",
        (PhoneStatus::NotReceived, true) => "not received",
        (PhoneStatus::QuickVerified, false) => "snelle uitslag klopt",
        (PhoneStatus::QuickVerified, true) => "quick report verified",
        (PhoneStatus::QuickDiffers, false) => "snelle uitslag wijkt af",
        (PhoneStatus::QuickDiffers, true) => "quick report differs",
        (PhoneStatus::RecordReceived, false) => "pv ontvangen",
        (PhoneStatus::RecordReceived, true) => "record received",
        (PhoneStatus::RecordMatches, false) => "pv klopt met telefoon",
        (PhoneStatus::RecordMatches, true) => "record matches phone",
        (PhoneStatus::RecordDiffers { .. }, false) => "pv wijkt af van telefoon",
        (PhoneStatus::RecordDiffers { .. }, true) => "record differs from phone",
    }
}
