//! The canonical serialisation of a count record, version 1 (`telraam-code-1`).
//!
//! Every byte is specified in `docs/verification-code.md`: UTF-8 text, one
//! `key=value` per line, each line ended by a single LF (0x0A). A header of four
//! lines (format, election id, station, model) is followed by the sections in a
//! fixed order, each opened by a `[section key]` line. An empty box is written as
//! nothing after the `=`, so that empty and 0 stay different, as on paper.
//!
//! Which lists and candidates are written comes from the election definition, in
//! ascending number, so that the station's record and the record the
//! municipality types from the phone call serialise alike. A list missing from the
//! numbering (lists 1–23 and 26) is simply not there: every line names its number.
//! A candidate section ends with the "totaal lijst" written at the foot of the list's page.
//!
//! Not covered: the entry mode (counting or transcription), version, state,
//! correction reason, acknowledged warnings and the free-text note. None of them
//! is a figure read over the phone.

use crate::election::Election;
use crate::record::{Count, CountRecord, Field, Mark};

/// The first line of every serialisation: changing any rule below means a new version.
pub const FORMAT_LINE: &str = "telraam-code-1";

/// One section of the serialisation: its key, its names and its `key=value` lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// "voters", "votes", "differences", "candidates.<list>".
    pub key: String,
    pub name_nl: String,
    pub name_en: String,
    /// The section's lines, each without its LF.
    pub lines: Vec<String>,
}

impl Section {
    /// The section as it appears in the serialisation: `[key]` LF, then each line LF.
    pub fn text(&self) -> String {
        let mut text = format!("[{}]\n", self.key);
        for line in &self.lines {
            text.push_str(line);
            text.push('\n');
        }
        text
    }
}

/// The header and the sections of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canonical {
    /// The four header lines, each ended by LF.
    pub header: String,
    pub sections: Vec<Section>,
}

impl Canonical {
    /// The whole serialisation: header, then every section in order.
    pub fn text(&self) -> String {
        let mut text = self.header.clone();
        for section in &self.sections {
            text.push_str(&section.text());
        }
        text
    }

    /// What a section code is computed from: the header, then that section alone.
    pub fn section_text(&self, section: &Section) -> String {
        format!("{}{}", self.header, section.text())
    }
}

/// Escapes a text value so that it fits on one line: `\` → `\\`, LF → `\n`, CR → `\r`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn count_line(key: &str, value: Count) -> String {
    match value {
        Some(n) => format!("{key}={n}"),
        None => format!("{key}="),
    }
}

fn field_line(record: &CountRecord, field: Field) -> String {
    count_line(&field.key(), record.get(field))
}

fn mark_line(record: &CountRecord, mark: Mark) -> String {
    format!("{}={}", mark.key(), u8::from(record.mark(mark)))
}

/// The key of the section that holds a count box: where to read again when its code differs.
pub fn section_of(field: Field) -> String {
    match field {
        Field::PollCards | Field::ProxyCertificates | Field::VoterCards | Field::TotalAdmitted => {
            "voters".into()
        }
        Field::ListTotal(_)
        | Field::TotalOnLists
        | Field::Blank
        | Field::Invalid
        | Field::TotalCast => "votes".into(),
        Field::Candidate { list, .. } | Field::CandidateListTotal(list) => {
            format!("candidates.{list}")
        }
        Field::MoreBallots
        | Field::FewerBallots
        | Field::TakenAway
        | Field::TooFewIssued
        | Field::TooManyIssued
        | Field::OtherExplanation
        | Field::NoExplanation
        | Field::BallotsReceived
        | Field::BallotsUnused
        | Field::BallotsSpoiled => "differences".into(),
    }
}

/// Every checkbox sits in the differences section.
pub const MARK_SECTION: &str = "differences";

