//! `telraam export --station N -o FILE`: write one station's result file, atomically.

use super::Cli;
use super::common::{fail, settings, workspace_dir};
use crate::i18n::say;
use crate::storage::{Workspace, audit::sha256_hex, write_atomic};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The polling station's number.
    #[arg(long, value_name = "N")]
    pub station: u32,
    /// The result file to write (replaced whole or not at all).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
}

pub fn run(cli: &Cli, args: &ExportArgs) -> u8 {
    let settings = match settings(cli) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let dir = workspace_dir(cli, &settings);
    if !Workspace::exists(&dir) {
        return fail(&format!(
            "{}: {}",
            dir.display(),
            say(
                "hier is geen werkmap; begin met `telraam init`",
                "no workspace here; run `telraam init` first"
            )
        ));
    }
    // A write-protected workspace can still be exported; only the audit row that
    // says so cannot be written (and the user is told).
    let opened = if Workspace::folder_is_read_only(&dir) {
        Workspace::open_read_only(&dir)
    } else {
        Workspace::open(&dir)
    };
    let mut ws = match opened {
        Ok(ws) => ws,
        Err(e) => return fail(&format!("{}: {e}", dir.display())),
    };
    let record = match ws.record(args.station) {
        Ok(Some(r)) => r,
        Ok(None) => {
            return fail(&format!(
                "--station {}: {}",
                args.station,
                say(
                    "de werkmap heeft geen telling voor dit stembureau",
                    "the workspace has no count for this station"
                )
            ));
        }
        Err(e) => return fail(&e.to_string()),
    };
    let text = crate::result_file::to_toml(&record);
    if let Err(e) = write_atomic(&args.output, text.as_bytes()) {
        return fail(&e.to_string());
    }
    // Which count left the machine, and as what file.
    let note = format!(
        "{} sha256:{}",
        args.output.display(),
        sha256_hex(text.as_bytes())
    );
    if ws.is_read_only() {
        eprintln!(
            "telraam: {}: {}",
            dir.display(),
            say(
                "de werkmap is alleen-lezen, dus deze export staat niet in het auditlog",
                "the workspace is read-only, so this export is not in its audit log"
            )
        );
    } else if let Err(e) = ws.log_event(
        Some(args.station),
        &crate::event::AuditEvent::Exported { note },
        &settings.operator(),
    ) {
        return fail(&e.to_string());
    }
    let (station, version) = (record.station, record.lifecycle.version);
    let state = match record.lifecycle.state {
        crate::record::RecordState::Draft => say("concept", "draft"),
        crate::record::RecordState::Finalised => say("vastgesteld", "finalised"),
    };
    println!(
        "{}: {}",
        args.output.display(),
        say(
            &format!("stembureau {station} versie {version} ({state})"),
            &format!("station {station} version {version} ({state})")
        )
    );
    0
}
