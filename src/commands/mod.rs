//! The review-and-share commands (`show`, `export`, `list`, `diff`, `import`,
//! `copy`, `completions`, `man`) and `carry_over` for `new --from`. Each `run`
//! prints its output and returns the exit code, or an error that names the file.

pub mod copy;
pub mod demo;
pub mod diff;
pub mod git_setup;
pub mod import;
pub mod input;
pub mod list;
pub mod merge;
pub mod meta;
pub mod pending;
pub mod publish;
pub mod report;
pub mod review;
pub mod sheets;
pub mod show;

use std::path::PathBuf;
use std::process::ExitCode;

use thiserror::Error;

use crate::export::import::ImportError;
use crate::i18n::Lang;
use crate::storage::LoadError;

/// `new --from`: carrying a session into the next year is the domain's.
pub use crate::domain::carry_over;

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
    #[error("{}: cannot tell the format from the extension; pass --format (md, txt, html, html-fragment, csv, json, docx)", path.display())]
    UnknownFormat { path: PathBuf },
    #[error("cannot write to stdout: {0}")]
    Stdout(#[source] std::io::Error),
    #[error("{0}")]
    Copy(String),
    /// `dafo review` and `dafo report`: the message names the file.
    #[error("{0}")]
    Review(String),
    /// A binary format asked for on a terminal.
    #[error("{0}")]
    Binary(String),
    /// `dafo import --survey`: a mapping or a file refused (the message names the file).
    #[error("{0}")]
    Survey(String),
    /// `dafo import -` without `--format`.
    #[error("reading standard input (-) needs --format md or csv")]
    StdinNeedsFormat,
    /// An error said in `lang`, whatever language the command speaks: an
    /// import's, once the file said the language of its content.
    #[error("{error}")]
    InLanguage { lang: Lang, error: Box<CommandError> },
}

impl CommandError {
    /// The message in `lang`. The details that come from the system or the RON
    /// parser (`No such file or directory`, `Expected ...`) stay as they are given.
    pub fn message(&self, lang: Lang) -> String {
        let cli = &lang.text().cli;
        match self {
            CommandError::Load(e) => load_message(e, lang),
            CommandError::Import(e) => e.message(lang),
            CommandError::Exists { path } => format!("{}: {}", path.display(), cli.exists),
            CommandError::Write { path, source } => {
                format!("{}: {}: {}", path.display(), cli.cannot_write, crate::i18n::os_error(source, lang))
            }
            CommandError::ReadDir { path, source } => {
                format!("{}: {}: {}", path.display(), cli.cannot_read_dir, crate::i18n::os_error(source, lang))
            }
            CommandError::UnknownFormat { path } => format!("{}: {}", path.display(), cli.unknown_format),
            CommandError::Stdout(e) => format!("{}: {}", cli.stdout, crate::i18n::os_error(e, lang)),
            CommandError::Copy(text)
            | CommandError::Binary(text)
            | CommandError::Review(text)
            | CommandError::Survey(text) => text.clone(),
            CommandError::StdinNeedsFormat => cli.stdin_format.to_owned(),
            CommandError::InLanguage { lang, error } => error.message(*lang),
        }
    }
}

/// A session the TUI cannot open, said in `lang`, with what to do next: a file
/// that no longer reads may have a good backup; a name that is not there may be
/// a session still to start.
pub fn open_message(e: &LoadError, file: &std::path::Path, lang: Lang) -> String {
    let cli = &lang.text().cli;
    match e {
        LoadError::Parse { .. } | LoadError::Id { .. } => {
            format!("{}\n{}", load_message(e, lang), (cli.recover_hint)(&file.display().to_string()))
        }
        LoadError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            format!("{}\n{}", load_message(e, lang), cli.new_hint)
        }
        other => load_message(other, lang),
    }
}

/// A session that does not open, said in `lang` ([`LoadError::message`]).
pub fn load_message(e: &LoadError, lang: Lang) -> String {
    e.message(lang)
}

/// Prints the error of a failed command (`dafo: file:line:col: ...`) in `lang`
/// and turns the result into an exit code.
pub fn finish(result: Result<ExitCode, CommandError>, lang: Lang) -> ExitCode {
    result.unwrap_or_else(|err| {
        // Messages name files: a name's escape sequences never reach the terminal.
        eprintln!("dafo: {}", crate::domain::text::display_safe_lines(&err.message(lang)));
        ExitCode::FAILURE
    })
}

