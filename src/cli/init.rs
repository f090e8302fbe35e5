//! `telraam init --election FILE`: create a workspace for an election.

use super::Cli;
use super::common::{fail, read_election, settings, workspace_dir};
use crate::i18n::say;
use crate::storage::Workspace;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The election file (TOML), e.g. samples/juinen/election.toml.
    #[arg(long, value_name = "FILE")]
    pub election: PathBuf,
}

pub fn run(cli: &Cli, args: &InitArgs) -> u8 {
    let settings = match settings(cli) {
        Ok(s) => s,
        Err(code) => return code,
    };
    // Read and check the election before anything is created.
    let election = match read_election(&args.election) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let dir = workspace_dir(cli, &settings);
    match Workspace::init_by(&dir, election, &settings.operator()) {
        Ok(ws) => {
            let e = ws.election();
            let (lists, stations) = (e.lists.len(), e.stations.len());
            println!(
                "{}: {} ({}), {}",
                dir.display(),
                e.id,
                e.name,
                say(
                    &format!("{lists} lijsten, {stations} stembureaus"),
                    &format!("{lists} lists, {stations} polling stations")
                )
            );
            0
        }
        Err(e) => fail(&e.to_string()),
    }
}
