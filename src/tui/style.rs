//! The two text styles every screen shares. Meaning never rests on them alone: a
//! marker or a word always says the same thing (see each view's doc comment).

use ratatui::style::{Modifier, Style};

/// Headings and figures that need attention.
pub(crate) fn bold() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

/// The row or box under the cursor.
pub(crate) fn focus() -> Style {
    Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
}
