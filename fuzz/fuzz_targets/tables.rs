#![no_main]
// The harness lives in src/lib.rs so that tests/regressions.rs replays saved inputs through it.
libfuzzer_sys::fuzz_target!(|data: &[u8]| syriatalks_fuzz::tables(data));
