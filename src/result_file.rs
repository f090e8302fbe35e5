//! The result file: one polling station's count as TOML, the exchange format
//! between the station and the municipality (also what the annex's QR code holds).
//!
//! ```toml
//! format = "telraam-result-1"
//! election = "GR2025_Juinen"
//! station = 1
//! model = "N 10-1"
//! mode = "counting"
//! version = 1
//! state = "finalised"
//!
//! [voters]
//! A = 1180
//! B = 32
//! D = 1212
//!
//! [votes]
//! E = 1190
//! F = 7
//! G = 4
//! H = 1201
//!
//! [votes.lists]
//! 1 = 612
//! 2 = 578
//!
//! [candidates.1]   # model N 10-1: candidate number = votes
//! 1 = 590
//! 2 = 22
//! total = 612      # "totaal lijst" at the foot of the list's page
//! ```
//!
//! An empty box on paper is a missing key. Reading checks every figure against
//! the election (known lists and candidates, 0..=999 999 999) and names the file,
//! line and field of the first problem.

use crate::election::{CountingMethod, Election};
use crate::form::{Form, Target, words};
use crate::i18n::say;
use crate::record::{
    BallotStock, ComparisonBoxes, Count, CountRecord, Differences, EntryMode, Field, Lifecycle,
    ListVotes, MAX_COUNT, MAX_VERSION, Mark, RecordState, VoteCounts, VoterCounts, YesNo,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

mod storable;
pub use storable::storable;
use storable::{
    candidates_in_list_totals_model, list_not_on_ballot, no_such_candidate, other_election,
    other_model, station_not_in, too_large, version_too_high,
};

/// Format identifier written in every result file.
pub const FORMAT: &str = "telraam-result-1";

/// Key, inside a `[candidates.N]` table, of the "totaal lijst" written at the foot of
/// list N's candidate page (not E.N of section 2.2, which is `votes.lists.N`).
pub const LIST_PAGE_TOTAL: &str = "total";

/// Why a result file could not be read. Displays as `file:line: field: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct ResultFileError {
    pub file: String,
    pub line: Option<usize>,
    pub field: Option<String>,
    pub message: String,
}

impl ResultFileError {
    fn describe(&self) -> String {
        let mut s = self.file.clone();
        if let Some(line) = self.line {
            s.push_str(&format!(":{line}"));
        }
        s.push_str(": ");
        if let Some(field) = &self.field {
            s.push_str(&format!("{field}: "));
        }
        s.push_str(&self.message);
        s
    }
}

