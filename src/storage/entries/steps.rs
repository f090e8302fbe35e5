//! The desk's steps as [`Workspace`] methods: an entry started, a box typed, an
//! entry finished, kept or discarded; each one transaction with its audit row.

use super::{load, refused, store, write_accepted};
use crate::desk::{BoxValue, Desk, DeskError, Source, Stage};
use crate::election::Election;
use crate::event::{AuditEvent, DeskStep};
use crate::form::Target;
use crate::record::CountRecord;
use crate::storage::audit::{self, NewRow};
use crate::storage::{StorageError, Workspace, db};

impl Workspace {
    /// One step at the desk: load, change, store with its audit row, and write the
    /// accepted record when the step accepted the station; all in one transaction.
    fn desk_step(
        &mut self,
        station: u32,
        operator: &str,
        step: impl FnOnce(&Election, &mut Desk) -> Result<(u8, DeskStep), DeskError>,
    ) -> Result<Desk, StorageError> {
        self.check_station(station)?;
        let election = self.election.clone();
        let tx = self.begin()?;
        let mut desk = load(&tx, &election, station)?;
        let before = desk.stage();
        let (number, step) = step(&election, &mut desk).map_err(refused)?;
        let desk_hash = store(&tx, &desk)?;
        let after = desk.stage();
        audit::append(
            &tx,
            NewRow {
                station: Some(station),
                record_version: None,
                event: &AuditEvent::EntryStep {
                    number,
                    step,
                    stage: (after != before).then_some(after),
                },
                operator,
                record_hash: desk_hash,
            },
        )?;
        if after == Stage::Accepted && before != Stage::Accepted {
            write_accepted(&tx, &election, &desk, operator)?;
        }
        tx.commit().map_err(db)?;
        Ok(desk)
    }

    /// Starts the next entry of a station: typed from paper (`record` None), or the
    /// station's own record (its QR codes or result file). Returns the desk and the
    /// entry's number.
    pub fn start_entry(
        &mut self,
        station: u32,
        source: Source,
        record: Option<&CountRecord>,
        operator: &str,
    ) -> Result<(Desk, u8), StorageError> {
        let mut number = 0;
        let desk = self.desk_step(station, operator, |election, desk| {
            number = desk.start(election, operator, source, record.cloned())?;
            Ok((number, DeskStep::Started { source }))
        })?;
        Ok((desk, number))
    }

    /// Saves one box of an entry as typed from paper.
    pub fn save_entry_box(
        &mut self,
        station: u32,
        number: u8,
        target: Target,
        new: BoxValue,
        operator: &str,
    ) -> Result<Desk, StorageError> {
        self.desk_step(station, operator, |election, desk| {
            let old = desk.set(election, number, operator, target, new)?;
            Ok((number, DeskStep::Box { target, old, new }))
        })
    }

    /// The typist says the entry is complete (or its differences re-checked).
    pub fn finish_entry(
        &mut self,
        station: u32,
        number: u8,
        operator: &str,
    ) -> Result<Desk, StorageError> {
        self.desk_step(station, operator, |election, desk| {
            let from = desk.stage();
            desk.finish(election, number, operator)?;
            let differing = desk.differing.clone();
            Ok((number, DeskStep::Finished { from, differing }))
        })
    }

    /// The coordinator keeps entry `number`: the station is accepted.
    pub fn keep_entry(
        &mut self,
        station: u32,
        number: u8,
        operator: &str,
    ) -> Result<Desk, StorageError> {
        self.desk_step(station, operator, |_, desk| {
            desk.keep(number)?;
            Ok((number, DeskStep::Kept))
        })
    }

    /// The coordinator discards entry `number`, to be typed again.
    pub fn discard_entry(
        &mut self,
        station: u32,
        number: u8,
        operator: &str,
    ) -> Result<Desk, StorageError> {
        self.desk_step(station, operator, |_, desk| {
            let typist = desk
                .entry(number)
                .map(|e| e.operator.clone())
                .unwrap_or_default();
            desk.discard(number)?;
            Ok((number, DeskStep::Discarded { typist }))
        })
    }
}
