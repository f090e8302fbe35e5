//! The rule results an annex prints: what still stands in the way of a concept, and
//! the warnings acknowledged when the record was finalised.

use super::{Block, Section};
use crate::annex::AnnexInput;
use crate::lifecycle::{Gate, words};
use crate::rules;

/// Every rule error and every warning not acknowledged, with code and message: the
/// first thing a concept annex shows. Its heading and request name only what is open
/// (the lifecycle's text table): a concept with only a warning is not told to
/// resolve errors.
pub(super) fn open_results_section(input: &AnnexInput) -> Section {
    let acknowledged = &input.record.lifecycle.acknowledged_warnings;
    let results = rules::validate(input.election, input.record);
    let gate = Gate::check(input.election, input.record, acknowledged);
    let mut blocks = vec![Block::Text(
        words::open_results_advice(&gate, false).to_string(),
    )];
    for r in results
        .iter()
        .filter(|r| r.severity == rules::Severity::Error)
    {
        blocks.push(Block::Text(format!(
            "FOUT {}: {}",
            r.code,
            r.message(false)
        )));
    }
    for r in results.iter().filter(|r| {
        r.severity == rules::Severity::Warning && !acknowledged.iter().any(|a| a == r.code.as_str())
    }) {
        blocks.push(Block::Text(format!(
            "WAARSCHUWING {} (niet geaccepteerd): {}",
            r.code,
            r.message(false)
        )));
    }
    Section {
        title: words::open_results_title(&gate, false).to_string(),
        blocks,
    }
}

pub(super) fn warnings_section(input: &AnnexInput) -> Section {
    let acknowledged = &input.record.lifecycle.acknowledged_warnings;
    let title = "Geaccepteerde waarschuwingen".to_string();
    if acknowledged.is_empty() {
        return Section {
            title,
            blocks: vec![Block::Text("Geen.".to_string())],
        };
    }
    let results = rules::validate(input.election, input.record);
    let blocks = acknowledged
        .iter()
        .map(|code| {
            let message = results
                .iter()
                .find(|r| r.code == code.as_str())
                .map(|r| r.message(false))
                .unwrap_or_else(|| "(waarschuwing geaccepteerd bij het vaststellen)".to_string());
            Block::Text(format!("{code}: {message}"))
        })
        .collect();
    Section { title, blocks }
}
