//! Adding up station records into municipal totals, as the municipality's
//! proces-verbaal does: every count summed box by box, the more (I) and fewer (J)
//! counts summed separately and never netted, the explanation counts (K..O) summed.
//! An empty box adds nothing (as on the GSB's form, an empty box counts as 0).
//!
//! [`Totals`] is also what a 510b's own `TotalVotes` is read into, so that the two
//! can be compared figure by figure.

use crate::election::Election;
use crate::record::{Count, CountRecord};
use serde::{Deserialize, Serialize};

/// One list's totals: E.n and its candidates' votes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListTotals {
    pub list: u32,
    pub total: u64,
    /// `(candidate number, votes)` in list order.
    #[serde(default)]
    pub candidates: Vec<(u32, u64)>,
}

/// The municipal totals (or one station's figures, with empty boxes as 0).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Kiesgerechtigden of the stations counted (EML `Cast`, OSV "opgeroepenen").
    pub eligible_voters: u64,
    /// A.
    pub poll_cards: u64,
    /// B.
    pub proxy_certificates: u64,
    /// C.
    pub voter_cards: u64,
    /// D.
    pub total_admitted: u64,
    /// E.1..E.n.
    pub lists: Vec<ListTotals>,
    /// E.
    pub total_on_lists: u64,
    /// F.
    pub blank: u64,
    /// G.
    pub invalid: u64,
    /// H.
    pub total_cast: u64,
    /// I.
    pub more_ballots: u64,
    /// J.
    pub fewer_ballots: u64,
    /// K.
    pub taken_away: u64,
    /// L.
    pub too_few_issued: u64,
    /// M.
    pub too_many_issued: u64,
    /// N.
    pub other_explanation: u64,
    /// O.
    pub no_explanation: u64,
}

/// One figure of the totals, for printing and comparing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable key: "A", "E.3", "cand.3.12", "kiesgerechtigden".
    pub key: String,
    pub label_nl: String,
    pub label_en: String,
    pub value: u64,
}

/// A figure that differs between the added-up records and a file's own totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub key: String,
    pub label_nl: String,
    pub label_en: String,
    pub ours: u64,
    pub theirs: u64,
}

fn add(sum: &mut u64, count: Count) {
    *sum = sum.saturating_add(count.unwrap_or(0));
}

impl Totals {
    /// Empty totals with a slot for every list and candidate of the election.
    pub fn for_election(election: &Election) -> Totals {
        Totals {
            lists: election
                .lists
                .iter()
                .map(|l| ListTotals {
                    list: l.number,
                    total: 0,
                    candidates: l.candidates.iter().map(|c| (c.number, 0)).collect(),
                })
                .collect(),
            ..Totals::default()
        }
    }

    /// Adds one station's record (and its kiesgerechtigden, where the election knows them).
    pub fn add_record(&mut self, election: &Election, record: &CountRecord) {
        let v = &record.voters;
        add(&mut self.poll_cards, v.poll_cards);
        add(&mut self.proxy_certificates, v.proxy_certificates);
        add(&mut self.voter_cards, v.voter_cards);
        add(&mut self.total_admitted, v.total_admitted);
        let e = &record.votes;
        add(&mut self.total_on_lists, e.total_on_lists);
        add(&mut self.blank, e.blank);
        add(&mut self.invalid, e.invalid);
        add(&mut self.total_cast, e.total_cast);
        let d = &record.differences;
        add(&mut self.more_ballots, d.more_ballots);
        add(&mut self.fewer_ballots, d.fewer_ballots);
        add(&mut self.taken_away, d.taken_away);
        add(&mut self.too_few_issued, d.too_few_issued);
        add(&mut self.too_many_issued, d.too_many_issued);
        add(&mut self.other_explanation, d.other_explanation);
        add(&mut self.no_explanation, d.no_explanation);
        if let Some(eligible) = election
            .station(record.station)
            .and_then(|s| s.eligible_voters)
        {
            self.eligible_voters = self.eligible_voters.saturating_add(eligible);
        }
        for list in &record.votes.lists {
            let slot = self.list_mut(list.list);
            add(&mut slot.total, list.total);
        }
        for cands in &record.candidate_votes {
            let slot = self.list_mut(cands.list);
            for (i, &(number, votes)) in cands.votes.iter().enumerate() {
                // Records keep the election's candidate order: try the same position first.
                let found = match slot.candidates.get(i) {
                    Some((n, _)) if *n == number => Some(i),
                    _ => slot.candidates.iter().position(|(n, _)| *n == number),
                };
                match found.map(|i| &mut slot.candidates[i]) {
                    Some((_, sum)) => add(sum, votes),
                    None => slot.candidates.push((number, votes.unwrap_or(0))),
                }
            }
        }
    }

