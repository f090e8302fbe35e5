//! `telraam init --election FILE`: creating a workspace, and refusing bad input.

use crate::support::cli;

use cli::telraam;

fn demo_election() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/samples/juinen/election.toml").to_string()
}

#[test]
fn init_creates_a_workspace_for_the_election() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = home.path().join("ws");
    let ws_arg = ws.to_str().expect("utf-8 path");
    let out = telraam(
        home.path(),
        &["init", "--election", &demo_election(), "--data", ws_arg],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("GR2025_Juinen"), "{stdout}");
    assert!(telraam::storage::Workspace::exists(&ws));
    // Running it again for the same election is harmless.
    let again = telraam(
        home.path(),
        &["init", "--election", &demo_election(), "--data", ws_arg],
    );
    assert_eq!(again.status.code(), Some(0), "{again:?}");
}

#[test]
fn init_refuses_a_workspace_with_counts_for_another_election() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = home.path().join("ws");
    let ws_arg = ws.to_str().expect("utf-8 path");
    let out = telraam(
        home.path(),
        &["init", "--election", &demo_election(), "--data", ws_arg],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let saved = telraam(
        home.path(),
        &["--data", ws_arg, "write-loop", "--count", "2"],
    );
    assert_eq!(saved.status.code(), Some(0), "{saved:?}");

    let text = std::fs::read_to_string(demo_election())
        .expect("demo")
        .replace("GR2025_Juinen", "GR2026_Elders");
    let other = home.path().join("other.toml");
    std::fs::write(&other, text).expect("write");
    let out = telraam(
        home.path(),
        &[
            "init",
            "--election",
            other.to_str().expect("utf-8"),
            "--data",
            ws_arg,
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("GR2025_Juinen") && stderr.contains("GR2026_Elders"),
        "{stderr}"
    );
}

#[test]
fn a_bad_election_file_is_named_and_nothing_is_created() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = home.path().join("ws");
    let bad = home.path().join("bad-election.toml");
    std::fs::write(&bad, "id = \"X\"\nname = \"X\"\ndate = 2025\n").expect("write");
    let out = telraam(
        home.path(),
        &[
            "init",
            "--election",
            bad.to_str().expect("utf-8"),
            "--data",
            ws.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad-election.toml"), "{stderr}");
    assert!(stderr.contains("line"), "names the line: {stderr}");
    assert!(!ws.exists(), "nothing written");

    let missing = home.path().join("missing.toml");
    let out = telraam(
        home.path(),
        &[
            "init",
            "--election",
            missing.to_str().expect("utf-8"),
            "--data",
            ws.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.toml"));
    assert!(!ws.exists(), "nothing written");
}

#[test]
fn the_settings_files_data_dir_is_where_the_workspace_goes() {
    let home = tempfile::tempdir().expect("temp dir");
    let ws = home.path().join("from-settings");
    let config = home.path().join("telraam.toml");
    std::fs::write(
        &config,
        format!(
            "data_dir = {:?}\noperator = \"M. de Vries\"\n",
            ws.to_str().expect("utf-8")
        ),
    )
    .expect("write settings");
    let out = telraam(
        home.path(),
        &[
            "--config",
            config.to_str().expect("utf-8"),
            "init",
            "--election",
            &demo_election(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let opened = telraam::storage::Workspace::open(&ws).expect("created there");
    let log = opened.audit_log().expect("log");
    assert_eq!(
        log[0].operator, "M. de Vries",
        "the settings' operator signs the log"
    );
    // --data still wins over the settings file.
    let explicit = home.path().join("explicit");
    let out = telraam(
        home.path(),
        &[
            "--config",
            config.to_str().expect("utf-8"),
            "--data",
            explicit.to_str().expect("utf-8"),
            "audit",
            "verify",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "no workspace at --data: {out:?}"
    );
    assert!(!explicit.exists());
}
