//! `-` as a file name: standard input, for `show`, `check` and `import --format`.
//! It is read once per process, so the language probe and the command itself see
//! the same text.

use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

use crate::domain::Session;
use crate::storage::bounded::BoundedError;
use crate::storage::{self, LoadError};

/// Whether `path` names standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How standard input is named in messages.
pub const STDIN: &str = "<stdin>";

/// Standard input, whole (read the first time it is asked for), at most
/// [`storage::SESSION_FILE_LIMIT`] bytes as a file is: `dafo check - < /dev/zero`
/// grew to gigabytes before.
pub fn stdin_bytes() -> Result<Vec<u8>, BoundedError> {
    static READ: OnceLock<Result<Vec<u8>, (std::io::ErrorKind, String)>> = OnceLock::new();
    let limit = storage::SESSION_FILE_LIMIT;
    let read = READ.get_or_init(|| {
        let mut bytes = Vec::new();
        std::io::stdin().take(limit + 1).read_to_end(&mut bytes).map(|_| bytes).map_err(|e| (e.kind(), e.to_string()))
    });
    let path = || Path::new(STDIN).to_owned();
    match read {
        Ok(bytes) if bytes.len() as u64 > limit => Err(BoundedError::TooLarge { path: path(), limit }),
        Ok(bytes) => Ok(bytes.clone()),
        Err((kind, message)) => {
            Err(BoundedError::Io { path: path(), source: std::io::Error::new(*kind, message.clone()) })
        }
    }
}

/// Loads a session from `path`, or from standard input when it is `-` (errors then
/// name `<stdin>`, with line and column).
pub fn load(path: &Path) -> Result<Session, LoadError> {
    if !is_stdin(path) {
        return storage::load(path);
    }
    storage::parse_bytes(&stdin_bytes().map_err(LoadError::of_bounded)?, Path::new(STDIN))
}
