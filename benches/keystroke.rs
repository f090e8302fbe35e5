//! One keystroke on a Tweede Kamer sized ballot (26 lists of 80 candidates): the
//! pure `update` plus a full redraw of the 80x24 screen into ratatui's TestBackend.
//! Target: under 1 ms.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use telraam::election::{Candidate, Category, Election, PoliticalList};
use telraam::record::{CountRecord, EntryMode};
use telraam::settings::Language;
use telraam::tui::{App, Msg, view};

fn tweede_kamer() -> Election {
    let mut election = Election::demo();
    election.category = Category::TK;
    election.lists = (1..=26)
        .map(|n| PoliticalList {
            number: n,
            name: format!("Partij {n}"),
            candidates: (1..=80)
                .map(|c| Candidate {
                    number: c,
                    initials: "A.B.".into(),
                    first_name: "Anna".into(),
                    prefix: "van der".into(),
                    last_name: format!("Kandidaat{c}"),
                    locality: "Utrecht".into(),
                })
                .collect(),
        })
        .collect();
    election
}

/// An App halfway through the candidates of list 13, at candidate 41.
fn app_on_candidates() -> App {
    let election = tweede_kamer();
    let record = CountRecord::empty(&election, 1, EntryMode::Counting);
    let mut app = App::new(election, Language::Dutch, &[], None);
    app.update(Msg::Opened(record));
    for _ in 0..(3 + 26 + 2) {
        app.update(Msg::Confirm);
    }
    for _ in 0..12 {
        app.update(Msg::NextStep);
        app.update(Msg::Char('j'));
    }
    for _ in 0..40 {
        app.update(Msg::Char('3'));
        app.update(Msg::Confirm);
    }
    app
}

fn keystroke(c: &mut Criterion) {
    let app = app_on_candidates();
    let mut terminal = match Terminal::new(TestBackend::new(80, 24)) {
        Ok(t) => t,
        Err(e) => panic!("test backend: {e}"),
    };
    let mut group = c.benchmark_group("keystroke_tweede_kamer_26x80");
    for (name, msg) in [
        ("digit", Msg::Char('7')),
        ("enter", Msg::Confirm),
        ("next_field", Msg::Next),
    ] {
        group.bench_function(name, |b| {
            b.iter_batched(
                || app.clone(),
                |mut app| {
                    let effects = app.update(msg.clone());
                    let drawn = terminal.draw(|frame| view(frame, &app)).is_ok();
                    black_box((effects, drawn, app))
                },
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
