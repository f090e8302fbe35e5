//! The bounded fuzz run of the normal test command: every parser (result file,
//! election file, each EML_NL reader, the QR parts) on real files with random
//! edits, through the same entry points as the `cargo fuzz` targets in `fuzz/`
//! (`telraam::fuzzing`). None may panic; an accepted result file must read back
//! the same after telraam writes it.

use proptest::prelude::*;
use std::path::Path;
use telraam::election::Election;
use telraam::fuzzing;

fn read(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect("seed file")
}

fn result_seeds() -> Vec<Vec<u8>> {
    [
        "samples/juinen/station-1.toml",
        "samples/juinen/station-2-warnings.toml",
        "samples/juinen/station-3-errors.toml",
    ]
    .iter()
    .map(|p| read(p))
    .collect()
}

/// A 510b of the demo election, written by telraam from the three samples.
fn count_seed() -> Vec<u8> {
    let election = Election::demo();
    let records: Vec<_> = result_seeds()
        .iter()
        .map(|b| {
            telraam::result_file::from_toml("s.toml", &String::from_utf8_lossy(b), &election)
                .expect("sample")
        })
        .collect();
    telraam::eml::write::write("510b", &election, &records, "2025-08-29T21:00:00.000")
        .expect("510b")
        .into_bytes()
}

fn eml_seeds() -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = [
        "tests/data/eml/juinen/eml110a_verkiezingsdefinitie-juinen.eml.xml",
        "tests/data/eml/juinen/eml110b_stembureaulijst-juinen.eml.xml",
        "tests/data/eml/juinen/eml230b_kandidatenlijsten-juinen.eml.xml",
    ]
    .iter()
    .map(|p| read(p))
    .collect();
    seeds.push(count_seed());
    seeds
}

/// Each sample as a scanner types two QR parts of it, second part first.
fn qr_seeds() -> Vec<Vec<u8>> {
    result_seeds()
        .iter()
        .map(|b| {
            let text = String::from_utf8_lossy(b);
            let middle = text[..text.len() / 2].rfind('\n').map_or(0, |i| i + 1);
            let (first, second) = text.split_at(middle);
            format!("telraam-qr 2/2\n{second}\ntelraam-qr 1/2\n{first}").into_bytes()
        })
        .collect()
}

/// Bytes that matter to TOML and XML, and any byte at all.
fn byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        prop::sample::select(b"0123456789+-=.,'\"[]{}<>/&;#:x \n\tE".to_vec()),
        any::<u8>(),
    ]
}

/// Up to eight edits: (where, what: 0 replace, 1 insert, 2 delete, 3 duplicate a
/// stretch, the byte).
fn edits() -> impl Strategy<Value = Vec<(usize, u8, u8)>> {
    prop::collection::vec((any::<usize>(), 0u8..4, byte()), 1..8)
}

fn mutate(seed: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut out = seed.to_vec();
    for &(at, op, b) in edits {
        let i = if out.is_empty() { 0 } else { at % out.len() };
        match op {
            0 if !out.is_empty() => out[i] = b,
            1 => out.insert(i, b),
            2 if !out.is_empty() => {
                out.remove(i);
            }
            _ => {
                let end = (i + 1 + usize::from(b) % 40).min(out.len());
                let stretch = out[i..end].to_vec();
                out.splice(i..i, stretch);
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn result_files_with_random_edits_never_panic(seed in 0usize..3, edits in edits()) {
        let seeds = result_seeds();
        fuzzing::result_file(&mutate(&seeds[seed % seeds.len()], &edits));
    }

    #[test]
    fn election_files_with_random_edits_never_panic(edits in edits()) {
        fuzzing::election_file(&mutate(&read("samples/juinen/election.toml"), &edits));
    }

    #[test]
    fn qr_parts_with_random_edits_never_panic(seed in 0usize..3, edits in edits()) {
        let seeds = qr_seeds();
        fuzzing::qr_parts(&mutate(&seeds[seed % seeds.len()], &edits));
    }
}

proptest! {
    // The EML files are larger: fewer cases, each through all four readers.
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    #[test]
    fn eml_files_with_random_edits_never_panic(seed in 0usize..4, edits in edits()) {
        let seeds = eml_seeds();
        fuzzing::eml(&mutate(&seeds[seed % seeds.len()], &edits));
    }
}

#[test]
fn the_seeds_are_accepted_so_that_edits_reach_deep_into_each_parser() {
    let election = Election::demo();
    for seed in result_seeds() {
        let text = String::from_utf8_lossy(&seed);
        let record = telraam::result_file::from_toml("s.toml", &text, &election).expect("accepted");
        fuzzing::accepted_record(&election, &record);
    }
    let count = String::from_utf8_lossy(&count_seed()).into_owned();
    assert_eq!(
        telraam::eml::counts::read("c.xml", &count)
            .expect("510b read")
            .units
            .len(),
        3
    );
    for seed in qr_seeds() {
        let text = String::from_utf8_lossy(&seed);
        assert!(telraam::annex::qr::is_scanned_parts(&text));
        let joined =
            telraam::annex::qr::join(&telraam::annex::qr::split_scanned(&text)).expect("joins");
        telraam::result_file::from_toml("qr", &joined, &election).expect("the record");
    }
}
