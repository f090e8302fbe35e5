//! `cargo +nightly fuzz run eml`: see `telraam::fuzzing::eml`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| telraam::fuzzing::eml(data));
