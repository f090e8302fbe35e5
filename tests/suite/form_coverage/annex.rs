//! The annex prints exactly the boxes of each form, each once.

use super::{boxes, forms, full_record, name, set};
use std::collections::BTreeMap;
use telraam::annex::AnnexInput;
use telraam::annex::content::{self, Block};
use telraam::election::Election;
use telraam::form::{MODEL, Target, words};
use telraam::record::{CountRecord, Field, Mark};

/// The boxes an annex prints, read back from its text: a row with a letter is that
/// box, a row without one a box whose words it prints, the D/H line and the yes/no
/// line their checkboxes, each candidate table its page. Lines telraam derives (the
/// stock's "uitgereikt") name no box and are passed over.
fn annex_boxes(e: &Election, r: &CountRecord) -> Vec<Target> {
    let annex = content::build(&AnnexInput::new(e, r, ""), vec![]);
    let by_letter: BTreeMap<String, Target> = boxes(e)
        .into_iter()
        .map(|t| (words::letter(t), t))
        .collect();
    let all: Vec<Target> = MODEL.iter().filter_map(|s| s.single()).collect();
    let mut out = Vec::new();
    let form_sections = annex
        .sections
        .iter()
        .filter(|s| s.title.starts_with(|c: char| c.is_ascii_digit()));
    for block in form_sections.flat_map(|s| &s.blocks) {
        match block {
            Block::Figures(rows) => {
                for row in rows {
                    match (row.letter.as_str(), row.label.as_str()) {
                        ("", "Aangekruist") => {
                            out.extend([Mark::Equal, Mark::More, Mark::Fewer].map(Target::Mark))
                        }
                        ("", "Verschil volledig verklaard?") => {
                            out.extend([Mark::ExplainedYes, Mark::ExplainedNo].map(Target::Mark))
                        }
                        ("", label) => out.extend(
                            all.iter()
                                .filter(|t| words::label(**t, false).eq_ignore_ascii_case(label)),
                        ),
                        (letter, _) => out.push(
                            *by_letter
                                .get(letter)
                                .unwrap_or_else(|| panic!("{letter}: not a box of this form")),
                        ),
                    }
                }
            }
            Block::Candidates(tables) => {
                for table in tables {
                    let list: u32 = table
                        .title
                        .split_whitespace()
                        .nth(1)
                        .and_then(|n| n.parse().ok())
                        .expect("Lijst N");
                    for row in &table.rows {
                        let candidate = row.number.parse().expect("number");
                        out.push(Target::Count(Field::Candidate { list, candidate }));
                    }
                    out.push(Target::Count(Field::CandidateListTotal(list)));
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn the_annex_prints_exactly_the_boxes_of_each_form() {
    for e in forms() {
        let r = full_record(&e);
        let printed = annex_boxes(&e, &r);
        assert_eq!(
            printed.len(),
            set(printed.clone()).len(),
            "{}: once each",
            name(&e)
        );
        assert_eq!(set(printed), set(boxes(&e)), "{}", name(&e));
    }
}
