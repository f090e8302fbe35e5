//! The boxes of an entry: every box printed on the station's paper form, read and
//! written as the paper has it, and compared box by box (W.001).

use crate::election::Election;
use crate::form::{self, Form, Target};
use crate::record::{Count, CountRecord};

/// What one box holds: a figure (or nothing written) or a tick. In an audit event a
/// figure is a JSON number (`null`: nothing written) and a tick `true` or `false`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum BoxValue {
    Count(Count),
    Mark(bool),
}

/// Every box of the election's paper form, in the order of the paper: A to D, the
/// list totals, E to H, the D/H boxes, I, J and the explanation boxes of the form's
/// generation, then each candidate page with its total. Not the ballot stock
/// (telraam's own) and not the note (free text).
pub fn paper_boxes(election: &Election) -> Vec<Target> {
    Form::of(election)
        .boxes(election)
        .into_iter()
        .filter(|t| form::spec_of(*t).is_some_and(|s| s.on_paper))
        .collect()
}

/// The box as the record holds it.
pub fn value(record: &CountRecord, target: Target) -> BoxValue {
    match target {
        Target::Count(field) => BoxValue::Count(record.get(field)),
        Target::Mark(mark) => BoxValue::Mark(record.mark(mark)),
    }
}

/// Writes a box; false when the value is of the other kind or the record has no
/// slot for the box.
pub fn set_value(record: &mut CountRecord, target: Target, new: BoxValue) -> bool {
    match (target, new) {
        (Target::Count(field), BoxValue::Count(v)) => record.set(field, v),
        (Target::Mark(mark), BoxValue::Mark(on)) => {
            record.set_mark(mark, on);
            true
        }
        _ => false,
    }
}

/// The paper boxes in which two entries differ, in paper order (W.001). An empty box
/// and a written 0 are the same figure, as Abacus counts an empty box: a typist who
/// confirms an empty field with Enter and a station record that left the box empty
/// do not differ.
pub fn differing(election: &Election, a: &CountRecord, b: &CountRecord) -> Vec<Target> {
    paper_boxes(election)
        .into_iter()
        .filter(|t| !same(value(a, *t), value(b, *t)))
        .collect()
}

/// Whether two values of a box say the same (empty = 0).
pub fn same(a: BoxValue, b: BoxValue) -> bool {
    match (a, b) {
        (BoxValue::Count(x), BoxValue::Count(y)) => x.unwrap_or(0) == y.unwrap_or(0),
        _ => a == b,
    }
}
