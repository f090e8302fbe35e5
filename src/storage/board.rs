//! What the status board reads of every station, in one pass and without parsing
//! a record body: the summary table (state, version, mode, D, E and the list
//! totals of the latest version) and the phone checks (audit rows). Only where a
//! record code was phoned and a record is in is the latest record read, to compare
//! its code with the phoned one ([`Workspace::phone_overview`] does the same).

use super::summary::{self, Head};
use super::{StorageError, Workspace, db};
use crate::record::{EntryMode, RecordState};
use crate::verification::receive::PhoneStatus;

/// The latest version of a station's record, as the summary table has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordFacts {
    pub version: u32,
    pub state: RecordState,
    pub mode: EntryMode,
    /// D, E and the list totals.
    pub head: Head,
}

/// One station of the election with what the workspace knows of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StationFacts {
    pub station: u32,
    pub record: Option<RecordFacts>,
    pub phone: PhoneStatus,
    /// When the latest phone check was stored (UTC, RFC 3339).
    pub phoned_at: Option<String>,
}

fn parse_state(text: &str) -> Option<RecordState> {
    match text {
        "draft" => Some(RecordState::Draft),
        "finalised" => Some(RecordState::Finalised),
        _ => None,
    }
}

fn parse_mode(text: &str) -> Option<EntryMode> {
    match text {
        "counting" => Some(EntryMode::Counting),
        "transcription" => Some(EntryMode::Transcription),
        _ => None,
    }
}

impl Workspace {
    /// Every station of the election, by station number, with its latest record's
    /// facts and its phone status.
    pub fn station_facts(&self) -> Result<Vec<StationFacts>, StorageError> {
        let tx = self.conn.unchecked_transaction().map_err(db)?;
        let mut records = std::collections::BTreeMap::new();
        {
            let mut stmt = tx
                .prepare_cached(
                    "SELECT station, version, state, mode, figures FROM summary ORDER BY station",
                )
                .map_err(db)?;
            let mut rows = stmt.query([]).map_err(db)?;
            while let Some(row) = rows.next().map_err(db)? {
                let station: u32 = row.get(0).map_err(db)?;
                let unreadable = || {
                    StorageError::Database(format!(
                        "station {station}: the summary row cannot be read; `telraam audit \
                         verify` checks the workspace / de samenvatting is onleesbaar"
                    ))
                };
                let state = row.get_ref(2).map_err(db)?.as_str().ok();
                let mode = row.get_ref(3).map_err(db)?.as_str().ok();
                let figures = row.get_ref(4).map_err(db)?.as_blob().ok();
                let facts = RecordFacts {
                    version: row.get(1).map_err(db)?,
                    state: state.and_then(parse_state).ok_or_else(unreadable)?,
                    mode: mode.and_then(parse_mode).ok_or_else(unreadable)?,
                    head: figures
                        .and_then(summary::decode_head)
                        .ok_or_else(unreadable)?,
                };
                records.insert(station, facts);
            }
        }
        tx.finish().map_err(db)?;
        let checks = self.phone_checks()?;
        let mut out = Vec::with_capacity(self.election.stations.len());
        let mut stations: Vec<u32> = self.election.stations.iter().map(|s| s.number).collect();
        stations.sort_unstable();
        for station in stations {
            let check = checks
                .binary_search_by_key(&station, |c| c.station)
                .ok()
                .and_then(|i| checks.get(i));
            let record = records.remove(&station);
            let phone = match (&record, check) {
                (Some(_), Some(c)) if c.verified && !c.expected.is_empty() => {
                    self.record_status(station, Some(c))?
                }
                (Some(_), _) => PhoneStatus::RecordReceived,
                (None, Some(c)) if c.verified => PhoneStatus::QuickVerified,
                (None, Some(_)) => PhoneStatus::QuickDiffers,
                (None, None) => PhoneStatus::NotReceived,
            };
            out.push(StationFacts {
                station,
                record,
                phone,
                phoned_at: check.map(|c| c.at.clone()),
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::election::Election;
    use crate::record::{CountRecord, Field};

    #[test]
    fn every_station_is_listed_with_its_record_and_phone_status_as_the_overview_says() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(dir.path()).unwrap();
        let election = Election::demo();
        let mut record = CountRecord::empty(&election, 2, EntryMode::Transcription);
        record.set(Field::ListTotal(1), Some(40));
        record.set(Field::TotalAdmitted, Some(52));
        ws.put_record(&record, "Anna", "import").unwrap();
        let facts = ws.station_facts().unwrap();
        assert_eq!(facts.len(), election.stations.len());
        let two = &facts[1];
        let head = &two.record.as_ref().expect("station 2 has a record").head;
        assert_eq!(head.total_admitted, Some(52));
        assert_eq!(head.lists[0], (1, Some(40)));
        assert!(facts[0].record.is_none());
        let overview = ws.phone_overview().unwrap();
        let phone: Vec<_> = facts.iter().map(|f| f.phone.clone()).collect();
        let expected: Vec<_> = overview.into_iter().map(|s| s.status).collect();
        assert_eq!(phone, expected);
    }
}
