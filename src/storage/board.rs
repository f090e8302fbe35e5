//! What the status board reads of every station, in one pass and without parsing
//! a record body: the summary table (state, version, mode, D, E and the list
//! totals of the latest version), the phone table ([`Workspace::phone_overview`],
//! which keeps each station's comparison with the record code phoned) and the
//! desk's stage column ([`Workspace::entry_states`]).

use super::entries::EntryState;
use super::summary::{self, Head, parse_mode, parse_state};
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
    /// The latest phone check's quick-report code: matched (true) or not; None:
    /// not phoned.
    pub quick_verified: Option<bool>,
    /// Where the station stands in the desk's double entry (None: no entry).
    pub entry: Option<EntryState>,
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
                let unreadable = || StorageError::SummaryUnreadable { station };
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
        // The phone table keeps each station's comparison: no record is parsed here
        // unless it changed after it was compared.
        let overview = self.phone_overview()?;
        let checks: std::collections::BTreeMap<u32, bool> = self
            .phone_checks()?
            .into_iter()
            .map(|c| (c.station, c.check.verified))
            .collect();
        let mut entries: std::collections::BTreeMap<u32, EntryState> = self
            .entry_states()?
            .into_iter()
            .map(|e| (e.station, e))
            .collect();
        let mut out = Vec::with_capacity(overview.len());
        for status in overview {
            let station = status.station;
            out.push(StationFacts {
                station,
                record: records.remove(&station),
                phone: status.status,
                phoned_at: status.at,
                quick_verified: checks.get(&station).copied(),
                entry: entries.remove(&station),
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
