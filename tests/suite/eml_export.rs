//! A 510b written by `export-eml` for a municipal (GR) and a Tweede Kamer count:
//! it names the contest of its 230b, re-imports into a fresh workspace with every
//! figure equal, and the Kiesraad's own converter (eml2csv, `../shared/tools`) reads
//! it into the very CSV that `export-csv` writes. Figures of the municipality that are
//! no sum of stations (issue 15, defect 10) travel through both exports.

use crate::support::cli::telraam;
use crate::support::eml::{
    assert_valid_510b, data, import_counts, ok, s, tk_230b, tk_510b, wmw_230b, wmw_510b, wmw_csv,
};
use std::path::{Path, PathBuf};
use std::process::Command;
use telraam::aggregate::aggregate;
use telraam::election::Contest;
use telraam::storage::Workspace;

/// Imports `counts` with `candidates` into the workspace `ws`.
fn import(home: &Path, ws: &Path, counts: &str, candidates: &str) {
    ok(&import_counts(home, ws, counts, candidates, None));
}

/// `export-eml` and `export-csv` of a workspace: (510b path, CSV bytes).
fn exports(home: &Path, ws: &Path, name: &str) -> (PathBuf, Vec<u8>) {
    let xml = home.join(format!("{name}.eml.xml"));
    let csv = home.join(format!("{name}.csv"));
    ok(&telraam(
        home,
        &["--data", s(ws), "export-eml", "-o", s(&xml)],
    ));
    ok(&telraam(
        home,
        &["--data", s(ws), "export-csv", "-o", s(&csv)],
    ));
    (xml, std::fs::read(&csv).expect("csv"))
}

/// Every figure of two workspaces is equal: the election, every record, the added-up
/// totals figure by figure, and the 510b's own totals.
fn same_figures(first: &Path, second: &Path) {
    let a = Workspace::open(first).expect("first");
    let b = Workspace::open(second).expect("second");
    assert_eq!(a.election(), b.election());
    let (ra, rb) = (a.records().expect("records"), b.records().expect("records"));
    assert_eq!(ra.len(), rb.len());
    for (x, y) in ra.iter().zip(&rb) {
        assert_eq!(x, y, "station {} differs after the round trip", x.station);
    }
    let (ta, tb) = (aggregate(a.election(), &ra), aggregate(b.election(), &rb));
    for (x, y) in ta
        .entries(a.election())
        .iter()
        .zip(tb.entries(b.election()))
    {
        assert_eq!(x, &y, "figure {} differs", x.key);
    }
    let stored = |dir: &Path| {
        assert!(
            !dir.join("eml-510b-totals.toml").exists(),
            "the totals live in the workspace database, under the audit chain"
        );
        telraam::storage::Workspace::open_read_only(dir)
            .expect("workspace")
            .totals_510b()
            .expect("readable")
            .expect("stored")
            .totals
    };
    assert_eq!(stored(first), stored(second));
}

/// The Kiesraad's converter on `counts` and `candidates`, or `None` (with a message)
/// when `../shared/tools` is not there.
fn eml2csv(home: &Path, counts: &Path, candidates: &str) -> Option<Vec<u8>> {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/eml2csv.sh");
    if !tool.exists() {
        eprintln!(
            "SKIPPED: the Kiesraad's eml2csv is not at {} (../shared is absent)",
            tool.display()
        );
        return None;
    }
    let out_csv = home.join("eml2csv.csv");
    let out = Command::new("bash")
        .arg(&tool)
        .args([s(counts), candidates, "--output", s(&out_csv)])
        .output()
        .expect("eml2csv runs");
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        if err.contains("pip") || err.contains("venv") || err.contains("No module") {
            eprintln!("SKIPPED: eml2csv cannot install its Python dependencies: {err}");
            return None;
        }
        panic!("eml2csv refused {}: {err}", counts.display());
    }
    Some(std::fs::read(&out_csv).expect("eml2csv output"))
}

#[test]
fn gr_export_reimports_equal_and_eml2csv_reads_it_as_export_csv_and_the_official_file() {
    let home = tempfile::tempdir().expect("temp dir");
    let (ws, ws2) = (home.path().join("ws"), home.path().join("ws2"));
    import(home.path(), &ws, &wmw_510b(), &wmw_230b());
    let (xml, csv) = exports(home.path(), &ws, "wmw");
    let text = std::fs::read_to_string(&xml).expect("510b");
    assert!(text.contains("<ContestIdentifier Id=\"geen\">"), "contest");
    import(home.path(), &ws2, s(&xml), &wmw_230b());
    same_figures(&ws, &ws2);
    assert!(csv == std::fs::read(wmw_csv()).expect("official"));
    if let Some(theirs) = eml2csv(home.path(), &xml, &wmw_230b()) {
        assert!(theirs == csv, "eml2csv reads our 510b differently");
    }
}

