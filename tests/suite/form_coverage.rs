//! One form, described once (issue 10): every box of every form generation (N 10-1
//! and N 10-2, before 2026 and from 2026) walked through each consumer. Each must
//! cover exactly the boxes of that form: the count screens (with what counting mode
//! computes), the verification code's serialisation and its sections, the phone's
//! reading order, the printout the annex and the Vaststellen screen share, the annex
//! itself, the result file, the 510b (EML) and the municipal totals. A consumer that
//! forgets a box, or shows one the form does not have, fails here.

use std::collections::{BTreeMap, BTreeSet};
use telraam::annex::AnnexInput;
use telraam::annex::content::{self, Block};
use telraam::counting;
use telraam::election::{Category, CountingMethod, Election};
use telraam::form::{self, Eml, Form, Generation, MODEL, Shape, Target, words};
use telraam::record::{CountRecord, EntryMode, Field, Mark};
use telraam::tui::flow::{self, Item};
use telraam::verification::{canonical, receive};

/// Every form: both generations of both models. Kiezerspassen apply (a provincial
/// election), so that C is on every form.
fn forms() -> Vec<Election> {
    let mut out = Vec::new();
    for generation in Generation::ALL {
        for method in [CountingMethod::DSO, CountingMethod::CSO] {
            let mut e = Election::demo();
            e.category = Category::PS;
            e.form = Some(generation);
            e.counting_method = method;
            out.push(e);
        }
    }
    out
}

fn name(e: &Election) -> String {
    format!("{} {}", e.counting_method.model(), e.generation().key())
}

/// The boxes of the election's form, from the model.
fn boxes(e: &Election) -> Vec<Target> {
    Form::of(e).boxes(e)
}

fn set(targets: impl IntoIterator<Item = Target>) -> BTreeSet<Target> {
    targets.into_iter().collect()
}

/// A paper record with every box of its form filled in: each count a different
/// figure (so that a box read into another's place shows), every checkbox ticked.
fn full_record(e: &Election) -> CountRecord {
    let mut r = CountRecord::empty(e, 1, EntryMode::Transcription);
    for (i, target) in boxes(e).into_iter().enumerate() {
        match target {
            Target::Count(field) => assert!(r.set(field, Some(100 + i as u64))),
            Target::Mark(mark) => r.set_mark(mark, true),
        }
    }
    r
}

fn value(r: &CountRecord, target: Target) -> Option<u64> {
    match target {
        Target::Count(field) => r.get(field),
        Target::Mark(mark) => Some(u64::from(r.mark(mark))),
    }
}

/// What the count screens ask for (every step's items while D and H differ) and what
/// counting mode fills in itself (with H above, equal to and below D).
fn flow_boxes(e: &Election) -> BTreeSet<Target> {
    let mut covered = BTreeSet::new();
    let paper = full_record(e);
    let mut typed = CountRecord::empty(e, 1, EntryMode::Counting);
    for target in boxes(e) {
        if let Target::Count(field) = target
            && !form::computed(target)
        {
            typed.set(field, paper.get(field));
        }
    }
    typed.set(Field::Blank, Some(10_000));
    counting::complete(e, &mut typed);
    let h_minus_d = counting::difference(&typed).expect("D and H are known");
    for delta in [-1i64, 0, 1] {
        // A raised so that H − D = delta (F is large enough that H exceeds D first).
        let mut r = typed.clone();
        let a = r.get(Field::PollCards).unwrap_or(0) as i64 + h_minus_d - delta;
        r.set(Field::PollCards, Some(a as u64));
        counting::complete(e, &mut r);
        for target in boxes(e) {
            if form::computed(target) && value(&r, target).is_some_and(|v| v > 0) {
                covered.insert(target);
            }
        }
        if delta == 0 {
            continue;
        }
        for step in flow::steps(e) {
            for item in flow::items(e, &r, step) {
                match item {
                    Item::Count(field) | Item::Total(field) => {
                        covered.insert(Target::Count(field));
                    }
                    Item::Explained => {
                        covered.insert(Target::Mark(Mark::ExplainedYes));
                        covered.insert(Target::Mark(Mark::ExplainedNo));
                    }
                    Item::Note => {}
                }
            }
        }
    }
    covered
}

#[test]
fn the_count_screens_ask_for_or_compute_exactly_the_boxes_of_each_form() {
    for e in forms() {
        assert_eq!(flow_boxes(&e), set(boxes(&e)), "{}", name(&e));
    }
}

#[test]
fn the_code_serialises_exactly_the_boxes_of_each_form_in_their_sections() {
    for e in forms() {
        let r = full_record(&e);
        let mut seen = Vec::new();
        for section in canonical::serialise(&e, &r).sections {
            for line in &section.lines {
                let (key, _) = line.split_once('=').expect("key=value");
                let target = Target::parse(key).unwrap_or_else(|| panic!("{key} is no box"));
                assert_eq!(section.key, form::section_of(target).key(), "{key}");
                seen.push(target);
            }
        }
        assert_eq!(
            seen,
            boxes(&e),
            "{}: every box once, in paper order",
            name(&e)
        );
    }
}

#[test]
fn the_phone_reads_exactly_the_boxes_of_each_form_once() {
    for e in forms() {
        let r = full_record(&e);
        let read: Vec<Target> = receive::reading_order(&e, &r)
            .into_iter()
            .map(|item| match item {
                receive::PhoneItem::Count(field) => Target::Count(field),
                receive::PhoneItem::Mark(mark) => Target::Mark(mark),
            })
            .collect();
        assert_eq!(
            read.len(),
            set(read.clone()).len(),
            "{}: once each",
            name(&e)
        );
        assert_eq!(set(read), set(boxes(&e)), "{}", name(&e));
        let quick: Vec<Target> = canonical::quick_fields(&e)
            .into_iter()
            .map(Target::Count)
            .collect();
        let mut expected: Vec<Target> = (1..=4)
            .map(|n| Target::Count(Field::ListTotal(n)))
            .collect();
        expected.extend([Field::Blank, Field::Invalid, Field::TotalAdmitted].map(Target::Count));
        assert_eq!(quick, expected, "the quick report: E.1 … E.n, F, G, D");
    }
}

