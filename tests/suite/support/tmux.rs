//! The real `telraam` binary in a tmux terminal of 80x24, for the end-to-end tests.
//! Shared by `tests/tui_e2e.rs` and `tests/phone_e2e.rs`, each including it with
//! `#[path]`; not every test uses every helper.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_telraam");

/// Whether tmux is installed; the end-to-end tests skip (and say so) without it.
pub fn available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A tmux server of our own (its own socket), killed when the test ends.
pub struct Tmux {
    socket: String,
    session: &'static str,
}

impl Tmux {
    /// A server on `socket` (unique per test process) that will run one `session`.
    pub fn new(socket: String, session: &'static str) -> Self {
        Tmux { socket, session }
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Starts the binary on the workspace `data` with the settings file `config`.
    pub fn start(&self, data: &Path, config: &Path) {
        let command = format!(
            "exec {BIN} --data {} --config {}",
            data.display(),
            config.display()
        );
        self.run(&[
            "new-session",
            "-d",
            "-s",
            self.session,
            "-x",
            "80",
            "-y",
            "24",
            &command,
        ]);
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", self.session])
    }

    /// Waits until the screen shows `text`; panics with the screen after 15 s.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_for_all(&[text])
    }

    /// Waits up to `seconds` until the screen shows `text`.
    pub fn wait_for_within(&self, text: &str, seconds: u64) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(seconds) {
                panic!("waited for {text:?}; the screen shows:\n{screen}");
            }
            sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen shows every one of `texts`.
    pub fn wait_for_all(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("waited for {texts:?}; the screen shows:\n{screen}");
            }
            sleep(Duration::from_millis(50));
        }
    }

    /// Sends keys as tmux names them ("1", "Enter", "Space", "F2").
    pub fn keys<K: AsRef<str>>(&self, keys: &[K]) {
        let mut args = vec!["send-keys", "-t", self.session];
        args.extend(keys.iter().map(AsRef::as_ref));
        self.run(&args);
    }

    /// Resizes the terminal, as a user dragging the window would.
    pub fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        self.run(&["resize-window", "-t", self.session, "-x", &w, "-y", &h]);
    }

    /// Whether the session (the program in it) still runs.
    pub fn alive(&self) -> bool {
        Command::new("tmux")
            .args(["-L", &self.socket, "has-session", "-t", self.session])
            .output()
            .is_ok_and(|o| o.status.success())
    }

    /// The pid of the program in the pane.
    pub fn pid(&self) -> String {
        self.run(&["display-message", "-p", "-t", self.session, "#{pane_pid}"])
            .trim()
            .to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}
