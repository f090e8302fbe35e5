//! What a result file may not say: a box its election's form does not have, a list
//! or candidate number written twice; and how the TOML reader's own complaints are
//! said plainly.

use super::{ResultFileError, ResultFileProblem, WrittenTwice};
use crate::election::Election;
use crate::form::{Form, MODEL, Target};
use crate::record::CountRecord;
use std::collections::BTreeMap;
use toml::Spanned;

/// The first box the record fills in that the election's form does not have (K–O
/// on the form from 2026, the D/H boxes or the yes/no question before): its line,
/// key and what is wrong.
pub(super) fn off_the_form(
    text: &str,
    election: &Election,
    record: &CountRecord,
) -> Option<(Option<usize>, String, ResultFileProblem)> {
    let form = Form::of(election);
    let (target, file_key) = MODEL.iter().find_map(|spec| {
        let target = spec.single()?;
        let filled = match target {
            Target::Count(field) => record.get(field).is_some(),
            Target::Mark(mark) => record.mark(mark),
        };
        (filled && !spec.generations.contains(&form.generation)).then_some((target, spec.file))
    })?;
    let key = file_key.rsplit('.').next().unwrap_or(file_key);
    let line = text
        .lines()
        .position(|l| l.split_once('=').is_some_and(|(k, _)| k.trim() == key))
        .map(|i| i + 1);
    Some((
        line,
        file_key.to_string(),
        ResultFileProblem::NotOnForm {
            generation: form.generation,
            election: election.id.clone(),
            target,
        },
    ))
}

/// Refuses a list or candidate number written twice in one table under two
/// spellings (`1` and `01`, or `"+1"`): TOML sees two keys, the form has one box,
/// and one of the two values would be silently dropped. Names both lines.
pub(super) fn once<'a>(
    keys: impl Iterator<Item = &'a Spanned<String>>,
    table: &str,
    line_of: &dyn Fn(usize) -> usize,
    file: &str,
) -> Result<(), ResultFileError> {
    let mut seen: BTreeMap<u32, &Spanned<String>> = BTreeMap::new();
    for key in keys {
        let Ok(n) = key.get_ref().parse::<u32>() else {
            continue; // not a number: reported where the key is read
        };
        if let Some(other) = seen.insert(n, key) {
            let (a, b) = (line_of(other.span().start), line_of(key.span().start));
            let ((first, first_line), (second, second_line)) = if a <= b {
                ((other, a), (key, b))
            } else {
                ((key, b), (other, a))
            };
            return Err(ResultFileError {
                file: file.to_string(),
                line: Some(second_line),
                field: Some(format!("{table}.{}", second.get_ref())),
                problem: ResultFileProblem::Twice(Box::new(WrittenTwice {
                    number: n,
                    table: table.to_string(),
                    first: first.get_ref().clone(),
                    first_line,
                    second: second.get_ref().clone(),
                    second_line,
                })),
            });
        }
    }
    Ok(())
}

/// The dotted key (`voters.A`) of the `key = value` line holding byte `offset`,
/// so that a bad value is named even when the parser only gives its position.
pub(super) fn key_at(text: &str, offset: usize) -> Option<String> {
    let before = text.get(..offset)?;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line = text.get(line_start..)?.lines().next()?;
    let key = line.split_once('=')?.0.trim().trim_matches('"');
    if key.is_empty() || key.starts_with('[') || key.starts_with('#') {
        return None;
    }
    let table = before
        .get(..line_start)?
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('[') && l.ends_with(']'))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string());
    Some(match table {
        Some(t) if !t.is_empty() => format!("{t}.{key}"),
        _ => key.to_string(),
    })
}

/// The TOML reader's message, said plainly where it is a bad count.
pub(super) fn explain_toml_error(message: &str) -> ResultFileProblem {
    let message = message.to_string();
    if message.contains("invalid value: integer `-") {
        ResultFileProblem::Negative(message)
    } else if message.contains("expected u64") || message.contains("expected u32") {
        ResultFileProblem::NotWhole(message)
    } else {
        ResultFileProblem::Invalid(message)
    }
}
