//! `telraam verify FILE --code "..."` / `--quick-code "..."`: checks a code heard over
//! the phone against a result file: the record code (optionally with every section
//! code) or the quick-report code. Exit 0 when it matches, 1 when it does not (saying
//! what differs), 2 on bad input (including a group whose check digit is wrong).

use super::Cli;
use super::common::{EXIT_FOUND, fail, language, read_result, settings};
use crate::verification::{Comparison, QUICK_GROUPS, codes, compare, parse_code};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The result file (TOML) of one polling station.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The code as heard: the record code ("1234-5 6789-0 …", four groups),
    /// optionally followed by every section code in order.
    #[arg(long, value_name = "CODE", required_unless_present = "quick_code")]
    pub code: Option<String>,
    /// The quick-report code as heard (three groups), over E.1 … E.n, F, G and D.
    #[arg(long, value_name = "CODE", conflicts_with = "code")]
    pub quick_code: Option<String>,
    /// The election file, when the result file's election is not the workspace's.
    #[arg(long, value_name = "FILE")]
    pub election: Option<PathBuf>,
}

pub fn run(cli: &Cli, args: &VerifyArgs) -> u8 {
    let english = match settings(cli).and_then(|s| language(cli, &s)) {
        Ok(lang) => lang.is_english(),
        Err(status) => return status,
    };
    let (option, typed) = match (&args.code, &args.quick_code) {
        (_, Some(quick)) => ("--quick-code", quick),
        (Some(code), None) => ("--code", code),
        (None, None) => return fail("--code / --quick-code"),
    };
    let heard = match parse_code(typed) {
        Ok(groups) => groups,
        Err(e) => return fail(&format!("{option}: {e}")),
    };
    let input = match read_result(cli, &args.file, args.election.as_deref()) {
        Ok(input) => input,
        Err(status) => return status,
    };
    let expected = codes(&input.election, &input.record);
    let say = |nl: &str, en: &str| println!("{}", if english { en } else { nl });
    if args.quick_code.is_some() {
        if heard.len() != QUICK_GROUPS {
            return fail(&format!(
                "--quick-code: {}",
                if english {
                    format!("{} groups: expected {QUICK_GROUPS}", heard.len())
                } else {
                    format!("{} groepen: verwacht {QUICK_GROUPS}", heard.len())
                }
            ));
        }
        if heard == expected.quick {
            say(
                "De snelle-uitslagcode klopt: de lijsttotalen, F, G en D zijn goed overgekomen.",
                "The quick-report code matches: the list totals, F, G and D arrived intact.",
            );
            return 0;
        }
        say(
            "De snelle-uitslagcode klopt niet: lees de lijsttotalen, F, G en D opnieuw voor.",
            "The quick-report code does not match: read the list totals, F, G and D again.",
        );
        return EXIT_FOUND;
    }
    let comparison = match compare(&expected, &heard) {
        Ok(c) => c,
        Err(e) => return fail(&format!("--code: {e}")),
    };
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
        Comparison::EverySectionMatches => {
            say(
                "De controlecode klopt niet, maar alle sectiecodes wel. Laat de controlecode opnieuw voorlezen. \
                 Wijkt hij weer af, vergelijk dan de cijfers van elk onderdeel: een sectiecode van vier cijfers \
                 mist ongeveer één verschil op de 10 000.",
                "The record code does not match but every section code does. Have the record code read again. \
                 If it still differs, compare the figures of every section: a four-digit section code misses \
                 about one difference in 10,000.",
            );
            EXIT_FOUND
        }
    }
}
