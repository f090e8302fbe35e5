//! The settings file (`config/telraam.toml` is the commented default): interface
//! language, workspace directory, operator name and printing options.
//!
//! Command-line options override the file; a missing file means the defaults. A
//! malformed file is an error that names the file and line, never a silent default.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Interface language (defined in the core crate: messages there need it too).
pub use crate::i18n::Language;

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Printing {
    /// Where annexes are written; empty: the workspace's `annex` folder.
    pub output_dir: String,
    /// Printer for `lp -d`; empty: the system default printer, if any.
    pub printer: String,
    /// Send the annex to the printer right after writing it.
    pub print_after_writing: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct SettingsFile {
    language: String,
    data_dir: String,
    operator: String,
    printing: Printing,
}

/// The effective settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    pub language: Language,
    /// `None`: the platform's user data directory.
    pub data_dir: Option<PathBuf>,
    /// Empty: the login name of the computer's user.
    pub operator: String,
    pub printing: Printing,
}

#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct SettingsError {
    pub file: String,
    pub message: String,
}

impl Settings {
    /// The default settings file: `<config dir>/telraam/telraam.toml`.
    pub fn default_path() -> Option<PathBuf> {
        dirs::config_dir().map(|d| d.join("telraam").join("telraam.toml"))
    }

    /// Reads `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Settings, SettingsError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Settings::parse(&text).map_err(|message| SettingsError {
                file: path.display().to_string(),
                message,
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(e) => Err(SettingsError {
                file: path.display().to_string(),
                message: e.to_string(),
            }),
        }
    }

    /// Parses the text of a settings file.
    pub fn parse(text: &str) -> Result<Settings, String> {
        let file: SettingsFile = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text.get(..s.start).unwrap_or(text).matches('\n').count() + 1);
            match line {
                Some(line) => format!("line {line}: {}", e.message()),
                None => e.message().to_string(),
            }
        })?;
        let language = if file.language.trim().is_empty() {
            Language::Dutch
        } else {
            Language::parse(&file.language).ok_or_else(|| {
                format!(
                    "language: \"{}\" is not a language telraam speaks (use \"nl\" or \"en\")",
                    file.language
                )
            })?
        };
        let data_dir = (!file.data_dir.trim().is_empty()).then(|| PathBuf::from(file.data_dir));
        Ok(Settings {
            language,
            data_dir,
            operator: file.operator.trim().to_string(),
            printing: file.printing,
        })
    }

    /// The operator name for the audit log: the setting, else the login name.
    pub fn operator(&self) -> String {
        if !self.operator.is_empty() {
            return self.operator.clone();
        }
        std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .ok()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| "onbekend".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_settings_file_is_valid_and_means_the_defaults() {
        let text = include_str!("../config/telraam.toml");
        let settings = Settings::parse(text).expect("config/telraam.toml parses");
        assert_eq!(settings.language, Language::Dutch);
        assert_eq!(settings.data_dir, None);
        assert!(!settings.printing.print_after_writing);
    }

    #[test]
    fn english_and_a_printer_are_read() {
        let s = Settings::parse("language = \"en\"\n[printing]\nprinter = \"kantoor\"\n").unwrap();
        assert_eq!(s.language, Language::English);
        assert_eq!(s.printing.printer, "kantoor");
    }

    #[test]
    fn a_bad_language_or_key_names_the_problem() {
        let e = Settings::parse("language = \"fr\"\n").unwrap_err();
        assert!(e.contains("language"), "{e}");
        let e = Settings::parse("\nlangauge = \"nl\"\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
    }

    #[test]
    fn a_missing_file_gives_the_defaults() {
        let s = Settings::load(Path::new("/nonexistent/telraam.toml")).unwrap();
        assert_eq!(s, Settings::default());
    }
}
