//! The real EML files of `tests/data/eml/` and small helpers shared by the EML tests
//! (`eml_cli`, `eml_refused`, `eml_contest`, `eml_export`).

use std::path::Path;
use std::process::Output;

/// A file under `tests/data/eml/`.
pub fn data(path: &str) -> String {
    format!("{}/tests/data/eml/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// The fictional test election Juinen, as the Kiesraad publishes it.
pub fn juinen_110a() -> String {
    data("juinen/eml110a_verkiezingsdefinitie-juinen.eml.xml")
}
pub fn juinen_110b() -> String {
    data("juinen/eml110b_stembureaulijst-juinen.eml.xml")
}
pub fn juinen_230b() -> String {
    data("juinen/eml230b_kandidatenlijsten-juinen.eml.xml")
}

/// The real count of the 2022 municipal election of West Maas en Waal.
pub fn wmw_510b() -> String {
    data("gr2022-west-maas-en-waal/Telling_GR2022_WestMaasenWaal.eml.xml")
}
pub fn wmw_230b() -> String {
    data("gr2022-west-maas-en-waal/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml")
}
/// The official OSV 4-3 CSV of that count.
pub fn wmw_csv() -> String {
    data("gr2022-west-maas-en-waal/osv4-3_telling_gr2022_westmaasenwaal.csv")
}

/// The TK-like set of electoral district 6 (see its `make.py`).
pub fn tk_110a() -> String {
    data("tk-like-kieskring-6/Verkiezingsdefinitie_TK2025_fictief.eml.xml")
}
pub fn tk_230b() -> String {
    data("tk-like-kieskring-6/Kandidatenlijsten_TK2025_Nijmegen_fictief.eml.xml")
}
pub fn tk_510b() -> String {
    data("tk-like-kieskring-6/Telling_TK2025_gemeente_Nijmegen_fictief.eml.xml")
}

/// A path as a command-line argument.
pub fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The standard output of a command that must succeed (else fails, showing both outputs).
pub fn ok(out: &Output) -> String {
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

/// `telraam [--lang LANG] --data WS import-eml --counts COUNTS --candidates CANDIDATES`.
pub fn import_counts(
    home: &Path,
    ws: &Path,
    counts: &str,
    candidates: &str,
    lang: Option<&str>,
) -> Output {
    let mut args = Vec::new();
    if let Some(lang) = lang {
        args.extend(["--lang", lang]);
    }
    args.extend([
        "--data",
        s(ws),
        "import-eml",
        "--counts",
        counts,
        "--candidates",
        candidates,
    ]);
    super::cli::telraam(home, &args)
}

/// Asserts that `xml` is a valid 510b by the Kiesraad's strict XSD, with xmllint;
/// skips (with a message) where xmllint is not installed (`scripts/test.sh` installs it).
pub fn assert_valid_510b(xml: &Path) {
    if std::process::Command::new("xmllint")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("SKIPPED (schema check only): xmllint is not installed");
        return;
    }
    let schema = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/eml-xsd/v1.2.2/510-count-kiesraad-strict.xsd"
    );
    let lint = std::process::Command::new("xmllint")
        .args(["--noout", "--schema", schema, s(xml)])
        .output()
        .expect("xmllint runs");
    assert!(
        lint.status.success(),
        "{}",
        String::from_utf8_lossy(&lint.stderr)
    );
}