#[test]
fn the_printout_of_the_annex_and_the_finalise_screen_shows_exactly_the_boxes_of_each_form() {
    for e in forms() {
        let r = full_record(&e);
        let shown = telraam::printout::boxes_shown(&telraam::printout::printout(&e, &r));
        assert_eq!(
            shown.len(),
            set(shown.clone()).len(),
            "{}: once each",
            name(&e)
        );
        assert_eq!(set(shown), set(boxes(&e)), "{}", name(&e));
    }
}

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

/// The boxes a result file holds, read back from its TOML tables.
fn file_boxes(text: &str) -> BTreeSet<Target> {
    let table: toml::Table = toml::from_str(text).expect("TOML");
    let mut out = BTreeSet::new();
    for (name, value) in &table {
        let Some(inner) = value.as_table() else {
            continue;
        };
        for (key, value) in inner {
            match (name.as_str(), value.as_table()) {
                ("votes", Some(lists)) if key == "lists" => {
                    out.extend(
                        lists
                            .keys()
                            .map(|n| Target::Count(Field::ListTotal(n.parse().expect("list")))),
                    );
                }
                ("candidates", Some(page)) => {
                    let list: u32 = key.parse().expect("list");
                    out.extend(page.keys().map(|c| match c.as_str() {
                        "total" => Target::Count(Field::CandidateListTotal(list)),
                        c => Target::Count(Field::Candidate {
                            list,
                            candidate: c.parse().expect("candidate"),
                        }),
                    }));
                }
                (_, None) if key != "note" => {
                    let dotted = format!("{name}.{key}");
                    let target = MODEL
                        .iter()
                        .find(|s| s.file == dotted)
                        .and_then(|s| s.single())
                        .unwrap_or_else(|| panic!("{dotted}: no box of the model"));
                    out.insert(target);
                }
                _ => {}
            }
        }
    }
    out
}

#[test]
fn the_result_file_holds_exactly_the_boxes_of_each_form_and_refuses_any_other() {
    for e in forms() {
        let r = full_record(&e);
        let text = telraam::result_file::to_toml(&r);
        assert_eq!(file_boxes(&text), set(boxes(&e)), "{}", name(&e));
        let back = telraam::result_file::from_toml("s.toml", &text, &e).expect("reads back");
        assert_eq!(
            back,
            r,
            "{}: every box reads back into its own place",
            name(&e)
        );
        // A box of the model that this form does not have is refused.
        for spec in MODEL.iter().filter(|s| !Form::of(&e).includes(s)) {
            let Some(target) = spec.single() else {
                continue;
            };
            let mut other = r.clone();
            match target {
                Target::Count(field) => {
                    other.set(field, Some(7));
                }
                Target::Mark(mark) => other.set_mark(mark, true),
            }
            let text = telraam::result_file::to_toml(&other);
            assert!(
                telraam::result_file::from_toml("s.toml", &text, &e).is_err(),
                "{}: {} is not on this form",
                name(&e),
                target.key()
            );
        }
    }
}

#[test]
fn a_510b_carries_exactly_the_boxes_the_model_places_in_it() {
    for e in forms() {
        let r = full_record(&e);
        let xml = telraam::eml::write::write(
            "x.eml.xml",
            &e,
            std::slice::from_ref(&r),
            "2026-03-18T21:30:00.000",
        )
        .expect("510b written");
        let file = telraam::eml::counts::read("x.eml.xml", &xml).expect("510b read");
        let unit = file.units.first().expect("the station");
        let back = telraam::eml::import::record("x.eml.xml", &e, unit.station, &unit.votes)
            .expect("imported");
        let carried = set(boxes(&e)
            .into_iter()
            .filter(|t| matches!(t, Target::Count(_)) && value(&back, *t) == value(&r, *t)));
        let placed = set(boxes(&e).into_iter().filter(|t| {
            MODEL
                .iter()
                .find(|s| s.stands_for(*t))
                .is_some_and(|s| s.eml != Eml::Absent)
        }));
        assert_eq!(carried, placed, "{}", name(&e));
    }
}

#[test]
fn the_municipal_totals_name_exactly_the_summed_boxes_of_each_form() {
    for e in forms() {
        let r = full_record(&e);
        let totals = telraam::aggregate::aggregate(&e, std::slice::from_ref(&r));
        let named: Vec<Target> = totals
            .entries(&e)
            .into_iter()
            .filter(|entry| entry.key != "kiesgerechtigden")
            .map(|entry| Target::parse(&entry.key).expect("a box"))
            .collect();
        for target in &named {
            assert_eq!(
                totals.get(match target {
                    Target::Count(f) => *f,
                    Target::Mark(_) => panic!("a checkbox is not summed"),
                }),
                value(&r, *target),
                "{}: {} adds up the station's own box",
                name(&e),
                target.key()
            );
        }
        // Every box of the paper, except what is no sum: the checkboxes and each
        // candidate page's own total.
        let summed = set(boxes(&e).into_iter().filter(|t| {
            MODEL.iter().find(|s| s.stands_for(*t)).is_some_and(|s| {
                s.on_paper && s.shape != Shape::PageTotal && matches!(t, Target::Count(_))
            })
        }));
        assert_eq!(set(named), summed, "{}", name(&e));
    }
}
