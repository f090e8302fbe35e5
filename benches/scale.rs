//! telraam at scale (issue 14, README "Performance"): the first frame of the
//! interface, adding up, and a confirmed box, on generated workspaces of a Tweede
//! Kamer ballot (24 lists, up to 80 candidates; `telraam::generate`): 3 and 500
//! polling stations. The workspaces are made once, before measuring. A keystroke
//! (the pure `update` and a redraw, as `benches/keystroke.rs`) is measured on the
//! App started from the 500-station workspace: on its station list and in a count.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};
use telraam::board::Board;
use telraam::generate::{self, SEED, Shape};
use telraam::record::{EntryMode, Field, RecordState};
use telraam::settings::Language;
use telraam::storage::Workspace;
use telraam::tui::board::BoardMsg;
use telraam::tui::runtime::{carry_out, execute, start_app, take};
use telraam::tui::{App, Msg, view};

/// A workspace of `stations` finalised records, plus one station (the last) left
/// as a draft to type into.
fn workspace(dir: &Path, stations: u32) {
    let election = generate::election(&Shape::tweede_kamer(stations + 1));
    let mut ws = Workspace::init(dir, election.clone()).expect("init");
    let mut seed = SEED;
    let mut from = 1;
    while from <= stations {
        let to = (from + 499).min(stations);
        ws.put_records(
            &generate::records(&election, from, to, &mut seed),
            "bench",
            "bench",
        )
        .expect("put");
        from = to + 1;
    }
}

