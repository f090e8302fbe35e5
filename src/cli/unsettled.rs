//! Which stations `aggregate` and the exports leave out: those still at the desk's
//! double entry (entered, not accepted). See `docs/desk.md`: a station without any
//! entry (a station-side count, or a municipality's 510b, settled where it was made)
//! counts as its record stands.

use super::common::fail;
use crate::desk::Stage;
use crate::storage::Workspace;
use std::collections::BTreeMap;

/// The stations still at the desk's double entry (not accepted), with their stage.
pub fn unsettled(workspace: &Workspace) -> Result<BTreeMap<u32, Stage>, u8> {
    workspace
        .unsettled()
        .map_err(|e| fail(&format!("{}: {e}", workspace.dir().display())))
}

/// "Not added up: …" naming the stations still at the desk, if any.
pub fn unsettled_line(unsettled: &BTreeMap<u32, Stage>, en: bool) -> Option<String> {
    if unsettled.is_empty() {
        return None;
    }
    let names: Vec<String> = unsettled
        .iter()
        .map(|(station, stage)| format!("{station} ({})", stage_name(*stage, en)))
        .collect();
    let (n, list) = (unsettled.len(), names.join(", "));
    Some(match (en, n) {
        (true, 1) => {
            format!(
                "Not added up: 1 polling station whose double entry is not accepted yet: {list}"
            )
        }
        (true, _) => format!(
            "Not added up: {n} polling stations whose double entry is not accepted yet: {list}"
        ),
        (false, 1) => format!(
            "Niet opgeteld: 1 stembureau waarvan de dubbele invoer nog niet is goedgekeurd: {list}"
        ),
        (false, _) => format!(
            "Niet opgeteld: {n} stembureaus waarvan de dubbele invoer nog niet is goedgekeurd: \
             {list}"
        ),
    })
}

pub fn stage_name(stage: Stage, en: bool) -> &'static str {
    match (stage, en) {
        (Stage::NoEntry, false) => "geen invoer",
        (Stage::NoEntry, true) => "no entry",
        (Stage::FirstEntry, false) => "eerste invoer bezig",
        (Stage::FirstEntry, true) => "first entry in progress",
        (Stage::AwaitingSecond, false) => "wacht op tweede invoer",
        (Stage::AwaitingSecond, true) => "awaiting the second entry",
        (Stage::SecondEntry, false) => "tweede invoer bezig",
        (Stage::SecondEntry, true) => "second entry in progress",
        (Stage::Differences, false) => "verschillen nakijken",
        (Stage::Differences, true) => "differences to re-check",
        (Stage::AtCoordinator, false) => "bij de coördinator",
        (Stage::AtCoordinator, true) => "with the coordinator",
        (Stage::Accepted, false) => "goedgekeurd",
        (Stage::Accepted, true) => "accepted",
    }
}
