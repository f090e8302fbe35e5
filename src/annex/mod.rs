//! The printed annex (bijlage) to the paper proces-verbaal: a PDF made with printpdf.
//!
//! CONTRACT (filled in by the annex work; the CLI and the interface program against it).
//!
//! The work is split so that each step can be tested on its own: [`content`]
//! (in the core crate) decides what is printed in the order of the form (pure data), [`qr`] makes the
//! QR code(s) of the result file, [`layout`] places everything on A4 pages,
//! [`pdf`] writes the pages with the embedded [`fonts`], and [`print`] hands the
//! file to `lp`.

pub mod fonts;
pub mod layout;
pub mod pdf;
pub mod print;
pub mod qr;
mod qr_mask;
pub mod scan;
pub mod station;
pub mod words;

use std::path::{Path, PathBuf};

pub use print::{NotPrinted, PrintOutcome, print};
pub use qr::{JoinError, QrProblem};
/// What the annex prints ([`content`]) and its input are domain: they live in the
/// core crate; this module draws them.
pub use telraam_core::annex::{AnnexInput, content};

/// Why no annex was made. Displays in the language chosen for messages; the words
/// are in [`words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnnexError {
    /// The font embedded in the program could not be read (a broken build).
    Font,
    /// A QR code of the result file could not be made.
    Qr(QrProblem),
    /// The PDF could not be written to `path` (`message`: the system's words).
    Io { path: PathBuf, message: String },
}

impl std::fmt::Display for AnnexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&words::annex_error(
            self,
            crate::i18n::language().is_english(),
        ))
    }
}

impl std::error::Error for AnnexError {}

/// The annex as laid-out pages (what [`render`] draws), for inspection and tests.
pub fn pages(input: &AnnexInput) -> Result<Vec<layout::Page>, AnnexError> {
    let fonts = fonts::Fonts::get().ok_or(AnnexError::Font)?;
    let qr = qr::parts(&input.result_file).map_err(AnnexError::Qr)?;
    let annex = content::build(input, qr);
    Ok(layout::layout(&annex, fonts))
}

/// The annex as PDF bytes.
pub fn render(input: &AnnexInput) -> Result<Vec<u8>, AnnexError> {
    let fonts = fonts::Fonts::get().ok_or(AnnexError::Font)?;
    let pages = pages(input)?;
    let title = format!(
        "Bijlage proces-verbaal {} stembureau {}",
        input.election.name, input.record.station
    );
    Ok(pdf::write_pdf(&pages, fonts, &title))
}

/// Writes the annex atomically to `path`: a temporary file next to it, renamed
/// into place, so a half-written PDF never carries the final name.
pub fn write(input: &AnnexInput, path: &Path) -> Result<(), AnnexError> {
    let bytes = render(input)?;
    let io = |e: std::io::Error| AnnexError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut temp = path.as_os_str().to_owned();
    temp.push(".part");
    let temp = PathBuf::from(temp);
    std::fs::write(&temp, &bytes).map_err(io)?;
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        io(e)
    })
}
