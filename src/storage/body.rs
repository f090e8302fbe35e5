//! A record version's stored body, and the two forms it takes.
//!
//! Up to schema 4 every version was stored as its result-file TOML
//! ([`crate::result_file`]), about 13 kB for a Tweede Kamer station, written out
//! whole for every confirmed box. Since schema 5 every version written is stored
//! compactly ([`encode`]), whether the lifecycle wrote it or it was stored whole (an
//! import, [`super::records::write`]): a short header with what is not a figure
//! (election, station, version, state, mode, the ticked boxes, the reason of a
//! corrigendum, the acknowledged warnings, the note), then every figure in the
//! summary's varint form ([`super::summary::encode`]), about 3.7 kB for a Tweede
//! Kamer station. The summary row takes its figures from the same bytes, and the
//! body's hash is computed once for the audit row and the summary.
//!
//! A body stored as TOML stays as it is (a TEXT value; the audit rows hold the hash
//! of exactly those bytes), and is read as before: [`Body`] is either. The result
//! file a user exports, the annex and the QR codes are written from the record, as
//! TOML, whatever form it is stored in.

use super::varint::{Reader, put, put_text};
use super::{StorageError, migration, summary};
use crate::election::{CountingMethod, Election};
use crate::record::{CountRecord, EntryMode, RecordState};
use crate::result_file::{self, ResultFileError, ResultFileProblem};
use rusqlite::Connection;
use rusqlite::types::ValueRef;

/// The first bytes of a compact body; TOML text never starts with a NUL.
const MAGIC: &[u8] = b"\0telraam-body-1\n";

/// A stored body: the result-file TOML of schema 4 and before, or the compact bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Toml(String),
    Compact(Vec<u8>),
}

pub(super) fn unreadable(name: &str) -> ResultFileError {
    ResultFileError {
        file: name.to_string(),
        line: None,
        field: None,
        // The detail is the layer's own word; the words around it are the text table's.
        problem: ResultFileProblem::Invalid("compact record body".into()),
    }
}

impl Body {
    /// The body as SQLite holds it (TEXT: TOML; BLOB: compact).
    pub fn from_value(name: &str, value: ValueRef<'_>) -> Result<Body, ResultFileError> {
        match value {
            ValueRef::Text(t) => std::str::from_utf8(t)
                .map(|t| Body::Toml(t.to_string()))
                .map_err(|_| unreadable(name)),
            ValueRef::Blob(b) => Ok(Body::Compact(b.to_vec())),
            _ => Err(unreadable(name)),
        }
    }

    /// The bytes stored, which the audit row's record hash covers.
    pub fn bytes(&self) -> &[u8] {
        match self {
            Body::Toml(t) => t.as_bytes(),
            Body::Compact(b) => b,
        }
    }

    /// The record it holds, checked against the election as a result file is.
    pub fn read(&self, name: &str, election: &Election) -> Result<CountRecord, ResultFileError> {
        match self {
            Body::Toml(t) => result_file::from_toml(name, t, election),
            Body::Compact(b) => {
                let record = decode(b, election).ok_or_else(|| unreadable(name))?;
                result_file::storable(name, &record, election)?;
                Ok(record)
            }
        }
    }
}

/// The state a stored body says ("draft" or "finalised"), without reading its
/// figures: what the audit check compares with the `state` column. A TOML body
/// without the line is a draft.
pub fn state_in(bytes: &[u8]) -> String {
    if bytes.starts_with(MAGIC) {
        return header(bytes)
            .map_or("unreadable", |h| summary::state_name(h.state))
            .into();
    }
    String::from_utf8_lossy(bytes)
        .lines()
        .find_map(|l| l.strip_prefix("state = "))
        .map(|v| v.trim().trim_matches('"'))
        .unwrap_or("draft")
        .to_string()
}

/// The ticked boxes and the yes/no answer, one bit each.
fn marks(record: &CountRecord) -> u64 {
    let b = &record.differences.boxes;
    let y = &record.differences.fully_explained;
    [b.equal, b.more, b.fewer, y.yes, y.no]
        .iter()
        .enumerate()
        .map(|(i, on)| u64::from(*on) << i)
        .sum()
}

