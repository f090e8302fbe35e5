//! The canonical serialisation of a count record, version 2 (`telraam-code-2`).
//!
//! Every byte is specified in `docs/verification-code.md`: UTF-8 text, one
//! `key=value` per line, each line ended by a single LF (0x0A). A header (format,
//! which code, election id, station, model and, for the record code, the form's
//! generation) is followed by the sections in the order of the paper form (the form
//! model, `crate::form`), each opened by a `[section key]` line. Only the boxes of the
//! record's form generation are written. The quick-report text holds exactly the
//! figures phoned on election night. An empty box is written as
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
use crate::form::{
    Form, Generation, Section as FormSection, Target, section_of as form_section_of,
};
use crate::record::{Count, CountRecord, Field, Mark};

/// The first line of every serialisation: changing any rule below means a new version.
pub const FORMAT_LINE: &str = "telraam-code-2";

/// One section of the serialisation: its key, the form's section it stands for (in
/// the record's generation; its name is in [`super::words`]) and its `key=value` lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// "voters", "votes", "differences", "candidates.<list>".
    pub key: String,
    pub part: FormSection,
    pub generation: Generation,
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

/// The key of the section that holds a count box: where to read again when its code
/// differs. The form model says which section each box is in.
pub fn section_of(field: Field) -> String {
    crate::form::section_of(crate::form::Target::Count(field)).key()
}

/// The form a record is written on: the election's generation, the record's model.
pub fn form_of(election: &Election, record: &CountRecord) -> Form {
    Form {
        generation: election.generation(),
        method: record.counting_method,
    }
}

fn header(election: &Election, record: &CountRecord, code: &str) -> String {
    let mut text = format!(
        "{FORMAT_LINE}\ncode={code}\nelection={}\nstation={}\nmodel={}\n",
        escape(&record.election_id),
        record.station,
        record.counting_method.model()
    );
    if code == "record" {
        text.push_str(&format!(
            "form={}\n",
            form_of(election, record).generation.key()
        ));
    }
    text
}

fn target_line(record: &CountRecord, target: Target) -> String {
    match target {
        Target::Count(field) => field_line(record, field),
        Target::Mark(mark) => mark_line(record, mark),
    }
}

/// Serialises every box of the record's form (its generation and model, from the
/// form model) for the lists and candidates of `election`: the record text.
pub fn serialise(election: &Election, record: &CountRecord) -> Canonical {
    let header = header(election, record, "record");
    let mut sections: Vec<Section> = Vec::new();
    let form = form_of(election, record);
    for target in form.boxes(election) {
        let part = form_section_of(target);
        let key = part.key();
        if sections.last().map(|s| &s.key) != Some(&key) {
            sections.push(Section {
                key,
                part,
                generation: form.generation,
                lines: Vec::new(),
            });
        }
        if let Some(section) = sections.last_mut() {
            section.lines.push(target_line(record, target));
        }
    }
    Canonical { header, sections }
}

/// The boxes of the quick report in the order they are phoned, as the form model
/// places them (`quick_report`): E.1 … E.n (ascending list number), F, G, D. H is not
/// phoned: it is E + F + G on the paper.
pub fn quick_fields(election: &Election) -> Vec<Field> {
    let form = Form::of(election);
    let boxes = form.boxes(election);
    let mut specs: Vec<_> = form.specs().filter(|s| s.quick_report.is_some()).collect();
    specs.sort_by_key(|s| s.quick_report);
    specs
        .into_iter()
        .flat_map(|spec| boxes.iter().filter(|t| spec.stands_for(**t)))
        .filter_map(|target| match target {
            Target::Count(field) => Some(*field),
            Target::Mark(_) => None,
        })
        .collect()
}

/// The quick-report text: its header, then `[quick]` and one line per phoned figure.
pub fn quick_text(election: &Election, record: &CountRecord) -> String {
    let mut text = header(election, record, "quick");
    text.push_str("[quick]\n");
    for field in quick_fields(election) {
        text.push_str(&field_line(record, field));
        text.push('\n');
    }
    text
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
        assert!(
            text.starts_with("telraam-code-2\ncode=record\nelection=X\\nstation=9\nstation=1\n")
        );
    }
}
