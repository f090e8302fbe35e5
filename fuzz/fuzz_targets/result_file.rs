//! `cargo +nightly fuzz run result_file`: see `telraam::fuzzing::result_file`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| telraam::fuzzing::result_file(data));
