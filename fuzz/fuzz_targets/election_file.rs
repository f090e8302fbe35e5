//! `cargo +nightly fuzz run election_file`: see `telraam::fuzzing::election_file`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| telraam::fuzzing::election_file(data));
