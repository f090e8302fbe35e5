use super::*;
use crate::event::Figure;
use crate::record::{CountRecord, EntryMode, Field};
use crate::verification::canonical::quick_fields;
use crate::verification::codes;

fn check(verified: bool, quick: &[String], expected: &[String]) -> PhoneCheckEvent {
    PhoneCheckEvent {
        verified,
        quick: quick.to_vec(),
        expected: expected.to_vec(),
        figures: None,
        figures_sha256: "ab12".into(),
        migrated_from_row: None,
    }
}

/// The check the municipality stores after hearing `record`'s quick report and codes.
fn heard(election: &Election, record: &CountRecord) -> PhoneCheckEvent {
    let c = codes(election, record);
    PhoneCheckEvent {
        figures: Some(
            quick_fields(election)
                .into_iter()
                .map(|field| Figure {
                    field,
                    value: record.get(field),
                })
                .collect(),
        ),
        ..check(true, &c.quick, &c.record)
    }
}

fn statuses(ws: &Workspace) -> Vec<PhoneStatus> {
    ws.phone_overview()
        .unwrap()
        .into_iter()
        .map(|s| s.status)
        .collect()
}

fn compared_rows(ws: &Workspace) -> Vec<RecordComparison> {
    ws.audit_log()
        .unwrap()
        .iter()
        .filter_map(|r| match r.event() {
            Some(Ok(AuditEvent::RecordCompared(c))) => Some(c),
            _ => None,
        })
        .collect()
}

#[test]
fn the_latest_check_of_each_station_is_its_status_and_is_in_the_audit_chain() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let quick = vec!["1234-5".to_string(); 3];
    let expected = vec!["6789-0".to_string(); 4];
    ws.record_phone_check(2, &check(false, &quick, &[]), "Anna")
        .unwrap();
    assert_eq!(
        statuses(&ws),
        [
            PhoneStatus::NotReceived,
            PhoneStatus::QuickDiffers,
            PhoneStatus::NotReceived
        ]
    );
    ws.record_phone_check(2, &check(true, &quick, &expected), "Anna")
        .unwrap();
    let again = Workspace::open(dir.path()).unwrap();
    let overview = again.phone_overview().unwrap();
    assert_eq!(overview[1].status, PhoneStatus::QuickVerified);
    assert!(overview[1].at.as_deref().unwrap_or("").ends_with('Z'));
    let stored = &again.phone_checks().unwrap()[0];
    assert_eq!(
        (&stored.check.quick, &stored.check.expected),
        (&quick, &expected)
    );
    assert_eq!(stored.operator, "Anna");
    assert!(again.verify_audit().is_ok());
    let log = again.audit_log().unwrap();
    let checks: Vec<PhoneCheckEvent> = log
        .iter()
        .filter_map(|r| match r.event() {
            Some(Ok(AuditEvent::PhoneCheck(c))) => Some(c),
            _ => None,
        })
        .collect();
    assert_eq!(checks.len(), 2);
    assert_eq!(checks[1], check(true, &quick, &expected));
}

#[test]
fn a_record_that_arrives_is_compared_at_once_and_the_finding_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let election = ws.election().clone();
    let mut record = CountRecord::empty(&election, 3, EntryMode::Transcription);
    record.set(Field::ListTotal(1), Some(40));
    ws.record_phone_check(3, &heard(&election, &record), "Anna")
        .unwrap();
    assert_eq!(statuses(&ws)[2], PhoneStatus::QuickVerified);
    assert!(compared_rows(&ws).is_empty(), "no record yet");

    ws.put_record(&record, "Anna", "import").unwrap();
    assert_eq!(statuses(&ws)[2], PhoneStatus::RecordMatches);
    let rows = compared_rows(&ws);
    assert_eq!(rows.len(), 1, "compared when it arrived");
    assert!(rows[0].matches());

    // The same file again changes nothing, and is not compared again.
    ws.put_record(&record, "Anna", "import").unwrap();
    assert_eq!(compared_rows(&ws).len(), 1);

    let mut changed = record.clone();
    changed.set(Field::ListTotal(1), Some(41));
    ws.put_record(&changed, "Anna", "import").unwrap();
    let found = &compared_rows(&ws)[1];
    assert!(!found.matches());
    assert_eq!(found.located.quick.len(), 1);
    assert_eq!(found.located.quick[0].field, Field::ListTotal(1));
    assert_eq!(
        (found.located.quick[0].phoned, found.located.quick[0].record),
        (Some(40), Some(41))
    );
    assert_eq!(
        statuses(&ws)[2],
        PhoneStatus::RecordDiffers {
            located: found.located.clone()
        }
    );
    assert_eq!(statuses(&ws)[0], PhoneStatus::NotReceived);
    assert!(ws.verify_audit().is_ok());
}

