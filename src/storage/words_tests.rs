//! The storage's words: each typed error says what it said when it was a string, in
//! the language asked for, and in that language only.

use super::*;
use crate::desk::{DeskError, Stage};
use crate::form::Target;
use crate::record::Field;
use std::path::PathBuf;

fn both(e: &StorageError) -> (String, String) {
    (e.words(false), e.words(true))
}

#[test]
fn a_write_protected_folder_and_a_full_disk_are_named_in_the_chosen_language() {
    let ro = StorageError::ReadOnly {
        file: None,
        detail: None,
    };
    let (nl, en) = both(&ro);
    assert!(
        nl.starts_with("de werkmap is alleen-lezen (schrijfbeveiligd)"),
        "{nl}"
    );
    assert!(
        en.starts_with("the workspace folder is read-only (write-protected)"),
        "{en}"
    );
    assert!(ro.is_read_only());
    let file = StorageError::DiskFull {
        file: Some(PathBuf::from("/stick/uitslag.toml")),
        detail: Some("No space left on device (os error 28)".into()),
    };
    assert_eq!(
        file.words(false),
        "/stick/uitslag.toml: de schijf is vol, het bestand is niet geschreven \
         (No space left on device (os error 28))"
    );
    assert_eq!(
        file.words(true),
        "/stick/uitslag.toml: the disk is full, the file is not written \
         (No space left on device (os error 28))"
    );
}

#[test]
fn a_broken_chain_names_its_row_and_reason_in_either_language() {
    let problem = AuditProblem {
        row: 7,
        fault: ChainFault::ChangedOutside(AuditSubject::Record {
            station: 3,
            version: 2,
        }),
    };
    let (nl, en) = both(&StorageError::Blocked(problem.clone()));
    assert_eq!(
        nl,
        "het auditlog klopt niet vanaf regel 7 (stembureau 3 versie 2 wijkt af van wat deze \
         regel schreef: buiten telraam gewijzigd); er wordt niets bewaard tot de gebruiker \
         kiest om door te werken"
    );
    assert_eq!(
        en,
        "the audit log is broken from row 7 (station 3 version 2 as stored differs from what \
         this row wrote: changed outside telraam); nothing is saved until the operator \
         chooses to go on"
    );
    // `audit verify`'s finding, in one language at a time.
    assert_eq!(
        audit_problem(&problem, true),
        "audit row 7: station 3 version 2 as stored differs from what this row wrote: \
         changed outside telraam"
    );
    assert_eq!(
        audit_problem(&problem, false),
        "auditregel 7: stembureau 3 versie 2 wijkt af van wat deze regel schreef: buiten \
         telraam gewijzigd"
    );
    let missing = ChainFault::Missing {
        station: 4,
        desk: true,
    };
    assert_eq!(
        chain_fault(&missing, false),
        "de invoer van stembureau 4 uit deze regel ontbreekt"
    );
    assert_eq!(
        chain_fault(&missing, true),
        "the desk of station 4 that this row wrote is missing"
    );
}

#[test]
fn a_desk_refusal_names_the_box_and_the_typist() {
    let (nl, en) = both(&StorageError::Desk(DeskError::SameTypist {
        first: "Anna".into(),
    }));
    assert_eq!(
        nl,
        "Anna typte de eerste invoer; de tweede invoer doet iemand anders"
    );
    assert_eq!(
        en,
        "Anna typed the first entry; someone else types the second"
    );
    let not_differing =
        StorageError::Desk(DeskError::NotDiffering(Target::Count(Field::ListTotal(2))));
    assert_eq!(
        not_differing.words(true),
        "E.2 does not differ; only the boxes that differ are re-checked"
    );
    assert_eq!(
        StorageError::Desk(DeskError::WrongStage(Stage::Accepted)).words(false),
        "dat kan niet in deze fase (accepted)"
    );
}

#[test]
fn the_holder_of_a_workspace_is_named_with_process_and_time() {
    let holder = Holder {
        operator: String::new(),
        pid: 4242,
        since: "2026-03-18 21:04:05".into(),
        station: Some(3),
    };
    assert_eq!(
        holder.describe(false),
        "een gebruiker (proces 4242, sinds 2026-03-18 21:04:05 UTC)"
    );
    assert_eq!(
        holder.describe(true),
        "an operator (process 4242, since 2026-03-18 21:04:05 UTC)"
    );
}

#[test]
fn a_newer_workspace_says_so_with_its_path_and_version() {
    let e = StorageError::NewerSchema {
        path: PathBuf::from("ws/telraam.sqlite3"),
        version: 99,
    };
    assert_eq!(
        e.words(true),
        format!(
            "ws/telraam.sqlite3: schema version 99 was written by a newer telraam (this one \
             reads {SCHEMA_VERSION})"
        )
    );
    assert_eq!(
        e.words(false),
        format!(
            "ws/telraam.sqlite3: schemaversie 99 is geschreven door een nieuwere telraam \
             (deze leest {SCHEMA_VERSION})"
        )
    );
}

#[test]
fn every_storage_message_is_said_in_one_language_only() {
    let path = PathBuf::from("ws");
    let detail = "os error 13".to_string();
    let problem = AuditProblem {
        row: 2,
        fault: ChainFault::Altered,
    };
    let all = [
        StorageError::NoWorkspace { dir: path.clone() },
        StorageError::FolderNotMade {
            dir: path.clone(),
            detail: detail.clone(),
        },
        StorageError::NotLocked {
            dir: path.clone(),
            detail: detail.clone(),
        },
        StorageError::IsAFolder { path: path.clone() },
        StorageError::FileNotWritten {
            path: path.clone(),
            step: FileStep::Rename,
            detail: detail.clone(),
        },
        StorageError::Damaged {
            path: path.clone(),
            quick: true,
            found: "row 3 missing".into(),
        },
        StorageError::OlderSchema {
            path: path.clone(),
            version: 1,
        },
        StorageError::UnknownSchema {
            path: path.clone(),
            version: 0,
        },
        StorageError::SummaryState {
            station: 1,
            state: "x".into(),
            mode: "y".into(),
        },
        StorageError::SummaryUnreadable { station: 1 },
        StorageError::PhoneCheckUnreadable { station: 1 },
        StorageError::LegacyTotalsUnreadable {
            detail: "totals.toml".into(),
        },
        StorageError::AuditBroken(problem),
        StorageError::ChainCheckStopped,
        StorageError::QuickCheckStopped,
    ];
    for e in &all {
        let (nl, en) = both(e);
        assert_ne!(nl, en, "{e:?}");
        for said in [&nl, &en] {
            assert!(
                !said.contains(" / "),
                "said in two languages at once: {said}"
            );
        }
    }
    let (nl, en) = both(&all[0]);
    assert_eq!(
        (nl.as_str(), en.as_str()),
        ("ws: hier is geen werkmap", "ws: no workspace here")
    );
    let (nl, en) = both(&all[5]);
    assert_eq!(
        (nl.as_str(), en.as_str()),
        (
            "ws: de database is beschadigd (snelle controle: row 3 missing)",
            "ws: the database is damaged (quick check: row 3 missing)"
        )
    );
    let summary = [
        DatabaseProblem::SummaryRows {
            rows: 3,
            stations: 2,
        },
        DatabaseProblem::SummaryDiffers { station: 4 },
        DatabaseProblem::PhoneDiffers { station: 4 },
    ];
    for p in &summary {
        let (nl, en) = (database_problem(p, false), database_problem(p, true));
        assert_ne!(nl, en);
        assert!(!nl.contains(" / ") && !en.contains(" / "), "{nl} | {en}");
    }
}