/// The compact body of `record`, and where its figures start (what the summary row
/// stores).
pub fn encode(record: &CountRecord) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(256 + 4 * record.candidate_votes.len() * 80);
    out.extend_from_slice(MAGIC);
    put(&mut out, u64::from(record.station));
    put(&mut out, u64::from(record.lifecycle.version));
    put(
        &mut out,
        match record.lifecycle.state {
            RecordState::Draft => 0,
            RecordState::Finalised => 1,
        },
    );
    put(
        &mut out,
        match record.mode {
            EntryMode::Counting => 0,
            EntryMode::Transcription => 1,
        },
    );
    put(
        &mut out,
        match record.counting_method {
            CountingMethod::DSO => 0,
            CountingMethod::CSO => 1,
        },
    );
    put(&mut out, marks(record));
    put_text(&mut out, &record.election_id);
    put_text(&mut out, &record.lifecycle.correction_reason);
    put(
        &mut out,
        record.lifecycle.acknowledged_warnings.len() as u64,
    );
    for code in &record.lifecycle.acknowledged_warnings {
        put_text(&mut out, code);
    }
    put_text(&mut out, &record.differences.note);
    let figures_at = out.len();
    out.extend_from_slice(&summary::encode(record));
    (out, figures_at)
}

/// What the header says before its texts.
struct Header {
    station: u32,
    version: u32,
    state: RecordState,
    mode: EntryMode,
    method: CountingMethod,
    marks: u64,
}

fn header_in(r: &mut Reader<'_>) -> Option<Header> {
    r.magic(MAGIC)?;
    let station = r.number()?;
    let version = r.number()?;
    let state = match r.next()? {
        0 => RecordState::Draft,
        1 => RecordState::Finalised,
        _ => return None,
    };
    let mode = match r.next()? {
        0 => EntryMode::Counting,
        1 => EntryMode::Transcription,
        _ => return None,
    };
    let method = match r.next()? {
        0 => CountingMethod::DSO,
        1 => CountingMethod::CSO,
        _ => return None,
    };
    let marks = r.next().filter(|m| *m < 32)?;
    Some(Header {
        station,
        version,
        state,
        mode,
        method,
        marks,
    })
}

fn header(bytes: &[u8]) -> Option<Header> {
    header_in(&mut Reader::new(bytes))
}

/// Reads [`encode`]'s bytes back (None: not a compact body of this election).
pub fn decode(bytes: &[u8], election: &Election) -> Option<CountRecord> {
    let mut r = Reader::new(bytes);
    let h = header_in(&mut r)?;
    let mut record = CountRecord::empty(election, h.station, h.mode);
    record.election_id = r.text()?;
    if record.election_id != election.id || h.method != election.counting_method {
        return None;
    }
    record.counting_method = h.method;
    record.lifecycle.version = h.version;
    record.lifecycle.state = h.state;
    record.lifecycle.correction_reason = r.text()?;
    let codes = r.next()?;
    for _ in 0..codes {
        let code = r.text()?;
        record.lifecycle.acknowledged_warnings.push(code);
    }
    record.differences.note = r.text()?;
    let bit = |i: u32| h.marks & (1 << i) != 0;
    let boxes = &mut record.differences.boxes;
    (boxes.equal, boxes.more, boxes.fewer) = (bit(0), bit(1), bit(2));
    let answer = &mut record.differences.fully_explained;
    (answer.yes, answer.no) = (bit(3), bit(4));
    let figures = bytes.get(r.at()..)?;
    summary::decode_into(figures, &mut record)?;
    Some(record)
}

