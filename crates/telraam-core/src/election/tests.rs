use super::*;

#[test]
fn demo_election_is_juinen_with_its_four_lists() {
    let e = Election::demo();
    assert_eq!(e.id, "GR2025_Juinen");
    assert_eq!(e.lists.len(), 4);
    assert_eq!(e.list(2).map(|l| l.name.as_str()), Some("De Tegenpartij"));
    assert_eq!(e.stations.len(), 3);
    assert!(!e.voter_cards_apply(), "no kiezerspassen in a GR election");
    assert_eq!(e.counting_method.model(), "N 10-1");
}

#[test]
fn voter_cards_claimed_for_a_municipal_election_is_refused() {
    let mut e = Election::demo();
    e.voter_cards = Some(true);
    assert!(e.check().is_err());
}

#[test]
fn duplicate_list_numbers_are_refused() {
    let mut e = Election::demo();
    e.lists[1].number = e.lists[0].number;
    assert!(e.check().is_err());
}

#[test]
fn display_name_keeps_prefix_after_first_name() {
    let c = Candidate {
        number: 3,
        initials: "W.".into(),
        first_name: "Hans".into(),
        prefix: "van der".into(),
        last_name: "Vaart".into(),
        locality: "Scheveningen".into(),
    };
    assert_eq!(c.display_name(), "Vaart, W. (Hans) van der");
}

#[test]
fn a_station_listed_twice_is_named_by_its_number_in_either_language() {
    let mut e = Election::demo();
    e.stations[1].number = e.stations[0].number;
    let n = e.stations[0].number;
    let Err(ElectionError::Invalid(problem)) = e.check() else {
        panic!("a station listed twice is refused");
    };
    assert_eq!(problem, ElectionProblem::StationTwice(n));
    assert_eq!(
        problem.words(false),
        format!("stembureau {n} staat er twee keer in")
    );
    assert_eq!(
        problem.words(true),
        format!("polling station {n} is listed twice")
    );
}
