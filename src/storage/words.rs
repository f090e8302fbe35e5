// Over 400 lines on purpose: the storage's one text table, every error and finding with its Dutch and English side by side.
//! The words of the workspace, Dutch and English: its errors ([`StorageError`]), why
//! the audit log does not verify ([`ChainFault`]), what `audit verify` found in the
//! database ([`DatabaseProblem`]), the desk's refusals ([`DeskError`]) and who holds
//! the workspace ([`Holder`]). The one place where the storage's codes and arguments
//! become sentences. The lifecycle's refusals have theirs in
//! [`crate::lifecycle::words`].
//!
//! Every message is said in one language only, the one asked for (the command line's
//! `--lang` or the settings file, through [`crate::i18n`]), never as "Dutch / English".

use super::{
    AuditProblem, AuditSubject, ChainFault, DatabaseProblem, FileStep, Holder, SCHEMA_VERSION,
    StorageError,
};
use crate::desk::DeskError;
use std::path::Path;

/// What a user reads when the workspace cannot be written.
pub fn read_only(english: bool) -> String {
    pick(
        english,
        "de werkmap is alleen-lezen (schrijfbeveiligd): hier kan niets worden bewaard; \
         audit verify, audit show, export, aggregate, export-eml, export-csv en annex \
         werken wel"
            .into(),
        "the workspace folder is read-only (write-protected): nothing can be saved here; \
         audit verify, audit show, export, aggregate, export-eml, export-csv and annex \
         still work"
            .into(),
    )
}

/// What a user reads when the disk is full.
pub fn disk_full(english: bool) -> String {
    pick(
        english,
        "de schijf is vol: er is niets bewaard; maak ruimte vrij (of kopieer de werkmap \
         naar een andere schijf) en probeer het opnieuw"
            .into(),
        "the disk is full: nothing was saved; free some space (or copy the workspace to \
         another disk) and try again"
            .into(),
    )
}

fn pick(english: bool, nl: String, en: String) -> String {
    if english { en } else { nl }
}

