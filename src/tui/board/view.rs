//! Drawing the board and its scan field. No state changes here.
//!
//! Meaning never rests on colour: the selected row has a `>` marker, the chosen
//! filter is in brackets, a refused part says GEWEIGERD / REFUSED.

use super::BoardState;
use crate::board::{Filter, Row};
use crate::settings::Language;
use crate::tui::style::{bold, focus};
use crate::tui::text::board::{self as words, BoardText};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

fn error(color: bool) -> Style {
    if color { bold().fg(Color::Red) } else { bold() }
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        format!("{s:<width$}")
    } else {
        let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
        out.push('~');
        out
    }
}

/// The filters with their counts, the chosen one in brackets, wrapped over lines.
fn filter_lines(state: &BoardState, language: Language, width: usize) -> Vec<Line<'static>> {
    let counts = state.board.as_ref().map(|b| b.counts()).unwrap_or_default();
    let mut lines = Vec::new();
    let mut spans: Vec<Span> = vec![Span::raw(" ")];
    let mut used = 1;
    for f in Filter::all() {
        let label = format!("{} {}", words::filter_name(language, f), counts.of(f));
        let (text, style) = if f == state.filter {
            (format!("[{label}]"), focus())
        } else {
            (format!(" {label} "), Style::default())
        };
        let len = text.chars().count() + 1;
        if used + len > width && used > 1 {
            lines.push(Line::from(std::mem::take(&mut spans)));
            spans.push(Span::raw(" "));
            used = 1;
        }
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" "));
        used += len;
    }
    lines.push(Line::from(spans));
    lines
}

fn yes_no(t: &BoardText, value: Option<bool>) -> &'static str {
    match value {
        Some(true) => t.yes,
        Some(false) => t.no,
        None => t.none,
    }
}

/// Columns: number, name (with "!" for a second look), phone, 1st, 2nd,
/// differences, accepted, code, final: 79 characters with the marker.
const WIDTHS: [usize; 9] = [4, 19, 8, 7, 7, 6, 8, 6, 5];

fn cells(t: &BoardText, language: Language, row: &Row) -> [String; 9] {
    let desk = row.desk.as_ref();
    [
        row.station.to_string(),
        if row.second_look.is_empty() {
            row.name.clone()
        } else {
            format!("! {}", row.name)
        },
        words::phone_cell(language, row.quick_verified).to_string(),
        desk.map_or(t.none.to_string(), |d| {
            words::entry_cell(language, &d.first)
        }),
        desk.map_or(t.none.to_string(), |d| {
            words::entry_cell(language, &d.second)
        }),
        desk.and_then(|d| d.differing)
            .map_or(t.none.to_string(), |n| n.to_string()),
        yes_no(t, desk.map(|d| d.accepted)).to_string(),
        words::code_cell(language, &row.phone).to_string(),
        yes_no(t, Some(row.finalised()).filter(|f| *f)).to_string(),
    ]
}

/// The selected station in words: its phase, its phone status, why to look again.
fn detail(language: Language, row: &Row) -> String {
    let en = language.is_english();
    let mut out = format!(
        " {} {}: {}; {}",
        row.station,
        row.name,
        words::phase_name(language, row.phase),
        crate::tui::text::phone_status(&row.phone, en)
    );
    if !row.second_look.is_empty() {
        let why: Vec<String> = row
            .second_look
            .iter()
            .map(|f| words::flag_long(language, f))
            .collect();
        out.push_str(&format!(
            "; {}: {}",
            words::filter_name(language, Filter::SecondLook),
            why.join(", ")
        ));
    }
    out
}

fn line(marker: &str, cells: &[String; 9]) -> String {
    let mut out = format!("{marker}{:>w$} ", cells[0], w = WIDTHS[0]);
    for (cell, width) in cells.iter().zip(WIDTHS).skip(1) {
        out.push_str(&clip(cell, width));
        out.push(' ');
    }
    out.trim_end().to_string()
}

/// Draws the board into the body area.
pub fn draw(frame: &mut Frame, state: &BoardState, language: Language, color: bool, area: Rect) {
    let t = words::board_text(language);
    let filters = filter_lines(state, language, area.width as usize);
    let scan_height = if state.scan.is_some() { 2 } else { 0 };
    let [top, search, head, rows, about, scan] = Layout::vertical([
        Constraint::Length(filters.len() as u16),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(2),
        Constraint::Length(scan_height),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(filters), top);
    frame.render_widget(
        Paragraph::new(format!(" {}: {}_", t.search, state.search)),
        search,
    );
    let heads = [
        t.head_number,
        t.head_name,
        t.head_phone,
        t.head_first,
        t.head_second,
        t.head_differences,
        t.head_accepted,
        t.head_code,
        t.head_finalised,
    ]
    .map(str::to_string);
    frame.render_widget(Paragraph::new(line(" ", &heads)).style(bold()), head);
    let Some(_) = &state.board else {
        let said = match &state.load_failed {
            Some(why) => words::load_failed(language, why),
            None => t.loading.to_string(),
        };
        frame.render_widget(Paragraph::new(format!(" {said}")).style(bold()), rows);
        return;
    };
    let visible = state.visible();
    if visible.is_empty() {
        frame.render_widget(Paragraph::new(format!(" {}", t.nothing_matches)), rows);
    }
    let height = rows.height as usize;
    let offset = state.cursor.saturating_sub(height.saturating_sub(1));
    let lines: Vec<Line> = visible
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| {
            let selected = i == state.cursor;
            let text = line(if selected { ">" } else { " " }, &cells(t, language, row));
            if selected {
                Line::styled(text, focus())
            } else if row.phone_differs() {
                Line::styled(text, error(color))
            } else {
                Line::from(text)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows);
    if let Some(row) = visible.get(state.cursor) {
        let style = if row.second_look.is_empty() {
            Style::default()
        } else {
            bold()
        };
        frame.render_widget(
            Paragraph::new(detail(language, row))
                .style(style)
                .wrap(Wrap { trim: false }),
            about,
        );
    }
    if let Some(field) = &state.scan {
        let a = &field.assembly;
        let status = match a.identity() {
            None if a.typing() => format!("{} ...", t.scan_title),
            None => words::scan_waiting(language, field.expected),
            Some(id) => {
                let missing = a.missing();
                let mut s =
                    words::scan_progress(language, a.received(), id.total, id.station, id.version);
                if !missing.is_empty() {
                    s.push_str("; ");
                    s.push_str(&words::scan_missing(language, &missing));
                }
                s
            }
        };
        let note_style = match &field.note {
            Some(n) if n.is_error() => error(color),
            _ => bold(),
        };
        let lines = vec![
            Line::styled(format!(" {}: {status}", t.scan_title), focus()),
            Line::styled(
                field
                    .note
                    .as_ref()
                    .map(|n| format!(" {}", words::scan_note(language, n)))
                    .unwrap_or_else(|| format!(" {}", t.scan_hint)),
                note_style,
            ),
        ];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), scan);
    }
}
