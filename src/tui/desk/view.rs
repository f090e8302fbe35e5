//! Drawing the desk's screens. No state changes here.
//!
//! Meaning never rests on colour: the current box has `>` and brackets, a box that
//! does not add up says "<- wijkt af" / "<- differs", errors say "Fout"/"Error".

use super::{CHOICES, Confirm, DeskScreen, DeskUi, hint};
use crate::desk::{BoxValue, Stage, value};
use crate::election::Election;
use crate::form::Target;
use crate::rules::Severity;
use crate::settings::Language;
use crate::tui::style::{bold, focus};
use crate::tui::text::desk::{self as words, desk_text};
use crate::verification::codes;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// What the desk's screens are drawn from: the desk's own state, and the App's
/// election, language and colour setting.
pub struct DeskView<'a> {
    pub desk: &'a DeskUi,
    pub election: &'a Election,
    pub language: Language,
    pub color: bool,
}

fn error(v: &DeskView) -> Style {
    if v.color {
        bold().fg(Color::Red)
    } else {
        bold()
    }
}

fn shown(v: BoxValue) -> String {
    match v {
        BoxValue::Count(Some(n)) => n.to_string(),
        BoxValue::Count(None) => "...".into(),
        BoxValue::Mark(true) => "x".into(),
        BoxValue::Mark(false) => " ".into(),
    }
}

/// The key line of the desk's screens.
pub fn keys(v: &DeskView) -> String {
    let t = desk_text(v.language);
    if v.desk.confirm.is_some() {
        return t.keys_confirm.to_string();
    }
    match v.desk.screen {
        DeskScreen::Operator => t.keys_operator,
        DeskScreen::Overview => t.keys_overview,
        DeskScreen::Typing => t.keys_typing,
        DeskScreen::Rules => t.keys_rules,
        DeskScreen::Coordinator => t.keys_coordinator,
    }
    .to_string()
}

/// Draws the current desk screen in `area`.
pub fn draw(frame: &mut Frame, v: &DeskView, area: Rect) {
    let desk = v.desk;
    let [body, notice] = Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(area);
    let mut lines = vec![Line::styled(format!(" {}", title(v)), bold())];
    match desk.screen {
        DeskScreen::Operator => operator(v, &mut lines),
        DeskScreen::Overview => overview(v, &mut lines),
        DeskScreen::Typing => return typing(frame, v, lines, body, notice),
        DeskScreen::Rules => rules(v, &mut lines),
        DeskScreen::Coordinator => coordinator(v, &mut lines),
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
    notice_line(frame, v, notice);
}

fn title(v: &DeskView) -> String {
    let t = desk_text(v.language);
    let Some(station) = v.desk.station else {
        return t.title.to_string();
    };
    let name = v
        .election
        .station(station)
        .map(|s| s.name.as_str())
        .unwrap_or("");
    words::station_title(v.language, station, name)
}

fn notice_line(frame: &mut Frame, v: &DeskView, area: Rect) {
    let desk = v.desk;
    let (text, style) = if let Some(confirm) = desk.confirm {
        let n = desk.number.unwrap_or(1);
        (words::question(v.language, confirm, n), bold())
    } else if let Some(n) = &desk.notice {
        let style = if words::is_error(n) { error(v) } else { bold() };
        (words::notice(v.language, n), style)
    } else {
        return;
    };
    frame.render_widget(
        Paragraph::new(format!(" {text}"))
            .style(style)
            .wrap(Wrap { trim: false }),
        area,
    );
}

fn operator(v: &DeskView, lines: &mut Vec<Line<'static>>) {
    let t = desk_text(v.language);
    lines.push(Line::from(""));
    lines.push(Line::from(format!(" {}", t.operator_question)));
    lines.push(Line::from(""));
    lines.push(Line::styled(
        format!(" > {} [{}_]", t.operator_default, v.desk.name_input),
        focus(),
    ));
}

fn overview(v: &DeskView, lines: &mut Vec<Line<'static>>) {
    let desk = v.desk;
    let language = v.language;
    let stage = desk.stage();
    lines.push(Line::from(""));
    lines.push(Line::styled(
        format!(" {}", words::stage(language, stage)),
        bold(),
    ));
    let mut first_typist = String::new();
    for (number, who, source, done) in desk.sources() {
        if number == 1 && !source.from_station() {
            first_typist = who.clone();
        }
        lines.push(Line::from(format!(
            "   {}",
            words::entry_line(language, number, &who, source, done)
        )));
    }
    // The station's own record, or the accepted one, against the record code phoned.
    let shown = desk.desk.as_ref().and_then(|d| {
        d.accepted().or_else(|| {
            d.entries
                .iter()
                .find(|e| e.source.from_station())
                .map(|e| &e.record)
        })
    });
    if let Some(record) = shown
        && !desk.expected.is_empty()
    {
        let same = codes(v.election, record).record == desk.expected;
        lines.push(Line::from(format!(
            " {}",
            words::phone_line(language, same)
        )));
    }
    lines.push(Line::from(""));
    let operator = desk.operator.clone().unwrap_or_default();
    let mine = desk
        .desk
        .as_ref()
        .and_then(|d| d.open_entry_of(&operator))
        .is_some();
    let next = words::next_step(language, stage, mine, &first_typist);
    let style = if stage == Stage::Accepted {
        bold()
    } else {
        Style::default()
    };
    lines.push(Line::styled(format!(" {next}"), style));
}

fn typing(
    frame: &mut Frame,
    v: &DeskView,
    mut lines: Vec<Line<'static>>,
    body: Rect,
    notice: Rect,
) {
    let desk = v.desk;
    let language = v.language;
    let t = desk_text(language);
    let who = desk.operator.clone().unwrap_or_default();
    let number = desk.number.unwrap_or(1);
    let recheck = desk.stage() == Stage::Differences;
    lines[0] = Line::styled(
        format!(
            " {} | {}",
            title(v),
            words::typing_title(language, number, &who)
        ),
        bold(),
    );
    let intro = if recheck {
        t.recheck_intro
    } else {
        t.typing_intro
    };
    lines.push(Line::from(format!(" {intro}")));
    let results = desk.results(v.election);
    let errors = results
        .iter()
        .filter(|r| r.severity == Severity::Error)
        .count();
    let summary = words::findings(language, errors, results.len() - errors);
    let [head, list, foot] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(body);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), head);
    let Some(record) = desk.record() else {
        return;
    };
    let fields = desk.fields(v.election);
    let height = usize::from(list.height).max(1);
    let start = desk
        .cursor
        .saturating_sub(height / 2)
        .min(fields.len().saturating_sub(height));
    let rows: Vec<Line> = fields
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, target)| row(v, record, *target, i == desk.cursor))
        .collect();
    frame.render_widget(Paragraph::new(rows), list);
    let style = if errors > 0 {
        error(v)
    } else {
        Style::default()
    };
    frame.render_widget(Paragraph::new(format!(" {summary}")).style(style), foot);
    notice_line(frame, v, notice);
}

