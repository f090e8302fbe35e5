//! Controle (rule results), Vaststellen (the figures in the order of the paper form)
//! and the Done screen.

use super::*;
use crate::form::{self, Target, words};
use crate::record::Mark;

pub(super) fn check(frame: &mut Frame, app: &App, t: &Text, theme: &Theme, area: Rect) {
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

/// Everything the annex prints, in the annex's order (`annex::content`): A to D, the
/// list totals and E to H, the D/H box with I, J, "fully explained", K to O and the
/// note, the ballot stock, each list's candidates with the list total at the foot of
/// its page, and the acknowledged warnings.
fn form_rows(app: &App, record: &CountRecord, t: &Text) -> Vec<Line<'static>> {
    let lang = app.language;
    let mut rows = Vec::new();
    let line = |label: String, shown: String| {
        Line::from(format!("   {:<52} {:>12}", clip(&label, 52), shown))
    };
    let figure = |label: String, value: Option<u64>| {
        let shown = value
            .map(|v| v.to_string())
            .unwrap_or_else(|| format!("({})", t.empty));
        line(label, shown)
    };
    let heading = |title: &str| Line::from(format!(" {title}"));
    let [admitted, votes, difference, stock, candidates, warnings] = t.overview_sections;

    rows.push(heading(admitted));
    let mut fields = vec![Field::PollCards, Field::ProxyCertificates];
    if app.election.voter_cards_apply() || record.voters.voter_cards.is_some() {
        fields.push(Field::VoterCards);
    }
    fields.push(Field::TotalAdmitted);
    for f in fields {
        rows.push(figure(text::field_label(lang, f), record.get(f)));
    }

    rows.push(heading(votes));
    for l in &record.votes.lists {
        let name = app
            .election
            .list(l.list)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        rows.push(figure(format!("E.{}  {name}", l.list), l.total));
    }
    for f in [
        Field::TotalOnLists,
        Field::Blank,
        Field::Invalid,
        Field::TotalCast,
    ] {
        rows.push(figure(text::field_label(lang, f), record.get(f)));
    }

    rows.push(heading(difference));
    let d = &record.differences;
    // As on the annex: the boxes of section 3 the election's form has (`form::section_3`).
    for target in form::section_3(&app.election, record) {
        match target {
            Target::Mark(Mark::Equal) => {
                let ticked: Vec<&str> = [
                    (d.boxes.equal, "D = H"),
                    (d.boxes.more, "H > D"),
                    (d.boxes.fewer, "H < D"),
                ]
                .into_iter()
                .filter_map(|(on, words)| on.then_some(words))
                .collect();
                let ticked = if ticked.is_empty() {
                    t.no_box_ticked.to_string()
                } else {
                    ticked.join(" + ")
                };
                rows.push(line(t.ticked.to_string(), ticked));
            }
            Target::Mark(Mark::ExplainedYes) => {
                let answer = match d.fully_explained.answer() {
                    Some(true) => t.yes,
                    Some(false) => t.no,
                    None => t.unanswered,
                };
                rows.push(line(t.fully_explained.to_string(), answer.to_string()));
            }
            Target::Mark(_) => {}
            Target::Count(f) => rows.push(figure(text::field_label(lang, f), record.get(f))),
        }
    }
    let note = d.note.trim();
    if !note.is_empty() {
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

    rows.push(heading(stock));
    for f in [
        Field::BallotsReceived,
        Field::BallotsUnused,
        Field::BallotsSpoiled,
    ] {
        rows.push(figure(text::field_label(lang, f), record.get(f)));
    }
    let [issued, too_many, too_few, taken, in_box] = t.stock_lines;
    rows.push(figure(
        issued.to_string(),
        record
            .ballot_stock
            .issued()
            .and_then(|n| u64::try_from(n).ok()),
    ));
    if let Some(b) = counting::stock_balance(record) {
        rows.push(figure(too_many.to_string(), Some(b.too_many_issued())));
        rows.push(figure(too_few.to_string(), Some(b.too_few_issued())));
        rows.push(figure(taken.to_string(), Some(b.taken_away())));
        rows.push(figure(in_box.to_string(), Some(b.unaccounted_in_box())));
    }

    if record.counting_method.counts_candidates() {
        rows.push(heading(candidates));
        for cv in &record.candidate_votes {
            let list = app.election.list(cv.list);
            let name = list.map(|l| l.name.clone()).unwrap_or_default();
            rows.push(Line::from(format!("  {} {} {name}", t.list, cv.list)));
            for (number, votes) in &cv.votes {
                let name = list
                    .and_then(|l| l.candidate(*number))
                    .map(|c| c.display_name())
                    .unwrap_or_default();
                rows.push(figure(format!("{number:>3}  {name}"), *votes));
            }
            rows.push(figure(text::page_total_label(lang, cv.list), cv.total));
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
            .results
            .iter()
            .find(|r| r.code == code.as_str())
            .map(|r| r.message(app.english()).to_string())
            .unwrap_or_default();
        rows.push(Line::from(clip(&format!("   {code}: {message}"), 80)));
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
