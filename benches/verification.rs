//! How long the verification codes take for a Tweede-Kamer-sized record: the
//! receiving screen recomputes them after every typed figure, so this must stay far
//! below a keystroke (target: under 5 ms).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use telraam::election::{Candidate, Category, Election, PoliticalList};
use telraam::record::{CountRecord, EntryMode, Field};
use telraam::verification::codes;

/// 25 lists (1–23 and 26, 24 too) of 80 candidates each: about the size of TK2023.
fn tweede_kamer() -> (Election, CountRecord) {
    let mut election = Election::demo();
    election.id = "TK2027".into();
    election.category = Category::TK;
    election.lists = (1..=26u32)
        .filter(|n| *n != 25)
        .map(|number| PoliticalList {
            number,
            name: format!("Lijst {number}"),
            candidates: (1..=80u32)
                .map(|c| Candidate {
                    number: c,
                    initials: "A.".into(),
                    first_name: String::new(),
                    prefix: String::new(),
                    last_name: format!("Kandidaat {c}"),
                    locality: String::new(),
                })
                .collect(),
        })
        .collect();
    let mut record = CountRecord::empty(&election, 1, EntryMode::Counting);
    for list in &election.lists {
        let mut total = 0;
        for c in &list.candidates {
            let votes = u64::from((list.number * 7 + c.number * 13) % 50);
            total += votes;
            record.set(
                Field::Candidate {
                    list: list.number,
                    candidate: c.number,
                },
                Some(votes),
            );
        }
        record.set(Field::ListTotal(list.number), Some(total));
    }
    record.set(Field::PollCards, Some(2_400));
    telraam::counting::complete(&election, &mut record);
    (election, record)
}

fn bench_codes(c: &mut Criterion) {
    let (election, record) = tweede_kamer();
    c.bench_function("codes of a Tweede Kamer record (2000 candidates)", |b| {
        b.iter(|| codes(black_box(&election), black_box(&record)))
    });
}

criterion_group!(benches, bench_codes);
criterion_main!(benches);
