//! A random-key soak of the whole interface: 20 000 seeded keys over every screen,
//! through `update`, the real workspace (SQLite in a temp dir) and a drawn 80×24
//! TestBackend, restarting the interface as a crash would now and then. Nothing may
//! panic, every saved record must be readable and read back the same, and the audit
//! chain must verify. Bounded and seeded: the same keys every run.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use telraam::election::Election;
use telraam::settings::Language;
use telraam::storage::Workspace;
use telraam::tui::runtime::carry_out;
use telraam::tui::{App, DoneAction, Msg};

const KEYS: usize = 20_000;
/// A fresh interface on the same workspace every so many keys (as after a crash).
const RESTART_EVERY: usize = 2_500;

/// xorshift64*: a small seeded generator, the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A key as the keyboard map makes it, weighted towards what an operator types most:
/// digits and Enter. The annex (PDF) action is left out to keep the run short; the
/// annex has its own tests.
fn key(rng: &mut Rng) -> Msg {
    match rng.below(100) {
        0..=39 => Msg::Char(char::from(b'0' + rng.below(10) as u8)),
        40..=54 => Msg::Confirm,
        55..=59 => Msg::Next,
        60..=62 => Msg::Prev,
        63..=66 => Msg::NextStep,
        67..=68 => Msg::PrevStep,
        69..=70 => Msg::Erase,
        71 => Msg::Clear,
        72..=75 => Msg::Toggle,
        76..=79 => Msg::Back,
        80 => Msg::Help,
        81 => Msg::Quit,
        82 => Msg::PhoneCheck,
        83..=84 => Msg::Done(DoneAction::Correct),
        85 => Msg::Done(DoneAction::ReadAloud),
        86 => Msg::Done(DoneAction::Stations),
        _ => {
            let letters = b"jnyqvcJNx -";
            Msg::Char(char::from(
                letters[rng.below(letters.len() as u64) as usize],
            ))
        }
    }
}

fn start(ws: &mut Workspace, language: Language) -> App {
    let records = ws.records().expect("records readable");
    let resume = ws.resume_point().expect("resume point");
    let mut app = App::new(ws.election().clone(), language, &records, resume);
    let effects = app.start();
    carry_out(&mut app, ws, "soak", effects);
    app
}

#[test]
fn twenty_thousand_random_keys_leave_a_readable_workspace_and_an_intact_audit_log() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("workspace");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut rng = Rng(0x7e1_2aa3_2026);
    let mut language = Language::Dutch;
    let mut app = start(&mut ws, language);
    let mut screens = std::collections::BTreeSet::new();
    for n in 0..KEYS {
        if app.quit || n % RESTART_EVERY == RESTART_EVERY - 1 {
            language = if language == Language::Dutch {
                Language::English
            } else {
                Language::Dutch
            };
            app = start(&mut ws, language);
        }
        let effects = app.update(key(&mut rng));
        carry_out(&mut app, &mut ws, "soak", effects);
        screens.insert(
            format!("{:?}", app.screen)
                .chars()
                .take(12)
                .collect::<String>(),
        );
        terminal
            .draw(|frame| telraam::tui::view(frame, &app))
            .expect("drawn");
    }

    let election = Election::demo();
    let records = ws.records().expect("every station readable");
    assert!(!records.is_empty(), "the keys saved something");
    for record in &records {
        for version in ws.versions(record.station).expect("every version readable") {
            telraam::fuzzing::accepted_record(&election, &version);
        }
    }
    ws.verify_audit().expect("the audit chain verifies");
    assert!(
        screens.len() >= 4,
        "the keys reached several screens: {screens:?}"
    );
}
