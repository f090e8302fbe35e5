//! The Verschillen step: the differences between admitted voters and votes cast,
//! with the stock of ballot papers, the explanation boxes and their check.

use super::*;

pub(super) fn differences(app: &App, record: &CountRecord, t: &Text, theme: &Theme) -> Body {
    let lang = app.language;
    let head_line = match counting::difference(record) {
        Some(0) => t.no_difference.to_string(),
        Some(x) => text::difference(lang, x),
        None => t.difference_unknown.to_string(),
    };
    let head = vec![Line::styled(format!(" {head_line}"), theme.heading())];
    if !flow::has_difference(record) {
        return (head, Vec::new(), None);
    }
    let balance = counting::stock_balance(record);
    let mut rows: Vec<Line<'static>> = Vec::new();
    let mut focus = None;
    let items = app.items(Step::Differences);
    let stock = |item: &Item| {
        matches!(
            item,
            Item::Count(Field::BallotsReceived | Field::BallotsUnused | Field::BallotsSpoiled)
        )
    };
    let mut balance_shown = false;
    for (i, item) in items.iter().enumerate() {
        let focused = i == app.cursor();
        if *item == Item::Count(Field::BallotsReceived) {
            rows.push(Line::styled(
                format!(" {}", t.stock_heading),
                theme.heading(),
            ));
        }
        // After the stock: what it says, then the explanation the form asks for.
        if !stock(item) && !balance_shown {
            balance_shown = true;
            if let Some(b) = balance {
                rows.push(Line::from(format!("   {} = {}", t.issued, b.issued)));
                rows.push(Line::from(format!(
                    "   {}",
                    text::issued_against(lang, b.issued_minus_admitted, b.issued_minus_cast)
                )));
            }
            if *item == Item::Count(Field::TakenAway) {
                rows.push(Line::styled(
                    format!(" {}", t.events_heading),
                    theme.heading(),
                ));
            }
        }
        if focused && *item != Item::Note {
            focus = Some(rows.len());
        }
        match item {
            Item::Count(field) => {
                let hint = match (field, balance) {
                    (Field::TakenAway, Some(b)) => {
                        format!("({} {})", t.from_stock, b.taken_away())
                    }
                    (Field::TooFewIssued, Some(b)) => {
                        format!("({} {})", t.from_stock, b.too_few_issued())
                    }
                    (Field::TooManyIssued, Some(b)) => {
                        format!("({} {})", t.from_stock, b.too_many_issued())
                    }
                    _ => String::new(),
                };
                rows.push(count_row(
                    app,
                    record,
                    *field,
                    text::field_label(lang, *field),
                    &hint,
                    focused,
                    theme,
                ));
                if *field == Field::NoExplanation {
                    rows.push(explanation_sum(app, record, theme));
                }
            }
            Item::Explained => {
                let answer = record.differences.fully_explained.answer();
                let choice = |on: bool, word: &str| {
                    if on {
                        format!("[X] {word}")
                    } else {
                        format!("[ ] {word}")
                    }
                };
                let line = format!(
                    "{} {:<width$} {}   {}   ({})",
                    if focused { ">" } else { " " },
                    t.fully_explained,
                    choice(answer == Some(true), t.yes),
                    choice(answer == Some(false), t.no),
                    if answer.is_none() {
                        t.unanswered
                    } else {
                        t.yes_no_keys
                    },
                    width = LABEL_WIDTH - 20
                );
                rows.push(if focused {
                    Line::styled(line, theme.focus())
                } else {
                    Line::from(line)
                });
            }
            Item::Note => {
                // Wrapped, so that the end of what is typed is always in view; the
                // current row is the last line, where the cursor is.
                let note = if focused {
                    format!("{}_", app.input())
                } else {
                    record.differences.note.clone()
                };
                let lines = wrap(&note, note_width());
                let count = lines.len();
                for (n, text) in lines.into_iter().enumerate() {
                    let label = if n == 0 {
                        format!("{}:", t.note_label)
                    } else {
                        String::new()
                    };
                    let marker = if focused && n == 0 { ">" } else { " " };
                    let line = format!("{marker} {label:<width$}{text}", width = NOTE_LABEL_WIDTH);
                    if focused && n + 1 == count {
                        focus = Some(rows.len());
                    }
                    rows.push(if focused {
                        Line::styled(line, theme.focus())
                    } else {
                        Line::from(line)
                    });
                }
                if focused && app.unsaved.is_some() {
                    let t = text::text(app.language);
                    rows.push(Line::styled(format!("  {}", t.not_saved), theme.error()));
                }
            }
            Item::Total(_) => {}
        }
    }
    (head, rows, focus)
}

/// The 2023–2025 check: M + N + O - K - L should be I (or K + L + N + O - M should be J).
fn explanation_sum(app: &App, record: &CountRecord, theme: &Theme) -> Line<'static> {
    let d = &record.differences;
    let v = |c: Option<u64>| c.unwrap_or(0) as i64;
    let (k, l, m, n, o) = (
        v(d.taken_away),
        v(d.too_few_issued),
        v(d.too_many_issued),
        v(d.other_explanation),
        v(d.no_explanation),
    );
    let Some(diff) = counting::difference(record) else {
        return Line::default();
    };
    let (formula, sum, letter) = if diff > 0 {
        ("M + N + O - K - L", m + n + o - k - l, "I")
    } else {
        ("K + L + N + O - M", k + l + n + o - m, "J")
    };
    let (words, balanced) = text::explanation(app.language, formula, sum, letter, diff.abs());
    let style = if balanced {
        theme.good()
    } else {
        theme.warning()
    };
    Line::from(vec![Span::raw("   "), Span::styled(words, style)])
}
