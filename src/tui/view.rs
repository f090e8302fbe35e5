//! Drawing only: turns the [`App`] into a frame. No state changes here.
//!
//! Meaning never rests on colour alone: the current field has a `>` marker and
//! brackets, errors say "FOUT"/"ERROR", an empty box shows dots and a zero shows 0.

use super::app::{App, Dialog, Screen};
use super::flow::{self, Item, Step};
use super::keys::DONE_ACTIONS;
use super::phone::PhoneScreen;
use super::text::{self, Text};
use crate::counting;
use crate::record::{CountRecord, Field, RecordState};
use crate::rules::{Severity, Target};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

/// Width of a value box: nine digits.
const VALUE_WIDTH: usize = 9;

/// Styles, with and without colour.
struct Theme {
    color: bool,
}

impl Theme {
    fn plain(&self) -> Style {
        Style::default()
    }
    fn bar(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
    fn focus(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    fn heading(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }
    fn error(&self) -> Style {
        let s = Style::default().add_modifier(Modifier::BOLD);
        if self.color { s.fg(Color::Red) } else { s }
    }
    fn warning(&self) -> Style {
        let s = Style::default().add_modifier(Modifier::BOLD);
        if self.color { s.fg(Color::Yellow) } else { s }
    }
    fn good(&self) -> Style {
        if self.color {
            Style::default().fg(Color::Green)
        } else {
            Style::default()
        }
    }
    fn dim(&self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }
}

/// Draws the whole screen.
pub fn view(frame: &mut Frame, app: &App) {
    let theme = Theme { color: app.color };
    let t = text::text(app.language);
    let area = frame.area();
    if area.width < 40 || area.height < 12 {
        frame.render_widget(Paragraph::new(t.too_small).wrap(Wrap { trim: true }), area);
        return;
    }
    let [header, tabs, body, running, notice, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(header_text(app, t, header.width as usize)).style(theme.bar()),
        header,
    );
    frame.render_widget(Paragraph::new(tab_line(app, &theme)), tabs);
    match app.screen {
        Screen::Stations => stations(frame, app, t, &theme, body),
        Screen::Step(Step::Check) => check(frame, app, t, &theme, body),
        Screen::Step(Step::Finalise) => finalise(frame, app, t, &theme, body),
        Screen::Step(step) => entry(frame, app, t, &theme, step, body),
        Screen::Done => done(frame, app, t, &theme, body),
        Screen::ReadAloud => super::phone_view::read_aloud(frame, app, body),
        Screen::Phone(screen) => super::phone_view::phone(frame, app, screen, body),
    }
    frame.render_widget(Paragraph::new(running_line(app)), running);
    if let Some(n) = &app.notice {
        let style = if n.is_error() {
            theme.error()
        } else {
            theme.heading()
        };
        frame.render_widget(
            Paragraph::new(text::notice(app.language, n)).style(style),
            notice,
        );
    }
    frame.render_widget(Paragraph::new(key_line(app, t)).style(theme.bar()), keys);
    if let Some(dialog) = &app.dialog {
        draw_dialog(frame, app, t, &theme, dialog, area);
    }
}

fn header_text(app: &App, t: &Text, width: usize) -> String {
    let election = format!(" telraam | {}", app.election.name);
    let Some(r) = &app.record else {
        return election;
    };
    let name = app
        .election
        .station(r.station)
        .map(|s| s.name.as_str())
        .unwrap_or("");
    let state = match r.lifecycle.state {
        RecordState::Draft => t.draft,
        RecordState::Finalised => t.finalised,
    };
    let station = format!(
        " | {} {} {} | {} | {} {} {}",
        t.station,
        r.station,
        name,
        app.election.counting_method.model(),
        t.version,
        r.lifecycle.version,
        state
    );
    let full = format!("{election}{station}");
    if full.chars().count() <= width {
        full
    } else {
        // The station matters more than the election's name on a narrow screen.
        format!(" telraam{station}")
    }
}

fn tab_line(app: &App, theme: &Theme) -> Line<'static> {
    let Screen::Step(current) = app.screen else {
        return Line::default();
    };
    let mut spans = Vec::new();
    let mut number = 0;
    let mut seen_candidates = false;
    for step in flow::steps(&app.election) {
        if let Step::Candidates(_) = step {
            if seen_candidates {
                continue;
            }
            seen_candidates = true;
        }
        number += 1;
        let is_current = match (step, current) {
            (Step::Candidates(_), Step::Candidates(_)) => true,
            (a, b) => a == b,
        };
        let label = format!("{number} {}", text::step_name(app.language, step));
        if is_current {
            spans.push(Span::styled(format!("[{label}]"), theme.focus()));
        } else {
            spans.push(Span::styled(format!(" {label} "), theme.plain()));
        }
    }
    Line::from(spans)
}

/// "D 105 | H 103 | H - D = -2: J = 2" from the votes step on.
fn running_line(app: &App) -> String {
    let (Some(r), Screen::Step(step)) = (&app.record, app.screen) else {
        return String::new();
    };
    if step == Step::Voters {
        return String::new();
    }
    let en = app.english();
    let d = show(r.voters.total_admitted);
    let h = show(r.votes.total_cast);
    let diff = match counting::difference(r) {
        Some(0) => "D = H".to_string(),
        Some(x) if x > 0 => format!("H - D = +{x}: I = {x}"),
        Some(x) => format!("H - D = {x}: J = {}", -x),
        None => {
            if en {
                "difference: not known yet".into()
            } else {
                "verschil: nog niet bekend".into()
            }
        }
    };
    format!(" D {d} | H {h} | {diff}")
}

fn show(count: Option<u64>) -> String {
    match count {
        Some(v) => v.to_string(),
        None => ".".repeat(3),
    }
}

fn key_line(app: &App, t: &Text) -> String {
    if let Some(dialog) = &app.dialog {
        return match dialog {
            Dialog::Help => format!(" {}", t.help_close),
            Dialog::CorrectionReason(_) => format!(" {}", t.keys_reason),
            _ => format!(" {}", t.keys_dialog),
        };
    }
    let keys = match app.screen {
        Screen::Stations => t.keys_stations.to_string(),
        Screen::Step(Step::Check) => t.keys_check.to_string(),
        Screen::Step(Step::Finalise) => t.keys_finalise.to_string(),
        Screen::Step(_) => match app.current_item() {
            Some(Item::Explained) => t.keys_explained.to_string(),
            Some(Item::Note) => t.keys_note.to_string(),
            _ => t.keys_entry.to_string(),
        },
        Screen::Done => {
            let mut s = String::new();
            for (key, action) in DONE_ACTIONS {
                let label = text::done_action(app.language, *action);
                let short = label.split(" (").next().unwrap_or(label);
                s.push_str(&format!("{key} {short}  "));
            }
            s.push_str(t.keys_done);
            s
        }
        Screen::ReadAloud => text::phone_text(app.language).keys_read.to_string(),
        Screen::Phone(screen) => {
            let p = text::phone_text(app.language);
            match screen {
                PhoneScreen::Overview => p.keys_overview.to_string(),
                PhoneScreen::Figures => p.keys_figures.to_string(),
                PhoneScreen::Code => p.keys_code.to_string(),
            }
        }
    };
    format!(" {keys}")
}

// ----- station choice -----

fn stations(frame: &mut Frame, app: &App, t: &Text, theme: &Theme, area: Rect) {
    let [title, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    let title_lines = vec![
        Line::styled(format!(" {}", t.stations_title), theme.heading()),
        Line::from(format!(" {}: {}_", t.filter, app.filter)),
    ];
    frame.render_widget(Paragraph::new(title_lines), title);
    let rows: Vec<Line> = app
        .filtered_stations()
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let status = text::status(app.language, app.statuses.get(&s.number).copied());
            let marker = if i == app.station_cursor { ">" } else { " " };
            let line = format!(
                "{marker} {:>4}  {:<34} {:<9} {}",
                s.number,
                clip(&s.name, 34),
                s.postcode,
                status
            );
            if i == app.station_cursor {
                Line::styled(line, theme.focus())
            } else {
                Line::from(line)
            }
        })
        .collect();
    let _ = scrolled(frame, rows, Some(app.station_cursor), list);
}

