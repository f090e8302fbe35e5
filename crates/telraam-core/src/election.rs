//! The election a workspace counts for: its lists, candidates and polling stations.
//!
//! An election file is TOML (see `samples/juinen/election.toml`). It is what the
//! Kiesraad's EML 110a (election definition), 110b (stembureaulijst: the polling
//! stations) and 230b (kandidatenlijsten: the candidate lists) describe, in one place.

use crate::paper::Generation;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The election category as the Kiesraad writes it (`ElectionCategory` in EML).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Category {
    /// Gemeenteraad: municipal council.
    GR,
    /// Provinciale Staten: provincial council.
    PS,
    /// Algemeen bestuur of a waterschap: water board.
    AB,
    /// Tweede Kamer: House of Representatives.
    TK,
    /// Europees Parlement.
    EP,
    /// Eerste Kamer: Senate.
    EK,
}

impl Category {
    /// Kiezerspassen (C) apply to every election except the municipal one, where a
    /// voter can only vote in their own municipality.
    pub fn voter_cards_apply(self) -> bool {
        !matches!(self, Category::GR)
    }

    pub fn code(self) -> &'static str {
        match self {
            Category::GR => "GR",
            Category::PS => "PS",
            Category::AB => "AB",
            Category::TK => "TK",
            Category::EP => "EP",
            Category::EK => "EK",
        }
    }
}

/// Where the candidate votes are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CountingMethod {
    /// Decentrale stemopneming: the polling station counts the votes of every
    /// candidate and fills in model N 10-1.
    DSO,
    /// Centrale stemopneming: the station counts list totals only (model N 10-2);
    /// the candidate votes are counted centrally the next day.
    CSO,
}

impl CountingMethod {
    /// The paper form the station fills in.
    pub fn model(self) -> &'static str {
        match self {
            CountingMethod::DSO => "N 10-1",
            CountingMethod::CSO => "N 10-2",
        }
    }

    /// Whether the station's record holds candidate votes.
    pub fn counts_candidates(self) -> bool {
        matches!(self, CountingMethod::DSO)
    }
}

/// The body that organises the count: for a municipality its CBS code (e.g. `0668`) and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Authority {
    pub id: String,
    pub name: String,
}

/// The contest (EML `ContestIdentifier`) a count belongs to: `geen` for a municipal
/// election (and a province or water board that is one district), else the
/// electoral district (kieskring) or district by number and name, e.g. `6`
/// "Nijmegen" for the Tweede Kamer. A 510b must name the contest of its 230b.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contest {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
}

impl Contest {
    /// Whether `id` is what the Kiesraad's schema allows (`kr:ContestIdType`): a
    /// number from 1, a Roman numeral, `geen` or `alle`.
    pub fn valid_id(id: &str) -> bool {
        let number =
            !id.is_empty() && !id.starts_with('0') && id.bytes().all(|b| b.is_ascii_digit());
        let roman = !id.is_empty() && id.bytes().all(|b| b"IVXLCDM".contains(&b));
        number || roman || id == "geen" || id == "alle"
    }
}

/// The election's domain (EML `kr:ElectionDomain`): the municipality, province or
/// water board whose council is elected, where the files name one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Domain {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// Position on the list, from 1.
    pub number: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub initials: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub first_name: String,
    /// Tussenvoegsel, e.g. "van der".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prefix: String,
    pub last_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub locality: String,
}

impl Candidate {
    /// The candidate as OSV and the municipal totals name them: "van Dreumel, C.G.H.M.".
    pub fn surname_first(&self) -> String {
        let mut name = String::new();
        if !self.prefix.is_empty() {
            name.push_str(&self.prefix);
            name.push(' ');
        }
        name.push_str(&self.last_name);
        if !self.initials.is_empty() {
            name.push_str(", ");
            name.push_str(&self.initials);
        }
        name
    }

    /// The name as the ballot prints it: "Vaart, W. (Hans) van der".
    pub fn display_name(&self) -> String {
        let mut name = self.last_name.clone();
        if !self.initials.is_empty() {
            name.push_str(", ");
            name.push_str(&self.initials);
        }
        if !self.first_name.is_empty() {
            name.push_str(&format!(" ({})", self.first_name));
        }
        if !self.prefix.is_empty() {
            name.push(' ');
            name.push_str(&self.prefix);
        }
        name
    }
}

/// A list (lijst) on the ballot. Numbers can have gaps (1-23 and 26).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoliticalList {
    pub number: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Candidate>,
}

impl PoliticalList {
    pub fn candidate(&self, number: u32) -> Option<&Candidate> {
        self.candidates.iter().find(|c| c.number == number)
    }
}

/// A stembureau.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollingStation {
    pub number: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub postcode: String,
    /// Kiesgerechtigden: the size of the station's register, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligible_voters: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Election {
    /// The Kiesraad's election identifier, e.g. `GR2026_Juinen`.
    pub id: String,
    pub name: String,
    /// Election day, `YYYY-MM-DD`.
    pub date: String,
    pub category: Category,
    pub counting_method: CountingMethod,
    /// Whether kiezerspassen (C) are valid in this election. Defaults to what the
    /// category says; a file can only narrow it, never invent C for a GR election.
    #[serde(default)]
    pub voter_cards: Option<bool>,
    /// Which generation of the proces-verbaal models the stations fill in
    /// (`form = "before-2026"` or `"from-2026"`). When absent it follows from the
    /// election day: the "versie 2027" models from 2026 on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<Generation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<Authority>,
    /// The contest the counts belong to, as the 230b (or the imported 510b) names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contest: Option<Contest>,
    /// `kr:ElectionDomain`, where the files give one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Domain>,
    pub lists: Vec<PoliticalList>,
    #[serde(default)]
    pub stations: Vec<PollingStation>,
}

