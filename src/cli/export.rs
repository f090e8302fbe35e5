//! `telraam export`.

use super::Cli;
use super::common::not_yet;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {}

pub fn run(cli: &Cli, args: &ExportArgs) -> u8 {
    let _ = (cli, args);
    not_yet("`export`")
}