// ----- entry steps -----

fn entry(frame: &mut Frame, app: &App, t: &Text, theme: &Theme, step: Step, area: Rect) {
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

/// Rows for a step's items, with `extra` static rows placed before given item indices.
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
    let en = app.english();
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
    for (i, item) in items.iter().enumerate() {
        let focused = i == app.cursor;
        match item {
            Item::Count(Field::BallotsReceived) => {
                rows.push(Line::styled(
                    format!(" {}", t.stock_heading),
                    theme.heading(),
                ));
            }
            Item::Count(Field::TakenAway) => {
                if let Some(b) = balance {
                    rows.push(Line::from(format!("   {} = {}", t.issued, b.issued)));
                    let (word, letter) = if b.issued_minus_admitted >= 0 {
                        (if en { "too many" } else { "te veel" }, "M")
                    } else {
                        (if en { "too few" } else { "te weinig" }, "L")
                    };
                    rows.push(Line::from(format!(
                        "   {} - D = {:+} ({letter}: {word})   {} - H = {:+} (K)",
                        if en { "issued" } else { "uitgereikt" },
                        b.issued_minus_admitted,
                        if en { "issued" } else { "uitgereikt" },
                        b.issued_minus_cast
                    )));
                }
                rows.push(Line::styled(
                    format!(" {}", t.events_heading),
                    theme.heading(),
                ));
            }
            _ => {}
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
            }
            Item::Explained => {
                rows.push(explanation_sum(record, t, theme));
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
    let en = app.english();
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
                if en { "List" } else { "Lijst" },
                list.number,
                list.name,
                index + 1,
                if en { "of" } else { "van" },
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

// ----- controle -----

fn check(frame: &mut Frame, app: &App, t: &Text, theme: &Theme, area: Rect) {
    let (errors, open) = app.blockers();
    let head = vec![
        Line::styled(format!(" {}", t.check_summary), theme.heading()),
        Line::from(format!(
            " {}: {errors}   {}: {}   {}: {open}",
            t.error,
            t.warning,
            app.results.len() - errors,
            t.not_acknowledged
        )),
    ];
    let [h, list, detail] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(4),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(head), h);
    if app.results.is_empty() {
        frame.render_widget(
            Paragraph::new(format!(" {}", t.no_results)).style(theme.good()),
            list,
        );
        return;
    }
    let en = app.english();
    let rows: Vec<Line> = app
        .results
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let focused = i == app.result_cursor;
            let (word, style) = match r.severity {
                Severity::Error => (t.error, theme.error()),
                Severity::Warning => (t.warning, theme.warning()),
            };
            let state = match r.severity {
                Severity::Error => String::new(),
                Severity::Warning if app.acknowledged.contains(r.code) => {
                    format!("[X] {}", t.acknowledged)
                }
                Severity::Warning => format!("[ ] {}", t.not_acknowledged),
            };
            let fields = r
                .fields
                .iter()
                .map(target_key)
                .collect::<Vec<_>>()
                .join(", ");
            let marker = if focused { ">" } else { " " };
            let line = vec![
                Span::raw(format!("{marker} ")),
                Span::styled(format!("{word:<12}"), style),
                Span::raw(format!(
                    " {:<6} {:<22} {}",
                    r.code,
                    clip(&fields, 22),
                    state
                )),
            ];
            let line = Line::from(line);
            if focused {
                line.style(theme.focus())
            } else {
                line
            }
        })
        .collect();
    let _ = scrolled(frame, rows, Some(app.result_cursor), list);
    if let Some(r) = app.results.get(app.result_cursor) {
        let fields = r
            .fields
            .iter()
            .map(target_key)
            .collect::<Vec<_>>()
            .join(", ");
        frame.render_widget(
            Paragraph::new(format!("{} [{fields}]: {}", r.code, r.message(en)))
                .block(Block::default().borders(Borders::TOP))
                .wrap(Wrap { trim: true }),
            detail,
        );
    }
}

