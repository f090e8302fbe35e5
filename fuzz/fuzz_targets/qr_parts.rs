//! `cargo +nightly fuzz run qr_parts`: see `telraam::fuzzing::qr_parts`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| telraam::fuzzing::qr_parts(data));
