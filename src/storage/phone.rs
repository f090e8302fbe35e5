//! The phone check ("telefonische controle") at the municipality: per station, whether
//! the quick-report code read over the phone matched the figures typed while listening,
//! the record code phoned with it (the station's *expected record code*), and whether
//! the full record that arrived later (QR codes, result file, 510b, transcription) has
//! that code.
//!
//! Each check is one row of the hash-chained audit log (`what` = [`PHONE_CHECK`]), so
//! the status carries the time and the operator, and altering it afterwards breaks the
//! chain. The latest row of a station counts. The row's value is typed data with a fixed
//! grammar: `<verified|differs> quick=<3 groups> expected=<4 groups or empty>
//! figures=<sha256>`: the quick-report code typed, the record code phoned (only when the
//! quick report is verified) and the SHA-256 of the quick-report text of the typed
//! figures (docs/verification-code.md), which ties the check to exactly what was heard.
//!
//! The full record is compared when the overview is asked for: the latest version's
//! record code against the expected one. When it differs, the sections whose codes
//! differ from the last earlier version that matched are named.

use super::{StorageError, Workspace, audit, db};
use crate::verification::receive::PhoneStatus;
use crate::verification::{Group, codes};
use audit::NewRow;

/// The audit log's `what` of a phone check.
pub const PHONE_CHECK: &str = "phone check";

/// One station's latest phone check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneCheckEntry {
    pub station: u32,
    /// Whether the quick-report code matched the figures typed.
    pub verified: bool,
    /// The quick-report code typed.
    pub quick: Vec<Group>,
    /// The record code phoned: the station's expected record code (empty when the
    /// quick report did not verify).
    pub expected: Vec<Group>,
    /// UTC, RFC 3339, as the audit log writes it.
    pub at: String,
    pub operator: String,
}

/// A station in the status overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StationPhoneStatus {
    pub station: u32,
    pub name: String,
    pub status: PhoneStatus,
    /// When the phone check was stored (UTC, RFC 3339).
    pub at: Option<String>,
}

/// What a finished phone check found, to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneCheckResult<'a> {
    pub station: u32,
    pub verified: bool,
    pub quick: &'a [Group],
    /// The record code phoned; empty unless verified.
    pub expected: &'a [Group],
    /// SHA-256 (hex) of the quick-report text of the typed figures.
    pub figures_sha256: &'a str,
}

fn value_of(result: &PhoneCheckResult<'_>) -> String {
    format!(
        "{} quick={} expected={} figures={}",
        if result.verified {
            "verified"
        } else {
            "differs"
        },
        result.quick.join(" "),
        if result.verified {
            result.expected.join(" ")
        } else {
            String::new()
        },
        result.figures_sha256
    )
}

