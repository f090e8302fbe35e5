//! The rules on real counts: the 21 polling stations of the municipal council
//! election of West Maas en Waal, 16 March 2022, as the municipality published them
//! (EML 510b in tests/data/eml/gr2022-west-maas-en-waal/, public Kiesraad data).
//!
//! Each station becomes the record a typist would make from its paper proces-verbaal
//! (transcription mode), on the form of 2022: K–O, no D/H boxes, no yes/no question.
//! H, which the 510b cannot carry, is filled in from the figures (the file's
//! `TotalCounted` is E; H = E + F + G). Each list's one figure in the file serves as
//! both its page total and its E.n.

use quick_xml::Reader;
use quick_xml::events::Event;
use std::collections::BTreeMap;
use telraam::election::{Candidate, Category, CountingMethod, Election, PoliticalList};
use telraam::form::Generation;
use telraam::record::{CountRecord, EntryMode, Field};
use telraam::rules::{self, RuleResult, Severity};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/eml/gr2022-west-maas-en-waal/Telling_GR2022_WestMaasenWaal.eml.xml"
);

/// One station's figures as the 510b gives them.
#[derive(Debug, Default)]
struct Station {
    id: String,
    /// list → (list total, candidate → votes)
    lists: BTreeMap<u32, (u64, BTreeMap<u32, u64>)>,
    total_counted: u64,
    rejected: BTreeMap<String, u64>,
    uncounted: BTreeMap<String, u64>,
}

fn attr(e: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .map(|a| a.value.to_string())
}

