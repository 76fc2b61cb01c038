//! `dafo show` (a session to stdout) and `dafo export` (to a file, atomically).

use std::path::Path;
use std::process::ExitCode;

use crate::export::{Format, render};
use crate::i18n::Lang;
use crate::storage;

use super::{CommandError, print, write_new};

/// Prints `file` in `format`.
pub fn show(file: &Path, format: Format, lang: Lang) -> Result<ExitCode, CommandError> {
    let session = storage::load(file)?;
    print(&render(&session, lang, format))?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `file` as `format` (or the format `output`'s extension names) to `output`.
pub fn export(
    file: &Path,
    format: Option<Format>,
    output: &Path,
    force: bool,
    lang: Lang,
) -> Result<ExitCode, CommandError> {
    let format = format
        .or_else(|| Format::from_extension(output))
        .ok_or_else(|| CommandError::UnknownFormat { path: output.to_owned() })?;
    let session = storage::load(file)?;
    write_new(output, render(&session, lang, format).as_bytes(), force)?;
    eprintln!(
        "{}: {}",
        crate::domain::text::display_safe_lines(&output.display().to_string()),
        lang.text().cli.written
    );
    Ok(ExitCode::SUCCESS)
}
