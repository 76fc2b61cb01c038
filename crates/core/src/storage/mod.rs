//! Session files: the versioned RON format, atomic saving and file names.

mod atomic;
pub mod backup;
pub mod bounded;
pub mod commands;
mod disk;
mod error_text;
mod file;
mod format;
pub mod journal;
mod language_probe;
pub mod lock;
mod names;
mod ron_problem;
mod ron_problem_text;
mod save;

pub use atomic::{name_with, remove_stray_temps_beside, temp_file_in, write_atomic, write_atomic_new};
pub use format::{LoadError, ParseProblem, SESSION_FILE_LIMIT, load, parse, to_ron, to_ron_unless};
pub use language_probe::{language_in_file, language_of};
pub use names::{file_name_for_title, new_session_path, new_session_path_after};
pub use ron_problem::{Kind as RonKind, RonProblem};

pub use backup::{RecoverError, Recovery, recover};
pub use disk::{
    DiskChange, DiskState, Loaded, check_disk, file_hash, load_session, parse_bytes, remove_stray_temps, utf8_error_at,
};
pub use file::SessionFile;
pub use file::resolve_link;
pub use lock::{LockError, LockInfo, SessionLock};
pub use save::{BackupFailure, SaveError, SaveReport, save_session, save_session_with};

use std::path::Path;

use crate::domain::Session;

/// Writes `session` to `path` atomically (temp file, fsync, rename).
pub fn save(path: &Path, session: &Session) -> std::io::Result<()> {
    write_atomic(path, to_ron(session).as_bytes())
}
