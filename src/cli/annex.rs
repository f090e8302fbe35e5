//! `telraam annex`.

use super::Cli;
use super::common::not_yet;

#[derive(Debug, clap::Args)]
pub struct AnnexArgs {}

pub fn run(cli: &Cli, args: &AnnexArgs) -> u8 {
    let _ = (cli, args);
    not_yet("`annex`")
}
