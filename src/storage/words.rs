//! The words of the workspace's own errors, Dutch and English, in the language chosen
//! for messages ([`crate::i18n`]). The lifecycle's refusals have theirs in
//! [`crate::lifecycle::words`].

use crate::i18n::say;

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
