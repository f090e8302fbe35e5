//! Drawing the interface into memory for the snapshot tests: what the operator sees,
//! character for character, without a terminal.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use telraam::tui::{App, view};

/// The screen at the smallest size telraam supports, 80×24.
pub fn render(app: &App) -> String {
    render_at(app, 80, 24)
}

/// The screen at `width`×`height`.
pub fn render_at(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| view(frame, app))
        .expect("draw into memory");
    terminal.backend().to_string()
}
