//! The command line (clap). Each command lives in its own file and returns an
//! exit status: 0 fine, 1 the check found something (rule errors, a code that does
//! not match), 2 bad input (nothing written).

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

pub mod common;

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
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a workspace for an election file.
    Init {
        #[arg(long, value_name = "FILE")]
        election: PathBuf,
    },
    /// Add result files to the workspace.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write one station's result file.
    Export {
        #[arg(long)]
        station: u32,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
    /// Print every rule result of a result file; exit 1 on an error.
    Check { file: PathBuf },
    /// The audit log.
    Audit {
        #[command(subcommand)]
        action: AuditAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditAction {
    /// Check the audit-log chain and name the first bad row.
    Verify,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let code = match &cli.command {
        None => common::not_yet("the interface"),
        Some(_) => common::not_yet("this command"),
    };
    ExitCode::from(code)
}
