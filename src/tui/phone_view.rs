// Over 400 lines on purpose: the read-aloud screen and the phone-check screens share their row, code and colour helpers.
//! Drawing the read-aloud screen and the phone-check screens. No state changes here.
//!
//! Meaning never rests on colour: the current row has a `>` marker, a refused group
//! is said in words on the notice line, a match says "KLOPT" / "MATCH".

use super::app::App;
use super::app::Screen;
use super::phone::{Call, PhoneNotice, PhoneScreen};
use super::phone_words;
use super::text::{self, PhoneText};
use crate::record::{Count, Field, Mark};
use crate::tui::style::{bold, focus};
use crate::verification::receive::plausibility;
use crate::verification::{
    Outcome, PhoneItem, PhoneStatus, QUICK_GROUPS, RECORD_GROUPS, codes, quick_report, spoken_group,
};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

fn good(app: &App) -> Style {
    if app.color {
        bold().fg(Color::Green)
    } else {
        bold()
    }
}

fn bad(app: &App) -> Style {
    if app.color {
        bold().fg(Color::Red)
    } else {
        bold()
    }
}

fn show(count: Count) -> String {
    match count {
        Some(v) => v.to_string(),
        None => "...".into(),
    }
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
        out.push('~');
        out
    }
}

/// "7744-1" drawn wide: "7 7 4 4 - 1".
fn wide(group: &str) -> String {
    group
        .chars()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One code drawn large and spelled out, group by group, under its title.
fn code_lines(title: &str, groups: &[String], en: bool, width: usize) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(clip(&format!("{title}:"), width), bold())];
    for (i, group) in groups.iter().enumerate() {
        lines.push(Line::styled(
            format!(" {}   {}", i + 1, wide(group)),
            bold(),
        ));
        lines.push(Line::from(clip(
            &format!("   {}", spoken_group(group, en)),
            width,
        )));
    }
    lines
}

/// What the station reads aloud, in this order and nothing else: the quick-report
/// figures with their letters and list names, the quick-report code, then the record
/// code for the paper; codes large and spelled out.
pub fn read_aloud(frame: &mut Frame, app: &App, area: Rect) {
    let Some(record) = &app.record else {
        return;
    };
    let en = app.english();
    let t = text::phone_text(app.language);
    let [left, right] =
        Layout::horizontal([Constraint::Length(38), Constraint::Min(30)]).areas(area);

    let mut figures = vec![
        Line::styled(
            clip(&format!(" {}", t.read_title), left.width as usize),
            bold(),
        ),
        Line::from(clip(
            &format!(" 1. {}:", t.quick_report),
            left.width as usize,
        )),
    ];
    let label_width = (left.width as usize).saturating_sub(12);
    for figure in quick_report(&app.election, record) {
        figures.push(Line::from(format!(
            " {:label_width$} {:>9}",
            clip(&figure.label(en), label_width),
            show(figure.value)
        )));
    }
    figures.push(Line::default());
    figures.push(Line::from(format!(" {}", t.read_hint)));
    frame.render_widget(
        Paragraph::new(figures).wrap(ratatui::widgets::Wrap { trim: false }),
        left,
    );

    let codes = codes(&app.election, record);
    let width = right.width as usize;
    let mut lines = code_lines(&format!("2. {}", t.quick_code), &codes.quick, en, width);
    lines.push(Line::default());
    lines.extend(code_lines(
        &format!("3. {}", t.for_paper),
        &codes.record,
        en,
        width,
    ));
    let visible = right.height as usize;
    let max_scroll = lines.len().saturating_sub(visible);
    let scroll = match app.screen {
        Screen::ReadAloud { scroll } => scroll,
        _ => 0,
    };
    let offset = (scroll as usize).min(max_scroll);
    let lines: Vec<Line> = lines.into_iter().skip(offset).collect();
    frame.render_widget(Paragraph::new(lines), right);
}

/// One of the phone-check screens.
pub fn phone(frame: &mut Frame, app: &App, area: Rect) {
    let t = text::phone_text(app.language);
    match &app.phone.screen {
        PhoneScreen::Overview => overview(frame, app, t, area),
        PhoneScreen::Figures(call) => figures(frame, app, call, t, area),
        PhoneScreen::Code(call) => code(frame, app, call, t, area),
    }
}