/// Writes human-readable `text` (a report, what a command did) to stdout,
/// cleaned line by line with [`display_safe_lines`]: names and fields from a file
/// or a path never drive the terminal. Machine formats go through [`print_bytes`].
///
/// [`display_safe_lines`]: crate::domain::text::display_safe_lines
pub(crate) fn print_text(text: &str) -> Result<(), CommandError> {
    print(&crate::domain::text::display_safe_lines(text))
}

/// Says `text` on stderr, cleaned as [`print_text`] cleans.
pub(crate) fn say(text: &str) {
    eprintln!("{}", crate::domain::text::display_safe_lines(text));
}

/// Refuses to write `output` when it is one of `inputs`: the same path, a link to
/// it, or another name (hard link) of the same file. `--force` replaces other
/// files, never what the command reads.
pub(crate) fn refuse_input_as_output(
    output: &std::path::Path,
    inputs: &[&std::path::Path],
    lang: Lang,
) -> Result<(), CommandError> {
    if inputs.iter().any(|i| same_file(i, output)) {
        let why = lang.text().limits.output_is_input;
        return Err(CommandError::Copy(format!("{}: {why}", output.display())));
    }
    Ok(())
}

/// Whether `a` and `b` name the same file (by device and inode, links followed),
/// or the same path when either is not there yet.
pub(crate) fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    #[cfg(unix)]
    if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
        use std::os::unix::fs::MetadataExt as _;
        return (x.dev(), x.ino()) == (y.dev(), y.ino());
    }
    let canon = |p: &std::path::Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_owned());
    canon(a) == canon(b)
}

/// Writes `text` to stdout. A closed pipe (`dafo show x | head`) is not an error.
pub fn print(text: &str) -> Result<(), CommandError> {
    print_bytes(text.as_bytes())
}

/// Writes `bytes` to stdout, as [`print`] does ([`crate::storage::commands::print_bytes`]).
pub(crate) fn print_bytes(bytes: &[u8]) -> Result<(), CommandError> {
    crate::storage::commands::print_bytes(bytes).map_err(CommandError::Stdout)
}

/// Writes `bytes` to `path` atomically, refusing to replace a file unless `force`.
pub(crate) fn write_new(path: &std::path::Path, bytes: &[u8], force: bool) -> Result<(), CommandError> {
    let write = |path: &std::path::Path, bytes: &[u8]| {
        // Without --force the file is created exclusively: one made meanwhile is kept.
        if force { crate::storage::write_atomic(path, bytes) } else { crate::storage::write_atomic_new(path, bytes) }
    };
    write(path, bytes).map_err(|source| match source.kind() {
        std::io::ErrorKind::AlreadyExists => CommandError::Exists { path: path.to_owned() },
        _ => CommandError::Write { path: path.to_owned(), source },
    })?;
    // The temp files a killed `export -o` / `report -o` left beside it, as the
    // editor sweeps its own; never another run's in flight.
    let _ = crate::storage::remove_stray_temps_beside(path);
    Ok(())
}

/// The sessions of `files` in order; the first is `first` when `main` already read
/// it (to learn its language), so no file is read twice.
pub(crate) fn load_all(
    files: &[PathBuf],
    mut first: Option<Result<crate::domain::Session, crate::storage::LoadError>>,
) -> impl Iterator<Item = (&PathBuf, Result<crate::domain::Session, crate::storage::LoadError>)> {
    files.iter().map(move |f| (f, first.take().unwrap_or_else(|| crate::storage::load(f))))
}

#[cfg(test)]
mod error_scan_tests;
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_says_what_to_do_next_in_every_language() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("taller.ron");
        let damaged = dir.path().join("roto.ron");
        std::fs::write(&damaged, "(version: 4, meta: (title: \"x\"").unwrap();
        for &lang in Lang::ALL {
            let cli = &lang.text().cli;
            let e = crate::storage::load(&missing).unwrap_err();
            let said = open_message(&e, &missing, lang);
            assert!(said.starts_with(&format!("{}: ", missing.display())), "{said}");
            assert!(said.ends_with(cli.new_hint) && said.contains("dafo new"), "{said}");
            let e = crate::storage::load(&damaged).unwrap_err();
            let said = open_message(&e, &damaged, lang);
            assert!(said.contains("roto.ron:1:"), "file:line:column first: {said}");
            assert!(said.contains(&format!("dafo recover {}", damaged.display())), "{said}");
            assert!(!said.contains(cli.new_hint), "{said}");
        }
    }
}
