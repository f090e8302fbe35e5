//! Drawing only: turns the [`App`] into a frame. No state changes here.
//!
//! Meaning never rests on colour alone: the current field has a `>` marker and
//! brackets, errors say "FOUT"/"ERROR", an empty box shows dots and a zero shows 0.

use super::app::{App, Dialog, Screen, ScreenKind, StationList};
use super::desk::view::DeskView;
use super::flow::{self, Item, Step};
use super::keys::{DONE_ACTIONS, FIRST_STEP_KEY};
use super::phone::PhoneScreen;
use super::text::{self, Text};
use crate::counting;
use crate::record::{CountRecord, Field, RecordState};
use crate::rules::Severity;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

mod dialog;
mod entry;
mod review;

use dialog::draw_dialog;
use entry::entry;
use review::{check, done, finalise};

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

/// The smallest screen on which every figure fits: below it the interface shows only
/// a message, never cut-off figures.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Whether a terminal of this size is too small to show the figures whole.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// Draws the whole screen.
pub fn view(frame: &mut Frame, app: &App) {
    let theme = Theme { color: app.color };
    let t = text::text(app.language);
    let area = frame.area();
    if too_small(area.width, area.height) {
        let message = format!(
            "{} ({} {}×{})",
            t.too_small,
            if app.english() { "now" } else { "nu" },
            area.width,
            area.height
        );
        frame.render_widget(
            Paragraph::new(message)
                .style(theme.error())
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    // A long notice (a refused save says what to do and why) gets up to four lines.
    let notice_text = app.notice.as_ref().map(|n| text::notice(app.language, n));
    let notice_height = notice_text
        .as_ref()
        .map(|n| n.chars().count().div_ceil(area.width as usize).clamp(1, 4))
        .unwrap_or(1) as u16;
    let [header, tabs, body, running, notice, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(notice_height),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(header_text(app, t, header.width as usize)).style(theme.bar()),
        header,
    );
    frame.render_widget(Paragraph::new(tab_line(app, &theme)), tabs);
    match &app.screen {
        Screen::Stations(list) => stations(frame, app, list, t, &theme, body),
        Screen::Check(state) => check(frame, app, state, t, &theme, body),
        Screen::Finalise(state) => finalise(frame, app, state, t, &theme, body),
        Screen::Entry(e) => entry(frame, app, t, &theme, e.step, body),
        Screen::Done => done(frame, app, t, &theme, body),
        Screen::ReadAloud { .. } => super::phone_view::read_aloud(frame, app, body),
        Screen::Phone => super::phone_view::phone(frame, app, body),
        Screen::Desk => super::desk::view::draw(frame, &desk_view(app), body),
        Screen::Board => super::board::view::draw(frame, &app.board, app.language, app.color, body),
    }
    frame.render_widget(Paragraph::new(running_line(app)), running);
    if let (Some(n), Some(words)) = (&app.notice, notice_text) {
        let style = if n.is_error() {
            theme.error()
        } else {
            theme.heading()
        };
        frame.render_widget(
            Paragraph::new(words).style(style).wrap(Wrap { trim: true }),
            notice,
        );
    }
    frame.render_widget(Paragraph::new(key_line(app, t)).style(theme.bar()), keys);
    if let Some(dialog) = &app.dialog {
        draw_dialog(frame, app, t, &theme, dialog, area);
    }
}

/// What the desk's screens are drawn from (the desk does not read the App).
fn desk_view(app: &App) -> DeskView<'_> {
    DeskView {
        desk: &app.desk,
        election: &app.election,
        language: app.language,
        color: app.color,
    }
}

fn header_text(app: &App, t: &Text, width: usize) -> String {
    // A window that only reads says so on every screen.
    let telraam = match &app.guard {
        Some(_) => format!(" telraam [{}]", text::read_only_mark(app.language)),
        None => " telraam".to_string(),
    };
    let election = format!("{telraam} | {}", app.election.name);
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
        format!("{telraam}{station}")
    }
}

fn tab_line(app: &App, theme: &Theme) -> Line<'static> {
    let Some(current) = app.step() else {
        return Line::default();
    };
    // The step bar: each step with the function key that jumps to it (F3 Kiezers, …).
    let mut spans = vec![Span::raw(" ")];
    for (i, step) in app.tabs().into_iter().enumerate() {
        let is_current = match (step, current) {
            (Step::Candidates(_), Step::Candidates(_)) => true,
            (a, b) => a == b,
        };
        let key = usize::from(FIRST_STEP_KEY) + i;
        let label = format!("F{key} {}", text::step_name(app.language, step));
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        if is_current {
            spans.push(Span::styled(format!("[{label}]"), theme.focus()));
        } else {
            spans.push(Span::styled(label, theme.plain()));
        }
    }
    Line::from(spans)
}

