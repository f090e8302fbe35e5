//! A workspace of schema 3, where every record version was stored as TOML, opened by
//! this telraam (schema 5, compact bodies; 3 to 4 moves the summary's figures). The fixture `tests/data/workspaces/v3-desk`
//! was made by telraam at commit 490d738 as a user would (see `tests/data/README.md`):
//! station 1's result file imported as a draft, station 3 typed twice at the desk.

use crate::support::cli::telraam;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use telraam::record::Field;
use telraam::storage::{SCHEMA_VERSION, Workspace};

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

/// How each version's body is stored: (station, version, SQLite type).
fn body_types(dir: &Path) -> Vec<(u32, u32, String)> {
    let conn = Connection::open(Workspace::db_path(dir)).expect("db");
    let mut stmt = conn
        .prepare("SELECT station, version, typeof(body) FROM records ORDER BY station, version")
        .expect("query");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("read")
}

fn run(home: &Path, args: &[&str]) -> String {
    let out = telraam(home, args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn an_older_workspace_keeps_its_toml_bodies_and_stores_new_boxes_compactly() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = fixture(tmp.path());
    let data = dir.to_string_lossy().to_string();
    let text = |r: (u32, u32, &str)| (r.0, r.1, r.2.to_string());
    assert_eq!(
        body_types(&dir),
        [text((1, 1, "text")), text((3, 1, "text"))]
    );
    let exported = |name: &str| {
        let file = tmp.path().join(name);
        let path = file.to_string_lossy().to_string();
        run(
            tmp.path(),
            &["--data", &data, "export", "--station", "1", "-o", &path],
        );
        std::fs::read_to_string(&file).expect("exported")
    };
    // Opening migrates (the export opens the workspace): the number only.
    let before = exported("before.toml");
    let conn = Connection::open(Workspace::db_path(&dir)).expect("db");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, SCHEMA_VERSION);
    assert_eq!(
        body_types(&dir),
        [text((1, 1, "text")), text((3, 1, "text"))],
        "nothing converted: the audit rows hold the hash of exactly these bytes"
    );

    // A box of station 1's draft changed and changed back: its version is now stored
    // compactly, and reads back (and exports) as the same record.
    let mut ws = Workspace::open(&dir).expect("opens");
    let blank = ws
        .record(1)
        .expect("read")
        .expect("station 1")
        .get(Field::Blank);
    ws.save_field(1, Field::Blank, Some(blank.unwrap_or(0) + 1), "Dirk")
        .expect("saved");
    ws.save_field(1, Field::Blank, blank, "Dirk")
        .expect("saved back");
    drop(ws);
    assert_eq!(
        body_types(&dir),
        [text((1, 1, "blob")), text((3, 1, "text"))]
    );
    assert_eq!(
        exported("after.toml"),
        before,
        "the result file is unchanged"
    );

    // The whole chain verifies: the old rows against the TOML body of station 3, the
    // new ones against the compact body of station 1.
    let out = run(
        tmp.path(),
        &["--lang", "en", "--data", &data, "audit", "verify"],
    );
    assert!(!out.is_empty());
    let ws = Workspace::open(&dir).expect("reopens");
    assert_eq!(
        ws.record(1)
            .expect("read")
            .expect("there")
            .get(Field::Blank),
        blank
    );
    assert!(
        ws.record(3).expect("read").is_some(),
        "the TOML body reads as before"
    );
}

#[test]
fn a_result_file_imported_into_an_older_workspace_is_stored_compactly_and_exports_as_it_came() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = fixture(tmp.path());
    let data = dir.to_string_lossy().to_string();
    let path = |name: &str| tmp.path().join(name).to_string_lossy().to_string();
    run(
        tmp.path(),
        &[
            "--data",
            &data,
            "export",
            "--station",
            "1",
            "-o",
            &path("1.toml"),
        ],
    );
    let one = std::fs::read_to_string(path("1.toml")).expect("exported");
    // Importing station 1's own file again changes nothing: its TOML body stays.
    run(tmp.path(), &["--data", &data, "import", &path("1.toml")]);
    let text = |r: (u32, u32, &str)| (r.0, r.1, r.2.to_string());
    assert_eq!(
        body_types(&dir),
        [text((1, 1, "text")), text((3, 1, "text"))]
    );
    // The same count as station 2's result file: a record stored whole, now compact.
    let two = one.replacen("\nstation = 1\n", "\nstation = 2\n", 1);
    assert_ne!(two, one);
    std::fs::write(path("2.toml"), &two).expect("write");
    run(tmp.path(), &["--data", &data, "import", &path("2.toml")]);
    assert_eq!(
        body_types(&dir),
        [
            text((1, 1, "text")),
            text((2, 1, "blob")),
            text((3, 1, "text"))
        ]
    );
    run(
        tmp.path(),
        &[
            "--data",
            &data,
            "export",
            "--station",
            "2",
            "-o",
            &path("2-out.toml"),
        ],
    );
    let back = std::fs::read_to_string(path("2-out.toml")).expect("exported");
    assert_eq!(
        back.lines().skip(1).collect::<Vec<_>>(),
        two.lines().skip(1).collect::<Vec<_>>(),
        "the result file exported is the one imported (its title line names the station)"
    );
    let out = run(
        tmp.path(),
        &["--lang", "en", "--data", &data, "audit", "verify"],
    );
    assert!(out.contains("audit log intact"), "{out}");
}
