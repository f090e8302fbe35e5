//! The language of the messages printed outside the interface's screens: command-line
//! errors and reports, and the error messages of the result file that they carry.
//!
//! The command line sets it once at start (`--lang`, else the settings file, else
//! Dutch); [`say`] then picks the sentence in that language, so that a message is
//! printed in the chosen language only, never as "Dutch / English".

use std::cell::Cell;

/// Interface language. Dutch is the default: the form and its terms are Dutch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    Dutch,
    English,
}

impl Language {
    /// Parses "nl" or "en" (as in `--lang` and the settings file).
    pub fn parse(text: &str) -> Option<Language> {
        match text.trim().to_ascii_lowercase().as_str() {
            "nl" | "nederlands" | "dutch" => Some(Language::Dutch),
            "en" | "english" | "engels" => Some(Language::English),
            _ => None,
        }
    }
    pub fn is_english(self) -> bool {
        self == Language::English
    }
}

thread_local! {
    // Per thread: the command line runs on one; tests running side by side do not
    // see each other's choice.
    static ENGLISH: Cell<bool> = const { Cell::new(false) };
}

/// Chooses the language of the messages from now on (on this thread).
pub fn set(language: Language) {
    ENGLISH.with(|e| e.set(language.is_english()));
}

/// The language chosen for messages (Dutch until [`set`] says otherwise).
pub fn language() -> Language {
    if ENGLISH.with(Cell::get) {
        Language::English
    } else {
        Language::Dutch
    }
}

/// The sentence in the chosen language: `nl` or `en`.
pub fn say(nl: &str, en: &str) -> String {
    if language().is_english() {
        en.to_string()
    } else {
        nl.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_said_in_the_chosen_language_only() {
        set(Language::English);
        assert_eq!(
            say("bestand niet gevonden", "file not found"),
            "file not found"
        );
        set(Language::Dutch);
        assert_eq!(
            say("bestand niet gevonden", "file not found"),
            "bestand niet gevonden"
        );
    }
}
