//! The words of the workspace's own errors, Dutch and English, in the language chosen
//! for messages ([`crate::i18n`]). The lifecycle's refusals have theirs in
//! [`crate::lifecycle::words`].

use crate::i18n::say;
use std::path::Path;

/// What a user reads when the workspace cannot be written.
pub fn read_only() -> String {
    say(
        "de werkmap is alleen-lezen (schrijfbeveiligd): hier kan niets worden bewaard; \
         audit verify, audit show, export, aggregate, export-eml, export-csv en annex \
         werken wel",
        "the workspace folder is read-only (write-protected): nothing can be saved here; \
         audit verify, audit show, export, aggregate, export-eml, export-csv and annex \
         still work",
    )
}

/// What a user reads when the disk is full.
pub fn disk_full() -> String {
    say(
        "de schijf is vol: er is niets bewaard; maak ruimte vrij (of kopieer de werkmap \
         naar een andere schijf) en probeer het opnieuw",
        "the disk is full: nothing was saved; free some space (or copy the workspace to \
         another disk) and try again",
    )
}

/// `init` for another election than the workspace holds.
pub fn other_election(dir: &Path, existing: &str, wanted: &str) -> String {
    say(
        &format!(
            "{}: deze werkmap bevat al verkiezing {existing}; gebruik een andere map \
             (--data MAP) voor {wanted}",
            dir.display()
        ),
        &format!(
            "{}: this workspace already holds election {existing}; use another directory \
             (--data DIR) for {wanted}",
            dir.display()
        ),
    )
}

/// SQLite's integrity check found damage.
pub fn damaged(check: &str) -> String {
    say(
        &format!("de database is beschadigd (integriteitscontrole: {check})"),
        &format!("the database is damaged (integrity check: {check})"),
    )
}

/// The audit event holding a 510b's totals cannot be read.
pub fn totals_unreadable() -> String {
    say(
        "de opgeslagen 510b-totalen zijn onleesbaar",
        "the stored 510b totals cannot be read",
    )
}

/// A folder with a database but no election in it.
pub fn no_election(dir: &Path) -> String {
    say(
        &format!("{}: de werkmap bevat geen verkiezing", dir.display()),
        &format!("{}: the workspace holds no election", dir.display()),
    )
}
