//! Where a full record differs from what was phoned, in words: briefly for the
//! overview line ("E.3, lijst 3") and in full for the selected station. The words are
//! the text table's ([`super::text::PhoneText`]); the findings are
//! [`crate::verification::arrival`]'s.

use super::text::PhoneText;
use crate::event::Located;
use crate::form::{Generation, Section};
use crate::record::Count;

fn show(value: Count, en: bool) -> String {
    match (value, en) {
        (Some(v), _) => v.to_string(),
        (None, false) => "leeg".into(),
        (None, true) => "empty".into(),
    }
}

/// A section key ("voters", "votes", "differences", "candidates.3") briefly, named as
/// the election's form names it (the form model's [`Section::short_name`]).
fn section_short(key: &str, generation: Generation, en: bool) -> String {
    Section::key_short_name(key, generation, en)
}

/// What the overview line adds after "record differs from phone": the boxes, lists and
/// sections located, each once, or that nothing could be located.
pub fn short(located: &Located, generation: Generation, t: &PhoneText, en: bool) -> String {
    let mut names: Vec<String> = located.quick.iter().map(|d| d.field.key()).collect();
    let more = located
        .lists
        .iter()
        .map(|s| format!("{} {}", t.list_short, s.list))
        .chain(
            located
                .sections
                .iter()
                .map(|k| section_short(k, generation, en)),
        );
    for name in more {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    if !names.is_empty() {
        names.join(", ")
    } else if located.phoned_figures_known {
        t.outside_short.to_string()
    } else {
        t.unknown_short.to_string()
    }
}

/// The full account, one line per finding.
pub fn detail(located: &Located, generation: Generation, t: &PhoneText, en: bool) -> Vec<String> {
    let mut lines: Vec<String> = located
        .quick
        .iter()
        .map(|d| {
            t.figure_differs
                .replace("{box}", &d.field.key())
                .replace("{phoned}", &show(d.phoned, en))
                .replace("{record}", &show(d.record, en))
        })
        .collect();
    lines.extend(located.lists.iter().map(|s| {
        t.list_sum_differs
            .replace("{list}", &s.list.to_string())
            .replace("{sum}", &s.candidates.to_string())
            .replace("{phoned}", &show(s.phoned, en))
    }));
    if let Some(version) = located.matched_version
        && !located.sections.is_empty()
    {
        let sections: Vec<String> = located
            .sections
            .iter()
            .map(|k| section_short(k, generation, en))
            .collect();
        lines.push(
            t.changed_since
                .replace("{version}", &version.to_string())
                .replace("{sections}", &sections.join(", ")),
        );
    }
    if lines.is_empty() {
        lines.push(
            if located.phoned_figures_known {
                t.outside_detail
            } else {
                t.unknown_detail
            }
            .to_string(),
        );
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;
    use crate::tui::text::phone_text;

    fn changed_differences() -> Located {
        Located {
            phoned_figures_known: true,
            quick: Vec::new(),
            lists: Vec::new(),
            matched_version: Some(2),
            sections: vec!["differences".into(), "candidates.3".into()],
        }
    }

    #[test]
    fn the_differences_section_is_named_as_the_elections_form_names_it() {
        let located = changed_differences();
        let (old, new) = (Generation::Before2026, Generation::From2026);
        let nl = phone_text(Language::Dutch);
        let en = phone_text(Language::English);
        // Up to 2025 the section holds I to O; from 2026 the D/H boxes, I and J.
        assert_eq!(short(&located, old, nl, false), "I t/m O, lijst 3");
        assert_eq!(short(&located, new, nl, false), "D/H, I, J, lijst 3");
        assert_eq!(short(&located, new, en, true), "D/H, I, J, list 3");
        let detail_new = detail(&located, new, en, true).join("\n");
        assert!(detail_new.contains("D/H, I, J, list 3"), "{detail_new}");
        assert!(!detail_new.contains("I to O"), "{detail_new}");
        let detail_old = detail(&located, old, nl, false).join("\n");
        assert!(detail_old.contains("I t/m O, lijst 3"), "{detail_old}");
    }
}