/// "D 105 | H 103 | H - D = -2: J = 2" from the votes step on.
fn running_line(app: &App) -> String {
    let (Some(r), Some(step)) = (&app.record, app.step()) else {
        return String::new();
    };
    if step == Step::Voters {
        return String::new();
    }
    let d = show(r.voters.total_admitted);
    let h = show(r.votes.total_cast);
    let diff = match counting::difference(r) {
        Some(x) => text::difference(app.language, x),
        None => text::text(app.language).difference_not_known.to_string(),
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
            Dialog::Quit if app.pending_input() => format!(" {}", t.keys_quit_pending),
            // The notice names its own keys.
            Dialog::Guard => String::new(),
            _ => format!(" {}", t.keys_dialog),
        };
    }
    // "F3-F8": the step bar's keys, as many as this election has steps.
    let first = usize::from(FIRST_STEP_KEY);
    let steps = format!("F{first}-F{}", first + app.tabs().len().saturating_sub(1));
    let keys = match app.screen.kind() {
        ScreenKind::Stations => t.keys_stations.to_string(),
        ScreenKind::Step(Step::Check) => t.keys_check.replace("{steps}", &steps),
        ScreenKind::Step(Step::Finalise) => {
            let (errors, open) = app.blockers();
            let finalised = app
                .record
                .as_ref()
                .is_some_and(|r| r.lifecycle.state == RecordState::Finalised);
            if (errors > 0 || open > 0) && !finalised {
                t.keys_finalise_blocked.replace("{steps}", &steps)
            } else {
                t.keys_finalise.replace("{steps}", &steps)
            }
        }
        ScreenKind::Step(_) => match app.current_item() {
            Some(Item::Explained) => t.keys_explained.replace("{steps}", &steps),
            Some(Item::Note) => t.keys_note.to_string(),
            Some(Item::Total(_)) => t.keys_total.replace("{steps}", &steps),
            _ => t.keys_entry.replace("{steps}", &steps),
        },
        ScreenKind::Done => {
            let mut s = String::new();
            for (key, action) in DONE_ACTIONS {
                let label = text::done_action(app.language, *action);
                let short = label.split(" (").next().unwrap_or(label);
                s.push_str(&format!("{key} {short}  "));
            }
            s.push_str(t.keys_done);
            s
        }
        ScreenKind::ReadAloud => text::phone_text(app.language).keys_read.to_string(),
        ScreenKind::Desk => super::desk::view::keys(&desk_view(app)),
        ScreenKind::Board => {
            let t = text::board::board_text(app.language);
            if app.board.scan.is_some() {
                t.keys_scan.to_string()
            } else {
                t.keys.to_string()
            }
        }
        ScreenKind::Phone => {
            let p = text::phone_text(app.language);
            match app.phone.screen {
                PhoneScreen::Overview => p.keys_overview.to_string(),
                PhoneScreen::Figures(_) => p.keys_figures.to_string(),
                PhoneScreen::Code(_) => p.keys_code.to_string(),
            }
        }
    };
    format!(" {keys}")
}

// ----- station choice -----

fn stations(frame: &mut Frame, app: &App, list: &StationList, t: &Text, theme: &Theme, area: Rect) {
    let [title, area_list] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    let title_lines = vec![
        Line::styled(format!(" {}", t.stations_title), theme.heading()),
        Line::from(format!(" {}: {}_", t.filter, list.filter)),
    ];
    frame.render_widget(Paragraph::new(title_lines), title);
    let rows: Vec<Line> = list
        .matching(&app.election)
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let status = text::status(
                app.language,
                app.statuses.get(&s.number).copied(),
                app.desk_stages.get(&s.number).copied(),
            );
            let marker = if i == list.cursor { ">" } else { " " };
            let line = format!(
                "{marker} {:>4}  {:<34} {:<9} {}",
                s.number,
                clip(&s.name, 34),
                s.postcode,
                status
            );
            if i == list.cursor {
                Line::styled(line, theme.focus())
            } else {
                Line::from(line)
            }
        })
        .collect();
    let _ = scrolled(frame, rows, Some(list.cursor), area_list);
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
