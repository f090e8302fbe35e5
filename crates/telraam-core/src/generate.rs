//! Generated elections and counts of any size, to measure telraam at scale
//! (`telraam generate`, the benches, README "Performance"). Deterministic: the
//! same shape gives byte for byte the same files, so anyone can reproduce a figure.
//!
//! Every record is balanced (A + B + C = D = H = E + F + G, each list total the
//! sum of its candidates), in transcription mode as a 510b import stores it, and
//! finalised, so it passes the rules and adds up.

use crate::election::{
    Authority, Candidate, Category, Contest, CountingMethod, Election, PoliticalList,
    PollingStation,
};
use crate::eml::EmlError;
use crate::record::{CountRecord, EntryMode, RecordState};
use std::fmt::Write as _;

/// The size of a generated election.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub stations: u32,
    pub lists: u32,
    /// The longest list's candidates; later lists are shorter (down to a fifth of it),
    /// as on a Tweede Kamer ballot.
    pub max_candidates: u32,
}

impl Shape {
    /// A Tweede Kamer ballot (24 lists, up to 80 candidates) in a municipality of `stations`.
    pub fn tweede_kamer(stations: u32) -> Shape {
        Shape {
            stations,
            lists: 24,
            max_candidates: 80,
        }
    }

    /// How many candidates list `list` (from 1) has.
    pub fn candidates(&self, list: u32) -> u32 {
        let max = self.max_candidates.max(1);
        let shortest = (max / 5).max(1);
        // Three quarters of the lists are full; then they shrink step by step.
        let full = (self.lists * 3).div_ceil(4);
        if list <= full {
            return max;
        }
        let step = (max - shortest) / (self.lists - full).max(1);
        max.saturating_sub(step * (list - full)).max(shortest)
    }
}

/// The election: lists "Partij n" with candidates, stations "Stembureau n".
pub fn election(shape: &Shape) -> Election {
    Election {
        id: "TK2026_Gegenereerd".into(),
        name: "Tweede Kamer 2026 (gegenereerd)".into(),
        date: "2026-10-28".into(),
        category: Category::TK,
        counting_method: CountingMethod::DSO,
        voter_cards: None,
        form: None,
        authority: Some(Authority {
            id: "0999".into(),
            name: "Gegenereerd".into(),
        }),
        contest: Some(Contest {
            id: "1".into(),
            name: "Kieskring 1".into(),
        }),
        domain: None,
        lists: (1..=shape.lists)
            .map(|l| PoliticalList {
                number: l,
                name: format!("Partij {l}"),
                candidates: (1..=shape.candidates(l))
                    .map(|c| Candidate {
                        number: c,
                        initials: "A.B.".into(),
                        first_name: String::new(),
                        prefix: String::new(),
                        last_name: format!("Kandidaat{l}x{c}"),
                        locality: "Gegenereerd".into(),
                    })
                    .collect(),
            })
            .collect(),
        stations: (1..=shape.stations)
            .map(|n| PollingStation {
                number: n,
                name: format!("Stembureau {n}"),
                postcode: "1234 AB".into(),
                eligible_voters: Some(2500),
            })
            .collect(),
    }
}

/// A simple linear congruential sequence: varied, repeatable figures.
fn next(seed: &mut u64, below: u64) -> u64 {
    *seed = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    (*seed >> 33) % below
}

/// One station's balanced, finalised record; `seed` carries the sequence from station to station.
pub fn record(election: &Election, station: u32, seed: &mut u64) -> CountRecord {
    let mut r = CountRecord::empty(election, station, EntryMode::Transcription);
    let mut on_lists = 0;
    for cands in &mut r.candidate_votes {
        let mut list_total = 0;
        for (i, (_, votes)) in cands.votes.iter_mut().enumerate() {
            // The list puller gets most; the tail a handful.
            let v = if i == 0 {
                next(seed, 200)
            } else {
                next(seed, 12)
            };
            *votes = Some(v);
            list_total += v;
        }
        cands.total = Some(list_total);
        if let Some(l) = r.votes.lists.iter_mut().find(|l| l.list == cands.list) {
            l.total = Some(list_total);
        }
        on_lists += list_total;
    }
    let (blank, invalid) = (u64::from(station) % 7, u64::from(station) % 5);
    let cast = on_lists + blank + invalid;
    r.votes.total_on_lists = Some(on_lists);
    r.votes.blank = Some(blank);
    r.votes.invalid = Some(invalid);
    r.votes.total_cast = Some(cast);
    let (proxies, cards) = (cast / 10, cast / 50);
    r.voters.proxy_certificates = Some(proxies);
    r.voters.voter_cards = Some(cards);
    r.voters.poll_cards = Some(cast - proxies - cards);
    r.voters.total_admitted = Some(cast);
    r.differences.more_ballots = Some(0);
    r.differences.fewer_ballots = Some(0);
    r.differences.boxes.equal = true;
    r.lifecycle.state = RecordState::Finalised;
    r
}

