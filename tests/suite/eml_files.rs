//! EML_NL on the Kiesraad's real files: the election definitions, Juinen's election
//! and the West Maas en Waal 2022 count.

use std::path::Path;
use telraam::aggregate::aggregate;
use telraam::election::{CountingMethod, Election};
use telraam::eml::{candidates, counts, definition, import, osv, stations};

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

const JUINEN_110A: &str = "tests/data/eml/juinen/eml110a_verkiezingsdefinitie-juinen.eml.xml";
const JUINEN_110B: &str = "tests/data/eml/juinen/eml110b_stembureaulijst-juinen.eml.xml";
const JUINEN_230B: &str = "tests/data/eml/juinen/eml230b_kandidatenlijsten-juinen.eml.xml";
const WMW_510B: &str =
    "tests/data/eml/gr2022-west-maas-en-waal/Telling_GR2022_WestMaasenWaal.eml.xml";
const WMW_230B: &str =
    "tests/data/eml/gr2022-west-maas-en-waal/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml";
const WMW_CSV: &str =
    "tests/data/eml/gr2022-west-maas-en-waal/osv4-3_telling_gr2022_westmaasenwaal.csv";

#[test]
fn every_election_definition_reads_with_its_id_date_and_parties() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/eml/definitions");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("definitions dir") {
        let path = entry.expect("entry").path();
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).expect("readable");
        let def = definition::read(&name, &text).unwrap_or_else(|e| panic!("{e}"));
        // The file name carries the election id: Verkiezingsdefinitie_PS2023_Drenthe.
        let stem = path
            .file_name()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        assert!(
            stem.contains(&def.election.id),
            "{stem} vs {}",
            def.election.id
        );
        assert_eq!(def.election.date.len(), 10, "{name}");
        assert!(def.registered_parties.len() >= 10, "{name}");
        seen += 1;
    }
    assert_eq!(seen, 5);
}

#[test]
fn stadskanaal_definition_gives_its_municipality_and_seats() {
    let def = definition::read(
        "x",
        &read("tests/data/eml/definitions/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml"),
    )
    .expect("reads");
    assert_eq!(def.election.id, "GR2026_Stadskanaal");
    assert_eq!(def.election.date, "2026-03-18");
    assert_eq!(def.election.domain_id.as_deref(), Some("0037"));
    assert_eq!(def.number_of_seats, Some(23));
    assert_eq!(
        def.registered_parties[3],
        "Partij van de Arbeid (PvdA) / GROENLINKS"
    );
}

fn juinen() -> Election {
    let def = definition::read(JUINEN_110A, &read(JUINEN_110A)).expect("110a");
    let cands = candidates::read(JUINEN_230B, &read(JUINEN_230B)).expect("230b");
    let st = stations::read(JUINEN_110B, &read(JUINEN_110B)).expect("110b");
    import::election(&import::ElectionSources {
        definition: Some((JUINEN_110A, &def)),
        candidates: (JUINEN_230B, &cands),
        stations: Some((JUINEN_110B, &st)),
        counting_method: CountingMethod::DSO,
        // Juinen tests the "versie 2027" forms although its date is in 2025.
        form: Some(telraam::form::Generation::From2026),
    })
    .expect("builds")
}

#[test]
fn juinen_files_give_exactly_the_bundled_demo_election() {
    assert_eq!(juinen(), Election::demo());
}

#[test]
fn the_imported_election_survives_its_own_toml() {
    let e = juinen();
    assert_eq!(Election::from_toml(&e.to_toml()).expect("reads back"), e);
}

#[test]
fn west_maas_en_waal_candidate_lists_hold_eight_lists() {
    let cands = candidates::read(WMW_230B, &read(WMW_230B)).expect("230b");
    assert_eq!(cands.lists.len(), 8);
    assert_eq!(
        cands
            .lists
            .iter()
            .map(|l| l.candidates.len())
            .sum::<usize>(),
        251
    );
    let c = &cands.lists[0].candidates[2];
    assert_eq!(
        (c.prefix.as_str(), c.last_name.as_str(), c.initials.as_str()),
        ("van", "Dreumel", "C.G.H.M.")
    );
}

fn wmw() -> import::CountImport {
    let cands = candidates::read(WMW_230B, &read(WMW_230B)).expect("230b");
    let count = counts::read(WMW_510B, &read(WMW_510B)).expect("510b");
    import::counts(WMW_510B, &count, WMW_230B, &cands).expect("joins")
}

#[test]
fn west_maas_en_waal_count_gives_21_stations_with_the_papers_differences() {
    let imp = wmw();
    assert_eq!(imp.records.len(), 21);
    assert_eq!(imp.election.counting_method, CountingMethod::DSO);
    let sb1 = imp.records.iter().find(|r| r.station == 1).expect("SB1");
    assert_eq!(sb1.voters.total_admitted, Some(690));
    assert_eq!(sb1.votes.total_cast, Some(689));
    assert_eq!(sb1.differences.fewer_ballots, Some(1));
    assert_eq!(sb1.differences.taken_away, Some(0));
    let sb7 = imp.records.iter().find(|r| r.station == 7).expect("SB7");
    assert_eq!(sb7.differences.more_ballots, Some(1));
    let sb112 = imp.election.station(112).expect("SB112");
    assert_eq!(sb112.name, "Gemeentehuis (maandag)");
    assert_eq!(sb112.eligible_voters, Some(0));
}

#[test]
fn west_maas_en_waal_added_up_equals_the_official_municipal_totals() {
    let imp = wmw();
    let ours = aggregate(&imp.election, &imp.records);
    let official = imp.file_totals.expect("the 510b has its totals");
    assert_eq!(ours.differences(&official, &imp.election), vec![]);
    assert_eq!(ours, official);
    assert_eq!((ours.more_ballots, ours.fewer_ballots), (1, 1));
    assert_eq!(ours.total_admitted, 9398);
    assert_eq!(ours.eligible_voters, 16202);
}

#[test]
fn west_maas_en_waal_osv_csv_is_byte_for_byte_the_official_one() {
    let imp = wmw();
    let ours = osv::write(&imp.election, &imp.records);
    let official = read(WMW_CSV);
    if ours != official {
        for (i, (a, b)) in ours.lines().zip(official.lines()).enumerate() {
            assert_eq!(a, b, "line {}", i + 1);
        }
        assert_eq!(ours.len(), official.len());
    }
    assert!(ours == official, "the CSV differs from the official file");
    {}
}

#[test]
fn west_maas_en_waal_records_land_in_the_right_boxes_so_no_rule_finds_an_error() {
    let imp = wmw();
    for record in &imp.records {
        let results = telraam::rules::validate(&imp.election, record);
        let codes: Vec<String> = results.iter().map(|r| r.code.to_string()).collect();
        assert!(
            !codes.iter().any(|c| c.starts_with('F')),
            "station {}: {codes:?}",
            record.station
        );
    }
}
