//! One form, described once (issue 10): every box of every form generation (N 10-1
//! and N 10-2, before 2026 and from 2026) walked through each consumer. Each must
//! cover exactly the boxes of that form: the count screens (with what counting mode
//! computes), the verification code's serialisation and its sections, the phone's
//! reading order and the printout the annex and the Vaststellen screen share (here);
//! the annex itself ([`annex`]); the result file, the 510b (EML) and the municipal
//! totals ([`exchanged`]). A consumer that forgets a box, or shows one the form does
//! not have, fails. The forms and the full record are built here.

use std::collections::BTreeSet;
use telraam::counting;
use telraam::election::{Category, CountingMethod, Election};
use telraam::form::{self, Form, Generation, Target};
use telraam::record::{CountRecord, EntryMode, Field, Mark};
use telraam::tui::flow::{self, Item};
use telraam::verification::{canonical, receive};

mod annex;
mod exchanged;

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