fn overview(frame: &mut Frame, app: &App, t: &PhoneText, area: Rect) {
    let en = app.english();
    let width = area.width as usize;
    let mut lines = vec![Line::styled(format!(" {}", t.overview_title), bold())];
    let name_width = width.saturating_sub(56).max(10);
    let rows = app.phone.overview.iter().enumerate().map(|(i, s)| {
        let marker = if i == app.phone.cursor { ">" } else { " " };
        let at =
            s.at.as_deref()
                .and_then(|a| local_time(a, app.utc_offset_minutes))
                .unwrap_or_default();
        let mut status = super::text::phone_status(&s.status, en).to_string();
        if let PhoneStatus::RecordDiffers { located } = &s.status {
            status = format!(
                "{status}: {}",
                phone_words::short(located, app.election.generation(), t, en)
            );
        }
        let line = clip(
            &format!(
                "{marker} {:>4}  {:name_width$}  {:9}  {status}",
                s.station,
                clip(&s.name, name_width),
                at,
            ),
            width,
        );
        if i == app.phone.cursor {
            Line::styled(line, focus())
        } else {
            Line::from(line)
        }
    });
    // The selected station's difference from the phone, in full, below the list.
    let detail: Vec<String> = match app.phone.overview.get(app.phone.cursor) {
        Some(s) => match &s.status {
            PhoneStatus::RecordDiffers { located } => {
                phone_words::detail(located, app.election.generation(), t, en)
            }
            _ => Vec::new(),
        },
        None => Vec::new(),
    };
    let reserved = if detail.is_empty() {
        0
    } else {
        detail.len() + 1
    };
    let visible = (area.height as usize).saturating_sub(1 + reserved);
    let offset = (app.phone.cursor + 2).saturating_sub(visible);
    lines.extend(rows.skip(offset).take(visible));
    if !detail.is_empty() {
        lines.push(Line::from(""));
        lines.extend(detail.into_iter().map(|d| Line::from(format!(" {d}"))));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

fn mark_label(mark: Mark, en: bool) -> &'static str {
    match (mark, en) {
        (Mark::Equal, false) => "vakje D = H",
        (Mark::Equal, true) => "box D = H",
        (Mark::More, false) => "vakje H > D",
        (Mark::More, true) => "box H > D",
        (Mark::Fewer, false) => "vakje H < D",
        (Mark::Fewer, true) => "box H < D",
        (Mark::ExplainedYes, false) => "volledig verklaard: ja",
        (Mark::ExplainedYes, true) => "fully explained: yes",
        (Mark::ExplainedNo, false) => "volledig verklaard: nee",
        (Mark::ExplainedNo, true) => "fully explained: no",
    }
}

fn item_label(app: &App, item: PhoneItem) -> String {
    match item {
        PhoneItem::Count(Field::ListTotal(n)) => {
            let name = app.election.list(n).map(|l| l.name.as_str()).unwrap_or("");
            format!("E.{n} {name}")
        }
        PhoneItem::Count(Field::Candidate { list, candidate }) => {
            let name = app
                .election
                .list(list)
                .and_then(|l| l.candidate(candidate))
                .map(|c| c.display_name())
                .unwrap_or_default();
            format!("{list}.{candidate} {name}")
        }
        PhoneItem::Count(field) => text::field_label(app.language, field),
        PhoneItem::Mark(mark) => mark_label(mark, app.english()).to_string(),
    }
}

fn figures(frame: &mut Frame, app: &App, call: &Call, t: &PhoneText, area: Rect) {
    let check = &call.check;
    let station = check.station();
    let name = app
        .election
        .station(station)
        .map(|s| s.name.as_str())
        .unwrap_or("");
    let width = area.width as usize;
    let header = vec![
        Line::styled(
            clip(
                &format!(
                    " {} - {} {station} {name}",
                    t.figures_title,
                    text::text(app.language).station
                ),
                width,
            ),
            bold(),
        ),
        Line::from(clip(&format!(" {}", t.figures_hint), width)),
    ];
    let items = check.items();
    let label_width = width.saturating_sub(18).min(50);
    let rows: Vec<Line> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let current = i == call.item;
            let value = match item {
                PhoneItem::Count(field) => {
                    if current && !call.input.is_empty() {
                        format!("[{}_]", call.input)
                    } else {
                        show(check.record().get(*field))
                    }
                }
                PhoneItem::Mark(mark) => {
                    format!("[{}]", if check.record().mark(*mark) { "x" } else { " " })
                }
            };
            let marker = if current { ">" } else { " " };
            let line = format!(
                "{marker} {:label_width$} {value:>11}",
                clip(&item_label(app, *item), label_width)
            );
            if current {
                Line::styled(line, focus())
            } else {
                Line::from(line)
            }
        })
        .collect();
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(header), top);
    frame.render_widget(Paragraph::new(plausibility_line(app, t, call)), bottom);
    let visible = body.height as usize;
    let offset = (call.item + 3).saturating_sub(visible);
    let rows: Vec<Line> = rows.into_iter().skip(offset).take(visible).collect();
    frame.render_widget(Paragraph::new(rows), body);
}

