//! What leaves the workspace: the result file holds exactly the boxes of each form
//! (and refuses any other), a 510b carries exactly the boxes the model places in it,
//! and the municipal totals name exactly the summed boxes.

use super::{boxes, forms, full_record, name, set, value};
use std::collections::BTreeSet;
use telraam::form::{Eml, Form, MODEL, Shape, Target};
use telraam::record::Field;

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
