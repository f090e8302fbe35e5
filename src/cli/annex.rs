//! `telraam annex`: writes the PDF annex (bijlage) of a result file or of a
//! workspace station, and prints it with `lp` when asked.

use super::Cli;
use super::common::{self, fail};
use crate::annex::{self, AnnexInput};
use crate::election::Election;
use crate::i18n::say;
use crate::record::CountRecord;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct AnnexArgs {
    /// The result file (TOML) to print. Leave out with --station.
    #[arg(
        value_name = "FILE",
        required_unless_present = "station",
        conflicts_with = "station"
    )]
    pub file: Option<PathBuf>,
    /// A station of the workspace instead of a file: its latest version.
    #[arg(long, value_name = "N")]
    pub station: Option<u32>,
    /// Where to write the PDF.
    #[arg(short, long, value_name = "PDF")]
    pub output: PathBuf,
    /// The election file of the result file (default: the demo or the workspace's election).
    #[arg(long, value_name = "FILE")]
    pub election: Option<PathBuf>,
    /// Send the PDF to the printer with `lp` (the printer from the settings, if set).
    #[arg(long)]
    pub print: bool,
}

pub fn run(cli: &Cli, args: &AnnexArgs) -> u8 {
    let settings = match common::settings(cli) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let written = match (&args.file, args.station) {
        (Some(file), _) => from_file(cli, args, file),
        (None, Some(station)) => from_workspace(cli, &settings, args, station),
        (None, None) => Err(fail(&say(
            "geef een resultaatbestand of --station N",
            "give a result file or --station N",
        ))),
    };
    if let Err(code) = written {
        return code;
    }
    println!(
        "{}: {}",
        say("bijlage geschreven", "annex written"),
        args.output.display()
    );
    if args.print || settings.printing.print_after_writing {
        let outcome = annex::print(&args.output, &settings.printing.printer);
        match outcome {
            annex::PrintOutcome::Sent(_) => println!("{}", outcome.message(&args.output)),
            annex::PrintOutcome::NotPrinted(_) => {
                eprintln!("telraam: {}", outcome.message(&args.output))
            }
        }
    }
    0
}

fn from_file(cli: &Cli, args: &AnnexArgs, file: &Path) -> Result<(), u8> {
    let input = common::read_result(cli, file, args.election.as_deref())?;
    // The QR code and the fingerprint carry the file exactly as it was read.
    let text = String::from_utf8_lossy(&input.bytes).into_owned();
    let annex_input = AnnexInput::with_result_file(&input.election, &input.record, text, "");
    write(&annex_input, &args.output)
}

fn from_workspace(
    cli: &Cli,
    settings: &crate::settings::Settings,
    args: &AnnexArgs,
    station: u32,
) -> Result<(), u8> {
    let workspace = common::open_workspace_read_only(cli, settings)?;
    let record: CountRecord = match workspace.record(station) {
        Ok(Some(record)) => record,
        Ok(None) => {
            return Err(fail(&say(
                &format!("stembureau {station}: geen proces-verbaal in de werkmap"),
                &format!("station {station}: no record in the workspace"),
            )));
        }
        Err(e) => return Err(fail(&format!("{}: {e}", workspace.dir().display()))),
    };
    let election: &Election = workspace.election();
    let head = workspace
        .audit_head()
        .map_err(|e| fail(&format!("{}: {e}", workspace.dir().display())))?;
    let input = AnnexInput::new(election, &record, &head);
    write(&input, &args.output)
}

fn write(input: &AnnexInput, output: &Path) -> Result<(), u8> {
    annex::write(input, output).map_err(|e| {
        fail(&format!(
            "{}: {}: {e}",
            output.display(),
            say("bijlage niet geschreven", "annex not written")
        ))
    })
}
