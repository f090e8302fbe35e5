// Over 400 lines on purpose: every side effect of the TUI (terminal, workspace, printing) is carried out here and nowhere else.
//! The only part that touches the terminal and the workspace: reads key events,
//! turns them into messages, runs `update`, carries out its effects and redraws.

use super::app::{App, Effect, Guard, Msg, Screen, ScreenKind, StationStatus, Unsaved};
use super::board::{BoardMsg, Request as BoardRequest};
use super::desk::{DeskEffect, DeskMsg};
use super::{keys, view};
use crate::desk::Source;
use crate::event::AuditEvent;
use crate::record::{CountRecord, EntryMode, RecordState};
use crate::settings::{Language, Printing};
use crate::storage::lock::{self, Acquired, WorkspaceLock};
use crate::storage::{StorageError, Workspace};
use ratatui::crossterm::event::{self, Event};
use std::io;
use std::time::Duration;

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
    let (mut lock, guard) = take(workspace, operator);
    let mut app = start_app(workspace, language);
    app.color = colour_wanted();
    app.utc_offset_minutes = time::UtcOffset::current_local_offset()
        .ok()
        .map(|o| i32::from(o.whole_hours()) * 60 + i32::from(o.minutes_past_hour()));
    app.printing = printing.clone();
    app.desk.default_operator = operator.to_string();
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(
        &mut terminal,
        &mut app,
        workspace,
        operator,
        lock.as_mut(),
        guard,
    );
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
    app.update(Msg::DeskStages(desk_stages(workspace)));
    if let Some(text) = problem {
        app.update(Msg::StorageFailed(text));
    }
    app
}

/// Every station's stage at the desk (the `desk` table, no entry read); none when
/// the workspace cannot say (the station list then shows the records' states).
fn desk_stages(workspace: &Workspace) -> std::collections::BTreeMap<u32, crate::desk::Stage> {
    workspace
        .entry_states()
        .unwrap_or_default()
        .into_iter()
        .map(|s| (s.station, s.stage))
        .collect()
}

/// Takes the workspace for this window: its lock, and whether it may only read
/// (another telraam has it, the folder is write-protected, the audit log is broken).
pub fn take(workspace: &mut Workspace, operator: &str) -> (Option<WorkspaceLock>, Option<Guard>) {
    let dir = workspace.dir().to_path_buf();
    let mut guard = None;
    let mut lock = None;
    if workspace.is_read_only() {
        guard = Some(Guard::ReadOnlyFolder);
    } else {
        let reopen = match lock::acquire(&dir, operator) {
            Ok(Acquired::Mine(l)) => {
                lock = Some(l);
                None
            }
            Ok(Acquired::Held(holder)) => Some(Guard::HeldBy(holder)),
            Err(StorageError::ReadOnly { .. }) => Some(Guard::ReadOnlyFolder),
            // The lock cannot be taken for another reason: go on as before.
            Err(_) => None,
        };
        if let Some(g) = reopen {
            if let Ok(read_only) = Workspace::open_read_only(&dir) {
                *workspace = read_only;
            }
            guard = Some(g);
        }
    }
    // The chain is checked in every case, in the background so that the first frame
    // does not wait for it (nothing is saved before it is in); when broken, that is
    // what the notice says ([`report_chain`]; a window that only reads anyway cannot
    // log the operator's consent).
    workspace.check_chain_in_background();
    (lock, guard)
}

