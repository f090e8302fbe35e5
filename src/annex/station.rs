//! The annex of a workspace station, as the interface's "print" step and
//! `telraam annex --station N` make it: written to the configured folder (else the
//! workspace's `annex` folder) under a name that says station and version, then
//! sent to the printer when one is configured.

use super::{AnnexError, AnnexInput, PrintOutcome};
use crate::record::CountRecord;
use crate::settings::Printing;
use crate::storage::{StorageError, Workspace};
use std::path::{Path, PathBuf};

/// A written annex and what printing did (None: printing was not asked for).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    pub printed: Option<PrintOutcome>,
}

/// Where the annex of `record` goes: `bijlage-stembureau-1-versie-2.pdf` in the
/// printing folder, or in `<workspace>/annex`.
pub fn annex_path(workspace_dir: &Path, printing: &Printing, record: &CountRecord) -> PathBuf {
    let dir = if printing.output_dir.trim().is_empty() {
        workspace_dir.join("annex")
    } else {
        PathBuf::from(printing.output_dir.trim())
    };
    dir.join(format!(
        "bijlage-stembureau-{}-versie-{}.pdf",
        record.station, record.lifecycle.version
    ))
}

/// Whether the settings ask for the annex to be printed after writing.
pub fn printing_configured(printing: &Printing) -> bool {
    printing.print_after_writing || !printing.printer.trim().is_empty()
}

/// Why a station's annex was not written.
#[derive(Debug)]
pub enum StationAnnexError {
    /// The workspace could not be read.
    Storage(StorageError),
    /// The station has no record yet.
    NoRecord(u32),
    /// The folder for the annex cannot be made.
    Folder { dir: PathBuf, detail: String },
    /// The PDF cannot be made or written.
    Annex(AnnexError),
}

impl std::fmt::Display for StationAnnexError {
    /// In the language chosen for messages ([`crate::i18n`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StationAnnexError::Storage(e) => write!(f, "{e}"),
            StationAnnexError::NoRecord(station) => f.write_str(&super::words::no_record(
                *station,
                crate::i18n::language().is_english(),
            )),
            StationAnnexError::Folder { dir, detail } => write!(f, "{}: {detail}", dir.display()),
            StationAnnexError::Annex(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for StationAnnexError {}

/// Writes the latest version of `station`'s record as an annex and prints it when
/// configured.
pub fn write_station(
    workspace: &Workspace,
    station: u32,
    printing: &Printing,
) -> Result<Written, StationAnnexError> {
    let record = workspace
        .record(station)
        .map_err(StationAnnexError::Storage)?
        .ok_or(StationAnnexError::NoRecord(station))?;
    let head = workspace.audit_head().map_err(StationAnnexError::Storage)?;
    let path = annex_path(workspace.dir(), printing, &record);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| StationAnnexError::Folder {
            dir: dir.to_path_buf(),
            detail: e.to_string(),
        })?;
    }
    let input = AnnexInput::new(workspace.election(), &record, &head);
    super::write(&input, &path).map_err(StationAnnexError::Annex)?;
    let printed =
        printing_configured(printing).then(|| super::print(&path, printing.printer.trim()));
    Ok(Written { path, printed })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::election::Election;
    use crate::record::EntryMode;

    #[test]
    fn the_annex_goes_to_the_configured_folder_or_the_workspace_and_names_station_and_version() {
        let e = Election::demo();
        let mut r = CountRecord::empty(&e, 3, EntryMode::Counting);
        r.lifecycle.version = 2;
        let default = annex_path(Path::new("/data/telraam"), &Printing::default(), &r);
        assert_eq!(
            default,
            Path::new("/data/telraam/annex/bijlage-stembureau-3-versie-2.pdf")
        );
        let printing = Printing {
            output_dir: "/media/usb".into(),
            ..Printing::default()
        };
        assert!(annex_path(Path::new("/x"), &printing, &r).starts_with("/media/usb"));
        assert!(!printing_configured(&printing));
        assert!(printing_configured(&Printing {
            printer: "kantoor".into(),
            ..Printing::default()
        }));
    }
}
