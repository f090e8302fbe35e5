//! `telraam import`.

use super::Cli;
use super::common::not_yet;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {}

pub fn run(cli: &Cli, args: &ImportArgs) -> u8 {
    let _ = (cli, args);
    not_yet("`import`")
}
