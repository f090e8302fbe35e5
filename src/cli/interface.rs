//! `telraam` without a command: the count-night interface on the workspace.

use super::Cli;
use super::common::{fail, language, open_workspace, settings};

pub fn run(cli: &Cli) -> u8 {
    let settings = match settings(cli) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let language = match language(cli, &settings) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let mut workspace = match open_workspace(cli, &settings) {
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
