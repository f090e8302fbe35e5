//! The phone check ("telefonische controle") at the municipality: per station, whether
//! the code read over the phone matched the figures typed while listening, and when.
//!
//! Each check is one row of the hash-chained audit log (`what` = [`PHONE_CHECK`]), so
//! the status carries the time and the operator, and altering it afterwards breaks the
//! chain. The latest row of a station is its status. The row's value reads
//! `<status> code=<groups> sections=<keys> figures=<sha256>`: the groups typed, the
//! sections that differed (empty on a match) and the SHA-256 of the canonical
//! serialisation of the typed figures (docs/verification-code.md), which ties the
//! check to exactly the figures that were heard.

use super::{StorageError, Workspace, audit, db};
use crate::verification::receive::PhoneStatus;
use audit::NewRow;

/// The audit log's `what` of a phone check.
pub const PHONE_CHECK: &str = "phone check";

/// One station's latest phone check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneCheckEntry {
    pub station: u32,
    /// [`PhoneStatus::Verified`] or [`PhoneStatus::Differs`].
    pub status: PhoneStatus,
    /// The groups typed, separated by spaces.
    pub code: String,
    /// The keys of the sections that differed (empty on a match).
    pub sections: Vec<String>,
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
    /// When the status was set by a phone check.
    pub at: Option<String>,
}

/// What a finished phone check found, to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneCheckResult<'a> {
    pub station: u32,
    pub verified: bool,
    pub code: &'a [String],
    pub differing_sections: &'a [String],
    /// SHA-256 (hex) of the canonical serialisation of the typed figures.
    pub figures_sha256: &'a str,
}

fn value_of(result: &PhoneCheckResult<'_>) -> String {
    let status = if result.verified {
        PhoneStatus::Verified
    } else {
        PhoneStatus::Differs
    };
    format!(
        "{} code={} sections={} figures={}",
        status.key(),
        result.code.join(" "),
        result.differing_sections.join(","),
        result.figures_sha256
    )
}

fn parse_value(station: u32, value: &str, at: String, operator: String) -> PhoneCheckEntry {
    let status = value
        .split_whitespace()
        .next()
        .and_then(PhoneStatus::parse)
        .unwrap_or(PhoneStatus::Differs);
    let between = |start: &str, end: &str| -> String {
        value
            .split_once(start)
            .map(|(_, rest)| rest.split(end).next().unwrap_or("").trim().to_string())
            .unwrap_or_default()
    };
    let sections = between(" sections=", " figures=")
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    PhoneCheckEntry {
        station,
        status,
        code: between(" code=", " sections="),
        sections,
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

    /// Every station of the election with its phone status: not received, received
    /// (a record is in the workspace, no code compared yet), verified or differs.
    pub fn phone_overview(&self) -> Result<Vec<StationPhoneStatus>, StorageError> {
        let checks = self.phone_checks()?;
        let with_record: Vec<u32> = super::records::stations(&self.conn)?;
        let mut stations: Vec<_> = self.election.stations.iter().collect();
        stations.sort_by_key(|s| s.number);
        Ok(stations
            .into_iter()
            .map(|s| {
                let check = checks.iter().find(|c| c.station == s.number);
                let status = match check {
                    Some(c) => c.status,
                    None if with_record.contains(&s.number) => PhoneStatus::Received,
                    None => PhoneStatus::NotReceived,
                };
                StationPhoneStatus {
                    station: s.number,
                    name: s.name.clone(),
                    status,
                    at: check.map(|c| c.at.clone()),
                }
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::election::Election;

    fn result<'a>(
        station: u32,
        verified: bool,
        code: &'a [String],
        sections: &'a [String],
    ) -> PhoneCheckResult<'a> {
        PhoneCheckResult {
            station,
            verified,
            code,
            differing_sections: sections,
            figures_sha256: "ab12",
        }
    }

    #[test]
    fn the_latest_check_of_each_station_is_its_status_and_is_in_the_audit_chain() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(dir.path()).unwrap();
        let code = vec!["1234-5".to_string(); 4];
        let differs = vec!["votes".to_string()];
        ws.record_phone_check(&result(2, false, &code, &differs), "Anna")
            .unwrap();
        let overview = ws.phone_overview().unwrap();
        let statuses: Vec<PhoneStatus> = overview.iter().map(|s| s.status).collect();
        assert_eq!(
            statuses,
            [
                PhoneStatus::NotReceived,
                PhoneStatus::Differs,
                PhoneStatus::NotReceived
            ]
        );
        let stored = &ws.phone_checks().unwrap()[0];
        assert_eq!(stored.sections, ["votes"]);
        assert_eq!(stored.code, code.join(" "));
        assert_eq!(stored.operator, "Anna");

        ws.record_phone_check(&result(2, true, &code, &[]), "Anna")
            .unwrap();
        let again = Workspace::open(dir.path()).unwrap();
        let overview = again.phone_overview().unwrap();
        assert_eq!(overview[1].status, PhoneStatus::Verified);
        assert!(overview[1].at.as_deref().unwrap_or("").ends_with('Z'));
        assert!(again.verify_audit().is_ok());
        let log = again.audit_log().unwrap();
        assert_eq!(log.iter().filter(|r| r.what == PHONE_CHECK).count(), 2);
    }

    #[test]
    fn a_station_with_a_record_but_no_check_is_received() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(dir.path()).unwrap();
        let election = Election::demo();
        let record = crate::record::CountRecord::empty(
            &election,
            3,
            crate::record::EntryMode::Transcription,
        );
        ws.put_record(&record, "Anna", "import").unwrap();
        let overview = ws.phone_overview().unwrap();
        assert_eq!(overview[2].status, PhoneStatus::Received);
        assert_eq!(overview[0].status, PhoneStatus::NotReceived);
    }

    #[test]
    fn a_check_for_an_unknown_station_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(dir.path()).unwrap();
        let code = vec!["1234-5".to_string(); 4];
        assert!(
            ws.record_phone_check(&result(99, true, &code, &[]), "Anna")
                .is_err()
        );
        assert!(ws.phone_checks().unwrap().is_empty());
    }
}
