//! The `telraam` binary: see `telraam --help`.

use std::process::ExitCode;

fn main() -> ExitCode {
    quiet_on_closed_output();
    telraam::cli::run()
}

/// `telraam aggregate | head` closes the pipe before telraam has printed everything.
/// Rust ignores SIGPIPE, so `println!` then panics with "Broken pipe"; a user would see
/// a panic and a backtrace. Like other command-line tools, stop quietly instead: the
/// reader asked for no more. Every other panic is reported as usual.
fn quiet_on_closed_output() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(141);
        }
        default(info);
    }));
}
