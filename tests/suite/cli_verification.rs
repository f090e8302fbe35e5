//! `telraam code` and `telraam verify` as a user runs them.

use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn telraam(args: &[&str]) -> Output {
    let data = tempfile::tempdir().unwrap();
    let config = data.path().join("telraam.toml");
    std::fs::write(&config, "").unwrap();
    Command::new(env!("CARGO_BIN_EXE_telraam"))
        .current_dir(root())
        .arg("--data")
        .arg(data.path())
        .arg("--config")
        .arg(&config)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The groups `telraam code` prints for a file: record code, then the section codes.
fn printed_groups(file: &str, extra: &[&str]) -> (Vec<String>, Vec<String>) {
    let (_, record, sections) = printed_codes(file, extra);
    (record, sections)
}

/// Every code `telraam code` prints: quick-report code, record code, section codes.
fn printed_codes(file: &str, extra: &[&str]) -> (Vec<String>, Vec<String>, Vec<String>) {
    let mut args = vec!["code", file];
    args.extend_from_slice(extra);
    let out = telraam(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let is_group = |w: &str| w.len() == 6 && w.as_bytes()[4] == b'-';
    let groups_of = |line: &str| -> Vec<String> {
        line.split_whitespace()
            .filter(|w| is_group(w))
            .map(str::to_string)
            .collect()
    };
    let mut lines = text.lines();
    let quick = groups_of(lines.next().unwrap());
    let record = groups_of(lines.next().unwrap());
    let sections: Vec<String> = lines
        .skip(1)
        .filter_map(|l| l.split_whitespace().last())
        .filter(|w| is_group(w))
        .map(str::to_string)
        .collect();
    (quick, record, sections)
}

#[test]
fn code_prints_the_quick_report_code_record_code_section_codes_and_fingerprint() {
    let out = telraam(&["code", "tests/data/vectors/juinen-station-1.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let expected =
        std::fs::read_to_string(root().join("tests/data/vectors/juinen-station-1.codes.txt"))
            .unwrap();
    let code = |prefix: &str| {
        expected
            .lines()
            .find_map(|l| l.strip_prefix(prefix))
            .unwrap()
            .to_string()
    };
    assert!(
        text.starts_with(&format!(
            "Code snelle uitslag (E.1 … E.n, F, G, D): {}\n\
             Controlecode (elk vak van het proces-verbaal): {}\n",
            code("quick "),
            code("record ")
        )),
        "{text}"
    );
    assert!(text.contains("kandidaatstemmen lijst 4"), "{text}");
    let fp = expected
        .lines()
        .find_map(|l| l.strip_prefix("fingerprint "))
        .unwrap();
    assert!(text.contains(fp), "{text}");
}

#[test]
fn verify_accepts_the_code_of_the_file_and_exits_0() {
    let (record, _) = printed_groups("tests/data/vectors/juinen-station-1.toml", &[]);
    let out = telraam(&[
        "verify",
        "tests/data/vectors/juinen-station-1.toml",
        "--code",
        &record.join(" "),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("De code klopt"));
}

#[test]
fn verify_names_the_section_that_differs_and_exits_1() {
    let wmw = "tests/data/vectors/gr2022-west-maas-en-waal.election.toml";
    let file = "tests/data/vectors/wmw2022-station-7.toml";
    let (record, sections) = printed_groups(file, &["--election", wmw]);
    // The code read aloud by station 7, checked against a file where one candidate
    // of list 3 got one vote more (and list 3's total with it).
    let dir = tempfile::tempdir().unwrap();
    let changed = dir.path().join("heard.toml");
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    let text = text.replacen("[candidates.3]\n1 = ", "[candidates.3]\n1 = 1", 1);
    std::fs::write(&changed, text).unwrap();
    let code = [record, sections].concat().join(" ");
    let out = telraam(&[
        "--lang",
        "en",
        "verify",
        changed.to_str().unwrap(),
        "--election",
        wmw,
        "--code",
        &code,
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(said.contains("candidate votes list 3"), "{said}");
    assert!(!said.contains("admitted voters"), "{said}");
}

#[test]
fn verify_refuses_a_group_with_a_wrong_check_digit_naming_it_and_exits_2() {
    let (mut record, _) = printed_groups("tests/data/vectors/juinen-station-1.toml", &[]);
    // Mishear the first digit of group 3.
    let mut g: Vec<u8> = record[2].clone().into_bytes();
    g[0] = if g[0] == b'9' { b'0' } else { g[0] + 1 };
    record[2] = String::from_utf8(g).unwrap();
    let out = telraam(&[
        "verify",
        "tests/data/vectors/juinen-station-1.toml",
        "--code",
        &record.join(" "),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("groep 3 klopt niet: vraag opnieuw"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn verify_with_too_few_groups_or_a_missing_file_is_bad_input() {
    let out = telraam(&[
        "verify",
        "tests/data/vectors/juinen-station-1.toml",
        "--code",
        "0000-0",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("1 groepen"), "{}", stderr(&out));
    let out = telraam(&["code", "no-such-file.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-file.toml"));
}

/// A station's file with one candidate figure changed (list 3, candidate 1).
fn wmw7_with_a_changed_candidate(dir: &std::path::Path) -> PathBuf {
    let file = "tests/data/vectors/wmw2022-station-7.toml";
    let changed = dir.join("changed.toml");
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    let text = text.replacen("[candidates.3]\n1 = ", "[candidates.3]\n1 = 1", 1);
    std::fs::write(&changed, text).unwrap();
    changed
}

#[test]
fn verify_quick_code_checks_only_the_phoned_figures() {
    let wmw = "tests/data/vectors/gr2022-west-maas-en-waal.election.toml";
    let file = "tests/data/vectors/wmw2022-station-7.toml";
    let (quick, record, _) = printed_codes(file, &["--election", wmw]);
    assert_eq!(quick.len(), 3);
    let ok = telraam(&[
        "verify",
        file,
        "--election",
        wmw,
        "--quick-code",
        &quick.join(" "),
    ]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert!(
        stdout(&ok).contains("snelle-uitslagcode klopt"),
        "{}",
        stdout(&ok)
    );

    // A candidate figure is not phoned: the quick-report code still matches, the
    // record code does not.
    let dir = tempfile::tempdir().unwrap();
    let changed = wmw7_with_a_changed_candidate(dir.path());
    let changed = changed.to_str().unwrap();
    let out = telraam(&[
        "verify",
        changed,
        "--election",
        wmw,
        "--quick-code",
        &quick.join(" "),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = telraam(&[
        "verify",
        changed,
        "--election",
        wmw,
        "--code",
        &record.join(" "),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));

    // A list total is phoned: the quick-report code no longer matches.
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    let blank = dir.path().join("blank.toml");
    std::fs::write(&blank, text.replacen("F = ", "F = 1", 1)).unwrap();
    let out = telraam(&[
        "--lang",
        "en",
        "verify",
        blank.to_str().unwrap(),
        "--election",
        wmw,
        "--quick-code",
        &quick.join(" "),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("read the list totals, F, G and D again"),
        "{}",
        stdout(&out)
    );

    let out = telraam(&[
        "verify",
        file,
        "--election",
        wmw,
        "--quick-code",
        &record.join(" "),
    ]);
    assert_eq!(out.status.code(), Some(2));
}

/// A four-digit section code misses a difference about once in 10 000. When every
/// section code matches and the record code does not, `verify` must not claim the
/// record code was misheard: it asks to read it again and then compare every section.
#[test]
fn verify_never_says_misheard_when_every_section_code_matches() {
    use telraam::election::Election;
    use telraam::record::Field;
    use telraam::result_file;
    use telraam::verification::codes;

    let election = Election::demo();
    let path = root().join("tests/data/vectors/juinen-station-1.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let station = result_file::from_toml("juinen-station-1.toml", &text, &election).unwrap();
    let read_out = codes(&election, &station);
    // Candidate 3.7 as found in the file with another value whose list-3 code collides.
    let candidate = Field::Candidate {
        list: 3,
        candidate: 7,
    };
    let mut changed = station.clone();
    let value = (0..200_000u64)
        .filter(|v| Some(*v) != station.get(candidate))
        .find(|v| {
            changed.set(candidate, Some(*v));
            codes(&election, &changed).sections == read_out.sections
        })
        .expect("a colliding value exists within 200 000");
    let old = format!("\n7 = {}\n", station.get(candidate).unwrap());
    let at = text.find("[candidates.3]").unwrap();
    let (head, tail) = text.split_at(at);
    assert!(tail.contains(&old), "candidate 3.7 in the file");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("collides.toml");
    std::fs::write(
        &file,
        format!(
            "{head}{}",
            tail.replacen(&old, &format!("\n7 = {value}\n"), 1)
        ),
    )
    .unwrap();

    let code = read_out.all_groups().join(" ");
    let out = telraam(&[
        "--lang",
        "en",
        "verify",
        file.to_str().unwrap(),
        "--code",
        &code,
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(!said.contains("misheard"), "{said}");
    assert!(
        said.contains("compare the figures of every section"),
        "{said}"
    );
}