/// Shows the background chain check's finding once it is in: a broken chain is the
/// notice that asks the operator's consent (writing is blocked meanwhile).
pub fn report_chain(app: &mut App, workspace: &mut Workspace) {
    if let Some(Ok(Some(problem))) = workspace.chain_check_finding() {
        app.update(Msg::Guard(Guard::BrokenChain(problem)));
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    workspace: &mut Workspace,
    operator: &str,
    mut lock: Option<&mut WorkspaceLock>,
    guard: Option<Guard>,
) -> io::Result<()> {
    let effects = app.start();
    carry_out(app, workspace, operator, effects);
    // After the resumed station is open, so that nothing closes the notice unread.
    if let Some(guard) = guard {
        app.update(Msg::Guard(guard));
    }
    let mut seen = workspace.data_version().unwrap_or(0);
    // Keys already waiting (a hand scanner types a whole QR code at once) are taken
    // before the next redraw.
    let mut more = false;
    while !app.quit {
        if let Some(lock) = lock.as_deref_mut() {
            // Best effort: an import reads it to spare the station being typed in.
            let _ = lock.set_station(open_station(app));
        }
        report_chain(app, workspace);
        if !more {
            terminal.draw(|frame| view::view(frame, app))?;
        }
        // While the chain check runs, look again soon for its finding; while a
        // scanner types into the board's scan field, a short pause ends its code.
        let wait = if more {
            0
        } else if app.board.wants_pause() {
            SCAN_PAUSE_MS
        } else if workspace.chain_check_running() {
            20
        } else {
            500
        };
        if !event::poll(Duration::from_millis(wait))? {
            if more {
                more = false;
                continue;
            }
            if app.board.wants_pause() {
                let effects = app.update(Msg::Board(BoardMsg::Pause));
                carry_out(app, workspace, operator, effects);
            }
            // Nothing typed: has another process (an import, another window) saved?
            let now = workspace.data_version().unwrap_or(seen);
            if now != seen {
                seen = now;
                refresh_statuses(app, workspace);
                if app.screen == Screen::Board {
                    let effects = vec![Effect::Board(BoardRequest::Load)];
                    carry_out(app, workspace, operator, effects);
                }
            }
            continue;
        }
        more = true;
        match event::read()? {
            Event::Key(key) => {
                // On a screen too small to show the figures nothing is typed blind;
                // only leaving (Ctrl-C, q) still works.
                let size = terminal.size()?;
                let blind = view::too_small(size.width, size.height);
                if let Some(msg) = keys::message(app, key)
                    && (!blind || msg == Msg::Quit)
                {
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

/// How long the scanner must be quiet before a code that does not say its length
/// (a record in one QR code) counts as complete.
const SCAN_PAUSE_MS: u64 = 300;

/// The station open on screen (None on the station list and the phone check).
pub fn open_station(app: &App) -> Option<u32> {
    match app.screen.kind() {
        ScreenKind::Stations | ScreenKind::Phone | ScreenKind::Desk | ScreenKind::Board => None,
        _ => app.record.as_ref().map(|r| r.station),
    }
}

/// Carries out effects in order, feeding each answer back into the App (which may
/// ask for more).
pub fn carry_out(app: &mut App, workspace: &mut Workspace, operator: &str, effects: Vec<Effect>) {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    let mut refused = false;
    while let Some(effect) = queue.pop_front() {
        // Once the workspace refused a figure, the resume point (best effort) is not
        // tried again in this round: each try could wait out the busy timeout while
        // the screen still shows nothing.
        if refused && matches!(effect, Effect::SetResume(_)) {
            continue;
        }
        // A confirmed box and the resume point it moves on to are written in one
        // transaction: one sync to disk instead of two.
        let moving_on = match (&effect, queue.front()) {
            (
                Effect::SaveField {
                    decided: Some(_), ..
                },
                Some(Effect::SetResume(_)),
            ) => match queue.pop_front() {
                Some(Effect::SetResume(point)) => Some(point),
                _ => None,
            },
            _ => None,
        };
        let answer = match moving_on {
            Some(point) => save_box(workspace, operator, effect, Some(&point)),
            None => execute(workspace, operator, effect),
        };
        if let Some(answer) = answer {
            let not_saved = matches!(answer, Msg::NotSaved { .. });
            let imported = matches!(answer, Msg::Board(BoardMsg::Imported(Ok(_))));
            refused |= not_saved;
            queue.extend(app.update(answer));
            // A scan imported on the board changed a station: the station screen says
            // so too (this window's own writes do not move `data_version`).
            if imported {
                refresh_statuses(app, workspace);
            }
            // The box was refused because the workspace can no longer be written
            // ([`not_saved`]): say so as when the window opened on a write-protected
            // folder, once.
            if not_saved && workspace.is_read_only() && app.guard.is_none() {
                queue.extend(app.update(Msg::Guard(Guard::ReadOnlyFolder)));
            }
        }
    }
}

/// Reads again what the station screen shows of every station (its record's state,
/// its stage at the desk) after the workspace changed: by another process, or by a
/// scan imported on the board.
fn refresh_statuses(app: &mut App, workspace: &Workspace) {
    if let Ok(records) = workspace.records() {
        app.update(Msg::Refreshed(records));
    }
    app.update(Msg::DeskStages(desk_stages(workspace)));
}

/// Saves a confirmed box ([`Effect::SaveField`]): as the App's lifecycle decided it
/// when it did (see [`crate::lifecycle::Decided`]), with the resume point it moves on
/// to in the same transaction when one is given.
fn save_box(
    workspace: &mut Workspace,
    operator: &str,
    effect: Effect,
    resume: Option<&crate::storage::ResumePoint>,
) -> Option<Msg> {
    let Effect::SaveField {
        station,
        field,
        value,
        decided,
    } = effect
    else {
        return execute(workspace, operator, effect);
    };
    let saved = match decided {
        Some(decided) => workspace
            .apply_decided(*decided, resume, operator)
            .map(|d| d.record),
        None => workspace.save_field(station, field, value, operator),
    };
    Some(match saved {
        Ok(record) => Msg::Saved(record),
        Err(e) => not_saved(workspace, Unsaved::Field(field, value), e),
    })
}

/// A box (the note, the yes/no answer) the workspace did not save, and why. When
/// the reason is that the workspace cannot be written (its folder or stick became
/// write-protected while the window was open: [`StorageError::ReadOnly`]), the
/// window goes on as one opened on a write-protected folder: it reopens the
/// workspace for reading only, and [`carry_out`] shows the read-only notice.
fn not_saved(workspace: &mut Workspace, what: Unsaved, e: StorageError) -> Msg {
    if e.is_read_only()
        && !workspace.is_read_only()
        && let Ok(read_only) = Workspace::open_read_only(workspace.dir())
    {
        *workspace = read_only;
    }
    Msg::NotSaved {
        what,
        reason: e.to_string(),
    }
}

/// Carries out a step of the desk: the station's desk as stored afterwards (with the
/// record code phoned for it), or why the step was refused.
fn desk_step(workspace: &mut Workspace, effect: DeskEffect) -> DeskMsg {
    let station = match &effect {
        DeskEffect::Load { station }
        | DeskEffect::Start { station, .. }
        | DeskEffect::SaveBox { station, .. }
        | DeskEffect::Finish { station, .. }
        | DeskEffect::Keep { station, .. }
        | DeskEffect::Discard { station, .. } => *station,
    };
    let done = match effect {
        DeskEffect::Load { station } => workspace.desk(station),
        DeskEffect::Start { station, operator } => workspace
            .start_entry(station, Source::Paper, None, &operator)
            .map(|(desk, _)| desk),
        DeskEffect::SaveBox {
            station,
            number,
            target,
            value,
            operator,
        } => workspace.save_entry_box(station, number, target, value, &operator),
        DeskEffect::Finish {
            station,
            number,
            operator,
        } => workspace.finish_entry(station, number, &operator),
        DeskEffect::Keep {
            station,
            number,
            operator,
        } => workspace.keep_entry(station, number, &operator),
        DeskEffect::Discard {
            station,
            number,
            operator,
        } => workspace.discard_entry(station, number, &operator),
    };
    let expected = workspace
        .phone_checks()
        .ok()
        .and_then(|checks| checks.into_iter().find(|c| c.station == station))
        .filter(|c| c.check.verified)
        .map(|c| c.check.expected)
        .unwrap_or_default();
    match done {
        Ok(desk) => DeskMsg::Loaded { desk, expected },
        Err(e) => DeskMsg::Failed(e.to_string()),
    }
}

/// Carries out one effect on the workspace; the answer goes back to the App.
pub fn execute(workspace: &mut Workspace, operator: &str, effect: Effect) -> Option<Msg> {
    let failed = |e: crate::storage::StorageError| Some(Msg::StorageFailed(e.to_string()));
    // A station at the desk (an entry typed, or its own record imported) opens at the
    // desk, never in the counting steps: there the paper's own figures are shown. A
    // finalised record still opens its Done screen (read aloud, annex).
    if let Effect::OpenStation(station) = effect
        && workspace
            .desk(station)
            .is_ok_and(|d| d.stage() != crate::desk::Stage::NoEntry)
        && !workspace
            .record(station)
            .is_ok_and(|r| r.is_some_and(|r| r.lifecycle.state == RecordState::Finalised))
    {
        return Some(Msg::Desk(DeskMsg::Open(station)));
    }
    match effect {
        // A window that only reads: a station without a count shows an empty form,
        // and where the cursor was is not written.
        Effect::OpenStation(station) if !workspace.can_write() => match workspace.record(station) {
            Ok(Some(record)) => Some(Msg::Opened(record)),
            Ok(None) => Some(Msg::Opened(CountRecord::empty(
                workspace.election(),
                station,
                EntryMode::Counting,
            ))),
            Err(e) => failed(e),
        },
        Effect::SetResume(_) if !workspace.can_write() => None,
        Effect::AcceptBrokenChain => match workspace.accept_broken_chain(operator) {
            Ok(()) => Some(Msg::ChainAccepted),
            Err(e) => failed(e),
        },
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
        effect @ Effect::SaveField { .. } => save_box(workspace, operator, effect, None),
        Effect::SaveMark { station, mark, on } => {
            match workspace.save_mark(station, mark, on, operator) {
                Ok(record) => Some(Msg::Saved(record)),
                Err(e) => Some(not_saved(workspace, Unsaved::Mark(mark), e)),
            }
        }
        Effect::SaveNote { station, note } => match workspace.save_note(station, &note, operator) {
            Ok(record) => Some(Msg::Saved(record)),
            Err(e) => Some(not_saved(workspace, Unsaved::Note(note), e)),
        },
        Effect::SetResume(point) => workspace.set_resume_point(&point).err().and_then(failed),
        // A warning acknowledged (or taken back) is a step of the record's lifecycle.
        Effect::LogEvent {
            station,
            event: AuditEvent::WarningAcknowledged { code },
        } => workspace
            .acknowledge(station, &code, true, operator)
            .err()
            .and_then(failed),
        Effect::LogEvent {
            station,
            event: AuditEvent::AcknowledgementWithdrawn { code },
        } => workspace
            .acknowledge(station, &code, false, operator)
            .err()
            .and_then(failed),
        Effect::LogEvent { station, event } => workspace
            .log_event(Some(station), &event, operator)
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
                Err(e) => Some(Msg::StorageFailed(e.to_string())),
            }
        }
        Effect::Desk(effect) => Some(Msg::Desk(desk_step(workspace, effect))),
        Effect::Board(request) => Some(Msg::Board(super::board::runtime::carry_out(
            workspace, operator, request,
        ))),
        Effect::LoadPhoneOverview => match workspace.phone_overview() {
            Ok(overview) => Some(Msg::PhoneOverview(overview)),
            Err(e) => failed(e),
        },
        Effect::RecordPhoneCheck { station, check } => {
            match workspace
                .record_phone_check(station, &check, operator)
                .and_then(|_| workspace.phone_overview())
            {
                Ok(overview) => Some(Msg::PhoneOverview(overview)),
                Err(e) => failed(e),
            }
        }
    }
}

/// The warnings acknowledged for the station's current draft, read back from the
/// typed audit events, so that a restart does not ask for them again.
fn acknowledged_so_far(workspace: &Workspace, station: u32) -> Vec<String> {
    workspace.acknowledged_warnings(station).unwrap_or_default()
}
