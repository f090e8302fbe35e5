//! The summary table: per station, what the station list, the status board and
//! aggregation need of its latest record version, so that none of them parses
//! every record's TOML body.
//!
//! One row per station: version, state and mode of the latest version, D and H, and
//! every figure of that version in a compact binary form ([`encode`]), with the
//! SHA-256 of the body it was taken from. It is written by [`super::records::write`]
//! and [`super::records::delete`], so always in the same transaction as the record
//! itself. It is derived data: `summary_check::check` (run by `audit verify`) compares
//! every row with the body it summarises, and `summary_check::rebuild` makes it
//! again from the bodies (the migration of a workspace written before the table
//! existed).

use super::StorageError;
use super::audit::sha256_hex;
use crate::election::Election;
use crate::record::{CandidateVotes, Count, CountRecord, EntryMode, ListVotes, RecordState};
use rusqlite::Connection;

/// A record state as the `state` columns write it.
pub fn state_name(state: RecordState) -> &'static str {
    match state {
        RecordState::Draft => "draft",
        RecordState::Finalised => "finalised",
    }
}

fn db(e: rusqlite::Error) -> StorageError {
    StorageError::Database(e.to_string())
}

/// The table (created by the schema, and by the migration from version 1).
pub const TABLE: &str = "
CREATE TABLE summary (
    station INTEGER PRIMARY KEY,
    version INTEGER NOT NULL,
    state TEXT NOT NULL,
    mode TEXT NOT NULL,
    total_admitted INTEGER,
    total_cast INTEGER,
    figures BLOB NOT NULL,
    body_sha256 TEXT NOT NULL
);
";

/// One station's row: what the station list and the status board show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub station: u32,
    pub version: u32,
    pub state: RecordState,
    pub mode: EntryMode,
    /// D.
    pub total_admitted: Count,
    /// H.
    pub total_cast: Count,
}

impl Summary {
    pub fn of(record: &CountRecord) -> Summary {
        Summary {
            station: record.station,
            version: record.lifecycle.version,
            state: record.lifecycle.state,
            mode: record.mode,
            total_admitted: record.voters.total_admitted,
            total_cast: record.votes.total_cast,
        }
    }
}

pub(super) fn mode_name(mode: EntryMode) -> &'static str {
    match mode {
        EntryMode::Counting => "counting",
        EntryMode::Transcription => "transcription",
    }
}

const FORMAT: u64 = 1;

fn put(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A count as a varint: 0 for an empty box, else the figure plus one.
fn put_count(out: &mut Vec<u8>, c: Count) {
    put(out, c.map_or(0, |v| v.saturating_add(1)));
}

/// Every figure of `record` (A–O, the ballot stock, E.n, each list page's total and
/// candidate votes), as LEB128 varints: a Tweede Kamer record takes about 3.5 kB.
pub fn encode(record: &CountRecord) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + 4 * record.candidate_votes.len() * 80);
    put(&mut out, FORMAT);
    let v = &record.voters;
    let e = &record.votes;
    let d = &record.differences;
    let s = &record.ballot_stock;
    for c in [
        v.poll_cards,
        v.proxy_certificates,
        v.voter_cards,
        v.total_admitted,
        e.total_on_lists,
        e.blank,
        e.invalid,
        e.total_cast,
        d.more_ballots,
        d.fewer_ballots,
        d.taken_away,
        d.too_few_issued,
        d.too_many_issued,
        d.other_explanation,
        d.no_explanation,
        s.received,
        s.unused,
        s.spoiled,
    ] {
        put_count(&mut out, c);
    }
    put(&mut out, e.lists.len() as u64);
    for l in &e.lists {
        put(&mut out, u64::from(l.list));
        put_count(&mut out, l.total);
    }
    put(&mut out, record.candidate_votes.len() as u64);
    for c in &record.candidate_votes {
        put(&mut out, u64::from(c.list));
        put_count(&mut out, c.total);
        put(&mut out, c.votes.len() as u64);
        for (number, votes) in &c.votes {
            put(&mut out, u64::from(*number));
            put_count(&mut out, *votes);
        }
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn next(&mut self) -> Option<u64> {
        let mut n: u64 = 0;
        let mut shift = 0;
        loop {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            n |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(n);
            }
            shift += 7;
            if shift > 63 {
                return None;
            }
        }
    }
    fn count(&mut self) -> Option<Count> {
        Some(self.next()?.checked_sub(1))
    }
    fn number(&mut self) -> Option<u32> {
        u32::try_from(self.next()?).ok()
    }
}