fn parse_value(station: u32, value: &str, at: String, operator: String) -> PhoneCheckEntry {
    let between = |start: &str, end: &str| -> Vec<Group> {
        value
            .split_once(start)
            .map(|(_, rest)| rest.split(end).next().unwrap_or(""))
            .unwrap_or("")
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    PhoneCheckEntry {
        station,
        verified: value.starts_with("verified "),
        quick: between(" quick=", " expected="),
        expected: between(" expected=", " figures="),
        at,
        operator,
    }
}

impl Workspace {
    /// Stores the outcome of a phone check as an audit row, in one transaction.
    pub fn record_phone_check(
        &mut self,
        result: &PhoneCheckResult<'_>,
        operator: &str,
    ) -> Result<PhoneCheckEntry, StorageError> {
        self.check_station(result.station)?;
        let value = value_of(result);
        let tx = self.begin()?;
        let row = audit::append(
            &tx,
            NewRow {
                station: Some(result.station),
                record_version: None,
                what: PHONE_CHECK,
                old_value: "",
                new_value: &value,
                operator,
                record_hash: String::new(),
            },
        )?;
        tx.commit().map_err(db)?;
        Ok(parse_value(result.station, &value, row.at, row.operator))
    }

    /// The latest phone check of every station that has one, by station number.
    pub fn phone_checks(&self) -> Result<Vec<PhoneCheckEntry>, StorageError> {
        let mut statement = self
            .conn
            .prepare(
                "SELECT station, new_value, at, operator FROM audit \
                 WHERE what = ?1 AND station IS NOT NULL ORDER BY id",
            )
            .map_err(db)?;
        let rows = statement
            .query_map([PHONE_CHECK], |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })
            .map_err(db)?;
        let mut latest = std::collections::BTreeMap::new();
        for row in rows {
            let (station, value, at, operator) = row.map_err(db)?;
            latest.insert(station, parse_value(station, &value, at, operator));
        }
        Ok(latest.into_values().collect())
    }

    /// The status of a station whose full record is in, against the phoned code.
    pub(super) fn record_status(
        &self,
        station: u32,
        check: Option<&PhoneCheckEntry>,
    ) -> Result<PhoneStatus, StorageError> {
        let expected = match check {
            Some(c) if c.verified && !c.expected.is_empty() => &c.expected,
            _ => return Ok(PhoneStatus::RecordReceived),
        };
        let versions = super::records::versions(&self.conn, &self.election, station)?;
        let Some(latest) = versions.last() else {
            return Ok(PhoneStatus::RecordReceived);
        };
        let now = codes(&self.election, latest);
        if &now.record == expected {
            return Ok(PhoneStatus::RecordMatches);
        }
        let matched = versions
            .iter()
            .rev()
            .map(|r| codes(&self.election, r))
            .find(|c| &c.record == expected);
        let sections = match matched {
            Some(then) => then
                .sections
                .iter()
                .zip(&now.sections)
                .filter(|(a, b)| a.group != b.group)
                .map(|(_, b)| b.key.clone())
                .collect(),
            None if check.is_some_and(|c| c.quick != now.quick) => vec!["votes".to_string()],
            None => Vec::new(),
        };
        Ok(PhoneStatus::RecordDiffers { sections })
    }

    /// Every station of the election with its phone status: not received, quick
    /// report verified or differs, record received, record matches or differs from
    /// the phone.
    pub fn phone_overview(&self) -> Result<Vec<StationPhoneStatus>, StorageError> {
        let checks = self.phone_checks()?;
        let with_record: Vec<u32> = super::records::stations(&self.conn)?;
        let mut stations: Vec<_> = self.election.stations.iter().collect();
        stations.sort_by_key(|s| s.number);
        let mut out = Vec::with_capacity(stations.len());
        for s in stations {
            let check = checks.iter().find(|c| c.station == s.number);
            let status = if with_record.binary_search(&s.number).is_ok() {
                self.record_status(s.number, check)?
            } else {
                match check {
                    Some(c) if c.verified => PhoneStatus::QuickVerified,
                    Some(_) => PhoneStatus::QuickDiffers,
                    None => PhoneStatus::NotReceived,
                }
            };
            out.push(StationPhoneStatus {
                station: s.number,
                name: s.name.clone(),
                status,
                at: check.map(|c| c.at.clone()),
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::election::Election;
    use crate::record::{CountRecord, EntryMode, Field};

    fn result<'a>(
        station: u32,
        verified: bool,
        quick: &'a [String],
        expected: &'a [String],
    ) -> PhoneCheckResult<'a> {
        PhoneCheckResult {
            station,
            verified,
            quick,
            expected,
            figures_sha256: "ab12",
        }
    }

    fn statuses(ws: &Workspace) -> Vec<PhoneStatus> {
        ws.phone_overview()
            .unwrap()
            .into_iter()
            .map(|s| s.status)
            .collect()
    }

    #[test]
    fn the_latest_check_of_each_station_is_its_status_and_is_in_the_audit_chain() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(dir.path()).unwrap();
        let quick = vec!["1234-5".to_string(); 3];
        let expected = vec!["6789-0".to_string(); 4];
        ws.record_phone_check(&result(2, false, &quick, &[]), "Anna")
            .unwrap();
        assert_eq!(
            statuses(&ws),
            [
                PhoneStatus::NotReceived,
                PhoneStatus::QuickDiffers,
                PhoneStatus::NotReceived
            ]
        );
        ws.record_phone_check(&result(2, true, &quick, &expected), "Anna")
            .unwrap();
        let again = Workspace::open(dir.path()).unwrap();
        let overview = again.phone_overview().unwrap();
        assert_eq!(overview[1].status, PhoneStatus::QuickVerified);
        assert!(overview[1].at.as_deref().unwrap_or("").ends_with('Z'));
        let stored = &again.phone_checks().unwrap()[0];
        assert_eq!((&stored.quick, &stored.expected), (&quick, &expected));
        assert_eq!(stored.operator, "Anna");
        assert!(again.verify_audit().is_ok());
        let log = again.audit_log().unwrap();
        assert_eq!(log.iter().filter(|r| r.what == PHONE_CHECK).count(), 2);
    }

    #[test]
    fn a_full_record_is_compared_with_the_record_code_phoned() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(dir.path()).unwrap();
        let election = Election::demo();
        let mut record = CountRecord::empty(&election, 3, EntryMode::Transcription);
        record.set(Field::ListTotal(1), Some(40));
        ws.put_record(&record, "Anna", "import").unwrap();
        assert_eq!(statuses(&ws)[2], PhoneStatus::RecordReceived);

        let c = codes(&election, &record);
        ws.record_phone_check(&result(3, true, &c.quick, &c.record), "Anna")
            .unwrap();
        assert_eq!(statuses(&ws)[2], PhoneStatus::RecordMatches);

        let mut changed = record.clone();
        let first = election.lists[0].candidates[0].number;
        changed.set(
            Field::Candidate {
                list: 1,
                candidate: first,
            },
            Some(7),
        );
        ws.put_record(&changed, "Anna", "import").unwrap();
        assert_eq!(
            statuses(&ws)[2],
            PhoneStatus::RecordDiffers { sections: vec![] },
            "the matching draft was replaced: which section is not known"
        );
        assert_eq!(statuses(&ws)[0], PhoneStatus::NotReceived);
    }

    #[test]
    fn a_check_for_an_unknown_station_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(dir.path()).unwrap();
        let quick = vec!["1234-5".to_string(); 3];
        assert!(
            ws.record_phone_check(&result(99, true, &quick, &[]), "Anna")
                .is_err()
        );
        assert!(ws.phone_checks().unwrap().is_empty());
    }
}
