//! `telraam` without a command: the count-night interface on the workspace.

use super::Cli;
use super::common::not_yet;

pub fn run(cli: &Cli) -> u8 {
    let _ = cli;
    not_yet("the interface")
}