/// The records of stations `from..=to`, continuing `seed`.
pub fn records(election: &Election, from: u32, to: u32, seed: &mut u64) -> Vec<CountRecord> {
    (from..=to).map(|n| record(election, n, seed)).collect()
}

/// The seed the generator starts from.
pub const SEED: u64 = 42;

/// The election's EML 230b (kandidatenlijsten), as much of it as `import-eml` reads.
pub fn candidates_230b(election: &Election) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <EML xmlns=\"urn:oasis:names:tc:evs:schema:eml\" \
         xmlns:kr=\"http://www.kiesraad.nl/extensions\" \
         xmlns:xal=\"urn:oasis:names:tc:ciq:xsdschema:xAL:2.0\" \
         xmlns:xnl=\"urn:oasis:names:tc:ciq:xsdschema:xNL:2.0\" Id=\"230b\" SchemaVersion=\"5\">\n\
         <TransactionId>1</TransactionId>\n<ManagingAuthority><AuthorityIdentifier \
         Id=\"{auth_id}\">{auth_name}</AuthorityIdentifier></ManagingAuthority>\n\
         <CandidateList>\n<Election>\n\
         <ElectionIdentifier Id=\"{id}\">\n<ElectionName>{name}</ElectionName>\n\
         <ElectionCategory>{cat}</ElectionCategory>\n<kr:ElectionDate>{date}</kr:ElectionDate>\n\
         </ElectionIdentifier>\n<Contest>\n<ContestIdentifier Id=\"1\">\
         <ContestName>Kieskring 1</ContestName></ContestIdentifier>\n",
        id = election.id,
        name = election.name,
        auth_id = election
            .authority
            .as_ref()
            .map_or("0999", |a| a.id.as_str()),
        auth_name = election.authority.as_ref().map_or("", |a| a.name.as_str()),
        cat = election.category.code(),
        date = election.date,
    );
    for list in &election.lists {
        let _ = writeln!(
            out,
            "<Affiliation>\n<AffiliationIdentifier Id=\"{}\">\n\
             <RegisteredName>{}</RegisteredName>\n</AffiliationIdentifier>",
            list.number, list.name
        );
        for c in &list.candidates {
            let _ = writeln!(
                out,
                "<Candidate><CandidateIdentifier Id=\"{}\"/><CandidateFullName><xnl:PersonName>\
                 <xnl:NameLine NameType=\"Initials\">{}</xnl:NameLine>\
                 <xnl:LastName>{}</xnl:LastName></xnl:PersonName></CandidateFullName>\
                 <QualifyingAddress><xal:Locality><xal:LocalityName>{}</xal:LocalityName>\
                 </xal:Locality></QualifyingAddress></Candidate>",
                c.number, c.initials, c.last_name, c.locality
            );
        }
        out.push_str("</Affiliation>\n");
    }
    out.push_str("</Contest>\n</Election>\n</CandidateList>\n</EML>\n");
    out
}

/// The municipality's 510b of `records` (a fixed creation time, so the bytes repeat).
pub fn counts_510b(election: &Election, records: &[CountRecord]) -> Result<String, EmlError> {
    crate::eml::write::write("510b", election, records, "2026-10-29T01:00:00.000")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::aggregate;
    use crate::eml::{candidates, counts, import};
    use crate::rules::{self, Severity};

    #[test]
    fn a_generated_municipality_reads_back_and_adds_up_to_its_own_totals() {
        let shape = Shape {
            stations: 3,
            lists: 5,
            max_candidates: 10,
        };
        let e = election(&shape);
        assert_eq!(e.lists[0].candidates.len(), 10);
        assert!(e.lists[4].candidates.len() < 10);
        let mut seed = SEED;
        let recs = records(&e, 1, 3, &mut seed);
        for r in &recs {
            let errors: Vec<_> = rules::validate(&e, r)
                .into_iter()
                .filter(|r| r.severity == Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{errors:?}");
        }
        let xml = counts_510b(&e, &recs).expect("510b");
        let cands = candidates::read("230b", &candidates_230b(&e)).expect("230b reads");
        assert_eq!(cands.lists, e.lists);
        let count = counts::read("510b", &xml).expect("510b reads");
        let imported = import::counts("510b", &count, "230b", &cands).expect("joins");
        assert_eq!(imported.records.len(), 3);
        assert_eq!(
            Some(aggregate(&e, &recs)),
            imported.file_totals,
            "the file's own totals are the sum of its stations"
        );
    }

    #[test]
    fn the_same_shape_gives_the_same_figures() {
        let e = election(&Shape::tweede_kamer(2));
        let (mut a, mut b) = (SEED, SEED);
        assert_eq!(records(&e, 1, 2, &mut a), records(&e, 1, 2, &mut b));
    }
}