#[test]
fn tk_count_of_24_lists_with_a_gap_and_kiezerspassen_survives_export_and_reimport() {
    let home = tempfile::tempdir().expect("temp dir");
    let (ws, ws2) = (home.path().join("ws"), home.path().join("ws2"));
    import(home.path(), &ws, &tk_510b(), &tk_230b());
    {
        let w = Workspace::open(&ws).expect("ws");
        let e = w.election();
        assert_eq!(
            e.contest,
            Some(Contest {
                id: "6".into(),
                name: "Nijmegen".into()
            })
        );
        let numbers: Vec<u32> = e.lists.iter().map(|l| l.number).collect();
        assert_eq!(numbers.len(), 24);
        assert_eq!(numbers.last(), Some(&26), "list 26 after 23: {numbers:?}");
        assert!(e.voter_cards_apply());
        let records = w.records().expect("records");
        assert!(
            records
                .iter()
                .all(|r| r.voters.voter_cards.unwrap_or(0) > 0)
        );
    }
    let out = ok(&telraam(home.path(), &["--data", s(&ws), "aggregate"]));
    assert!(out.contains("in elk getal"), "{out}");

    let (xml, csv) = exports(home.path(), &ws, "tk");
    let text = std::fs::read_to_string(&xml).expect("510b");
    assert!(
        text.contains("<ContestIdentifier Id=\"6\"><ContestName>Nijmegen</ContestName>"),
        "the export names kieskring 6"
    );
    assert!(!text.contains("Id=\"geen\""));
    assert_valid_510b(&xml);
    import(home.path(), &ws2, s(&xml), &tk_230b());
    same_figures(&ws, &ws2);
    let (_, csv2) = exports(home.path(), &ws2, "tk2");
    assert!(csv == csv2, "the CSV changed in the round trip");

    // Two candidates named "Jansen, P." (list 2 no. 4, list 26 no. 2) keep their own votes.
    let csv_text = String::from_utf8(csv.clone()).expect("utf-8");
    let jansen: Vec<&str> = csv_text
        .lines()
        .filter(|l| l.contains("\"Jansen, P.\""))
        .collect();
    assert_eq!(jansen.len(), 2, "{jansen:?}");
    let w = Workspace::open(&ws).expect("ws");
    let totals = aggregate(w.election(), &w.records().expect("records"));
    let votes = |list: u32, cand: u32| {
        totals
            .lists
            .iter()
            .find(|l| l.list == list)
            .and_then(|l| l.candidates.iter().find(|c| c.0 == cand))
            .map(|c| c.1)
            .expect("candidate")
    };
    assert!(jansen[0].contains(&format!("\"{}\"", votes(2, 4))));
    assert!(jansen[1].contains(&format!("\"{}\"", votes(26, 2))));
    assert_ne!(
        votes(2, 4),
        votes(26, 2),
        "the fixture gives them different votes"
    );

    if let Some(theirs) = eml2csv(home.path(), &xml, &tk_230b()) {
        assert!(
            theirs == csv,
            "eml2csv reads our 510b differently:\n{}\n---\n{}",
            String::from_utf8_lossy(&theirs),
            csv_text
        );
    }
}

/// West Maas en Waal's 510b with every station's `Cast` 0: only the municipality's
/// total (16 202) says how many were called to vote.
fn wmw_with_municipal_cast_only(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(wmw_510b()).expect("510b");
    let first_unit = text.find("<ReportingUnitVotes>").expect("stations");
    let (totals, units) = text.split_at(first_unit);
    let mut zeroed = String::with_capacity(units.len());
    let mut rest = units;
    while let Some(start) = rest.find("<Cast>") {
        let end = start + rest[start..].find("</Cast>").expect("end");
        zeroed.push_str(&rest[..start]);
        zeroed.push_str("<Cast>0");
        rest = &rest[end..];
    }
    zeroed.push_str(rest);
    let units = zeroed;
    let path = dir.join("wmw-municipal-cast.eml.xml");
    std::fs::write(&path, format!("{totals}{units}")).expect("write");
    path
}