/// The sentence for a storage error.
pub fn error(e: &StorageError, english: bool) -> String {
    use StorageError::*;
    let at = |path: &Path, text: &str| format!("{}: {text}", path.display());
    let with = |text: String, detail: &Option<String>| match detail {
        Some(d) => format!("{text} ({d})"),
        None => text,
    };
    match e {
        Database { path: None, detail } => detail.clone(),
        Database {
            path: Some(path),
            detail,
        } => at(path, detail),
        Refused(r) => r.words(english),
        Desk(e) => desk(e, english),
        NotStorable {
            station,
            version,
            error,
        } => pick(
            english,
            format!(
                "{} (niet bewaard)",
                unreadable(
                    error,
                    &format!("stembureau {station} versie {version}"),
                    false
                )
            ),
            format!(
                "{} (not saved)",
                unreadable(error, &format!("station {station} version {version}"), true)
            ),
        ),
        BadElection(e) => e.to_string(),
        ReadOnly { file: None, detail } => with(read_only(english), detail),
        ReadOnly {
            file: Some(path),
            detail,
        } => with(
            at(
                path,
                if english {
                    "the folder is read-only (write-protected), the file is not written"
                } else {
                    "de map is alleen-lezen (schrijfbeveiligd), het bestand is niet geschreven"
                },
            ),
            detail,
        ),
        DiskFull { file: None, detail } => with(disk_full(english), detail),
        DiskFull {
            file: Some(path),
            detail,
        } => with(
            at(
                path,
                if english {
                    "the disk is full, the file is not written"
                } else {
                    "de schijf is vol, het bestand is niet geschreven"
                },
            ),
            detail,
        ),
        FileNotWritten { path, step, detail } => {
            at(path, &format!("{}: {detail}", file_step(*step, english)))
        }
        IsAFolder { path } => pick(
            english,
            at(path, "is een map; die wordt niet vervangen"),
            at(path, "is a directory, refusing to replace it"),
        ),
        FolderNotMade { dir, detail } => pick(
            english,
            at(dir, &format!("kan de werkmap niet maken: {detail}")),
            at(
                dir,
                &format!("cannot create the workspace directory: {detail}"),
            ),
        ),
        NotLocked { dir, detail } => pick(
            english,
            at(dir, &format!("kan de werkmap niet vergrendelen: {detail}")),
            at(dir, &format!("cannot lock the workspace: {detail}")),
        ),
        NoWorkspace { dir } => pick(
            english,
            at(dir, "hier is geen werkmap"),
            at(dir, "no workspace here"),
        ),
        NoElection { dir } => pick(
            english,
            at(dir, "de werkmap bevat geen verkiezing"),
            at(dir, "the workspace holds no election"),
        ),
        OtherElection {
            dir,
            existing,
            wanted,
        } => pick(
            english,
            at(
                dir,
                &format!(
                    "deze werkmap bevat al verkiezing {existing}; gebruik een andere map \
                     (--data MAP) voor {wanted}"
                ),
            ),
            at(
                dir,
                &format!(
                    "this workspace already holds election {existing}; use another directory \
                     (--data DIR) for {wanted}"
                ),
            ),
        ),
        Damaged { path, quick, found } => pick(
            english,
            at(
                path,
                &format!(
                    "de database is beschadigd ({}: {found})",
                    if *quick {
                        "snelle controle"
                    } else {
                        "integriteitscontrole"
                    }
                ),
            ),
            at(
                path,
                &format!(
                    "the database is damaged ({} check: {found})",
                    if *quick { "quick" } else { "integrity" }
                ),
            ),
        ),
        OlderSchema { path, version } => pick(
            english,
            at(
                path,
                &format!(
                    "deze werkmap is van een oudere telraam (schema {version}) en moet eenmaal \
                     worden bijgewerkt (schema {SCHEMA_VERSION}) waar hij beschreven kan \
                     worden: kopieer de map naar een beschrijfbare plek en open de kopie"
                ),
            ),
            at(
                path,
                &format!(
                    "this workspace was written by an older telraam (schema {version}) and \
                     must be brought up to date (schema {SCHEMA_VERSION}) once where it can \
                     be written: copy the folder to a writable place and open the copy"
                ),
            ),
        ),
        NewerSchema { path, version } => pick(
            english,
            at(
                path,
                &format!(
                    "schemaversie {version} is geschreven door een nieuwere telraam (deze \
                     leest {SCHEMA_VERSION})"
                ),
            ),
            at(
                path,
                &format!(
                    "schema version {version} was written by a newer telraam (this one reads \
                     {SCHEMA_VERSION})"
                ),
            ),
        ),
        UnknownSchema { path, version } => pick(
            english,
            at(
                path,
                &format!("schemaversie {version}, deze telraam leest {SCHEMA_VERSION}"),
            ),
            at(
                path,
                &format!("schema version {version}, this telraam reads {SCHEMA_VERSION}"),
            ),
        ),
        NoWal { path, mode } => pick(
            english,
            at(
                path,
                &format!("kan niet overschakelen op WAL (SQLite gaf {mode})"),
            ),
            at(path, &format!("cannot switch to WAL (got {mode})")),
        ),
        ElectionUnreadable(e) => pick(
            english,
            format!("de opgeslagen verkiezing is onleesbaar: {e}"),
            format!("the stored election cannot be read: {e}"),
        ),
        RecordUnreadable {
            station,
            version,
            error,
        } => pick(
            english,
            format!(
                "{} (het opgeslagen record is onleesbaar)",
                unreadable(
                    error,
                    &format!("record van stembureau {station} versie {version} in de werkmap"),
                    false
                )
            ),
            format!(
                "{} (the stored record cannot be read)",
                unreadable(
                    error,
                    &format!("workspace record station {station} version {version}"),
                    true
                )
            ),
        ),
        EntryUnreadable {
            station,
            number,
            error,
        } => pick(
            english,
            format!(
                "{} (de opgeslagen invoer is onleesbaar)",
                unreadable(
                    error,
                    &format!("invoer {number} van stembureau {station} in de werkmap"),
                    false
                )
            ),
            format!(
                "{} (the stored entry cannot be read)",
                unreadable(
                    error,
                    &format!("workspace entry {number} of station {station}"),
                    true
                )
            ),
        ),
        UnknownEntrySource {
            station,
            number,
            source,
        } => pick(
            english,
            format!(
                "invoer {number} van stembureau {station} in de werkmap: onbekende bron {source}"
            ),
            format!("workspace entry {number} of station {station}: unknown source {source}"),
        ),
        SummaryState {
            station,
            state,
            mode,
        } => pick(
            english,
            format!(
                "stembureau {station}: de samenvatting noemt status \"{state}\", modus \
                 \"{mode}\"; die kent deze telraam niet"
            ),
            format!("station {station}: the summary row says state \"{state}\", mode \"{mode}\""),
        ),
        SummaryFigures { station, detail } => pick(
            english,
            format!("stembureau {station}: cijfers van de samenvatting: {detail}"),
            format!("station {station}: summary figures: {detail}"),
        ),
        SummaryUnreadable { station } => pick(
            english,
            format!(
                "stembureau {station}: de samenvatting is onleesbaar; `telraam audit verify` \
                 controleert de werkmap"
            ),
            format!(
                "station {station}: the summary row cannot be read; `telraam audit verify` \
                 checks the workspace"
            ),
        ),
        PhoneCheckUnreadable { station } => pick(
            english,
            format!("de telefonische controle van stembureau {station} is onleesbaar"),
            format!("the phone check of station {station} cannot be read"),
        ),
        EventUnreadable { row, error } => pick(
            english,
            format!(
                "auditregel {row}: {}",
                crate::event::words::event_error(error, false)
            ),
            format!(
                "audit row {row}: {}",
                crate::event::words::event_error(error, true)
            ),
        ),
        TotalsUnreadable => pick(
            english,
            "de opgeslagen 510b-totalen zijn onleesbaar".into(),
            "the stored 510b totals cannot be read".into(),
        ),
        LegacyTotalsUnreadable { detail } => pick(
            english,
            format!(
                "{detail}: de 510b-totalen van deze oudere werkmap zijn onleesbaar, daarom is \
                 hij niet bijgewerkt"
            ),
            format!(
                "{detail}: the 510b totals of this older workspace cannot be read, so it is \
                 not migrated"
            ),
        ),
        Blocked(problem) => {
            let row = problem.row;
            let reason = chain_fault(&problem.fault, english);
            pick(
                english,
                format!(
                    "het auditlog klopt niet vanaf regel {row} ({reason}); er wordt niets \
                     bewaard tot de gebruiker kiest om door te werken"
                ),
                format!(
                    "the audit log is broken from row {row} ({reason}); nothing is saved \
                     until the operator chooses to go on"
                ),
            )
        }
        AuditBroken(problem) => audit_problem(problem, english),
        ChainCheckStopped => pick(
            english,
            "de controle van het auditlog is gestopt".into(),
            "the audit log check stopped".into(),
        ),
        QuickCheckStopped => pick(
            english,
            "de snelle controle van de database is gestopt".into(),
            "the quick check of the database stopped".into(),
        ),
    }
}

