//! The review-and-share commands (`show`, `export`, `list`, `diff`, `import`,
//! `copy`, `completions`, `man`) and `carry_over` for `new --from`. Each `run`
//! prints its output and returns the exit code, or an error that names the file.

pub mod carry;
pub mod copy;
pub mod diff;
pub mod import;
pub mod list;
pub mod meta;
pub mod report;
pub mod review;
pub mod show;

use std::path::PathBuf;
use std::process::ExitCode;

use thiserror::Error;

use crate::export::import::ImportError;
use crate::storage::LoadError;

pub use carry::carry_over;

/// Why a command failed. Every message names the file and says what to do.
#[derive(Debug, Error)]
pub enum CommandError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error("{}: already exists; use --force to replace it", path.display())]
    Exists { path: PathBuf },
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: cannot read the directory: {source}", path.display())]
    ReadDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: cannot tell the format from the extension; pass --format (md, txt, html, html-fragment, csv, json)", path.display())]
    UnknownFormat { path: PathBuf },
    #[error("cannot write to stdout: {0}")]
    Stdout(#[source] std::io::Error),
    #[error("{0}")]
    Copy(String),
    /// `dafo review` and `dafo report`: the message names the file.
    #[error("{0}")]
    Review(String),
}

/// Prints the error of a failed command (`dafo: file:line:col: ...`) and turns
/// the result into an exit code.
pub fn finish(result: Result<ExitCode, CommandError>) -> ExitCode {
    result.unwrap_or_else(|err| {
        eprintln!("dafo: {err}");
        ExitCode::FAILURE
    })
}

/// Writes `text` to stdout. A closed pipe (`dafo show x | head`) is not an error.
pub(crate) fn print(text: &str) -> Result<(), CommandError> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CommandError::Stdout(e)),
        _ => Ok(()),
    }
}

/// Writes `bytes` to `path` atomically, refusing to replace a file unless `force`.
pub(crate) fn write_new(path: &std::path::Path, bytes: &[u8], force: bool) -> Result<(), CommandError> {
    if !force && path.exists() {
        return Err(CommandError::Exists { path: path.to_owned() });
    }
    crate::storage::write_atomic(path, bytes).map_err(|source| CommandError::Write { path: path.to_owned(), source })
}
