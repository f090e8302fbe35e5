//! Reading a result file: the envelope (format, election, station, model, mode,
//! version, state) checked against the election, then every box of the form model
//! from its place, each figure within the form's limits, and nothing the election's
//! form does not have.

use super::checks::{explain_toml_error, key_at, off_the_form, once};
use super::dto::{Key, ResultDto, SCount};
use super::storable::{
    candidates_in_list_totals_model, list_not_on_ballot, no_such_candidate, other_election,
    other_model, station_not_in, too_large, version_too_high,
};
use super::{FORMAT, LIST_PAGE_TOTAL, ResultFileError, ResultFileProblem};
use crate::election::{CountingMethod, Election};
use crate::form::{MODEL, Target};
use crate::record::{
    Count, CountRecord, EntryMode, Field, Lifecycle, MAX_COUNT, MAX_VERSION, RecordState,
};
use std::path::Path;
use toml::Spanned;

/// Reads a result file's text and checks it against the election.
pub fn from_toml(
    file: &str,
    text: &str,
    election: &Election,
) -> Result<CountRecord, ResultFileError> {
    let line_of = |offset: usize| -> usize {
        text.get(..offset)
            .map(|t| t.matches('\n').count() + 1)
            .unwrap_or(1)
    };
    let err = |span: Option<std::ops::Range<usize>>,
               field: Option<String>,
               problem: ResultFileProblem| ResultFileError {
        file: file.to_string(),
        line: span.map(|s| line_of(s.start)),
        field,
        problem,
    };
    let mut dto: ResultDto = toml::from_str(text).map_err(|e| {
        let field = e
            .message()
            .split('`')
            .nth(1)
            .filter(|_| e.message().contains("field"))
            .map(str::to_string)
            .or_else(|| e.span().and_then(|span| key_at(text, span.start)));
        err(e.span(), field, explain_toml_error(e.message().trim()))
    })?;

    if dto.format.get_ref() != FORMAT {
        return Err(err(
            Some(dto.format.span()),
            Some("format".into()),
            ResultFileProblem::NotTelraam(dto.format.get_ref().clone()),
        ));
    }
    if dto.election.get_ref() != &election.id {
        return Err(err(
            Some(dto.election.span()),
            Some("election".into()),
            other_election(dto.election.get_ref(), election),
        ));
    }
    let station = *dto.station.get_ref();
    if !election.stations.is_empty() && election.station(station).is_none() {
        return Err(err(
            Some(dto.station.span()),
            Some("station".into()),
            station_not_in(station, election),
        ));
    }
    let method = match dto.model.get_ref().as_str() {
        "N 10-1" => CountingMethod::DSO,
        "N 10-2" => CountingMethod::CSO,
        other => {
            return Err(err(
                Some(dto.model.span()),
                Some("model".into()),
                ResultFileProblem::UnknownModel(other.to_string()),
            ));
        }
    };
    if method != election.counting_method {
        return Err(err(
            Some(dto.model.span()),
            Some("model".into()),
            other_model(method, election),
        ));
    }
    let mode = match dto.mode.get_ref().as_str() {
        "counting" => EntryMode::Counting,
        "transcription" => EntryMode::Transcription,
        other => {
            return Err(err(
                Some(dto.mode.span()),
                Some("mode".into()),
                ResultFileProblem::UnknownMode(other.to_string()),
            ));
        }
    };
    if *dto.version.get_ref() > MAX_VERSION {
        return Err(err(
            Some(dto.version.span()),
            Some("version".into()),
            version_too_high(*dto.version.get_ref()),
        ));
    }
    let state = match dto.state.get_ref().as_str() {
        "draft" => RecordState::Draft,
        "finalised" => RecordState::Finalised,
        other => {
            return Err(err(
                Some(dto.state.span()),
                Some("state".into()),
                ResultFileProblem::UnknownState(other.to_string()),
            ));
        }
    };

    let count = |field: &str, c: &SCount| -> Result<Count, ResultFileError> {
        match c {
            None => Ok(None),
            Some(v) if *v.get_ref() > MAX_COUNT => Err(err(
                Some(v.span()),
                Some(field.to_string()),
                too_large(*v.get_ref()),
            )),
            Some(v) => Ok(Some(*v.get_ref())),
        }
    };
    let number = |field: &str, key: &Spanned<String>| -> Result<u32, ResultFileError> {
        key.get_ref().parse::<u32>().map_err(|_| {
            err(
                Some(key.span()),
                Some(field.to_string()),
                ResultFileProblem::NotANumber(key.get_ref().clone()),
            )
        })
    };

    let mut record = CountRecord::empty(election, station, mode);
    record.counting_method = method;
    record.lifecycle = Lifecycle {
        version: (*dto.version.get_ref()).max(1),
        state,
        correction_reason: std::mem::take(&mut dto.correction_reason),
        acknowledged_warnings: std::mem::take(&mut dto.acknowledged_warnings),
    };
    // Every single box of the model from its place in the file.
    for spec in MODEL {
        match spec.single() {
            Some(Target::Count(field)) => {
                let value = match dto.count_mut(spec.file) {
                    Some(slot) => count(spec.file, slot)?,
                    None => None,
                };
                record.set(field, value);
            }
            Some(Target::Mark(mark)) => {
                let ticked = dto.flag_mut(spec.file).is_some_and(|slot| *slot);
                record.set_mark(mark, ticked);
            }
            None => {}
        }
    }
    record.differences.note = dto.differences.note.clone();
    once(
        dto.votes.lists.keys().map(Key::spanned),
        "votes.lists",
        &line_of,
        file,
    )?;
    once(
        dto.candidates.keys().map(Key::spanned),
        "candidates",
        &line_of,
        file,
    )?;
    for (list_key, votes) in &dto.candidates {
        let table = format!("candidates.{}", list_key.get_ref());
        let numbered = votes
            .keys()
            .map(Key::spanned)
            .filter(|k| k.get_ref() != LIST_PAGE_TOTAL);
        once(numbered, &table, &line_of, file)?;
    }
    for (key, total) in &dto.votes.lists {
        let field = format!("votes.lists.{}", key.get_ref());
        let n = number(&field, key)?;
        if !record.set(Field::ListTotal(n), count(&field, &Some(total.clone()))?) {
            return Err(err(
                Some(key.span()),
                Some(field),
                list_not_on_ballot(n, election),
            ));
        }
    }
    if !dto.candidates.is_empty() && !method.counts_candidates() {
        let first = dto.candidates.keys().next().map(|k| k.span());
        return Err(err(
            first,
            Some("candidates".into()),
            candidates_in_list_totals_model(),
        ));
    }
    for (list_key, votes) in &dto.candidates {
        let field = format!("candidates.{}", list_key.get_ref());
        let list = number(&field, list_key)?;
        let Some(slots) = record.candidate_votes.iter_mut().find(|c| c.list == list) else {
            return Err(err(
                Some(list_key.span()),
                Some(field),
                list_not_on_ballot(list, election),
            ));
        };
        for (cand_key, value) in votes {
            let field = format!("candidates.{}.{}", list_key.get_ref(), cand_key.get_ref());
            if cand_key.get_ref() == LIST_PAGE_TOTAL {
                slots.total = count(&field, &Some(value.clone()))?;
                continue;
            }
            let cand = number(&field, cand_key)?;
            let Some((_, slot)) = slots.votes.iter_mut().find(|(n, _)| *n == cand) else {
                return Err(err(
                    Some(cand_key.span()),
                    Some(field),
                    no_such_candidate(list, cand),
                ));
            };
            *slot = count(&field, &Some(value.clone()))?;
        }
    }
    off_the_form(text, election, &record).map_or(Ok(record), |(line, key, problem)| {
        Err(ResultFileError {
            file: file.to_string(),
            line,
            field: Some(key),
            problem,
        })
    })
}

/// Reads a result file from disk. A missing or unreadable file is an error naming it.
pub fn read(path: &Path, election: &Election) -> Result<CountRecord, ResultFileError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ResultFileError {
        file: file.clone(),
        line: None,
        field: None,
        problem: ResultFileProblem::CannotRead(e.to_string()),
    })?;
    from_toml(&file, &text, election)
}
