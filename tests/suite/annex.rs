//! The printed annex as its readers meet it: the text in the PDF, the QR code
//! scanned back, and a Tweede Kamer sized station that must not run off the page.

use crate::fixtures::annex as fixtures;

use fixtures::{demo_record, large_election_on, large_record, large_votes};
use telraam::annex::fonts::{Fonts, Measure};
use telraam::annex::layout::{self, Item, Page};
use telraam::annex::{self, AnnexInput};
use telraam::election::Election;
use telraam::form::Generation;
use telraam::record::{Field, RecordState};
use telraam::result_file;

fn pdf_pages_text(input: &AnnexInput) -> Vec<String> {
    let bytes = annex::render(input).expect("annex renders");
    assert!(bytes.starts_with(b"%PDF"));
    pdf_extract::extract_text_from_mem_by_pages(&bytes).expect("PDF text extracts")
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// Draws each QR code of the laid-out pages, at its printed size, into a greyscale
/// image of its own and scans it, as a hand scanner aimed at one code does. (A
/// whole page in one image lets the decoder pair finder patterns of neighbouring
/// codes, which no scanner aimed at one code does.)
fn scan_qr_codes(pages: &[Page]) -> Vec<String> {
    const PX_PER_MM: f32 = 8.0;
    let mut scanned = Vec::new();
    for page in pages {
        for item in &page.items {
            let Item::Qr {
                size,
                width: modules_wide,
                modules,
                ..
            } = item
            else {
                continue;
            };
            // The code's own square (its quiet zone of four modules included).
            let side = (size * PX_PER_MM).ceil() as usize + 1;
            let mut pixels = vec![255u8; side * side];
            let module = size / (modules_wide + 8) as f32;
            for (i, dark) in modules.iter().enumerate() {
                if !dark {
                    continue;
                }
                let mx = (i % modules_wide + 4) as f32 * module;
                let my = (i / modules_wide + 4) as f32 * module;
                let (x0, y0) = (
                    (mx * PX_PER_MM).round() as usize,
                    (my * PX_PER_MM).round() as usize,
                );
                let (x1, y1) = (
                    ((mx + module) * PX_PER_MM).round() as usize,
                    ((my + module) * PX_PER_MM).round() as usize,
                );
                for row in y0..y1.min(side) {
                    pixels[row * side + x0..row * side + x1.min(side)].fill(0);
                }
            }
            let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
                pixels[y * side + x]
            });
            for grid in image.detect_grids() {
                let (_, text) = grid.decode().expect("QR code decodes");
                scanned.push(text);
            }
        }
    }
    scanned
}

#[test]
fn the_demo_annex_shows_every_figure_every_list_and_the_code() {
    let election = Election::demo();
    let record = demo_record(&election);
    let input = AnnexInput::new(&election, &record, "");
    let pages = pdf_pages_text(&input);
    let text = pages.join("\n");
    let found = words(&text);

    for field in [
        Field::PollCards,
        Field::ProxyCertificates,
        Field::TotalAdmitted,
        Field::TotalOnLists,
        Field::Blank,
        Field::Invalid,
        Field::TotalCast,
    ] {
        let value = record.get(field).expect("filled in").to_string();
        assert!(
            found.contains(&value.as_str()),
            "{field} = {value} not found"
        );
    }
    let difference = record
        .differences
        .more_ballots
        .or(record.differences.fewer_ballots);
    let difference = difference.expect("the demo has a difference").to_string();
    assert!(
        found.contains(&difference.as_str()),
        "I or J = {difference}"
    );
    for list in &election.lists {
        assert!(text.contains(&list.name), "list {} not found", list.name);
        let total = record.list_total(list.number).unwrap().to_string();
        assert!(
            found.contains(&total.as_str()),
            "E.{} = {total}",
            list.number
        );
        for c in &list.candidates {
            assert!(text.contains(&c.last_name), "{}", c.last_name);
        }
    }
    // Every candidate's votes: the numbers the demo gives are found as words.
    for cl in &record.candidate_votes {
        for (_, votes) in &cl.votes {
            let v = votes.unwrap().to_string();
            assert!(found.contains(&v.as_str()), "candidate votes {v}");
        }
    }
    for group in &input.codes.record {
        assert!(text.contains(group.as_str()), "code group {group}");
    }
    if !input.fingerprint.is_empty() {
        assert!(
            text.contains(input.fingerprint.as_str()) || {
                // Wrapped over two lines: every group is still there.
                input.fingerprint.split(' ').all(|g| found.contains(&g))
            }
        );
    }
    // Dutch text with diacritics survives the embedded font.
    assert!(text.contains("Méér getelde stembiljetten"), "{text}");
    assert!(text.contains("W.203"), "acknowledged warning listed");
    assert!(text.contains("Voorzitter") && text.contains("handtekening"));
    assert!(
        !text.contains("CONCEPT"),
        "a finalised record is no concept"
    );
    let total = pages.len();
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("pagina {} van {total}", i + 1)),
            "footer of page {}",
            i + 1
        );
        assert!(page.contains("Stembureau 1 Studio The Rules"));
    }
}

#[test]
fn a_draft_says_concept_on_every_page_and_a_corrigendum_its_number_and_reason() {
    let election = Election::demo();
    let mut record = demo_record(&election);
    record.lifecycle.state = RecordState::Draft;
    record.lifecycle.version = 2;
    record.lifecycle.correction_reason = "Hertelling na bezwaar".into();
    let input = AnnexInput::new(&election, &record, "");
    let pages = pdf_pages_text(&input);
    assert!(pages.iter().all(|p| p.contains("CONCEPT")));
    let first = &pages[0];
    assert!(first.contains("corrigendum 1 (versie 2)"), "{first}");
    assert!(first.contains("Hertelling na bezwaar"));
}