/// Serialises `record` for the lists and candidates of `election`.
pub fn serialise(election: &Election, record: &CountRecord) -> Canonical {
    let header = format!(
        "{FORMAT_LINE}\nelection={}\nstation={}\nmodel={}\n",
        escape(&record.election_id),
        record.station,
        record.counting_method.model()
    );

    let mut lists: Vec<_> = election.lists.iter().collect();
    lists.sort_by_key(|l| l.number);

    let voters = Section {
        key: "voters".into(),
        name_nl: "toegelaten kiezers (A t/m D)".into(),
        name_en: "admitted voters (A to D)".into(),
        lines: [
            Field::PollCards,
            Field::ProxyCertificates,
            Field::VoterCards,
            Field::TotalAdmitted,
        ]
        .into_iter()
        .map(|f| field_line(record, f))
        .collect(),
    };

    let mut vote_lines: Vec<String> = lists
        .iter()
        .map(|l| field_line(record, Field::ListTotal(l.number)))
        .collect();
    vote_lines.extend(
        [
            Field::TotalOnLists,
            Field::Blank,
            Field::Invalid,
            Field::TotalCast,
        ]
        .into_iter()
        .map(|f| field_line(record, f)),
    );
    let votes = Section {
        key: "votes".into(),
        name_nl: "stemmen per lijst en totalen (E t/m H)".into(),
        name_en: "votes per list and totals (E to H)".into(),
        lines: vote_lines,
    };

    let mut difference_lines: Vec<String> = [Mark::Equal, Mark::More, Mark::Fewer]
        .into_iter()
        .map(|m| mark_line(record, m))
        .collect();
    difference_lines.push(field_line(record, Field::MoreBallots));
    difference_lines.push(field_line(record, Field::FewerBallots));
    difference_lines.push(mark_line(record, Mark::ExplainedYes));
    difference_lines.push(mark_line(record, Mark::ExplainedNo));
    difference_lines.extend(
        [
            Field::TakenAway,
            Field::TooFewIssued,
            Field::TooManyIssued,
            Field::OtherExplanation,
            Field::NoExplanation,
            Field::BallotsReceived,
            Field::BallotsUnused,
            Field::BallotsSpoiled,
        ]
        .into_iter()
        .map(|f| field_line(record, f)),
    );
    let differences = Section {
        key: "differences".into(),
        name_nl: "verschillen en verklaring (I t/m O, stembiljetten)".into(),
        name_en: "differences and their explanation (I to O, ballot stock)".into(),
        lines: difference_lines,
    };

    let mut sections = vec![voters, votes, differences];
    if record.counting_method.counts_candidates() {
        for list in &lists {
            let mut candidates: Vec<u32> = list.candidates.iter().map(|c| c.number).collect();
            candidates.sort_unstable();
            sections.push(Section {
                key: format!("candidates.{}", list.number),
                name_nl: format!("kandidaatstemmen lijst {}", list.number),
                name_en: format!("candidate votes list {}", list.number),
                lines: candidates
                    .into_iter()
                    .map(|candidate| Field::Candidate {
                        list: list.number,
                        candidate,
                    })
                    .chain([Field::CandidateListTotal(list.number)])
                    .map(|field| field_line(record, field))
                    .collect(),
            });
        }
    }
    Canonical { header, sections }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::EntryMode;

    #[test]
    fn empty_box_and_zero_are_written_differently() {
        let e = Election::demo();
        let mut r = CountRecord::empty(&e, 1, EntryMode::Counting);
        let empty = serialise(&e, &r).text();
        assert!(empty.contains("\nA=\n"));
        r.set(Field::PollCards, Some(0));
        let zero = serialise(&e, &r).text();
        assert!(zero.contains("\nA=0\n"));
    }

    #[test]
    fn entry_mode_and_note_do_not_change_the_serialisation() {
        let e = Election::demo();
        let counting = CountRecord::empty(&e, 2, EntryMode::Counting);
        let mut typed = CountRecord::empty(&e, 2, EntryMode::Transcription);
        typed.differences.note = "twee kiezers liepen weg".into();
        assert_eq!(serialise(&e, &counting), serialise(&e, &typed));
    }

    #[test]
    fn a_newline_in_the_election_id_cannot_forge_a_line() {
        let e = Election::demo();
        let mut r = CountRecord::empty(&e, 1, EntryMode::Counting);
        r.election_id = "X\nstation=9".into();
        let text = serialise(&e, &r).text();
        assert!(text.starts_with("telraam-code-1\nelection=X\\nstation=9\nstation=1\n"));
    }
}