/// Schema 4 to 5. Nothing is converted: a stored TOML body stays as it is (the audit
/// rows hold the hash of exactly its bytes) and is read as before. Versions written
/// from now on are compact, which a telraam of schema 4 cannot read: the version
/// number tells it so ("written by a newer telraam") instead of a failed read.
pub fn migrate_from_4(conn: &mut Connection) -> Result<(), StorageError> {
    match migration::begin(conn, 4)? {
        Some(tx) => migration::finish(tx, 5),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{self, SEED, Shape};
    use crate::record::Field;

    /// Records as the workspace stores them: generated counts, drafts and finalised
    /// versions, a corrigendum with its reason and acknowledged warnings, a note with
    /// quotes and a line break, ticked boxes, empty boxes and written zeros.
    fn records(election: &Election) -> Vec<CountRecord> {
        let mut seed = SEED;
        let mut out = Vec::new();
        for station in 1..=3 {
            let mut r = generate::record(election, station, &mut seed);
            r.mode = EntryMode::Counting;
            out.push(r.clone());
            r.lifecycle.state = RecordState::Draft;
            r.lifecycle.version = 2;
            r.lifecycle.correction_reason = "herteld: \"lijst 3\"\nna bezwaar".into();
            r.lifecycle.acknowledged_warnings = vec!["W.203".into(), "T.302".into()];
            r.differences.note = "één stembiljet meegenomen".into();
            r.differences.boxes.fewer = true;
            r.differences.fully_explained.no = true;
            r.set(Field::Blank, None);
            r.set(Field::Invalid, Some(0));
            r.mode = EntryMode::Transcription;
            out.push(r);
        }
        out.push(CountRecord::empty(election, 2, EntryMode::Counting));
        out
    }

    #[test]
    fn a_stored_record_reads_back_as_the_same_record_as_its_result_file_would() {
        let tk = generate::election(&Shape::tweede_kamer(4));
        let mut list_totals_only = Election::demo();
        list_totals_only.counting_method = CountingMethod::CSO;
        for election in [tk, Election::demo(), list_totals_only] {
            for record in records(&election) {
                let (bytes, figures_at) = encode(&record);
                let back = Body::Compact(bytes.clone())
                    .read("x", &election)
                    .expect("reads");
                assert_eq!(back, record);
                // What storing it as TOML (schema 4 and before) gave: the same record, so an
                // export, the annex and the codes do not depend on the form stored.
                let toml = Body::Toml(result_file::to_toml(&record));
                assert_eq!(toml.read("x", &election).expect("reads"), back);
                assert_eq!(&bytes[figures_at..], summary::encode(&record).as_slice());
                let state = summary::state_name(record.lifecycle.state);
                assert_eq!(state_in(&bytes), state);
                assert_eq!(state_in(toml.bytes()), state);
            }
        }
    }

    /// Records stored whole: each station of a real 510b (a municipal count with
    /// candidate votes, a Tweede Kamer-like one) as `import-eml --counts` makes it,
    /// and the same record read from its result file (an import of a result file or
    /// of the annex's QR codes, which join into one). The compact body must give each
    /// back as it is, and as its result file would.
    #[test]
    fn an_imported_record_reads_back_as_the_same_record_as_its_result_file_would() {
        use crate::eml::{candidates, counts, import};
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/eml/");
        let read = |f: &str| std::fs::read_to_string(format!("{dir}{f}")).expect("test data");
        for (c510, c230) in [
            (
                "gr2022-west-maas-en-waal/Telling_GR2022_WestMaasenWaal.eml.xml",
                "gr2022-west-maas-en-waal/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
            ),
            (
                "tk-like-kieskring-6/Telling_TK2025_gemeente_Nijmegen_fictief.eml.xml",
                "tk-like-kieskring-6/Kandidatenlijsten_TK2025_Nijmegen_fictief.eml.xml",
            ),
        ] {
            let count = counts::read(c510, &read(c510)).expect("510b");
            let cands = candidates::read(c230, &read(c230)).expect("230b");
            let import = import::counts(c510, &count, c230, &cands).expect("joins");
            assert!(!import.records.is_empty());
            for record in &import.records {
                let from_file =
                    result_file::from_toml("x", &result_file::to_toml(record), &import.election)
                        .expect("reads");
                for r in [record, &from_file] {
                    let back = Body::Compact(encode(r).0)
                        .read("x", &import.election)
                        .expect("reads");
                    assert_eq!(&back, r);
                    assert_eq!(back, from_file, "{c510} station {}", r.station);
                }
            }
        }
    }

    #[test]
    fn a_cut_changed_or_foreign_body_is_refused_not_misread() {
        let election = Election::demo();
        let mut seed = SEED;
        let record = generate::record(&election, 1, &mut seed);
        let (bytes, _) = encode(&record);
        assert!(decode(&bytes, &election).is_some());
        assert!(decode(&bytes[..bytes.len() - 1], &election).is_none());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer, &election).is_none());
        assert!(decode(&bytes[1..], &election).is_none(), "no magic");
        let mut other = election.clone();
        other.id = "TK2025".into();
        assert!(decode(&bytes, &other).is_none(), "another election's body");
        // A figure beyond what a box holds is refused as a result file refuses it.
        let mut huge = record.clone();
        huge.voters.poll_cards = Some(crate::record::MAX_COUNT + 1);
        let err = Body::Compact(encode(&huge).0)
            .read("station 1", &election)
            .expect_err("refused");
        assert_eq!(err.file, "station 1");
    }
}
