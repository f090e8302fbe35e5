//! `telraam audit verify` (and `audit show`).

use super::Cli;
use super::common::{EXIT_FOUND, fail, language, settings, workspace_dir};
use crate::i18n::say;
use crate::storage::Workspace;

#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    #[command(subcommand)]
    pub command: AuditCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum AuditCommand {
    /// Check the audit log's hash chain and the stored counts against it; exit 1
    /// naming the first bad row.
    Verify,
    /// Print the audit log, oldest first.
    Show {
        /// Only the rows about this polling station.
        #[arg(long, value_name = "N")]
        station: Option<u32>,
    },
}

pub fn run(cli: &Cli, args: &AuditArgs) -> u8 {
    let settings = match settings(cli) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let english = match language(cli, &settings) {
        Ok(l) => l.is_english(),
        Err(code) => return code,
    };
    let dir = workspace_dir(cli, &settings);
    if !Workspace::exists(&dir) {
        return fail(&format!(
            "{}: {}",
            dir.display(),
            say("hier is geen werkmap", "no workspace here")
        ));
    }
    let ws = match Workspace::open_read_only(&dir) {
        Ok(ws) => ws,
        Err(e) => return fail(&format!("{}: {e}", dir.display())),
    };
    match args.command {
        AuditCommand::Verify => match ws.audit_problem() {
            Ok(Ok(rows)) => {
                // The chain holds; now the whole database (the full integrity check,
                // and the summary table against the records).
                match ws.database_problem() {
                    Ok(None) => {}
                    Ok(Some(problem)) => {
                        eprintln!("telraam: {}: {problem}", Workspace::db_path(&dir).display());
                        return EXIT_FOUND;
                    }
                    Err(e) => return fail(&e.to_string()),
                }
                let head = ws.audit_head().unwrap_or_default();
                if english {
                    println!("audit log intact: {rows} rows; last hash {head}");
                } else {
                    println!("auditlog in orde: {rows} regels; laatste hash {head}");
                }
                0
            }
            Ok(Err(problem)) => {
                eprintln!("telraam: {}: {problem}", Workspace::db_path(&dir).display());
                EXIT_FOUND
            }
            Err(e) => fail(&e.to_string()),
        },
        AuditCommand::Show { station } => {
            let log = match ws.audit_log() {
                Ok(l) => l,
                Err(e) => return fail(&e.to_string()),
            };
            for e in log
                .iter()
                .filter(|e| station.is_none() || e.station == station)
            {
                let st = e
                    .station
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| "-".into());
                println!(
                    "{:>5}  {}  {:>3}  {:<20}  {} -> {}  ({})",
                    e.id, e.at, st, e.what, e.old_value, e.new_value, e.operator
                );
            }
            0
        }
    }
}
