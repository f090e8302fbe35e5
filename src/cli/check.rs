//! `telraam check`.

use super::Cli;
use super::common::not_yet;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {}

pub fn run(cli: &Cli, args: &CheckArgs) -> u8 {
    let _ = (cli, args);
    not_yet("`check`")
}
