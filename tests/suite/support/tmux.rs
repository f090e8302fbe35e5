//! The real `telraam` binary in a tmux terminal of 80x24, for the end-to-end tests.
//! Shared by every tmux test of the suite (`support::tmux`); not every test uses every
//! helper. Tests never sleep a fixed time: they wait for what the screen must show.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// How long a wait may take before the test fails: generous, because a loaded CI
/// machine (several test binaries, two cores) can stall the program for seconds.
/// A wait returns as soon as its screen is there; only a failing test waits this long.
const DEADLINE_SECONDS: u64 = 60;

/// Pause between two captures of the screen.
const POLL: Duration = Duration::from_millis(40);

/// Captures in a row that must be identical before a screen counts as fully drawn.
const STEADY_POLLS: u32 = 3;

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

    /// Waits until the screen shows `text`, fully drawn (see [`Tmux::wait_for_all`]).
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_for_all(&[text])
    }

    /// As [`Tmux::wait_for`], with a deadline of `seconds` (for slow steps).
    pub fn wait_for_within(&self, text: &str, seconds: u64) -> String {
        self.settled(&[text], Duration::from_secs(seconds.max(DEADLINE_SECONDS)))
    }

    /// Waits until the screen shows every one of `texts` and has stopped changing;
    /// panics with the screen after a generous deadline.
    pub fn wait_for_all(&self, texts: &[&str]) -> String {
        self.settled(texts, Duration::from_secs(DEADLINE_SECONDS))
    }

    /// The screen once it shows all `texts` and is the same over [`STEADY_POLLS`]
    /// captures in a row. The program writes a frame in several chunks, and a loaded
    /// machine can capture between two of them: a text being present says the frame
    /// has begun, not that it is whole. Tests read other things off the returned
    /// screen, so it must be the whole frame.
    fn settled(&self, texts: &[&str], deadline: Duration) -> String {
        let start = Instant::now();
        let mut last = String::new();
        let mut same = 0;
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                same = if screen == last { same + 1 } else { 1 };
                if same >= STEADY_POLLS {
                    return screen;
                }
            } else {
                same = 0;
            }
            if start.elapsed() > deadline {
                panic!(
                    "waited {}s for {texts:?}; the screen shows:\n{screen}",
                    deadline.as_secs()
                );
            }
            last = screen;
            sleep(POLL);
        }
    }

    /// Waits until the program in the session has ended; panics after the deadline.
    pub fn wait_gone(&self) {
        let start = Instant::now();
        while self.alive() {
            assert!(
                start.elapsed() < Duration::from_secs(DEADLINE_SECONDS),
                "the program still runs after {DEADLINE_SECONDS}s:\n{}",
                self.screen()
            );
            sleep(POLL);
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
