//! Sending the annex to a printer with `lp`. A missing `lp` or printer is never
//! an error: the PDF is written already, and the message says where it is.

use crate::i18n::say;
use std::path::Path;
use std::process::Command;

/// What happened when printing was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintOutcome {
    /// `lp` accepted the job (its own message, e.g. "request id is …").
    Sent(String),
    /// Printing did not happen; the reason, in the chosen language.
    NotPrinted(String),
}

impl PrintOutcome {
    /// One line for the operator, in the chosen language (`crate::i18n`).
    pub fn message(&self, pdf: &Path) -> String {
        match self {
            PrintOutcome::Sent(detail) => format!(
                "{}: {} {}",
                say("naar de printer gestuurd", "sent to the printer"),
                pdf.display(),
                detail.trim()
            ),
            PrintOutcome::NotPrinted(reason) => format!(
                "{reason}; {} {}",
                say("de PDF staat in", "the PDF is at"),
                pdf.display()
            ),
        }
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
        Ok(out) => PrintOutcome::NotPrinted(format!(
            "{}: {} ({})",
            say("niet afgedrukt", "not printed"),
            String::from_utf8_lossy(&out.stderr).trim(),
            out.status
        )),
        Err(e) => PrintOutcome::NotPrinted(format!(
            "{} ({e})",
            say(
                &format!("niet afgedrukt: `{command}` is niet beschikbaar"),
                &format!("not printed: `{command}` is not available")
            )
        )),
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
        let PrintOutcome::NotPrinted(reason) = &outcome else {
            panic!("{outcome:?}");
        };
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
