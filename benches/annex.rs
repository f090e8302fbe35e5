//! How long the annex of a Tweede Kamer sized station takes (25 lists with gaps in
//! their numbering, 80 candidates each, about 24 pages with ten QR codes): from the
//! record to the PDF bytes, fonts subset included. Target: under 200 ms.

#[path = "../tests/suite/fixtures/annex.rs"]
mod fixtures;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use telraam::annex::{self, AnnexInput};

fn annex_of_a_large_station(c: &mut Criterion) {
    let election = fixtures::large_election();
    let record = fixtures::large_record(&election);
    let input = AnnexInput::new(&election, &record, "");
    // The fonts are parsed once per process; the first annex pays for that.
    let _ = annex::render(&input);
    c.bench_function("annex: Tweede Kamer station to PDF", |b| {
        b.iter(|| annex::render(black_box(&input)).map(|pdf| pdf.len()))
    });
}

criterion_group!(benches, annex_of_a_large_station);
criterion_main!(benches);
