//! Storage latency: one `save_field` (a durable SQLite transaction with its audit
//! row, synchronous = FULL) is what every keystroke that leaves a box costs; the
//! operator must never wait for it. Also `verify_audit` over a night's log, opening
//! the workspace (integrity check included), and the phone overview of a municipality
//! of 500 stations, every one phoned and its record in (it reads one row per station,
//! parsing no record).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use telraam::record::Field;
use telraam::storage::Workspace;

fn save_field(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    let mut value = 0u64;
    c.bench_function("save_field (durable, with audit row)", |b| {
        b.iter(|| {
            value = (value + 1) % 1000;
            ws.save_field(1, Field::ListTotal(2), Some(value), "bench")
                .expect("save")
        })
    });
    let cand = Field::Candidate {
        list: 1,
        candidate: 3,
    };
    c.bench_function("save_field candidate vote (N 10-1)", |b| {
        b.iter(|| {
            value = (value + 1) % 1000;
            ws.save_field(2, cand, Some(value), "bench").expect("save")
        })
    });
}

fn verify_and_open(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    // A busy night: 1000 saves over three stations.
    for i in 0..1000u64 {
        let station = (i % 3) as u32 + 1;
        ws.save_field(station, Field::PollCards, Some(i), "bench")
            .expect("save");
    }
    c.bench_function("verify_audit (1000 rows)", |b| {
        b.iter(|| black_box(ws.verify_audit().expect("intact")))
    });
    drop(ws);
    c.bench_function("open workspace (integrity check)", |b| {
        b.iter(|| black_box(Workspace::open(dir.path()).expect("open")))
    });
}

fn phone_overview(c: &mut Criterion) {
    use telraam::event::{Figure, PhoneCheckEvent};
    use telraam::generate::{self, SEED, Shape};
    use telraam::verification::{canonical::quick_fields, codes};
    let dir = tempfile::tempdir().expect("temp dir");
    let election = generate::election(&Shape {
        stations: 500,
        lists: 25,
        max_candidates: 80,
    });
    let mut ws = Workspace::init(dir.path(), election.clone()).expect("init");
    let mut seed = SEED;
    let records = generate::records(&election, 1, 500, &mut seed);
    ws.put_records(&records, "bench", "import").expect("import");
    for record in &records {
        let c = codes(&election, record);
        let check = PhoneCheckEvent {
            verified: true,
            quick: c.quick,
            expected: c.record,
            figures: Some(
                quick_fields(&election)
                    .into_iter()
                    .map(|field| Figure {
                        field,
                        value: record.get(field),
                    })
                    .collect(),
            ),
            figures_sha256: String::new(),
            migrated_from_row: None,
        };
        ws.record_phone_check(record.station, &check, "bench")
            .expect("phone check");
    }
    c.bench_function("phone_overview (500 stations phoned, records in)", |b| {
        b.iter(|| black_box(ws.phone_overview().expect("overview")))
    });
}

criterion_group!(benches, save_field, verify_and_open, phone_overview);
criterion_main!(benches);
