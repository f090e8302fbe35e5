//! The entry points every parser is fuzzed through: the `cargo fuzz` targets in
//! `fuzz/` (run by hand on nightly) and the bounded property run in the normal
//! test command (`tests/suite/fuzz_properties.rs`) call the same functions.
//!
//! Each takes arbitrary bytes and must never panic. Where a parser accepts its
//! input, what it read must survive the way telraam uses it: a result file read
//! back from what telraam writes is the same record, and its rules, codes and
//! annex content can be computed.

use crate::election::Election;
use crate::eml;
use crate::result_file;

fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// A result file (TOML) against the demo election.
pub fn result_file(data: &[u8]) {
    let election = Election::demo();
    if let Ok(record) = result_file::from_toml("fuzz.toml", &text(data), &election) {
        accepted_record(&election, &record);
    }
}

/// What telraam does with a record it accepted: none of it may panic, and writing
/// it and reading it back gives the same record.
pub fn accepted_record(election: &Election, record: &crate::record::CountRecord) {
    let written = result_file::to_toml(record);
    match result_file::from_toml("written.toml", &written, election) {
        Ok(back) => assert_eq!(&back, record, "written and read back:\n{written}"),
        Err(e) => panic!("telraam cannot read what it wrote: {e}\n{written}"),
    }
    let _ = crate::rules::validate(election, record);
    let _ = crate::verification::codes(election, record);
    let _ = crate::storage::Gate::check(election, record, &record.lifecycle.acknowledged_warnings);
    let mut counted = record.clone();
    crate::counting::complete(election, &mut counted);
    let _ = crate::counting::stock_balance(record);
}

/// An election file (TOML); an accepted one is checked and written out again.
pub fn election_file(data: &[u8]) {
    if let Ok(election) = Election::from_toml(&text(data)) {
        let _ = election.check();
        let _ = election.to_toml();
    }
}

/// Each EML_NL reader (110a, 110b, 230b, 510b) on the same bytes; the stations of an
/// accepted 510b are read into records of the demo election.
pub fn eml(data: &[u8]) {
    let text = text(data);
    let _ = eml::definition::read("fuzz.eml.xml", &text);
    let _ = eml::stations::read("fuzz.eml.xml", &text);
    let _ = eml::candidates::read("fuzz.eml.xml", &text);
    if let Ok(count) = eml::counts::read("fuzz.eml.xml", &text) {
        let election = Election::demo();
        for unit in &count.units {
            if let Ok(record) =
                eml::import::record("fuzz.eml.xml", &election, unit.station, &unit.votes)
            {
                let _ = crate::rules::validate(&election, &record);
            }
        }
    }
}

/// The texts a scanner read from an annex's QR codes, put back together and read as
/// a result file.
pub fn qr_parts(data: &[u8]) {
    let text = text(data);
    if crate::annex::qr::is_scanned_parts(&text)
        && let Ok(joined) = crate::annex::qr::join(&crate::annex::qr::split_scanned(&text))
    {
        result_file(joined.as_bytes());
    }
}