/// What the interface does before its first frame: opening the workspace (quick
/// check), taking its lock and checking the audit chain, reading what the station
/// screen needs, drawing it (80x24).
/// The audit-chain check runs on in the background (nothing is saved before it is
/// in); the time is taken at the first frame, then the check is waited for, untimed.
fn first_frame(dir: &Path) -> std::time::Duration {
    let start = std::time::Instant::now();
    let mut ws = Workspace::open(dir).expect("open");
    let (lock, guard) = take(&mut ws, "bench");
    assert!(guard.is_none() && lock.is_some());
    let app = start_app(&ws, Language::Dutch);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    assert!(terminal.draw(|frame| view(frame, &app)).is_ok());
    let took = start.elapsed();
    while ws.chain_check_running() {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    assert!(
        matches!(ws.chain_check_finding(), Some(Ok(None))),
        "chain intact"
    );
    took
}

/// The status board as F4 opens it on an open workspace: every station's row (the
/// summary, phone and desk tables, the plausibility column) and its first frame.
fn board_frame(ws: &Workspace) {
    let board = Board::load(ws).expect("board");
    let mut app = App::with_statuses(
        ws.election().clone(),
        Language::Dutch,
        Default::default(),
        None,
    );
    app.update(Msg::Board(BoardMsg::Show));
    app.update(Msg::Board(BoardMsg::Loaded(board)));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    assert!(terminal.draw(|frame| view(frame, &app)).is_ok());
    black_box(app);
}

/// What `telraam status` does before it prints: open the workspace read-only with
/// SQLite's quick check on a second thread, read the board, wait for the check.
fn status_open(dir: &Path) {
    let (ws, check) = Workspace::open_read_only_checking(dir).expect("open");
    let board = Board::load(&ws).expect("board");
    check.wait().expect("not damaged");
    black_box(board);
}

fn frames(dir: &Path, iters: u64) -> std::time::Duration {
    (0..iters).map(|_| first_frame(dir)).sum()
}

/// The App of the 500-station workspace: on its station list, and with the draft
/// station (the last) open, 60 boxes into its count.
fn apps(dir: &Path, draft: u32) -> (App, App) {
    let mut ws = Workspace::open(dir).expect("open");
    let list = start_app(&ws, Language::Dutch);
    let mut counting = list.clone();
    let opened =
        execute(&mut ws, "bench", telraam::tui::Effect::OpenStation(draft)).expect("opened");
    counting.update(opened);
    for _ in 0..60 {
        counting.update(Msg::Char('3'));
        counting.update(Msg::Confirm);
    }
    assert!(counting.record.is_some(), "a count is open");
    (list, counting)
}

fn keystrokes(c: &mut Criterion, dir: &Path, draft: u32) {
    let (list, counting) = apps(dir, draft);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    let mut group = c.benchmark_group("keystroke_500_stations");
    for (name, app, msg) in [
        ("station_list_down", &list, Msg::Next),
        ("station_list_filter_digit", &list, Msg::Char('4')),
        ("count_digit", &counting, Msg::Char('7')),
        ("count_enter", &counting, Msg::Confirm),
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

/// What a stretch of work is timed by: the wall time, or the time this thread was on
/// a CPU (user and system, `/proc/thread-self/schedstat`, Linux; zero elsewhere),
/// which the neighbours' disk traffic disturbs far less than a sync to disk's wall
/// time.
#[derive(Clone, Copy)]
enum Clock {
    Wall,
    Cpu,
}

impl Clock {
    fn name(self, bench: &str) -> String {
        match self {
            Clock::Wall => bench.to_string(),
            Clock::Cpu => format!("{bench}_cpu"),
        }
    }

    fn time(self, work: impl FnOnce()) -> Duration {
        match self {
            Clock::Wall => {
                let start = Instant::now();
                work();
                start.elapsed()
            }
            Clock::Cpu => {
                let start = on_cpu();
                work();
                match (start, on_cpu()) {
                    (Some(a), Some(b)) => b.saturating_sub(a),
                    _ => Duration::ZERO,
                }
            }
        }
    }
}

fn on_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// The bytes this process has passed to write calls (`/proc/self/io`, Linux).
fn written_bytes() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/self/io").ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix("wchar: "))?
        .trim()
        .parse()
        .ok()
}

fn scale(c: &mut Criterion) {
    let small = tempfile::tempdir().expect("temp dir");
    let large = tempfile::tempdir().expect("temp dir");
    workspace(small.path(), 3);
    workspace(large.path(), 500);
    let mut group = c.benchmark_group("scale_tweede_kamer");
    group.sample_size(10);
    group.bench_function("first_frame_3_stations", |b| {
        b.iter_custom(|iters| frames(small.path(), iters))
    });
    group.bench_function("first_frame_500_stations", |b| {
        b.iter_custom(|iters| frames(large.path(), iters))
    });
    let ws = Workspace::open(large.path()).expect("open");
    group.bench_function("aggregate_500_stations", |b| {
        b.iter(|| {
            let mut totals = telraam::aggregate::Totals::for_election(ws.election());
            ws.for_each_latest_figures(|r| totals.add_record(ws.election(), r))
                .expect("figures");
            black_box(totals)
        })
    });
    group.bench_function("status_board_500_stations", |b| b.iter(|| board_frame(&ws)));
    group.bench_function("status_open_500_stations", |b| {
        b.iter(|| status_open(large.path()))
    });
    drop(ws);
    group.finish();
    keystrokes(c, large.path(), 501);
    let mut group = c.benchmark_group("scale_tweede_kamer");
    group.sample_size(10);
    let mut ws = Workspace::open(large.path()).expect("open");
    // The box is confirmed in a count nearly done, as late in the evening: every figure
    // of the draft station in (a generated count), still a draft.
    let mut seed = SEED + 1;
    let mut draft = generate::record(ws.election(), 501, &mut seed);
    draft.mode = EntryMode::Counting;
    draft.lifecycle.state = RecordState::Draft;
    ws.put_record(&draft, "bench", "bench").expect("the draft");
    let mut value = 0;
    // A confirmed box: durable (synchronous = FULL) with its audit row and summary.
    // `_cpu`: the time on a CPU (see [`Clock`]) instead of the wall time.
    for clock in [Clock::Wall, Clock::Cpu] {
        group.bench_function(clock.name("confirmed_box_500_stations"), |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| {
                        value = (value + 1) % 1000;
                        clock.time(|| {
                            ws.save_field(501, Field::PollCards, Some(value), "bench")
                                .expect("save");
                        })
                    })
                    .sum()
            })
        });
    }
    // The same box as the operator confirms it: a digit and Enter in the App of the
    // open draft, its effects carried out on the workspace (the box with its audit row
    // and summary, the resume point). Untimed, Up goes back to the box for the next
    // round.
    let mut app = start_app(&ws, Language::Dutch);
    let opened = execute(&mut ws, "bench", telraam::tui::Effect::OpenStation(501)).expect("open");
    app.update(opened);
    let mut digit = '1';
    // Returns the time the Enter took and the bytes it passed to write calls.
    let mut enter = |app: &mut App, ws: &mut Workspace, clock: Clock| {
        digit = if digit == '1' { '2' } else { '1' };
        let before = written_bytes();
        let took = clock.time(|| {
            app.update(Msg::Char(digit));
            let effects = app.update(Msg::Confirm);
            carry_out(app, ws, "bench", effects);
        });
        let written = written_bytes().zip(before).map_or(0, |(a, b)| a - b);
        let effects = app.update(Msg::Prev);
        carry_out(app, ws, "bench", effects);
        (took, written)
    };
    for clock in [Clock::Wall, Clock::Cpu] {
        group.bench_function(clock.name("confirmed_box_interface_500_stations"), |b| {
            b.iter_custom(|iters| (0..iters).map(|_| enter(&mut app, &mut ws, clock).0).sum())
        });
    }
    // What a confirmed box writes: the bytes of its write calls (WAL frames, and a
    // checkpoint's share now and then).
    let rounds = 200;
    let written: u64 = (0..rounds)
        .map(|_| enter(&mut app, &mut ws, Clock::Wall).1)
        .sum();
    eprintln!(
        "a confirmed box in the interface writes {} bytes",
        written / rounds
    );
    assert_eq!(app.unsaved, None, "every box saved");
    assert_eq!(
        app.record,
        ws.record(501).expect("read"),
        "the App shows what is stored"
    );
    // A workspace made beforehand, e.g. the whole country:
    // `telraam --data /tmp/ws10k generate --stations 10000 --workspace`, then
    // `TELRAAM_BENCH_WORKSPACE=/tmp/ws10k cargo bench --bench scale`.
    if let Some(dir) = std::env::var_os("TELRAAM_BENCH_WORKSPACE") {
        let dir = std::path::PathBuf::from(dir);
        group.bench_function("first_frame_given_workspace", |b| {
            b.iter_custom(|iters| frames(&dir, iters))
        });
        let ws = Workspace::open(&dir).expect("open");
        group.bench_function("status_open_given_workspace", |b| {
            b.iter(|| status_open(&dir))
        });
        group.bench_function("status_board_given_workspace", |b| {
            b.iter(|| board_frame(&ws))
        });
        group.bench_function("aggregate_given_workspace", |b| {
            b.iter(|| {
                let mut totals = telraam::aggregate::Totals::for_election(ws.election());
                ws.for_each_latest_figures(|r| totals.add_record(ws.election(), r))
                    .expect("figures");
                black_box(totals)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
