//! The workspace the EML and totals commands read: it must exist, and only the
//! records that may be added up are given, with what a user reads when there are none.

use crate::cli::Cli;
use crate::cli::common::{fail, language, open_workspace_read_only, settings, workspace_dir};
use crate::cli::unsettled::{unsettled, unsettled_line};
use crate::election::Election;
use crate::i18n::say;
use crate::record::CountRecord;
use crate::settings::Language;
use crate::storage::Workspace;
use std::path::Path;

/// The workspace, which must exist, and the language.
pub(in crate::cli) fn open_existing(cli: &Cli) -> Result<(Workspace, Language), u8> {
    let settings = settings(cli)?;
    let lang = language(cli, &settings)?;
    let dir = workspace_dir(cli, &settings);
    if !Workspace::exists(&dir) {
        return Err(fail(&format!(
            "{}: {}",
            dir.display(),
            say(
                "hier is geen werkmap; lees eerst tellingen in (telraam import-eml --counts …)",
                "no workspace here; import counts first (telraam import-eml --counts …)"
            )
        )));
    }
    Ok((open_workspace_read_only(cli, &settings)?, lang))
}

/// What a user reads when nothing can be added up because no station at the desk is
/// accepted yet (the stations are named on the line before).
pub(in crate::cli) fn none_accepted(dir: &Path) -> String {
    format!(
        "{}: {}",
        dir.display(),
        say(
            "nog niets op te tellen: geen enkel stembureau is goedgekeurd",
            "nothing to add up yet: no polling station is accepted"
        )
    )
}

pub(in crate::cli) fn no_records(dir: &Path) -> String {
    format!(
        "{}: {}",
        dir.display(),
        say(
            "de werkmap bevat nog geen stembureau-uitslagen",
            "the workspace holds no station records yet"
        )
    )
}

/// The workspace's election and every station's latest record that may be added
/// up (not one still at the desk's double entry); a workspace must exist. Names the
/// stations left out on stderr.
pub(in crate::cli) fn workspace_records(
    cli: &Cli,
) -> Result<(Workspace, Election, Vec<CountRecord>, Language), u8> {
    let (workspace, lang) = open_existing(cli)?;
    let election = workspace.election().clone();
    let unsettled = unsettled(&workspace)?;
    let records: Vec<CountRecord> = workspace
        .records()
        .map_err(|e| fail(&format!("{}: {e}", workspace.dir().display())))?
        .into_iter()
        .filter(|r| !unsettled.contains_key(&r.station))
        .collect();
    if let Some(line) = unsettled_line(&unsettled, lang.is_english()) {
        eprintln!("telraam: {line}");
    }
    if records.is_empty() && !unsettled.is_empty() {
        return Err(fail(&none_accepted(workspace.dir())));
    }
    if records.is_empty() {
        return Err(fail(&no_records(workspace.dir())));
    }
    Ok((workspace, election, records, lang))
}
