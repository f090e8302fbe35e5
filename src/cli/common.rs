//! What the commands share: settings, finding the workspace, reading a result file
//! with its election, reporting errors.

use super::Cli;
use crate::election::Election;
use crate::i18n::say;
use crate::record::CountRecord;
use crate::settings::{Language, Settings};
use crate::storage::{Workspace, lock};
use std::path::{Path, PathBuf};

/// Exit status: the check ran and found a problem (rule errors, a code that does not match).
pub const EXIT_FOUND: u8 = 1;
/// Exit status: bad input; nothing was written.
pub const EXIT_BAD_INPUT: u8 = 2;

/// The settings: `--config FILE`, else the platform's default settings file (missing: defaults).
pub fn settings(cli: &Cli) -> Result<Settings, u8> {
    let path = match &cli.config {
        Some(path) => {
            if !path.exists() {
                return Err(fail(&format!(
                    "{}: {}",
                    path.display(),
                    say(
                        "instellingenbestand niet gevonden",
                        "settings file not found"
                    )
                )));
            }
            path.clone()
        }
        None => match Settings::default_path() {
            Some(path) => path,
            None => return Ok(Settings::default()),
        },
    };
    Settings::load(&path).map_err(|e| fail(&e.to_string()))
}

/// The language of the messages, known before anything can go wrong: `--lang`, else
/// the settings file when it can be read, else Dutch.
pub fn early_language(cli: &Cli) -> Language {
    if let Some(language) = cli.lang.as_deref().and_then(Language::parse) {
        return language;
    }
    cli.config
        .clone()
        .or_else(Settings::default_path)
        .filter(|path| path.exists())
        .and_then(|path| Settings::load(&path).ok())
        .map(|settings| settings.language)
        .unwrap_or(Language::Dutch)
}

/// The interface language: `--lang`, else the settings file, else Dutch.
pub fn language(cli: &Cli, settings: &Settings) -> Result<Language, u8> {
    match &cli.lang {
        Some(text) => Language::parse(text).ok_or_else(|| {
            fail(&format!(
                "--lang {text}: {}",
                say("gebruik \"nl\" of \"en\"", "use \"nl\" or \"en\"")
            ))
        }),
        None => Ok(settings.language),
    }
}

/// The workspace directory: `--data DIR`, else the settings file's `data_dir`, else
/// the platform's user data directory.
pub fn workspace_dir(cli: &Cli, settings: &Settings) -> PathBuf {
    match (&cli.data, &settings.data_dir) {
        (Some(dir), _) => dir.clone(),
        (None, Some(dir)) => dir.clone(),
        (None, None) => dirs::data_dir()
            .unwrap_or_else(|| PathBuf::from("."))
            .join("telraam"),
    }
}

/// Opens (creating it when needed) the workspace, or prints why not and returns the exit status.
pub fn open_workspace(cli: &Cli, settings: &Settings) -> Result<Workspace, u8> {
    let dir = workspace_dir(cli, settings);
    Workspace::open(&dir).map_err(|e| fail(&format!("{}: {e}", dir.display())))
}

/// Opens an existing workspace for reading only (works on a write-protected copy),
/// or prints why not and returns the exit status.
pub fn open_workspace_read_only(cli: &Cli, settings: &Settings) -> Result<Workspace, u8> {
    let dir = workspace_dir(cli, settings);
    if !Workspace::exists(&dir) {
        return Err(fail(&format!(
            "{}: {}",
            dir.display(),
            say("hier is geen werkmap", "no workspace here")
        )));
    }
    Workspace::open_read_only(&dir).map_err(|e| fail(&format!("{}: {e}", dir.display())))
}

/// Before a command writes `stations` into the workspace: refuses (printing why, and
/// returning the exit status) when the audit log is broken — nothing is appended to
/// a broken chain without the operator's consent, which only the interface asks —
/// or when one of the stations is open in the interface; says so when the
/// interface has the workspace open on another station.
pub fn guard_write(dir: &Path, ws: &mut Workspace, stations: &[u32]) -> Result<(), u8> {
    // Nothing is appended to a broken audit chain from here: the interface asks the
    // operator first, and logs the answer.
    match ws.check_chain() {
        Ok(None) => {}
        Ok(Some(problem)) => {
            let row = problem.row;
            fail(&format!(
                "{}: {}",
                dir.display(),
                say(
                    &format!(
                        "auditregel {row}: {}; zie `telraam audit verify`; in telraam zelf \
                         kan de gebruiker ervoor kiezen door te werken (dat wordt vastgelegd)",
                        problem.reason(false)
                    ),
                    &format!(
                        "audit row {row}: {}; see `telraam audit verify`; in telraam itself \
                         the operator can choose to go on (which is logged)",
                        problem.reason(true)
                    ),
                )
            ));
            return Err(fail(&say("niets ingelezen", "nothing imported")));
        }
        Err(e) => return Err(fail(&format!("{}: {e}", dir.display()))),
    }
    // Someone typing in a station in the interface: that station is not overwritten
    // under their hands; other stations are imported, and the import says so.
    if let Some(holder) = lock::holder(dir) {
        if let Some(station) = holder.station
            && stations.contains(&station)
        {
            fail(&say(
                &format!(
                    "stembureau {station} is geopend in telraam door {}; sluit het daar \
                     eerst, of lees het later in",
                    holder.describe(false)
                ),
                &format!(
                    "station {station} is open in telraam by {}; close it there first, or \
                     import it later",
                    holder.describe(true)
                ),
            ));
            return Err(fail(&say("niets ingelezen", "nothing imported")));
        }
        eprintln!(
            "telraam: {}",
            say(
                &format!(
                    "telraam is geopend op deze werkmap door {}",
                    holder.describe(false)
                ),
                &format!(
                    "telraam is open on this workspace by {}",
                    holder.describe(true)
                ),
            )
        );
    }
    Ok(())
}

