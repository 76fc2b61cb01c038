//! `dafo show` (a session to stdout) and `dafo export` (to a file, atomically).

use std::path::Path;
use std::process::ExitCode;

use std::io::IsTerminal as _;

use crate::export::{Format, bytes, is_binary};
use crate::i18n::Lang;
use crate::storage;

use super::{CommandError, print_bytes, write_new};

/// Prints `file` in `format`. A binary format (docx) goes only to a pipe or a
/// redirection, never to a terminal.
pub fn show(file: &Path, format: Format, lang: Lang) -> Result<ExitCode, CommandError> {
    if is_binary(format) && std::io::stdout().is_terminal() {
        return Err(CommandError::Binary(lang.text().cli.binary_on_terminal.to_owned()));
    }
    let session = super::input::load(file)?;
    print_bytes(&bytes(&session, lang, format))?;
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
    write_new(output, &bytes(&session, lang, format), force)?;
    eprintln!(
        "{}: {}",
        crate::domain::text::display_safe_lines(&output.display().to_string()),
        lang.text().cli.written
    );
    Ok(ExitCode::SUCCESS)
}
