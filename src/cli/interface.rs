//! `telraam` without a command: the count-night interface on the workspace.

use super::Cli;
use super::common::{fail, language, open_workspace, settings, workspace_dir};
use crate::storage::Workspace;

pub fn run(cli: &Cli) -> u8 {
    let settings = match settings(cli) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let language = match language(cli, &settings) {
        Ok(l) => l,
        Err(code) => return code,
    };
    // A write-protected workspace opens read-only; the interface says so.
    let dir = workspace_dir(cli, &settings);
    let opened = if Workspace::exists(&dir) && Workspace::folder_is_read_only(&dir) {
        Workspace::open_read_only(&dir).map_err(|e| fail(&format!("{}: {e}", dir.display())))
    } else {
        open_workspace(cli, &settings)
    };
    let mut workspace = match opened {
        Ok(w) => w,
        Err(code) => return code,
    };
    match crate::tui::run_with_printing(
        &mut workspace,
        language,
        &settings.operator(),
        &settings.printing,
    ) {
        Ok(()) => 0,
        Err(e) => fail(&format!("terminal: {e}")),
    }
}
