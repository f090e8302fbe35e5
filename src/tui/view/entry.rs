//! The entry steps: Kiezers, Stemmen, Verschillen and Kandidaten. Each builds fixed
//! header lines and scrolling rows, one per field, with the current one marked.

use super::*;

mod differences;
use differences::differences;

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

/// Column of the terminal cursor: behind the value box of a count, or behind the end
/// of the note (on its last wrapped line).
fn cursor_column(app: &App, area: Rect) -> Option<u16> {
    match app.current_item()? {
        Item::Count(_) => Some(area.x + (LABEL_WIDTH + 3 + VALUE_WIDTH) as u16),
        Item::Note => {
            let lines = wrap(&format!("{}_", app.input()), note_width());
            // The cursor sits on the "_" that marks the end of the text.
            let last = lines.last().map(|l| l.chars().count()).unwrap_or(1) - 1;
            Some(area.x + 2 + NOTE_LABEL_WIDTH as u16 + last as u16)
        }
        Item::Explained | Item::Total(_) => None,
    }
}

/// Room for the note's text beside its label on the narrowest screen drawn (80
/// columns), so that it wraps the same on every terminal.
fn note_width() -> usize {
    usize::from(super::MIN_WIDTH) - 2 - NOTE_LABEL_WIDTH - 1
}

/// Breaks a text into lines of at most `width` characters, at spaces where it can;
/// a word longer than a line is cut. The end of the text is always on the last line.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for (i, word) in text.split(' ').enumerate() {
        let mut word = word.to_string();
        let needed = line.chars().count() + usize::from(i > 0) + word.chars().count();
        if i > 0 {
            if needed <= width {
                line.push(' ');
            } else {
                lines.push(std::mem::take(&mut line));
            }
        }
        while line.chars().count() + word.chars().count() > width {
            let room = width - line.chars().count();
            let head: String = word.chars().take(room).collect();
            line.push_str(&head);
            lines.push(std::mem::take(&mut line));
            word = word.chars().skip(room).collect();
        }
        line.push_str(&word);
    }
    lines.push(line);
    lines
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
    let shown = if focused && !app.input().is_empty() {
        app.input().to_string()
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
        if app.unsaved.is_some() {
            let t = text::text(app.language);
            spans.push(Span::styled(format!(" {}", t.not_saved), theme.error()));
        } else if !app.input().is_empty() {
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
        let focused = i == app.cursor();
        match item {
            Item::Count(field) => {
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
            Item::Total(field) => {
                rows.push(Line::default());
                if focused {
                    focus = Some(rows.len());
                }
                rows.push(total_row(app, record, *field, focused, theme));
            }
            _ => {}
        }
    }
    (rows, focus)
}

/// A total the program adds up, with the figures it came from: "D = A + B = 120 + 3".
fn total_row(
    app: &App,
    record: &CountRecord,
    field: Field,
    focused: bool,
    theme: &Theme,
) -> Line<'static> {
    let parts: Vec<(&str, Option<u64>)> = match field {
        Field::TotalAdmitted => {
            let v = &record.voters;
            let mut parts = vec![("A", v.poll_cards), ("B", v.proxy_certificates)];
            if app.election.voter_cards_apply() {
                parts.push(("C", v.voter_cards));
            }
            parts
        }
        _ => Vec::new(),
    };
    let letters: Vec<&str> = parts.iter().map(|(l, _)| *l).collect();
    let figures: Vec<String> = parts.iter().map(|(_, v)| show(*v)).collect();
    let letter = field.key();
    let label = format!(
        "{letter} = {} = {}",
        letters.join(" + "),
        figures.join(" + ")
    );
    let marker = if focused { ">" } else { " " };
    let label = format!(
        "{marker} {:<width$}",
        clip(&label, LABEL_WIDTH),
        width = LABEL_WIDTH
    );
    let shown = match record.get(field) {
        Some(v) => v.to_string(),
        None => ".".repeat(VALUE_WIDTH),
    };
    let boxed = format!("[{shown:>VALUE_WIDTH$}]");
    let style = if focused {
        theme.focus()
    } else {
        theme.heading()
    };
    Line::from(vec![
        Span::styled(label, style),
        Span::raw(" "),
        Span::styled(boxed, style),
    ])
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
                " {} = {parts}",
                text::field_label(lang, Field::TotalAdmitted)
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

fn candidates(app: &App, record: &CountRecord, t: &Text, theme: &Theme, index: usize) -> Body {
    let Some(list) = app.election.lists.get(index) else {
        return (Vec::new(), Vec::new(), None);
    };
    let lang = app.language;
    // Two different boxes, named as on the form: E.n from the votes step, and the
    // list total at the foot of the candidate page (the candidates added up) that
    // F.401 and F.402 speak of.
    let total = record.list_total(list.number);
    let page_field = Field::CandidateListTotal(list.number);
    let sum = record.get(page_field);
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
                " {} {} {} ({} {} {})   E.{} = {} ({})",
                t.list,
                list.number,
                list.name,
                index + 1,
                t.of,
                app.election.lists.len(),
                list.number,
                show(total),
                t.step_votes
            ),
            theme.heading(),
        ),
        Line::from(vec![
            Span::raw(format!(
                " {} = {} | ",
                text::page_total_label(lang, list.number),
                show(sum)
            )),
            Span::styled(left_text, style),
        ]),
    ];
    let (mut rows, focus) = item_rows(app, record, Step::Candidates(index), theme, |f| match f {
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
    // The box at the foot of the page, where F.401 and F.402 point.
    rows.push(Line::default());
    let shown = match sum {
        Some(v) => v.to_string(),
        None => ".".repeat(VALUE_WIDTH),
    };
    rows.push(Line::from(format!(
        "  {:<LABEL_WIDTH$} [{shown:>VALUE_WIDTH$}]",
        clip(&text::page_total_label(lang, list.number), LABEL_WIDTH)
    )));
    (head, rows, focus)
}
