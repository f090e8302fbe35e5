//! Read-only access: a write-protected workspace (a copy on a locked USB stick, a
//! folder without write permission) can still be audited, exported and added up.

use super::{READ_ONLY, StorageError, Workspace, read_election, schema};
use std::path::Path;

impl Workspace {
    /// Opens an existing workspace for reading only. Nothing is created, seeded or
    /// changed; every change is refused with [`StorageError::ReadOnly`].
    pub fn open_read_only(dir: &Path) -> Result<Workspace, StorageError> {
        let conn = schema::connect_read_only(dir)?;
        let Some((election, _)) = read_election(&conn)? else {
            return Err(StorageError::Database(format!(
                "{}: the workspace holds no election / de werkmap bevat geen verkiezing",
                dir.display()
            )));
        };
        Ok(Workspace {
            dir: dir.to_path_buf(),
            election,
            conn,
            read_only: true,
        })
    }

    /// Whether the folder `dir` (or its database) is write-protected.
    pub fn folder_is_read_only(dir: &Path) -> bool {
        schema::is_read_only(dir)
    }

    /// Whether this workspace was opened read-only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Err([`StorageError::ReadOnly`]) when opened read-only.
    pub(super) fn writable(&self) -> Result<(), StorageError> {
        if self.read_only {
            return Err(StorageError::ReadOnly(READ_ONLY.to_string()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Field;

    #[test]
    fn a_full_disk_is_named_as_such_and_the_saved_figures_stay() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut ws = Workspace::open(dir.path()).expect("open");
        ws.save_field(1, Field::PollCards, Some(12), "Jansen")
            .expect("saved");
        // No room for one more page: what a full disk looks like to SQLite.
        let pages: i64 = ws
            .conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .expect("page count");
        ws.conn
            .execute_batch(&format!("PRAGMA max_page_count = {pages}"))
            .expect("limit");
        let note = "x".repeat(64 * 1024);
        let err = ws.save_note(1, &note, "Jansen").expect_err("no room");
        assert!(matches!(err, StorageError::DiskFull(_)), "{err:?}");
        assert!(err.to_string().contains("de schijf is vol"), "{err}");
        let record = ws.record(1).expect("readable").expect("there");
        assert_eq!(record.voters.poll_cards, Some(12));
        assert!(record.differences.note.is_empty());
        ws.verify_audit().expect("chain intact");
    }

    #[test]
    fn a_workspace_opened_read_only_refuses_every_change_saying_so() {
        let dir = tempfile::tempdir().expect("temp dir");
        Workspace::open(dir.path()).expect("create");
        let mut ws = Workspace::open_read_only(dir.path()).expect("read-only");
        let err = ws
            .save_field(1, Field::PollCards, Some(1), "Jansen")
            .expect_err("read-only");
        assert!(err.to_string().contains("alleen-lezen"), "{err}");
        assert!(ws.records().expect("records").is_empty());
    }
}
