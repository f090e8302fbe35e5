//! The count-night interface: a thin ratatui shell (Elm shape: one `App`, a message
//! enum, a pure `update`, a `view` that only draws) over the domain modules.
