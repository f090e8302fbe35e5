//! Sending the annex to a printer with `lp`. A missing `lp` or printer is never
//! an error: the PDF is written already, and the message says where it is.

use std::path::Path;
use std::process::Command;

/// What happened when printing was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintOutcome {
    /// `lp` accepted the job (its own message, e.g. "request id is …").
    Sent(String),
    /// Printing did not happen, and why.
    NotPrinted(NotPrinted),
}

/// Why the annex was not printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotPrinted {
    /// The print command refused: what it said, and its exit status.
    Refused { said: String, status: String },
    /// The print command cannot be run.
    Unavailable { command: String, error: String },
}

impl PrintOutcome {
    /// One line for the operator, in the chosen language (`crate::i18n`).
    pub fn message(&self, pdf: &Path) -> String {
        super::words::print_outcome(self, pdf, crate::i18n::language().is_english())
    }
}

/// Prints `pdf` with `lp` (to `printer` when not empty).
pub fn print(pdf: &Path, printer: &str) -> PrintOutcome {
    print_with("lp", pdf, printer)
}

/// As [`print`], with the print command given (tests use a command that does not exist).
pub fn print_with(command: &str, pdf: &Path, printer: &str) -> PrintOutcome {
    let mut lp = Command::new(command);
    if !printer.is_empty() {
        lp.arg("-d").arg(printer);
    }
    lp.arg("--").arg(pdf);
    match lp.output() {
        Ok(out) if out.status.success() => {
            PrintOutcome::Sent(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        Ok(out) => PrintOutcome::NotPrinted(NotPrinted::Refused {
            said: String::from_utf8_lossy(&out.stderr).trim().to_string(),
            status: out.status.to_string(),
        }),
        Err(e) => PrintOutcome::NotPrinted(NotPrinted::Unavailable {
            command: command.to_string(),
            error: e.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_print_command_is_reported_not_fatal() {
        let outcome = print_with(
            "telraam-no-such-lp",
            Path::new("/tmp/bijlage.pdf"),
            "kantoor",
        );
        let PrintOutcome::NotPrinted(why) = &outcome else {
            panic!("{outcome:?}");
        };
        assert!(
            matches!(why, NotPrinted::Unavailable { command, .. } if command == "telraam-no-such-lp"),
            "{why:?}"
        );
        let reason = outcome.message(Path::new("/tmp/bijlage.pdf"));
        assert!(reason.contains("niet beschikbaar"), "{reason}");
        assert!(
            !reason.contains("not available"),
            "one language only: {reason}"
        );
        assert!(
            outcome
                .message(Path::new("/tmp/bijlage.pdf"))
                .contains("/tmp/bijlage.pdf")
        );
    }
}
