//! A full record arrives (the annex's QR codes, a result file, a 510b, a transcribed
//! paper PV): its record code is compared with the one phoned on election night, and
//! when they differ, the comparison says where as far as that can be known, without
//! guessing:
//!
//! - quick-report figures whose value in the record is not what was phoned (only when
//!   the phoned figures are known);
//! - lists whose candidate votes do not add up to the list total phoned;
//! - when an earlier version of this record had the phoned code, the sections whose
//!   figures differ from that version's, compared figure by figure (a section code
//!   collides about once in 10,000, so codes alone are not enough to say "unchanged").
//!
//! When none of these finds anything, the difference lies outside the phoned figures
//! and only the paper can tell: the comparison then names nothing rather than a
//! section it cannot know.
//!
//! Pure: no storage. Storage loads the check and the versions, and keeps the result.

use super::{RECORD_GROUPS, canonical, codes};
use crate::election::Election;
use crate::event::{FigureDifference, ListSum, Located, PhoneCheckEvent, RecordComparison};
use crate::record::{CountRecord, Field};

/// Compares the latest of `versions` (oldest first) with the record code phoned in
/// `check`. None when there is nothing to compare: no record, or no record code was
/// phoned (the quick report did not verify).
pub fn compare(
    election: &Election,
    check: &PhoneCheckEvent,
    versions: &[CountRecord],
) -> Option<RecordComparison> {
    let latest = versions.last()?;
    if !check.verified || check.expected.len() != RECORD_GROUPS {
        return None;
    }
    let record = codes(election, latest).record;
    let mut located = Located::default();
    if record != check.expected {
        located = locate(election, check, versions, latest);
    }
    Some(RecordComparison {
        version: latest.lifecycle.version,
        record,
        expected: check.expected.clone(),
        located,
    })
}

