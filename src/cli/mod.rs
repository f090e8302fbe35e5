//! The command line (clap). Each command lives in its own file, defines its own
//! arguments and returns an exit status: 0 fine, 1 the check found something (rule
//! errors, a code that does not match), 2 bad input (nothing written).

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

pub mod annex;
pub mod audit;
pub mod check;
pub mod code;
pub mod common;
pub mod eml;
pub mod export;
pub mod generate;
pub mod import;
pub mod init;
pub mod interface;
pub mod status;
pub mod unsettled;
pub mod verify;
pub mod write_loop;

/// Count-night companion for Dutch polling-station supervisors.
#[derive(Debug, Parser)]
#[command(name = "telraam", version, about)]
pub struct Cli {
    /// Workspace directory (default: the platform's user data directory).
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Interface language: nl (default) or en.
    #[arg(long, global = true, value_name = "nl|en")]
    pub lang: Option<String>,
    /// Settings file (default: the platform's config directory, telraam/telraam.toml).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a workspace for an election file.
    Init(init::InitArgs),
    /// Add result files to the workspace.
    Import(import::ImportArgs),
    /// Write one station's result file.
    Export(export::ExportArgs),
    /// Print every rule result of a result file; exit 1 on an error.
    Check(check::CheckArgs),
    /// The audit log.
    Audit(audit::AuditArgs),
    /// Print the verification code of a result file.
    Code(code::CodeArgs),
    /// Check a verification code heard over the phone against a result file.
    Verify(verify::VerifyArgs),
    /// Write the PDF annex (bijlage) of a result file or a workspace station.
    Annex(annex::AnnexArgs),
    /// Import the Kiesraad's EML_NL files (110a, 110b, 230b; or a 510b count).
    ImportEml(eml::ImportEmlArgs),
    /// The municipality's status board: every station, where it stands.
    Status(status::StatusArgs),
    /// Add up every station's record into municipal totals.
    Aggregate(eml::AggregateArgs),
    /// Write the workspace's counts as an EML_NL 510b file.
    ExportEml(eml::ExportEmlArgs),
    /// Write the workspace's counts as the OSV "4-3" CSV.
    ExportCsv(eml::ExportCsvArgs),
    /// Save fields in a loop (for the crash test).
    #[command(hide = true)]
    WriteLoop(write_loop::WriteLoopArgs),
    /// Generate an election and its counts of any size, to measure telraam (README "Performance").
    #[command(hide = true)]
    Generate(generate::GenerateArgs),
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    // Every message from here on in the chosen language only.
    crate::i18n::set(common::early_language(&cli));
    let code = match &cli.command {
        None => interface::run(&cli),
        Some(Command::Init(args)) => init::run(&cli, args),
        Some(Command::Import(args)) => import::run(&cli, args),
        Some(Command::Export(args)) => export::run(&cli, args),
        Some(Command::Check(args)) => check::run(&cli, args),
        Some(Command::Audit(args)) => audit::run(&cli, args),
        Some(Command::Code(args)) => code::run(&cli, args),
        Some(Command::Verify(args)) => verify::run(&cli, args),
        Some(Command::Annex(args)) => annex::run(&cli, args),
        Some(Command::ImportEml(args)) => eml::import_eml(&cli, args),
        Some(Command::Status(args)) => status::run(&cli, args),
        Some(Command::Aggregate(args)) => eml::aggregate(&cli, args),
        Some(Command::ExportEml(args)) => eml::export_eml(&cli, args),
        Some(Command::ExportCsv(args)) => eml::export_csv(&cli, args),
        Some(Command::WriteLoop(args)) => write_loop::run(&cli, args),
        Some(Command::Generate(args)) => generate::run(&cli, args),
    };
    ExitCode::from(code)
}
