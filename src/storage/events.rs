//! Reading typed audit events back as data ([`crate::event`]): a station's events,
//! the warnings acknowledged for its draft, a 510b's own totals.

use super::{AuditEntry, StorageError, Workspace, audit, db};
use crate::event::{AuditEvent, StoredTotals};
use rusqlite::OptionalExtension;

impl Workspace {
    /// The typed events of one station's audit rows (`None`: the rows about no station,
    /// such as the election or a 510b's totals), oldest first, each with its row (time,
    /// operator). Rows written before schema 3 carry no event and are left out.
    pub fn events(
        &self,
        station: Option<u32>,
    ) -> Result<Vec<(AuditEntry, AuditEvent)>, StorageError> {
        audit::events_of(&self.conn, station)
    }

    /// The warnings acknowledged for the station's current draft, from its typed audit
    /// events (a new version starts with none).
    pub fn acknowledged_warnings(&self, station: u32) -> Result<Vec<String>, StorageError> {
        let events = audit::events_of(&self.conn, Some(station))?;
        Ok(crate::event::acknowledged(events.iter().map(|(_, e)| e)))
    }

    /// The municipal totals of the last 510b imported, as its audit event keeps them.
    pub fn totals_510b(&self) -> Result<Option<StoredTotals>, StorageError> {
        let text: Option<String> = self
            .conn
            .query_row(
                "SELECT event FROM audit WHERE station IS NULL AND event != '' \
                 AND json_extract(event, '$.kind') = 'totals510b' ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(db)?;
        match text.map(|t| AuditEvent::from_stored(&t)) {
            None => Ok(None),
            Some(Ok(AuditEvent::Totals510b(totals))) => Ok(Some(totals)),
            Some(_) => Err(StorageError::Database(
                "the stored 510b totals cannot be read / de opgeslagen 510b-totalen zijn \
                 onleesbaar"
                    .into(),
            )),
        }
    }
}
