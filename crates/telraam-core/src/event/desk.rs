//! The desk's steps in an audit event, as data: which box, what it held before and
//! after (a figure as a number, a tick as true or false), the stage a step moved the
//! station to, who typed a discarded entry.
//!
//! Events of format 1 (written before these were typed) said the same in three
//! strings: `step` ("box E.2", "finished", …), `old` and `new` (the new stage, when
//! the step changed it, appended as " (awaiting-second)"). [`legacy_step`] reads
//! them back into the typed step, so that an older workspace still reads.

use super::keys::{target_key, target_keys};
use crate::desk::{BoxValue, Source, Stage};
use crate::form::Target;
use serde::{Deserialize, Serialize};

/// One step of an entry at the desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DeskStep {
    /// The entry started (typed from paper, or the station's own record).
    Started { source: Source },
    /// A box typed: what it held before and now.
    Box {
        #[serde(with = "target_key")]
        target: Target,
        old: BoxValue,
        new: BoxValue,
    },
    /// The typist said the entry is complete (or its differences re-checked), at
    /// stage `from`; `differing`: the boxes in which the two entries then differ.
    Finished {
        from: Stage,
        #[serde(with = "target_keys")]
        differing: Vec<Target>,
    },
    /// The coordinator kept the entry.
    Kept,
    /// The coordinator discarded the entry, typed by `typist`, to be typed again.
    Discarded { typist: String },
}

impl DeskStep {
    /// The step's name in the audit log's `what` column ("box E.2").
    pub fn name(&self) -> String {
        match self {
            DeskStep::Started { .. } => "started".into(),
            DeskStep::Box { target, .. } => format!("box {}", target.key()),
            DeskStep::Finished { .. } => "finished".into(),
            DeskStep::Kept => "kept by the coordinator".into(),
            DeskStep::Discarded { .. } => "discarded by the coordinator".into(),
        }
    }

    /// The audit log's `old_value` column.
    pub fn old_text(&self) -> String {
        match self {
            DeskStep::Box { old, .. } => show(*old),
            DeskStep::Finished { from, .. } => from.key().into(),
            DeskStep::Discarded { typist } => typist.clone(),
            DeskStep::Started { .. } | DeskStep::Kept => String::new(),
        }
    }

    /// The audit log's `new_value` column, without the stage.
    pub fn new_text(&self) -> String {
        match self {
            DeskStep::Started { source } => source.key().into(),
            DeskStep::Box { new, .. } => show(*new),
            DeskStep::Finished { differing, .. } => differing
                .iter()
                .map(|t| t.key())
                .collect::<Vec<_>>()
                .join(" "),
            DeskStep::Kept => "kept".into(),
            DeskStep::Discarded { .. } => "discarded".into(),
        }
    }
}

/// A box's value as the audit log's columns show it: the figure, "" for nothing
/// written, "true" or "false" for a tick.
fn show(v: BoxValue) -> String {
    match v {
        BoxValue::Count(c) => c.map(|c| c.to_string()).unwrap_or_default(),
        BoxValue::Mark(on) => on.to_string(),
    }
}

/// A format-1 `entry-step` event, as it was written.
#[derive(Deserialize)]
pub(super) struct LegacyStep {
    number: u8,
    step: String,
    old: String,
    new: String,
}

/// Reads a format-1 `entry-step` back as the typed event; None when its strings do
/// not say a step telraam wrote.
pub(super) fn legacy_step(legacy: LegacyStep) -> Option<super::AuditEvent> {
    // The new stage, when the step changed it, was appended as " (stage)".
    let (new, stage) = match legacy.new.rsplit_once(" (") {
        Some((before, after)) => match after.strip_suffix(')').and_then(Stage::parse) {
            Some(stage) => (before, Some(stage)),
            None => (legacy.new.as_str(), None),
        },
        None => (legacy.new.as_str(), None),
    };
    let step = match legacy.step.as_str() {
        "started" => DeskStep::Started {
            source: Source::parse(new)?,
        },
        "finished" => DeskStep::Finished {
            from: Stage::parse(&legacy.old)?,
            differing: new
                .split_whitespace()
                .map(Target::parse)
                .collect::<Option<Vec<_>>>()?,
        },
        "kept by the coordinator" if new == "kept" => DeskStep::Kept,
        "discarded by the coordinator" if new == "discarded" => DeskStep::Discarded {
            typist: legacy.old.clone(),
        },
        other => {
            let target = Target::parse(other.strip_prefix("box ")?)?;
            DeskStep::Box {
                target,
                old: legacy_value(target, &legacy.old)?,
                new: legacy_value(target, new)?,
            }
        }
    };
    Some(super::AuditEvent::EntryStep {
        number: legacy.number,
        step,
        stage,
    })
}

fn legacy_value(target: Target, text: &str) -> Option<BoxValue> {
    match target {
        Target::Count(_) if text.is_empty() => Some(BoxValue::Count(None)),
        Target::Count(_) => text.parse().ok().map(|n| BoxValue::Count(Some(n))),
        Target::Mark(_) => text.parse().ok().map(BoxValue::Mark),
    }
}
