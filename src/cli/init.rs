//! `telraam init`.

use super::Cli;
use super::common::not_yet;

#[derive(Debug, clap::Args)]
pub struct InitArgs {}

pub fn run(cli: &Cli, args: &InitArgs) -> u8 {
    let _ = (cli, args);
    not_yet("`init`")
}
