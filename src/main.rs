//! The `telraam` binary: see `telraam --help`.

use std::process::ExitCode;

fn main() -> ExitCode {
    telraam::cli::run()
}
