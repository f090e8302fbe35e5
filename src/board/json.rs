//! The board as JSON for scripts (`telraam status --format json`), written by hand
//! (no JSON library needed for one flat document). The format is documented in
//! `docs/status.md`; its keys are stable and language-neutral.

use super::{Board, EntryCell, Filter, Flag, Phase, Row};
use crate::election::Election;
use crate::record::{EntryMode, RecordState};
use crate::verification::receive::PhoneStatus;
use std::fmt::Write;

/// `text` as a JSON string, quotes included.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A percentage with one decimal.
fn percent(value: f64) -> String {
    format!("{:.1}", (value * 10.0).round() / 10.0)
}

fn flag(f: &Flag) -> String {
    match f {
        Flag::ListShare {
            list,
            here,
            average,
        } => format!(
            "{{\"kind\": \"list-share\", \"list\": {list}, \"percent\": {}, \"others_percent\": {}}}",
            percent(*here),
            percent(*average)
        ),
        Flag::Turnout { here, average } => format!(
            "{{\"kind\": \"turnout\", \"percent\": {}, \"others_percent\": {}}}",
            percent(*here),
            percent(*average)
        ),
    }
}

fn phone(row: &Row) -> String {
    let located = match &row.phone {
        PhoneStatus::RecordDiffers { located } => format!(
            ", \"sections\": [{}], \"lists\": [{}]",
            located
                .sections
                .iter()
                .map(|s| string(s))
                .collect::<Vec<_>>()
                .join(", "),
            located
                .lists
                .iter()
                .map(|l| l.list.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => String::new(),
    };
    let at = row.phoned_at.as_deref().map_or("null".to_string(), string);
    let quick = match row.quick_verified {
        None => "null",
        Some(true) => "\"verified\"",
        Some(false) => "\"differs\"",
    };
    format!(
        "{{\"status\": \"{}\", \"quick\": {quick}, \"at\": {at}{located}}}",
        row.phone.key()
    )
}

fn entry_cell(cell: EntryCell) -> String {
    match cell {
        EntryCell::Empty => "null".to_string(),
        EntryCell::Typing => "\"typing\"".to_string(),
        EntryCell::Done(source) => format!("\"{}\"", source.key()),
    }
}

fn desk(row: &Row) -> String {
    match &row.desk {
        None => "null".to_string(),
        Some(d) => format!(
            "{{\"stage\": \"{}\", \"first\": {}, \"second\": {}, \"differing\": {}, \"accepted\": {}}}",
            d.stage.key(),
            entry_cell(d.first),
            entry_cell(d.second),
            d.differing.map_or("null".to_string(), |n| n.to_string()),
            d.accepted
        ),
    }
}

fn record(row: &Row) -> String {
    match &row.record {
        None => "null".to_string(),
        Some(r) => format!(
            "{{\"version\": {}, \"state\": \"{}\", \"mode\": \"{}\"}}",
            r.version,
            match r.state {
                RecordState::Draft => "draft",
                RecordState::Finalised => "finalised",
            },
            match r.mode {
                EntryMode::Counting => "counting",
                EntryMode::Transcription => "transcription",
            }
        ),
    }
}

fn option_bool(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "true",
        Some(false) => "false",
        None => "null",
    }
}

/// The whole document: the election, the counts per phase, and every row the
/// filter admits.
pub fn document(election: &Election, board: &Board, filter: Filter) -> String {
    let counts = board.counts();
    let mut out = String::new();
    let _ = writeln!(out, "{{");
    let _ = writeln!(out, "  \"format\": \"telraam-status-1\",");
    let _ = writeln!(out, "  \"election\": {},", string(&election.id));
    let _ = writeln!(out, "  \"filter\": \"{}\",", filter.key());
    let _ = writeln!(out, "  \"counts\": {{");
    let _ = writeln!(out, "    \"stations\": {},", counts.stations);
    for (phase, n) in Phase::ALL.iter().zip(counts.phases) {
        let _ = writeln!(out, "    \"{}\": {n},", phase.key());
    }
    let _ = writeln!(out, "    \"second-look\": {},", counts.second_look);
    let _ = writeln!(out, "    \"phone-differs\": {}", counts.phone_differs);
    let _ = writeln!(out, "  }},");
    let _ = writeln!(out, "  \"stations\": [");
    let rows = board.visible(filter, "");
    for (i, row) in rows.iter().enumerate() {
        let flags: Vec<String> = row.second_look.iter().map(flag).collect();
        let _ = write!(
            out,
            "    {{\"number\": {}, \"name\": {}, \"phase\": \"{}\", \"phone\": {}, \
             \"entries\": {}, \"record\": {}, \"record_matches_phone\": {}, \
             \"finalised\": {}, \"second_look\": [{}]}}",
            row.station,
            string(&row.name),
            row.phase.key(),
            phone(row),
            desk(row),
            record(row),
            option_bool(row.matches_phone()),
            row.finalised(),
            flags.join(", ")
        );
        let _ = writeln!(out, "{}", if i + 1 < rows.len() { "," } else { "" });
    }
    let _ = writeln!(out, "  ]");
    let _ = writeln!(out, "}}");
    out
}