/// Why an election file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ElectionError {
    /// The file is not TOML of an election; the TOML reader's words.
    #[error("{0}")]
    Toml(String),
    #[error("{0}")]
    Invalid(ElectionProblem),
}

/// What is wrong with an election that reads as TOML. The words are in [`words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ElectionProblem {
    /// The election id is empty.
    NoId,
    NoLists,
    /// A list number is 0 or used twice.
    ListNumber(u32),
    /// A list without candidates while the stations count candidate votes (DSO).
    NoCandidates(u32),
    /// A candidate number is 0 or used twice on its list.
    CandidateNumber {
        list: u32,
        candidate: u32,
    },
    /// A station listed twice.
    StationTwice(u32),
    /// A station numbered 0.
    StationZero,
    /// A station's register larger than the form can hold.
    TooManyVoters {
        station: u32,
        eligible: u64,
    },
    /// A contest id that is not a number from 1, a Roman numeral, "geen" or "alle".
    ContestId(String),
    /// Kiezerspassen (C) in a municipal (GR) election.
    VoterCardsInGr,
}

impl ElectionProblem {
    /// The sentence in Dutch or English (the text table).
    pub fn words(&self, english: bool) -> String {
        words::problem(self, english)
    }
}

impl fmt::Display for ElectionProblem {
    /// In the language chosen for messages ([`crate::i18n`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(crate::i18n::language().is_english()))
    }
}

impl Election {
    /// Whether C (kiezerspassen) applies: never in a GR election.
    pub fn voter_cards_apply(&self) -> bool {
        self.category.voter_cards_apply() && self.voter_cards.unwrap_or(true)
    }

    /// The generation of the paper forms: as the file says, else by election day.
    pub fn generation(&self) -> Generation {
        self.form
            .unwrap_or_else(|| Generation::for_date(&self.date))
    }

    pub fn list(&self, number: u32) -> Option<&PoliticalList> {
        self.lists.iter().find(|l| l.number == number)
    }

    pub fn station(&self, number: u32) -> Option<&PollingStation> {
        self.stations.iter().find(|s| s.number == number)
    }

    /// The bundled demo election (the Kiesraad's fictional "Juinen").
    pub fn demo() -> Election {
        // The demo file is part of the binary and covered by a test, so it parses.
        Election::from_toml(DEMO_ELECTION_TOML)
            .unwrap_or_else(|e| unreachable!("the bundled demo election is valid: {e}"))
    }

    /// Parses and checks an election file.
    pub fn from_toml(text: &str) -> Result<Election, ElectionError> {
        let election: Election =
            toml::from_str(text).map_err(|e| ElectionError::Toml(e.to_string()))?;
        election.check()?;
        Ok(election)
    }

    pub fn to_toml(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        toml::to_string(self).unwrap_or_default()
    }

    /// Structural checks: unique list, candidate and station numbers, numbers from 1;
    /// under DSO every list has candidates; a register size within the form's limit.
    pub fn check(&self) -> Result<(), ElectionError> {
        let bad = |p: ElectionProblem| Err(ElectionError::Invalid(p));
        if self.id.trim().is_empty() {
            return bad(ElectionProblem::NoId);
        }
        if self.lists.is_empty() {
            return bad(ElectionProblem::NoLists);
        }
        let mut seen = std::collections::BTreeSet::new();
        for list in &self.lists {
            if list.number == 0 || !seen.insert(list.number) {
                return bad(ElectionProblem::ListNumber(list.number));
            }
            if list.candidates.is_empty() && self.counting_method.counts_candidates() {
                return bad(ElectionProblem::NoCandidates(list.number));
            }
            let mut cands = std::collections::BTreeSet::new();
            for c in &list.candidates {
                if c.number == 0 || !cands.insert(c.number) {
                    return bad(ElectionProblem::CandidateNumber {
                        list: list.number,
                        candidate: c.number,
                    });
                }
            }
        }
        let mut stations = std::collections::BTreeSet::new();
        for s in &self.stations {
            if !stations.insert(s.number) {
                return bad(ElectionProblem::StationTwice(s.number));
            }
            if s.number == 0 {
                return bad(ElectionProblem::StationZero);
            }
            if let Some(n) = s.eligible_voters
                && n > crate::paper::MAX_COUNT
            {
                return bad(ElectionProblem::TooManyVoters {
                    station: s.number,
                    eligible: n,
                });
            }
        }
        if let Some(contest) = &self.contest
            && !Contest::valid_id(&contest.id)
        {
            return bad(ElectionProblem::ContestId(contest.id.clone()));
        }
        if self.voter_cards == Some(true) && !self.category.voter_cards_apply() {
            return bad(ElectionProblem::VoterCardsInGr);
        }
        Ok(())
    }
}

impl fmt::Display for Election {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name, self.date)
    }
}

/// The demo election shipped inside the binary.
pub const DEMO_ELECTION_TOML: &str = include_str!("../../../samples/juinen/election.toml");

pub mod words;

#[cfg(test)]
mod tests;
