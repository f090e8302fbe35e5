//! `telraam code`.

use super::Cli;
use super::common::not_yet;

#[derive(Debug, clap::Args)]
pub struct CodeArgs {}

pub fn run(cli: &Cli, args: &CodeArgs) -> u8 {
    let _ = (cli, args);
    not_yet("`code`")
}