/// A stored record or entry that cannot be read, named `name` (the words of the
/// result-file reader, with the file's name said in this language).
fn unreadable(error: &crate::result_file::ResultFileError, name: &str, english: bool) -> String {
    let mut s = name.to_string();
    if let Some(line) = error.line {
        s.push_str(&format!(":{line}"));
    }
    s.push_str(": ");
    if let Some(field) = &error.field {
        s.push_str(&format!("{field}: "));
    }
    s.push_str(&error.problem.words(english));
    s
}

/// The step of writing a file that failed.
fn file_step(step: FileStep, english: bool) -> &'static str {
    match (step, english) {
        (FileStep::CreateTemporary, true) => "cannot create a temporary file",
        (FileStep::CreateTemporary, false) => "kan geen tijdelijk bestand maken",
        (FileStep::Write, true) => "cannot write",
        (FileStep::Write, false) => "kan niet schrijven",
        (FileStep::Flush, true) => "cannot flush to disk",
        (FileStep::Flush, false) => "kan niet naar de schijf wegschrijven",
        (FileStep::Rename, true) => "cannot rename into place",
        (FileStep::Rename, false) => "kan het bestand niet op zijn plaats zetten",
        (FileStep::FlushFolder, true) => "cannot flush the directory",
        (FileStep::FlushFolder, false) => "kan de map niet naar de schijf wegschrijven",
    }
}

/// Why the audit log does not verify at a row.
pub fn chain_fault(fault: &ChainFault, english: bool) -> String {
    let subject = |s: &AuditSubject| match (s, english) {
        (AuditSubject::Record { station, version }, true) => {
            format!("station {station} version {version}")
        }
        (AuditSubject::Record { station, version }, false) => {
            format!("stembureau {station} versie {version}")
        }
        (AuditSubject::Desk { station }, true) => format!("the desk of station {station}"),
        (AuditSubject::Desk { station }, false) => format!("de invoer van stembureau {station}"),
        (AuditSubject::Election, true) => "the election".into(),
        (AuditSubject::Election, false) => "de verkiezing".into(),
    };
    match fault {
        ChainFault::Unlinked => pick(
            english,
            "sluit niet aan op de regel ervoor: een eerdere regel is verwijderd of gewijzigd"
                .into(),
            "does not follow on from the row before it: a row before it was deleted or changed"
                .into(),
        ),
        ChainFault::Altered => pick(
            english,
            "de inhoud past niet bij de hash: de regel is gewijzigd".into(),
            "its contents do not match its hash: the row was changed".into(),
        ),
        ChainFault::Unwritten(s) => pick(
            english,
            format!("{} is opgeslagen zonder auditregel", subject(s)),
            format!("{} is stored but no audit row wrote it", subject(s)),
        ),
        ChainFault::ChangedOutside(s) => pick(
            english,
            format!(
                "{} wijkt af van wat deze regel schreef: buiten telraam gewijzigd",
                subject(s)
            ),
            format!(
                "{} as stored differs from what this row wrote: changed outside telraam",
                subject(s)
            ),
        ),
        ChainFault::StateColumn {
            subject: s,
            column,
            body,
        } => pick(
            english,
            format!(
                "{}: de kolom state zegt {column:?}, het record uit deze regel zegt {body:?}: \
                 buiten telraam gewijzigd",
                subject(s)
            ),
            format!(
                "{}: its state column says {column:?}, the record that this row wrote says \
                 {body:?}: changed outside telraam",
                subject(s)
            ),
        ),
        ChainFault::Missing { station, desk } => {
            let (en, nl) = if *desk {
                ("the desk", "de invoer")
            } else {
                ("the record", "het record")
            };
            pick(
                english,
                format!("{nl} van stembureau {station} uit deze regel ontbreekt"),
                format!("{en} of station {station} that this row wrote is missing"),
            )
        }
    }
}

