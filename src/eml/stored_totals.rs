//! The municipal totals a 510b states for itself. Since schema 3 they are a typed
//! audit event in the workspace database ([`crate::event::AuditEvent::Totals510b`],
//! read with [`crate::storage::Workspace::totals_510b`]); before, they were kept in a
//! loose file beside it, which [`load_legacy`] reads once when such a workspace is
//! migrated.

pub use crate::event::StoredTotals;
use std::path::{Path, PathBuf};

/// The loose file an older telraam wrote.
pub const LEGACY_FILE: &str = "eml-510b-totals.toml";

pub fn legacy_path(dir: &Path) -> PathBuf {
    dir.join(LEGACY_FILE)
}

/// The totals an older telraam kept beside the database, if any.
pub fn load_legacy(dir: &Path) -> Result<Option<StoredTotals>, String> {
    let p = legacy_path(dir);
    if !p.exists() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
    toml::from_str(&text)
        .map(Some)
        .map_err(|e| format!("{}: {e}", p.display()))
}
