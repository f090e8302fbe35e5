//! Storage latency: one `save_field` (a durable SQLite transaction with its audit
//! row, synchronous = FULL) is what every keystroke that leaves a box costs; the
//! operator must never wait for it. Also `verify_audit` over a night's log and
//! opening the workspace (integrity check included).

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

criterion_group!(benches, save_field, verify_and_open);
criterion_main!(benches);
