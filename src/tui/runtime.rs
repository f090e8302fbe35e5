//! The only part that touches the terminal and the workspace: reads key events,
//! turns them into messages, runs `update`, carries out its effects and redraws.

use super::app::{ACKNOWLEDGEMENT_WITHDRAWN, WARNING_ACKNOWLEDGED};
use super::app::{App, Effect, Msg, StationStatus};
use super::{keys, view};
use crate::record::{EntryMode, RecordState};
use crate::settings::{Language, Printing};
use crate::storage::Workspace;
use ratatui::crossterm::event::{self, Event};
use std::io;

/// Whether NO_COLOR asks for a colourless screen (<https://no-color.org>).
pub fn colour_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Runs the interface until the operator leaves.
pub fn run(workspace: &mut Workspace, language: Language, operator: &str) -> io::Result<()> {
    run_with_printing(workspace, language, operator, &Printing::default())
}

/// As [`run`], with the settings' printing options (where the annex goes, which printer).
pub fn run_with_printing(
    workspace: &mut Workspace,
    language: Language,
    operator: &str,
    printing: &Printing,
) -> io::Result<()> {
    let mut app = start_app(workspace, language);
    app.color = colour_wanted();
    app.printing = printing.clone();
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, &mut app, workspace, operator);
    ratatui::restore();
    result
}

/// The App of the first frame: the station screen with every station's status, and
/// where the last session stopped. A workspace that cannot be read says so on
/// screen instead of looking empty.
pub fn start_app(workspace: &Workspace, language: Language) -> App {
    let mut problem = None;
    // From the summary table: no record is parsed to list the stations.
    let statuses = workspace
        .summaries()
        .unwrap_or_else(|e| {
            problem = Some(e.to_string());
            Vec::new()
        })
        .into_iter()
        .map(|s| (s.station, StationStatus::from_state(s.state, s.version)))
        .collect();
    let resume = workspace.resume_point().unwrap_or_else(|e| {
        problem = Some(e.to_string());
        None
    });
    let mut app = App::with_statuses(workspace.election().clone(), language, statuses, resume);
    if let Some(text) = problem {
        app.update(Msg::StorageFailed(text));
    }
    app
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    workspace: &mut Workspace,
    operator: &str,
) -> io::Result<()> {
    let effects = app.start();
    carry_out(app, workspace, operator, effects);
    while !app.quit {
        terminal.draw(|frame| view::view(frame, app))?;
        match event::read()? {
            Event::Key(key) => {
                if let Some(msg) = keys::message(app, key) {
                    let effects = app.update(msg);
                    carry_out(app, workspace, operator, effects);
                }
            }
            // A resize needs nothing but the redraw at the top of the loop.
            Event::Resize(_, _) => terminal.autoresize()?,
            _ => {}
        }
    }
    Ok(())
}

/// Carries out effects in order, feeding each answer back into the App (which may
/// ask for more).
pub fn carry_out(app: &mut App, workspace: &mut Workspace, operator: &str, effects: Vec<Effect>) {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        if let Some(answer) = execute(workspace, operator, effect) {
            queue.extend(app.update(answer));
        }
    }
}

/// Carries out one effect on the workspace; the answer goes back to the App.
pub fn execute(workspace: &mut Workspace, operator: &str, effect: Effect) -> Option<Msg> {
    let failed = |e: crate::storage::StorageError| Some(Msg::StorageFailed(e.to_string()));
    match effect {
        Effect::OpenStation(station) => match workspace.record(station) {
            Ok(Some(mut record)) => {
                if record.lifecycle.state == RecordState::Draft {
                    record.lifecycle.acknowledged_warnings =
                        acknowledged_so_far(workspace, station);
                }
                Some(Msg::Opened(record))
            }
            Ok(None) => match workspace.start(station, EntryMode::Counting, operator) {
                Ok(record) => Some(Msg::Opened(record)),
                Err(e) => failed(e),
            },
            Err(e) => failed(e),
        },
        Effect::SaveField {
            station,
            field,
            value,
        } => match workspace.save_field(station, field, value, operator) {
            Ok(record) => Some(Msg::Saved(record)),
            Err(e) => failed(e),
        },
        Effect::SaveMark { station, mark, on } => {
            match workspace.save_mark(station, mark, on, operator) {
                Ok(record) => Some(Msg::Saved(record)),
                Err(e) => failed(e),
            }
        }
        Effect::SaveNote { station, note } => match workspace.save_note(station, &note, operator) {
            Ok(record) => Some(Msg::Saved(record)),
            Err(e) => failed(e),
        },
        Effect::SetResume(point) => workspace.set_resume_point(&point).err().and_then(failed),
        Effect::LogEvent {
            station,
            what,
            value,
        } => workspace
            .log_event(Some(station), &what, &value, operator)
            .err()
            .and_then(failed),
        Effect::Finalise {
            station,
            acknowledged,
        } => match workspace.finalise(station, &acknowledged, operator) {
            Ok(record) => Some(Msg::Finalised(record)),
            Err(e) => failed(e),
        },
        Effect::StartCorrection { station, reason } => {
            match workspace.start_correction(station, &reason, operator) {
                Ok(record) => Some(Msg::Opened(record)),
                Err(e) => failed(e),
            }
        }
        Effect::WriteAnnex { station, printing } => {
            match crate::annex::station::write_station(workspace, station, &printing) {
                Ok(written) => Some(Msg::AnnexWritten {
                    printed: written.printed.map(|p| p.message(&written.path)),
                    path: written.path.display().to_string(),
                }),
                Err(text) => Some(Msg::StorageFailed(text)),
            }
        }
        Effect::LoadPhoneOverview => match workspace.phone_overview() {
            Ok(overview) => Some(Msg::PhoneOverview(overview)),
            Err(e) => failed(e),
        },
        Effect::RecordPhoneCheck {
            station,
            verified,
            code,
            sections,
            figures_sha256,
        } => {
            let result = crate::storage::phone::PhoneCheckResult {
                station,
                verified,
                code: &code,
                differing_sections: &sections,
                figures_sha256: &figures_sha256,
            };
            match workspace
                .record_phone_check(&result, operator)
                .and_then(|_| workspace.phone_overview())
            {
                Ok(overview) => Some(Msg::PhoneOverview(overview)),
                Err(e) => failed(e),
            }
        }
    }
}

/// The warnings acknowledged for the station's current draft, read back from the audit
/// log, so that a restart does not ask for them again. A new version ("start",
/// "corrigendum") starts with none.
fn acknowledged_so_far(workspace: &Workspace, station: u32) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for row in workspace.audit_log().unwrap_or_default() {
        if row.station != Some(station) {
            continue;
        }
        match row.what.as_str() {
            "start" | "corrigendum" => codes.clear(),
            WARNING_ACKNOWLEDGED if !codes.contains(&row.new_value) => {
                codes.push(row.new_value);
            }
            ACKNOWLEDGEMENT_WITHDRAWN => codes.retain(|c| *c != row.new_value),
            _ => {}
        }
    }
    codes
}
