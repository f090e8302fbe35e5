//! Controle (rule results), Vaststellen (the figures in the order of the paper form)
//! and the Done screen.

use super::*;
use crate::form::words;

pub(super) fn check(frame: &mut Frame, app: &App, t: &Text, theme: &Theme, area: Rect) {
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
                Severity::Warning if app.acknowledged.contains(r.code.as_str()) => {
                    format!("[X] {}", t.acknowledged)
                }
                Severity::Warning => format!("[ ] {}", t.not_acknowledged),
            };
            let fields = r
                .fields
                .iter()
                .map(|target| words::short_name(*target, app.language.is_english()))
                .collect::<Vec<_>>()
                .join(", ");
            let marker = if focused { ">" } else { " " };
            let line = vec![
                Span::raw(format!("{marker} ")),
                Span::styled(format!("{word:<12}"), style),
                Span::raw(format!(
                    " {:<6} {:<30} {}",
                    r.code,
                    clip(&fields, 30),
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
            .map(|target| words::short_name(*target, app.language.is_english()))
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
            t.list, list.number, list.name
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

pub(super) fn finalise(frame: &mut Frame, app: &App, t: &Text, theme: &Theme, area: Rect) {
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
