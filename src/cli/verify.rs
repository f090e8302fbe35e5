//! `telraam verify FILE --code "..."`: checks a code heard over the phone against a
//! result file. Exit 0 when it matches, 1 when it does not (naming the sections to
//! read again), 2 on bad input (including a group whose check digit is wrong).

use super::Cli;
use super::common::{EXIT_FOUND, fail, language, read_result, settings};
use crate::verification::{Comparison, codes, compare, parse_code};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The result file (TOML) of one polling station.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The code as heard: the record code ("1234-5 6789-0 …", four groups),
    /// optionally followed by every section code in order.
    #[arg(long, value_name = "CODE")]
    pub code: String,
    /// The election file, when the result file's election is not the workspace's.
    #[arg(long, value_name = "FILE")]
    pub election: Option<PathBuf>,
}

pub fn run(cli: &Cli, args: &VerifyArgs) -> u8 {
    let english = match settings(cli).and_then(|s| language(cli, &s)) {
        Ok(lang) => lang.is_english(),
        Err(status) => return status,
    };
    let heard = match parse_code(&args.code) {
        Ok(groups) => groups,
        Err(e) => return fail(&format!("--code: {e}")),
    };
    let input = match read_result(cli, &args.file, args.election.as_deref()) {
        Ok(input) => input,
        Err(status) => return status,
    };
    let expected = codes(&input.election, &input.record);
    let comparison = match compare(&expected, &heard) {
        Ok(c) => c,
        Err(e) => return fail(&format!("--code: {e}")),
    };
    let say = |nl: &str, en: &str| println!("{}", if english { en } else { nl });
    match comparison {
        Comparison::Match => {
            say(
                "De code klopt: alle cijfers zijn goed overgekomen.",
                "The code matches: every figure arrived intact.",
            );
            0
        }
        Comparison::Differs { sections } => {
            say(
                "De code klopt niet. Lees deze onderdelen opnieuw voor:",
                "The code does not match. Read these sections again:",
            );
            for s in sections {
                println!("  {} ({})", s.name(english), s.key);
            }
            EXIT_FOUND
        }
        Comparison::DiffersSectionsUnknown => {
            say(
                "De code klopt niet. Geef ook de sectiecodes (telraam code) om te zien welke cijfers verschillen.",
                "The code does not match. Give the section codes too (telraam code) to see which figures differ.",
            );
            EXIT_FOUND
        }
        Comparison::RecordCodeMisheard => {
            say(
                "De controlecode klopt niet, maar alle sectiecodes wel: de controlecode is verkeerd verstaan. Vraag hem opnieuw.",
                "The record code does not match but every section code does: the record code was misheard. Ask for it again.",
            );
            EXIT_FOUND
        }
    }
}
