//! The proces-verbaal models as data: which boxes each paper form has, in which
//! order, in which section, which of them counting mode computes, and on which
//! generation of the form each exists. Every consumer (the count screens, the result
//! file, the verification code, the phone check, the annex, aggregation, EML) reads
//! the boxes from here, so adding a box or a form generation touches this module
//! (and the rules), nothing else.
//!
//! Models: N 10-1 (the station counts candidate votes, decentrale stemopneming) and
//! N 10-2 (list totals only, centrale stemopneming), each in two generations:
//!
//! | generation | used for | section 3 (D compared with H) |
//! |---|---|---|
//! | [`Generation::Before2026`] | elections up to and including 2025 | I or J, explained by K, L, M, N, O |
//! | [`Generation::From2026`] | from 2026 on ("versie 2027" models) | tick D = H / H > D / H < D, I or J, "fully explained?" yes / no |
//!
//! The ballot stock (received, unused, spoiled) is telraam's own help for section 3,
//! not a box of the paper; it is kept on both generations.
//!
//! The words for each box live in one text table, [`words`], keyed by the label key
//! the model gives.

mod model;
pub mod words;

pub use model::{BoxSpec, Eml, MODEL, Part, Shape};

/// Which generation of the forms an election uses is a fact of the paper itself.
pub use crate::paper::Generation;

use crate::election::{CountingMethod, Election};
use crate::record::{Field, Mark};

/// One box of the form: a count or a checkbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    Count(Field),
    Mark(Mark),
}

impl Target {
    /// The key of the box: "A", "E.3", "cand.3.total", "box.equal", ...
    pub fn key(self) -> String {
        match self {
            Target::Count(field) => field.key(),
            Target::Mark(mark) => mark.key().to_string(),
        }
    }

    /// Inverse of [`Target::key`].
    pub fn parse(key: &str) -> Option<Target> {
        Mark::parse(key)
            .map(Target::Mark)
            .or_else(|| Field::parse(key).map(Target::Count))
    }
}

/// A section of the form, which is also a section of the verification code: where
/// to read again when a section's code differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// Section 1: A, B, C, D.
    Voters,
    /// Section 2: E.1..E.n, E, F, G, H.
    Votes,
    /// Section 3: D compared with H and its explanation; the ballot stock.
    Differences,
    /// The candidate page of one list (model N 10-1).
    Candidates(u32),
}

impl Section {
    /// The key the verification code and its section codes use.
    pub fn key(self) -> String {
        match self {
            Section::Voters => "voters".into(),
            Section::Votes => "votes".into(),
            Section::Differences => "differences".into(),
            Section::Candidates(list) => format!("candidates.{list}"),
        }
    }

    /// The section a key ("voters", "votes", "differences", "candidates.3") names.
    pub fn parse(key: &str) -> Option<Section> {
        match (key, key.strip_prefix("candidates.")) {
            (_, Some(list)) => list.parse().ok().map(Section::Candidates),
            ("voters", _) => Some(Section::Voters),
            ("votes", _) => Some(Section::Votes),
            ("differences", _) => Some(Section::Differences),
            _ => None,
        }
    }

    /// A section key named briefly as on the generation's form ([`Self::short_name`]);
    /// a key no section has is shown as it is.
    pub fn key_short_name(key: &str, generation: Generation, english: bool) -> String {
        Section::parse(key)
            .map(|s| s.short_name(generation, english))
            .unwrap_or_else(|| key.to_string())
    }

    /// The section named briefly by the letters its boxes have on the generation's
    /// form: "A t/m D", "E t/m H", "I t/m O" before 2026, "D/H, I, J" from 2026
    /// (the D/H boxes and I, J), "lijst 3".
    pub fn short_name(self, generation: Generation, english: bool) -> String {
        let part = match self {
            Section::Candidates(list) => {
                return words::list_section(list, english);
            }
            Section::Voters => Part::Voters,
            Section::Votes => Part::Votes,
            Section::Differences => Part::Differences,
        };
        let specs: Vec<&BoxSpec> = MODEL
            .iter()
            .filter(|s| s.part == part && s.generations.contains(&generation))
            .filter(|s| matches!(s.shape, Shape::One(_)))
            .collect();
        let letters: Vec<&str> = specs
            .iter()
            .map(|s| s.letter)
            .filter(|l| !l.is_empty())
            .collect();
        let mut name = match letters.as_slice() {
            [first, _, _, ..] => {
                let last = letters.last().copied().unwrap_or(first);
                words::letter_range(first, last, english)
            }
            _ => letters.join(", "),
        };
        if specs
            .iter()
            .any(|s| s.single() == Some(Target::Mark(Mark::Equal)))
        {
            name = format!("D/H, {name}");
        }
        name
    }
}

/// The entry of the model a box belongs to (whatever generation has it).
pub fn spec_of(target: Target) -> Option<&'static BoxSpec> {
    MODEL.iter().find(|s| s.stands_for(target))
}