fn locate(
    election: &Election,
    check: &PhoneCheckEvent,
    versions: &[CountRecord],
    latest: &CountRecord,
) -> Located {
    let mut located = Located::default();
    if let Some(figures) = &check.figures {
        located.phoned_figures_known = true;
        for figure in figures {
            let record = latest.get(figure.field);
            if record != figure.value {
                located.quick.push(FigureDifference {
                    field: figure.field,
                    phoned: figure.value,
                    record,
                });
                continue;
            }
            // E.n as phoned and in the record: do its candidates add up to it?
            if let Field::ListTotal(list) = figure.field
                && let Some(page) = latest.candidate_list(list)
                && page.votes.iter().any(|(_, v)| v.is_some())
            {
                let candidates: u64 = page.votes.iter().map(|(_, v)| v.unwrap_or(0)).sum();
                if Some(candidates) != figure.value {
                    located.lists.push(ListSum {
                        list,
                        candidates,
                        phoned: figure.value,
                    });
                }
            }
        }
    }
    let matched = versions
        .iter()
        .rev()
        .skip(1)
        .find(|v| codes(election, v).record == check.expected);
    if let Some(then) = matched {
        located.matched_version = Some(then.lifecycle.version);
        let before = canonical::serialise(election, then).sections;
        let now = canonical::serialise(election, latest).sections;
        for section in &now {
            let same = before
                .iter()
                .find(|b| b.key == section.key)
                .is_some_and(|b| b.lines == section.lines);
            if !same {
                located.sections.push(section.key.clone());
            }
        }
        for section in &before {
            if !now.iter().any(|n| n.key == section.key) {
                located.sections.push(section.key.clone());
            }
        }
    }
    located
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Figure;
    use crate::result_file;
    use crate::verification::canonical::quick_fields;

    const VECTOR: &str = include_str!("../../../../tests/data/vectors/juinen-station-1.toml");

    fn station() -> (Election, CountRecord) {
        let e = Election::demo();
        let r = result_file::from_toml("vector", VECTOR, &e).unwrap();
        (e, r)
    }

    /// What the municipality stored after the call: the figures heard and the codes.
    fn phoned(e: &Election, r: &CountRecord, figures: bool) -> PhoneCheckEvent {
        let c = codes(e, r);
        PhoneCheckEvent {
            verified: true,
            quick: c.quick,
            expected: c.record,
            figures: figures.then(|| {
                quick_fields(e)
                    .into_iter()
                    .map(|field| Figure {
                        field,
                        value: r.get(field),
                    })
                    .collect()
            }),
            figures_sha256: String::new(),
            migrated_from_row: None,
        }
    }

    fn first_candidate(e: &Election, list: u32) -> Field {
        let candidate = e.lists[(list - 1) as usize].candidates[0].number;
        Field::Candidate { list, candidate }
    }

    #[test]
    fn the_record_the_station_finalised_matches_the_phone() {
        let (e, r) = station();
        let c = compare(&e, &phoned(&e, &r, true), &[r]).unwrap();
        assert!(c.matches());
        assert!(c.located.is_empty());
    }

    #[test]
    fn a_misheard_or_changed_quick_report_figure_is_named_with_both_values() {
        let (e, r) = station();
        let check = phoned(&e, &r, true);
        let mut arrived = r.clone();
        arrived.set(Field::Blank, Some(4));
        let c = compare(&e, &check, &[arrived]).unwrap();
        assert!(!c.matches());
        assert_eq!(
            c.located.quick,
            [FigureDifference {
                field: Field::Blank,
                phoned: r.get(Field::Blank),
                record: Some(4),
            }]
        );
        assert!(c.located.sections.is_empty(), "no version matched");
    }

    #[test]
    fn a_changed_candidate_is_located_by_its_list_not_adding_up_to_what_was_phoned() {
        let (e, r) = station();
        let check = phoned(&e, &r, true);
        let mut arrived = r.clone();
        let field = first_candidate(&e, 3);
        arrived.set(field, arrived.get(field).map(|v| v + 1));
        let c = compare(&e, &check, &[arrived]).unwrap();
        assert!(c.located.quick.is_empty());
        assert_eq!(c.located.lists.len(), 1);
        assert_eq!(c.located.lists[0].list, 3);
        assert_eq!(
            Some(c.located.lists[0].candidates),
            r.get(Field::ListTotal(3)).map(|v| v + 1)
        );
    }

    #[test]
    fn after_a_version_that_matched_the_sections_that_changed_are_named_figure_by_figure() {
        let (e, r) = station();
        let check = phoned(&e, &r, false);
        let mut v2 = r.clone();
        v2.lifecycle.version = 2;
        // Candidate 3.7 from 2 to 1 keeps list 3's section code (the spec's collision):
        // comparing the figures still names list 3.
        let field = Field::Candidate {
            list: 3,
            candidate: 7,
        };
        v2.set(field, v2.get(field).map(|v| v.saturating_sub(1)));
        let c = compare(&e, &check, &[r, v2]).unwrap();
        assert!(!c.matches());
        assert_eq!(c.located.matched_version, Some(1));
        assert_eq!(c.located.sections, ["candidates.3"]);
        assert!(!c.located.phoned_figures_known);
    }

    #[test]
    fn a_difference_outside_the_phoned_figures_without_a_matching_version_names_nothing() {
        let (e, r) = station();
        let check = phoned(&e, &r, true);
        let mut arrived = r.clone();
        arrived.set(
            Field::PollCards,
            arrived.get(Field::PollCards).map(|v| v + 1),
        );
        let c = compare(&e, &check, &[arrived]).unwrap();
        assert!(!c.matches());
        assert!(c.located.is_empty(), "{:?}", c.located);
        assert!(c.located.phoned_figures_known);
    }

    #[test]
    fn nothing_is_compared_without_a_record_code_phoned() {
        let (e, r) = station();
        let mut check = phoned(&e, &r, true);
        check.verified = false;
        assert_eq!(compare(&e, &check, std::slice::from_ref(&r)), None);
        assert_eq!(compare(&e, &phoned(&e, &r, true), &[]), None);
    }
}
