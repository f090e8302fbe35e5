//! The entry steps: Kiezers, Stemmen, Verschillen and Kandidaten. Each builds fixed
//! header lines and scrolling rows, one per field, with the current one marked.

use super::*;

pub(super) fn entry(frame: &mut Frame, app: &App, t: &Text, theme: &Theme, step: Step, area: Rect) {
    let Some(record) = &app.record else {
        return;
    };
    let (head, rows, focus) = match step {
        Step::Voters => voters(app, record, theme),
        Step::Votes => votes(app, record, theme),
        Step::Differences => differences(app, record, t, theme),
        Step::Candidates(i) => candidates(app, record, t, theme, i),
        Step::Check | Step::Finalise => (Vec::new(), Vec::new(), None),
    };
    let head_height = head.len() as u16;
    let [h, b] =
        Layout::vertical([Constraint::Length(head_height), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(head), h);
    let offset = scrolled(frame, rows, focus, b);
    if let Some(row) = focus {
        // The terminal cursor sits behind the figure being typed.
        let y = b.y + row.saturating_sub(offset) as u16;
        if let Some(x) = cursor_column(app, b) {
            frame.set_cursor_position((x, y));
        }
    }
}

/// Column of the terminal cursor: behind the value box of a count, or behind the note.
fn cursor_column(app: &App, area: Rect) -> Option<u16> {
    match app.current_item()? {
        Item::Count(_) => Some(area.x + (LABEL_WIDTH + 3 + VALUE_WIDTH) as u16),
        Item::Note => Some(area.x + 2 + NOTE_LABEL_WIDTH as u16 + app.input.chars().count() as u16),
        Item::Explained => None,
    }
}

const LABEL_WIDTH: usize = 50;
const NOTE_LABEL_WIDTH: usize = 14;

/// One count row: marker, label, value box and an optional hint.
fn count_row(
    app: &App,
    record: &CountRecord,
    field: Field,
    label: String,
    hint: &str,
    focused: bool,
    theme: &Theme,
) -> Line<'static> {
    let value = record.get(field);
    let marker = if focused { ">" } else { " " };
    let shown = if focused && !app.input.is_empty() {
        app.input.clone()
    } else {
        match value {
            Some(v) => v.to_string(),
            None => ".".repeat(VALUE_WIDTH),
        }
    };
    let label = format!(
        "{marker} {:<width$}",
        clip(&label, LABEL_WIDTH),
        width = LABEL_WIDTH
    );
    let boxed = format!("[{shown:>VALUE_WIDTH$}]");
    let mut spans = vec![Span::raw(label), Span::raw(" ")];
    if focused {
        spans.push(Span::styled(boxed, theme.focus()));
        if !app.input.is_empty() {
            spans.push(Span::styled(" <- Enter", theme.heading()));
        }
    } else if value.is_none() {
        spans.push(Span::styled(boxed, theme.dim()));
    } else {
        spans.push(Span::raw(boxed));
    }
    if !hint.is_empty() {
        spans.push(Span::styled(format!(" {hint}"), theme.dim()));
    }
    Line::from(spans)
}

type Body = (Vec<Line<'static>>, Vec<Line<'static>>, Option<usize>);

/// One row per count field of a step; returns the rows and the current field's row.
fn item_rows(
    app: &App,
    record: &CountRecord,
    step: Step,
    theme: &Theme,
    label: impl Fn(Field) -> String,
) -> (Vec<Line<'static>>, Option<usize>) {
    let mut rows = Vec::new();
    let mut focus = None;
    for (i, item) in app.items(step).iter().enumerate() {
        if let Item::Count(field) = item {
            let focused = i == app.cursor;
            if focused {
                focus = Some(rows.len());
            }
            rows.push(count_row(
                app,
                record,
                *field,
                label(*field),
                "",
                focused,
                theme,
            ));
        }
    }
    (rows, focus)
}

fn voters(app: &App, record: &CountRecord, theme: &Theme) -> Body {
    let lang = app.language;
    let parts = if app.election.voter_cards_apply() {
        "A + B + C"
    } else {
        "A + B"
    };
    let head = vec![
        Line::styled(
            format!(
                " {} = {parts} = {}",
                text::field_label(lang, Field::TotalAdmitted),
                show(record.voters.total_admitted)
            ),
            theme.heading(),
        ),
        Line::default(),
    ];
    let (rows, focus) = item_rows(app, record, Step::Voters, theme, |f| {
        text::field_label(lang, f)
    });
    (head, rows, focus)
}

fn votes(app: &App, record: &CountRecord, theme: &Theme) -> Body {
    let lang = app.language;
    let head = vec![
        Line::styled(
            format!(
                " E = {}   H = E + F + G = {}",
                show(record.votes.total_on_lists),
                show(record.votes.total_cast)
            ),
            theme.heading(),
        ),
        Line::default(),
    ];
    let election = &app.election;
    let (rows, focus) = item_rows(app, record, Step::Votes, theme, |f| match f {
        Field::ListTotal(n) => {
            let name = election.list(n).map(|l| l.name.as_str()).unwrap_or("");
            format!("E.{n}  {name}")
        }
        other => text::field_label(lang, other),
    });
    (head, rows, focus)
}

