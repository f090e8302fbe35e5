//! Every rule code telraam can report, as an enum: its stable text ("F.201"), its
//! severity and the form generations it applies to. `docs/rules.md` describes each
//! one; a test checks the document against [`Code::ALL`].

use super::Severity;
use crate::form::Generation;
use std::fmt;

/// A rule's stable code. `F.` and `W.` are the Kiesraad's, `T.` telraam's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    F201,
    F202,
    F203,
    F204,
    F301,
    F302,
    F303,
    F304,
    F305,
    F306,
    F307,
    F308,
    F309,
    F310,
    F401,
    F402,
    F403,
    T001,
    T101,
    T201,
    T202,
    T203,
    T204,
    T205,
    T206,
    T301,
    T302,
    T303,
    W201,
    W202,
    W203,
    W204,
}

const BOTH: &[Generation] = &[Generation::Before2026, Generation::From2026];
const OLD: &[Generation] = &[Generation::Before2026];
const NEW: &[Generation] = &[Generation::From2026];

impl Code {
    pub const ALL: [Code; 32] = [
        Code::F201,
        Code::F202,
        Code::F203,
        Code::F204,
        Code::F301,
        Code::F302,
        Code::F303,
        Code::F304,
        Code::F305,
        Code::F306,
        Code::F307,
        Code::F308,
        Code::F309,
        Code::F310,
        Code::F401,
        Code::F402,
        Code::F403,
        Code::T001,
        Code::T101,
        Code::T201,
        Code::T202,
        Code::T203,
        Code::T204,
        Code::T205,
        Code::T206,
        Code::T301,
        Code::T302,
        Code::T303,
        Code::W201,
        Code::W202,
        Code::W203,
        Code::W204,
    ];

    /// The code as printed: "F.201".
    pub fn as_str(self) -> &'static str {
        match self {
            Code::F201 => "F.201",
            Code::F202 => "F.202",
            Code::F203 => "F.203",
            Code::F204 => "F.204",
            Code::F301 => "F.301",
            Code::F302 => "F.302",
            Code::F303 => "F.303",
            Code::F304 => "F.304",
            Code::F305 => "F.305",
            Code::F306 => "F.306",
            Code::F307 => "F.307",
            Code::F308 => "F.308",
            Code::F309 => "F.309",
            Code::F310 => "F.310",
            Code::F401 => "F.401",
            Code::F402 => "F.402",
            Code::F403 => "F.403",
            Code::T001 => "T.001",
            Code::T101 => "T.101",
            Code::T201 => "T.201",
            Code::T202 => "T.202",
            Code::T203 => "T.203",
            Code::T204 => "T.204",
            Code::T205 => "T.205",
            Code::T206 => "T.206",
            Code::T301 => "T.301",
            Code::T302 => "T.302",
            Code::T303 => "T.303",
            Code::W201 => "W.201",
            Code::W202 => "W.202",
            Code::W203 => "W.203",
            Code::W204 => "W.204",
        }
    }

    /// Inverse of [`Code::as_str`].
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == text)
    }

    /// Error or warning. The 2023–2025 form's explanation checks (T.301–T.303) are
    /// warnings: a paper that does not explain its difference is flagged, not blocked.
    pub fn severity(self) -> Severity {
        match self {
            Code::T201
            | Code::T202
            | Code::T203
            | Code::T204
            | Code::T205
            | Code::T206
            | Code::T301
            | Code::T302
            | Code::T303
            | Code::W201
            | Code::W202
            | Code::W203
            | Code::W204 => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The form generations the rule applies to: the D/H boxes and the yes/no
    /// question (F.301–F.304, F.310) exist only from 2026, K–O only before.
    pub fn generations(self) -> &'static [Generation] {
        match self {
            Code::F301 | Code::F302 | Code::F303 | Code::F304 | Code::F310 => NEW,
            Code::T206 | Code::T301 | Code::T302 | Code::T303 => OLD,
            _ => BOTH,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_and_appears_once() {
        for code in Code::ALL {
            assert_eq!(Code::parse(code.as_str()), Some(code));
        }
        let mut sorted = Code::ALL.to_vec();
        sorted.dedup();
        assert_eq!(sorted.len(), Code::ALL.len());
    }

    /// docs/rules.md has a row for every code, with its severity and generation, and
    /// no row for a code the enum does not know.
    #[test]
    fn the_documentation_matches_the_enum() {
        let doc = include_str!("../../../../docs/rules.md");
        let mut documented = Vec::new();
        let mut heading = "";
        for line in doc.lines() {
            if line.starts_with("## ") {
                heading = line;
            }
            let Some(rest) = line.strip_prefix("| ") else {
                continue;
            };
            let cells: Vec<&str> = rest.split(" | ").map(str::trim).collect();
            let Some(code) = cells.first().and_then(|c| {
                (c.len() == 5 && c.as_bytes()[1] == b'.')
                    .then_some(*c)
                    .filter(|c| c.starts_with(['F', 'T', 'W']))
            }) else {
                continue;
            };
            let known = Code::parse(code).unwrap_or_else(|| panic!("{code} is not in the enum"));
            let severity_heading = match known.severity() {
                Severity::Error => "## Errors",
                Severity::Warning => "## Warnings",
            };
            assert!(
                heading.starts_with(severity_heading),
                "{code} documented under {heading:?}"
            );
            let generation = cells.get(1).copied().unwrap_or("");
            let expected = match known.generations() {
                [Generation::Before2026] => "before 2026",
                [Generation::From2026] => "from 2026",
                _ => "both",
            };
            assert_eq!(generation, expected, "{code}: generation column");
            documented.push(known);
        }
        for code in Code::ALL {
            assert_eq!(
                documented.iter().filter(|c| **c == code).count(),
                1,
                "{code} must have exactly one row in docs/rules.md"
            );
        }
    }
}
