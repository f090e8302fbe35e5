//! Drawing the read-aloud screen and the phone-check screens. No state changes here.
//!
//! Meaning never rests on colour: the current row has a `>` marker, a refused group
//! is said in words on the notice line, a match says "KLOPT" / "MATCH".

use super::app::App;
use super::phone::PhoneScreen;
use super::text::{self, PhoneText};
use crate::record::{Count, Field, Mark};
use crate::verification::{Outcome, PhoneItem, RECORD_GROUPS, codes, quick_report, spoken_group};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

fn bold() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

fn focus() -> Style {
    Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
}

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

/// The finalised record's code, large and spelled out, beside the quick-report figures.
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
        Line::from(clip(&format!(" {}:", t.quick_report), left.width as usize)),
    ];
    let label_width = (left.width as usize).saturating_sub(12);
    for figure in quick_report(&app.election, record) {
        figures.push(Line::from(format!(
            " {:label_width$} {:>9}",
            clip(figure.label(en), label_width),
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
    let mut lines = vec![Line::styled(format!("{}:", t.record_code), bold())];
    for (i, group) in codes.record.iter().enumerate() {
        lines.push(Line::styled(
            format!(" {}   {}", i + 1, wide(group)),
            bold(),
        ));
        lines.push(Line::from(clip(
            &format!("     {}", spoken_group(group, en)),
            width,
        )));
    }
    lines.push(Line::from(clip(&format!("{}:", t.section_codes), width)));
    for section in &codes.sections {
        let name_width = width.saturating_sub(9);
        lines.push(Line::from(format!(
            " {:name_width$} {}",
            clip(section.name(en), name_width),
            section.group
        )));
    }
    let visible = right.height as usize;
    let max_scroll = lines.len().saturating_sub(visible);
    let offset = (app.phone.scroll as usize).min(max_scroll);
    let lines: Vec<Line> = lines.into_iter().skip(offset).collect();
    frame.render_widget(Paragraph::new(lines), right);
}

/// One of the phone-check screens.
pub fn phone(frame: &mut Frame, app: &App, screen: PhoneScreen, area: Rect) {
    let t = text::phone_text(app.language);
    match screen {
        PhoneScreen::Overview => overview(frame, app, t, area),
        PhoneScreen::Figures => figures(frame, app, t, area),
        PhoneScreen::Code => code(frame, app, t, area),
    }
}

fn overview(frame: &mut Frame, app: &App, t: &PhoneText, area: Rect) {
    let en = app.english();
    let width = area.width as usize;
    let mut lines = vec![Line::styled(format!(" {}", t.overview_title), bold())];
    let name_width = width.saturating_sub(44).max(10);
    let rows = app.phone.overview.iter().enumerate().map(|(i, s)| {
        let marker = if i == app.phone.cursor { ">" } else { " " };
        let at =
            s.at.as_deref()
                .map(|a| a.get(11..16).unwrap_or(a))
                .map(|hm| format!("{hm} UTC"))
                .unwrap_or_default();
        let line = format!(
            "{marker} {:>4}  {:name_width$}  {:16} {at}",
            s.station,
            clip(&s.name, name_width),
            s.status.label(en),
        );
        if i == app.phone.cursor {
            Line::styled(line, focus())
        } else {
            Line::from(line)
        }
    });
    let visible = (area.height as usize).saturating_sub(1);
    let offset = (app.phone.cursor + 2).saturating_sub(visible);
    lines.extend(rows.skip(offset).take(visible));
    frame.render_widget(Paragraph::new(lines), area);
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

fn figures(frame: &mut Frame, app: &App, t: &PhoneText, area: Rect) {
    let Some(check) = &app.phone.check else {
        return;
    };
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
    let items = app.phone.items(app);
    let label_width = width.saturating_sub(18).min(50);
    let rows: Vec<Line> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let current = i == app.phone.item;
            let value = match item {
                PhoneItem::Count(field) => {
                    if current && !app.phone.input.is_empty() {
                        format!("[{}_]", app.phone.input)
                    } else {
                        show(check.record().get(*field))
                    }
                }
                PhoneItem::Mark(mark) => {
                    if check.record().mark(*mark) {
                        format!("[x] {}", t.ticked)
                    } else {
                        format!("[ ] {}", t.not_ticked)
                    }
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
    let [top, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(header), top);
    let visible = body.height as usize;
    let offset = (app.phone.item + 3).saturating_sub(visible);
    let rows: Vec<Line> = rows.into_iter().skip(offset).take(visible).collect();
    frame.render_widget(Paragraph::new(rows), body);
}

fn code(frame: &mut Frame, app: &App, t: &PhoneText, area: Rect) {
    let Some(check) = &app.phone.check else {
        return;
    };
    let en = app.english();
    let width = area.width as usize;
    let outcome = check.outcome();
    let expected = check.codes();
    let heard = check.heard();
    let needed = check.needed();
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
            let mut shown: String = app.phone.input.clone();
            if shown.len() > 4 {
                shown.insert(4, '-');
            }
            format!("[{shown}_]")
        } else {
            "....-.".into()
        }
    };
    let mut rows: Vec<Line> = Vec::new();
    rows.push(Line::from(format!(" {}:", t.record_code)));
    for i in 0..RECORD_GROUPS {
        let words = if i < heard.len() {
            spoken_group(&heard[i], en)
        } else {
            String::new()
        };
        let line = format!("  {:>2}  {:9} {}", i + 1, typing(i), words);
        rows.push(if i == heard.len() {
            Line::styled(clip(&line, width), focus())
        } else {
            Line::from(clip(&line, width))
        });
    }
    if needed > RECORD_GROUPS {
        rows.push(Line::from(format!(" {}:", t.section_codes)));
        for (j, section) in expected.sections.iter().enumerate() {
            let i = RECORD_GROUPS + j;
            let name_width = width.saturating_sub(20);
            let line = format!(
                "  {:>2}  {:9} {}",
                i + 1,
                typing(i),
                clip(section.name(en), name_width)
            );
            rows.push(if i == heard.len() {
                Line::styled(line, focus())
            } else {
                Line::from(line)
            });
        }
    }
    let mut result: Vec<Line> = Vec::new();
    match &outcome {
        Outcome::Verified => {
            let word = if en { "MATCH" } else { "KLOPT" };
            result.push(Line::styled(
                format!(
                    " {word}: {}",
                    text::phone_notice(app.language, &super::phone::PhoneNotice::Verified)
                ),
                good(app),
            ));
            result.push(Line::from(format!(" {}", t.verified_hint)));
        }
        Outcome::Differs { sections } => {
            result.push(Line::styled(format!(" {}", t.differs_heading), bad(app)));
            for s in sections {
                result.push(Line::styled(format!("   - {}", s.name(en)), bad(app)));
            }
            result.push(Line::from(clip(&format!(" {}", t.differs_hint), width)));
        }
        _ => {}
    }
    // The group being typed must stay visible; the result goes below the groups.
    let room = (area.height as usize).saturating_sub(lines.len() + result.len());
    let focus_row = (heard.len() + 1 + usize::from(heard.len() >= RECORD_GROUPS)).min(rows.len());
    let offset = (focus_row + 1).saturating_sub(room);
    lines.extend(rows.into_iter().skip(offset).take(room));
    lines.extend(result);
    frame.render_widget(Paragraph::new(lines), area);
}