#[test]
fn the_qr_code_scans_back_to_the_same_record() {
    let election = Election::demo();
    let record = demo_record(&election);
    let input = AnnexInput::new(&election, &record, "");
    let scanned = scan_qr_codes(&annex::pages(&input).unwrap());
    let parts = annex::qr::part_texts(&input.result_file).len();
    assert_eq!(scanned.len(), parts, "every QR code on the page scans");
    let file = annex::qr::join(&scanned).unwrap();
    let back = result_file::from_toml("qr", &file, &election).expect("a valid result file");
    assert_eq!(back, record);
}

#[test]
fn a_tweede_kamer_station_fits_the_pages_and_scans_back_whole() {
    // Both generations of the form: the older one's record fills other boxes, so its
    // QR codes differ.
    for generation in [Generation::Before2026, Generation::From2026] {
        tweede_kamer_station(&large_election_on(generation));
    }
}

fn tweede_kamer_station(on: &Election) {
    let election = on.clone();
    let record = large_record(&election);
    let input = AnnexInput::new(&election, &record, "");
    let laid_out = annex::pages(&input).unwrap();

    // 25 lists × (80 rows + header + total) in two columns of about 58 rows: 18
    // pages of candidates, two of figures, the QR codes and the signatures.
    let count = laid_out.len();
    assert!((20..=28).contains(&count), "{count} pages");

    // Nothing outside the printable area: every text starts and ends inside the
    // margins, and only the footer is below the body.
    let fonts = Fonts::get().unwrap();
    for (p, page) in laid_out.iter().enumerate() {
        for item in &page.items {
            if let Item::Text {
                x,
                y,
                size,
                style,
                text,
                ..
            } = item
            {
                let right = x + fonts.width_mm(text, *size, *style);
                assert!(*x >= layout::LEFT - 0.01, "page {p}: {text} starts at {x}");
                assert!(
                    right <= layout::RIGHT + 0.01,
                    "page {p}: {text} ends at {right}"
                );
                assert!(*y >= layout::TOP, "page {p}: {text} at y {y}");
                let footer = text.starts_with("pagina ") || text.starts_with("Stembureau 412");
                assert!(footer || *y <= layout::BOTTOM, "page {p}: {text} at y {y}");
            }
        }
    }

    // Every candidate's votes are in the PDF text.
    let pages = pdf_pages_text(&input);
    assert_eq!(pages.len(), count);
    let text = pages.join("\n");
    let found: std::collections::HashSet<&str> = words(&text).into_iter().collect();
    for list in &election.lists {
        assert!(text.contains(&format!("Lijst {} – {}", list.number, list.name)));
        for c in &list.candidates {
            let v = large_votes(list.number, c.number).to_string();
            assert!(
                found.contains(v.as_str()),
                "list {} candidate {}",
                list.number,
                c.number
            );
        }
        let total = record.list_total(list.number).unwrap().to_string();
        assert!(
            found.contains(total.as_str()),
            "total of list {}",
            list.number
        );
    }
    assert!(
        text.contains("(vervolg)"),
        "continued lists repeat their header"
    );
    assert!(pages.iter().all(|p| p.contains("CONCEPT")));

    // The QR codes together hold the whole record.
    let scanned = scan_qr_codes(&laid_out);
    assert!(scanned.len() > 1, "a large record takes several QR codes");
    let file = annex::qr::join(&scanned).expect("every part scanned");
    let back = result_file::from_toml("qr", &file, &election).expect("a valid result file");
    assert_eq!(back, record);
}

#[test]
fn write_puts_the_pdf_in_place_and_leaves_no_temporary_file() {
    let election = Election::demo();
    let record = demo_record(&election);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bijlage.pdf");
    annex::write(&AnnexInput::new(&election, &record, ""), &path).unwrap();
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF"));
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1);
    let missing = dir.path().join("no-such-dir").join("bijlage.pdf");
    let err = annex::write(&AnnexInput::new(&election, &record, ""), &missing).unwrap_err();
    assert!(err.to_string().contains("no-such-dir"), "{err}");
}

fn telraam(args: &[&std::ffi::OsStr], home: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_telraam"))
        .args(args)
        // No settings file, no workspace and no `lp` from the machine running the tests.
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("PATH", home.join("no-bin"))
        .output()
        .expect("telraam runs")
}

#[test]
fn the_command_writes_the_annex_and_survives_a_missing_printer() {
    let election = Election::demo();
    let record = demo_record(&election);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("stembureau-1.toml");
    std::fs::write(&file, result_file::to_toml(&record)).unwrap();
    let pdf = dir.path().join("bijlage.pdf");
    let out = telraam(
        &[
            "annex".as_ref(),
            file.as_os_str(),
            "-o".as_ref(),
            pdf.as_os_str(),
            "--print".as_ref(),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("niet afgedrukt"), "{stderr}");
    assert!(
        stderr.contains("bijlage.pdf"),
        "says where the PDF is: {stderr}"
    );
    let text = pdf_extract::extract_text_from_mem(&std::fs::read(&pdf).unwrap()).unwrap();
    assert!(text.contains("Studio The Rules"));

    // Bad input: exit 2, a message naming the file, and nothing written.
    let bad = dir.path().join("kapot.toml");
    std::fs::write(
        &bad,
        "format = \"telraam-result-1\"\nelection = \"GR2025_Juinen\"\nstation = \"een\"\n",
    )
    .unwrap();
    let nothing = dir.path().join("niets.pdf");
    let out = telraam(
        &[
            "annex".as_ref(),
            bad.as_os_str(),
            "-o".as_ref(),
            nothing.as_os_str(),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("kapot.toml"));
    assert!(!nothing.exists());
}