    fn list_mut(&mut self, list: u32) -> &mut ListTotals {
        let index = match self.lists.iter().position(|l| l.list == list) {
            Some(i) => i,
            None => {
                self.lists.push(ListTotals {
                    list,
                    ..ListTotals::default()
                });
                self.lists.len() - 1
            }
        };
        &mut self.lists[index]
    }

    /// The totals of one record.
    pub fn of_record(election: &Election, record: &CountRecord) -> Totals {
        let mut totals = Totals::for_election(election);
        totals.add_record(election, record);
        totals
    }

    /// Every figure in reading order, with its key and labels.
    pub fn entries(&self, election: &Election) -> Vec<Entry> {
        let entry = |key: &str, nl: &str, en: &str, value: u64| Entry {
            key: key.to_string(),
            label_nl: nl.to_string(),
            label_en: en.to_string(),
            value,
        };
        let mut out = vec![
            entry(
                "kiesgerechtigden",
                "kiesgerechtigden",
                "eligible voters",
                self.eligible_voters,
            ),
            entry("A", "stempassen", "poll cards", self.poll_cards),
            entry(
                "B",
                "volmachtbewijzen",
                "proxy certificates",
                self.proxy_certificates,
            ),
            entry("C", "kiezerspassen", "voter cards", self.voter_cards),
            entry(
                "D",
                "totaal toegelaten kiezers",
                "voters admitted",
                self.total_admitted,
            ),
        ];
        for list in &self.lists {
            let name = election
                .list(list.list)
                .map(|l| l.name.clone())
                .unwrap_or_default();
            out.push(entry(
                &format!("E.{}", list.list),
                &format!("lijst {} {name}", list.list),
                &format!("list {} {name}", list.list),
                list.total,
            ));
            for &(number, votes) in &list.candidates {
                let cand = election
                    .list(list.list)
                    .and_then(|l| l.candidate(number))
                    .map(crate::eml::osv::candidate_name)
                    .unwrap_or_default();
                out.push(entry(
                    &format!("cand.{}.{number}", list.list),
                    &format!("  {number} {cand}"),
                    &format!("  {number} {cand}"),
                    votes,
                ));
            }
        }
        out.extend([
            entry(
                "E",
                "stemmen op kandidaten",
                "votes on lists",
                self.total_on_lists,
            ),
            entry("F", "blanco stemmen", "blank votes", self.blank),
            entry("G", "ongeldige stemmen", "invalid votes", self.invalid),
            entry(
                "H",
                "totaal uitgebrachte stemmen",
                "votes cast",
                self.total_cast,
            ),
            entry(
                "I",
                "méér getelde stembiljetten",
                "more ballots than voters",
                self.more_ballots,
            ),
            entry(
                "J",
                "minder getelde stembiljetten",
                "fewer ballots than voters",
                self.fewer_ballots,
            ),
            entry(
                "K",
                "niet ingeleverde stembiljetten",
                "ballots taken away",
                self.taken_away,
            ),
            entry(
                "L",
                "te weinig uitgereikte stembiljetten",
                "too few ballots issued",
                self.too_few_issued,
            ),
            entry(
                "M",
                "te veel uitgereikte stembiljetten",
                "too many ballots issued",
                self.too_many_issued,
            ),
            entry(
                "N",
                "andere verklaring",
                "other explanation",
                self.other_explanation,
            ),
            entry(
                "O",
                "geen verklaring",
                "no explanation",
                self.no_explanation,
            ),
        ]);
        out
    }