impl BoxSpec {
    /// Whether `target` is one of the boxes this entry stands for.
    pub fn stands_for(&self, target: Target) -> bool {
        match (self.shape, target) {
            (Shape::One(t), _) => t == target,
            (Shape::ListTotal, Target::Count(Field::ListTotal(_))) => true,
            (Shape::Candidate, Target::Count(Field::Candidate { .. })) => true,
            (Shape::PageTotal, Target::Count(Field::CandidateListTotal(_))) => true,
            _ => false,
        }
    }

    /// The one box this entry stands for, if it is not one per list or candidate.
    pub fn single(&self) -> Option<Target> {
        match self.shape {
            Shape::One(target) => Some(target),
            _ => None,
        }
    }
}

/// The count box a result-file key (`voters.A`, `stock.received`) names, if any.
pub fn field_of_file_key(key: &str) -> Option<Field> {
    MODEL
        .iter()
        .filter(|s| s.file == key)
        .find_map(|s| match s.shape {
            Shape::One(Target::Count(field)) => Some(field),
            _ => None,
        })
}

/// The result-file key of a single box (`voters.A`, `differences.d_equals_h`).
pub fn file_key(target: Target) -> &'static str {
    spec_of(target).map_or("", |s| s.file)
}

/// Where each box stands in the order of the paper form: its entry in [`MODEL`], then
/// its list and candidate number (a list's page total after its candidates). Sorting
/// by it names boxes in form order.
pub fn paper_order(target: Target) -> (usize, u32, u32) {
    let index = MODEL
        .iter()
        .position(|s| s.stands_for(target))
        .unwrap_or(MODEL.len());
    match target {
        Target::Count(Field::ListTotal(list)) => (index, list, 0),
        // A page's candidates and its total are one page in form order.
        Target::Count(Field::Candidate { list, candidate }) => (MODEL.len(), list, candidate),
        Target::Count(Field::CandidateListTotal(list)) => (MODEL.len(), list, u32::MAX),
        _ => (index, 0, 0),
    }
}

/// Every count box of the model that is one box (not one per list or candidate),
/// whichever generation has it, in the order of the paper form.
pub fn single_fields() -> impl Iterator<Item = Field> {
    MODEL.iter().filter_map(|spec| match spec.single() {
        Some(Target::Count(field)) => Some(field),
        _ => None,
    })
}

/// The section of the form (and of the verification code) a box sits in.
pub fn section_of(target: Target) -> Section {
    let list = match target {
        Target::Count(Field::Candidate { list, .. } | Field::CandidateListTotal(list)) => list,
        _ => 0,
    };
    match spec_of(target).map(|s| s.part) {
        Some(Part::Voters) => Section::Voters,
        Some(Part::Votes) => Section::Votes,
        Some(Part::Candidates) => Section::Candidates(list),
        Some(Part::Differences) | None => Section::Differences,
    }
}

/// The form one election's stations fill in: model and generation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Form {
    pub generation: Generation,
    pub method: CountingMethod,
}

impl Form {
    pub fn of(election: &Election) -> Form {
        Form {
            generation: election.generation(),
            method: election.counting_method,
        }
    }

    /// Whether this form has the model entry.
    pub fn includes(self, spec: &BoxSpec) -> bool {
        spec.generations.contains(&self.generation)
            && (!spec.candidates_only || self.method.counts_candidates())
    }

    /// Whether this form has the box (a list or candidate of the election aside).
    pub fn has(self, target: Target) -> bool {
        spec_of(target).is_some_and(|s| self.includes(s))
    }

    /// The entries of the model this form has, in paper order.
    pub fn specs(self) -> impl Iterator<Item = &'static BoxSpec> {
        MODEL.iter().filter(move |s| self.includes(s))
    }

    /// Every box of this form for `election`, in the order of the paper (lists and
    /// candidates in ascending number). C is included even where kiezerspassen do not
    /// apply: the record holds what the paper can hold, and the rules flag it.
    pub fn boxes(self, election: &Election) -> Vec<Target> {
        let mut lists: Vec<_> = election.lists.iter().collect();
        lists.sort_by_key(|l| l.number);
        let mut out = Vec::new();
        let mut pages = Vec::new();
        for spec in self.specs() {
            match spec.shape {
                Shape::One(target) => out.push(target),
                Shape::ListTotal => out.extend(
                    lists
                        .iter()
                        .map(|l| Target::Count(Field::ListTotal(l.number))),
                ),
                Shape::Candidate | Shape::PageTotal => pages.push(spec.shape),
            }
        }
        for list in &lists {
            for shape in &pages {
                match shape {
                    Shape::Candidate => {
                        let mut numbers: Vec<u32> =
                            list.candidates.iter().map(|c| c.number).collect();
                        numbers.sort_unstable();
                        out.extend(numbers.into_iter().map(|candidate| {
                            Target::Count(Field::Candidate {
                                list: list.number,
                                candidate,
                            })
                        }));
                    }
                    _ => out.push(Target::Count(Field::CandidateListTotal(list.number))),
                }
            }
        }
        out
    }
}

/// Whether counting mode computes the box (a typed value would be overwritten).
pub fn computed(target: Target) -> bool {
    spec_of(target).is_some_and(|s| s.computed)
}

#[cfg(test)]
mod tests;
