//! How long `rules::validate` takes on a Tweede-Kamer-sized record: 26 lists of 80
//! candidates (2 080 candidate boxes), every box filled in, in transcription mode so
//! that every rule does its full work; and the same record with a difference between
//! D and H, a ballot stock and an error on every list page.
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use telraam::counting;
use telraam::election::{Candidate, Category, CountingMethod, Election, PoliticalList};
use telraam::record::{BallotStock, CountRecord, EntryMode, Field, YesNo};
use telraam::rules;

const LISTS: u32 = 26;
const CANDIDATES: u32 = 80;

fn election() -> Election {
    Election {
        id: "TK2025".into(),
        name: "Tweede Kamer 2025".into(),
        date: "2025-10-29".into(),
        category: Category::TK,
        counting_method: CountingMethod::DSO,
        voter_cards: None,
        form: None,
        authority: None,
        contest: None,
        domain: None,
        lists: (1..=LISTS)
            .map(|n| PoliticalList {
                number: n,
                name: format!("Lijst {n}"),
                candidates: (1..=CANDIDATES)
                    .map(|c| Candidate {
                        number: c,
                        initials: String::new(),
                        first_name: String::new(),
                        prefix: String::new(),
                        last_name: format!("Kandidaat {c}"),
                        locality: String::new(),
                    })
                    .collect(),
            })
            .collect(),
        stations: Vec::new(),
    }
}

fn balanced(e: &Election) -> CountRecord {
    let mut r = CountRecord::empty(e, 1, EntryMode::Counting);
    for list in 1..=LISTS {
        let mut total = 0;
        for candidate in 1..=CANDIDATES {
            let votes = u64::from((list * 7 + candidate * 3) % 11);
            total += votes;
            r.set(Field::Candidate { list, candidate }, Some(votes));
        }
        r.set(Field::ListTotal(list), Some(total));
    }
    let e_total = counting::on_lists(&r).unwrap_or(0);
    r.set(Field::Blank, Some(12));
    r.set(Field::Invalid, Some(4));
    r.set(Field::PollCards, Some(e_total + 10));
    r.set(Field::ProxyCertificates, Some(4));
    r.set(Field::VoterCards, Some(2));
    counting::complete(e, &mut r);
    r.mode = EntryMode::Transcription;
    r
}

fn bench(c: &mut Criterion) {
    let e = election();
    let clean = balanced(&e);
    assert!(rules::validate(&e, &clean).is_empty());

    let mut troubled = clean.clone();
    let d = troubled.voters.total_admitted.unwrap_or(0);
    troubled.voters.total_admitted = Some(d + 40);
    troubled.voters.poll_cards = troubled.voters.poll_cards.map(|a| a + 40);
    troubled.differences.boxes.equal = false;
    troubled.differences.boxes.fewer = true;
    troubled.differences.fewer_ballots = Some(40);
    troubled.differences.fully_explained = YesNo::from_answer(Some(false));
    troubled.ballot_stock = BallotStock {
        received: Some(d + 500),
        unused: Some(450),
        spoiled: Some(3),
    };
    for list in 1..=LISTS {
        troubled.set(Field::CandidateListTotal(list), Some(1));
    }
    assert!(rules::has_errors(&rules::validate(&e, &troubled)));

    c.bench_function("validate TK-sized record, clean", |b| {
        b.iter(|| rules::validate(black_box(&e), black_box(&clean)))
    });
    c.bench_function("validate TK-sized record, 26 page errors + warnings", |b| {
        b.iter(|| rules::validate(black_box(&e), black_box(&troubled)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
