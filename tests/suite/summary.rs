//! The summary table (what the station list, the status board and `aggregate` read
//! instead of parsing every record) agrees with the records after every step of a
//! record's life, after a crash, and after migrating a workspace written before the
//! table existed; a summary changed behind telraam's back is found by the full check.

use rusqlite::Connection;
use telraam::aggregate::{Totals, aggregate};
use telraam::desk::Source;
use telraam::generate::{self, SEED, Shape};
use telraam::record::{CountRecord, EntryMode, Field, Mark, RecordState};
use telraam::storage::{Summary, Workspace};

const OP: &str = "Jansen";

/// The summaries and the summed figures are exactly what the records say.
fn assert_agrees(ws: &Workspace, step: &str) {
    let records = ws.records().expect("records");
    let expected: Vec<Summary> = records.iter().map(Summary::of).collect();
    assert_eq!(ws.summaries().expect("summaries"), expected, "after {step}");
    let mut from_summary = Totals::for_election(ws.election());
    let mut stations = Vec::new();
    ws.for_each_latest_figures(|r| {
        from_summary.add_record(ws.election(), r);
        stations.push(r.station);
    })
    .expect("figures");
    assert_eq!(
        from_summary,
        aggregate(ws.election(), &records),
        "totals after {step}"
    );
    assert_eq!(
        stations,
        records.iter().map(|r| r.station).collect::<Vec<_>>()
    );
    assert_eq!(
        ws.database_problem().expect("checks"),
        None,
        "full check after {step}"
    );
}

#[test]
fn the_summary_agrees_with_the_records_after_every_lifecycle_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    let election = ws.election().clone();
    assert_agrees(&ws, "opening an empty workspace");

    ws.start(1, EntryMode::Counting, OP).expect("start");
    assert_agrees(&ws, "start");
    ws.save_field(1, Field::PollCards, Some(98), OP).expect("A");
    ws.save_field(1, Field::ProxyCertificates, Some(2), OP)
        .expect("B");
    ws.save_field(1, Field::ListTotal(1), Some(100), OP)
        .expect("E.1");
    ws.save_field(
        1,
        Field::Candidate {
            list: 1,
            candidate: 1,
        },
        Some(100),
        OP,
    )
    .expect("candidate");
    assert_agrees(&ws, "saving fields (D and H recomputed)");
    assert_eq!(ws.summaries().expect("s")[0].total_admitted, Some(100));
    ws.save_field(1, Field::PollCards, None, OP)
        .expect("empty A");
    assert_agrees(&ws, "emptying a box");
    // D = 99 + 2 against H = 100: a difference, which the form asks to explain.
    ws.save_field(1, Field::PollCards, Some(99), OP).expect("A");
    ws.save_mark(1, Mark::ExplainedYes, true, OP).expect("mark");
    ws.save_note(1, "twee biljetten meegenomen", OP)
        .expect("note");
    assert_agrees(&ws, "a mark and a note");

    for field in [Field::Blank, Field::Invalid] {
        ws.save_field(1, field, Some(0), OP).expect("F, G");
    }
    for (list, _) in election.lists.iter().map(|l| (l.number, ())).skip(1) {
        ws.save_field(1, Field::ListTotal(list), Some(0), OP)
            .expect("E.n");
    }
    let record = ws.record(1).expect("read").expect("exists");
    for page in &record.candidate_votes {
        for (candidate, votes) in &page.votes {
            if votes.is_none() {
                let field = Field::Candidate {
                    list: page.list,
                    candidate: *candidate,
                };
                ws.save_field(1, field, Some(0), OP).expect("candidate 0");
            }
        }
    }
    for field in [
        Field::BallotsReceived,
        Field::BallotsUnused,
        Field::BallotsSpoiled,
    ] {
        let v = if field == Field::BallotsReceived {
            100
        } else {
            0
        };
        ws.save_field(1, field, Some(v), OP).expect("stock");
    }
    let record = ws.record(1).expect("read").expect("exists");
    let warnings: Vec<String> = telraam::rules::validate(&election, &record)
        .iter()
        .map(|r| r.code.to_string())
        .collect();
    ws.finalise(1, &warnings, OP).expect("finalise");
    assert_agrees(&ws, "finalising");
    assert_eq!(ws.summaries().expect("s")[0].state, RecordState::Finalised);

    ws.start_correction(1, "A herteld", OP)
        .expect("corrigendum");
    assert_agrees(&ws, "starting a corrigendum");
    assert_eq!(ws.summaries().expect("s")[0].version, 2);
    ws.save_field(1, Field::PollCards, Some(97), OP)
        .expect("change in the corrigendum");
    assert_agrees(&ws, "changing the corrigendum");

    // Imports: a draft replaced, a batch, the same file again, a refused one.
    ws.save_field(2, Field::PollCards, Some(5), OP)
        .expect("draft 2");
    let mut imported = CountRecord::empty(&election, 2, EntryMode::Transcription);
    imported.set(Field::PollCards, Some(50));
    imported.lifecycle.state = RecordState::Finalised;
    ws.put_record(&imported, OP, "import").expect("import");
    assert_agrees(&ws, "an import replacing a draft");
    let mut three = CountRecord::empty(&election, 3, EntryMode::Transcription);
    three.set(Field::Blank, Some(3));
    ws.put_records(&[imported.clone(), three], OP, "import")
        .expect("batch");
    assert_agrees(&ws, "a batch import with the same file again");
    // Station 1's finalised version 1, changed: refused (it needs a corrigendum).
    let mut changed = ws.versions(1).expect("versions")[0].clone();
    assert_eq!(changed.lifecycle.state, RecordState::Finalised);
    changed.set(Field::PollCards, Some(51));
    assert!(ws.put_record(&changed, OP, "import").is_err());
    assert_agrees(&ws, "a refused import");
    changed.lifecycle.version = 3;
    ws.put_record(&changed, OP, "import")
        .expect("an imported corrigendum replaces the draft version 2");
    assert_agrees(&ws, "an imported corrigendum");
    assert_eq!(ws.summaries().expect("s")[0].version, 3);

    drop(ws);
    let ws = Workspace::open(dir.path()).expect("reopen");
    assert_agrees(&ws, "reopening");
}