fn target_key(target: &Target) -> String {
    match target {
        Target::Count(f) => f.key(),
        Target::Mark(m) => m.key().to_string(),
    }
}

// ----- vaststellen -----

/// The figures in the order of the paper form.
fn form_rows(app: &App, record: &CountRecord, t: &Text) -> Vec<Line<'static>> {
    let lang = app.language;
    let mut rows = Vec::new();
    let figure = |label: String, value: Option<u64>| {
        let shown = value
            .map(|v| v.to_string())
            .unwrap_or_else(|| format!("({})", t.empty));
        Line::from(format!("   {:<52} {:>12}", clip(&label, 52), shown))
    };
    let mut fields = vec![Field::PollCards, Field::ProxyCertificates];
    if app.election.voter_cards_apply() {
        fields.push(Field::VoterCards);
    }
    fields.push(Field::TotalAdmitted);
    for f in fields {
        rows.push(figure(text::field_label(lang, f), record.get(f)));
    }
    for l in &app.election.lists {
        rows.push(figure(
            format!("E.{}  {}", l.number, l.name),
            record.list_total(l.number),
        ));
    }
    for f in [
        Field::TotalOnLists,
        Field::Blank,
        Field::Invalid,
        Field::TotalCast,
    ] {
        rows.push(figure(text::field_label(lang, f), record.get(f)));
    }
    let boxes = record.differences.boxes;
    let ticked = if boxes.equal {
        "D = H"
    } else if boxes.more {
        "H > D"
    } else if boxes.fewer {
        "H < D"
    } else {
        "-"
    };
    rows.push(Line::from(format!("   {ticked}")));
    for f in [Field::MoreBallots, Field::FewerBallots] {
        rows.push(figure(text::field_label(lang, f), record.get(f)));
    }
    if flow::has_difference(record) {
        for f in [
            Field::TakenAway,
            Field::TooFewIssued,
            Field::TooManyIssued,
            Field::OtherExplanation,
            Field::NoExplanation,
        ] {
            rows.push(figure(text::field_label(lang, f), record.get(f)));
        }
        let answer = match record.differences.fully_explained.answer() {
            Some(true) => t.yes,
            Some(false) => t.no,
            None => t.unanswered,
        };
        rows.push(Line::from(format!(
            "   {:<52} {:>12}",
            t.fully_explained, answer
        )));
        for f in [
            Field::BallotsReceived,
            Field::BallotsUnused,
            Field::BallotsSpoiled,
        ] {
            rows.push(figure(
                format!("{}: {}", t.stock_heading, text::field_label(lang, f)),
                record.get(f),
            ));
        }
    }
    for cv in &record.candidate_votes {
        let Some(list) = app.election.list(cv.list) else {
            continue;
        };
        rows.push(Line::from(format!(
            " {} {} {}",
            if app.english() { "List" } else { "Lijst" },
            list.number,
            list.name
        )));
        for (number, votes) in &cv.votes {
            let name = list
                .candidate(*number)
                .map(|c| c.display_name())
                .unwrap_or_default();
            rows.push(figure(format!("{number:>3}  {name}"), *votes));
        }
        rows.push(figure(
            format!("{} E.{}", t.candidates_total, list.number),
            record.list_total(list.number),
        ));
    }
    rows
}

