//! Storing whole records (a result file, the annex's QR codes, a 510b, generated
//! counts): the lifecycle decides ([`crate::lifecycle::put`]), this writes it, all
//! records of one import in one transaction: all of them or, on any refusal, none.

use super::audit::{self, NewRow};
use super::{Demoted, StorageError, Workspace, db, entries, phone, records};
use crate::election::Election;
use crate::event::{AuditEvent, StoredTotals};
use crate::lifecycle;
use crate::record::CountRecord;
use rusqlite::Transaction;

impl Workspace {
    /// Stores a whole record (import of a result file or EML) as the station's latest version.
    ///
    /// A draft the station has is replaced. A finalised version is never replaced: the
    /// record must then carry a higher version (a corrigendum), or be identical to it
    /// (importing the same file twice changes nothing).
    ///
    /// A record that says finalised must pass the same gate as finalising in the
    /// interface ([`Gate`]); one that does not is stored as a draft, and the answer
    /// says why ([`Demoted`]).
    pub fn put_record(
        &mut self,
        record: &CountRecord,
        operator: &str,
        what: &str,
    ) -> Result<Option<Demoted>, StorageError> {
        self.put_records(std::slice::from_ref(record), operator, what)
            .map(|mut d| d.pop())
    }

    /// Stores several records in one transaction: all of them or, on any refusal, none.
    pub fn put_records(
        &mut self,
        records: &[CountRecord],
        operator: &str,
        what: &str,
    ) -> Result<Vec<Demoted>, StorageError> {
        self.put_records_each(records, operator, what)
            .map_err(|(_, e)| e)
    }

    /// As [`Workspace::put_records`]; a refusal also says which record (its index).
    pub fn put_records_each(
        &mut self,
        records: &[CountRecord],
        operator: &str,
        what: &str,
    ) -> Result<Vec<Demoted>, (usize, StorageError)> {
        self.put_records_with(records, operator, what, &[], None)
    }

    /// As [`Workspace::put_records_each`]; with `sources` (one per record), each
    /// record is the station's own (its QR codes or result file) and also counts as
    /// one entry of the desk's double entry ([`entries`]), in the same transaction.
    pub fn put_records_from(
        &mut self,
        records: &[CountRecord],
        operator: &str,
        what: &str,
        sources: &[crate::desk::Source],
    ) -> Result<Vec<Demoted>, (usize, StorageError)> {
        self.put_records_with(records, operator, what, sources, None)
    }

    /// Stores a 510b's records and the municipal totals it states for itself, in one
    /// transaction: the totals are a typed audit event ([`AuditEvent::Totals510b`]),
    /// read back by [`Workspace::totals_510b`].
    pub fn put_510b(
        &mut self,
        records: &[CountRecord],
        totals: Option<&StoredTotals>,
        operator: &str,
        what: &str,
    ) -> Result<Vec<Demoted>, StorageError> {
        self.put_records_with(records, operator, what, &[], totals)
            .map_err(|(_, e)| e)
    }

    fn put_records_with(
        &mut self,
        records: &[CountRecord],
        operator: &str,
        what: &str,
        sources: &[crate::desk::Source],
        totals: Option<&StoredTotals>,
    ) -> Result<Vec<Demoted>, (usize, StorageError)> {
        let election = self.election.clone();
        let whole = |e| (records.len(), e);
        let tx = self.begin().map_err(whole)?;
        let mut demoted = Vec::new();
        // The first record written is read back in full, the rest checked on the record.
        let mut first = true;
        for (i, record) in records.iter().enumerate() {
            let put = put_in(&tx, &election, record, operator, what, &mut first);
            if let Some(d) = put.map_err(|e| (i, e))? {
                demoted.push(d);
            }
            if let Some(&source) = sources.get(i) {
                entries::register_in(&tx, &election, record, source, operator)
                    .map_err(|e| (i, e))?;
            }
        }
        if let Some(totals) = totals {
            let event = AuditEvent::Totals510b(totals.clone());
            audit::append(
                &tx,
                NewRow {
                    station: None,
                    record_version: None,
                    event: &event,
                    operator,
                    record_hash: String::new(),
                },
            )
            .map_err(whole)?;
        }
        tx.commit().map_err(db).map_err(whole)?;
        Ok(demoted)
    }
}

/// Stores one record as the lifecycle decides, with its audit row; a full record that
/// arrived is compared with the record code phoned, if one was.
fn put_in(
    tx: &Transaction<'_>,
    election: &Election,
    record: &CountRecord,
    operator: &str,
    what: &str,
    first: &mut bool,
) -> Result<Option<Demoted>, StorageError> {
    let station = record.station;
    let versions = records::versions(tx, election, station)?;
    let put = lifecycle::put(election, &versions, record, what)?;
    let Some(event) = put.event else {
        return Ok(put.demoted);
    };
    for version in &put.delete {
        records::delete(tx, station, *version)?;
    }
    let body = if std::mem::take(first) {
        records::write(tx, election, &put.record)?
    } else {
        records::write_next(tx, election, &put.record)?
    };
    audit::append(
        tx,
        NewRow {
            station: Some(station),
            record_version: Some(put.record.lifecycle.version),
            event: &event,
            operator,
            record_hash: body.sha256,
        },
    )?;
    phone::compare_in(tx, election, station, operator)?;
    Ok(put.demoted)
}
