//! A write-protected workspace (a copy on a locked USB stick, a folder without write
//! permission) can still be audited and exported; a write says the folder is
//! read-only instead of "unable to open database file" (issue 15, defect 7).

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};
use telraam::election::Election;
use telraam::storage::Workspace;

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Runs telraam as a user who cannot write `ws`: as ourselves when we are not root;
/// as root (who may write anywhere), through `setpriv` as user nobody.
fn run_without_write_access(home: &Path, args: &[&str]) -> Output {
    let bin = env!("CARGO_BIN_EXE_telraam");
    let root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let mut command = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", bin]);
        c
    } else {
        Command::new(bin)
    };
    command
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .output()
        .expect("run telraam")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A workspace holding station 1 (the sample), then write-protected; `out` is a
/// folder the command may write to.
fn protected_workspace() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let home = tempfile::tempdir().expect("temp dir");
    chmod(home.path(), 0o755);
    let ws_dir = home.path().join("ws");
    {
        let mut ws = Workspace::open(&ws_dir).expect("open");
        let sample = format!(
            "{}/samples/juinen/station-1.toml",
            env!("CARGO_MANIFEST_DIR")
        );
        let record =
            telraam::result_file::read(Path::new(&sample), &Election::demo()).expect("sample");
        ws.put_record(&record, "Jansen", "import").expect("import");
    }
    for entry in std::fs::read_dir(&ws_dir).expect("list") {
        chmod(&entry.expect("entry").path(), 0o444);
    }
    chmod(&ws_dir, 0o555);
    let out = home.path().join("out");
    std::fs::create_dir(&out).expect("out dir");
    chmod(&out, 0o777);
    (home, ws_dir, out)
}

#[test]
fn audit_verify_works_on_a_write_protected_workspace() {
    let (home, ws, _) = protected_workspace();
    let out = run_without_write_access(home.path(), &["--data", s(&ws), "audit", "verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("auditlog in orde"), "{}", text(&out));
    let out = run_without_write_access(home.path(), &["--data", s(&ws), "audit", "show"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn export_and_aggregate_work_on_a_write_protected_workspace() {
    let (home, ws, out_dir) = protected_workspace();
    let file = out_dir.join("station-1.toml");
    let out = run_without_write_access(
        home.path(),
        &["--data", s(&ws), "export", "--station", "1", "-o", s(&file)],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let written = std::fs::read_to_string(&file).expect("the file is written");
    assert!(written.contains("A = 812"), "{written}");
    assert!(text(&out).contains("alleen-lezen"), "{}", text(&out));

    let out = run_without_write_access(home.path(), &["--data", s(&ws), "aggregate"]);
    assert_ne!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("812"), "{}", text(&out));

    let csv = out_dir.join("osv.csv");
    let out = run_without_write_access(
        home.path(),
        &["--data", s(&ws), "export-csv", "-o", s(&csv)],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));

    let pdf = out_dir.join("annex.pdf");
    let out = run_without_write_access(
        home.path(),
        &["--data", s(&ws), "annex", "--station", "1", "-o", s(&pdf)],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn a_write_to_a_write_protected_workspace_says_the_folder_is_read_only() {
    let (home, ws, _) = protected_workspace();
    let sample = format!(
        "{}/samples/juinen/station-2-warnings.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = run_without_write_access(home.path(), &["--data", s(&ws), "import", &sample]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let said = text(&out);
    assert!(said.contains("alleen-lezen"), "{said}");
    assert!(!said.contains("unable to open database file"), "{said}");
}
