//! `telraam status [--format text|json] [--filter KEY]`: the municipality's status
//! board for scripts, the same rows as the interface's board (docs/status.md).

use super::Cli;
use super::common::{fail, language, settings, workspace_dir};
use crate::board::{Board, Filter, Phase, Row, json};
use crate::i18n::say;
use crate::record::EntryMode;
use crate::storage::Workspace;

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// text (a table) or json (docs/status.md).
    #[arg(long, default_value = "text", value_name = "text|json")]
    pub format: String,
    /// Only these stations: all, not-received, phoned, in-entry, differences,
    /// received, finalised, second-look, phone-differs.
    #[arg(long, default_value = "all", value_name = "KEY")]
    pub filter: String,
}

pub use crate::board::words::{flag_words, phase_words};

fn record_words(row: &Row, english: bool) -> String {
    match &row.record {
        None => "-".to_string(),
        Some(r) => {
            let mode = match (r.mode, english) {
                (EntryMode::Counting, false) => "geteld",
                (EntryMode::Counting, true) => "counted",
                (EntryMode::Transcription, false) => "overgenomen",
                (EntryMode::Transcription, true) => "transcribed",
            };
            format!("v{} {mode}", r.version)
        }
    }
}

fn text(board: &Board, filter: Filter, english: bool) -> String {
    let counts = board.counts();
    let mut out = String::new();
    let mut parts = vec![if english {
        format!("{} polling stations", counts.stations)
    } else {
        format!("{} stembureaus", counts.stations)
    }];
    for (phase, n) in Phase::ALL.iter().zip(counts.phases) {
        parts.push(format!("{} {n}", phase_words(*phase, english)));
    }
    parts.push(format!(
        "{} {}",
        say("nakijken", "second look"),
        counts.second_look
    ));
    parts.push(format!(
        "{} {}",
        say("wijkt af van telefoon", "differs from phone"),
        counts.phone_differs
    ));
    out.push_str(&parts.join(" · "));
    out.push('\n');
    for row in board.visible(filter, "") {
        let look: Vec<String> = row
            .second_look
            .iter()
            .map(|f| flag_words(f, english))
            .collect();
        out.push_str(&format!(
            "{:>5}  {:<28} {:<14} {:<26} {:<16}{}\n",
            row.station,
            row.name.chars().take(28).collect::<String>(),
            phase_words(row.phase, english),
            crate::tui::text::phone_status(&row.phone, english),
            record_words(row, english),
            if look.is_empty() {
                String::new()
            } else {
                format!(" {}: {}", say("nakijken", "second look"), look.join(", "))
            }
        ));
    }
    out
}

pub fn run(cli: &Cli, args: &StatusArgs) -> u8 {
    let settings = match settings(cli) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let english = language(cli, &settings).is_ok_and(|l| l.is_english());
    let Some(filter) = Filter::parse(&args.filter) else {
        return fail(&format!(
            "--filter {}: {}",
            args.filter,
            say("onbekend filter", "unknown filter")
        ));
    };
    let json_wanted = match args.format.as_str() {
        "text" => false,
        "json" => true,
        other => {
            return fail(&format!(
                "--format {other}: {}",
                say("kies text of json", "choose text or json")
            ));
        }
    };
    let dir = workspace_dir(cli, &settings);
    if !Workspace::exists(&dir) {
        return fail(&format!(
            "{}: {}",
            dir.display(),
            say("hier is geen werkmap", "no workspace here")
        ));
    }
    // SQLite's quick check runs beside the reading of the board; nothing is printed
    // before it passed, and a damaged database is named as at any open.
    let (workspace, check) = match Workspace::open_read_only_checking(&dir) {
        Ok(opened) => opened,
        Err(e) => return fail(&format!("{}: {e}", dir.display())),
    };
    let board = Board::load(&workspace);
    if let Err(e) = check.wait() {
        return fail(&format!("{}: {e}", dir.display()));
    }
    let board = match board {
        Ok(b) => b,
        Err(e) => return fail(&format!("{}: {e}", dir.display())),
    };
    if json_wanted {
        print!("{}", json::document(workspace.election(), &board, filter));
    } else {
        print!("{}", text(&board, filter, english));
    }
    0
}