/// Reads [`encode`]'s figures into `record` (reusing its allocations); the
/// lifecycle, marks and note are left as they were. None: not this format.
pub fn decode_into(bytes: &[u8], record: &mut CountRecord) -> Option<()> {
    let mut r = Reader { bytes, at: 0 };
    if r.next()? != FORMAT {
        return None;
    }
    let v = &mut record.voters;
    let e = &mut record.votes;
    let d = &mut record.differences;
    let s = &mut record.ballot_stock;
    for slot in [
        &mut v.poll_cards,
        &mut v.proxy_certificates,
        &mut v.voter_cards,
        &mut v.total_admitted,
        &mut e.total_on_lists,
        &mut e.blank,
        &mut e.invalid,
        &mut e.total_cast,
        &mut d.more_ballots,
        &mut d.fewer_ballots,
        &mut d.taken_away,
        &mut d.too_few_issued,
        &mut d.too_many_issued,
        &mut d.other_explanation,
        &mut d.no_explanation,
        &mut s.received,
        &mut s.unused,
        &mut s.spoiled,
    ] {
        *slot = r.count()?;
    }
    let lists = r.next()? as usize;
    e.lists.clear();
    for _ in 0..lists {
        let list = r.number()?;
        let total = r.count()?;
        e.lists.push(ListVotes { list, total });
    }
    let pages = r.next()? as usize;
    record.candidate_votes.truncate(pages);
    for i in 0..pages {
        let list = r.number()?;
        let total = r.count()?;
        let n = r.next()? as usize;
        if i == record.candidate_votes.len() {
            record.candidate_votes.push(CandidateVotes {
                list,
                votes: Vec::with_capacity(n.min(1000)),
                total,
            });
        }
        let page = &mut record.candidate_votes[i];
        page.list = list;
        page.total = total;
        page.votes.clear();
        for _ in 0..n {
            let number = r.number()?;
            page.votes.push((number, r.count()?));
        }
    }
    (r.at == bytes.len()).then_some(())
}

/// The head of [`encode`]'s figures: D, E (votes on lists) and each list's total,
/// read without decoding the candidate pages (what the status board's
/// plausibility column needs). None: not this format.
pub fn decode_head(bytes: &[u8]) -> Option<Head> {
    let mut r = Reader { bytes, at: 0 };
    if r.next()? != FORMAT {
        return None;
    }
    let mut counts = [None; 18];
    for slot in &mut counts {
        *slot = r.count()?;
    }
    let lists = r.next()? as usize;
    let mut totals = Vec::with_capacity(lists.min(1000));
    for _ in 0..lists {
        let list = r.number()?;
        totals.push((list, r.count()?));
    }
    Some(Head {
        total_admitted: counts[3],
        total_on_lists: counts[4],
        lists: totals,
    })
}

/// What [`decode_head`] reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// D.
    pub total_admitted: Count,
    /// E.
    pub total_on_lists: Count,
    /// E.1 … E.n: (list number, total).
    pub lists: Vec<(u32, Count)>,
}

/// Sets the station's row to `record`, whose stored body is `body`; a row of a
/// higher version stays (the caller writes an older version only after deleting
/// the newer ones, see [`forget`]).
pub fn update(conn: &Connection, record: &CountRecord, body: &str) -> Result<(), StorageError> {
    conn.execute(
        "INSERT INTO summary (station, version, state, mode, total_admitted, total_cast, \
         figures, body_sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
         ON CONFLICT (station) DO UPDATE SET version = excluded.version, \
         state = excluded.state, mode = excluded.mode, \
         total_admitted = excluded.total_admitted, total_cast = excluded.total_cast, \
         figures = excluded.figures, body_sha256 = excluded.body_sha256 \
         WHERE excluded.version >= summary.version",
        rusqlite::params![
            record.station,
            record.lifecycle.version,
            state_name(record.lifecycle.state),
            mode_name(record.mode),
            record.voters.total_admitted.map(|v| v as i64),
            record.votes.total_cast.map(|v| v as i64),
            encode(record),
            sha256_hex(body.as_bytes()),
        ],
    )
    .map_err(db)?;
    Ok(())
}

/// Drops the station's row when it describes `version` (which is being deleted);
/// the caller writes the station's new latest version next, or [`rebuild`]s.
pub fn forget(conn: &Connection, station: u32, version: u32) -> Result<(), StorageError> {
    conn.execute(
        "DELETE FROM summary WHERE station = ?1 AND version = ?2",
        [station, version],
    )
    .map_err(db)?;
    Ok(())
}

pub(super) fn parse_state(text: &str) -> Option<RecordState> {
    match text {
        "draft" => Some(RecordState::Draft),
        "finalised" => Some(RecordState::Finalised),
        _ => None,
    }
}

