//! Panels over the screen: help, and the questions that need a yes or no.

use super::*;

pub(super) fn draw_dialog(
    frame: &mut Frame,
    app: &App,
    t: &Text,
    theme: &Theme,
    dialog: &Dialog,
    area: Rect,
) {
    let (title, body): (&str, String) = match dialog {
        // The desk names its own keys on its key line; the steps' keys do not apply.
        Dialog::Help if app.screen == Screen::Desk => (t.help_title, help_text(app, t).into()),
        Dialog::Help => (
            t.help_title,
            format!("{}\n\n{}", help_text(app, t), t.help_keys),
        ),
        Dialog::Quit => ("telraam", quit_body(app, t)),
        Dialog::LeaveStation => (
            t.station,
            format!("{}\n\n{}", t.leave_question, t.yes_no_keys),
        ),
        Dialog::UnbalancedList { list, .. } => {
            let (total, sum) = match &app.record {
                Some(r) => (
                    show(r.list_total(*list)),
                    show(counting::candidate_sum(r, *list)),
                ),
                None => (show(None), show(None)),
            };
            let question = text::unbalanced_list(app.language, *list, &sum, &total);
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
        Dialog::Guard => match &app.guard {
            Some(guard) => text::guard_notice(app.language, guard),
            None => ("telraam", String::new()),
        },
    };
    let width = area.width.saturating_sub(6).min(72);
    // Tall enough for the wrapped text (estimated by characters per line) and its border.
    let inner = width.saturating_sub(2).max(1) as usize;
    let lines: usize = body
        .split('\n')
        .map(|p| p.chars().count().div_ceil(inner).max(1))
        .sum();
    let height = ((lines + 3) as u16).min(area.height.saturating_sub(2));
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

/// The quit question; when the current field holds a figure or text not saved, it
/// says so and offers to confirm it (Enter) before stopping.
fn quit_body(app: &App, t: &Text) -> String {
    if !app.pending_input() {
        return format!("{}\n\n{}", t.quit_question, t.yes_no_keys);
    }
    let label = match app.current_item() {
        _ if app.screen == Screen::Desk => app
            .desk
            .current(&app.election)
            .map(|target| text::desk::box_name(app.language, target))
            .unwrap_or_default(),
        Some(Item::Count(field)) => text::field_label(app.language, field),
        Some(Item::Note) => t.note_label.to_string(),
        _ => t.fully_explained.to_string(),
    };
    let typed = if app.screen == Screen::Desk {
        clip(&app.desk.input, 40)
    } else {
        clip(app.input(), 40)
    };
    let refused = app.unsaved.is_some();
    format!(
        "{}\n\n{}",
        text::quit_pending(app.language, &label, &typed, refused),
        t.keys_quit_pending
    )
}

fn help_text<'a>(app: &App, t: &'a Text) -> &'a str {
    match app.screen.kind() {
        ScreenKind::Stations => t.help_stations,
        ScreenKind::Step(Step::Differences) => t.help_differences,
        ScreenKind::Step(Step::Candidates(_)) => t.help_candidates,
        ScreenKind::Step(Step::Check) => t.help_check,
        ScreenKind::Step(Step::Finalise) => t.help_finalise,
        ScreenKind::Step(_) => t.help_entry,
        ScreenKind::Done => t.help_done,
        ScreenKind::ReadAloud => text::phone_text(app.language).help_read,
        ScreenKind::Phone => text::phone_text(app.language).help_phone,
        ScreenKind::Desk => text::desk::desk_text(app.language).help,
        ScreenKind::Board => text::board::board_text(app.language).help,
    }
}