    /// Every figure where `self` (the added-up records) and `theirs` (a file's own
    /// totals) differ. A figure one side lacks counts as 0 there.
    pub fn differences(&self, theirs: &Totals, election: &Election) -> Vec<Difference> {
        let ours = self.entries(election);
        let other = theirs.entries(election);
        let other_map: std::collections::BTreeMap<&str, &Entry> =
            other.iter().map(|e| (e.key.as_str(), e)).collect();
        let our_keys: std::collections::BTreeSet<&str> =
            ours.iter().map(|e| e.key.as_str()).collect();
        let mut out = Vec::new();
        for e in &ours {
            let theirs = other_map.get(e.key.as_str()).map_or(0, |o| o.value);
            if theirs != e.value {
                out.push(Difference {
                    key: e.key.clone(),
                    label_nl: e.label_nl.clone(),
                    label_en: e.label_en.clone(),
                    ours: e.value,
                    theirs,
                });
            }
        }
        for o in &other {
            if !our_keys.contains(o.key.as_str()) && o.value != 0 {
                out.push(Difference {
                    key: o.key.clone(),
                    label_nl: o.label_nl.clone(),
                    label_en: o.label_en.clone(),
                    ours: 0,
                    theirs: o.value,
                });
            }
        }
        out
    }
}

/// Figures of the municipality that are no sum of stations (issue 15, defect 10): a
/// 510b may give the kiesgerechtigden (`Cast`, OSV "opgeroepenen") of the whole
/// municipality with 0 (or nothing) for every station. Where the stations add up to 0
/// and the municipality's own file (`file`) has a figure, that figure is the total.
/// Returns the keys taken over, for the message that says so.
pub fn take_municipal_figures(totals: &mut Totals, file: &Totals) -> Vec<&'static str> {
    let mut taken = Vec::new();
    if totals.eligible_voters == 0 && file.eligible_voters > 0 {
        totals.eligible_voters = file.eligible_voters;
        taken.push("kiesgerechtigden");
    }
    taken
}

/// Adds up every record into municipal totals.
pub fn aggregate(election: &Election, records: &[CountRecord]) -> Totals {
    let mut totals = Totals::for_election(election);
    for record in records {
        totals.add_record(election, record);
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{CountRecord, EntryMode};

    fn record(station: u32, d: u64, h: u64, i: u64, j: u64) -> CountRecord {
        let e = Election::demo();
        let mut r = CountRecord::empty(&e, station, EntryMode::Transcription);
        r.voters.total_admitted = Some(d);
        r.votes.total_cast = Some(h);
        r.differences.more_ballots = Some(i);
        r.differences.fewer_ballots = Some(j);
        r
    }

    #[test]
    fn more_and_fewer_are_summed_separately_never_netted() {
        let e = Election::demo();
        let totals = aggregate(&e, &[record(1, 10, 11, 1, 0), record(2, 10, 9, 0, 1)]);
        assert_eq!(totals.total_admitted, 20);
        assert_eq!(totals.total_cast, 20);
        assert_eq!((totals.more_ballots, totals.fewer_ballots), (1, 1));
    }

    #[test]
    fn a_municipal_figure_no_station_has_is_taken_from_the_file_and_a_sum_is_not() {
        let e = Election::demo();
        let mut ours = aggregate(&e, &[record(1, 10, 10, 0, 0)]);
        let mut file = ours.clone();
        file.eligible_voters = 16_202;
        file.total_admitted = 99;
        assert_eq!(
            take_municipal_figures(&mut ours, &file),
            vec!["kiesgerechtigden"]
        );
        assert_eq!(ours.eligible_voters, 16_202);
        assert_eq!(
            ours.total_admitted, 10,
            "D is a sum of stations: never taken over"
        );
        let mut with_stations = aggregate(&e, &[record(1, 10, 10, 0, 0)]);
        with_stations.eligible_voters = 1_415;
        assert!(take_municipal_figures(&mut with_stations, &file).is_empty());
        assert_eq!(with_stations.eligible_voters, 1_415);
    }

    #[test]
    fn differences_name_each_figure_that_disagrees() {
        let e = Election::demo();
        let ours = aggregate(&e, &[record(1, 10, 11, 1, 0)]);
        let mut theirs = ours.clone();
        theirs.more_ballots = 0;
        theirs.lists[1].total = 5;
        let keys: Vec<String> = ours
            .differences(&theirs, &e)
            .into_iter()
            .map(|d| d.key)
            .collect();
        assert_eq!(keys, vec!["E.2".to_string(), "I".to_string()]);
    }
}
