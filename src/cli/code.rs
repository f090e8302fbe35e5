//! `telraam code FILE`: the quick-report code, the record code and the section codes of
//! a result file, to read aloud, and
//! the file's fingerprint for the paper annex.

use super::Cli;
use super::common::{language, read_result, settings};
use crate::verification::{codes, fingerprint};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct CodeArgs {
    /// The result file (TOML) of one polling station.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The election file, when the result file's election is not the workspace's.
    #[arg(long, value_name = "FILE")]
    pub election: Option<PathBuf>,
}

pub fn run(cli: &Cli, args: &CodeArgs) -> u8 {
    let english = match settings(cli).and_then(|s| language(cli, &s)) {
        Ok(lang) => lang.is_english(),
        Err(status) => return status,
    };
    let input = match read_result(cli, &args.file, args.election.as_deref()) {
        Ok(input) => input,
        Err(status) => return status,
    };
    let codes = codes(&input.election, &input.record);
    let (quick_label, record_label, sections_label, fingerprint_label) = if english {
        (
            "Quick-report code (E.1 … E.n, F, G, D)",
            "Record code (every box of the form)",
            "Section codes",
            "File fingerprint (SHA-256)",
        )
    } else {
        (
            "Code snelle uitslag (E.1 … E.n, F, G, D)",
            "Controlecode (elk vak van het proces-verbaal)",
            "Sectiecodes",
            "Vingerafdruk bestand (SHA-256)",
        )
    };
    println!("{quick_label}: {}", codes.quick_text());
    println!("{record_label}: {}", codes.record_text());
    println!("{sections_label}:");
    let width = codes
        .sections
        .iter()
        .map(|s| s.name(english).chars().count())
        .max()
        .unwrap_or(0);
    for section in &codes.sections {
        println!(
            "  {:width$}  {}",
            section.name(english),
            section.group,
            width = width
        );
    }
    println!("{fingerprint_label}: {}", fingerprint(&input.bytes));
    0
}
