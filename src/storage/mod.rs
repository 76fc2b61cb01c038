//! Session files: the versioned RON format, atomic saving and file names.

mod atomic;
mod format;
mod names;

pub use atomic::write_atomic;
pub use format::{LoadError, load, parse, to_ron};
pub use names::{file_name_for_title, new_session_path};

use std::path::Path;

use crate::domain::Session;

/// Writes `session` to `path` atomically (temp file, fsync, rename).
pub fn save(path: &Path, session: &Session) -> std::io::Result<()> {
    write_atomic(path, to_ron(session).as_bytes())
}
