//! How the desk stores its entries: since schema 5 every step writes the station's
//! entries in the compact form of `src/storage/body.rs` (a BLOB) instead of the
//! whole result-file TOML; an entry stored as TOML by an older telraam (TEXT) reads
//! as before, and the audit chain verifies over both.

use crate::desk::paper;
use crate::support::cli::telraam;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use telraam::desk::{Desk, Source, paper_boxes, value};
use telraam::result_file;
use telraam::storage::Workspace;

/// Each entry's body as stored: (station, number, SQLite type, bytes).
fn bodies(dir: &Path) -> Vec<(u32, u8, String, i64)> {
    let conn = Connection::open(Workspace::db_path(dir)).expect("db");
    let mut stmt = conn
        .prepare(
            "SELECT station, number, typeof(body), length(CAST(body AS BLOB)) \
             FROM desk_entries ORDER BY station, number",
        )
        .expect("query");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("read")
}

fn verifies(home: &Path, dir: &Path) {
    let data = dir.to_string_lossy().to_string();
    let out = telraam(home, &["--lang", "en", "--data", &data, "audit", "verify"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_entry_typed_box_by_box_is_stored_compactly_and_reads_back_as_typed() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("ws");
    let mut ws = Workspace::open(&dir).expect("open");
    let e = ws.election().clone();
    let pv = paper(&e, 1);
    let (_, n) = ws
        .start_entry(1, Source::Paper, None, "Anna")
        .expect("start");
    let mut typed: Option<Desk> = None;
    for t in paper_boxes(&e) {
        let desk = ws
            .save_entry_box(1, n, t, value(&pv, t), "Anna")
            .expect("box");
        // Every box is written compactly, and the stored entry is what was typed so far.
        let stored = bodies(&dir);
        assert_eq!(stored.len(), 1, "{stored:?}");
        assert_eq!(
            (stored[0].0, stored[0].1, stored[0].2.as_str()),
            (1, 1, "blob"),
            "after box {}",
            t.key()
        );
        assert_eq!(ws.desk(1).expect("reads"), desk, "after box {}", t.key());
        typed = Some(desk);
    }
    let typed = typed.expect("boxes typed");
    drop(ws);

    // Read again by a telraam that opens the workspace afresh: the same entry, every
    // box as on paper, in well under the bytes of its result-file TOML.
    let ws = Workspace::open(&dir).expect("reopen");
    let stored = ws.desk(1).expect("reads");
    assert_eq!(stored, typed);
    let entry = stored.entry(n).expect("entry");
    for t in paper_boxes(&e) {
        assert_eq!(value(&entry.record, t), value(&pv, t), "box {}", t.key());
    }
    let size = bodies(&dir)[0].3;
    let toml = result_file::to_toml(&entry.record).len() as i64;
    assert!(size < toml, "compact {size} bytes, TOML {toml} bytes");
    drop(ws);
    verifies(home.path(), &dir);
}

fn fixture(into: &Path) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/workspaces/v3-desk");
    let to = into.join("v3-desk");
    std::fs::create_dir_all(&to).expect("dir");
    for entry in std::fs::read_dir(&from).expect("fixture") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
    to
}

/// `v3-desk` (see `tests/suite/migration.rs`) was written when every entry was
/// stored as result-file TOML: station 1's result file imported as one entry,
/// station 3 typed twice and accepted.
#[test]
fn an_entry_stored_as_toml_by_an_older_telraam_still_reads_and_chains_on() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = fixture(tmp.path());
    let stored = bodies(&dir);
    assert_eq!(stored.len(), 3, "{stored:?}");
    assert!(stored.iter().all(|b| b.2 == "text"), "{stored:?}");

    // Each TOML entry reads as the record its text says.
    let conn = Connection::open(Workspace::db_path(&dir)).expect("db");
    let toml = |station: u32, number: u8| -> String {
        conn.query_row(
            "SELECT body FROM desk_entries WHERE station = ?1 AND number = ?2",
            (station, number),
            |r| r.get(0),
        )
        .expect("text")
    };
    let mut ws = Workspace::open(&dir).expect("opens");
    let e = ws.election().clone();
    for (station, number, _, _) in &stored {
        let entry = ws.desk(*station).expect("reads");
        let entry = entry.entry(*number).expect("entry");
        let text = toml(*station, *number);
        let record = result_file::from_toml("fixture", &text, &e).expect("TOML");
        assert_eq!(entry.record, record, "entry {number} of station {station}");
    }
    let station1 = ws.desk(1).expect("reads");
    let station3 = ws.desk(3).expect("reads");

    // A step at station 1 writes its entries compactly; station 3 keeps its TOML.
    let (desk, _) = ws
        .start_entry(1, Source::Paper, None, "Dirk")
        .expect("the second entry of station 1");
    assert_eq!(desk.entries[0], station1.entries[0], "entry 1 unchanged");
    let kinds: Vec<(u32, u8, String)> = bodies(&dir)
        .into_iter()
        .map(|(s, n, kind, _)| (s, n, kind))
        .collect();
    let kind = |s: u32, n: u8, k: &str| (s, n, k.to_string());
    assert_eq!(
        kinds,
        [
            kind(1, 1, "blob"),
            kind(1, 2, "blob"),
            kind(3, 1, "text"),
            kind(3, 2, "text")
        ]
    );
    drop(ws);
    let ws = Workspace::open(&dir).expect("reopens");
    assert_eq!(ws.desk(1).expect("reads").entries[0], station1.entries[0]);
    assert_eq!(ws.desk(3).expect("reads"), station3);
    drop(ws);
    verifies(tmp.path(), &dir);
}