fn row(
    v: &DeskView,
    record: &crate::record::CountRecord,
    target: Target,
    current: bool,
) -> Line<'static> {
    let desk = v.desk;
    let name = words::box_name(v.language, target);
    let written = value(record, target);
    let figure = match (current, written) {
        (true, BoxValue::Count(_)) if !desk.input.is_empty() => format!("{}_", desk.input),
        _ => shown(written),
    };
    let boxed = match target {
        Target::Mark(_) => format!("[{figure}]"),
        Target::Count(_) => format!("[{figure:>9}]"),
    };
    let hint = hint(v.election, record, target)
        .map(|h| words::hint(v.language, &h))
        .unwrap_or_default();
    let marker = if current { ">" } else { " " };
    let line = format!("{marker} {:<36} {boxed:>11}  {hint}", clip(&name, 36));
    if current {
        Line::styled(line, focus())
    } else {
        Line::from(line)
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

fn rules(v: &DeskView, lines: &mut Vec<Line<'static>>) {
    let desk = v.desk;
    let t = desk_text(v.language);
    lines.push(Line::from(format!(" {}", t.rules_title)));
    let results = desk.results(v.election);
    if results.is_empty() {
        lines.push(Line::from(format!(" {}", t.no_findings)));
    }
    let english = v.language.is_english();
    // The chosen finding stays in view: a few before it, then it and what follows.
    let start = desk.rule_cursor.saturating_sub(3);
    for (i, r) in results.iter().enumerate().skip(start) {
        let marker = if i == desk.rule_cursor { ">" } else { " " };
        let message = r.message(english);
        let line = format!(
            "{marker} {} {} {}: {message}",
            r.code,
            crate::tui::text::severity(r.severity, english),
            crate::form::words::list_names(&r.boxes(), english, 5)
        );
        lines.push(if i == desk.rule_cursor {
            Line::styled(line, focus())
        } else {
            Line::from(line)
        });
    }
}

fn coordinator(v: &DeskView, lines: &mut Vec<Line<'static>>) {
    let desk = v.desk;
    let language: Language = v.language;
    let t = desk_text(language);
    let Some(d) = &desk.desk else {
        return;
    };
    let who = |n: u8| d.entry(n).map(|e| e.operator.clone()).unwrap_or_default();
    lines.push(Line::from(format!(
        " {}",
        words::coordinator_title(language, d.differing.len())
    )));
    lines.push(Line::styled(
        format!(
            "   {:<36} {:>18} {:>18}",
            t.box_heading,
            words::entry_heading(language, 1, &who(1)),
            words::entry_heading(language, 2, &who(2))
        ),
        bold(),
    ));
    for target in &d.differing {
        let v = |n: u8| {
            d.entry(n)
                .map(|e| shown(value(&e.record, *target)))
                .unwrap_or_default()
        };
        lines.push(Line::from(format!(
            "   {:<36} {:>18} {:>18}",
            clip(&words::box_name(language, *target), 36),
            v(1),
            v(2)
        )));
    }
    lines.push(Line::from(""));
    for (i, choice) in CHOICES.iter().enumerate() {
        let n = match choice {
            Confirm::Keep(n) | Confirm::Discard(n) => *n,
            Confirm::Finish => continue,
        };
        let marker = if i == desk.choice { ">" } else { " " };
        let line = format!("{marker} {}", words::choice(language, *choice, &who(n)));
        lines.push(if i == desk.choice {
            Line::styled(line, focus())
        } else {
            Line::from(line)
        });
    }
}
