//! The words of the annex's outcomes, Dutch and English: scanned QR parts that do
//! not give a record back, what printing did, and why no annex was made. The one
//! place where [`JoinError`], [`PrintOutcome`] and [`AnnexError`] become sentences.

use super::{AnnexError, JoinError, NotPrinted, PrintOutcome, QrProblem};
use std::path::Path;

fn pick(english: bool, nl: String, en: String) -> String {
    if english { en } else { nl }
}

/// Why the scanned QR parts do not give the record back.
pub fn join_error(e: &JoinError, english: bool) -> String {
    match e {
        JoinError::NoHeader => pick(
            english,
            "QR-deel zonder kopregel".into(),
            "a QR part without its header line".into(),
        ),
        JoinError::NotAPart(header) => pick(
            english,
            format!("geen telraam-QR-deel: {header}"),
            format!("not a telraam QR part: {header}"),
        ),
        JoinError::DifferentRecords => pick(
            english,
            "QR-delen van verschillende processen-verbaal".into(),
            "QR parts of different records".into(),
        ),
        JoinError::Incomplete { scanned, total } => pick(
            english,
            format!(
                "{scanned} van {total} QR-delen gescand, of delen van verschillende \
                 processen-verbaal"
            ),
            format!("{scanned} of {total} QR parts scanned, or parts of different records"),
        ),
        JoinError::NotWhole => pick(
            english,
            "de QR-delen geven het proces-verbaal niet heel terug: scan ze opnieuw".into(),
            "the QR parts do not give the record back whole: scan them again".into(),
        ),
    }
}

/// One line for the operator on what printing the annex at `pdf` did.
pub fn print_outcome(outcome: &PrintOutcome, pdf: &Path, english: bool) -> String {
    match outcome {
        PrintOutcome::Sent(detail) => format!(
            "{}: {} {}",
            if english {
                "sent to the printer"
            } else {
                "naar de printer gestuurd"
            },
            pdf.display(),
            detail.trim()
        ),
        PrintOutcome::NotPrinted(why) => format!(
            "{}; {} {}",
            not_printed(why, english),
            if english {
                "the PDF is at"
            } else {
                "de PDF staat in"
            },
            pdf.display()
        ),
    }
}

fn not_printed(why: &NotPrinted, english: bool) -> String {
    match why {
        NotPrinted::Refused { said, status } => pick(
            english,
            format!("niet afgedrukt: {said} ({status})"),
            format!("not printed: {said} ({status})"),
        ),
        NotPrinted::Unavailable { command, error } => pick(
            english,
            format!("niet afgedrukt: `{command}` is niet beschikbaar ({error})"),
            format!("not printed: `{command}` is not available ({error})"),
        ),
    }
}

/// A station without a record has no annex.
pub fn no_record(station: u32, english: bool) -> String {
    pick(
        english,
        format!("stembureau {station} heeft nog geen proces-verbaal"),
        format!("station {station} has no record yet"),
    )
}

/// Why no annex was made.
pub fn annex_error(e: &AnnexError, english: bool) -> String {
    match e {
        AnnexError::Font => pick(
            english,
            "het ingebouwde lettertype is onleesbaar".into(),
            "the embedded font could not be read".into(),
        ),
        AnnexError::Qr(QrProblem::TooLarge { bytes }) => pick(
            english,
            format!("QR-code: {bytes} bytes passen niet in één code"),
            format!("QR code: {bytes} bytes do not fit one code"),
        ),
        AnnexError::Qr(QrProblem::Encoder(said)) => pick(
            english,
            format!("QR-code: {said}"),
            format!("QR code: {said}"),
        ),
        AnnexError::Qr(QrProblem::EncoderFailed) => pick(
            english,
            "QR-code: het maken van de code is mislukt".into(),
            "QR code: encoder failed".into(),
        ),
        AnnexError::Qr(QrProblem::NoMask) => pick(
            english,
            "QR-code: geen masker".into(),
            "QR code: no mask".into(),
        ),
        AnnexError::Io { path, message } => format!("{}: {message}", path.display()),
    }
}
