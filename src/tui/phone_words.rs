//! Where a full record differs from what was phoned, in words: briefly for the
//! overview line ("E.3, lijst 3") and in full for the selected station. The words are
//! the text table's ([`super::text::PhoneText`]); the findings are
//! [`crate::verification::arrival`]'s.

use super::text::PhoneText;
use crate::event::Located;
use crate::record::Count;

fn show(value: Count, en: bool) -> String {
    match (value, en) {
        (Some(v), _) => v.to_string(),
        (None, false) => "leeg".into(),
        (None, true) => "empty".into(),
    }
}

/// A section key ("voters", "votes", "differences", "candidates.3") briefly.
fn section_short(key: &str, t: &PhoneText, en: bool) -> String {
    match (key, key.strip_prefix("candidates.")) {
        (_, Some(list)) => format!("{} {list}", t.list_short),
        ("voters", _) => (if en { "A to D" } else { "A t/m D" }).into(),
        ("votes", _) => (if en { "E to H" } else { "E t/m H" }).into(),
        _ => (if en { "I to O" } else { "I t/m O" }).into(),
    }
}

/// What the overview line adds after "record differs from phone": the boxes, lists and
/// sections located, each once, or that nothing could be located.
pub fn short(located: &Located, t: &PhoneText, en: bool) -> String {
    let mut names: Vec<String> = located.quick.iter().map(|d| d.field.key()).collect();
    let more = located
        .lists
        .iter()
        .map(|s| format!("{} {}", t.list_short, s.list))
        .chain(located.sections.iter().map(|k| section_short(k, t, en)));
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
pub fn detail(located: &Located, t: &PhoneText, en: bool) -> Vec<String> {
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
            .map(|k| section_short(k, t, en))
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
