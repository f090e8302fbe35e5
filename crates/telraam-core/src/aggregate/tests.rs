//! Adding up station records: the tests of [`super`].

use super::*;
use crate::record::{CountRecord, EntryMode};

fn record(station: u32, d: u64, h: u64, i: u64, j: u64) -> CountRecord {
    let e = Election::demo();
    let mut r = CountRecord::empty(&e, station, EntryMode::Transcription);
    r.voters.total_admitted = Some(d);
    r.votes.total_cast = Some(h);
    r.differences.more_ballots = Some(i);
    r.differences.fewer_ballots = Some(j);
    r
}

#[test]
fn more_and_fewer_are_summed_separately_never_netted() {
    let e = Election::demo();
    let totals = aggregate(&e, &[record(1, 10, 11, 1, 0), record(2, 10, 9, 0, 1)]);
    assert_eq!(totals.total_admitted, 20);
    assert_eq!(totals.total_cast, 20);
    assert_eq!((totals.more_ballots, totals.fewer_ballots), (1, 1));
}

#[test]
fn a_municipal_figure_no_station_has_is_taken_from_the_file_and_a_sum_is_not() {
    let e = Election::demo();
    let mut ours = aggregate(&e, &[record(1, 10, 10, 0, 0)]);
    let mut file = ours.clone();
    file.eligible_voters = 16_202;
    file.total_admitted = 99;
    assert_eq!(
        take_municipal_figures(&mut ours, &file),
        vec!["kiesgerechtigden"]
    );
    assert_eq!(ours.eligible_voters, 16_202);
    assert_eq!(
        ours.total_admitted, 10,
        "D is a sum of stations: never taken over"
    );
    let mut with_stations = aggregate(&e, &[record(1, 10, 10, 0, 0)]);
    with_stations.eligible_voters = 1_415;
    assert!(take_municipal_figures(&mut with_stations, &file).is_empty());
    assert_eq!(with_stations.eligible_voters, 1_415);
}

#[test]
fn differences_name_each_figure_that_disagrees() {
    let e = Election::demo();
    let ours = aggregate(&e, &[record(1, 10, 11, 1, 0)]);
    let mut theirs = ours.clone();
    theirs.more_ballots = 0;
    theirs.lists[1].total = 5;
    let keys: Vec<String> = ours
        .differences(&theirs, &e)
        .into_iter()
        .map(|d| d.key)
        .collect();
    assert_eq!(keys, vec!["E.2".to_string(), "I".to_string()]);
}