/// Reads an election file, naming the file in the error.
pub fn read_election(path: &Path) -> Result<Election, u8> {
    let text = std::fs::read_to_string(path).map_err(|e| fail(&unreadable(path, &e)))?;
    Election::from_toml(&text).map_err(|e| fail(&format!("{}: {e}", path.display())))
}

/// A result file read and checked against its election.
pub struct ResultInput {
    pub election: Election,
    pub record: CountRecord,
    /// The file's exact bytes (for its fingerprint and the annex's QR code).
    pub bytes: Vec<u8>,
}

/// Reads a result file and finds its election: `--election FILE` when given, else
/// the demo election when the ids match, else the workspace's election when it
/// matches. Bad input prints a message naming file, line and field.
pub fn read_result(
    cli: &Cli,
    file: &Path,
    election_file: Option<&Path>,
) -> Result<ResultInput, u8> {
    let bytes = std::fs::read(file).map_err(|e| fail(&unreadable(file, &e)))?;
    let text = String::from_utf8(bytes.clone()).map_err(|_| {
        fail(&format!(
            "{}: {}",
            file.display(),
            say("geen tekstbestand (UTF-8)", "not a text file (UTF-8)")
        ))
    })?;
    let election = match election_file {
        Some(path) => read_election(path)?,
        None => find_election(cli, file, &text)?,
    };
    let name = file.display().to_string();
    let record =
        crate::result_file::from_toml(&name, &text, &election).map_err(|e| fail(&e.to_string()))?;
    Ok(ResultInput {
        election,
        record,
        bytes,
    })
}

/// "file: bestand niet gevonden" and the like, for a file that cannot be read; the
/// system's own words only when they add something.
pub fn unreadable(file: &Path, error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => format!(
            "{}: {}",
            file.display(),
            say("bestand niet gevonden", "file not found")
        ),
        std::io::ErrorKind::PermissionDenied => format!(
            "{}: {}",
            file.display(),
            say("geen toegang", "permission denied")
        ),
        _ => format!(
            "{}: {} ({error})",
            file.display(),
            say("kan het bestand niet lezen", "cannot read the file")
        ),
    }
}

fn find_election(cli: &Cli, file: &Path, text: &str) -> Result<Election, u8> {
    if let Err(e) = toml::from_str::<toml::Table>(text) {
        // Malformed: say where, rather than that the election is unknown.
        let line = e
            .span()
            .map(|s| text.get(..s.start).unwrap_or(text).matches('\n').count() + 1);
        let at = line.map(|l| format!(":{l}")).unwrap_or_default();
        return Err(fail(&format!(
            "{}{at}: {}: {}",
            file.display(),
            say("ongeldig TOML-bestand", "malformed TOML"),
            e.message().trim()
        )));
    }
    let wanted = crate::result_file::peek_election_id(text);
    let demo = Election::demo();
    if wanted.as_deref() == Some(demo.id.as_str()) {
        return Ok(demo);
    }
    let settings = settings(cli)?;
    let dir = workspace_dir(cli, &settings);
    if Workspace::exists(&dir)
        && let Ok(workspace) = Workspace::open_read_only(&dir)
        && wanted.as_deref() == Some(workspace.election().id.as_str())
    {
        return Ok(workspace.election().clone());
    }
    let wanted = wanted.unwrap_or_default();
    Err(fail(&format!(
        "{}: {}",
        file.display(),
        say(
            &format!(
                "verkiezing \"{wanted}\" is hier onbekend; geef het verkiezingsbestand met \
                 --election BESTAND"
            ),
            &format!(
                "election \"{wanted}\" is not known here; give its election file with \
                 --election FILE"
            ),
        )
    )))
}

/// Prints `telraam: message` on stderr and returns the bad-input status.
pub fn fail(message: &str) -> u8 {
    eprintln!("telraam: {message}");
    EXIT_BAD_INPUT
}
