//! Importing and adding up a large municipality: a generated 510b of 500 polling
//! stations with 30 lists of 80 candidates (1.2 million candidate figures, ~110 MB),
//! read in one streaming pass, joined with the candidate lists and summed into the
//! municipal totals. Target: under 1 s.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use telraam::aggregate::aggregate;
use telraam::election::{
    Authority, Candidate, Category, CountingMethod, Election, PoliticalList, PollingStation,
};
use telraam::eml::candidates::CandidateLists;
use telraam::eml::identifier::ElectionIdentifier;
use telraam::eml::{counts, import, write};
use telraam::record::{CountRecord, EntryMode};

const STATIONS: u32 = 500;
const LISTS: u32 = 30;
const CANDIDATES: u32 = 80;

fn election() -> Election {
    Election {
        id: "GR2026_Groot".into(),
        name: "Gemeenteraad Groot 2026".into(),
        date: "2026-03-18".into(),
        category: Category::GR,
        counting_method: CountingMethod::DSO,
        voter_cards: None,
        form: None,
        authority: Some(Authority {
            id: "0999".into(),
            name: "Groot".into(),
        }),
        contest: None,
        domain: None,
        lists: (1..=LISTS)
            .map(|l| PoliticalList {
                number: l,
                name: format!("Partij {l}"),
                candidates: (1..=CANDIDATES)
                    .map(|c| Candidate {
                        number: c,
                        initials: "A.B.".into(),
                        first_name: String::new(),
                        prefix: String::new(),
                        last_name: format!("Kandidaat{l}x{c}"),
                        locality: "Groot".into(),
                    })
                    .collect(),
            })
            .collect(),
        stations: (1..=STATIONS)
            .map(|n| PollingStation {
                number: n,
                name: format!("Stembureau {n}"),
                postcode: "1234 AB".into(),
                eligible_voters: Some(2500),
            })
            .collect(),
    }
}

/// A balanced record with varied candidate votes (a simple linear congruential sequence).
fn record(election: &Election, station: u32, seed: &mut u64) -> CountRecord {
    let mut r = CountRecord::empty(election, station, EntryMode::Transcription);
    let mut on_lists = 0;
    for cands in &mut r.candidate_votes {
        let mut list_total = 0;
        for (_, votes) in &mut cands.votes {
            *seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let v = (*seed >> 33) % 12;
            *votes = Some(v);
            list_total += v;
        }
        cands.total = Some(list_total);
        if let Some(l) = r.votes.lists.iter_mut().find(|l| l.list == cands.list) {
            l.total = Some(list_total);
        }
        on_lists += list_total;
    }
    let (blank, invalid) = (station as u64 % 7, station as u64 % 5);
    let cast = on_lists + blank + invalid;
    r.votes.total_on_lists = Some(on_lists);
    r.votes.blank = Some(blank);
    r.votes.invalid = Some(invalid);
    r.votes.total_cast = Some(cast);
    r.voters.proxy_certificates = Some(cast / 10);
    r.voters.poll_cards = Some(cast - cast / 10);
    r.voters.total_admitted = Some(cast);
    r.differences.more_ballots = Some(0);
    r.differences.fewer_ballots = Some(0);
    r.differences.boxes.equal = true;
    r
}

fn bench_import_and_aggregate(c: &mut Criterion) {
    let election = election();
    let mut seed = 42;
    let records: Vec<CountRecord> = (1..=STATIONS)
        .map(|n| record(&election, n, &mut seed))
        .collect();
    let xml = match write::write("bench", &election, &records, "2026-03-19T01:00:00.000") {
        Ok(xml) => xml,
        Err(e) => panic!("{e}"),
    };
    let cands = CandidateLists {
        election: ElectionIdentifier {
            id: election.id.clone(),
            name: election.name.clone(),
            category: "GR".into(),
            date: election.date.clone(),
            ..ElectionIdentifier::default()
        },
        authority: Authority {
            id: "0999".into(),
            name: "Groot".into(),
        },
        contest: None,
        lists: election.lists.clone(),
    };
    eprintln!("generated 510b: {:.1} MB", xml.len() as f64 / 1e6);
    // On a shared machine wall time includes waiting for a core; the CPU time this
    // thread spends on one run is the figure that does not depend on the neighbours.
    // (Only when benchmarking: `cargo test --all-targets` runs this file once as a test.)
    if std::env::args().any(|a| a == "--bench") {
        measure_one_run(&xml, &cands);
    }

    let mut group = c.benchmark_group("eml");
    group.sample_size(10);
    group.bench_function("import_and_aggregate_500_stations_30x80", |b| {
        b.iter(|| {
            let count = counts::read("bench.xml", black_box(&xml)).expect("reads");
            let imported =
                import::counts("bench.xml", &count, "bench-230b.xml", &cands).expect("joins");
            let totals = aggregate(&imported.election, &imported.records);
            assert_eq!(Some(&totals), imported.file_totals.as_ref());
            black_box(totals)
        })
    });
    group.finish();
}

/// One run timed by CPU time and wall time.
fn measure_one_run(xml: &str, cands: &CandidateLists) {
    let (cpu_before, wall) = (thread_cpu_seconds(), std::time::Instant::now());
    let count = counts::read("bench.xml", xml).expect("reads");
    let imported = import::counts("bench.xml", &count, "bench-230b.xml", cands).expect("joins");
    black_box(aggregate(&imported.election, &imported.records));
    if let (Some(before), Some(after)) = (cpu_before, thread_cpu_seconds()) {
        eprintln!(
            "one run: {:.2} s CPU time, {:.2} s wall time",
            after - before,
            wall.elapsed().as_secs_f64()
        );
    }
}

/// This thread's user + system CPU time in seconds (Linux; `None` elsewhere).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which is in parentheses): utime is the 12th, stime the 13th.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

criterion_group!(benches, bench_import_and_aggregate);
criterion_main!(benches);