type SCount = Option<Spanned<u64>>;

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct VotersDto {
    #[serde(rename = "A", default, skip_serializing_if = "Option::is_none")]
    a: SCount,
    #[serde(rename = "B", default, skip_serializing_if = "Option::is_none")]
    b: SCount,
    #[serde(rename = "C", default, skip_serializing_if = "Option::is_none")]
    c: SCount,
    #[serde(rename = "D", default, skip_serializing_if = "Option::is_none")]
    d: SCount,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct VotesDto {
    #[serde(rename = "E", default, skip_serializing_if = "Option::is_none")]
    e: SCount,
    #[serde(rename = "F", default, skip_serializing_if = "Option::is_none")]
    f: SCount,
    #[serde(rename = "G", default, skip_serializing_if = "Option::is_none")]
    g: SCount,
    #[serde(rename = "H", default, skip_serializing_if = "Option::is_none")]
    h: SCount,
    /// E.1..E.n keyed by list number.
    #[serde(default)]
    lists: BTreeMap<Spanned<String>, Spanned<u64>>,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DifferencesDto {
    /// Box "D = H" ticked.
    #[serde(default, skip_serializing_if = "is_false")]
    d_equals_h: bool,
    /// Box "H > D" ticked.
    #[serde(default, skip_serializing_if = "is_false")]
    h_more_than_d: bool,
    /// Box "H < D" ticked.
    #[serde(default, skip_serializing_if = "is_false")]
    h_less_than_d: bool,
    #[serde(rename = "I", default, skip_serializing_if = "Option::is_none")]
    i: SCount,
    #[serde(rename = "J", default, skip_serializing_if = "Option::is_none")]
    j: SCount,
    /// "Fully explained?" ticked yes / ticked no (both or neither is possible on paper).
    #[serde(default, skip_serializing_if = "is_false")]
    explained_yes: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    explained_no: bool,
    #[serde(rename = "K", default, skip_serializing_if = "Option::is_none")]
    k: SCount,
    #[serde(rename = "L", default, skip_serializing_if = "Option::is_none")]
    l: SCount,
    #[serde(rename = "M", default, skip_serializing_if = "Option::is_none")]
    m: SCount,
    #[serde(rename = "N", default, skip_serializing_if = "Option::is_none")]
    n: SCount,
    #[serde(rename = "O", default, skip_serializing_if = "Option::is_none")]
    o: SCount,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct StockDto {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    received: SCount,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unused: SCount,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    spoiled: SCount,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ResultDto {
    format: Spanned<String>,
    election: Spanned<String>,
    station: Spanned<u32>,
    model: Spanned<String>,
    mode: Spanned<String>,
    #[serde(default = "one")]
    version: Spanned<u32>,
    #[serde(default = "draft")]
    state: Spanned<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    correction_reason: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    acknowledged_warnings: Vec<String>,
    #[serde(default)]
    voters: VotersDto,
    #[serde(default)]
    votes: VotesDto,
    #[serde(default)]
    differences: DifferencesDto,
    #[serde(default)]
    stock: StockDto,
    /// Candidate votes (N 10-1 only): list number → candidate number → votes.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    candidates: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<u64>>>,
}

fn is_false(b: &bool) -> bool {
    !*b
}
fn one() -> Spanned<u32> {
    Spanned::new(0..0, 1)
}
fn draft() -> Spanned<String> {
    Spanned::new(0..0, "draft".to_string())
}

fn spanned<T>(v: T) -> Spanned<T> {
    Spanned::new(0..0, v)
}

fn out(c: Count) -> SCount {
    c.map(spanned)
}

/// Writes a record as a result file (TOML text).
pub fn to_toml(record: &CountRecord) -> String {
    let v = &record.voters;
    let e = &record.votes;
    let d = &record.differences;
    let s = &record.ballot_stock;
    let dto = ResultDto {
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
        voters: VotersDto {
            a: out(v.poll_cards),
            b: out(v.proxy_certificates),
            c: out(v.voter_cards),
            d: out(v.total_admitted),
        },
        votes: VotesDto {
            e: out(e.total_on_lists),
            f: out(e.blank),
            g: out(e.invalid),
            h: out(e.total_cast),
            lists: e
                .lists
                .iter()
                .filter_map(|l| Some((spanned(l.list.to_string()), spanned(l.total?))))
                .collect(),
        },
        differences: DifferencesDto {
            d_equals_h: d.boxes.equal,
            h_more_than_d: d.boxes.more,
            h_less_than_d: d.boxes.fewer,
            i: out(d.more_ballots),
            j: out(d.fewer_ballots),
            explained_yes: d.fully_explained.yes,
            explained_no: d.fully_explained.no,
            k: out(d.taken_away),
            l: out(d.too_few_issued),
            m: out(d.too_many_issued),
            n: out(d.other_explanation),
            o: out(d.no_explanation),
            note: d.note.clone(),
        },
        stock: StockDto {
            received: out(s.received),
            unused: out(s.unused),
            spoiled: out(s.spoiled),
        },
        candidates: record
            .candidate_votes
            .iter()
            .map(|cl| {
                let mut votes = cl
                    .votes
                    .iter()
                    .filter_map(|(n, v)| Some((spanned(n.to_string()), spanned((*v)?))))
                    .collect::<BTreeMap<_, _>>();
                if let Some(total) = cl.total {
                    votes.insert(spanned(LIST_PAGE_TOTAL.to_string()), spanned(total));
                }
                (spanned(cl.list.to_string()), votes)
            })
            .filter(|(_, votes)| !votes.is_empty())
            .collect(),
    };
    let body = toml::to_string(&dto).unwrap_or_default();
    format!(
        "# telraam result file: the count of polling station {} of {}.\n\
         # An empty box on the form is a missing key. Letters as on the proces-verbaal.\n{body}",
        record.station, record.election_id
    )
}

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
    let err = |span: Option<std::ops::Range<usize>>, field: Option<String>, message: String| {
        ResultFileError {
            file: file.to_string(),
            line: span.map(|s| line_of(s.start)),
            field,
            message,
        }
    };
    let dto: ResultDto = toml::from_str(text).map_err(|e| {
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
            say(
                &format!(
                    "geen resultaatbestand van telraam (format {:?}, verwacht {FORMAT:?})",
                    dto.format.get_ref()
                ),
                &format!(
                    "not a telraam result file (format {:?}, expected {FORMAT:?})",
                    dto.format.get_ref()
                ),
            ),
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
                say(
                    &format!("onbekend model {other:?}: verwacht \"N 10-1\" of \"N 10-2\""),
                    &format!("unknown model {other:?}: expected \"N 10-1\" or \"N 10-2\""),
                ),
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
                say(
                    &format!(
                        "onbekende werkwijze {other:?}: verwacht \"counting\" of \"transcription\""
                    ),
                    &format!("unknown mode {other:?}: expected \"counting\" or \"transcription\""),
                ),
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
                say(
                    &format!("onbekende status {other:?}: verwacht \"draft\" of \"finalised\""),
                    &format!("unknown state {other:?}: expected \"draft\" or \"finalised\""),
                ),
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
                say(
                    &format!("{:?} is geen lijst- of kandidaatnummer", key.get_ref()),
                    &format!("{:?} is not a list or candidate number", key.get_ref()),
                ),
            )
        })
    };

    let mut record = CountRecord::empty(election, station, mode);
    record.counting_method = method;
    record.lifecycle = Lifecycle {
        version: (*dto.version.get_ref()).max(1),
        state,
        correction_reason: dto.correction_reason,
        acknowledged_warnings: dto.acknowledged_warnings,
    };
    let v = &dto.voters;
    record.voters = VoterCounts {
        poll_cards: count("voters.A", &v.a)?,
        proxy_certificates: count("voters.B", &v.b)?,
        voter_cards: count("voters.C", &v.c)?,
        total_admitted: count("voters.D", &v.d)?,
    };
    let e = &dto.votes;
    once(e.lists.keys(), "votes.lists", &line_of, file)?;
    once(dto.candidates.keys(), "candidates", &line_of, file)?;
    for (list_key, votes) in &dto.candidates {
        let table = format!("candidates.{}", list_key.get_ref());
        let numbered = votes.keys().filter(|k| k.get_ref() != LIST_PAGE_TOTAL);
        once(numbered, &table, &line_of, file)?;
    }
    let mut lists: Vec<ListVotes> = record.votes.lists.clone();
    for (key, total) in &e.lists {
        let field = format!("votes.lists.{}", key.get_ref());
        let n = number(&field, key)?;
        let Some(slot) = lists.iter_mut().find(|l| l.list == n) else {
            return Err(err(
                Some(key.span()),
                Some(field),
                list_not_on_ballot(n, election),
            ));
        };
        slot.total = count(&field, &Some(total.clone()))?;
    }
    record.votes = VoteCounts {
        lists,
        total_on_lists: count("votes.E", &e.e)?,
        blank: count("votes.F", &e.f)?,
        invalid: count("votes.G", &e.g)?,
        total_cast: count("votes.H", &e.h)?,
    };
    let d = &dto.differences;
    record.differences = Differences {
        boxes: ComparisonBoxes {
            equal: d.d_equals_h,
            more: d.h_more_than_d,
            fewer: d.h_less_than_d,
        },
        more_ballots: count("differences.I", &d.i)?,
        fewer_ballots: count("differences.J", &d.j)?,
        fully_explained: YesNo {
            yes: d.explained_yes,
            no: d.explained_no,
        },
        taken_away: count("differences.K", &d.k)?,
        too_few_issued: count("differences.L", &d.l)?,
        too_many_issued: count("differences.M", &d.m)?,
        other_explanation: count("differences.N", &d.n)?,
        no_explanation: count("differences.O", &d.o)?,
        note: d.note.clone(),
    };
    let s = &dto.stock;
    record.ballot_stock = BallotStock {
        received: count("stock.received", &s.received)?,
        unused: count("stock.unused", &s.unused)?,
        spoiled: count("stock.spoiled", &s.spoiled)?,
    };
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
    off_the_form(text, election, &record).map_or(Ok(record), |(line, key, message)| {
        Err(ResultFileError {
            file: file.to_string(),
            line,
            field: Some(key),
            message,
        })
    })
}

/// The key in a result file of each box that only one generation of the form has.
const GENERATION_KEYS: [(Target, &str); 10] = [
    (Target::Mark(Mark::Equal), "d_equals_h"),
    (Target::Mark(Mark::More), "h_more_than_d"),
    (Target::Mark(Mark::Fewer), "h_less_than_d"),
    (Target::Mark(Mark::ExplainedYes), "explained_yes"),
    (Target::Mark(Mark::ExplainedNo), "explained_no"),
    (Target::Count(Field::TakenAway), "K"),
    (Target::Count(Field::TooFewIssued), "L"),
    (Target::Count(Field::TooManyIssued), "M"),
    (Target::Count(Field::OtherExplanation), "N"),
    (Target::Count(Field::NoExplanation), "O"),
];

/// The first box the record fills in that the election's form does not have (K–O
/// on the form from 2026, the D/H boxes or the yes/no question before): its line,
/// key and what is wrong.
fn off_the_form(
    text: &str,
    election: &Election,
    record: &CountRecord,
) -> Option<(Option<usize>, String, String)> {
    let form = Form::of(election);
    let (target, key) = GENERATION_KEYS.into_iter().find(|(target, _)| {
        !form.has(*target)
            && match target {
                Target::Count(field) => record.get(*field).is_some(),
                Target::Mark(mark) => record.mark(*mark),
            }
    })?;
    let line = text
        .lines()
        .position(|l| l.split_once('=').is_some_and(|(k, _)| k.trim() == key))
        .map(|i| i + 1);
    Some((
        line,
        format!("differences.{key}"),
        say(
            &format!(
                "het {} van {} heeft geen vak \"{}\"",
                form.generation.name(false),
                election.id,
                words::full_name(target, false),
            ),
            &format!(
                "the {} of {} has no box \"{}\"",
                form.generation.name(true),
                election.id,
                words::full_name(target, true),
            ),
        ),
    ))
}

/// Refuses a list or candidate number written twice in one table under two
/// spellings (`1` and `01`, or `"+1"`): TOML sees two keys, the form has one box,
/// and one of the two values would be silently dropped. Names both lines.
fn once<'a>(
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
                message: say(
                    &format!(
                        "nummer {n} staat twee keer in {table}: {:?} op regel {first_line} en \
                         {:?} op regel {second_line}; schrijf elk vak één keer",
                        first.get_ref(),
                        second.get_ref()
                    ),
                    &format!(
                        "number {n} is written twice in {table}: {:?} on line {first_line} and \
                         {:?} on line {second_line}; write each box once",
                        first.get_ref(),
                        second.get_ref()
                    ),
                ),
            });
        }
    }
    Ok(())
}

