//! What the runtime does for the board: read it from the workspace, and import a
//! scanned record as `telraam import` does (the station's own record, so at the
//! desk one entry of the double entry, source "qr-scan").

use super::{BoardMsg, Imported, Request};
use crate::board::Board;
use crate::desk::Source;
use crate::i18n::say;
use crate::result_file;
use crate::storage::Workspace;

/// Carries out one request of the board; the answer goes back to the App.
pub fn carry_out(workspace: &mut Workspace, operator: &str, request: Request) -> BoardMsg {
    match request {
        Request::Load => match Board::load(workspace) {
            Ok(board) => BoardMsg::Loaded(board),
            // An empty board that says why rather than a stale one.
            Err(e) => BoardMsg::LoadFailed(e.to_string()),
        },
        Request::Import(text) => BoardMsg::Imported(import(workspace, operator, &text)),
    }
}

fn import(workspace: &mut Workspace, operator: &str, text: &str) -> Result<Imported, String> {
    let name = say("gescande QR-codes", "scanned QR codes");
    let record =
        result_file::from_toml(&name, text, workspace.election()).map_err(|e| e.to_string())?;
    let english = crate::i18n::language().is_english();
    let demoted = workspace
        .put_records_from(
            std::slice::from_ref(&record),
            operator,
            "import",
            &[Source::QrScan],
        )
        .map_err(|(_, e)| e.to_string())?;
    Ok(Imported {
        station: record.station,
        version: record.lifecycle.version,
        demoted: demoted.first().map(|d| d.message(english)),
    })
}
