//! Runs the built `telraam` binary for the CLI tests (`tests/suite/cli_*.rs`,
//! `tests/suite/eml_cli.rs`).

use std::path::Path;
use std::process::{Command, Output};

/// Runs the binary with `home` as its home, config and data directories, so no settings
/// file or workspace of the machine running the tests leaks in.
pub fn telraam(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_telraam"))
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .output()
        .expect("run telraam")
}
