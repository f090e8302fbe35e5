//! The municipal totals a 510b states for itself, kept in the workspace directory
//! (`eml-510b-totals.toml`) so that `telraam aggregate` can compare the added-up
//! records with them later.

use crate::aggregate::Totals;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const FILE_NAME: &str = "eml-510b-totals.toml";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredTotals {
    /// The 510b the totals come from (as given on the command line).
    pub source: String,
    /// Its SHA-256 in groups of four.
    pub fingerprint: String,
    pub election_id: String,
    pub totals: Totals,
}

pub fn path(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

/// Writes the totals next to the workspace database.
pub fn save(dir: &Path, stored: &StoredTotals) -> Result<(), String> {
    let text = toml::to_string(stored).map_err(|e| e.to_string())?;
    std::fs::write(path(dir), text).map_err(|e| format!("{}: {e}", path(dir).display()))
}

/// The stored totals, if a 510b was imported into this workspace.
pub fn load(dir: &Path) -> Result<Option<StoredTotals>, String> {
    let p = path(dir);
    if !p.exists() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
    toml::from_str(&text)
        .map(Some)
        .map_err(|e| format!("{}: {e}", p.display()))
}
