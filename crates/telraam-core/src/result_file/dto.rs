//! The result file's tables as the TOML reader sees them. The boxes themselves are
//! not listed here but in the form model (`crate::form::MODEL`, its `file` keys):
//! [`ResultDto::count_mut`] and [`ResultDto::flag_mut`] only say where each key
//! lives in these tables, and a test checks that every box of the model has its
//! place and every place its box.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;
use toml::Spanned;

pub(super) type SCount = Option<Spanned<u64>>;

/// A key of the lists and candidates tables: a list or candidate number, or
/// `total`. Ordered as the form orders them, so the file is written that way:
/// numbers by value (1, 2, …, 10), then other keys (`total`) by text. Two spellings
/// of one number (`1`, `01`) stay two keys, so that reading can refuse the second.
/// Reading does not depend on the order: a file written with its keys sorted as
/// text (before this order) reads the same. The verification code is over the
/// canonical text (`crate::verification::canonical`), not over this file.
#[derive(Serialize, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub(super) struct Key(pub(super) Spanned<String>);

impl Key {
    pub(super) fn new(text: String) -> Key {
        Key(spanned(text))
    }

    pub(super) fn spanned(&self) -> &Spanned<String> {
        &self.0
    }

    fn order(&self) -> (bool, u64, &str) {
        let text = self.0.get_ref().as_str();
        match text.parse::<u64>() {
            Ok(n) => (false, n, text),
            Err(_) => (true, 0, text),
        }
    }
}

impl std::ops::Deref for Key {
    type Target = Spanned<String>;
    fn deref(&self) -> &Spanned<String> {
        &self.0
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Key) -> Ordering {
        self.order().cmp(&other.order())
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Key) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct VotersDto {
    #[serde(rename = "A", default, skip_serializing_if = "Option::is_none")]
    pub(super) a: SCount,
    #[serde(rename = "B", default, skip_serializing_if = "Option::is_none")]
    pub(super) b: SCount,
    #[serde(rename = "C", default, skip_serializing_if = "Option::is_none")]
    pub(super) c: SCount,
    #[serde(rename = "D", default, skip_serializing_if = "Option::is_none")]
    pub(super) d: SCount,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct VotesDto {
    #[serde(rename = "E", default, skip_serializing_if = "Option::is_none")]
    pub(super) e: SCount,
    #[serde(rename = "F", default, skip_serializing_if = "Option::is_none")]
    pub(super) f: SCount,
    #[serde(rename = "G", default, skip_serializing_if = "Option::is_none")]
    pub(super) g: SCount,
    #[serde(rename = "H", default, skip_serializing_if = "Option::is_none")]
    pub(super) h: SCount,
    /// E.1..E.n keyed by list number.
    #[serde(default)]
    pub(super) lists: BTreeMap<Key, Spanned<u64>>,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct DifferencesDto {
    /// Box "D = H" ticked.
    #[serde(default, skip_serializing_if = "is_false")]
    pub(super) d_equals_h: bool,
    /// Box "H > D" ticked.
    #[serde(default, skip_serializing_if = "is_false")]
    pub(super) h_more_than_d: bool,
    /// Box "H < D" ticked.
    #[serde(default, skip_serializing_if = "is_false")]
    pub(super) h_less_than_d: bool,
    #[serde(rename = "I", default, skip_serializing_if = "Option::is_none")]
    pub(super) i: SCount,
    #[serde(rename = "J", default, skip_serializing_if = "Option::is_none")]
    pub(super) j: SCount,
    /// "Fully explained?" ticked yes / ticked no (both or neither is possible on paper).
    #[serde(default, skip_serializing_if = "is_false")]
    pub(super) explained_yes: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub(super) explained_no: bool,
    #[serde(rename = "K", default, skip_serializing_if = "Option::is_none")]
    pub(super) k: SCount,
    #[serde(rename = "L", default, skip_serializing_if = "Option::is_none")]
    pub(super) l: SCount,
    #[serde(rename = "M", default, skip_serializing_if = "Option::is_none")]
    pub(super) m: SCount,
    #[serde(rename = "N", default, skip_serializing_if = "Option::is_none")]
    pub(super) n: SCount,
    #[serde(rename = "O", default, skip_serializing_if = "Option::is_none")]
    pub(super) o: SCount,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) note: String,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct StockDto {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) received: SCount,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) unused: SCount,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) spoiled: SCount,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ResultDto {
    pub(super) format: Spanned<String>,
    pub(super) election: Spanned<String>,
    pub(super) station: Spanned<u32>,
    pub(super) model: Spanned<String>,
    pub(super) mode: Spanned<String>,
    #[serde(default = "one")]
    pub(super) version: Spanned<u32>,
    #[serde(default = "draft")]
    pub(super) state: Spanned<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) correction_reason: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) acknowledged_warnings: Vec<String>,
    #[serde(default)]
    pub(super) voters: VotersDto,
    #[serde(default)]
    pub(super) votes: VotesDto,
    #[serde(default)]
    pub(super) differences: DifferencesDto,
    #[serde(default)]
    pub(super) stock: StockDto,
    /// Candidate votes (N 10-1 only): list number → candidate number → votes.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) candidates: BTreeMap<Key, BTreeMap<Key, Spanned<u64>>>,
}

pub(super) fn is_false(b: &bool) -> bool {
    !*b
}
pub(super) fn one() -> Spanned<u32> {
    Spanned::new(0..0, 1)
}
pub(super) fn draft() -> Spanned<String> {
    Spanned::new(0..0, "draft".to_string())
}

pub(super) fn spanned<T>(v: T) -> Spanned<T> {
    Spanned::new(0..0, v)
}

impl ResultDto {
    /// The slot of a count box, by its result-file key (`voters.A`, `stock.unused`).
    pub(super) fn count_mut(&mut self, key: &str) -> Option<&mut SCount> {
        let (v, e, d, s) = (
            &mut self.voters,
            &mut self.votes,
            &mut self.differences,
            &mut self.stock,
        );
        Some(match key {
            "voters.A" => &mut v.a,
            "voters.B" => &mut v.b,
            "voters.C" => &mut v.c,
            "voters.D" => &mut v.d,
            "votes.E" => &mut e.e,
            "votes.F" => &mut e.f,
            "votes.G" => &mut e.g,
            "votes.H" => &mut e.h,
            "differences.I" => &mut d.i,
            "differences.J" => &mut d.j,
            "differences.K" => &mut d.k,
            "differences.L" => &mut d.l,
            "differences.M" => &mut d.m,
            "differences.N" => &mut d.n,
            "differences.O" => &mut d.o,
            "stock.received" => &mut s.received,
            "stock.unused" => &mut s.unused,
            "stock.spoiled" => &mut s.spoiled,
            _ => return None,
        })
    }

    /// The slot of a checkbox, by its result-file key (`differences.d_equals_h`).
    pub(super) fn flag_mut(&mut self, key: &str) -> Option<&mut bool> {
        let d = &mut self.differences;
        Some(match key {
            "differences.d_equals_h" => &mut d.d_equals_h,
            "differences.h_more_than_d" => &mut d.h_more_than_d,
            "differences.h_less_than_d" => &mut d.h_less_than_d,
            "differences.explained_yes" => &mut d.explained_yes,
            "differences.explained_no" => &mut d.explained_no,
            _ => return None,
        })
    }
}
