use super::*;
use crate::storage::board::RecordFacts;
use crate::storage::summary::Head;

fn facts(station: u32, record: Option<RecordState>, phone: PhoneStatus) -> StationFacts {
    StationFacts {
        station,
        record: record.map(|state| RecordFacts {
            version: 1,
            state,
            mode: EntryMode::Transcription,
            head: Head {
                total_admitted: Some(100),
                total_on_lists: Some(100),
                lists: vec![(1, Some(60)), (2, Some(40))],
            },
        }),
        phone,
        phoned_at: None,
        quick_verified: None,
        entry: None,
    }
}

fn board() -> Board {
    let election = Election::demo();
    Board::build(
        &election,
        vec![
            facts(1, Some(RecordState::Finalised), PhoneStatus::RecordMatches),
            facts(
                2,
                Some(RecordState::Draft),
                PhoneStatus::RecordDiffers {
                    located: crate::event::Located {
                        sections: vec!["list-1".into()],
                        ..Default::default()
                    },
                },
            ),
            facts(3, None, PhoneStatus::QuickVerified),
        ],
    )
}

#[test]
fn each_station_is_in_one_phase_and_the_counts_add_up() {
    let b = board();
    let phases: Vec<Phase> = b.rows.iter().map(|r| r.phase).collect();
    assert_eq!(phases, [Phase::Finalised, Phase::Received, Phase::Phoned]);
    let counts = b.counts();
    assert_eq!(counts.stations, 3);
    assert_eq!(counts.phases.iter().sum::<usize>(), 3);
    assert_eq!(counts.of(Filter::Phase(Phase::Phoned)), 1);
    assert_eq!(counts.phone_differs, 1);
    assert_eq!(b.rows[0].matches_phone(), Some(true));
    assert_eq!(b.rows[1].matches_phone(), Some(false));
    assert_eq!(b.rows[2].matches_phone(), None);
    assert!(b.rows[0].finalised() && !b.rows[1].finalised());
}

#[test]
fn a_filter_shows_only_its_stations_and_search_finds_by_number_or_name() {
    let b = board();
    let numbers = |rows: Vec<&Row>| rows.iter().map(|r| r.station).collect::<Vec<_>>();
    assert_eq!(numbers(b.visible(Filter::PhoneDiffers, "")), [2]);
    assert_eq!(numbers(b.visible(Filter::Phase(Phase::Finalised), "")), [1]);
    assert_eq!(numbers(b.visible(Filter::All, "3")), [3]);
    let name = b.rows[1].name.to_uppercase();
    assert_eq!(numbers(b.visible(Filter::All, &name)), [2]);
    assert!(b.visible(Filter::All, "no such station").is_empty());
    for f in Filter::all() {
        assert_eq!(Filter::parse(f.key()), Some(f));
        assert_eq!(b.visible(f, "").len(), b.counts().of(f));
    }
}

#[test]
fn the_json_escapes_names_and_lists_every_station() {
    assert_eq!(json::string("a \"b\"\\\n"), "\"a \\\"b\\\"\\\\\\n\"");
    let doc = json::document(&Election::demo(), &board(), Filter::All);
    assert_eq!(doc.matches("\"number\":").count(), 3);
    assert!(doc.contains("\"sections\": [\"list-1\"]"));
    assert!(doc.contains("\"record\": null, \"record_matches_phone\": null"));
}
