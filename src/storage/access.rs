//! Read-only access: a write-protected workspace (a copy on a locked USB stick, a
//! folder without write permission) can still be audited, exported and added up.

use super::schema::QuickCheck;
use super::{AuditProblem, StorageError, Workspace, read_election, schema};
use std::path::Path;

impl Workspace {
    /// Opens an existing workspace for reading only. Nothing is created, seeded or
    /// changed; every change is refused with [`StorageError::ReadOnly`].
    pub fn open_read_only(dir: &Path) -> Result<Workspace, StorageError> {
        Workspace::read_only_on(dir, schema::connect_read_only(dir)?)
    }

    /// As [`Workspace::open_read_only`], without the quick check: for a second
    /// connection of a workspace that ran it when it was opened (the audit-chain
    /// check in the background).
    pub(super) fn open_read_only_checked_before(dir: &Path) -> Result<Workspace, StorageError> {
        Workspace::read_only_on(dir, schema::connect_read_only_unchecked(dir)?)
    }

    /// As [`Workspace::open_read_only`], with SQLite's quick check running on a
    /// connection and thread of its own while the caller reads: show nothing read
    /// before [`QuickCheck::wait`] said Ok (a damaged database is refused then, with
    /// the same words as at any open). `telraam status` reads its board so.
    pub fn open_read_only_checking(dir: &Path) -> Result<(Workspace, QuickCheck), StorageError> {
        let (conn, check) = schema::connect_read_only_checking(dir)?;
        match Workspace::read_only_on(dir, conn) {
            Ok(ws) => Ok((ws, check)),
            // The check's finding first: a damaged file explains an unreadable election.
            Err(e) => {
                check.wait()?;
                Err(e)
            }
        }
    }

    /// The read-only workspace on `conn`, with its election.
    fn read_only_on(dir: &Path, conn: rusqlite::Connection) -> Result<Workspace, StorageError> {
        let Some((election, _)) = read_election(&conn)? else {
            return Err(StorageError::NoElection {
                dir: dir.to_path_buf(),
            });
        };
        Ok(Workspace {
            dir: dir.to_path_buf(),
            election,
            conn,
            read_only: true,
            blocked: None,
            background: None,
            latest: Default::default(),
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

    /// Whether a change would be saved now: not read-only, and no broken audit chain
    /// waiting for the operator's consent.
    pub fn can_write(&self) -> bool {
        self.writable().is_ok()
    }

    /// SQLite's `data_version`: changes when another connection (another process)
    /// commits a change, so a window can show fresh figures.
    pub fn data_version(&self) -> Result<i64, StorageError> {
        self.conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(|e| super::classify(&e))
    }

    /// Err([`StorageError::ReadOnly`]) when opened read-only; Err when the audit
    /// chain was found broken and the operator has not consented to go on.
    pub(super) fn writable(&self) -> Result<(), StorageError> {
        if self.read_only {
            return Err(StorageError::ReadOnly {
                file: None,
                detail: None,
            });
        }
        if let Some(problem) = &self.blocked {
            return Err(StorageError::Blocked(problem.clone()));
        }
        Ok(())
    }

    /// Checks the audit chain (as `audit verify` does). When it is broken, every
    /// change is refused from now on, until [`Workspace::accept_broken_chain`]:
    /// nothing is appended to a broken chain without the operator's consent.
    pub fn check_chain(&mut self) -> Result<Option<AuditProblem>, StorageError> {
        let problem = self.audit_problem()?.err();
        self.blocked = problem.clone();
        Ok(problem)
    }

    /// The operator saw that the chain is broken and chose to go on: that choice is
    /// the first row appended (naming the broken row), then changes are saved again.
    /// `audit verify` keeps naming the broken row.
    pub fn accept_broken_chain(&mut self, operator: &str) -> Result<(), StorageError> {
        let Some(problem) = self.blocked.take() else {
            return Ok(());
        };
        let said = format!("row {}: {}", problem.row, problem.reason(true));
        if let Err(e) = self.log_event(
            None,
            &crate::event::AuditEvent::BrokenChainAccepted { said },
            operator,
        ) {
            self.blocked = Some(problem);
            return Err(e);
        }
        Ok(())
    }
}

/// The audit-log event of an operator going on with a broken chain.
pub use crate::event::BROKEN_CHAIN_ACCEPTED;

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
        // H = 11 against D = 12: a difference, so the form asks for a note.
        ws.save_field(1, Field::ListTotal(1), Some(11), "Jansen")
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
        assert!(matches!(err, StorageError::DiskFull { .. }), "{err:?}");
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
