//! What the commands share: finding the workspace, reporting errors.

/// Temporary: commands that are not built yet say so plainly.
pub fn not_yet(what: &str) -> u8 {
    eprintln!("telraam: {what} is not available yet");
    2
}
