//! The figures of the record as the annex prints them: the rows of
//! [`crate::printout`] (the same the Vaststellen screen shows), in Dutch, the form's
//! letters kept exactly.

use super::{Block, CandidateRow, CandidateTable, EMPTY, Figure, Section, figure_text};
use crate::annex::AnnexInput;
use crate::form::{Target, words};
use crate::printout::{self, Heading, Row, StockLine};
use crate::record::Field;

/// "méér getelde stembiljetten" → "Méér getelde stembiljetten".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn yes_no(answer: Option<bool>, both: bool) -> &'static str {
    match answer {
        Some(true) => "ja",
        Some(false) => "nee",
        None if both => "ja én nee aangekruist",
        None => "niet beantwoord",
    }
}

fn plain(label: &str, value: String, total: bool) -> Figure {
    Figure {
        letter: String::new(),
        label: label.to_string(),
        value,
        total,
    }
}

/// One row as the annex prints it.
fn figure(input: &AnnexInput, row: &Row) -> Figure {
    match row {
        Row::Figure {
            target,
            value,
            total,
        } => {
            let label = match target {
                Target::Count(Field::ListTotal(list)) => {
                    let name = input
                        .election
                        .list(*list)
                        .map(|p| p.name.as_str())
                        .unwrap_or("");
                    format!("Lijst {list} – {name}")
                }
                _ => capitalised(&words::label(*target, false)),
            };
            Figure {
                letter: words::letter(*target),
                label,
                value: figure_text(*value),
                total: *total,
            }
        }
        Row::Ticked(marks) => {
            let ticked: Vec<&str> = marks.iter().map(|m| words::comparison(*m)).collect();
            let value = if ticked.is_empty() {
                "geen vakje".to_string()
            } else {
                ticked.join(" én ")
            };
            plain("Aangekruist", value, false)
        }
        Row::Explained { answer, both } => plain(
            "Verschil volledig verklaard?",
            yes_no(*answer, *both).to_string(),
            false,
        ),
        Row::Stock(line, value) => {
            let label = match line {
                StockLine::Issued => "Uitgereikt (ontvangen − ongebruikt − vervangen)",
                StockLine::TooManyIssued => "Te veel uitgereikt (uitgereikt − D)",
                StockLine::TooFewIssued => "Te weinig uitgereikt (D − uitgereikt)",
                StockLine::TakenAway => "Meegenomen (uitgereikt − H)",
                StockLine::InBoxNotIssued => {
                    "Niet uitgereikt maar wel in de stembus (H − uitgereikt)"
                }
            };
            let value = value.map_or_else(|| EMPTY.to_string(), |n| n.to_string());
            plain(label, value, *line == StockLine::Issued)
        }
    }
}

/// The sections of the form, numbered as the annex prints them: 1 to 4 and (N 10-1)
/// 5 with one table per list.
pub(super) fn form_sections(input: &AnnexInput) -> Vec<Section> {
    let mut sections = Vec::new();
    let mut tables = Vec::new();
    for block in printout::printout(input.election, input.record) {
        let title = match block.heading {
            Heading::Voters => "1. Toegelaten kiezers",
            Heading::Votes => "2. Uitgebrachte stemmen",
            Heading::Differences => "3. Verschil tussen D en H",
            Heading::Stock => "4. Stembiljetten",
            Heading::Candidates(list) => {
                tables.push(candidate_table(input, list, &block.rows));
                continue;
            }
        };
        let mut blocks = vec![Block::Figures(
            block.rows.iter().map(|row| figure(input, row)).collect(),
        )];
        let note = input.record.differences.note.trim();
        if block.heading == Heading::Differences && !note.is_empty() {
            blocks.push(Block::Text(format!("Toelichting: {note}")));
        }
        sections.push(Section {
            title: title.to_string(),
            blocks,
        });
    }
    if input.record.counting_method.counts_candidates() {
        sections.push(Section {
            title: "5. Stemmen per kandidaat".to_string(),
            blocks: vec![Block::Candidates(tables)],
        });
    }
    sections
}

fn candidate_table(input: &AnnexInput, list: u32, rows: &[Row]) -> CandidateTable {
    let known = input.election.list(list);
    let mut table = CandidateTable {
        title: format!(
            "Lijst {list} – {}",
            known.map(|l| l.name.as_str()).unwrap_or("")
        ),
        rows: Vec::new(),
        total: EMPTY.to_string(),
    };
    for row in rows {
        match row {
            Row::Figure {
                target: Target::Count(Field::Candidate { candidate, .. }),
                value,
                ..
            } => table.rows.push(CandidateRow {
                number: candidate.to_string(),
                name: known
                    .and_then(|l| l.candidate(*candidate))
                    .map(|c| c.display_name())
                    .unwrap_or_default(),
                votes: figure_text(*value),
            }),
            Row::Figure {
                target: Target::Count(Field::CandidateListTotal(_)),
                value,
                ..
            } => table.total = figure_text(*value),
            _ => {}
        }
    }
    table
}

/// D, E, F, G, H and the record code: what the signatures are put under.
pub(super) fn key_totals(input: &AnnexInput) -> Vec<Figure> {
    let r = input.record;
    let mut rows: Vec<Figure> = [
        Field::TotalAdmitted,
        Field::TotalOnLists,
        Field::Blank,
        Field::Invalid,
        Field::TotalCast,
    ]
    .into_iter()
    .map(|field| {
        figure(
            input,
            &Row::Figure {
                target: Target::Count(field),
                value: r.get(field),
                total: matches!(field, Field::TotalAdmitted | Field::TotalCast),
            },
        )
    })
    .collect();
    rows.push(plain(
        "Controlecode",
        super::record_code_text(&input.codes.record),
        false,
    ));
    rows
}
