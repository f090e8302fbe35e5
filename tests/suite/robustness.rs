//! Nothing a file or a fault can do poisons a workspace or hides from the user
//! (issue 15), by concern: figures and versions the form cannot hold ([`limits`]), a
//! finalised file that does not pass the finalise gate ([`finalise_gate`]), a box
//! written twice ([`written_twice`]), and what stops a write: a broken audit log or
//! someone typing in the station ([`guards`]). The shared helpers are here.

use std::path::{Path, PathBuf};
use telraam::record::Field;
use telraam::storage::Workspace;

mod finalise_gate;
mod guards;
mod limits;
mod written_twice;

const OP: &str = "Jansen";

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn sample(name: &str) -> String {
    format!("{}/samples/juinen/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Sample 3 (four errors, W.203 open) with `state = "finalised"`, as a file.
fn finalised_with_errors(dir: &Path) -> PathBuf {
    let body = std::fs::read_to_string(sample("station-3-errors.toml"))
        .expect("sample")
        .replace("state = \"draft\"", "state = \"finalised\"");
    let path = dir.join("station-3.toml");
    std::fs::write(&path, body).expect("write");
    path
}

fn tampered_workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    ws.save_field(1, Field::PollCards, Some(12), OP)
        .expect("saved");
    drop(ws);
    let conn = rusqlite::Connection::open(Workspace::db_path(dir.path())).expect("sqlite");
    conn.execute(
        "UPDATE records SET state = 'finalised' WHERE station = 1",
        [],
    )
    .expect("tamper");
    drop(conn);
    let ws = Workspace::open(dir.path()).expect("open");
    (dir, ws)
}