pub(super) fn parse_mode(text: &str) -> Option<EntryMode> {
    match text {
        "counting" => Some(EntryMode::Counting),
        "transcription" => Some(EntryMode::Transcription),
        _ => None,
    }
}

fn count_column(v: Option<i64>) -> Count {
    v.and_then(|v| u64::try_from(v).ok())
}

/// Every station's row, by station number.
pub fn all(conn: &Connection) -> Result<Vec<Summary>, StorageError> {
    let mut stmt = conn
        .prepare(
            "SELECT station, version, state, mode, total_admitted, total_cast FROM summary \
             ORDER BY station",
        )
        .map_err(db)?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, u32>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, Option<i64>>(5)?,
            ))
        })
        .map_err(db)?;
    let mut out = Vec::new();
    for row in rows {
        let (station, version, state, mode, d, h) = row.map_err(db)?;
        let (Some(state), Some(mode)) = (parse_state(&state), parse_mode(&mode)) else {
            return Err(StorageError::Database(format!(
                "station {station}: the summary row says state \"{state}\", mode \"{mode}\" \
                 / onleesbare samenvatting"
            )));
        };
        out.push(Summary {
            station,
            version,
            state,
            mode,
            total_admitted: count_column(d),
            total_cast: count_column(h),
        });
    }
    Ok(out)
}

/// Calls `each` with every station's latest figures (one record buffer, reused: only
/// station, mode, lifecycle version and state and the figures are filled in).
pub fn for_each_figures(
    conn: &Connection,
    election: &Election,
    mut each: impl FnMut(&CountRecord),
) -> Result<(), StorageError> {
    let mut stmt = conn
        .prepare("SELECT station, version, state, mode, figures FROM summary ORDER BY station")
        .map_err(db)?;
    let mut rows = stmt.query([]).map_err(db)?;
    let mut record = CountRecord::empty(election, 0, EntryMode::Transcription);
    while let Some(row) = rows.next().map_err(db)? {
        let station: u32 = row.get(0).map_err(db)?;
        let state: String = row.get(2).map_err(db)?;
        let mode: String = row.get(3).map_err(db)?;
        let figures = row.get_ref(4).map_err(db)?.as_blob().map_err(|e| {
            StorageError::Database(format!("station {station}: summary figures: {e}"))
        })?;
        let unreadable = || {
            StorageError::Database(format!(
                "station {station}: the summary row cannot be read; `telraam audit verify` \
                 checks the workspace / de samenvatting is onleesbaar"
            ))
        };
        record.station = station;
        record.lifecycle.version = row.get(1).map_err(db)?;
        record.lifecycle.state = parse_state(&state).ok_or_else(unreadable)?;
        record.mode = parse_mode(&mode).ok_or_else(unreadable)?;
        decode_into(figures, &mut record).ok_or_else(unreadable)?;
        each(&record);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{self, SEED, Shape};

    #[test]
    fn figures_read_back_as_written_empty_boxes_and_zeroes_apart() {
        let election = generate::election(&Shape {
            stations: 2,
            lists: 4,
            max_candidates: 9,
        });
        let mut seed = SEED;
        let mut record = generate::record(&election, 1, &mut seed);
        record.votes.blank = None;
        record.votes.invalid = Some(0);
        record.candidate_votes[1].votes[2].1 = None;
        record.voters.poll_cards = Some(3 * crate::record::MAX_COUNT);
        let mut back = CountRecord::empty(&election, 1, EntryMode::Transcription);
        // Not figures: the lifecycle and the ticked boxes are not in the summary.
        back.lifecycle = record.lifecycle.clone();
        back.differences.boxes = record.differences.boxes;
        decode_into(&encode(&record), &mut back).expect("reads");
        assert_eq!(back, record);
        // A buffer that held a longer record is reused.
        let mut other = generate::record(&election, 2, &mut seed);
        back.station = 2;
        decode_into(&encode(&other), &mut back).expect("reads");
        other.lifecycle = back.lifecycle.clone();
        assert_eq!(back, other);
    }

    #[test]
    fn cut_or_foreign_bytes_are_refused_not_misread() {
        let election = generate::election(&Shape {
            stations: 1,
            lists: 2,
            max_candidates: 3,
        });
        let mut seed = SEED;
        let bytes = encode(&generate::record(&election, 1, &mut seed));
        let mut back = CountRecord::empty(&election, 1, EntryMode::Transcription);
        assert!(decode_into(&bytes[..bytes.len() - 1], &mut back).is_none());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode_into(&longer, &mut back).is_none());
        assert!(decode_into(&[2], &mut back).is_none());
    }
}