#[test]
fn the_summary_agrees_after_a_510b_import_and_the_desks_double_entry() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    let election = ws.election().clone();
    // A 510b's records, stored with the file's own totals.
    let mut one = CountRecord::empty(&election, 1, EntryMode::Transcription);
    one.set(Field::PollCards, Some(40));
    ws.put_510b(&[one], None, OP, "import-eml").expect("510b");
    assert_agrees(&ws, "a 510b import");
    // The desk: the station's own result file as one entry; a double entry typed
    // from paper twice, which writes the accepted record.
    let own = crate::desk::paper(&election, 2);
    ws.put_records_from(&[own], OP, "import", &[Source::ResultFile])
        .expect("own record");
    assert_agrees(&ws, "a station's own record at the desk");
    let pv = crate::desk::paper(&election, 3);
    crate::desk::type_entry(&mut ws, 3, "Anna", &pv);
    assert_agrees(&ws, "a first entry");
    crate::desk::type_entry(&mut ws, 3, "Bram", &pv);
    assert!(ws.record(3).expect("read").is_some(), "accepted");
    assert_agrees(&ws, "a double entry accepted");
    drop(ws);
    let ws = Workspace::open(dir.path()).expect("reopen");
    assert_agrees(&ws, "reopening");
}

#[test]
fn the_summary_agrees_after_a_writer_is_killed_mid_save() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws_dir = home.path().join("ws");
    Workspace::open(&ws_dir).expect("create the workspace");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_telraam"))
        .args(["--data", ws_dir.to_str().expect("utf-8"), "write-loop"])
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start the writer");
    let stdout = child.stdout.take().expect("piped");
    use std::io::BufRead;
    let saved = std::io::BufReader::new(stdout).lines().take(60).count();
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    assert_eq!(saved, 60, "the writer ran");
    let ws = Workspace::open(&ws_dir).expect("reopens");
    assert_agrees(&ws, "recovering from SIGKILL");
}

/// A workspace as telraam wrote it before the summary table (schema version 1).
fn make_version_1(dir: &std::path::Path) {
    let conn = Connection::open(Workspace::db_path(dir)).expect("open directly");
    conn.execute_batch("DROP TABLE summary; DROP TABLE summary_figures; PRAGMA user_version = 1;")
        .expect("back to version 1");
}

#[test]
fn an_older_workspace_gets_its_summary_table_at_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let election = generate::election(&Shape {
        stations: 4,
        lists: 3,
        max_candidates: 5,
    });
    let mut ws = Workspace::init(dir.path(), election.clone()).expect("init");
    let mut seed = SEED;
    ws.put_records(&generate::records(&election, 1, 3, &mut seed), OP, "import")
        .expect("import");
    ws.start_correction(2, "herteld", OP).expect("corrigendum");
    ws.save_field(4, Field::PollCards, Some(7), OP)
        .expect("draft");
    let before = ws.records().expect("records");
    drop(ws);
    make_version_1(dir.path());

    let ws = Workspace::open(dir.path()).expect("opens and migrates");
    let version: i64 = Connection::open(Workspace::db_path(dir.path()))
        .expect("open")
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, telraam::storage::schema::SCHEMA_VERSION);
    assert_eq!(ws.records().expect("records"), before, "no record changed");
    assert_eq!(ws.summaries().expect("summaries").len(), 4);
    assert_agrees(&ws, "migrating");
    ws.verify_audit().expect("the audit chain is untouched");
}

#[test]
fn a_summary_changed_behind_telraams_back_is_found_by_the_full_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let election = generate::election(&Shape {
        stations: 2,
        lists: 2,
        max_candidates: 3,
    });
    let mut ws = Workspace::init(dir.path(), election.clone()).expect("init");
    let mut seed = SEED;
    ws.put_records(&generate::records(&election, 1, 2, &mut seed), OP, "import")
        .expect("import");
    drop(ws);
    let conn = Connection::open(Workspace::db_path(dir.path())).expect("open directly");
    conn.execute(
        "UPDATE summary SET total_cast = total_cast + 1 WHERE station = 2",
        [],
    )
    .expect("tamper");
    drop(conn);
    let ws = Workspace::open(dir.path()).expect("open");
    let problem = ws.database_problem().expect("checks").expect("found");
    assert_eq!(
        problem,
        telraam::storage::DatabaseProblem::SummaryDiffers { station: 2 }
    );
    assert!(problem.to_string().contains("stembureau 2"), "{problem}");
    drop(ws);
    let home = tempfile::tempdir().expect("home");
    let data = dir.path().to_str().expect("utf-8");
    let out = crate::support::cli::telraam(home.path(), &["--data", data, "audit", "verify"]);
    assert_eq!(out.status.code(), Some(1), "audit verify reports it");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("de samenvatting van stembureau 2 wijkt af"),
        "{stderr}"
    );
}