fn finalise(frame: &mut Frame, app: &App, t: &Text, theme: &Theme, area: Rect) {
    let Some(record) = &app.record else {
        return;
    };
    let (errors, open) = app.blockers();
    let status = if record.lifecycle.state == RecordState::Finalised {
        Line::styled(format!(" {}", t.already_finalised), theme.heading())
    } else if errors > 0 || open > 0 {
        Line::styled(format!(" {}", t.finalise_blocked), theme.error())
    } else {
        Line::styled(format!(" {}", t.finalise_ready), theme.heading())
    };
    let head = vec![
        Line::styled(format!(" {}", t.finalise_intro), theme.heading()),
        status,
    ];
    let [h, b] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(head), h);
    let rows = form_rows(app, record, t);
    let max = rows.len().saturating_sub(b.height as usize) as u16;
    frame.render_widget(Paragraph::new(rows).scroll((app.scroll.min(max), 0)), b);
}

// ----- done -----

fn done(frame: &mut Frame, app: &App, t: &Text, theme: &Theme, area: Rect) {
    let Some(record) = &app.record else {
        return;
    };
    let mut lines = vec![
        Line::styled(
            format!(
                " {} - {} {} ({} {})",
                t.done_title, t.station, record.station, t.version, record.lifecycle.version
            ),
            theme.heading(),
        ),
        Line::default(),
        Line::from(format!(
            "   D {}   H {}   {}",
            show(record.voters.total_admitted),
            show(record.votes.total_cast),
            match counting::difference(record) {
                Some(0) => "D = H".to_string(),
                Some(x) if x > 0 => format!("I = {x}"),
                Some(x) => format!("J = {}", -x),
                None => String::new(),
            }
        )),
    ];
    if !record.lifecycle.correction_reason.is_empty() {
        lines.push(Line::from(format!(
            "   corrigendum: {}",
            record.lifecycle.correction_reason
        )));
    }
    if !record.lifecycle.acknowledged_warnings.is_empty() {
        lines.push(Line::from(format!(
            "   {}: {}",
            t.acknowledged,
            record.lifecycle.acknowledged_warnings.join(", ")
        )));
    }
    lines.push(Line::default());
    for (key, action) in DONE_ACTIONS {
        lines.push(Line::from(format!(
            "   {key}    {}",
            text::done_action(app.language, *action)
        )));
    }
    lines.push(Line::from(format!(
        "   Esc  {}",
        text::done_action(app.language, super::app::DoneAction::Stations)
    )));
    frame.render_widget(Paragraph::new(lines), area);
}

