//! Tests' way to the repository's shared files (the sample sessions, the fixtures
//! of tests/, docs/): the core's tests run in crates/core, two folders below.

use std::path::{Path, PathBuf};

/// `relative` (as `sessions/…`, `tests/fixtures/…`) from the repository's top folder.
pub fn path(relative: &str) -> PathBuf {
    let core = Path::new(env!("CARGO_MANIFEST_DIR"));
    core.ancestors().nth(2).unwrap_or(core).join(relative)
}
