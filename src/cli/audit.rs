//! `telraam audit verify`.

use super::Cli;
use super::common::not_yet;

#[derive(Debug, clap::Args)]
pub struct AuditArgs {}

pub fn run(cli: &Cli, args: &AuditArgs) -> u8 {
    let _ = (cli, args);
    not_yet("`audit verify`")
}
