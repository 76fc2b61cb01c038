//! `-` as a file name: standard input, for `show`, `check` and `import --format`.
//! It is read once per process, so the language probe and the command itself see
//! the same text.

use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

use crate::domain::Session;
use crate::storage::{self, LoadError};

/// Whether `path` names standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Standard input, whole (read the first time it is asked for).
pub fn stdin_bytes() -> std::io::Result<Vec<u8>> {
    static STDIN: OnceLock<Result<Vec<u8>, (std::io::ErrorKind, String)>> = OnceLock::new();
    let read = STDIN.get_or_init(|| {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map(|_| bytes).map_err(|e| (e.kind(), e.to_string()))
    });
    read.clone().map_err(|(kind, message)| std::io::Error::new(kind, message))
}

/// Loads a session from `path`, or from standard input when it is `-` (errors then
/// name `<stdin>`, with line and column).
pub fn load(path: &Path) -> Result<Session, LoadError> {
    if !is_stdin(path) {
        return storage::load(path);
    }
    let stdin = Path::new("<stdin>");
    let bytes = stdin_bytes().map_err(|source| LoadError::Io { path: stdin.to_owned(), source })?;
    storage::parse_bytes(&bytes, stdin)
}
