//! Fuzz target: any text given to the Markdown importer builds a session, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let imported = dafo::export::import::markdown(&text);
    let _ = dafo::export::import::build(imported, "fuzz", jiff::Timestamp::UNIX_EPOCH);
});
