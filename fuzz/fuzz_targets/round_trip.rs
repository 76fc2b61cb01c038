//! Fuzz target: whatever the loader accepts, dafo writes back so that it reads the
//! same session again (a save never changes what the room said).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(session) = dafo::storage::parse(&text, Path::new("fuzz.ron")) {
        let written = dafo::storage::to_ron(&session);
        let again = dafo::storage::parse(&written, Path::new("fuzz.ron"));
        assert_eq!(again.ok().as_ref(), Some(&session), "{written}");
    }
});
