//! The audit row's columns for people (`what`, `old_value`, `new_value`), written
//! from the event so that `audit show` reads as it always did. Nothing reads them back.

use super::{
    ACKNOWLEDGEMENT_WITHDRAWN, PHONE_CHECK, RECORD_COMPARED, TOTALS_510B, WARNING_ACKNOWLEDGED,
};
use super::{AuditEvent, BROKEN_CHAIN_ACCEPTED, Mode};
use crate::desk::Stage;
use crate::form::Target;
use crate::record::Count;

fn show(value: Count) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A desk step's new value, with the stage it moved the station to: "paper (first-entry)".
fn with_stage(new: &str, stage: Option<Stage>) -> String {
    match stage {
        Some(stage) => format!("{new} ({})", stage.key()),
        None => new.to_string(),
    }
}

impl AuditEvent {
    /// The audit log's `what` column, for people.
    pub fn what(&self) -> String {
        match self {
            AuditEvent::Election { demo: true, .. } => "election (demo)".into(),
            AuditEvent::Election { .. } => "election".into(),
            AuditEvent::Start { .. } => "start".into(),
            AuditEvent::Field { field, .. } => format!("field {field}"),
            AuditEvent::Mark { mark, .. } => format!("mark {}", mark.key()),
            AuditEvent::Note { .. } => "note".into(),
            AuditEvent::Cleared { target, .. } => match target {
                Some(t) => format!(
                    "cleared {} {}: not asked while D and H do not differ",
                    match t {
                        Target::Count(_) => "field",
                        Target::Mark(_) => "mark",
                    },
                    t.key()
                ),
                None => "cleared note: not asked while D and H do not differ".into(),
            },
            AuditEvent::Finalised { .. } => "finalise".into(),
            AuditEvent::Corrigendum { .. } => "corrigendum".into(),
            AuditEvent::RecordStored { source, .. } => source.clone(),
            AuditEvent::WarningAcknowledged { .. } => WARNING_ACKNOWLEDGED.into(),
            AuditEvent::AcknowledgementWithdrawn { .. } => ACKNOWLEDGEMENT_WITHDRAWN.into(),
            AuditEvent::Exported { .. } => "export".into(),
            AuditEvent::BrokenChainAccepted { .. } => BROKEN_CHAIN_ACCEPTED.into(),
            AuditEvent::PhoneCheck(_) => PHONE_CHECK.into(),
            AuditEvent::RecordCompared(_) => RECORD_COMPARED.into(),
            AuditEvent::Totals510b(_) => TOTALS_510B.into(),
            AuditEvent::Migrated { .. } => "migration".into(),
            AuditEvent::EntryStarted { number, .. } => format!("entry {number} started"),
            AuditEvent::EntryStep { number, step, .. } => {
                format!("entry {number} {}", step.name())
            }
            AuditEvent::DoubleEntryAccepted { .. } => "double entry accepted".into(),
        }
    }

    /// The audit log's `old_value` column.
    pub fn old_value(&self) -> String {
        match self {
            AuditEvent::Election { replaced, .. } => replaced.clone(),
            AuditEvent::Field { old, .. } => show(*old),
            AuditEvent::Mark { old, .. } => old.to_string(),
            AuditEvent::Note { old, .. } | AuditEvent::Cleared { old, .. } => old.clone(),
            AuditEvent::Finalised { .. } => "draft".into(),
            AuditEvent::Corrigendum { from_version, .. } => format!("version {from_version}"),
            AuditEvent::RecordStored {
                replaced_draft: Some(v),
                ..
            } => format!("draft version {v}"),
            AuditEvent::Migrated { from_schema, .. } => format!("schema {from_schema}"),
            AuditEvent::EntryStep { step, .. } => step.old_text(),
            _ => String::new(),
        }
    }

    /// The audit log's `new_value` column.
    pub fn new_value(&self) -> String {
        match self {
            AuditEvent::Election { id, .. } => id.clone(),
            AuditEvent::Start { mode } => match mode {
                Mode::Counting => "counting".into(),
                Mode::Transcription => "transcription".into(),
            },
            AuditEvent::Field { new, .. } => show(*new),
            AuditEvent::Mark { new, .. } => new.to_string(),
            AuditEvent::Note { new, .. } => new.clone(),
            AuditEvent::Cleared { .. } => String::new(),
            AuditEvent::Finalised { acknowledged } => {
                format!("finalised; acknowledged: {}", acknowledged.join(", "))
            }
            AuditEvent::Corrigendum { reason, .. } => reason.clone(),
            AuditEvent::RecordStored {
                version,
                finalised,
                demoted,
                ..
            } => match demoted {
                Some(why) => format!("version {version} draft (the file said finalised; {why})"),
                None if *finalised => format!("version {version} finalised"),
                None => format!("version {version} draft"),
            },
            AuditEvent::WarningAcknowledged { code }
            | AuditEvent::AcknowledgementWithdrawn { code } => code.clone(),
            AuditEvent::Exported { note } => note.clone(),
            AuditEvent::BrokenChainAccepted { said } => said.clone(),
            AuditEvent::PhoneCheck(c) => format!(
                "{} quick={} expected={} figures={}",
                if c.verified { "verified" } else { "differs" },
                c.quick.join(" "),
                c.expected.join(" "),
                c.figures_sha256
            ),
            AuditEvent::RecordCompared(c) => {
                let mut out = format!(
                    "version {}: {} (record {}, phoned {})",
                    c.version,
                    if c.matches() { "matches" } else { "differs" },
                    c.record.join(" "),
                    c.expected.join(" ")
                );
                let l = &c.located;
                let mut found: Vec<String> = l
                    .quick
                    .iter()
                    .map(|d| format!("{} {}≠{}", d.field, show(d.phoned), show(d.record)))
                    .collect();
                found.extend(l.lists.iter().map(|s| format!("list {} sum", s.list)));
                found.extend(l.sections.iter().cloned());
                if !found.is_empty() {
                    out.push_str("; ");
                    out.push_str(&found.join(", "));
                }
                out
            }
            AuditEvent::Totals510b(t) => format!("{} SHA-256 {}", t.source, t.fingerprint),
            AuditEvent::Migrated {
                to_schema, note, ..
            } => {
                format!("schema {to_schema}: {note}")
            }
            AuditEvent::EntryStarted { source, stage, .. } => with_stage(source.key(), *stage),
            AuditEvent::EntryStep { step, stage, .. } => with_stage(&step.new_text(), *stage),
            AuditEvent::DoubleEntryAccepted { kept } => format!("entry {kept}"),
        }
    }
}