#[test]
fn a_check_phoned_after_the_record_arrived_compares_it_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let election = ws.election().clone();
    let mut record = CountRecord::empty(&election, 1, EntryMode::Transcription);
    record.set(Field::Blank, Some(3));
    ws.put_record(&record, "Anna", "import").unwrap();
    assert_eq!(statuses(&ws)[0], PhoneStatus::RecordReceived);
    let entry = ws
        .record_phone_check(1, &heard(&election, &record), "Anna")
        .unwrap();
    assert!(entry.comparison.is_some_and(|c| c.matches()));
    assert_eq!(statuses(&ws)[0], PhoneStatus::RecordMatches);
}

#[test]
fn a_draft_changed_here_after_the_comparison_is_shown_as_it_is_now() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let election = ws.election().clone();
    let mut record = CountRecord::empty(&election, 1, EntryMode::Transcription);
    record.set(Field::Blank, Some(3));
    ws.put_record(&record, "Anna", "import").unwrap();
    ws.record_phone_check(1, &heard(&election, &record), "Anna")
        .unwrap();
    ws.save_field(1, Field::Blank, Some(4), "Anna").unwrap();
    assert!(matches!(
        &statuses(&ws)[0],
        PhoneStatus::RecordDiffers { located } if located.quick[0].field == Field::Blank
    ));
    let checked = ws.compare_with_phone(1, "Anna").unwrap().unwrap();
    assert!(!checked.matches());
    ws.save_field(1, Field::Blank, Some(3), "Anna").unwrap();
    assert_eq!(statuses(&ws)[0], PhoneStatus::RecordMatches);
}

#[test]
fn a_check_for_an_unknown_station_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let quick = vec!["1234-5".to_string(); 3];
    assert!(
        ws.record_phone_check(99, &check(true, &quick, &[]), "Anna")
            .is_err()
    );
    assert!(ws.phone_checks().unwrap().is_empty());
}

#[test]
fn a_phone_row_changed_behind_telraams_back_is_found_by_the_full_check() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let election = ws.election().clone();
    let mut record = CountRecord::empty(&election, 1, EntryMode::Transcription);
    record.set(Field::Blank, Some(3));
    ws.record_phone_check(1, &heard(&election, &record), "Anna")
        .unwrap();
    let mut other = record.clone();
    other.set(Field::Blank, Some(4));
    ws.put_record(&other, "Anna", "import").unwrap();
    assert_eq!(ws.database_problem().unwrap(), None);
    // Someone makes the differing record look as if it matched the phone.
    let matched = AuditEvent::RecordCompared(
        arrival::compare(
            &election,
            &heard(&election, &other),
            std::slice::from_ref(&other),
        )
        .unwrap(),
    )
    .to_stored();
    ws.conn
        .execute(
            "UPDATE phone SET comparison = ?1 WHERE station = 1",
            [matched],
        )
        .unwrap();
    assert_eq!(statuses(&ws)[0], PhoneStatus::RecordMatches);
    let problem = ws.database_problem().unwrap().expect("found");
    assert_eq!(
        problem,
        crate::storage::DatabaseProblem::PhoneDiffers { station: 1 }
    );
    // Said in Dutch, the language chosen by default.
    assert!(problem.to_string().contains("stembureau 1"), "{problem}");
}
