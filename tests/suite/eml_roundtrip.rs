//! A 510b written by telraam reads back to the very same records and station
//! details, whatever the figures and however odd the station names.

use proptest::prelude::*;
use telraam::election::Election;
use telraam::eml::candidates::CandidateLists;
use telraam::eml::identifier::ElectionIdentifier;
use telraam::eml::{counts, import, write};
use telraam::form::Generation;
use telraam::record::{CountRecord, EntryMode};

fn lists_of(election: &Election) -> CandidateLists {
    CandidateLists {
        election: ElectionIdentifier {
            id: election.id.clone(),
            name: election.name.clone(),
            category: "GR".into(),
            date: election.date.clone(),
            ..ElectionIdentifier::default()
        },
        authority: election.authority.clone().expect("authority"),
        contest: election.contest.clone(),
        lists: election.lists.clone(),
    }
}

/// A record as a 510b can express it: every box of the election's form filled, H =
/// E + F + G, no C in a municipal election; on the form from 2026 the D/H box the one I
/// and J point to, before 2026 K–O (a 510b carries them for every station: an empty
/// K–O box is written as 0, like every other empty box).
fn record(election: &Election, station: u32, seed: &[u64]) -> CountRecord {
    let mut r = CountRecord::empty(election, station, EntryMode::Transcription);
    let mut next = seed.iter().copied().cycle();
    let mut take = || next.next().unwrap_or(0);
    let mut on_lists = 0;
    for cands in &mut r.candidate_votes {
        let mut sum = 0;
        for (_, v) in &mut cands.votes {
            let n = take();
            *v = Some(n);
            sum += n;
        }
        cands.total = Some(sum);
        if let Some(l) = r.votes.lists.iter_mut().find(|l| l.list == cands.list) {
            l.total = Some(sum);
        }
        on_lists += sum;
    }
    r.votes.total_on_lists = Some(on_lists);
    r.votes.blank = Some(take());
    r.votes.invalid = Some(take());
    r.votes.total_cast = Some(on_lists + r.votes.blank.unwrap_or(0) + r.votes.invalid.unwrap_or(0));
    r.voters.poll_cards = Some(take());
    r.voters.proxy_certificates = Some(take());
    r.voters.total_admitted = Some(take());
    let d = &mut r.differences;
    d.more_ballots = Some(take() % 3);
    d.fewer_ballots = Some(take() % 3);
    if election.generation() == Generation::From2026 {
        d.boxes.more = d.more_ballots != Some(0);
        d.boxes.fewer = d.fewer_ballots != Some(0);
        d.boxes.equal = !d.boxes.more && !d.boxes.fewer;
    } else {
        d.taken_away = Some(take());
        d.too_few_issued = Some(take());
        d.too_many_issued = Some(take());
        d.other_explanation = Some(take());
        d.no_explanation = Some(take());
    }
    r
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn written_510b_reads_back_to_the_same_records(
        seed in proptest::collection::vec(0u64..2_000, 1..40),
        names in proptest::collection::vec("[A-Za-z &<>'\"()é]{1,20}", 3),
        eligible in proptest::collection::vec(proptest::option::of(0u64..5_000), 3),
        from_2026 in any::<bool>(),
    ) {
        // The 510b carries the election day, which tells the form's generation.
        let mut election = Election::demo();
        election.form = None;
        election.date = if from_2026 { "2026-03-18" } else { "2025-08-29" }.into();
        for (i, station) in election.stations.iter_mut().enumerate() {
            station.name = names[i].trim().to_string();
            station.eligible_voters = eligible[i];
            if station.name.is_empty() {
                station.name = "x".into();
            }
        }
        let records: Vec<CountRecord> = election
            .stations
            .iter()
            .map(|s| record(&election, s.number, &seed))
            .collect();
        let xml = write::write("out.xml", &election, &records, "2026-01-01T00:00:00.000")
            .expect("writes");
        let count = counts::read("out.xml", &xml).expect("reads back");
        let back = import::counts("out.xml", &count, "230b", &lists_of(&election)).expect("joins");
        prop_assert_eq!(&back.records, &records);
        for (ours, theirs) in election.stations.iter().zip(&back.election.stations) {
            prop_assert_eq!(&ours.name, &theirs.name);
            prop_assert_eq!(&ours.postcode, &theirs.postcode);
            prop_assert_eq!(theirs.eligible_voters, Some(ours.eligible_voters.unwrap_or(0)));
        }
    }
}