#[test]
fn a_municipal_figure_no_station_has_is_no_difference_and_both_exports_carry_it() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = wmw_with_municipal_cast_only(home.path());
    let text = std::fs::read_to_string(&file).expect("file");
    assert_eq!(text.matches("<Cast>16202</Cast>").count(), 1);
    assert_eq!(text.matches("<Cast>0</Cast>").count(), 21);
    let ws = home.path().join("ws");
    import(home.path(), &ws, s(&file), &wmw_230b());
    // aggregate: the municipal figure is shown, and not as a difference.
    let out = telraam(home.path(), &["--data", s(&ws), "aggregate"]);
    let printed = ok(&out);
    assert!(printed.contains("in elk getal"), "{printed}");
    assert!(printed.contains("16202"), "{printed}");
    // export-csv: the total column holds 16 202, the stations 0.
    let (xml, csv) = exports(home.path(), &ws, "cast");
    let csv_text = String::from_utf8(csv.clone()).expect("utf-8");
    let called = csv_text
        .lines()
        .find(|l| l.starts_with(";\"opgeroepenen\""))
        .expect("opgeroepenen");
    assert!(
        called.starts_with(";\"opgeroepenen\";;;\"16202\";\"0\";"),
        "{called}"
    );
    // export-eml: TotalVotes carries 16 202, each station 0; re-imported, the same.
    let ours = std::fs::read_to_string(&xml).expect("510b");
    assert_eq!(ours.matches("<Cast>16202</Cast>").count(), 1);
    let ws2 = home.path().join("ws2");
    import(home.path(), &ws2, s(&xml), &wmw_230b());
    same_figures(&ws, &ws2);
    if let Some(theirs) = eml2csv(home.path(), &file, &wmw_230b()) {
        assert!(theirs == csv, "export-csv differs from eml2csv of the file");
    }
}

/// The form from 2026 has no boxes K..O, but the Kiesraad's 510b carries them for
/// every station (as 0): without them eml2csv reads a station into a shorter row
/// than the OSV 4-3 CSV has. The demo election (Juinen) uses that form.
#[test]
fn a_count_on_the_2026_form_exports_k_to_o_as_zero_so_eml2csv_reads_it_as_export_csv() {
    let home = tempfile::tempdir().expect("tempdir");
    let ws = home.path().join("ws");
    let samples = format!("{}/samples/juinen", env!("CARGO_MANIFEST_DIR"));
    ok(&telraam(
        home.path(),
        &[
            "--data",
            s(&ws),
            "init",
            "--election",
            &format!("{samples}/election.toml"),
        ],
    ));
    ok(&telraam(
        home.path(),
        &[
            "--data",
            s(&ws),
            "import",
            &format!("{samples}/station-1.toml"),
        ],
    ));
    // The station's own file is one entry of the desk's double entry: a typed entry
    // of the paper that agrees with it makes it accepted, and only then is it exported.
    {
        let mut w = telraam::storage::Workspace::open(&ws).expect("workspace");
        let record = w.record(1).expect("record").expect("station 1");
        let source = telraam::desk::Source::Paper;
        let (_, n) = w.start_entry(1, source, None, "Bram").expect("entry");
        for t in telraam::desk::paper_boxes(w.election()) {
            let v = telraam::desk::value(&record, t);
            w.save_entry_box(1, n, t, v, "Bram").expect("box");
        }
        w.finish_entry(1, n, "Bram").expect("accepted");
    }
    let (xml, csv) = exports(home.path(), &ws, "juinen");
    let written = std::fs::read_to_string(&xml).expect("510b");
    let station = &written[written.find("<ReportingUnitVotes>").expect("a station")..];
    for reason in [
        "meegenomen stembiljetten",
        "geen verklaring",
        "andere verklaring",
    ] {
        assert!(
            station.contains(&format!("<UncountedVotes ReasonCode=\"{reason}\">0<")),
            "the station carries {reason} as 0"
        );
    }
    let candidates = data("juinen/eml230b_kandidatenlijsten-juinen.eml.xml");
    if let Some(theirs) = eml2csv(home.path(), &xml, &candidates) {
        assert!(
            theirs == csv,
            "eml2csv reads our 510b differently:\n{}\n---\n{}",
            String::from_utf8_lossy(&theirs),
            String::from_utf8_lossy(&csv)
        );
    }
}
