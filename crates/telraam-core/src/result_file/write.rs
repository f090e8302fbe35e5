//! Writing a record as a result file: every single box of the form model in its
//! place, the lists and candidate pages in their tables.

use super::dto::{DifferencesDto, Key, ResultDto, SCount, StockDto, VotersDto, VotesDto, spanned};
use super::{FORMAT, LIST_PAGE_TOTAL};
use crate::form::{MODEL, Target};
use crate::record::{Count, CountRecord, EntryMode, RecordState};
use std::collections::BTreeMap;

fn out(c: Count) -> SCount {
    c.map(spanned)
}

/// Writes a record as a result file (TOML text).
pub fn to_toml(record: &CountRecord) -> String {
    let mut dto = ResultDto {
        format: spanned(FORMAT.into()),
        election: spanned(record.election_id.clone()),
        station: spanned(record.station),
        model: spanned(record.counting_method.model().into()),
        mode: spanned(
            match record.mode {
                EntryMode::Counting => "counting",
                EntryMode::Transcription => "transcription",
            }
            .into(),
        ),
        version: spanned(record.lifecycle.version),
        state: spanned(
            match record.lifecycle.state {
                RecordState::Draft => "draft",
                RecordState::Finalised => "finalised",
            }
            .into(),
        ),
        correction_reason: record.lifecycle.correction_reason.clone(),
        acknowledged_warnings: record.lifecycle.acknowledged_warnings.clone(),
        voters: VotersDto::default(),
        votes: VotesDto {
            lists: record
                .votes
                .lists
                .iter()
                .filter_map(|l| Some((Key::new(l.list.to_string()), spanned(l.total?))))
                .collect(),
            ..VotesDto::default()
        },
        differences: DifferencesDto {
            note: record.differences.note.clone(),
            ..DifferencesDto::default()
        },
        stock: StockDto::default(),
        candidates: record
            .candidate_votes
            .iter()
            .map(|cl| {
                let mut votes = cl
                    .votes
                    .iter()
                    .filter_map(|(n, v)| Some((Key::new(n.to_string()), spanned((*v)?))))
                    .collect::<BTreeMap<_, _>>();
                if let Some(total) = cl.total {
                    votes.insert(Key::new(LIST_PAGE_TOTAL.to_string()), spanned(total));
                }
                (Key::new(cl.list.to_string()), votes)
            })
            .filter(|(_, votes)| !votes.is_empty())
            .collect(),
    };
    // Every single box of the model in its place; the file leaves out an empty one.
    for spec in MODEL {
        match spec.single() {
            Some(Target::Count(field)) => {
                if let Some(slot) = dto.count_mut(spec.file) {
                    *slot = out(record.get(field));
                }
            }
            Some(Target::Mark(mark)) => {
                if let Some(slot) = dto.flag_mut(spec.file) {
                    *slot = record.mark(mark);
                }
            }
            None => {}
        }
    }
    let body = toml::to_string(&dto).unwrap_or_default();
    format!(
        "# telraam result file: the count of polling station {} of {}.\n\
         # An empty box on the form is a missing key. Letters as on the proces-verbaal.\n{body}",
        record.station, record.election_id
    )
}
