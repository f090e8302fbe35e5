//! The labels of the municipal totals' figures, Dutch and English: the one place
//! where a [`Figure`] gets its words.

use super::Figure;

impl Figure {
    /// "kiesgerechtigden", "lijst 3 Partij C", "  12 Jansen, A.", or the form's own
    /// label of a box; in English "eligible voters", "list 3 Partij C", ….
    pub fn label(&self, english: bool) -> String {
        match self {
            Figure::EligibleVoters if english => "eligible voters".into(),
            Figure::EligibleVoters => "kiesgerechtigden".into(),
            Figure::List { list, name } if english => format!("list {list} {name}"),
            Figure::List { list, name } => format!("lijst {list} {name}"),
            Figure::Candidate { number, name } => format!("  {number} {name}"),
            Figure::Box(target) => crate::form::words::label(*target, english),
        }
    }
}
