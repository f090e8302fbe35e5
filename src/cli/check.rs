//! `telraam check FILE [--election FILE]`: prints every rule result of a result
//! file. Exit 0 when there is no error (warnings only, or nothing), 1 when there is
//! an error, 2 on bad input (the message names file, line and field).

use super::Cli;
use super::common::{self, EXIT_FOUND};
use crate::rules::{self, RuleResult, Severity};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The result file (TOML) of one polling station.
    pub file: PathBuf,
    /// The election file the result belongs to (default: the demo election or the workspace's).
    #[arg(long, value_name = "FILE")]
    pub election: Option<PathBuf>,
}

pub fn run(cli: &Cli, args: &CheckArgs) -> u8 {
    let settings = match common::settings(cli) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let english = match common::language(cli, &settings) {
        Ok(l) => l.is_english(),
        Err(code) => return code,
    };
    let input = match common::read_result(cli, &args.file, args.election.as_deref()) {
        Ok(input) => input,
        Err(code) => return code,
    };
    let results = rules::validate(&input.election, &input.record);
    let station = if english {
        "polling station"
    } else {
        "stembureau"
    };
    println!(
        "{}: {station} {}, {}",
        args.file.display(),
        input.record.station,
        input.election.id
    );
    for result in &results {
        println!("{}", line(result, english));
    }
    println!("{}", summary(&results, english));
    if rules::has_errors(&results) {
        EXIT_FOUND
    } else {
        0
    }
}

/// One result: `F.201 fout [A, B, D]: A + B = 1020, maar D … = 1021`.
fn line(result: &RuleResult, english: bool) -> String {
    format!(
        "{} {} [{}]: {}",
        result.code,
        crate::tui::text::severity(result.severity, english),
        crate::form::words::list_names(&result.boxes(), english, 8),
        result.message(english)
    )
}

fn summary(results: &[RuleResult], english: bool) -> String {
    let errors = results
        .iter()
        .filter(|r| r.severity == Severity::Error)
        .count();
    let warnings = results.len() - errors;
    match (errors, warnings, english) {
        (0, 0, false) => "Geen fouten en geen waarschuwingen.".into(),
        (0, 0, true) => "No errors and no warnings.".into(),
        (e, w, false) => format!(
            "{e} {}, {w} {}.",
            if e == 1 { "fout" } else { "fouten" },
            if w == 1 {
                "waarschuwing"
            } else {
                "waarschuwingen"
            }
        ),
        (e, w, true) => format!(
            "{e} {}, {w} {}.",
            if e == 1 { "error" } else { "errors" },
            if w == 1 { "warning" } else { "warnings" }
        ),
    }
}