/// The live check under the quick report: lists + F + G against D (W.203 thresholds),
/// with the figure being typed counted as it stands.
fn plausibility_line(app: &App, t: &PhoneText, call: &Call) -> Line<'static> {
    let mut typed = call.check.record().clone();
    if let (Some(PhoneItem::Count(field)), Ok(value)) =
        (call.check.items().get(call.item), call.input.parse::<u64>())
    {
        typed.set(*field, Some(value));
    }
    match plausibility(&app.election, &typed) {
        None => Line::default(),
        Some(p) if p.difference == 0 => {
            Line::styled(format!(" {} ({})", t.adds_up, p.sum), good(app))
        }
        Some(p) if p.warning => Line::styled(
            format!(" {} ({:+})", t.does_not_add_up, p.difference),
            bad(app),
        ),
        Some(p) => Line::from(format!(" {} ({:+})", t.small_difference, p.difference)),
    }
}

fn code(frame: &mut Frame, app: &App, call: &Call, t: &PhoneText, area: Rect) {
    let check = &call.check;
    let en = app.english();
    let width = area.width as usize;
    let outcome = check.outcome();
    let heard = check.heard();
    let mut lines = vec![
        Line::styled(
            clip(
                &format!(
                    " {} - {} {}",
                    t.code_title,
                    text::text(app.language).station,
                    check.station()
                ),
                width,
            ),
            bold(),
        ),
        Line::from(clip(&format!(" {}", t.code_hint), width)),
    ];
    let typing = |i: usize| -> String {
        if i < heard.len() {
            heard[i].clone()
        } else if i == heard.len() {
            let mut shown: String = call.input.clone();
            if shown.len() > 4 {
                shown.insert(4, '-');
            }
            format!("[{shown}_]")
        } else {
            "....-.".into()
        }
    };
    let row = |i: usize, number: usize| -> Line<'static> {
        let words = if i < heard.len() {
            spoken_group(&heard[i], en)
        } else {
            String::new()
        };
        let line = clip(
            &format!("  {:>2}  {:9} {}", number, typing(i), words),
            width,
        );
        if i == heard.len() && outcome != Outcome::QuickDiffers {
            Line::styled(line, focus())
        } else {
            Line::from(line)
        }
    };
    lines.push(Line::from(format!(" {}:", t.quick_code)));
    lines.extend((0..QUICK_GROUPS).map(|i| row(i, i + 1)));
    if !matches!(outcome, Outcome::TypingQuick { .. } | Outcome::QuickDiffers) {
        lines.push(Line::from(format!(" {}:", t.for_paper)));
        lines.extend((0..RECORD_GROUPS).map(|i| row(QUICK_GROUPS + i, i + 1)));
    }
    lines.push(Line::default());
    match &outcome {
        Outcome::QuickDiffers => {
            let notice = text::phone_notice(app.language, &PhoneNotice::QuickDiffers);
            lines.push(Line::styled(clip(&format!(" {notice}"), width), bad(app)));
        }
        Outcome::Done => {
            let word = if en { "STORED" } else { "BEWAARD" };
            let notice = text::phone_notice(app.language, &PhoneNotice::Stored);
            lines.push(Line::styled(
                clip(&format!(" {word}: {notice}"), width),
                good(app),
            ));
            lines.push(Line::from(format!(" {}", t.stored_hint)));
        }
        _ => {}
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// "2026-03-18T21:47:12.004Z" as local time on screen ("22:47" at UTC+1), or with
/// "UTC" when the local offset is not known; the audit row keeps UTC.
fn local_time(utc: &str, offset_minutes: Option<i32>) -> Option<String> {
    let hours: i32 = utc.get(11..13)?.parse().ok()?;
    let minutes: i32 = utc.get(14..16)?.parse().ok()?;
    Some(match offset_minutes {
        Some(offset) => {
            let local = (hours * 60 + minutes + offset).rem_euclid(24 * 60);
            format!("{:02}:{:02}", local / 60, local % 60)
        }
        None => format!("{hours:02}:{minutes:02} UTC"),
    })
}