fn differences(app: &App, record: &CountRecord, t: &Text, theme: &Theme) -> Body {
    let lang = app.language;
    let head_line = match counting::difference(record) {
        Some(0) => t.no_difference.to_string(),
        Some(x) if x > 0 => format!(
            "H > D: {} = {x}",
            text::field_label(lang, Field::MoreBallots)
        ),
        Some(x) => format!(
            "H < D: {} = {}",
            text::field_label(lang, Field::FewerBallots),
            -x
        ),
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
        let focused = i == app.cursor;
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
                let (word, letter) = if b.issued_minus_admitted >= 0 {
                    (t.too_many, "M")
                } else {
                    (t.too_few, "L")
                };
                rows.push(Line::from(format!(
                    "   {} - D = {:+} ({letter}: {word})   {} - H = {:+} (K)",
                    t.issued_word, b.issued_minus_admitted, t.issued_word, b.issued_minus_cast
                )));
            }
            if *item == Item::Count(Field::TakenAway) {
                rows.push(Line::styled(
                    format!(" {}", t.events_heading),
                    theme.heading(),
                ));
            }
        }
        if focused {
            focus = Some(rows.len());
        }
        match item {
            Item::Count(field) => {
                let hint = match (field, balance) {
                    (Field::TakenAway, Some(b)) => format!("({} {})", t.from_stock, b.taken_away()),
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
                    rows.push(explanation_sum(record, t, theme));
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
                let note = if focused {
                    format!("{}_", app.input)
                } else {
                    record.differences.note.clone()
                };
                let line = format!(
                    "{} {:<width$}{}",
                    if focused { ">" } else { " " },
                    format!("{}:", t.note_label),
                    note,
                    width = NOTE_LABEL_WIDTH
                );
                rows.push(if focused {
                    Line::styled(line, theme.focus())
                } else {
                    Line::from(line)
                });
            }
        }
    }
    (head, rows, focus)
}

/// The 2023–2025 check: M + N + O - K - L should be I (or K + L + N + O - M should be J).
fn explanation_sum(record: &CountRecord, t: &Text, theme: &Theme) -> Line<'static> {
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
    let (formula, sum, target) = if diff > 0 {
        (
            "M + N + O - K - L",
            m + n + o - k - l,
            format!("I = {diff}"),
        )
    } else {
        (
            "K + L + N + O - M",
            k + l + n + o - m,
            format!("J = {}", -diff),
        )
    };
    let target_value = diff.abs();
    let (verdict, style) = if sum == target_value {
        (t.explained.to_string(), theme.good())
    } else {
        (
            format!("{} ({:+})", t.not_explained, target_value - sum),
            theme.warning(),
        )
    };
    Line::from(vec![
        Span::raw(format!("   {formula} = {sum}; {target}: ")),
        Span::styled(verdict, style),
    ])
}

fn candidates(app: &App, record: &CountRecord, t: &Text, theme: &Theme, index: usize) -> Body {
    let Some(list) = app.election.lists.get(index) else {
        return (Vec::new(), Vec::new(), None);
    };
    let total = record.list_total(list.number);
    let sum = counting::candidate_sum(record, list.number);
    let left = total.unwrap_or(0) as i64 - sum.unwrap_or(0) as i64;
    let left_text = if left >= 0 {
        format!("{} {left}", t.remaining)
    } else {
        format!("{} {}", t.too_many_assigned, -left)
    };
    let style = if left == 0 {
        theme.good()
    } else {
        theme.warning()
    };
    let head = vec![
        Line::styled(
            format!(
                " {} {} {} ({} {} {})",
                t.list,
                list.number,
                list.name,
                index + 1,
                t.of,
                app.election.lists.len()
            ),
            theme.heading(),
        ),
        Line::from(vec![
            Span::raw(format!(
                " {} E.{} = {} | {} {} | ",
                t.candidates_total,
                list.number,
                show(total),
                t.candidates_sum,
                show(sum)
            )),
            Span::styled(left_text, style),
        ]),
    ];
    let (rows, focus) = item_rows(app, record, Step::Candidates(index), theme, |f| match f {
        Field::Candidate { candidate, .. } => {
            let name = list
                .candidate(candidate)
                .map(|c| {
                    if c.locality.is_empty() {
                        c.display_name()
                    } else {
                        format!("{} ({})", c.display_name(), c.locality)
                    }
                })
                .unwrap_or_default();
            format!("{candidate:>3}  {name}")
        }
        other => other.key(),
    });
    (head, rows, focus)
}