/// Reads every `ReportingUnitVotes` (the stations; the municipal totals are skipped).
fn stations() -> Vec<Station> {
    let text = std::fs::read_to_string(FILE).expect("the 510b is in tests/data");
    let mut reader = Reader::from_str(&text);
    let mut out = Vec::new();
    let mut current: Option<Station> = None;
    let mut list = 0u32;
    let mut candidate: Option<u32> = None;
    let mut element = String::new();
    let mut reason = String::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_string();
                match name.as_str() {
                    "ReportingUnitVotes" => current = Some(Station::default()),
                    "ReportingUnitIdentifier" => {
                        if let Some(s) = current.as_mut() {
                            s.id = attr(&e, "Id").unwrap_or_default();
                        }
                    }
                    "AffiliationIdentifier" => {
                        list = attr(&e, "Id")
                            .and_then(|v| v.parse().ok())
                            .expect("list id");
                        candidate = None;
                    }
                    "CandidateIdentifier" => {
                        candidate = attr(&e, "Id").and_then(|v| v.parse().ok());
                    }
                    "RejectedVotes" | "UncountedVotes" => {
                        reason = attr(&e, "ReasonCode").unwrap_or_default();
                    }
                    _ => {}
                }
                element = name;
            }
            Event::Text(t) => {
                let Some(s) = current.as_mut() else { continue };
                let Ok(value) = t.xml10_content().trim().parse::<u64>() else {
                    continue;
                };
                match element.as_str() {
                    "ValidVotes" => {
                        let entry = s.lists.entry(list).or_default();
                        match candidate {
                            Some(c) => {
                                entry.1.insert(c, value);
                            }
                            None => entry.0 = value,
                        }
                    }
                    "TotalCounted" => s.total_counted = value,
                    "RejectedVotes" => {
                        s.rejected.insert(reason.clone(), value);
                    }
                    "UncountedVotes" => {
                        s.uncounted.insert(reason.clone(), value);
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                if e.local_name().as_ref() == "ReportingUnitVotes" {
                    out.extend(current.take());
                }
                element.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The election as far as the count file shows it: 8 lists and their candidate numbers.
fn election(stations: &[Station]) -> Election {
    let first = stations.first().expect("stations");
    Election {
        id: "GR2022_WestMaasenWaal".into(),
        name: "Gemeenteraad West Maas en Waal 2022".into(),
        date: "2022-03-16".into(),
        category: Category::GR,
        counting_method: CountingMethod::DSO,
        voter_cards: None,
        form: None,
        authority: None,
        contest: None,
        domain: None,
        lists: first
            .lists
            .iter()
            .map(|(number, (_, candidates))| PoliticalList {
                number: *number,
                name: format!("lijst {number}"),
                candidates: candidates
                    .keys()
                    .map(|c| Candidate {
                        number: *c,
                        initials: String::new(),
                        first_name: String::new(),
                        prefix: String::new(),
                        last_name: format!("kandidaat {c}"),
                        locality: String::new(),
                    })
                    .collect(),
            })
            .collect(),
        stations: Vec::new(),
    }
}

fn record(election: &Election, s: &Station) -> CountRecord {
    let mut r = CountRecord::empty(election, 1, EntryMode::Transcription);
    let u = |reason: &str| s.uncounted.get(reason).copied();
    r.set(Field::PollCards, u("geldige stempassen"));
    r.set(Field::ProxyCertificates, u("geldige volmachtbewijzen"));
    r.set(Field::VoterCards, u("geldige kiezerspassen"));
    r.set(Field::TotalAdmitted, u("toegelaten kiezers"));
    r.set(Field::MoreBallots, u("meer getelde stembiljetten"));
    r.set(Field::FewerBallots, u("minder getelde stembiljetten"));
    r.set(Field::TakenAway, u("meegenomen stembiljetten"));
    r.set(
        Field::TooFewIssued,
        u("te weinig uitgereikte stembiljetten"),
    );
    r.set(Field::TooManyIssued, u("te veel uitgereikte stembiljetten"));
    r.set(Field::OtherExplanation, u("andere verklaring"));
    r.set(Field::NoExplanation, u("geen verklaring"));
    for (list, (total, candidates)) in &s.lists {
        assert!(r.set(Field::ListTotal(*list), Some(*total)));
        assert!(r.set(Field::CandidateListTotal(*list), Some(*total)));
        for (c, votes) in candidates {
            let field = Field::Candidate {
                list: *list,
                candidate: *c,
            };
            assert!(r.set(field, Some(*votes)), "{} {field}", s.id);
        }
    }
    let blank = s.rejected.get("blanco").copied().unwrap_or(0);
    let invalid = s.rejected.get("ongeldig").copied().unwrap_or(0);
    r.set(Field::TotalOnLists, Some(s.total_counted));
    r.set(Field::Blank, Some(blank));
    r.set(Field::Invalid, Some(invalid));
    r.set(Field::TotalCast, Some(s.total_counted + blank + invalid));
    r
}

fn checked() -> Vec<(String, CountRecord, Vec<RuleResult>)> {
    let stations = stations();
    let e = election(&stations);
    stations
        .iter()
        .map(|s| {
            let r = record(&e, s);
            let results = rules::validate(&e, &r);
            (s.id.clone(), r, results)
        })
        .collect()
}

fn codes(results: &[RuleResult]) -> Vec<&'static str> {
    results.iter().map(|r| r.code.as_str()).collect()
}

#[test]
fn all_21_stations_are_read() {
    let all = checked();
    assert_eq!(all.len(), 21);
    assert_eq!(all[0].0, "0668::SB1");
}

/// The count of 2022 was made on the form before 2026.
#[test]
fn the_election_of_2022_uses_the_form_before_2026() {
    assert_eq!(election(&stations()).generation(), Generation::Before2026);
}

/// The published counts add up (A + B = D, lists = E, candidates = list totals, I and
/// J right), and the form of 2022 has no D/H boxes to tick (no F.304): no station
/// raises any error.
#[test]
fn no_station_has_an_error() {
    for (id, _, results) in checked() {
        let errors: Vec<_> = results
            .iter()
            .filter(|r| r.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{id}: {errors:?}");
    }
}

/// SB1 counted one ballot fewer than it admitted voters (J = 1) and SB7 one more
/// (I = 1), both with every explanation (K-O) 0. The explanation rules of the form
/// before 2026 say so as warnings: K + L + N + O − M = 0 ≠ J (T.302) and
/// M + N + O − K − L = 0 ≠ I (T.301). A difference of 1 is not remarkable (no W.203).
#[test]
fn the_two_unexplained_differences_are_warnings_and_nothing_else_is_raised() {
    for (id, r, results) in checked() {
        let expected: &[&str] = match id.as_str() {
            "0668::SB1" => {
                assert_eq!(r.differences.fewer_ballots, Some(1));
                &["T.302"]
            }
            "0668::SB7" => {
                assert_eq!(r.differences.more_ballots, Some(1));
                &["T.301"]
            }
            _ => &[],
        };
        assert_eq!(codes(&results), expected, "{id}");
        assert!(results.iter().all(|x| x.severity == Severity::Warning));
    }
}

/// The real papers can be finalised: the 510b imported as the municipality would
/// (`import-eml --counts`), every station vastgesteld with its warnings acknowledged.
#[test]
fn every_real_station_can_be_finalised() {
    let cands_text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/eml/gr2022-west-maas-en-waal/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
    ))
    .expect("230b");
    let cands = telraam::eml::candidates::read("230b", &cands_text).expect("230b reads");
    let count_text = std::fs::read_to_string(FILE).expect("510b");
    let count = telraam::eml::counts::read("510b", &count_text).expect("510b reads");
    let import = telraam::eml::import::counts("510b", &count, "230b", &cands).expect("joins");
    assert_eq!(import.election.generation(), Generation::Before2026);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws =
        telraam::storage::Workspace::init(dir.path(), import.election.clone()).expect("workspace");
    ws.put_records(&import.records, "test", "import 510b")
        .expect("imported");
    assert_eq!(import.records.len(), 21);
    for record in &import.records {
        let results = rules::validate(&import.election, record);
        assert!(
            !rules::has_errors(&results),
            "{}: {results:?}",
            record.station
        );
        let warnings: Vec<String> = results.iter().map(|r| r.code.to_string()).collect();
        let done = ws
            .finalise(record.station, &warnings, "test")
            .unwrap_or_else(|e| panic!("station {}: {e}", record.station));
        assert_eq!(
            done.lifecycle.state,
            telraam::record::RecordState::Finalised
        );
    }
}

/// A typist's slip on real figures is caught: one more admitted voter in D (F.201),
/// and two candidates' votes swapped into a wrong sum (F.402).
#[test]
fn a_typo_in_a_real_count_is_caught() {
    let stations = stations();
    let e = election(&stations);
    let sb3 = stations.iter().find(|s| s.id == "0668::SB3").expect("SB3");

    let mut r = record(&e, sb3);
    let d = r.voters.total_admitted.unwrap_or(0);
    r.set(Field::TotalAdmitted, Some(d + 1));
    assert!(codes(&rules::validate(&e, &r)).contains(&"F.201"));

    let mut r = record(&e, sb3);
    let first = Field::Candidate {
        list: 1,
        candidate: 1,
    };
    let votes = r.get(first).unwrap_or(0);
    r.set(first, Some(votes + 9));
    let results = rules::validate(&e, &r);
    let f402: Vec<_> = results.iter().filter(|x| x.code == "F.402").collect();
    assert_eq!(f402.len(), 1);
    assert!(f402[0].message(true).contains("list 1"));
}
