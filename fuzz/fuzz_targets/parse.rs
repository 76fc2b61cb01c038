//! Fuzz target: any bytes given to the session loader give a session or an error,
//! never a panic, a hang or a stack overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = dafo::storage::parse(&text, std::path::Path::new("fuzz.ron"));
});
