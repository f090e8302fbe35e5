//! The lifecycle of a count record: draft, finalised (vastgesteld), corrigendum.
//! [`gate`] says what stands between a record and vaststellen.

pub mod gate;

pub use gate::{Demoted, Gate};
