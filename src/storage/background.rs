//! The audit-chain check at the interface's start, run on its own read-only
//! connection in another thread, so that the first frame does not wait for every
//! stored record to be hashed (at 10,000 stations: 180 MB). Nothing is written
//! before it is in: the first change waits for it ([`Workspace::settle_chain_check`]),
//! and a broken chain then blocks writing as [`Workspace::check_chain`] does.

use super::{AuditProblem, StorageError, Workspace};
use std::thread::JoinHandle;

type Finding = Result<Option<AuditProblem>, StorageError>;

/// The background check: still running, or done and not yet reported.
pub(super) enum Background {
    Running(JoinHandle<Finding>),
    Done(Finding),
}

impl Workspace {
    /// Starts checking the audit chain (as [`Workspace::check_chain`]) in the background.
    pub fn check_chain_in_background(&mut self) {
        let dir = self.dir.clone();
        let handle = std::thread::spawn(move || -> Finding {
            // This workspace ran SQLite's quick check when it was opened: the second
            // connection does not read every page again.
            let ws = Workspace::open_read_only_checked_before(&dir)?;
            Ok(ws.audit_problem()?.err())
        });
        self.background = Some(Background::Running(handle));
    }

    /// Whether the background check is still running.
    pub fn chain_check_running(&self) -> bool {
        matches!(&self.background, Some(Background::Running(h)) if !h.is_finished())
    }

    /// Waits for the background check, if one runs; a broken chain blocks writing.
    pub(super) fn settle_chain_check(&mut self) {
        if !matches!(self.background, Some(Background::Running(_))) {
            return;
        }
        if let Some(Background::Running(handle)) = self.background.take() {
            let finding = handle
                .join()
                .unwrap_or(Err(StorageError::ChainCheckStopped));
            if let Ok(Some(problem)) = &finding {
                self.blocked = Some(problem.clone());
            }
            self.background = Some(Background::Done(finding));
        }
    }

    /// The background check's finding, once, when it is in: Ok(Some(problem)) for a
    /// broken chain (writing is then blocked). None while it runs or when reported.
    pub fn chain_check_finding(&mut self) -> Option<Finding> {
        if self.chain_check_running() {
            return None;
        }
        self.settle_chain_check();
        match self.background.take() {
            Some(Background::Done(finding)) => Some(finding),
            other => {
                self.background = other;
                None
            }
        }
    }
}
