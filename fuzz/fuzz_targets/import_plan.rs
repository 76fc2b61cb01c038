//! Fuzz target: any text given to the Markdown plan importer gives a session or an
//! error with its position, never a panic; a session it gives saves and reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let path = std::path::Path::new("fuzz.md");
    if let Ok((s, _)) = dafo::export::plan_import::import(&text, path, None, "fuzz", jiff::Timestamp::UNIX_EPOCH) {
        let ron = dafo::storage::to_ron(&s);
        assert!(dafo::storage::parse(&ron, std::path::Path::new("fuzz.ron")).is_ok());
    }
});
