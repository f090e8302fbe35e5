//! The error of every EML reader: file, line, and the message in both languages.

use std::fmt;

/// Why an EML file cannot be used. Displays as `file:line: message`, in the language
/// chosen for messages ([`crate::i18n`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmlError {
    pub file: String,
    pub line: Option<usize>,
    pub en: String,
    pub nl: String,
}

impl EmlError {
    pub fn new(
        file: &str,
        line: Option<usize>,
        en: impl Into<String>,
        nl: impl Into<String>,
    ) -> Self {
        EmlError {
            file: file.to_string(),
            line,
            en: en.into(),
            nl: nl.into(),
        }
    }
}

impl fmt::Display for EmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        // In the language chosen for messages only (`--lang`, the settings file).
        write!(f, ": {}", crate::i18n::say(&self.nl, &self.en))
    }
}

impl std::error::Error for EmlError {}