/// The dotted key (`voters.A`) of the `key = value` line holding byte `offset`,
/// so that a bad value is named even when the parser only gives its position.
fn key_at(text: &str, offset: usize) -> Option<String> {
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

/// The TOML reader's message, said plainly (in the chosen language) where it is a bad count.
fn explain_toml_error(message: &str) -> String {
    if message.contains("invalid value: integer `-") {
        say(
            &format!("een aantal kan niet negatief zijn ({message})"),
            &format!("a count cannot be negative ({message})"),
        )
    } else if message.contains("expected u64") || message.contains("expected u32") {
        say(
            &format!("hier hoort een geheel getal ({message})"),
            &format!("a whole number belongs here ({message})"),
        )
    } else {
        say(
            &format!("ongeldig bestand: {message}"),
            &format!("invalid file: {message}"),
        )
    }
}

/// Reads a result file from disk. A missing or unreadable file is an error naming it.
pub fn read(path: &Path, election: &Election) -> Result<CountRecord, ResultFileError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ResultFileError {
        file: file.clone(),
        line: None,
        field: None,
        message: say(
            &format!("kan het bestand niet lezen: {e}"),
            &format!("cannot read the file: {e}"),
        ),
    })?;
    from_toml(&file, &text, election)
}

/// The election id and station a result file claims, without checking the rest:
/// lets a command find the right election before reading the file in full.
pub fn peek_election_id(text: &str) -> Option<String> {
    let value: toml::Table = toml::from_str(text).ok()?;
    value.get("election")?.as_str().map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::counting;
    use crate::record::Field;

    fn filled() -> (Election, CountRecord) {
        let e = Election::demo();
        let mut r = CountRecord::empty(&e, 2, EntryMode::Counting);
        r.set(Field::PollCards, Some(120));
        r.set(Field::ProxyCertificates, Some(3));
        r.set(Field::ListTotal(1), Some(50));
        r.set(Field::ListTotal(3), Some(0));
        r.set(Field::Blank, Some(1));
        r.set(
            Field::Candidate {
                list: 1,
                candidate: 1,
            },
            Some(45),
        );
        r.set(
            Field::Candidate {
                list: 1,
                candidate: 2,
            },
            Some(5),
        );
        r.differences.note = "één kiezer vertrok met het \"stembiljet\"".into();
        r.lifecycle.acknowledged_warnings = vec!["W.203".into()];
        counting::complete(&e, &mut r);
        (e, r)
    }

    #[test]
    fn a_record_survives_writing_and_reading_unchanged() {
        let (e, r) = filled();
        let text = to_toml(&r);
        let back = from_toml("x.toml", &text, &e).expect("reads back");
        assert_eq!(back, r);
    }

    #[test]
    fn an_empty_box_stays_empty_and_a_zero_stays_zero() {
        let (e, r) = filled();
        let back = from_toml("x.toml", &to_toml(&r), &e).expect("reads back");
        assert_eq!(back.get(Field::ListTotal(3)), Some(0));
        assert_eq!(back.get(Field::ListTotal(2)), None);
    }

    #[test]
    fn a_list_pages_own_total_is_kept_apart_from_e_n() {
        let (e, mut r) = filled();
        r.mode = EntryMode::Transcription;
        r.set(Field::CandidateListTotal(1), Some(49));
        let text = to_toml(&r);
        assert!(text.contains("total = 49"), "{text}");
        let back = from_toml("x.toml", &text, &e).expect("reads back");
        assert_eq!(back.get(Field::CandidateListTotal(1)), Some(49));
        assert_eq!(back.get(Field::ListTotal(1)), Some(50));
        assert_eq!(back.get(Field::CandidateListTotal(2)), None);
    }

    #[test]
    fn an_unknown_list_is_named_with_its_line() {
        let (e, r) = filled();
        let text = to_toml(&r).replace("[votes.lists]\n", "[votes.lists]\n27 = 5\n");
        let line = text.lines().position(|l| l == "27 = 5").expect("inserted") + 1;
        let error = from_toml("x.toml", &text, &e).expect_err("list 27 does not exist");
        assert_eq!(error.line, Some(line));
        assert_eq!(error.field.as_deref(), Some("votes.lists.27"));
        assert!(
            error
                .to_string()
                .starts_with(&format!("x.toml:{line}: votes.lists.27:"))
        );
    }

    #[test]
    fn a_negative_number_is_refused_with_its_line() {
        let (e, r) = filled();
        let text = to_toml(&r).replace("A = 120", "A = -1");
        let error = from_toml("x.toml", &text, &e).expect_err("negative");
        let line = text.lines().position(|l| l == "A = -1").expect("there") + 1;
        assert_eq!(error.line, Some(line));
    }

    #[test]
    fn a_negative_number_names_its_field_in_the_chosen_language() {
        let (e, r) = filled();
        let text = to_toml(&r).replace("H = 51", "H = -3");
        let error = from_toml("x.toml", &text, &e).expect_err("negative");
        assert_eq!(error.field.as_deref(), Some("votes.H"));
        assert!(error.message.contains("negatief") && !error.message.contains("negative"));
        crate::i18n::set(crate::settings::Language::English);
        let error = from_toml("x.toml", &text, &e).expect_err("negative");
        crate::i18n::set(crate::settings::Language::Dutch);
        assert!(error.message.contains("negative") && !error.message.contains("negatief"));
    }

    #[test]
    fn a_negative_number_is_named_by_its_table_and_key() {
        let e = Election::demo();
        let text = "format = \"telraam-result-1\"\nelection = \"GR2025_Juinen\"\nstation = 1\n\
                    model = \"N 10-1\"\nmode = \"counting\"\n\n[voters]\nA = 3\nB = -2\n";
        let err = from_toml("s.toml", text, &e).expect_err("negative");
        assert_eq!(err.line, Some(9));
        assert_eq!(err.field.as_deref(), Some("voters.B"));
        assert!(err.to_string().starts_with("s.toml:9: voters.B: "), "{err}");
    }

    #[test]
    fn a_number_over_nine_digits_is_refused() {
        let (e, r) = filled();
        let text = to_toml(&r).replace("A = 120", "A = 1000000000");
        let error = from_toml("x.toml", &text, &e).expect_err("too large");
        assert_eq!(error.field.as_deref(), Some("voters.A"));
        assert!(error.message.contains("999 999 999"));
    }

    #[test]
    fn malformed_toml_is_refused_with_a_line() {
        let (e, _) = filled();
        let error = from_toml("x.toml", "format = \"telraam-result-1\"\nstation = [", &e)
            .expect_err("malformed");
        assert_eq!(error.line, Some(2));
    }

    #[test]
    fn a_file_for_another_election_is_refused() {
        let (e, r) = filled();
        let text = to_toml(&r).replace("GR2025_Juinen", "GR2022_Elders");
        let error = from_toml("x.toml", &text, &e).expect_err("other election");
        assert_eq!(error.field.as_deref(), Some("election"));
    }

    #[test]
    fn a_box_the_elections_form_does_not_have_is_refused_with_its_line() {
        let e = Election::demo();
        let text = include_str!("../samples/juinen/station-2-warnings.toml")
            .replace("explained_yes = true", "explained_yes = true\nK = 15");
        let err = from_toml("s.toml", &text, &e).expect_err("no K on the form from 2026");
        assert_eq!(err.field.as_deref(), Some("differences.K"));
        assert!(err.line.is_some());
        assert!(err.message.contains("heeft geen vak"), "{}", err.message);
        let mut old = e.clone();
        old.form = Some(crate::form::Generation::Before2026);
        let err = from_toml("s.toml", &text, &old).expect_err("no box on the older form");
        assert_eq!(err.field.as_deref(), Some("differences.h_less_than_d"));
    }
}
