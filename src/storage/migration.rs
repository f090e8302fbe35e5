//! The frame every schema migration shares: one immediate transaction, begun only
//! while the database is still at the version it migrates from (a second window may
//! have migrated it meanwhile), and the new version number written in that same
//! transaction. A crash in between leaves the old version, migrated again at the next
//! open.

use super::StorageError;
use super::db;
use rusqlite::{Connection, Transaction, TransactionBehavior};

/// The migration's transaction, or `None` when the database is no longer at `from`.
pub(super) fn begin(
    conn: &mut Connection,
    from: i64,
) -> Result<Option<Transaction<'_>>, StorageError> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(db)?;
    let version: i64 = tx
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(db)?;
    Ok((version == from).then_some(tx))
}

/// Writes version `to` and commits everything the migration did, at once.
pub(super) fn finish(tx: Transaction<'_>, to: i64) -> Result<(), StorageError> {
    tx.execute_batch(&format!("PRAGMA user_version = {to}"))
        .map_err(db)?;
    tx.commit().map_err(db)
}
