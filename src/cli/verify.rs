//! `telraam verify`.

use super::Cli;
use super::common::not_yet;

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {}

pub fn run(cli: &Cli, args: &VerifyArgs) -> u8 {
    let _ = (cli, args);
    not_yet("`verify`")
}
