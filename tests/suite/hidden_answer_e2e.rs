//! Issue 10's hidden answer, as the operator meets it (tmux, the real binary):
//! G = 6 makes H = 501 against D = 500, "fully explained?" is answered no, G goes
//! back to 5 so D = H. Afterwards the Vaststellen screen, the annex (`telraam
//! annex`), the code and `telraam export` carry no answer.

use crate::support::tmux::{self, BIN, Tmux};
use std::path::Path;
use std::process::Command;

fn telraam(data: &Path, config: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("--data")
        .arg(data)
        .arg("--config")
        .arg(config)
        .args(args)
        .output()
        .expect("telraam runs");
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn after_d_equals_h_no_screen_file_or_code_keeps_the_answer() {
    if !tmux::available() {
        eprintln!("SKIPPED hidden_answer_e2e: tmux is not installed (scripts/test.sh installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("workspace");
    let config = dir.path().join("telraam.toml");
    std::fs::write(&config, "language = \"nl\"\noperator = \"e2e\"\n").expect("config");
    let tmux = Tmux::new(format!("telraam-hidden-{}", std::process::id()), "count");
    tmux.start(&data, &config);
    tmux.wait_for("Kies het stembureau");
    tmux.keys(&["1", "Enter"]);
    tmux.wait_for("A  stempassen");
    // A = 500, B = 0, Enter on D; lists 490, 0, 0, 0; F = 5, G = 6: H = 501.
    for figure in ["500", "0", "", "490", "0", "0", "0", "5", "6"] {
        if !figure.is_empty() {
            tmux.keys(&[figure]);
        }
        tmux.keys(&["Enter"]);
    }
    tmux.wait_for("H is 1 meer dan D (I = 1)");
    tmux.wait_for("> ontvangen stembiljetten");
    tmux.keys(&["Enter", "Enter", "Enter"]);
    tmux.wait_for("> Verschil volledig verklaard?");
    tmux.keys(&["n"]);
    tmux.wait_for("[X] nee");
    // Back to G on the votes step, and G = 5: D = H.
    tmux.keys(&["F4"]);
    tmux.wait_for("[F4 Stemmen]");
    for _ in 0..5 {
        tmux.keys(&["Down"]);
    }
    tmux.wait_for("> G  ongeldige stemmen");
    tmux.keys(&["Delete", "5", "Enter"]);
    tmux.wait_for("D 500 | H 500 | D = H");
    // Vaststellen (leaving a candidate list that does not add up asks first): the
    // D/H box, and no question any more.
    tmux.keys(&["F8"]);
    tmux.wait_for("Toch verder?");
    tmux.keys(&["j"]);
    tmux.keys(&["F8"]);
    let screen = tmux.wait_for("3. Verschil tussen D en H");
    assert!(!screen.contains("verklaard"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for("Wilt u stoppen?");
    tmux.keys(&["j"]);
    tmux.wait_gone();

    // export: no answer in the result file.
    let file = dir.path().join("s1.toml");
    telraam(
        &data,
        &config,
        &[
            "export",
            "--station",
            "1",
            "-o",
            file.to_str().expect("utf-8"),
        ],
    );
    let text = std::fs::read_to_string(&file).expect("exported");
    assert!(!text.contains("explained"), "{text}");
    assert!(text.contains("d_equals_h = true"), "{text}");

    // The code: the same as the file without ever an answer (explained.no=0).
    let code = telraam(&data, &config, &["code", file.to_str().expect("utf-8")]);
    let mut never = text.clone();
    never.push('\n');
    let never_file = dir.path().join("never.toml");
    std::fs::write(&never_file, &never).expect("write");
    let never_code = telraam(
        &data,
        &config,
        &["code", never_file.to_str().expect("utf-8")],
    );
    let record_line = |out: &str| {
        out.lines()
            .find(|l| l.starts_with("Controlecode"))
            .map(str::to_string)
    };
    assert_eq!(record_line(&code), record_line(&never_code));
    assert!(record_line(&code).is_some(), "{code}");

    // The annex: no question, no answer.
    let pdf = dir.path().join("bijlage.pdf");
    telraam(
        &data,
        &config,
        &[
            "annex",
            "--station",
            "1",
            "-o",
            pdf.to_str().expect("utf-8"),
        ],
    );
    let bytes = std::fs::read(&pdf).expect("annex written");
    let annex = pdf_extract::extract_text_from_mem(&bytes).expect("annex text");
    assert!(annex.contains("Verschil tussen D en H"), "{annex}");
    assert!(!annex.contains("verklaard"), "{annex}");
}
