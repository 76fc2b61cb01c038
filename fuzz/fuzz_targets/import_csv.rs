//! Fuzz target: any text given to the CSV importer gives a session or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = dafo::export::import::csv(&text, std::path::Path::new("fuzz.csv"));
});
