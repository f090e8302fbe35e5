//! Controle (rule results), Vaststellen (the figures in the order of the paper form)
//! and the Done screen.

use super::*;
use crate::form::{Target, words};
use crate::printout::{Heading, Row, StockLine};
use crate::tui::app::{CheckScreen, FinaliseScreen};

pub(super) fn check(
    frame: &mut Frame,
    app: &App,
    state: &CheckScreen,
    t: &Text,
    theme: &Theme,
    area: Rect,
) {
    let (errors, _) = app.blockers();
    let (done, of) = app.warnings_acknowledged();
    let head = vec![
        Line::styled(format!(" {}", t.check_summary), theme.heading()),
        Line::from(if of > 0 {
            format!(
                " {}: {errors}   {}: {of}   {}",
                t.error,
                t.warning,
                text::acknowledged_count(app.language, done, of)
            )
        } else {
            format!(" {}: {errors}   {}: 0", t.error, t.warning)
        }),
    ];
    let [h, list, detail] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(4),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(head), h);
    if state.results.is_empty() {
        frame.render_widget(
            Paragraph::new(format!(" {}", t.no_results)).style(theme.good()),
            list,
        );
        return;
    }
    let en = app.english();
    let rows: Vec<Line> = state
        .results
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let focused = i == state.cursor;
            let (word, style) = match r.severity {
                Severity::Error => (t.error, theme.error()),
                Severity::Warning => (t.warning, theme.warning()),
            };
            let state = match r.severity {
                Severity::Error => String::new(),
                Severity::Warning if app.acknowledged.contains(r.code.as_str()) => {
                    format!("[X] {}", t.acknowledged)
                }
                Severity::Warning => format!("[ ] {}", t.not_acknowledged),
            };
            let fields = words::list_names(&r.boxes(), app.language.is_english(), usize::MAX);
            let marker = if focused { ">" } else { " " };
            // The fields get what the row leaves: more for an error, which has no tick box.
            let width = 56usize.saturating_sub(state.chars().count());
            let line = vec![
                Span::raw(format!("{marker} ")),
                Span::styled(format!("{word:<12}"), style),
                Span::raw(format!(
                    " {:<6} {:<width$} {state}",
                    r.code,
                    clip(&fields, width),
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
    let _ = scrolled(frame, rows, Some(state.cursor), list);
    if let Some(r) = state.results.get(state.cursor) {
        let fields = words::list_names(&r.boxes(), app.language.is_english(), usize::MAX);
        frame.render_widget(
            Paragraph::new(format!("{} [{fields}]: {}", r.code, r.message(en)))
                .block(Block::default().borders(Borders::TOP))
                .wrap(Wrap { trim: true }),
            detail,
        );
    }
}

/// Everything the annex prints, in the annex's order: the rows of
/// [`crate::printout`] (A to D, the lists and E to H, section 3 as the election's form
/// has it and the note, the ballot stock, each list's candidates with the total at the
/// foot of its page), then the acknowledged warnings. This only draws them.
fn form_rows(app: &App, record: &CountRecord, t: &Text) -> Vec<Line<'static>> {
    let english = app.english();
    let mut rows = Vec::new();
    let line = |label: String, shown: String| {
        Line::from(format!("   {:<52} {:>12}", clip(&label, 52), shown))
    };
    let empty = format!("({})", t.empty);
    let shown = |value: Option<String>| value.unwrap_or_else(|| empty.clone());
    let heading = |title: &str| Line::from(format!(" {title}"));
    let [admitted, votes, difference, stock, candidates, warnings] = t.overview_sections;

    let mut candidates_shown = false;
    for block in crate::printout::printout(&app.election, record) {
        match block.heading {
            Heading::Voters => rows.push(heading(admitted)),
            Heading::Votes => rows.push(heading(votes)),
            Heading::Differences => rows.push(heading(difference)),
            Heading::Stock => rows.push(heading(stock)),
            Heading::Candidates(list) => {
                if !candidates_shown {
                    rows.push(heading(candidates));
                    candidates_shown = true;
                }
                let name = app
                    .election
                    .list(list)
                    .map(|l| l.name.clone())
                    .unwrap_or_default();
                rows.push(Line::from(format!("  {} {list} {name}", t.list)));
            }
        }
        for row in &block.rows {
            let (label, value) = match row {
                Row::Figure { target, value, .. } => {
                    let label = match target {
                        Target::Count(Field::ListTotal(list)) => {
                            let name = app
                                .election
                                .list(*list)
                                .map(|p| p.name.clone())
                                .unwrap_or_default();
                            format!("E.{list}  {name}")
                        }
                        Target::Count(Field::Candidate { list, candidate }) => {
                            let name = app
                                .election
                                .list(*list)
                                .and_then(|l| l.candidate(*candidate))
                                .map(|c| c.display_name())
                                .unwrap_or_default();
                            format!("{candidate:>3}  {name}")
                        }
                        _ => words::full_name(*target, english),
                    };
                    (label, shown(value.map(|v| v.to_string())))
                }
                Row::Ticked(marks) => {
                    let ticked: Vec<&str> = marks.iter().map(|m| words::comparison(*m)).collect();
                    let value = if ticked.is_empty() {
                        t.no_box_ticked.to_string()
                    } else {
                        ticked.join(" + ")
                    };
                    (t.ticked.to_string(), value)
                }
                Row::Explained { answer, .. } => {
                    let answer = match answer {
                        Some(true) => t.yes,
                        Some(false) => t.no,
                        None => t.unanswered,
                    };
                    (t.fully_explained.to_string(), answer.to_string())
                }
                Row::Stock(which, value) => {
                    let [issued, too_many, too_few, taken, in_box] = t.stock_lines;
                    let label = match which {
                        StockLine::Issued => issued,
                        StockLine::TooManyIssued => too_many,
                        StockLine::TooFewIssued => too_few,
                        StockLine::TakenAway => taken,
                        StockLine::InBoxNotIssued => in_box,
                    };
                    (label.to_string(), shown(value.map(|v| v.to_string())))
                }
            };
            rows.push(line(label, value));
        }
        let note = record.differences.note.trim();
        if block.heading == Heading::Differences && !note.is_empty() {
            let label = format!("{}: ", t.note_label);
            let indent = 3 + label.chars().count();
            for (i, part) in super::entry::wrap(note, 80 - indent - 1)
                .into_iter()
                .enumerate()
            {
                let lead = if i == 0 { label.clone() } else { String::new() };
                rows.push(Line::from(format!("   {lead:<w$}{part}", w = indent - 3)));
            }
        }
    }

    rows.push(heading(warnings));
    let acknowledged: Vec<String> = if record.lifecycle.state == RecordState::Finalised {
        record.lifecycle.acknowledged_warnings.clone()
    } else {
        app.acknowledged.iter().cloned().collect()
    };
    if acknowledged.is_empty() {
        rows.push(Line::from(format!("   {}", t.no_warnings)));
    }
    for code in acknowledged {
        let message = app
            .results()
            .iter()
            .find(|r| r.code == code.as_str())
            .map(|r| r.message(app.english()))
            .unwrap_or_default();
        rows.push(Line::from(clip(&format!("   {code}: {message}"), 80)));
    }
    rows
}

pub(super) fn finalise(
    frame: &mut Frame,
    app: &App,
    state: &FinaliseScreen,
    t: &Text,
    theme: &Theme,
    area: Rect,
) {
    let Some(record) = &app.record else {
        return;
    };
    let (errors, open) = app.blockers();
    let status = if record.lifecycle.state == RecordState::Finalised {
        Line::styled(format!(" {}", t.already_finalised), theme.heading())
    } else if errors > 0 || open > 0 {
        let (done, of) = app.warnings_acknowledged();
        Line::styled(
            format!(
                " {}",
                text::finalise_blocked(app.language, errors, done, of)
            ),
            theme.error(),
        )
    } else {
        Line::styled(format!(" {}", t.finalise_ready), theme.heading())
    };
    // What still blocks finalising may take two lines: it is never cut off.
    let status_height = status
        .width()
        .div_ceil(area.width.max(1) as usize)
        .clamp(1, 2) as u16;
    let head = vec![
        Line::styled(format!(" {}", t.finalise_intro), theme.heading()),
        status,
    ];
    let [h, b] =
        Layout::vertical([Constraint::Length(1 + status_height), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(head).wrap(Wrap { trim: false }), h);
    let rows = form_rows(app, record, t);
    let max = rows.len().saturating_sub(b.height as usize) as u16;
    frame.render_widget(Paragraph::new(rows).scroll((state.scroll.min(max), 0)), b);
}

pub(super) fn done(frame: &mut Frame, app: &App, t: &Text, theme: &Theme, area: Rect) {
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
        text::done_action(app.language, crate::tui::DoneAction::Stations)
    )));
    frame.render_widget(Paragraph::new(lines), area);
}
