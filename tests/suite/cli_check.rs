//! `telraam check` as a user runs it: the built binary on the sample result files
//! and on broken ones.

use crate::support::cli;

use std::path::{Path, PathBuf};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary with a private home, so no settings file of the machine leaks in.
fn telraam(home: &Path, args: &[&str]) -> Run {
    let out = cli::telraam(home, args);
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn sample(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples/juinen")
        .join(name)
        .display()
        .to_string()
}

fn home() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// The codes at the start of the result lines.
fn codes(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.len() == 5 && w.as_bytes()[1] == b'.')
        .collect()
}

#[test]
fn the_balanced_sample_has_no_results_and_exits_0() {
    let h = home();
    let run = telraam(h.path(), &["check", &sample("station-1.toml")]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(codes(&run.stdout).is_empty(), "{}", run.stdout);
    assert!(run.stdout.contains("Geen fouten en geen waarschuwingen"));
}

#[test]
fn the_warnings_sample_has_warnings_only_and_exits_0() {
    let h = home();
    let run = telraam(h.path(), &["check", &sample("station-2-warnings.toml")]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let found = codes(&run.stdout);
    assert!(!found.is_empty());
    assert!(
        found.contains(&"W.201") && found.contains(&"W.203"),
        "{found:?}"
    );
    for line in run.stdout.lines().filter(|l| codes(l).len() == 1) {
        assert!(line.contains(" waarschuwing "), "{line}");
    }
}

#[test]
fn the_errors_sample_has_errors_and_exits_1() {
    let h = home();
    let run = telraam(h.path(), &["check", &sample("station-3-errors.toml")]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let found = codes(&run.stdout);
    for code in ["F.201", "F.203", "F.310", "F.402", "W.203"] {
        assert!(found.contains(&code), "{code} in {found:?}");
    }
    assert!(run.stdout.contains("F.201 fout [A, B, D]: A + B = 712"));
    assert!(run.stdout.contains("4 fouten, 1 waarschuwing."));
}

#[test]
fn english_on_request_with_lang() {
    let h = home();
    let run = telraam(
        h.path(),
        &["--lang", "en", "check", &sample("station-3-errors.toml")],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("F.201 error [A, B, D]: A + B = 712, but D")
    );
    assert!(run.stdout.contains("W.203 warning"));
    assert!(run.stdout.contains("4 errors, 1 warning."));
}

#[test]
fn english_from_the_settings_file() {
    let h = home();
    let config = h.path().join("telraam.toml");
    std::fs::write(&config, "language = \"en\"\n").expect("write settings");
    let config = config.display().to_string();
    let run = telraam(
        h.path(),
        &[
            "--config",
            &config,
            "check",
            &sample("station-2-warnings.toml"),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("W.201 warning"), "{}", run.stdout);
}

/// Writes the balanced sample with one line replaced, and returns its path and the
/// number of the changed line.
fn broken(dir: &Path, from: &str, to: &str) -> (PathBuf, usize) {
    let text = std::fs::read_to_string(sample("station-1.toml")).expect("sample");
    let line = text
        .lines()
        .position(|l| l == from)
        .expect("line in sample")
        + 1;
    let path = dir.join("broken.toml");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    (path, line)
}

fn assert_bad_input(run: &Run, file: &Path, line: Option<usize>, field: Option<&str>) {
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.is_empty(),
        "nothing printed as a result: {}",
        run.stdout
    );
    let at = match line {
        Some(line) => format!("{}:{line}:", file.display()),
        None => format!("{}:", file.display()),
    };
    assert!(run.stderr.contains(&at), "{at} in {}", run.stderr);
    if let Some(field) = field {
        assert!(
            run.stderr.contains(&format!(" {field}: ")),
            "{field} in {}",
            run.stderr
        );
    }
}

#[test]
fn a_negative_count_is_bad_input_naming_file_line_and_field() {
    let h = home();
    let (path, line) = broken(h.path(), "B = 14", "B = -14");
    let run = telraam(h.path(), &["check", &path.display().to_string()]);
    assert_bad_input(&run, &path, Some(line), Some("voters.B"));
    // Issue 15, defect 12: the chosen language only (Dutch by default).
    assert!(run.stderr.contains("negatief"), "{}", run.stderr);
    assert!(!run.stderr.contains("negative"), "{}", run.stderr);
    let run = telraam(
        h.path(),
        &["--lang", "en", "check", &path.display().to_string()],
    );
    assert!(run.stderr.contains("negative"), "{}", run.stderr);
    assert!(!run.stderr.contains("negatief"), "{}", run.stderr);
}

#[test]
fn a_count_over_nine_digits_is_bad_input() {
    let h = home();
    let (path, line) = broken(h.path(), "F = 7", "F = 1000000000");
    let run = telraam(h.path(), &["check", &path.display().to_string()]);
    assert_bad_input(&run, &path, Some(line), Some("votes.F"));
    assert!(run.stderr.contains("999 999 999"));
}

#[test]
fn an_unknown_list_is_bad_input() {
    let h = home();
    let (path, line) = broken(h.path(), "4 = 99", "9 = 99");
    let run = telraam(h.path(), &["check", &path.display().to_string()]);
    assert_bad_input(&run, &path, Some(line), Some("votes.lists.9"));
}

#[test]
fn malformed_toml_is_bad_input_with_its_line() {
    let h = home();
    let (path, line) = broken(h.path(), "G = 5", "G == 5");
    let run = telraam(h.path(), &["check", &path.display().to_string()]);
    assert_bad_input(&run, &path, Some(line), None);
}

#[test]
fn a_missing_file_is_bad_input() {
    let h = home();
    let path = h.path().join("nergens.toml");
    let run = telraam(h.path(), &["check", &path.display().to_string()]);
    assert_bad_input(&run, &path, None, None);
    assert!(run.stderr.contains("niet gevonden"), "{}", run.stderr);
    assert!(!run.stderr.contains("not found"), "{}", run.stderr);
    let run = telraam(
        h.path(),
        &["--lang", "en", "check", &path.display().to_string()],
    );
    assert!(run.stderr.contains("file not found"), "{}", run.stderr);
    assert!(!run.stderr.contains("niet gevonden"), "{}", run.stderr);
}

/// Issue 15, defect 12: the messages that were English only (a bad format, model or
/// state, an unknown station, a missing election file) are Dutch by default, and
/// English with --lang en; never both.
#[test]
fn messages_once_english_only_come_in_the_chosen_language() {
    let h = home();
    let cases = [
        (
            "format = \"telraam-result-1\"",
            "format = \"iets\"",
            "geen resultaatbestand",
            "not a telraam result file",
        ),
        (
            "model = \"N 10-1\"",
            "model = \"N 99\"",
            "onbekend model",
            "unknown model",
        ),
        (
            "state = \"draft\"",
            "state = \"klaar\"",
            "onbekende status",
            "unknown state",
        ),
        (
            "station = 1",
            "station = 99",
            "hoort niet bij verkiezing",
            "is not part of election",
        ),
    ];
    for (from, to, dutch, english) in cases {
        let (path, _) = broken(h.path(), from, to);
        let file = path.display().to_string();
        let nl = telraam(h.path(), &["check", &file]);
        assert_eq!(nl.code, 2, "{}", nl.stderr);
        assert!(
            nl.stderr.contains(dutch) && !nl.stderr.contains(english),
            "{}",
            nl.stderr
        );
        let en = telraam(h.path(), &["--lang", "en", "check", &file]);
        assert!(
            en.stderr.contains(english) && !en.stderr.contains(dutch),
            "{}",
            en.stderr
        );
    }
    let missing = h.path().join("geen-verkiezing.toml").display().to_string();
    let sample =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/juinen/station-1.toml");
    let sample = sample.display().to_string();
    let nl = telraam(h.path(), &["check", &sample, "--election", &missing]);
    assert!(nl.stderr.contains("bestand niet gevonden"), "{}", nl.stderr);
    assert!(!nl.stderr.contains("No such file"), "{}", nl.stderr);
    let en = telraam(
        h.path(),
        &["--lang", "en", "check", &sample, "--election", &missing],
    );
    assert!(en.stderr.contains("file not found"), "{}", en.stderr);
}

#[test]
fn an_election_file_given_with_election_is_used() {
    let h = home();
    // The demo election under another id, and the sample rewritten for it.
    let election = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/juinen/election.toml"),
    )
    .expect("election")
    .replace("GR2025_Juinen", "GR2026_Elders");
    let election_path = h.path().join("elders.toml");
    std::fs::write(&election_path, election).expect("write");
    let result = std::fs::read_to_string(sample("station-3-errors.toml"))
        .expect("sample")
        .replace("GR2025_Juinen", "GR2026_Elders");
    let result_path = h.path().join("elders-3.toml");
    std::fs::write(&result_path, result).expect("write");
    let result_arg = result_path.display().to_string();

    let without = telraam(h.path(), &["check", &result_arg]);
    assert_eq!(without.code, 2, "unknown election: {}", without.stderr);
    assert!(without.stderr.contains("--election"));

    let election_arg = election_path.display().to_string();
    let with = telraam(
        h.path(),
        &["check", &result_arg, "--election", &election_arg],
    );
    assert_eq!(with.code, 1, "{}", with.stderr);
    assert!(codes(&with.stdout).contains(&"F.201"));
}