/// `audit verify`'s finding: the row and why it does not verify.
pub fn audit_problem(problem: &AuditProblem, english: bool) -> String {
    let row = problem.row;
    let fault = chain_fault(&problem.fault, english);
    pick(
        english,
        format!("auditregel {row}: {fault}"),
        format!("audit row {row}: {fault}"),
    )
}

/// What `audit verify` found wrong in the database beyond the chain.
pub fn database_problem(problem: &DatabaseProblem, english: bool) -> String {
    match problem {
        DatabaseProblem::Damaged { found } => pick(
            english,
            format!("de database is beschadigd (integriteitscontrole: {found})"),
            format!("the database is damaged (integrity check: {found})"),
        ),
        DatabaseProblem::SummaryRows { rows, stations } => pick(
            english,
            format!("de samenvatting telt {rows} rijen voor {stations} stembureaus met een record"),
            format!("the summary table has {rows} rows for {stations} stations with a record"),
        ),
        DatabaseProblem::SummaryDiffers { station } => pick(
            english,
            format!("de samenvatting van stembureau {station} wijkt af van het opgeslagen record"),
            format!("station {station}: the summary row differs from the stored record"),
        ),
        DatabaseProblem::ElectionCopyDiffers => pick(
            english,
            "de kopie van de verkiezing (JSON) wijkt af van de opgeslagen verkiezing".into(),
            "the election's copy (JSON) differs from the stored election".into(),
        ),
        DatabaseProblem::PhoneDiffers { station } => pick(
            english,
            format!("de telefonische controle van stembureau {station} wijkt af van het auditlog"),
            format!("station {station}: the phone check table differs from the audit log"),
        ),
        DatabaseProblem::Unreadable(e) => e.words(english),
    }
}

/// Why the desk refuses a step.
pub fn desk(e: &DeskError, english: bool) -> String {
    match e {
        DeskError::TwoEntries => pick(
            english,
            "dit stembureau heeft al twee invoeren".into(),
            "this polling station already has two entries".into(),
        ),
        DeskError::SameTypist { first } => pick(
            english,
            format!("{first} typte de eerste invoer; de tweede invoer doet iemand anders"),
            format!("{first} typed the first entry; someone else types the second"),
        ),
        DeskError::OtherTypist { number, operator } => pick(
            english,
            format!("invoer {number} is van {operator}"),
            format!("entry {number} belongs to {operator}"),
        ),
        DeskError::NoEntry(n) => pick(
            english,
            format!("er is geen invoer {n}"),
            format!("there is no entry {n}"),
        ),
        DeskError::WrongStage(stage) => pick(
            english,
            format!("dat kan niet in deze fase ({})", stage.key()),
            format!("not possible at this stage ({})", stage.key()),
        ),
        DeskError::NotDiffering(t) => pick(
            english,
            format!(
                "{} verschilt niet; alleen de verschillende vakken worden nagekeken",
                t.key()
            ),
            format!(
                "{} does not differ; only the boxes that differ are re-checked",
                t.key()
            ),
        ),
        DeskError::NotOnPaper(t) => pick(
            english,
            format!("{} staat niet op dit proces-verbaal", t.key()),
            format!("{} is not on this proces-verbaal", t.key()),
        ),
        DeskError::WrongKind(t) => pick(
            english,
            format!("{}: verkeerd soort waarde", t.key()),
            format!("{}: wrong kind of value", t.key()),
        ),
    }
}

/// Who holds the workspace: "Jansen (process 4242, since 2026-03-18 21:04:05 UTC)".
pub fn holder(h: &Holder, english: bool) -> String {
    let who = match (h.operator.as_str(), english) {
        ("", true) => "an operator",
        ("", false) => "een gebruiker",
        (name, _) => name,
    };
    pick(
        english,
        format!("{who} (proces {}, sinds {} UTC)", h.pid, h.since),
        format!("{who} (process {}, since {} UTC)", h.pid, h.since),
    )
}

#[cfg(test)]
#[path = "words_tests.rs"]
mod tests;
