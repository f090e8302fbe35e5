//! The verification code read aloud over the phone (spec: `docs/verification-code.md`).
//!
//! The station's telraam computes a short code from every figure of its record; the
//! municipality's telraam computes the same code from the figures it heard. When the
//! codes match, every figure arrived intact. Section codes say which figures to read
//! again when they do not.
//!
//! CONTRACT: the annex and the interface program against [`codes`], [`fingerprint`]
//! and [`digit_word`]; the rest is added here.

pub mod arrival;
pub mod canonical;
pub mod compare;
pub mod damm;
pub mod receive;
pub mod spoken;
pub mod words;

pub use compare::{CodeError, Comparison, compare, parse_code};
pub use receive::{Outcome, PhoneCheck, PhoneItem, PhoneStatus, reading_order};
pub use spoken::{digit_word, quick_report, spoken_group};

use crate::election::Election;
use crate::record::CountRecord;
use sha2::{Digest, Sha256};

/// One group as spoken: four digits and a Damm check digit, written "1234-5".
pub type Group = String;

/// The number of groups in the record code: 16 digits, log2(10^16) ≈ 53.2 bits of the hash.
pub const RECORD_GROUPS: usize = 4;

/// The number of groups in the quick-report code: 12 digits, log2(10^12) ≈ 39.9 bits.
pub const QUICK_GROUPS: usize = 3;

/// Digits per group, without the check digit.
pub const GROUP_DIGITS: usize = 4;

/// The codes of one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codes {
    /// The quick-report code: three groups over the figures phoned on election night.
    pub quick: Vec<Group>,
    /// The record code: four groups over every box of the record's form.
    pub record: Vec<Group>,
    /// One group per section, in reading order.
    pub sections: Vec<SectionCode>,
}

/// One section's code: its key, the form's section it stands for (in the record's
/// generation; its name, `name`, is in [`words`]) and its group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionCode {
    /// Stable key, e.g. "voters", "votes", "differences", "candidates.3".
    pub key: String,
    pub part: crate::form::Section,
    pub generation: crate::form::Generation,
    pub group: Group,
}

impl Codes {
    /// The record code as written and typed: groups separated by a space.
    pub fn record_text(&self) -> String {
        self.record.join(" ")
    }

    /// The quick-report code as written and typed.
    pub fn quick_text(&self) -> String {
        self.quick.join(" ")
    }

    /// Every group in reading order: the record code, then each section code.
    pub fn all_groups(&self) -> Vec<Group> {
        let mut groups = self.record.clone();
        groups.extend(self.sections.iter().map(|s| s.group.clone()));
        groups
    }
}

/// The quick-report code, record code and section codes of `record`.
pub fn codes(election: &Election, record: &CountRecord) -> Codes {
    let canonical = canonical::serialise(election, record);
    let record_digest = Sha256::digest(canonical.text().as_bytes());
    let sections = canonical
        .sections
        .iter()
        .map(|section| {
            let digest = Sha256::digest(canonical.section_text(section).as_bytes());
            SectionCode {
                key: section.key.clone(),
                part: section.part,
                generation: section.generation,
                group: groups_from_digest(&digest, 1).concat(),
            }
        })
        .collect();
    let quick_digest = Sha256::digest(canonical::quick_text(election, record).as_bytes());
    Codes {
        quick: groups_from_digest(&quick_digest, QUICK_GROUPS),
        record: groups_from_digest(&record_digest, RECORD_GROUPS),
        sections,
    }
}

/// `count` groups from a SHA-256 digest: the first 16 bytes as a big-endian
/// unsigned 128-bit number, reduced modulo 10^(4·count), written with leading
/// zeros, cut into groups of four digits, each followed by "-" and its Damm digit.
fn groups_from_digest(digest: &[u8], count: usize) -> Vec<Group> {
    let mut first = [0u8; 16];
    first.copy_from_slice(&digest[..16]);
    let value = u128::from_be_bytes(first);
    let width = GROUP_DIGITS * count;
    let modulus = 10u128.pow(width as u32);
    let digits = format!("{:0width$}", value % modulus);
    digits
        .as_bytes()
        .chunks(GROUP_DIGITS)
        .map(|chunk| {
            let four = String::from_utf8_lossy(chunk).into_owned();
            let check = damm::check_digit(&four).unwrap_or('0');
            format!("{four}-{check}")
        })
        .collect()
}

/// The SHA-256 of a file's bytes as the Kiesraad prints it: 16 groups of 4 hex characters.
pub fn fingerprint(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: Vec<String> = digest
        .chunks(2)
        .map(|pair| format!("{:02x}{:02x}", pair[0], pair[1]))
        .collect();
    hex.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{EntryMode, Field};

    #[test]
    fn fingerprint_matches_the_kiesraad_published_hash_of_juinen() {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/data/eml/juinen/eml110a_verkiezingsdefinitie-juinen.eml.xml"
        ))
        .unwrap();
        assert_eq!(
            fingerprint(&bytes),
            "fae2 12ff 03ce 27d0 45e2 15ee a0c1 7e0e 316e 331f 2641 50a3 feef 2ac3 61db 2528"
        );
    }

    #[test]
    fn record_code_has_four_groups_each_with_a_valid_check_digit() {
        let e = Election::demo();
        let r = CountRecord::empty(&e, 1, EntryMode::Counting);
        let c = codes(&e, &r);
        assert_eq!(c.record.len(), RECORD_GROUPS);
        for g in c.all_groups() {
            assert_eq!(g.len(), 6);
            assert_eq!(&g[4..5], "-");
            assert!(damm::is_valid(&g.replace('-', "")), "{g}");
        }
        // DSO demo: voters, votes, differences and one section per list.
        assert_eq!(c.sections.len(), 3 + e.lists.len());
        assert_eq!(c.sections[3].key, "candidates.1");
    }

    #[test]
    fn the_same_figures_typed_at_the_municipality_give_the_same_code() {
        let e = Election::demo();
        let mut station = CountRecord::empty(&e, 2, EntryMode::Counting);
        let mut heard = CountRecord::empty(&e, 2, EntryMode::Transcription);
        for r in [&mut station, &mut heard] {
            r.set(Field::PollCards, Some(300));
            r.set(Field::ListTotal(1), Some(120));
        }
        assert_eq!(codes(&e, &station), codes(&e, &heard));
        heard.set(Field::ListTotal(1), Some(210));
        let (a, b) = (codes(&e, &station), codes(&e, &heard));
        assert_ne!(a.record, b.record);
        let differing: Vec<&str> = a
            .sections
            .iter()
            .zip(&b.sections)
            .filter(|(x, y)| x.group != y.group)
            .map(|(x, _)| x.key.as_str())
            .collect();
        assert_eq!(differing, ["votes"]);
    }

    #[test]
    fn another_station_with_the_same_figures_has_another_code() {
        let e = Election::demo();
        let one = CountRecord::empty(&e, 1, EntryMode::Counting);
        let two = CountRecord::empty(&e, 2, EntryMode::Counting);
        assert_ne!(codes(&e, &one).record, codes(&e, &two).record);
        assert_ne!(
            codes(&e, &one).sections[0].group,
            codes(&e, &two).sections[0].group
        );
    }
}
