//! What the commands share: finding the workspace, reporting errors.

use crate::storage::Workspace;
use std::path::{Path, PathBuf};

/// Exit status: the check ran and found a problem (rule errors, a code that does not match).
pub const EXIT_FOUND: u8 = 1;
/// Exit status: bad input; nothing was written.
pub const EXIT_BAD_INPUT: u8 = 2;

/// The workspace directory: `--data DIR`, else the platform's user data directory.
pub fn workspace_dir(data: Option<&Path>) -> PathBuf {
    match data {
        Some(dir) => dir.to_path_buf(),
        None => dirs::data_dir()
            .unwrap_or_else(|| PathBuf::from("."))
            .join("telraam"),
    }
}

/// Opens the workspace, or prints why not and returns the exit status.
pub fn open_workspace(data: Option<&Path>) -> Result<Workspace, u8> {
    let dir = workspace_dir(data);
    Workspace::open(&dir).map_err(|e| fail(&format!("{}: {e}", dir.display())))
}

/// Prints `telraam: message` on stderr and returns the bad-input status.
pub fn fail(message: &str) -> u8 {
    eprintln!("telraam: {message}");
    EXIT_BAD_INPUT
}

/// Temporary: commands that are not built yet say so plainly.
pub fn not_yet(what: &str) -> u8 {
    fail(&format!("{what} is not available yet"))
}
