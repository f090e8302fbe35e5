//! `telraam audit verify` (and `audit show`).

use super::Cli;
use super::common::{EXIT_FOUND, fail, language, settings, workspace_dir};
use crate::event::AuditEvent;
use crate::form::{Target, words};
use crate::i18n::say;
use crate::storage::{AuditEntry, Workspace};

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
                    e.id,
                    e.at,
                    st,
                    what(e, english),
                    e.old_value,
                    e.new_value,
                    e.operator
                );
            }
            0
        }
    }
}

/// The row's `what` column as people read the form: a box by its letter and words
/// ("H  totaal uitgebrachte stemmen", "lijst 3, kandidaat 2", "ontvangen
/// stembiljetten"), never by its internal key ("field stock.received", "cand.3.2").
/// Display only: the stored column (part of the hash chain) stays as written.
fn what(e: &AuditEntry, english: bool) -> String {
    let name = |t: Target| words::full_name(t, english);
    let cleared = |what: String| {
        if english {
            format!("{what} cleared (not asked while D and H are equal)")
        } else {
            format!("{what} gewist (niet gevraagd zolang D en H gelijk zijn)")
        }
    };
    match AuditEvent::from_stored(&e.event) {
        Ok(AuditEvent::Field { field, .. }) => name(Target::Count(field)),
        Ok(AuditEvent::Mark { mark, .. }) => name(Target::Mark(mark)),
        Ok(AuditEvent::Cleared { target, .. }) => cleared(match target {
            Some(t) => name(t),
            None => (if english { "note" } else { "toelichting" }).into(),
        }),
        // A row written before the typed events (schema 3): its column names the key.
        _ => match e
            .what
            .strip_prefix("field ")
            .or_else(|| e.what.strip_prefix("mark "))
            .and_then(Target::parse)
        {
            Some(t) => name(t),
            None => e.what.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Field, Mark};

    fn row(event: Option<AuditEvent>, what: &str) -> AuditEntry {
        AuditEntry {
            id: 7,
            station: Some(1),
            record_version: Some(1),
            what: what.into(),
            old_value: String::new(),
            new_value: "12".into(),
            at: "2026-03-18T21:04:05.123Z".into(),
            operator: "test".into(),
            record_hash: String::new(),
            prev_hash: String::new(),
            hash: String::new(),
            event: event.map(|e| e.to_stored()).unwrap_or_default(),
        }
    }

    fn field(field: Field) -> AuditEntry {
        let event = AuditEvent::Field {
            field,
            old: None,
            new: Some(12),
        };
        let what = event.what();
        row(Some(event), &what)
    }

    #[test]
    fn an_audit_row_names_the_box_as_the_form_does_not_by_its_key() {
        let received = field(Field::BallotsReceived);
        assert_eq!(received.what, "field stock.received", "the stored column");
        assert_eq!(what(&received, false), "ontvangen stembiljetten");
        assert_eq!(what(&received, true), "ballots received");
        let candidate = field(Field::Candidate {
            list: 3,
            candidate: 2,
        });
        assert_eq!(what(&candidate, false), "lijst 3, kandidaat 2");
        assert_eq!(what(&candidate, true), "list 3, candidate 2");
        let h = field(Field::TotalCast);
        assert_eq!(what(&h, false), "H  totaal uitgebrachte stemmen");
        let mark = AuditEvent::Mark {
            mark: Mark::Equal,
            old: false,
            new: true,
        };
        let what_column = mark.what();
        assert_eq!(what(&row(Some(mark), &what_column), false), "vakje D = H");
    }

    #[test]
    fn a_cleared_answer_and_an_old_row_without_an_event_read_as_the_form_does() {
        let cleared = AuditEvent::Cleared {
            target: Some(Target::Mark(Mark::ExplainedNo)),
            old: "true".into(),
        };
        let column = cleared.what();
        assert!(column.contains("mark explained.no"), "{column}");
        assert_eq!(
            what(&row(Some(cleared), &column), true),
            "explained: no cleared (not asked while D and H are equal)"
        );
        // Written before schema 3: no event, only the column.
        assert_eq!(
            what(&row(None, "field cand.3.2"), false),
            "lijst 3, kandidaat 2"
        );
        assert_eq!(what(&row(None, "finalise"), false), "finalise");
    }
}
