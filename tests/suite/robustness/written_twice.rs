//! One box written twice under two spellings (`1` and `01`, `"+1"`): refused,
//! naming both lines.

use super::sample;
use telraam::election::Election;

fn with_lists(extra: &str) -> String {
    std::fs::read_to_string(sample("station-1.toml"))
        .expect("sample")
        .replace("[votes.lists]\n", &format!("[votes.lists]\n{extra}"))
}

fn refused_naming_lines(body: &str, first: &str, second: &str) {
    let line = |needle: &str| {
        body.lines()
            .position(|l| l == needle)
            .unwrap_or_else(|| panic!("{needle} not in the file"))
            + 1
    };
    let (a, b) = (line(first), line(second));
    let error = telraam::result_file::from_toml("x.toml", body, &Election::demo())
        .expect_err("a box written twice");
    let said = error.to_string();
    assert!(
        said.contains(&format!("{a}")) && said.contains(&format!("{b}")),
        "lines {a} and {b} not both named: {said}"
    );
}

#[test]
fn a_list_total_written_twice_as_1_and_01_is_refused_naming_both_lines() {
    let body = with_lists("01 = 7\n");
    let first = body
        .lines()
        .skip_while(|l| *l != "[votes.lists]")
        .find(|l| l.starts_with("1 = "))
        .expect("1 = ...")
        .to_string();
    refused_naming_lines(&body, "01 = 7", &first);
}

#[test]
fn a_list_total_written_as_plus_1_beside_1_is_refused() {
    let body = with_lists("\"+1\" = 7\n");
    let first = body
        .lines()
        .skip_while(|l| *l != "[votes.lists]")
        .find(|l| l.starts_with("1 = "))
        .expect("1 = ...")
        .to_string();
    refused_naming_lines(&body, "\"+1\" = 7", &first);
}

#[test]
fn a_candidate_table_written_twice_as_1_and_01_is_refused() {
    let mut body = std::fs::read_to_string(sample("station-1.toml")).expect("sample");
    body.push_str("\n[candidates.01]\n3 = 1\n");
    refused_naming_lines(&body, "[candidates.01]", "[candidates.1]");
}

#[test]
fn a_candidate_written_twice_inside_one_table_is_refused() {
    let body = std::fs::read_to_string(sample("station-1.toml"))
        .expect("sample")
        .replace("[candidates.1]\n", "[candidates.1]\n001 = 4\n");
    let first = body
        .lines()
        .skip_while(|l| *l != "[candidates.1]")
        .find(|l| l.starts_with("1 = "))
        .expect("candidate 1")
        .to_string();
    refused_naming_lines(&body, "001 = 4", &first);
}
