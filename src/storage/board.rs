//! What the status board reads of every station, in one pass and without parsing
//! a record body: the summary table (state, version, mode, D, E and the list
//! totals of the latest version), the phone table ([`Workspace::phone_overview`],
//! which keeps each station's comparison with the record code phoned) and the
//! desk's stage column ([`Workspace::entry_states`]).

use super::entries::EntryState;
use super::summary::{self, Head, parse_mode, parse_state};
use super::{StorageError, Workspace, db, phone};
use crate::record::{EntryMode, RecordState};
use crate::verification::receive::PhoneStatus;
use std::collections::HashMap;

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
    /// facts and its phone status. One pass over the summary table (its small rows:
    /// no figures table, no record body), the phone table and the desk's stage column.
    pub fn station_facts(&self) -> Result<Vec<StationFacts>, StorageError> {
        let tx = self.conn.unchecked_transaction().map_err(db)?;
        // The phone table keeps each station's comparison: no record is parsed here
        // unless it changed after it was compared.
        let checks = phone::read_all(&tx)?;
        // Per station with a record, by station number (the table's key): its facts,
        // and the SHA-256 of its body where a phone check needs it.
        let mut records: Vec<(u32, RecordFacts, Option<String>)> = Vec::new();
        {
            let mut stmt = tx
                .prepare_cached(
                    "SELECT station, version, state, mode, head, body_sha256 FROM summary \
                     ORDER BY station",
                )
                .map_err(db)?;
            let mut rows = stmt.query([]).map_err(db)?;
            while let Some(row) = rows.next().map_err(db)? {
                let station: u32 = row.get(0).map_err(db)?;
                let unreadable = || StorageError::SummaryUnreadable { station };
                let state = row.get_ref(2).map_err(db)?.as_str().ok();
                let mode = row.get_ref(3).map_err(db)?.as_str().ok();
                let head = row.get_ref(4).map_err(db)?.as_blob().ok();
                let facts = RecordFacts {
                    version: row.get(1).map_err(db)?,
                    state: state.and_then(parse_state).ok_or_else(unreadable)?,
                    mode: mode.and_then(parse_mode).ok_or_else(unreadable)?,
                    head: head.and_then(summary::decode_head).ok_or_else(unreadable)?,
                };
                let body = match checks.contains_key(&station) {
                    true => Some(row.get(5).map_err(db)?),
                    false => None,
                };
                records.push((station, facts, body));
            }
        }
        let mut entries: HashMap<u32, EntryState> = self
            .entry_states()?
            .into_iter()
            .map(|e| (e.station, e))
            .collect();
        let mut stations: Vec<u32> = self.election.stations.iter().map(|s| s.number).collect();
        stations.sort_unstable();
        let mut records = records.into_iter().peekable();
        let mut out = Vec::with_capacity(stations.len());
        for station in stations {
            // Both by station number: walk them side by side.
            while records.next_if(|(s, _, _)| *s < station).is_some() {}
            let (record, body) = match records.next_if(|(s, _, _)| *s == station) {
                Some((_, facts, body)) => (Some(facts), body),
                None => (None, None),
            };
            let row = checks.get(&station);
            // A station with a record has a body; its hash was read where phoned.
            let body = body.or_else(|| record.as_ref().map(|_| String::new()));
            let phone = phone::station_status(&tx, &self.election, station, body.as_deref(), row)?;
            out.push(StationFacts {
                station,
                record,
                phone,
                phoned_at: row.map(|r| r.entry.at.clone()),
                quick_verified: row.map(|r| r.entry.check.verified),
                entry: entries.remove(&station),
            });
        }
        tx.finish().map_err(db)?;
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

        // Phoned: station 2 as its record says, station 3 before its record is in.
        ws.record_phone_check(2, &heard(&election, &record), "Bert")
            .unwrap();
        let mut three = CountRecord::empty(&election, 3, EntryMode::Transcription);
        three.set(Field::TotalAdmitted, Some(7));
        ws.record_phone_check(3, &heard(&election, &three), "Bert")
            .unwrap();
        let facts = ws.station_facts().unwrap();
        let phone: Vec<_> = facts.iter().map(|f| f.phone.clone()).collect();
        let expected: Vec<_> = ws
            .phone_overview()
            .unwrap()
            .into_iter()
            .map(|s| s.status)
            .collect();
        assert_eq!(phone, expected);
        let distinct: std::collections::BTreeSet<String> =
            expected.iter().map(|s| format!("{s:?}")).collect();
        assert_eq!(distinct.len(), 3, "three different statuses: {expected:?}");
        assert_eq!(facts[1].quick_verified, Some(true));
    }

    /// The check the municipality stores after hearing `record`'s quick report and codes.
    fn heard(election: &Election, record: &CountRecord) -> crate::event::PhoneCheckEvent {
        let c = crate::verification::codes(election, record);
        crate::event::PhoneCheckEvent {
            verified: true,
            quick: c.quick.clone(),
            expected: c.record.clone(),
            figures: Some(
                crate::verification::canonical::quick_fields(election)
                    .into_iter()
                    .map(|field| crate::event::Figure {
                        field,
                        value: record.get(field),
                    })
                    .collect(),
            ),
            figures_sha256: "ab12".into(),
            migrated_from_row: None,
        }
    }
}