// ----- dialogs -----

fn draw_dialog(frame: &mut Frame, app: &App, t: &Text, theme: &Theme, dialog: &Dialog, area: Rect) {
    let en = app.english();
    let (title, body): (&str, String) = match dialog {
        Dialog::Help => (t.help_title, help_text(app, t).to_string()),
        Dialog::Quit => (
            "telraam",
            format!("{}\n\n{}", t.quit_question, t.yes_no_keys),
        ),
        Dialog::UnbalancedList { list, .. } => {
            let (total, sum) = match &app.record {
                Some(r) => (
                    show(r.list_total(*list)),
                    show(counting::candidate_sum(r, *list)),
                ),
                None => (show(None), show(None)),
            };
            let question = if en {
                format!(
                    "List {list}: the candidates have {sum} votes together, the list total E.{list} is {total}. Move on anyway?"
                )
            } else {
                format!(
                    "Lijst {list}: de kandidaten hebben samen {sum} stemmen, het lijsttotaal E.{list} is {total}. Toch verder?"
                )
            };
            (t.warning, format!("{question}\n\n{}", t.yes_no_keys))
        }
        Dialog::ConfirmFinalise => (
            t.step_finalise,
            format!("{}\n\n{}", t.finalise_question, t.yes_no_keys),
        ),
        Dialog::CorrectionReason(reason) => (
            "corrigendum",
            format!("{}\n\n> {reason}_", t.reason_question),
        ),
    };
    let width = area.width.saturating_sub(6).min(72);
    let height = if matches!(dialog, Dialog::Help) {
        area.height.saturating_sub(4).min(16)
    } else {
        8
    };
    let x = area.x + (area.width.saturating_sub(width)) / 2;
    let y = area.y + (area.height.saturating_sub(height)) / 2;
    let rect = Rect::new(x, y, width, height);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(body).wrap(Wrap { trim: false }).block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(format!(" {title} "), theme.heading())),
        ),
        rect,
    );
}

fn help_text<'a>(app: &App, t: &'a Text) -> &'a str {
    match app.screen {
        Screen::Stations => t.help_stations,
        Screen::Step(Step::Differences) => t.help_differences,
        Screen::Step(Step::Candidates(_)) => t.help_candidates,
        Screen::Step(Step::Check) => t.help_check,
        Screen::Step(Step::Finalise) => t.help_finalise,
        Screen::Step(_) => t.help_entry,
        Screen::Done => t.help_done,
        Screen::ReadAloud => text::phone_text(app.language).help_read,
        Screen::Phone(_) => text::phone_text(app.language).help_phone,
    }
}

// ----- helpers -----

/// The first row to show so that `focus` stays visible (kept a little above the bottom).
fn scroll_offset(focus: usize, height: usize) -> usize {
    if height == 0 || focus < height.saturating_sub(2) {
        return 0;
    }
    focus + 3 - height.min(focus + 3)
}

/// Draws the rows that fit, scrolled so that `focus` is visible; returns the first row shown.
fn scrolled(
    frame: &mut Frame,
    rows: Vec<Line<'static>>,
    focus: Option<usize>,
    area: Rect,
) -> usize {
    let height = area.height as usize;
    let offset = focus.map(|f| scroll_offset(f, height)).unwrap_or(0);
    let offset = offset.min(rows.len().saturating_sub(height));
    let visible: Vec<Line> = rows.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(visible), area);
    offset
}

/// Cuts a text to `width` characters.
fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
        out.push('~');
        out
    }
}
