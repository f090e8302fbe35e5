//! Writing a record as a result file: every single box of the form model in its
//! place, the lists and candidate pages in their tables.
//!
//! The candidate pages (nearly all of a Tweede Kamer record: 1,710 figures) are
//! written here directly, the rest through serde and the toml crate. Built as
//! maps for the toml crate, the pages took a quarter of a 500-station import; the
//! text is byte for byte what the toml crate writes from those maps (keys in the
//! order of [`super::dto::Key`], a later duplicate winning, the file empty when a
//! figure does not fit TOML's integers), which `to_toml_is_what_the_toml_crate_writes`
//! checks on random records.

use super::dto::{DifferencesDto, Key, ResultDto, SCount, StockDto, VotersDto, VotesDto, spanned};
use super::{FORMAT, LIST_PAGE_TOTAL};
use crate::form::{MODEL, Target};
use crate::record::CandidateVotes;
use crate::record::{Count, CountRecord, EntryMode, RecordState};
use std::collections::BTreeMap;

fn out(c: Count) -> SCount {
    c.map(spanned)
}

/// Writes a record as a result file (TOML text).
pub fn to_toml(record: &CountRecord) -> String {
    to_toml_with(record, true)
}

/// As [`to_toml`]; `by_hand` false leaves the candidate pages to the toml crate too
/// (the reference the tests compare with).
pub(super) fn to_toml_with(record: &CountRecord, by_hand: bool) -> String {
    // TOML's integers are 64-bit signed: a larger figure fails the whole file in the
    // toml crate, so such a record goes that way and fails the same.
    let by_hand = by_hand
        && record.candidate_votes.iter().all(|cl| {
            std::iter::once(cl.total)
                .chain(cl.votes.iter().map(|(_, v)| *v))
                .all(|v| v.is_none_or(|v| i64::try_from(v).is_ok()))
        });
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
            .filter(|_| !by_hand)
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
    let body = toml::to_string(&dto);
    let mut text = format!(
        "# telraam result file: the count of polling station {} of {}.\n\
         # An empty box on the form is a missing key. Letters as on the proces-verbaal.\n",
        record.station, record.election_id
    );
    if let Ok(body) = body {
        text.push_str(&body);
        if by_hand {
            write_candidates(&mut text, &record.candidate_votes);
        }
    }
    text
}

/// The `[candidates.N]` tables, after the rest of the file: lists and candidates in
/// number order (1, 2, …, 10) and the page's total last, as the toml crate writes
/// maps keyed by [`super::dto::Key`]; a page without figures is left out.
fn write_candidates(text: &mut String, pages: &[CandidateVotes]) {
    let mut pages: Vec<&CandidateVotes> = pages
        .iter()
        .filter(|cl| cl.total.is_some() || cl.votes.iter().any(|(_, v)| v.is_some()))
        .collect();
    pages.sort_by_key(|page| page.list);
    let mut figures: Vec<(u32, u64)> = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        // Of two pages of one list, the later one (as a map built from them keeps).
        if pages.get(i + 1).is_some_and(|next| next.list == page.list) {
            continue;
        }
        text.push_str("\n[candidates.");
        push_number(text, u64::from(page.list));
        text.push_str("]\n");
        figures.clear();
        figures.extend(page.votes.iter().filter_map(|(n, v)| Some((*n, (*v)?))));
        figures.sort_by_key(|&(candidate, _)| candidate);
        for (j, (candidate, votes)) in figures.iter().enumerate() {
            if figures.get(j + 1).is_some_and(|next| next.0 == *candidate) {
                continue;
            }
            push_number(text, u64::from(*candidate));
            text.push_str(" = ");
            push_number(text, *votes);
            text.push('\n');
        }
        if let Some(total) = page.total {
            text.push_str(LIST_PAGE_TOTAL);
            text.push_str(" = ");
            push_number(text, total);
            text.push('\n');
        }
    }
}

/// `n` in decimal digits, written at the end of `buf`.
fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 || at == 0 {
            return &buf[at..];
        }
    }
}

fn push_number(text: &mut String, n: u64) {
    let mut buf = [0u8; 20];
    for &d in decimal(n, &mut buf) {
        text.push(char::from(d));
    }
}
